"""Layouts for the actor page's timeline and network and for the map, computed here so templates only draw.

All coordinates are SVG user units; the templates scale them with a viewBox, so nothing depends on screen size.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

WORLD = Path(__file__).parent / "static" / "world.json"


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    label: str
    href: str
    kind: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    rows: list[tuple[str, float]]  # (event type, y)
    ticks: list[tuple[str, float, str]]  # (label, x, text-anchor)
    dots: list[Dot]


LEFT, RIGHT, ROW = 130, 20, 26


def _day(value: str | None) -> date | None:
    if not value:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None


def timeline(events, width: int = 1000) -> Timeline | None:
    """One row per event type, one dot per dated event (its date, else the article's date)."""
    dated = [(e, _day(e.date) or _day(e.published)) for e in events]
    dated = [(e, d) for e, d in dated if d]
    if not dated:
        return None
    types = sorted({e.type for e, _ in dated})
    rows = [(t, 30 + i * ROW) for i, t in enumerate(types)]
    first, last = min(d for _, d in dated), max(d for _, d in dated)
    span = max((last - first).days, 1)
    pad = 0 if (last - first).days else 1

    def x(day: date) -> float:
        if pad:
            return LEFT + (width - LEFT - RIGHT) / 2
        return LEFT + (day - first).days / span * (width - LEFT - RIGHT)

    ticks = [(first.isoformat(), x(first), "start" if last != first else "middle")]
    if last != first:
        for year in range(first.year + 1, last.year + 1):  # year marks, unless they would crowd the ends
            at = x(date(year, 1, 1))
            if at - ticks[0][1] > 90 and x(last) - at > 90:
                ticks.append((str(year), at, "middle"))
        ticks.append((last.isoformat(), x(last), "end"))
    y_of = dict(rows)
    seen: dict[tuple[float, float], int] = {}
    dots = []
    for event, day in dated:
        point = (round(x(day), 1), y_of[event.type])
        stack = seen.get(point, 0)
        seen[point] = stack + 1
        dots.append(
            Dot(
                point[0] + stack * 7,
                point[1],
                f"{event.type} {event.date or event.published or ''}: "
                f"{event.source_names or '?'} → {event.target_names or '?'}",
                f"/events/{event.article_id}/{event.event_id}",
                event.status,
            )
        )
    return Timeline(width, 30 + len(types) * ROW + 10, rows, ticks, dots)


@dataclass(frozen=True)
class Node:
    x: float
    y: float
    name: str
    href: str
    total: int
    stroke: float
    direction: str  # "out" (actor acts on it), "in" (it acts on the actor), "both"
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "middle"  # labels sit outside the circle, so they never cross the edges


def network(counterparts, size: int = 420, limit: int = 16) -> list[Node]:
    """Counterparts on a circle around the actor, the busiest first, edges as thick as their event counts."""
    shown = counterparts[:limit]
    if not shown:
        return []
    most = max(c.total for c in shown)
    radius = size / 2 - 95
    nodes = []
    for i, c in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / len(shown)
        direction = "both" if c.as_source and c.as_target else ("in" if c.as_source else "out")
        dx, dy = math.cos(angle), math.sin(angle)
        x, y = size / 2 + radius * dx, size / 2 + radius * dy
        stroke = 1 + 5 * c.total / most
        reach = 8 + stroke + 6
        anchor = "middle" if abs(dx) < 0.3 else ("start" if dx > 0 else "end")
        nodes.append(
            Node(
                x,
                y,
                c.name,
                f"/actors/{quote(c.key, safe='')}",
                c.total,
                stroke,
                direction,
                x + dx * reach,
                y + dy * reach + (4 if abs(dx) >= 0.3 else (12 if dy > 0 else -4)),
                anchor,
            )
        )
    return nodes


# -- map -------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def world() -> dict[str, dict[str, str]]:
    return json.loads(WORLD.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def centroids() -> dict[str, tuple[float, float]]:
    """Each country's point for events placed only by country: the centre of its largest ring's bounds."""
    found = {}
    for code, country in world().items():
        rings = [ring for ring in country["d"].split("Z") if ring]
        largest = max(rings, key=len)
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", largest)]
        xs, ys = numbers[0::2], numbers[1::2]
        found[code] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return found


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular, as world.json: x = lon + 180, y = 90 - lat."""
    return lon + 180, 90 - lat


@dataclass(frozen=True)
class Place:
    x: float
    y: float
    r: float
    label: str
    href: str
    count: int


def places(rows) -> tuple[list[Place], dict[str, int]]:
    """Event places as circles (sized by how many events) and the number of events per country."""
    groups: dict[tuple[float, float], list] = {}
    per_country: dict[str, int] = {}
    for row in rows:
        if row.place_country:
            per_country[row.place_country] = per_country.get(row.place_country, 0) + 1
        if row.lat is not None and row.lon is not None:
            point = project(row.lat, row.lon)
        elif row.place_country and row.place_country in centroids():
            point = centroids()[row.place_country]
        else:
            continue
        groups.setdefault((round(point[0], 1), round(point[1], 1)), []).append(row)
    most = max((len(g) for g in groups.values()), default=1)
    result = []
    for (x, y), group in groups.items():
        names = sorted({row.place or row.place_country for row in group})
        country = group[0].place_country
        href = f"/?country={country}" if country else "/"
        result.append(
            Place(
                x,
                y,
                1.2 + 3 * math.sqrt(len(group) / most),
                f"{', '.join(names)}: {len(group)} event(s)",
                href,
                len(group),
            )
        )
    return sorted(result, key=lambda p: -p.count), per_country


# -- series ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    period: str
    count: int
    href: str


@dataclass(frozen=True)
class SeriesChart:
    width: int
    height: int
    bars: list[Bar]
    y_ticks: list[tuple[str, float]]  # (label, y)
    x_ticks: list[tuple[str, float]]  # (period label, x at the bar's centre)
    baseline: float


SERIES_LEFT, SERIES_RIGHT, SERIES_TOP, SERIES_BOTTOM = 50, 15, 15, 40


def series_chart(
    rows, events_href, width: int = 1000, height: int = 300, max_labels: int = 12
) -> SeriesChart | None:
    """One bar per period (zero periods keep their slot), a few readable y ticks, period labels thinned out.

    `events_href(row)` gives the link that lists a bar's events.
    """
    if not rows:
        return None
    plot_width, plot_height = width - SERIES_LEFT - SERIES_RIGHT, height - SERIES_TOP - SERIES_BOTTOM
    top = max(max(r.events for r in rows), 1)
    step = _nice_step(top)
    top = -(-top // step) * step
    slot = plot_width / len(rows)
    baseline = SERIES_TOP + plot_height
    bars = []
    for i, row in enumerate(rows):
        bar_height = row.events / top * plot_height
        bars.append(
            Bar(
                SERIES_LEFT + i * slot + slot * 0.1,
                baseline - bar_height,
                max(slot * 0.8, 0.5),
                bar_height,
                row.period,
                row.events,
                events_href(row),
            )
        )
    y_ticks = [(str(v), baseline - v / top * plot_height) for v in range(0, top + 1, step)]
    every = max(1, -(-len(rows) // max_labels))
    x_ticks = [(row.period, SERIES_LEFT + (i + 0.5) * slot) for i, row in enumerate(rows) if i % every == 0]
    return SeriesChart(width, height, bars, y_ticks, x_ticks, baseline)


def _nice_step(top: int) -> int:
    """1, 2, 5, 10, 20, 50… so that there are at most about five y ticks."""
    for magnitude in (1, 10, 100, 1000, 10_000, 100_000):
        for factor in (1, 2, 5):
            if top / (factor * magnitude) <= 5:
                return factor * magnitude
    return 10 ** len(str(top))
