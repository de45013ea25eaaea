"""Event rows with the scales analysts count with (quad class, CAMEO code, Goldstein value) added."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from tacitus.events.scales import scale_of
from tacitus.store.rows import EventRow


@dataclass(frozen=True)
class ScaledEventRow(EventRow):
    quad: str | None
    quad_class: int | None
    cameo_code: str | None
    cameo_root: str | None
    goldstein: float | None


def scaled(row: EventRow) -> ScaledEventRow:
    """The row with its type's scales; all None for a type outside the ontology (never a guessed value)."""
    try:
        scale = scale_of(row.type, row.mode)
    except KeyError:
        return ScaledEventRow(
            **asdict(row), quad=None, quad_class=None, cameo_code=None, cameo_root=None, goldstein=None
        )
    return ScaledEventRow(
        **asdict(row),
        quad=scale.quad,
        quad_class=scale.quad_class,
        cameo_code=scale.cameo_code,
        cameo_root=scale.cameo_root,
        goldstein=scale.goldstein,
    )
