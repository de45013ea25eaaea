"""The rule-precision script: how it scores an event against each development set's gold."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rules_module():
    spec = importlib.util.spec_from_file_location("events_rules", REPO / "eval" / "events_rules.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["events_rules"] = module
    spec.loader.exec_module(module)
    return module


QUADS = {"ACCUSE": 3, "ASSAULT": 4, "AID": 2}


def test_type_sets_score_by_type(rules_module):
    assert rules_module.is_right("plv", "ACCUSE", {"ACCUSE"}, QUADS)
    assert not rules_module.is_right("plover-gsr", "ASSAULT", {"ACCUSE"}, QUADS)


def test_cameo_class_scores_by_quad_and_neutral_sentences_take_no_event(rules_module):
    assert rules_module.is_right("cameo-class", "ASSAULT", {"4"}, QUADS)
    assert not rules_module.is_right("cameo-class", "AID", {"4"}, QUADS)
    assert not rules_module.is_right("cameo-class", "AID", {"0"}, QUADS)


def test_plv_yield_is_retreat_or_concede(rules_module, tmp_path):
    (tmp_path / "plv").mkdir()
    header = "sentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\tgold_penta\n"
    rows = "1\tIsrael freed ten men.\tx\tIsrael\tmen\tYIELD\t2\n2\tIsrael freed ten men.\tx\tIsrael\tmen\tAID\t2\n"
    (tmp_path / "plv" / "PLV_train.tsv").write_text(header + rows, encoding="utf-8")
    assert rules_module.load_plv(tmp_path) == [("Israel freed ten men.", {"RETREAT", "CONCEDE", "AID"})]


def test_report_lists_rule_kinds_with_both_parts(rules_module):
    result = {
        "sets": {"plv": {"tune": {"sentences": 2, "with events": 1, "events": 2, "right": 1}, "check": {}}},
        "kinds": {"tune": {"verb": [2, 1]}, "check": {"verb": [1, 1]}},
        "rules": {"tune": {"verb:kill": [2, 1]}, "check": {"verb:kill": [1, 1]}},
        "seconds": 0.1,
    }
    text = rules_module.report(result, 1)
    assert "| `verb` | 2 | 0.50 | 1 | 1.00 |" in text
    assert "| plv | tune | 2 | 1 | 2 | 0.50 |" in text
