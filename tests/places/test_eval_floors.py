"""Regression gate: toponym recognition and resolution on TR-News' check part stay above pinned floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "eval" / "places_floors.json").read_text(encoding="utf-8"))


def _eval_module(name: str):
    sys.path.insert(0, str(REPO / "eval"))
    spec = importlib.util.spec_from_file_location(name, REPO / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.timeout(300)
def test_trnews_check_part_stays_above_floors(shared_dir):
    module = _eval_module("places_gritta")
    data = shared_dir / "eval-data" / "geoparsing-gritta" / "data" / "Corpora"
    scores = module.score("trnews", "check", data=data)
    print(scores)
    for key, floor in FLOORS["trnews_check"].items():
        assert scores[key] >= floor, (key, scores[key], floor)
