"""Fixtures shared by every test module: the sample article and the development data beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# List totals are counted for at most 10 ms in production (tacitus.store.counting.COUNT_TIME_MS); a loaded test
# machine must not turn the tests' exact totals into lower bounds. The time limit has tests of its own.
os.environ.setdefault("TACITUS_COUNT_TIME_MS", "10000")

pytest_plugins = ["tests.who_fixtures"]

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = REPO.parent / "shared"
SAMPLE_PATH = FIXTURES / "hamas-russia-mediation.txt"
SAMPLE_PUBLISHED = "2024-06-11"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared` (development data); tests that need it skip where it is absent."""
    if not (SHARED / "eval-data").is_dir():
        pytest.skip(
            f"../shared/eval-data not found at {SHARED}: development data is not beside this checkout"
        )
    return SHARED


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_document(sample_text):
    """The sample run through the whole pipeline once per session."""
    import tacitus

    return tacitus.extract(sample_text, published=SAMPLE_PUBLISHED)
