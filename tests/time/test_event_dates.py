"""date_for_span: an event or quote takes its clause's timex, else its reporting verb's, else none."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus import nlp
from tacitus.analysis import Analysis, analysis_text
from tacitus.contract import Article, Document
from tacitus.time import annotate, date_for_span


def _prepare(text: str, published: date | None = date(2024, 6, 11)) -> tuple[Analysis, Document]:
    full, parts = analysis_text(text, [])
    analysis = Analysis(doc=nlp.parse(full), published=published, parts=parts)
    document = Document(article=Article(id="t", text=text))
    annotate(analysis, document)
    return analysis, document


def _date_of(text: str, trigger: str, **kwargs):
    analysis, document = _prepare(text)
    start = text.index(trigger)
    return date_for_span(analysis, document, start, start + len(trigger), **kwargs)


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        ("Hamas released three hostages in November.", "released", "2023-11"),
        ("The March meeting followed a visit by the delegation.", "meeting", "2024-03"),
        (
            "After a meeting in Moscow on Monday night, he vowed to free the hostages.",
            "meeting",
            "2024-06-10TNI",
        ),
        ("Marzouk said on Tuesday that Russia should be a guarantor of the deal.", "guarantor", "2024-06-11"),
        ("Marzouk said on Tuesday that Russia should be a guarantor of the deal.", "said", "2024-06-11"),
        ("Ushakov told reporters on Monday that a date has been agreed.", "agreed", "2024-06-10"),
        ("“We insist that Russia be the guarantor,” Marzouk said on Tuesday.", "insist", "2024-06-11"),
    ],
)
def test_event_takes_clause_or_reporting_date(text, trigger, value):
    found = _date_of(text, trigger)
    assert found is not None and found.value == value
    assert found.inferred is False


def test_event_in_another_clause_does_not_take_the_date():
    text = "Abbas visited Russia in 2021, and the talks continue."
    assert _date_of(text, "continue") is None


def test_undated_event_is_none_or_the_flagged_article_date():
    text = "Russia wants a greater role in the talks."
    assert _date_of(text, "wants") is None
    fallback = _date_of(text, "wants", fallback_to_published=True)
    assert fallback is not None and fallback.value == "2024-06-11" and fallback.inferred


def test_date_text_is_the_timex_words():
    found = _date_of("Hamas released three hostages in November.", "released")
    assert found.text == "November"


def test_annotate_warns_when_publication_date_is_unknown():
    analysis, document = _prepare("Hamas released three hostages in November.", published=None)
    assert [t.value for t in document.timexes] == ["XXXX-11"]
    assert any("no publication date" in warning for warning in document.article.warnings)
