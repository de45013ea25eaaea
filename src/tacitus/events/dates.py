"""An event's date: the time stage's when it offers one, else a small resolver of our own for the timexes.

The fallback chain (issue 5): the timex of the event's own clause; else the timex of the clause that governs
it (the speech verb's "said on Monday", the visit a "during which" clause hangs on); else the article's date,
flagged `inferred`. Our resolver only covers what news writes most (weekdays, months, years, "this month",
"earlier this year") and is used only when the time stage left `Timex.value` empty.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

from tacitus.contract import DateValue, Document, Timex

MONTHS = {
    name: index + 1
    for index, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
WEEKDAYS = {
    name: index
    for index, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b([12]?\d|3[01])(?:st|nd|rd|th)?\b")


def resolve_timex(text: str, anchor: date | None) -> str | None:
    """A TIMEX3 value for common news expressions; None when unsure (never a guess)."""
    words = re.findall(r"[a-z]+|\d+", text.lower())
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    if month is not None:
        without_year = _YEAR.sub("", text)
        day_match = _DAY.search(without_year)
        day = int(day_match.group(1)) if day_match else None
        if year is None:
            if anchor is None:
                return None
            # A bare month in news is the most recent such month, this year or last ("in November").
            year = anchor.year if month <= anchor.month or "next" in words else anchor.year - 1
        if day is not None:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return f"{year:04d}-{month:02d}"
    if year is not None:
        return f"{year:04d}"
    if anchor is None:
        return None
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        back = (anchor.weekday() - weekday) % 7
        if "next" in words:
            return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)).isoformat()
        return (anchor - timedelta(days=back)).isoformat()
    if "today" in words or "tonight" in words:
        return anchor.isoformat()
    if "yesterday" in words:
        return (anchor - timedelta(days=1)).isoformat()
    if "month" in words:
        if "last" in words:
            previous = anchor.replace(day=1) - timedelta(days=1)
            return f"{previous.year:04d}-{previous.month:02d}"
        if "this" in words:
            return f"{anchor.year:04d}-{anchor.month:02d}"
    if "year" in words:
        if "last" in words:
            return f"{anchor.year - 1:04d}"
        if "this" in words:
            return f"{anchor.year:04d}"
    return None


def timex_value(timex: Timex, anchor: date | None) -> str | None:
    return timex.value or resolve_timex(timex.text, anchor)


def date_value(timex: Timex, anchor: date | None) -> DateValue | None:
    value = timex_value(timex, anchor)
    if value is None or not value[:1].isdigit():
        return None  # durations ("P2Y") say how long, and PAST_REF/PRESENT_REF not when

    return DateValue(value=value, text=timex.text)


def article_date(anchor: date | None) -> DateValue | None:
    return None if anchor is None else DateValue(value=anchor.isoformat(), inferred=True)


def timexes_in(document: Document, start: int, end: int) -> list[Timex]:
    return [t for t in document.timexes if t.start >= start and t.end <= end and t.type in ("DATE", "TIME")]


def compatible(a: DateValue | None, b: DateValue | None) -> bool:
    """Two dates can name one event when either is inferred/missing or one refines the other (2024-06 ⊃ 06-10)."""
    if a is None or b is None or a.inferred or b.inferred or not a.value or not b.value:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def finer(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The more informative of two compatible dates: stated beats inferred, a day beats a month."""
    if a is None or (a.inferred and b is not None and not b.inferred):
        return b
    if b is None or (b.inferred and not a.inferred):
        return a
    return a if len(a.value or "") >= len(b.value or "") else b


# Nouns that carry a date rather than a participant ("on the night of 5 May", "in the first week of March").
TIME_NOUNS = {
    "day",
    "night",
    "morning",
    "evening",
    "afternoon",
    "week",
    "weekend",
    "month",
    "year",
    "time",
    "period",
    "quarter",
    "season",
    "decade",
    "century",
    "hour",
    "minute",
    "date",
    "eve",
    "dawn",
    "end",
    "beginning",
    "start",
    "middle",
}
ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "dative", "appos", "oprd", "pobj", "conj", "npadvmod"}


def in_argument_phrase(timex_root: Token, anchor_ids: set[int]) -> bool:
    """True when a timex only describes a participant: "regret on Monday for a 2014 air strike" dates the
    regret Monday, and "released its 2014 report" says when the report was written, not when it was released.

    Walks from the timex up to the event's anchor; a noun on the way that is an argument (object, subject,
    prepositional object) and not a time noun ("the night of 5 May") puts the timex inside that argument.
    """
    current = timex_root
    for _ in range(8):
        head = current.head
        if head is current or head.i in anchor_ids:
            return False
        if (
            head.pos_ in ("NOUN", "PROPN")
            and head.dep_ in ARGUMENT_DEPS
            and head.lemma_.lower() not in TIME_NOUNS
            and head.ent_type_ not in ("DATE", "TIME")
        ):
            return True
        current = head
    return False


PAST_TAGS = {"VBD", "VBN"}


def is_past(token: Token) -> bool:
    """A verb in a past tense ("attacked", "has attacked", "were killed"); not "will have", not a bare noun."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(
        a.lower_ in ("will", "would", "shall", "'ll", "may", "might", "could", "should", "must")
        for a in auxes
    ):
        return False
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return True
    return token.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)


def before_publication() -> DateValue:
    """A past event the text does not date: it happened before the article, not on its day (TIMEX3 PAST_REF)."""
    return DateValue(value="PAST_REF", inferred=True)
