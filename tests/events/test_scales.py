"""Quad classes, CAMEO codes and Goldstein values: our own data file, loaded and checked."""

from __future__ import annotations

import pytest

from tacitus.events import load_ontology
from tacitus.events.scales import QUADS, cameo_code, load_goldstein, quad_types, scale_of


def test_goldstein_has_every_cameo_root_within_the_scale():
    values = load_goldstein()
    assert sorted(values) == [f"{n:02d}" for n in range(1, 21)]
    assert all(-10 <= v <= 10 for v in values.values())


@pytest.mark.parametrize(("root", "value"), [("04", 1.0), ("07", 7.0), ("10", -5.0), ("19", -10.0)])
def test_goldstein_published_root_values(root, value):
    assert load_goldstein()[root] == value


def test_cooperation_roots_score_above_conflict_roots():
    values = load_goldstein()
    assert min(values[r] for r in ("03", "05", "06", "07", "08")) > max(
        values[r] for r in ("10", "13", "14", "17", "18")
    )


@pytest.mark.parametrize("type_name", sorted(load_ontology().types))
def test_every_plover_type_has_a_scale_consistent_with_gdelt_quad_classes(type_name):
    scale = scale_of(type_name)
    root = int(scale.cameo_root)
    gdelt_quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    assert scale.quad_class == gdelt_quad
    assert QUADS[scale.quad_class] == scale.quad
    assert scale.goldstein == load_goldstein()[scale.cameo_root]


@pytest.mark.parametrize(
    ("type_name", "mode", "code"),
    [
        ("CONSULT", "phone", "041"),
        ("CONSULT", "visit", "040"),
        ("CONSULT", None, "040"),
        ("ACCUSE", "investigate", "090"),
        ("ACCUSE", None, "110"),
        ("ASSAULT", "firearms", "193"),
        ("ASSAULT", "massacre", "200"),
        ("RETREAT", "ceasefire", "0871"),
        ("AGREE", "no-such-mode", "030"),
    ],
)
def test_cameo_code_is_as_specific_as_type_and_mode_fix_it(type_name, mode, code):
    assert cameo_code(type_name, mode) == code
    assert scale_of(type_name, mode).cameo_root == code[:2]


def test_unknown_type_is_a_key_error_naming_it():
    with pytest.raises(KeyError, match="FLY"):
        scale_of("FLY")


@pytest.mark.parametrize(
    ("quad", "member"),
    [(1, "CONSULT"), ("2", "AID"), ("verbal_conflict", "REQUEST"), ("material-conflict", "ASSAULT")],
)
def test_quad_types(quad, member):
    types = quad_types(quad)
    assert member in types
    assert all(load_ontology().types[t].quad_class == load_ontology().types[member].quad_class for t in types)


def test_bad_quad_names_the_value():
    with pytest.raises(ValueError, match="'5'"):
        quad_types("5")
