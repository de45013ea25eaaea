"""The TIMEX3 value grammar: which strings are valid values, and for which type.

A value that breaks the grammar ("202" for "over the next decade", "TMO" for "every morning") would reach
the store and every consumer that parses dates; the tagger drops it with a warning instead. The grammar is
TimeML's TIMEX3 `value` (ISO 8601 extended as the TimeML guidelines do):

- DATE: a century `19`, decade `199`, year `1998`, month `1998-06`, day `1998-06-11`, ISO week `1998-W24`,
  week day `1998-W24-3`, weekend `1998-W24-WE`, season `1998-SU`, quarter `1998-Q2`, half `1998-H1`; any
  digit may be `X` when unknown (`XXXX-11`, `XXXX-WXX-5`); or PRESENT_REF / PAST_REF / FUTURE_REF.
- TIME: a day (as above, X allowed) with `T` and a clock time `T18:40`, `T18:40:05` or a part of the day
  `TMO` `TMI` `TAF` `TEV` `TNI` `TDT`, optionally a zone `Z`, `+08`, `-05:00`.
- DURATION: `P` with amounts and units (`P3D`, `P2.5Y`, `PXW`, `P1DE`, `P2CE`, `P1Q`, `PT30M`, `P1DT2H`).
- SET: a duration (`P1W`: weekly) or a date or time pattern (`XXXX-WXX-1`: every Monday,
  `XXXX-XX-XXTMO`: every morning).
"""

from __future__ import annotations

import re
from datetime import date

from tacitus.contract import TimexType

REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

_D = r"[\dX]"
_YEAR = rf"{_D}{{4}}"
_DATE = re.compile(
    rf"(?P<century>{_D}{{2}})"
    rf"|(?P<decade>{_D}{{3}})"
    rf"|(?P<year>{_YEAR})"
    rf"(?:-(?P<month>{_D}{{2}})(?:-(?P<day>{_D}{{2}}))?"
    rf"|-W(?P<week>{_D}{{2}})(?:-(?P<weekday>[1-7X]|WE))?"
    rf"|-(?P<season>SP|SU|FA|WI)"
    rf"|-Q(?P<quarter>[1-4X])"
    rf"|-H(?P<half>[12X]))?"
)
_CLOCK = re.compile(
    r"T(?:(?P<hour>[01]\d|2[0-3]|XX)(?::(?P<minute>[0-5]\d|XX)(?::(?P<second>[0-5]\d|60|XX)(?:\.\d+)?)?)?"
    r"|(?P<part>MO|MI|AF|EV|NI|DT))"
    r"(?P<zone>Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?"
)
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = re.compile(
    rf"P(?:(?P<date>(?:{_AMOUNT}(?:DE|CE|ML|Y|Q|M|W|D))+)?(?:T(?P<time>(?:{_AMOUNT}[HMS])+))?)"
)


def invalid_reason(value: str | None, kind: TimexType | str | None = None) -> str | None:
    """Why `value` is not a valid TIMEX3 value (for `kind`, when given), or None when it is valid."""
    if value is None or value == "":
        return "empty value"
    kind = TimexType(kind) if kind is not None else None
    kinds = [kind] if kind is not None else list(TimexType)
    reasons = [_reason_for(value, each) for each in kinds]
    if any(reason is None for reason in reasons):
        return None
    return reasons[0] if kind is not None else f"{value!r} matches no TIMEX3 value form"


def is_valid(value: str | None, kind: TimexType | str | None = None) -> bool:
    """True when `value` follows the TIMEX3 value grammar (for `kind`, when given)."""
    return invalid_reason(value, kind) is None


def _reason_for(value: str, kind: TimexType) -> str | None:
    if kind == TimexType.DATE:
        if value in REFERENCES:
            return None
        return _date_reason(value) and f"{value!r} is not a TIMEX3 date: {_date_reason(value)}"
    if kind == TimexType.TIME:
        if value in REFERENCES:
            return None
        return _time_reason(value) and f"{value!r} is not a TIMEX3 time: {_time_reason(value)}"
    if kind == TimexType.DURATION:
        return _duration_reason(value) and f"{value!r} is not a TIMEX3 duration: {_duration_reason(value)}"
    # SET: a duration ("weekly") or a date/time pattern ("every Monday", "every morning").
    if _duration_reason(value) is None or _date_reason(value) is None or _time_reason(value) is None:
        return None
    return f"{value!r} is not a TIMEX3 set (a duration P… or a date/time pattern such as XXXX-WXX-1)"


def _date_reason(value: str) -> str | None:
    match = _DATE.fullmatch(value)
    if match is None:
        return "not a century, decade, year, month, day, week, season, quarter or half"
    month, day, week = match["month"], match["day"], match["week"]
    if month and "X" not in month and not 1 <= int(month) <= 12:
        return f"month {month} out of range"
    if week and "X" not in week and not 1 <= int(week) <= 53:
        return f"week {week} out of range"
    if day and "X" not in day:
        if not 1 <= int(day) <= 31:
            return f"day {day} out of range"
        year = match["year"]
        if "X" not in year and month and "X" not in month:
            try:
                date(int(year), int(month), int(day))
            except ValueError:
                return f"no such day {year}-{month}-{day}"
    return None


def _time_reason(value: str) -> str | None:
    day, separator, clock = value.partition("T")
    if not separator:
        return "no T before the time of day"
    if day:
        match = _DATE.fullmatch(day)
        if match is None or not match["day"] and not match["weekday"]:
            return f"{day!r} is not a day (YYYY-MM-DD, YYYY-Www-D, X allowed)"
        reason = _date_reason(day)
        if reason:
            return reason
    if _CLOCK.fullmatch("T" + clock) is None:
        return f"{'T' + clock!r} is not a clock time (T18:40) or part of day (TMO, TAF, TEV, TNI, TMI, TDT)"
    if not day:
        return "a time needs its day (XXXX-XX-XX when unknown)"
    return None


def _duration_reason(value: str) -> str | None:
    match = _DURATION.fullmatch(value)
    if match is None or not (match["date"] or match["time"]):
        return "not P followed by amounts and units (P3D, PT2H, PXY)"
    return None
