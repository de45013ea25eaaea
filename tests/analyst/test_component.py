"""`nlp.add_pipe("tacitus")` on a pipeline built from our model gives what `tacitus.extract` gives."""

from __future__ import annotations

import pytest
import spacy

import tacitus.component  # noqa: F401 - registers the factory
from tacitus.nlp import MODEL_NAME
from tests.conftest import SAMPLE_PUBLISHED


@pytest.fixture(scope="module")
def user_nlp():
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("tacitus", config={"published": SAMPLE_PUBLISHED})
    return nlp


def test_component_adds_paragraph_breaks_before_the_parser(user_nlp):
    names = user_nlp.pipe_names
    assert names.index("tacitus_paragraph_breaks") < names.index("parser") and names[-1] == "tacitus"


def test_component_gives_the_same_events_as_extract(user_nlp, sample_text, sample_document):
    doc = user_nlp(sample_text)
    assert doc._.tacitus_error is None
    assert [e.model_dump() for e in doc._.tacitus_events] == [e.model_dump() for e in sample_document.events]
    assert [q.model_dump() for q in doc._.tacitus_quotes] == [q.model_dump() for q in sample_document.quotes]
    assert [a.model_dump() for a in doc._.tacitus_actors] == [a.model_dump() for a in sample_document.actors]
    assert doc._.tacitus.article.id == sample_document.article.id


def test_component_reuses_the_parse_of_plain_body_text(user_nlp, monkeypatch):
    text = "Russian Foreign Minister Sergey Lavrov met Hamas officials in Moscow on Monday."
    calls = []
    original = type(user_nlp).__call__
    monkeypatch.setattr(
        type(user_nlp), "__call__", lambda self, *a, **k: calls.append(a) or original(self, *a, **k)
    )
    doc = user_nlp(text)
    assert len(calls) == 1  # no second parse: the article text is the Doc's text
    assert [e.type for e in doc._.tacitus_events] == ["CONSULT"]
    assert doc._.tacitus.article.text == doc.text


def test_component_per_doc_publication_date_and_pipe(user_nlp):
    docs = list(user_nlp.pipe(["Lavrov met Abbas in Moscow on Monday.", "   "]))
    assert docs[0]._.tacitus_events[0].date.value == "2024-06-10"
    assert (
        docs[1]._.tacitus is None and docs[1]._.tacitus_error
    )  # an empty text fails alone, the batch goes on
