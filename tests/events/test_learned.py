"""The learned event decisions: the weight files, the scoring, the features and the side assignment.

Hand-built `Doc`s and tiny hand-written models pin the logic; the trained models' quality is pinned by the
evaluation floors (`test_learned_floors.py`), not by exact outputs.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

from tacitus.contract import EventStatus
from tacitus.errors import ConfigError
from tacitus.events.learned.decide import Candidate, fill_sides, predicted_type
from tacitus.events.learned.features import argument_features, path, predicate_features
from tacitus.events.learned.model import FORMAT, LinearModel, from_json, load_model
from tacitus.events.mention import Mention
from tacitus.events.ontology import load_ontology


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _doc(vocab, words, heads, deps, pos):
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words])


@pytest.fixture()
def attack(vocab):
    # "Rebels attacked the convoy ."
    return _doc(
        vocab,
        ["Rebels", "attacked", "the", "convoy", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "det", "dobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
    )


@pytest.mark.parametrize("name", ["predicate", "argument"])
def test_learned_weights_load_and_use_known_labels(name):
    model = load_model(name)
    assert model is not None, f"events/data/learned-{name}.json missing: run `make train`"
    if name == "predicate":
        known = set(load_ontology().types) | {"NONE", "YIELD"}
        assert "NONE" in model.classes and set(model.classes) <= known
    else:
        assert set(model.classes) == {"none", "source", "target"}


def test_learned_probabilities_sum_to_one_and_ignore_unknown_features():
    model = LinearModel("t", ("a", "b", "c"), (0.0, 0.0, 0.0), {"x": (2.0, 0.0, 0.0)})
    probabilities = model.probabilities(["x", "never seen"])
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert max(probabilities, key=probabilities.get) == "a"
    binary = LinearModel("t", ("no", "yes"), (0.0,), {"x": (3.0,)})
    assert binary.probabilities(["x"])["yes"] > 0.9


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "pickle", "classes": [], "intercept": [], "weights": {}}, "format"),
        (
            {
                "format": FORMAT,
                "name": "t",
                "classes": ["a", "b", "c"],
                "intercept": [0, 0, 0],
                "weights": {"x": [1]},
            },
            "'x'",
        ),
    ],
)
def test_learned_bad_weight_file_names_the_problem(data, message):
    with pytest.raises(ConfigError, match=message):
        from_json(data, "learned-test.json")


def test_learned_path_goes_up_then_down(attack):
    verb, subject, obj = attack[1], attack[0], attack[3]
    assert path(verb, subject) == ["vnsubj"]
    assert path(obj, subject) == ["^dobj", "vnsubj"]


def test_learned_features_carry_voice_hint_and_objects(attack):
    feats = predicate_features(attack[1], "ASSAULT", None)
    assert "lemma_hint=attacked|ASSAULT" in feats
    assert "hint=ASSAULT" in feats and any(f.startswith("dobj=") for f in feats)
    feats = argument_features(attack[1], attack[0], "ASSAULT", "group", passive=False)
    assert "path=vnsubj" in feats and "path_voice=vnsubj|active" in feats and "side=before" in feats


def test_learned_yield_goes_to_the_likelier_of_retreat_and_concede():
    assert predicted_type({"YIELD": 0.5, "RETREAT": 0.1, "CONCEDE": 0.2, "NONE": 0.2}, None) == (
        "CONCEDE",
        0.7,
    )
    assert predicted_type({"YIELD": 0.5, "RETREAT": 0.1, "NONE": 0.4}, "RETREAT")[0] == "RETREAT"
    assert predicted_type({"NONE": 1.0}, None) == ("NONE", 0.0)


def _coder():
    return SimpleNamespace(verb_entry=lambda t: None, noun_entry=lambda t: None, speech_head=lambda t: None)


def _mention(trigger, sources=None, targets=None):
    return Mention(
        type="ASSAULT",
        mode=None,
        status=EventStatus.OCCURRED,
        rule="verb:attack",
        trigger=trigger,
        anchors=[trigger],
        sources=list(sources or []),
        targets=list(targets or []),
    )


SIDES = LinearModel(
    "argument",
    ("none", "source", "target"),
    (1.0, 0.0, 0.0),
    {"path=vnsubj": (0.0, 3.0, 0.0), "path=vdobj": (0.0, 0.0, 3.0)},
)


def test_learned_sides_fill_only_what_the_rules_left_empty(attack):
    candidates = [Candidate("A1", attack[0], "group"), Candidate("A2", attack[3], "group")]
    empty = _mention(attack[1])
    fill_sides(_coder(), empty, candidates, SIDES)
    assert (empty.sources, empty.targets) == (["A1"], ["A2"])
    ruled = _mention(attack[1], sources=["A9"])
    fill_sides(_coder(), ruled, candidates, SIDES)
    assert (ruled.sources, ruled.targets) == (["A9"], ["A2"])


def test_learned_sides_stay_empty_below_the_threshold(attack):
    unsure = LinearModel("argument", ("none", "source", "target"), (2.0, 0.0, 0.0), {})
    mention = _mention(attack[1])
    fill_sides(_coder(), mention, [Candidate("A1", attack[0], "group")], unsure)
    assert mention.sources == [] and mention.targets == []


REPO = Path(__file__).resolve().parents[2]


def _module(folder: str, name: str):
    sys.path.insert(0, str(REPO / "eval"))
    spec = importlib.util.spec_from_file_location(name, REPO / folder / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_learned_own_examples_use_known_types_and_mark_their_sides():
    training = _module("train", "events_learned")
    items = training.read_examples(training.EXAMPLES)
    known = set(load_ontology().types) | {"NONE"}
    assert len(items) >= 100
    assert {item.type for item in items} == known  # every type, and non-events
    for item in items:
        if item.type == "NONE":
            assert item.source is None and item.target is None, item.text
        else:
            assert item.source is not None and item.target is not None, item.text
            assert "<" not in item.text


def test_learned_eval_readers_recover_spans():
    sets = _module("eval", "sentence_sets")
    text, spans = sets._unmark("<s>Rwanda</s> expelled <t>the envoy</t>.")
    assert text == "Rwanda expelled the envoy."
    assert text[slice(*spans["s"])] == "Rwanda" and text[slice(*spans["t"])] == "the envoy"
    sentence = sets._rebuild(
        [("Police", "B-S"), ("arrested", "O"), ("the", "B-T"), ("leader", "I-T"), (".", "O")]
    )
    assert sentence.text == "Police arrested the leader."
    assert [sentence.text[a:b] for a, b in sentence.spans["T"]] == ["the leader"]
