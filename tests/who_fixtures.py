"""Fixtures for the who-stage tests (actors, quotes, claims): run them on a text without the rest of the pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus import actors, claims, nlp, quotes
from tacitus.analysis import Analysis, Part
from tacitus.contract import Actor, Article, Document


def run_who(text: str, published: str | None = "2024-06-11") -> Document:
    doc = nlp.parse(text)
    analysis = Analysis(
        doc=doc,
        published=date.fromisoformat(published) if published else None,
        parts=[Part(None, 0, len(text))],
    )
    document = Document(article=Article(id="test", text=text, published=published))
    actors.annotate(analysis, document)
    quotes.annotate(analysis, document)
    claims.annotate(analysis, document)
    return document


def by_name(document: Document, name: str) -> Actor:
    found = [a for a in document.actors if a.name == name or name in a.aliases]
    assert found, f"no actor {name!r} among {[a.name for a in document.actors]}"
    return found[0]


@pytest.fixture(scope="session")
def find():
    """`find(document, name)`: the actor with that name or alias."""
    return by_name


@pytest.fixture(scope="session")
def who():
    return run_who


@pytest.fixture(scope="session")
def sample_who(sample_text):
    return run_who(sample_text, "2024-06-11")
