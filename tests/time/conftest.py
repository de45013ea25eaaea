"""Helpers for the time tests: real spaCy parses, tagged against a chosen publication date."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus import nlp
from tacitus.time import find_timexes


@pytest.fixture(scope="session")
def tag():
    """tag(text, published='2024-06-11') → {timex text: (type, value)} from a real parse."""

    def run(text: str, published: str | None = "2024-06-11") -> dict[str, tuple[str, str | None]]:
        anchor = date.fromisoformat(published) if published else None
        return {t.text: (t.type.value, t.value) for t in find_timexes(nlp.parse(text), anchor)}

    return run
