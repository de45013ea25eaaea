"""Calendar arithmetic for TIMEX3 values: which Monday, which November, which ISO week.

`direction` is the tense of the clause a timex sits in: -1 past, +1 future, 0 unknown. A bare weekday or
month resolves backwards in a past clause ("released … in November", published June 2024 → 2023-11),
forwards in a future one ("will meet on Friday"), and to the nearest occurrence otherwise.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

PAST, UNKNOWN, FUTURE = -1, 0, 1


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def weekday_date(dct: date, weekday: int, direction: int) -> date:
    """The day named `weekday` (1 = Monday) nearest `dct` in the clause's direction.

    Every direction includes the publication day itself: a Tuesday paper's "on Tuesday" is today.
    Unknown tense takes the nearer side, leaning to the past (news mostly reports what happened), and only
    goes forwards when the day is at most two days ahead ("Apple will unveil … on Friday" in a headline).
    """
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if direction == PAST:
        return dct - timedelta(days=back)
    if direction == FUTURE:  # a future "on Tuesday" in a Tuesday paper is still today: "next Tuesday" says so
        return dct + timedelta(days=ahead)
    return dct + timedelta(days=ahead) if 0 < ahead <= 2 and back > 4 else dct - timedelta(days=back)


def month_year(dct: date, month: int, direction: int) -> int:
    """The year of a bare month name: this year unless the tense points across a year boundary."""
    if direction == PAST:
        return dct.year if month <= dct.month else dct.year - 1
    if direction == FUTURE:
        return dct.year if month >= dct.month else dct.year + 1
    if month - dct.month > 6:
        return dct.year - 1
    if dct.month - month > 6:
        return dct.year + 1
    return dct.year


def day_year(dct: date, month: int, day: int, direction: int) -> int:
    """The year of 'June 18' with no year: the nearest such day, moved across New Year only when the tense
    says so or when it is more than half a year off."""
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return dct.year
    if direction == PAST:
        before = [c for c in candidates if c <= dct + timedelta(days=1)]
        return max(before).year if before else dct.year
    if direction == FUTURE:
        after = [c for c in candidates if c >= dct - timedelta(days=1)]
        return min(after).year if after else dct.year
    return min(candidates, key=lambda c: abs((c - dct).days)).year


def shift(anchor: date, unit: str, amount: int) -> str:
    """`anchor` moved by `amount` units, written at the unit's granularity ('two months ago' → 2024-04).

    Years are written with four digits ('1,600 years ago' → 0424, not the decade 424); a point before year 1
    or after 9999 ('15,000 years ago') has no calendar value and is written PAST_REF / FUTURE_REF.
    """
    if unit in ("year", "decade", "century", "month", "quarter", "week", "fortnight", "day"):
        years = {"decade": 10, "century": 100}.get(unit, 1) * amount
        if unit in ("year", "decade", "century") and not 1 <= anchor.year + years <= 9999:
            return "PAST_REF" if amount < 0 else "FUTURE_REF"
        try:
            return _shift(anchor, unit, amount)
        except (OverflowError, ValueError):
            return "PAST_REF" if amount < 0 else "FUTURE_REF"
    return anchor.isoformat()


def _shift(anchor: date, unit: str, amount: int) -> str:
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit in ("week", "fortnight"):
        days = 14 if unit == "fortnight" else 7
        return (anchor + timedelta(days=days * amount)).isoformat()
    if unit == "month":
        moved = add_months(anchor, amount)
        return f"{moved.year}-{moved.month:02d}"
    if unit == "quarter":
        moved = add_months(anchor, 3 * amount)
        return f"{moved.year}-Q{(moved.month - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + amount:04d}"
    if unit == "decade":
        return f"{anchor.year + 10 * amount:04d}"[:3]
    if unit == "century":
        return f"{anchor.year + 100 * amount:04d}"[:2]
    return anchor.isoformat()


def period(anchor: date, unit: str, offset: int) -> str:
    """The calendar period containing `anchor`, moved by `offset` ('last week' → 2024-W23)."""
    if unit in ("week", "weekend"):
        value = iso_week(anchor + timedelta(weeks=offset))
        return value + "-WE" if unit == "weekend" else value
    if unit == "day":
        return (anchor + timedelta(days=offset)).isoformat()
    return shift(anchor, unit, offset)


def quarter(day: date) -> int:
    return (day.month - 1) // 3 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (Thanksgiving is the 4th Thursday of November)."""
    first = date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))
