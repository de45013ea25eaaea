"""Event counts per period, zero-filled from the first to the last period, so a series plots as it is.

What is counted is a *counting unit*, never a mention: today one in-article event record (an event an article
reports, however many sentences mention it). `COUNTING_UNITS` maps a unit to the key that identifies it in an
event row, so counting cross-article clusters is one more entry once rows carry their cluster.

An event is placed in a period only when its own date is at least that precise: a month-only date ("March")
counts in a month or year series but not in a day or week series, and an event without a calendar date is
left out. Both are counted in `Series.left_out`, so nothing disappears silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from tacitus.analyst.scaled import scaled
from tacitus.events.scales import QUADS
from tacitus.store.rows import EventRow

PERIODS = ("day", "week", "month", "year")
COUNTING_UNITS: dict[str, Callable[[EventRow], Hashable]] = {
    "record": lambda row: (row.article_id, row.event_id),
}
UNIT_DESCRIPTIONS = {"record": "in-article event records (one per event an article reports, not per mention)"}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?!\d)")
_YEAR = re.compile(r"^(\d{4})(?![\d-])|^(\d{4})-(?:W|Q|SP|SU|FA|WI|H)")


@dataclass(frozen=True)
class SeriesRow:
    period: str  # 2024-06-10, 2024-W24, 2024-06, 2024
    start: str  # the period's first day, ISO
    events: int
    goldstein_total: float
    goldstein_mean: float | None  # None for a period without events
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int


@dataclass
class Series:
    by: str
    unit: str
    filters: dict
    rows: list[SeriesRow]
    left_out: dict[str, int] = field(default_factory=dict)  # "undated", "coarser than <by>"

    @property
    def total(self) -> int:
        return sum(row.events for row in self.rows)

    def describe(self) -> str:
        """One line saying what was counted, with which filters, and what was left out and why."""
        applied = ", ".join(f"{k}={_show(v)}" for k, v in self.filters.items() if v is not None) or "none"
        line = (
            f"counting {UNIT_DESCRIPTIONS[self.unit]} per {self.by}; filters: {applied}; "
            f"{self.total} event(s) in {len(self.rows)} period(s)"
        )
        if any(self.left_out.values()):
            line += "; left out: " + ", ".join(f"{n} {why}" for why, n in self.left_out.items() if n)
        return line

    def frame(self):
        """The rows as a pandas DataFrame, `start` as a datetime column."""
        import pandas as pd

        frame = pd.DataFrame(
            [asdict(row) for row in self.rows], columns=[f for f in SeriesRow.__dataclass_fields__]
        )
        frame["start"] = pd.to_datetime(frame["start"])
        return frame


def _show(value) -> str:
    return ":".join(value) if isinstance(value, tuple) else str(value)


def precision_and_day(value: str | None) -> tuple[str, date] | None:
    """A TIMEX3 value's calendar precision and first day ('2024-06-10TNI' → day; '2024-W23' → week)."""
    if not value:
        return None
    try:
        if match := _DAY.match(value):
            return "day", date(int(match[1]), int(match[2]), int(match[3]))
        if match := _WEEK.match(value):
            return "week", date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if match := _MONTH.match(value):
            return "month", date(int(match[1]), int(match[2]), 1)
        if match := _YEAR.match(value):
            return "year", date(int(match[1] or match[2]), 1, 1)
    except ValueError:
        return None
    return None


FITS = {  # which date precisions can be placed in a period of each size
    "day": {"day"},
    "week": {"day", "week"},
    "month": {"day", "month"},
    "year": {"day", "week", "month", "year"},
}


def period_start(day: date, by: str) -> date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def period_label(start: date, by: str) -> str:
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return {"day": start.isoformat(), "month": start.isoformat()[:7], "year": str(start.year)}[by]


def compute(
    rows: Iterable[EventRow], by: str = "month", unit: str = "record", filters: dict | None = None
) -> Series:
    """Count `rows` (already filtered by the store) per period, zero-filled between the first and last period."""
    if by not in PERIODS:
        raise ValueError(f"by {by!r}: use one of {', '.join(PERIODS)}")
    if unit not in COUNTING_UNITS:
        raise ValueError(f"counting unit {unit!r}: use one of {', '.join(COUNTING_UNITS)}")
    key_of = COUNTING_UNITS[unit]
    seen: set = set()
    buckets: dict[date, list] = {}
    left_out = {"undated": 0, f"dated less precisely than a {by}": 0}
    for row in rows:
        key = key_of(row)
        if key in seen:
            continue
        seen.add(key)
        found = precision_and_day(row.date)
        if found is None:
            left_out["undated"] += 1
            continue
        precision, day = found
        if precision not in FITS[by]:
            left_out[f"dated less precisely than a {by}"] += 1
            continue
        buckets.setdefault(period_start(day, by), []).append(scaled(row))
    result = []
    if buckets:
        start, last = min(buckets), max(buckets)
        while start <= last:
            result.append(_row(start, by, buckets.get(start, [])))
            start = next_period(start, by)
    return Series(by=by, unit=unit, filters=dict(filters or {}), rows=result, left_out=left_out)


def _row(start: date, by: str, events: list) -> SeriesRow:
    values = [e.goldstein for e in events if e.goldstein is not None]
    quads = {name: sum(1 for e in events if e.quad == name) for name in QUADS.values()}
    return SeriesRow(
        period=period_label(start, by),
        start=start.isoformat(),
        events=len(events),
        goldstein_total=round(sum(values), 3),
        goldstein_mean=round(sum(values) / len(values), 3) if values else None,
        **quads,
    )
