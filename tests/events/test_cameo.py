"""The CAMEO verb lexicon: its conversion, its loading, and the coder's use of it on hand-built parses."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tacitus.contract import ActorType
from tacitus.events.ontology import Entry, load_cameo_verbs

from .handmade import mentions, parse

REPO = Path(__file__).resolve().parents[2]
CAMEO_SAMPLE = """\
&FOOD
+FOOD
+RICE

####### VERB PATTERNS #######

---  RAID   [190]  ---
RAID
STORM {STORMED STORMING STORMS }
- * (WITH TANKS)                                      [194]         # RAID

---  RUSH   [---]  ---
RUSH
- * &FOOD                                             [073]         # RUSH
- * {RELIEF ASSISTANCE}                               [073]         # RUSH
- MEDIATORS *                                         [045]         # RUSH
- * (TO) $                                            [040]         # RUSH
"""
MAPPING_SAMPLE = """\
073: AID,   ,   humanitarian # Provide humanitarian aid
19: ASSAULT
190: ASSAULT, , military # Use conventional military force
194: ASSAULT, heavy-weapons, military # Fight with artillery and tanks
"""


def _converter():
    spec = importlib.util.spec_from_file_location(
        "convert_cameo_verbs", REPO / "scripts" / "convert_cameo_verbs.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_cameo_verbs"] = module
    spec.loader.exec_module(module)
    return module


def test_conversion_keeps_verbs_with_a_code_and_one_element_patterns(tmp_path):
    (tmp_path / "cameo.txt").write_text(CAMEO_SAMPLE, encoding="utf-8")
    (tmp_path / "map.txt").write_text(MAPPING_SAMPLE, encoding="utf-8")
    data, _stats = _converter().convert(tmp_path / "cameo.txt", tmp_path / "map.txt")
    assert data["verbs"] == {
        "raid": {"event": "ASSAULT", "cameo": "190"},
        "storm": {"event": "ASSAULT", "cameo": "190"},
    }
    blocks = {b["name"]: b for b in data["blocks"]}
    assert blocks["raid"]["preps"] == {"with tank": "ASSAULT:heavy-weapons"}
    # a synset expands to its words; a {phrase}, a pre-verb noun and an actor marker are skipped
    assert blocks["rush"]["objects"] == {"food": "AID", "rice": "AID"}
    assert blocks["rush"]["preps"] == {}


def test_unmapped_codes_are_dropped(tmp_path):
    converter = _converter()
    (tmp_path / "map.txt").write_text(MAPPING_SAMPLE, encoding="utf-8")
    mapping = converter.read_mapping(tmp_path / "map.txt")
    modes = {"ASSAULT": {"heavy-weapons"}, "AID": set()}
    assert converter.plover_code("010", mapping, modes) is None  # a statement maps to no PLOVER type
    assert converter.plover_code("1941", mapping, modes) == "ASSAULT:heavy-weapons"  # longest known prefix


def test_committed_lexicon_loads_with_known_types():
    cameo = load_cameo_verbs()
    assert cameo.verbs["raid"].type == "ASSAULT"
    assert cameo.verbs["prosecute"].type == "COERCE"
    assert cameo.objects["launch"]["offensive"] == Entry("ASSAULT")
    assert len(cameo.verbs) > 500


def test_cameo_verb_alone_needs_both_sides():
    # "Police pounded the rebels.", with and without the rebels known as an actor
    rows = [
        ("Police", 1, "nsubj", "NOUN", "NNS", "police"),
        ("pounded", 1, "ROOT", "VERB", "VBD", "pound"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("rebels", 1, "dobj", "NOUN", "NNS", "rebel"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = parse(rows)
    police = {"police": (0, 0, ActorType.GROUP, ["COP"])}
    assert mentions(doc, police) == []
    both = {**police, "rebels": (3, 3, ActorType.GROUP, ["REB"])}
    (found,) = mentions(doc, both)
    assert (found.type, found.rule) == ("ASSAULT", "cameo-verb:pound")
    assert found.sources == ["police"] and found.targets == ["rebels"]


def test_hand_lexicon_wins_over_cameo():
    # "Police raided Hamas." (CAMEO: 190 ASSAULT; ours: COERCE)
    rows = [
        ("Police", 1, "nsubj", "NOUN", "NNS", "police"),
        ("raided", 1, "ROOT", "VERB", "VBD", "raid"),
        ("Hamas", 1, "dobj", "PROPN", "NNP", "Hamas"),
    ]
    actors = {"police": (0, 0, ActorType.GROUP, ["COP"]), "Hamas": (2, 2, ActorType.ORGANIZATION, [])}
    (found,) = mentions(parse(rows), actors)
    assert (found.type, found.rule) == ("COERCE", "verb:raid")


def test_cameo_object_pattern_codes_one_event_with_the_object_as_trigger():
    # "Rebels captured the city of Sirte."
    rows = [
        ("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
        ("captured", 1, "ROOT", "VERB", "VBD", "capture"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("city", 1, "dobj", "NOUN", "NN", "city"),
        ("of", 3, "prep", "ADP", "IN", "of"),
        ("Sirte", 4, "pobj", "PROPN", "NNP", "Sirte"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    actors = {"rebels": (0, 0, ActorType.GROUP, ["REB"])}
    (found,) = mentions(parse(rows), actors)
    assert (found.rule, found.type, found.mode) == ("cameo-object:capture", "COERCE", "seize")
    assert found.sources == ["rebels"] and found.trigger.text == "city"


def test_cameo_intent_patterns_are_left_to_the_control_verbs():
    # "Colombia approved the plan." (CAMEO: 03x, express intent; our control verbs read intent)
    rows = [
        ("Colombia", 1, "nsubj", "PROPN", "NNP", "Colombia"),
        ("approved", 1, "ROOT", "VERB", "VBD", "approve"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("plan", 1, "dobj", "NOUN", "NN", "plan"),
    ]
    assert mentions(parse(rows), {"Colombia": (0, 0, ActorType.COUNTRY, [])}) == []


def test_committed_lexicon_is_what_the_converter_makes(shared_dir, tmp_path):
    out = tmp_path / "cameo_verbs.tsv"
    converter = _converter()
    code = converter.main(
        [
            "--cameo",
            str(shared_dir / "data-sources" / "phoenix-dictionaries" / "CAMEO.2.0.txt"),
            "--mapping",
            str(shared_dir / "eval-data" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"),
            "--out",
            str(out),
        ]
    )
    committed = REPO / "src" / "tacitus" / "events" / "data" / "cameo_verbs.tsv"
    assert code == 0 and out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
        "cameo_verbs.tsv is stale: run `make cameo-verbs`"
    )
