"""PolNeAR quote attribution on a development subset stays above its pinned floors and above textacy."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((Path(__file__).parent / "polnear_floors.json").read_text(encoding="utf-8"))


def _harness():
    spec = importlib.util.spec_from_file_location("quotes_polnear", REPO / "eval" / "quotes_polnear.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_polnear_subset_meets_floors_and_beats_textacy(shared_dir):
    report = _harness().evaluate(limit=FLOORS["subset_articles"])
    ours = report["systems"]["tacitus"]
    assert ours["attribution"]["f1"] >= FLOORS["subset"]["attribution_f1"]
    assert ours["content_only"]["f1"] >= FLOORS["subset"]["content_only_f1"]
    if "textacy" in report["systems"]:
        assert ours["attribution"]["f1"] > report["systems"]["textacy"]["attribution"]["f1"]


def test_polnear_gold_reader_keeps_discontinuous_spans(tmp_path):
    ann = tmp_path / "x_a.ann"
    ann.write_text(
        "T1\tSource 0 3\tTom\nT2\tCue 4 8\tsaid\nT3\tContent 9 12;20 25\tfoo bar\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    gold = _harness().read_gold(ann)
    assert gold[0].content == [(9, 12), (20, 25)] and gold[0].speaker == [(0, 3)]
