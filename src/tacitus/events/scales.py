"""The scales analysts count with: each PLOVER type's quad class and CAMEO code, and the Goldstein value.

PLOVER is many-to-one onto CAMEO, so a record's CAMEO code is only as specific as our coding fixes it: the
mode's code when the mode maps to exactly one CAMEO code, else the root of the mode's codes (ACCUSE:investigate
is root 09, ASSAULT:firearms root 19), else the type's first root; a root is written as CAMEO writes "<root>,
not specified" (040 for CONSULT). The Goldstein value is the root's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tacitus.errors import ConfigError
from tacitus.events.ontology import DATA, _read, load_ontology

QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


@dataclass(frozen=True)
class Scale:
    """What one event record counts as on the scales analysts use."""

    type: str
    quad: str  # verbal_cooperation, material_cooperation, verbal_conflict, material_conflict
    quad_class: int  # 1..4 in that order, as GDELT's QuadClass
    cameo_code: str  # the most specific CAMEO code the type and mode fix
    cameo_root: str  # two digits, 01..20
    goldstein: float


@lru_cache(maxsize=1)
def load_goldstein() -> dict[str, float]:
    """CAMEO root code ('01'..'20') → Goldstein value, from `events/data/goldstein.yaml`."""
    data = _read("goldstein.yaml")
    roots = data.get("roots")
    if not isinstance(roots, dict):
        raise ConfigError(f"{DATA / 'goldstein.yaml'}: expected a 'roots' mapping")
    low, high = data.get("range", [-10.0, 10.0])
    values = {}
    for root, value in roots.items():
        root = str(root)
        if len(root) != 2 or not root.isdigit() or not 1 <= int(root) <= 20:
            raise ConfigError(f"goldstein.yaml: {root!r} is not a CAMEO root code 01..20")
        if not isinstance(value, int | float) or not low <= value <= high:
            raise ConfigError(f"goldstein.yaml: root {root} has value {value!r} outside {low}..{high}")
        values[root] = float(value)
    missing = [f"{n:02d}" for n in range(1, 21) if f"{n:02d}" not in values]
    if missing:
        raise ConfigError(f"goldstein.yaml: no value for CAMEO root(s) {', '.join(missing)}")
    return values


def cameo_code(type_name: str, mode: str | None = None) -> str:
    """The most specific CAMEO code a PLOVER type (and mode) fixes; see the module docstring."""
    ontology = load_ontology()
    if type_name not in ontology.types:
        raise KeyError(f"unknown PLOVER type {type_name!r}")
    codes = ontology.types[type_name].modes.get(mode or "", ())
    if len(codes) == 1:
        return codes[0]
    roots = {code[:2] for code in codes}
    root = roots.pop() if len(roots) == 1 else ontology.cameo_root(type_name)
    return f"{root}0"  # CAMEO's "<root>, not specified" code


@lru_cache(maxsize=256)
def scale_of(type_name: str, mode: str | None = None) -> Scale:
    """The quad class, CAMEO code and Goldstein value of one event type (and mode); KeyError if unknown."""
    ontology = load_ontology()
    code = cameo_code(type_name, mode)
    event_type = ontology.types[type_name]
    return Scale(
        type=type_name,
        quad=event_type.quad,
        quad_class=event_type.quad_class,
        cameo_code=code,
        cameo_root=code[:2],
        goldstein=load_goldstein()[code[:2]],
    )


def quad_name(quad: str | int) -> str:
    """A quad class by name (verbal_conflict, verbal-conflict) or number (1..4) → its name; ValueError if neither."""
    text = str(quad).strip()
    name = QUADS.get(int(text)) if text.isdigit() else text.lower().replace("-", "_")
    if name not in QUADS.values():
        raise ValueError(f"quad {str(quad)!r} is not a quad class: use 1-4 or {', '.join(QUADS.values())}")
    return name


def quad_types(quad: str | int) -> list[str]:
    """The PLOVER types of one quad class, given by name (verbal_conflict) or number (1..4)."""
    name = quad_name(quad)
    return sorted(t.name for t in load_ontology().types.values() if t.quad == name)


__all__ = ["QUADS", "Scale", "cameo_code", "load_goldstein", "quad_name", "quad_types", "scale_of"]
