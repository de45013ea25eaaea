"""Publication dates given by people ("June 11, 2024", "2024/06/11", "11.06.2024") normalised to ISO 8601.

Nothing is guessed: "11.06.2024" is 11 June in Europe and 6 November in the US, so a numeric date whose day
and month could be swapped is read only when the caller says which comes first (`dayfirst`); a date without
a day ("June 2024", "2024") stays partial ("2024-06", "2024") rather than becoming the 1st.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateutil_parser

from tacitus.errors import InputError

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_PARTIAL_ISO = re.compile(r"^\d{4}(?:-\d{2})?$")
# Day and month as numbers before a four-digit year: "11.06.2024", "6/11/2024", "11-06-2024 10:00".
_NUMERIC_DMY = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|2\d{3})(?!\d)")
# A date inside a byline or a dateline: "June 11, 2024", "11 June 2024", "Jun. 11, 2024", "2024-06-11".
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_IN_TEXT = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2})\b",
    re.IGNORECASE,
)


def parse_published(value: str, source: str = "--published", *, dayfirst: bool | None = None) -> str:
    """Normalise a user-given publication date to ISO (`2024-06-11`, a date-time when one is given, or a
    partial `2024-06` / `2024` when the value names no day or month).

    `dayfirst` says how a numeric "11.06.2024" is written: True day first, False month first, None not
    known. Raises `InputError(source, …)` when the value holds no recognisable date with a four-digit year,
    or when it is such a numeric date that reads both ways and `dayfirst` is None: a guessed year or month
    would silently anchor every relative date in the article ("on Monday") to the wrong week.
    """
    text = (value or "").strip()
    if not text:
        raise InputError(source, "empty publication date")
    if _PARTIAL_ISO.match(text):
        return _checked(text, source, lambda: _partial_iso(text))
    if _ISO_DATE.match(text):
        return _checked(text, source, lambda: date.fromisoformat(text).isoformat())
    if _ISO_DATETIME.match(text):
        return _checked(text, source, lambda: _iso_datetime(text))
    ymd = _YMD.match(text)
    if ymd:
        year, month, day = (int(part) for part in ymd.groups())
        return _checked(text, source, lambda: date(year, month, day).isoformat())
    if not _YEAR.search(text):
        raise InputError(
            source, f"cannot read publication date {value!r}: no four-digit year (use YYYY-MM-DD)"
        )
    numeric = _NUMERIC_DMY.match(text)
    if numeric:
        # Rewritten as ISO before dateutil sees it: told "day first", dateutil would still read 06/25/2024
        # month first rather than refuse it.
        first, second, year = int(numeric.group(1)), int(numeric.group(3)), int(numeric.group(4))
        day, month = (first, second) if _day_first(numeric, text, source, dayfirst) else (second, first)
        iso = _checked(text, source, lambda: date(year, month, day).isoformat())
        return _checked(text, source, lambda: _free_form(iso + text[numeric.end() :]))
    return _checked(text, source, lambda: _free_form(text))


def find_date(text: str) -> str | None:
    """The first date written out in a line such as a byline ("By Jane Doe | June 11, 2024"), as ISO."""
    match = DATE_IN_TEXT.search(text)
    if not match:
        return None
    try:
        return parse_published(match.group(0))
    except InputError:
        return None


def _iso_datetime(text: str) -> str:
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return parsed.isoformat()


def _day_first(numeric: re.Match, text: str, source: str, dayfirst: bool | None) -> bool:
    """Whether a numeric date is day first: as the caller says, else as its numbers allow, else an error."""
    if dayfirst is not None:
        return dayfirst
    first, second = int(numeric.group(1)), int(numeric.group(3))
    if first > 12 >= second:
        return True
    if second > 12 >= first or first == second:
        return False
    raise InputError(
        source,
        f"ambiguous publication date {text!r}: day {first} of month {second}, or day {second} of month "
        f"{first}? Use YYYY-MM-DD, or say the order (--dayfirst / --monthfirst, or a JSONL 'dayfirst' field)",
    )


def _partial_iso(text: str) -> str:
    year, _, month = text.partition("-")
    if month and not 1 <= int(month) <= 12:
        raise ValueError(f"month must be in 1..12, got {int(month)}")
    if int(year) < 1:
        raise ValueError("year 0 is out of range")
    return text


def _free_form(text: str) -> str:
    # Parsed against two different defaults: a field that changes with the default was not in the text, so
    # "June 2024" stays "2024-06" and "2024" stays "2024" instead of becoming the 1st of a guessed month.
    first = dateutil_parser.parse(text, default=datetime(1900, 1, 1), fuzzy=False)
    second = dateutil_parser.parse(text, default=datetime(1904, 2, 2), fuzzy=False)
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    return first.date().isoformat() if not _has_time(text) else first.isoformat()


def _has_time(text: str) -> bool:
    return bool(re.search(r"\d{1,2}:\d{2}", text))


def _checked(text: str, source: str, convert) -> str:
    try:
        return convert()
    except (ValueError, OverflowError) as error:
        raise InputError(source, f"cannot read publication date {text!r}: {error}") from None
