"""Regression gate of the learned decisions: the sentence-level evaluations on a fixed subset of each set's
check part stay above floors pinned in `eval/events_floors.json` (`learned_subset`)."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "eval" / "events_floors.json").read_text(encoding="utf-8"))["learned_subset"]


@pytest.fixture(scope="module")
def eval_data(request) -> Path:
    """$TACITUS_EVAL_DATA when set (a worktree away from ../shared), else ../shared/eval-data or a skip."""
    if os.environ.get("TACITUS_EVAL_DATA"):
        path = Path(os.environ["TACITUS_EVAL_DATA"])
        if not path.is_dir():
            pytest.skip(f"TACITUS_EVAL_DATA={path} is not a directory")
        return path
    return request.getfixturevalue("shared_dir") / "eval-data"


def _eval_module(name: str):
    sys.path.insert(0, str(REPO / "eval"))
    spec = importlib.util.spec_from_file_location(name, REPO / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _check(items, key, limit):
    from splits import select

    return select(items, key, "check")[:limit]


@pytest.mark.timeout(180)
def test_learned_plv_check_subset_stays_above_floors(eval_data):
    module = _eval_module("events_plv")
    rows = _check(
        module.read_plv(eval_data / "plv" / "PLV_train.tsv"),
        lambda r: module.sentence_part(r.text),
        FLOORS["plv_pairs"],
    )
    scores = module.evaluate(rows)
    for key in ("found_both_sides", "type_right_all"):
        assert scores[key] >= FLOORS[f"plv_{key}"], (key, scores[key])


@pytest.mark.timeout(180)
def test_learned_cameo_ner_check_subset_stays_above_floors(eval_data):
    module = _eval_module("events_cameo_ner")
    sentences = _check(
        module.read_cameo_ner(eval_data / "cameo-ner" / "train.txt"),
        lambda s: module.sentence_part(s.text),
        FLOORS["ner_sentences"],
    )
    scores = module.evaluate(sentences)
    assert scores["source"]["overlap"]["f1"] >= FLOORS["ner_source_f1"], scores["source"]
    assert scores["target"]["overlap"]["f1"] >= FLOORS["ner_target_f1"], scores["target"]


@pytest.mark.timeout(180)
def test_learned_cameo_class_check_subset_stays_above_floors(eval_data):
    module = _eval_module("events_cameo_class")
    rows = _check(
        module.read_cameo_class(eval_data / "cameo-class" / "train.tsv"),
        lambda r: module.sentence_part(r[0]),
        FLOORS["cameo_class_sentences"],
    )
    scores = module.evaluate(rows)
    assert scores["quad_macro_f1"] >= FLOORS["cameo_class_quad_macro_f1"], scores["quad_macro_f1"]
