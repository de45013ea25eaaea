"""One list request, parsed and validated once: the `Query` the CLI, the API and the web all hand to the store.

Every filter is checked here, against the ontology and the calendar, before any SQL is built: `--since
2016-13` and `--type CONSLT` are errors naming the filter and the valid values, never an empty answer. A filter
that means nothing for a kind of row (`status` on actors) is an error too. The conditions themselves are built
in `tacitus.store.queries`, one function per filter.

Errors carry codes (`[T101] …`) listed in docs/errors.md, so a user can search for them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from typing import Literal

from tacitus.contract import ActorType, EventStatus
from tacitus.errors import TacitusError

Kind = Literal["articles", "actors", "events", "quotes", "claims", "clusters"]
DIRECTIONS = ("directed", "either")
ORDERS = ("asc", "desc")
ACTOR_TYPES = tuple(t.value for t in ActorType)
STATUSES = tuple(s.value for s in EventStatus)

# What each kind can be sorted by (the first is the default); the columns are in `tacitus.store.queries`.
SORTS: dict[str, tuple[str, ...]] = {
    "articles": ("published", "title", "ingested", "events"),
    "actors": ("published", "article"),
    "events": ("date", "type", "status", "confidence", "published", "article"),
    "quotes": ("date", "published", "article"),
    "claims": ("published", "article"),
    "clusters": ("date",),
}

_SHARED = {"actor", "country", "since", "until", "q", "article", "sort", "order", "limit", "offset"}
APPLIES: dict[str, set[str]] = {
    "articles": _SHARED | {"type"},
    "actors": _SHARED | {"type"},
    "events": _SHARED
    | {"type", "status", "quad", "mode", "min_confidence", "source", "target", "dyad", "direction"},
    "quotes": set(_SHARED),
    "claims": set(_SHARED),
    "clusters": {"actor", "type", "status", "country", "since", "until", "sort", "order", "limit", "offset"},
}

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The same, as a pattern for an API schema that admits real dates only (year 1000 on, leap days included), so
# what the schema accepts the parser accepts too.
REAL_DATE_PATTERN = (
    r"^(?:[1-9]\d{3}(?:-(?:0[1-9]|1[0-2]))?"
    r"|[1-9]\d{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))"
    r"|(?:[1-9]\d(?:0[48]|[2468][048]|[13579][26])|(?:[13579][26]|[2468][048])00)-02-29)$"
)
COUNTRY = re.compile(r"^[A-Za-z]{3}$")


class QueryError(TacitusError, ValueError):
    """Filter values that cannot be used; `problems` holds (filter, message) for each, all found at once."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(message for _, message in problems))


@dataclass(frozen=True)
class Period:
    """A date filter at the precision it was given (`2024`, `2024-06`, `2024-06-10`): `text` is compared with
    the stored ISO dates by prefix, so `until=2024-06` keeps all of June; `first`/`last` are the real days."""

    text: str
    first: date
    last: date


@dataclass(frozen=True)
class Dyad:
    """Two actors on opposite sides of an event: `source` acting on `target` ("directed"), or either way."""

    source: str
    target: str
    direction: Literal["directed", "either"] = "directed"


@dataclass(frozen=True, kw_only=True)
class Query:
    """Filters, sort, order and page of one list request; build it with `parse_query`, which validates."""

    kind: Kind = "events"
    actor: str | None = None  # actor key (identity), item id (A3), KB id, or part of a name or alias
    source: str | None = None
    target: str | None = None
    dyad: Dyad | None = None
    country: str | None = None  # ISO 3166-1 alpha-3, upper case
    since: Period | None = None
    until: Period | None = None
    q: str | None = None  # case-insensitive text, including actors' names where the kind has actors
    article: str | None = None
    type: str | None = None  # PLOVER type (events, articles, clusters) or actor type (actors)
    status: str | None = None
    quad: str | None = None
    mode: str | None = None
    min_confidence: float | None = None
    sort: str = ""
    order: Literal["asc", "desc"] = "asc"
    limit: int | None = None
    offset: int = 0


FILTER_NAMES = tuple(f.name for f in fields(Query) if f.name != "kind")


@lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    from tacitus.events.ontology import load_ontology

    return tuple(load_ontology().types)


@lru_cache(maxsize=1)
def event_modes() -> tuple[str, ...]:
    from tacitus.events.ontology import load_ontology

    return tuple(sorted({mode for t in load_ontology().types.values() for mode in t.modes}))


def parse_period(name: str, value) -> Period:
    """`2024`, `2024-06` or `2024-06-10` (or a `date`) → a Period; anything else, `2016-13` included, is an
    error naming the filter."""
    if isinstance(value, date):
        return Period(value.isoformat(), value, value)
    text = str(value).strip()
    found = DATE.match(text)
    problem = f"[T101] {name} {text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
    if not found:
        raise ValueError(problem)
    year, month, day = (int(part) if part else None for part in found.groups())
    try:
        if day is not None:
            first = last = date(year, month, day)
        elif month is not None:
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        raise ValueError(f"{problem} (there is no such day or month)") from None
    return Period(text, first, last)


def parse_dyad(value, direction: str | None = None) -> Dyad:
    """'Hamas:Russia' (or a pair) → Dyad('Hamas', 'Russia'): Hamas as source acting on Russia as target,
    unless `direction` is "either"."""
    if isinstance(value, Dyad):
        return value if direction is None else Dyad(value.source, value.target, _direction(direction))
    parts = _dyad_sides(value) if isinstance(value, str) else list(value)
    parts = [str(part).strip() for part in parts]
    if len(parts) != 2 or not all(parts):
        raise ValueError(
            f"[T102] dyad {value!r} is not SOURCE:TARGET (two actor names, aliases, keys or ids, "
            "e.g. Hamas:Russia)"
        )
    return Dyad(parts[0], parts[1], _direction(direction or "directed"))


KEY_PREFIXES = ("kb", "name")  # actor keys are `kb:Q150851` or `name:…` (tacitus.actors.memory.identify)


def _dyad_sides(text: str) -> list[str]:
    """'Hamas:Russia' → ['Hamas', 'Russia']; an actor key keeps its own colon ('kb:hamas:kb:RUS')."""
    pieces, sides = text.split(":"), []
    while pieces:
        piece = pieces.pop(0)
        if piece.strip().lower() in KEY_PREFIXES and pieces:
            piece = f"{piece.strip()}:{pieces.pop(0)}"
        sides.append(piece)
    return sides


def _direction(value: str) -> Literal["directed", "either"]:
    if value not in DIRECTIONS:
        raise ValueError(f"[T103] direction {value!r} is not one of {', '.join(DIRECTIONS)}")
    return value  # type: ignore[return-value]


def _choice(name: str, value, valid: tuple[str, ...], *, upper: bool = False) -> str:
    text = str(value).strip()
    text = text.upper() if upper else text.lower()
    if text not in valid:
        raise ValueError(f"[T104] {name} {value!r} is not one of: {', '.join(valid)}")
    return text


def _whole(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"[T105] {name} {value!r} must be a whole number ≥ 0")
    return value


def _text(name: str, value) -> str:
    text = str(value).strip(" \t\n\r\f\v")  # as the API schema's `\s`: a blank value is refused in both
    if not text or "\x00" in text or len(text) > 200:
        raise ValueError(f"[T106] {name} must be 1 to 200 characters of text")
    return text


def parse_query(kind: str, given: dict | None = None, **more) -> Query:
    """Check and normalise the filters `given` for `kind`; one QueryError lists every bad filter at once.

    Unset values (None, "", empty tuple) are ignored, so a form or a command line can pass every option.
    """
    if kind not in APPLIES:
        raise QueryError([("kind", f"[T100] unknown list {kind!r}: use one of {', '.join(APPLIES)}")])
    given = {**(given or {}), **more}
    unknown = sorted(set(given) - set(FILTER_NAMES) - {"direction"})
    if unknown:  # a programming error (a misspelt keyword), not a bad value
        valid = ", ".join(sorted({*FILTER_NAMES, "direction"}))
        raise TypeError(f"[T100] unknown filter(s) {', '.join(unknown)}: use {valid}")
    given = {name: value for name, value in given.items() if not _unset(value)}
    problems = [
        (name, f"[T107] filter {name} does not apply to {kind}")
        for name in sorted(set(given) - APPLIES[kind])
    ]
    values: dict = {"kind": kind}
    direction = given.pop("direction", None)
    for name, value in given.items():
        if any(name == bad for bad, _ in problems):
            continue
        try:
            values[name] = _parse_one(kind, name, value, direction)
        except ValueError as error:
            problems.append((name, str(error)))
    if problems:
        _raise(problems)
    values.setdefault("sort", SORTS[kind][0])
    return Query(**values)


def shown_filters(query: Query) -> dict[str, str]:
    """The filters a query applies, as the user would write them (for "filters: …" lines and describe())."""
    shown = {}
    for name in FILTER_NAMES:
        value = getattr(query, name)
        if value in (None, "") or name in ("sort", "order", "limit", "offset"):
            continue
        if isinstance(value, Period):
            value = value.text
        elif isinstance(value, Dyad):
            value = f"{value.source}:{value.target}" + (
                " (either direction)" if value.direction == "either" else ""
            )
        shown[name] = str(value)
    return shown


def _unset(value) -> bool:
    """None, an empty string, an empty tuple: a form field or an option left empty (a blank one is an error)."""
    return value is None or value == () or value == ""


def _raise(problems):
    raise QueryError(problems)


def _parse_one(kind: str, name: str, value, direction):
    if name in ("since", "until"):
        return parse_period(name, value)
    if name == "dyad":
        return parse_dyad(value, direction)
    if name == "country":
        if not COUNTRY.match(str(value).strip()):
            raise ValueError(f"[T108] country {value!r} is not an ISO 3166 alpha-3 code such as RUS")
        return str(value).strip().upper()
    if name == "type":
        valid = ACTOR_TYPES if kind == "actors" else event_types()
        return _choice("type", value, valid, upper=kind != "actors")
    if name == "status":
        return _choice("status", value, STATUSES)
    if name == "mode":
        return _choice("mode", value, event_modes())
    if name == "quad":
        from tacitus.events.scales import quad_name

        try:
            return quad_name(value)
        except ValueError as error:
            raise ValueError(f"[T104] {error}") from None
    if name == "sort":
        return _choice("sort", value, SORTS[kind])
    if name == "order":
        return _choice("order", value, ORDERS)
    if name in ("limit", "offset"):
        return _whole(name, value)
    if name == "min_confidence":
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = -1.0
        if not 0 <= number <= 1:
            raise ValueError(f"[T109] min_confidence {value!r} is not a number from 0 to 1")
        return number
    return _text(name, value)  # actor, source, target, q, article


__all__ = [
    "ACTOR_TYPES",
    "REAL_DATE_PATTERN",
    "APPLIES",
    "DIRECTIONS",
    "SORTS",
    "STATUSES",
    "Dyad",
    "Period",
    "Query",
    "QueryError",
    "event_modes",
    "event_types",
    "parse_dyad",
    "parse_period",
    "parse_query",
    "shown_filters",
]
