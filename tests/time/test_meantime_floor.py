"""Regression gate: Tacitus' time scores on MEANTIME must not fall below the floors pinned in eval/."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "eval" / "time_meantime_floors.json").read_text())


@pytest.fixture(scope="module")
def meantime_scores(shared_dir):
    sys.path.insert(0, str(REPO / "eval"))
    from time_meantime import evaluate

    rows = evaluate(shared_dir / "eval-data" / "meantime", with_heideltime=False, progress=lambda _: None)
    return next(row for row in rows if row.system == "tacitus")


@pytest.mark.parametrize("metric", [name for name in FLOORS if not name.startswith("_")])
def test_meantime_score_stays_above_floor(meantime_scores, metric):
    assert getattr(meantime_scores, metric) >= FLOORS[metric], (metric, getattr(meantime_scores, metric))


def test_meantime_reader_finds_every_article(shared_dir):
    sys.path.insert(0, str(REPO / "eval"))
    from time_corpus import read_meantime

    articles = read_meantime(shared_dir / "eval-data" / "meantime")
    assert len(articles) == 120
    assert all(article.dct is not None for article in articles)
    for article in articles:
        for gold in article.gold:
            assert article.text[gold.start : gold.end] == gold.text
