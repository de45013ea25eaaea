"""The trafilatura evaluation script on a handful of its pages (development data beside the repo)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

EVAL_SCRIPT = Path(__file__).resolve().parents[2] / "eval" / "ingest_trafilatura.py"


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("ingest_trafilatura", EVAL_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


def test_eval_reads_every_page_or_reports_why(evaluation, shared_dir):
    data = shared_dir / "eval-data" / "trafilatura-eval-en"
    html, scraped = evaluation.evaluate(data, limit=6)
    for score in (html, scraped):
        assert score.pages == 6
        assert score.read + len(score.failed) == 6
        assert all(": " in failure for failure in score.failed)
    # Floors well under the full-run numbers in docs/ingest.md, for six pages.
    assert html.read == 6
    assert html.title_similar >= html.title_gold - 2
    assert html.with_kept >= 0.8 * html.with_total


def test_title_matching_rules(evaluation):
    assert evaluation.title_matches("Losing face: masks stolen", "Losing face: Masks stolen.") == (True, True)
    assert evaluation.title_matches("Prince Harry’s interview", "Prince Harry's interview") == (True, True)
    assert evaluation.title_matches("Rezoning plan plagues Bronx bid", "Rezoning plan plagued Bronx bid") == (
        False,
        True,
    )
    assert evaluation.title_matches(None, "Anything") == (False, False)
