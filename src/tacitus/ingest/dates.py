"""Publication dates given by people ("June 11, 2024", "2024/06/11", "11.06.2024") normalised to ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateutil_parser

from tacitus.errors import InputError

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
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


def parse_published(value: str, source: str = "--published") -> str:
    """Normalise a user-given publication date to ISO (`2024-06-11`, or a date-time when one is given).

    Raises `InputError(source, …)` when the value holds no recognisable date with a four-digit year: a
    guessed year would silently anchor every relative date in the article ("on Monday") to the wrong week.
    """
    text = (value or "").strip()
    if not text:
        raise InputError(source, "empty publication date")
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


def _free_form(text: str) -> str:
    # dayfirst=False: "06/11/2024" is read the US way; ISO input avoids the ambiguity altogether.
    parsed = dateutil_parser.parse(text, default=datetime(1900, 1, 1), fuzzy=False)
    return parsed.date().isoformat() if not _has_time(text) else parsed.isoformat()


def _has_time(text: str) -> bool:
    return bool(re.search(r"\d{1,2}:\d{2}", text))


def _checked(text: str, source: str, convert) -> str:
    try:
        return convert()
    except (ValueError, OverflowError) as error:
        raise InputError(source, f"cannot read publication date {text!r}: {error}") from None
