"""Find and normalise every time expression of a parsed document: the rules, the choice between overlapping
matches, and the modifiers ("earlier", "the end of", "nearly") that widen an expression's extent.

Every value is checked against the TIMEX3 grammar (`values.py`) before it is kept: an invalid one is dropped
with a warning naming the expression, so nothing downstream has to parse a malformed date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from tacitus.contract import Timex, TimexType
from tacitus.time import relative  # noqa: F401  (registers its rules)
from tacitus.time.rules import Context, Rule, rules, sentence_of
from tacitus.time.values import invalid_reason

LOG = logging.getLogger(__name__)

# Words in front of an expression that belong to it in TIMEX3 but do not change its value.
DATE_MODIFIERS = re.compile(
    r"(?:\b(?:[Tt]he\s+)?(?:very\s+)?(?:end|beginning|start|middle|rest|remainder|close|turn)\s+of\s+"
    r"|\b(?:[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-)|\b[Mm]id-)$"
)
RELATIVE_MODIFIERS = re.compile(r"\b(?:[Ee]arlier|[Ll]ater)\s+$")
DURATION_MODIFIERS = re.compile(
    r"\b(?:[Aa]lmost|[Nn]early|[Aa]bout|[Aa]round|[Aa]pproximately|[Rr]oughly|[Mm]ore\s+than|[Ll]ess\s+than"
    r"|[Oo]ver|[Uu]nder|[Aa]t\s+least|[Uu]p\s+to|[Jj]ust|[Oo]nly|[Ss]ome)\s+$"
)
# A named part of one year: month, quarter, half, season, ISO week ('2009-01', '2009-Q3', '2009-SU').
PERIOD_VALUE = re.compile(r"^\d{4}-(?:\d\d|Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d)$")
RELATIVE_HEADS = re.compile(r"^(?:this|that|today|tonight|last|next)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    order: int
    rule: Rule
    match: re.Match


def find_timexes(doc: Doc, published: date | None, warnings: list[str] | None = None) -> list[Timex]:
    """TIMEX3 expressions of `doc`, valued against `published` (None: relative values stay partly unknown).

    An expression whose value breaks the TIMEX3 grammar is left out; why is logged and, when `warnings` is
    given, appended to it (the stage passes the article's warnings).
    """
    text = doc.text
    candidates = sorted(_candidates(text), key=lambda c: (c.start, -(c.end - c.start), c.order))
    context = Context(doc=doc, dct=published, text=text, parsed=doc.has_annotation("DEP"))
    found: list[Timex] = []
    cursor = 0
    for candidate in candidates:
        if candidate.start < cursor:
            continue
        resolved = candidate.rule.resolve(candidate.match, context)
        if resolved is None:
            continue
        kind, value = resolved
        start = _widen(text, candidate.start, kind, cursor)
        reason = invalid_reason(value, kind) if value is not None else None
        if reason is not None:
            message = f"time expression {text[start : candidate.end]!r} dropped: {reason}"
            LOG.warning(message)
            if warnings is not None and message not in warnings:
                warnings.append(message)
            continue
        found.append(
            Timex(start=start, end=candidate.end, text=text[start : candidate.end], type=kind, value=value)
        )
        cursor = candidate.end
        _remember(context, kind, value, start)
    return found


def _candidates(text: str):
    for order, each in enumerate(rules()):
        for match in each.pattern.finditer(text):
            start, end = match.span("x") if "x" in each.pattern.groupindex else match.span()
            if end > start:
                yield _Candidate(start, end, order, each, match)


def _widen(text: str, start: int, kind: TimexType, floor: int) -> int:
    """Take in the modifiers TIMEX3 counts as part of the expression: 'earlier this month', 'late 2006'."""
    before = text[max(floor, start - 30) : start]
    patterns = [DURATION_MODIFIERS] if kind == TimexType.DURATION else [DATE_MODIFIERS]
    if kind in (TimexType.DATE, TimexType.TIME) and RELATIVE_HEADS.match(text[start : start + 8]):
        patterns.append(RELATIVE_MODIFIERS)
    for pattern in patterns:
        match = pattern.search(before)
        if match:
            return start - (len(before) - match.start())
    return start


def _remember(context: Context, kind: TimexType, value: str | None, start: int) -> None:
    """Keep the last fully specified day, the anchor of 'two days later' and 'the next day', and where it
    was named (a clock time takes it only from its own sentence); and the last part of a year named, the
    antecedent of 'the same period last year', and the last year named, that of 'the previous year'."""
    if kind == TimexType.DATE and value and PERIOD_VALUE.match(value):
        context.last_period = value
    if kind in (TimexType.DATE, TimexType.TIME) and value and value[:4].isdigit():
        context.last_year = int(value[:4])
    if kind not in (TimexType.DATE, TimexType.TIME) or not value or len(value) < 10:
        return
    try:
        context.last_day = date.fromisoformat(value[:10])
    except ValueError:
        return
    context.last_sentence = sentence_of(context.doc, start)
