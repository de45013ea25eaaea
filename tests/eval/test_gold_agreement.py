"""Agreement of a second annotation with the committed gold, on hand-made pairs of annotation files."""

from __future__ import annotations

from pathlib import Path

import pytest
from gold_agreement import compare, main, summarise
from gold_schema import load_gold

HEAD = "dataset: polnear\nid: x\npublished: '2016-09-01'\npublished_from: metadata\npart: tune\nquotes: []\n"
ACTORS = (
    "actors:\n"
    "  - {{id: {a}, name: Hillary Clinton, aliases: [Clinton], kind: person, country: USA, sector: {s},"
    " role: null}}\n"
    "  - {{id: trump, name: Donald Trump, aliases: [Trump], kind: person, country: USA, sector: PTY,"
    " role: null}}\n"
)
EVENT = (
    "  - {{type: {t}, mode: null, sources: [{src}], targets: [{tgt}], status: occurred, date: null,"
    " place: null, trigger: attacked, evidence: 'Trump attacked Clinton over her email server'}}\n"
)


def _write(folder: Path, actor_id: str, sector: str, events: list[tuple[str, str, str]]) -> Path:
    path = folder / "polnear" / "x.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(EVENT.format(t=t, src=src, tgt=tgt) for t, src, tgt in events)
    path.write_text(HEAD + ACTORS.format(a=actor_id, s=sector) + "events:\n" + body, encoding="utf-8")
    return path


def test_same_events_under_other_actor_ids_agree_fully(tmp_path):
    committed = load_gold(_write(tmp_path / "a", "clinton", "PTY", [("ACCUSE", "trump", "clinton")]))
    second = load_gold(_write(tmp_path / "b", "hrc", "PTY", [("ACCUSE", "trump", "hrc")]))
    summary = summarise([compare(committed, second)])
    assert summary["events"]["strict"]["f1"] == 1.0
    assert summary["actor_attributes_agree"] == 1.0


def test_a_swapped_side_and_an_extra_event_lower_strict_but_not_type(tmp_path):
    committed = load_gold(_write(tmp_path / "a", "clinton", "PTY", [("ACCUSE", "trump", "clinton")]))
    second = load_gold(
        _write(
            tmp_path / "b",
            "clinton",
            "GOV",
            [("ACCUSE", "clinton", "trump"), ("SUPPORT", "trump", "clinton")],
        )
    )
    summary = summarise([compare(committed, second)])
    assert summary["events"]["strict"]["f1"] == 0.0
    assert summary["events"]["type"] == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3})
    assert summary["actor_attributes_agree"] == 0.5  # Clinton's sector differs, Trump's agrees


def test_against_names_a_file_without_committed_counterpart_and_fails_when_nothing_compares(tmp_path, capsys):
    _write(tmp_path / "second", "clinton", "PTY", [("ACCUSE", "trump", "clinton")])
    (tmp_path / "gold").mkdir()
    code = main(["--against", str(tmp_path / "second"), "--gold", str(tmp_path / "gold")])
    assert code == 1
    assert "polnear/x" in capsys.readouterr().err
