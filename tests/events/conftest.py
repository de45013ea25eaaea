"""Helpers for the event tests: real sentences through the real pipeline (spaCy parse, actor and time stages)."""

from __future__ import annotations

import pytest

import tacitus
from tacitus.contract import Document, Event

PUBLISHED = "2024-06-11"  # a Tuesday


class Coded:
    """A document plus lookups by actor name, so tests read like the sentences they check."""

    def __init__(self, document: Document):
        self.document = document
        self.events = document.events

    def names(self, actor_ids: list[str]) -> set[str]:
        return {a.name for a in self.document.actors if a.id in actor_ids}

    def of_type(self, type_name: str) -> list[Event]:
        return [e for e in self.events if e.type == type_name]

    def one(self, type_name: str) -> Event:
        found = self.of_type(type_name)
        assert len(found) == 1, f"expected one {type_name}, got {[(e.type, e.rule) for e in self.events]}"
        return found[0]


@pytest.fixture(scope="session")
def code():
    def run(text: str, published: str = PUBLISHED) -> Coded:
        return Coded(tacitus.extract(text, published=published))

    return run
