"""Regression gate: the event evaluations on a subset of the development data stay above pinned floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "eval" / "events_floors.json").read_text(encoding="utf-8"))


def _eval_module(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.timeout(120)
def test_plover_gsr_subset_stays_above_floors(shared_dir):
    module = _eval_module("events_plover")
    floors = FLOORS["plover_subset"]
    records = module.load_records(shared_dir / "eval-data" / "plover-gsr")[: floors["records"]]
    scores = module.evaluate(records)
    print({key: scores[key] for key in ("type_accuracy", "type_macro_f1", "source_country")})
    for key in ("type_accuracy", "type_macro_f1", "source_country"):
        assert scores[key] >= floors[key], (key, scores[key], floors[key])


@pytest.mark.timeout(120)
def test_meantime_status_subset_stays_above_floors(shared_dir):
    module = _eval_module("events_meantime_status")
    floors = FLOORS["meantime_subset"]
    docs = module.load_docs(shared_dir / "eval-data" / "meantime")[: floors["documents"]]
    result = module.evaluate(docs)
    print(result["verbs"]["accuracy"], result["verbs"]["macro_f1"])
    assert result["verbs"]["accuracy"] >= floors["verbs_accuracy"]
    assert result["verbs"]["macro_f1"] >= floors["verbs_macro_f1"]
