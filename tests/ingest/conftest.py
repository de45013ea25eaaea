"""Fixture files written for the ingest tests (hand-made pages, not copies of real sites)."""

from __future__ import annotations

from pathlib import Path

import pytest

INGEST_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture(scope="session")
def ingest_fixtures() -> Path:
    return INGEST_FIXTURES
