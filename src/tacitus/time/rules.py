"""The patterns that find time expressions in text, each with the function that gives its TIMEX3 value.

A rule is a regular expression plus a resolver `(match, context) -> (type, value) | None`; `None` rejects
the match ("Theresa May", "may" the modal). Resolvers read the publication date, the tense of the clause
(`context.direction`) and the last day the text mentioned (`context.last_day`, for "two days later").
With no publication date, relative values stay partly unresolved (`XXXX-11`) and years are never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc

from tacitus.contract import TimexType
from tacitus.time import calendar as cal
from tacitus.time.lexicon import (
    MONTHS,
    NUMBER_WORD,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from tacitus.time.names import dates_plural, is_month_word, month_in_name, named_day
from tacitus.time.tense import span_direction

DATE, TIME, DURATION, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET
Value = tuple[TimexType, str | None]


@dataclass
class Context:
    """What a resolver may read: the parse, the publication date, and the last day the text named."""

    doc: Doc
    dct: date | None
    text: str = ""  # doc.text, which spaCy rebuilds on every access
    last_day: date | None = None
    last_sentence: int = -1  # the sentence (its first token) where `last_day` was named
    last_year: int | None = None  # the year of the last date the text named ("in 2009", "last year")
    last_period: str | None = None  # the last month, quarter, half, season or week named ("2009-Q3")
    parsed: bool = True  # False for a text only tokenised: no tense, no dependency checks
    _directions: dict = field(default_factory=dict)
    _written: list | None = None  # (offset, month, day, year) of every date written in full

    def direction(self, start: int, end: int) -> int:
        if not self.parsed:
            return cal.UNKNOWN
        key = (start, end)
        if key not in self._directions:
            self._directions[key] = span_direction(self.doc, start, end)
        return self._directions[key]

    def year_written(self, month: int, day: int, before: int) -> int | None:
        """The year the text gave this month and day the last time it wrote them in full before `before`:
        a later bare "September 11" is that day, not this year's."""
        if self._written is None:
            self._written = [
                (found.start(), _month(found["month"]), _day(found["day"]), int(found["year"]))
                for pattern in (FULL_DATE_MDY, FULL_DATE_DMY)
                for found in pattern.finditer(self.text)
            ]
        years = [y for start, m, d, y in self._written if start < before and (m, d) == (month, day)]
        return years[-1] if len(set(years)) == 1 else None

    def anchor(self) -> date | None:
        """The day anchored expressions count from: the last day named, else the publication date."""
        return self.last_day or self.dct


Resolver = Callable[[re.Match, Context], Value | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    resolve: Resolver


def _title_and_upper(words) -> str:
    forms = set()
    for word in words:
        forms.update({word.title(), word.upper()})
    return "|".join(sorted(forms, key=len, reverse=True))


MONTH_FULL = _title_and_upper(list(MONTHS)[:12])
MONTH_ABBR = _title_and_upper(list(MONTHS)[12:])
MONTH = rf"(?:{MONTH_FULL}|(?:{MONTH_ABBR})\.?)"
MONTH_NAME = rf"(?:{MONTH_FULL})"
WEEKDAY = rf"(?:{_title_and_upper(WEEKDAYS)})"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
NUM = rf"(?:(?<![\d,.])\d{{1,3}}(?:,\d{{3}})+(?!\d)|(?<![\d,.])\d+(?:\.\d+)?|(?i:{NUMBER_WORD}(?:\s+and\s+a\s+half)?|a\s+couple\s+of|a\s+few|a\s+half|half\s+an?|several|a|an|few|many))"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)"
PART = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
TZ = r"(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST)"
RELATIVE_DAY = r"(?:today|tonight|yesterday|tomorrow|Today|Tonight|Yesterday|Tomorrow)"
# A date written in full, for the year a later bare "September 11" takes.
FULL_DATE_MDY = re.compile(rf"\b(?P<month>{MONTH})[^\S\n]+(?P<day>{DAY}),?[^\S\n]+(?P<year>{YEAR})\b")
FULL_DATE_DMY = re.compile(
    rf"\b(?P<day>{DAY})[^\S\n]+(?:of[^\S\n]+)?(?P<month>{MONTH}),?[^\S\n]+(?P<year>{YEAR})\b"
)

_rules: list[Rule] = []


def rule(name: str, pattern: str, flags: int = 0):
    """Register a rule. Whitespace in patterns never spans a line break: a headline's last word and the
    dateline below it are two expressions. A group named `x`, if any, is the expression's extent."""
    pattern = pattern.replace(r"[\s-]", r"(?:[^\S\n]|-)").replace(r"\s", r"[^\S\n]")

    def register(resolver: Resolver) -> Resolver:
        _rules.append(Rule(name, re.compile(pattern, flags), resolver))
        return resolver

    return register


def rules() -> list[Rule]:
    return list(_rules)


# ---------------------------------------------------------------- helpers


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _full(year: int | None, month: int, day: int) -> str | None:
    try:
        if year is not None:
            return date(year, month, day).isoformat()
    except ValueError:
        return None
    return f"XXXX-{month:02d}-{day:02d}"


def _two_digit_year(text: str, dct: date | None) -> int:
    value = int(text)
    pivot = (dct.year % 100 + 10) if dct else 30
    return 2000 + value if value <= pivot else 1900 + value


def _day_part(match: re.Match, group: str = "part") -> str:
    part = match.group(group) if group in match.re.groupindex else None
    return f"T{PARTS_OF_DAY[part.lower()]}" if part else ""


def _unit(text: str) -> str:
    unit = text.lower()
    if unit.startswith("centur"):
        return "century"
    return unit[:-1] if unit.endswith("s") else unit


def _duration(amount: float | None, unit: str) -> str:
    letter, is_time = UNITS[unit]
    if amount is None:
        number = "X"
    elif unit == "fortnight":
        number = _number(amount * 2)
    elif amount == 0.5 and unit == "hour":
        return "PT30M"
    elif amount == 0.5 and unit == "year":
        return "P6M"
    else:
        number = _number(amount)
    if unit == "decade" and amount is not None:
        return f"P{_number(amount * 10)}Y"
    if unit == "century" and amount is not None:
        return f"P{_number(amount * 100)}Y"
    return f"P{'T' if is_time else ''}{number}{letter}"


def _number(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else str(amount)


def sentence_of(doc: Doc, offset: int) -> int:
    """The index of the first token of the sentence holding character `offset` (-1 if none)."""
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return token[0].sent.start if token is not None and len(token) else -1


# ---------------------------------------------------------------- absolute dates


@rule(
    "month_day_year",
    rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})\b(?:,?\s+(?P<year>{YEAR})\b)?",
)
def month_day_year(match: re.Match, ctx: Context) -> Value | None:
    month, day = _month(match["month"]), _day(match["day"])
    if match["year"]:
        return DATE, _full(int(match["year"]), month, day)
    if month_in_name(match, ctx):
        return None  # "the March 23 Movement"
    written = ctx.year_written(month, day, match.start())
    if written is not None:
        return DATE, _full(written, month, day)  # "September 11, 2001 … the September 11 attacks"
    if ctx.dct is None:
        return DATE, _full(None, month, day)
    year = cal.day_year(ctx.dct, month, day, ctx.direction(match.start(), match.end()))
    return DATE, _full(year, month, day)


@rule(
    "day_month_year",
    rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})\b(?:,?\s+(?P<year>{YEAR})\b)?",
)
def day_month_year(match: re.Match, ctx: Context) -> Value | None:
    return month_day_year(match, ctx)


@rule("month_year", rf"\b(?P<month>{MONTH})\.?,?\s+(?:of\s+)?(?P<year>{YEAR})\b")
def month_year(match: re.Match, ctx: Context) -> Value | None:
    return DATE, f"{match['year']}-{_month(match['month']):02d}"


@rule("iso_date", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b")
def iso_date(match: re.Match, ctx: Context) -> Value | None:
    return DATE, _full(int(match["year"]), int(match["month"]), int(match["day"]))


@rule(
    "slash_date",
    r"(?<![\d/])(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)?\d\d)(?![\d/])",
)
def slash_date(match: re.Match, ctx: Context) -> Value | None:
    """US order (month first), as in American news copy: 7/8/07 → 2007-07-08."""
    year = match["year"]
    full_year = int(year) if len(year) == 4 else _two_digit_year(year, ctx.dct)
    return DATE, _full(full_year, int(match["month"]), int(match["day"]))


@rule("year", rf"(?<![\d,.$£€#/])(?<!\d-)\b(?P<year>{YEAR})\b(?![,.]?\d|\s*(?:%|percent|per\s+cent)|-\d)")
def year(match: re.Match, ctx: Context) -> Value | None:
    span = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is not None and len(span):
        token = span[-1]
        following = ctx.doc[token.i + 1] if token.i + 1 < len(ctx.doc) else None
        # "2000 workers", "1500 hostages": a number counting a plural noun, not a year; but "the 2019
        # elections" is a year inside a noun phrase.
        if (
            following is not None
            and following.tag_ in ("NNS",)
            and token.dep_ == "nummod"
            and not dates_plural(token, following)
        ):
            return None
        previous = ctx.doc[span[0].i - 1] if span[0].i else None
        if (
            previous is not None
            and following is not None
            and previous.pos_ == "PROPN"
            and previous.is_title
            and following.is_title
            and following.pos_ in ("PROPN", "NOUN")
        ):
            return None  # "the Russell 2000 Index", "Windows 2000 Server": part of a name
        if following is not None and following.lower_ in (
            "people",
            "troops",
            "times",
            "km",
            "miles",
            "feet",
            "metres",
            "meters",
            "points",
            "votes",
        ):
            return None
    return DATE, match["year"]


@rule("decade", r"(?:\b(?:the\s+)?)(?:(?P<century>1[5-9]|20)(?P<decade>\d)0|['’](?P<short>\d)0)['’]?s\b")
def decade(match: re.Match, ctx: Context) -> Value | None:
    if match["century"]:
        return DATE, f"{match['century']}{match['decade']}"
    digit = int(match["short"])
    century = "20" if ctx.dct and digit * 10 <= ctx.dct.year % 100 - 10 and digit < 3 else "19"
    return DATE, f"{century}{digit}"


@rule("bare_decade", r"(?<![\w'’$£€.,])(?P<x>(?P<digit>[2-9])0s)\b")
def bare_decade(match: re.Match, ctx: Context) -> Value | None:
    """'the cars of the 70s and 80s'; not an age ('in his 70s')."""
    before = ctx.text[max(0, match.start() - 16) : match.start()].lower()
    if re.search(r"\b(?:his|her|their|its|my|our|your|early|mid|late)[\s-]*$", before):
        return None
    return DATE, f"19{match['digit']}"


@rule("short_year", r"(?<=\s)['’](?P<year>\d\d)\b(?![’'\w])")
def short_year(match: re.Match, ctx: Context) -> Value | None:
    """'since '82', 'the class of '92'; not a product's edition after its name ('iLife '11', 'Office '97')."""
    before = ctx.text[max(0, match.start() - 20) : match.start()].rstrip().split()
    if before and re.fullmatch(r"\w*[A-Z]\w*", before[-1]) and not re.fullmatch(r"[A-Z][a-z]+", before[-1]):
        return None
    if before and before[-1][:1].isupper() and before[-1].lower() not in ("since", "in", "of", "until", "by"):
        return None
    return DATE, str(_two_digit_year(match["year"], ctx.dct))


@rule("century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+[Cc]entury\b")
def century(match: re.Match, ctx: Context) -> Value | None:
    return DATE, f"{int(match['n']) - 1:02d}"


# ---------------------------------------------------------------- weekdays, months, seasons


@rule(
    "weekday",
    rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(?P<wd>{WEEKDAY})(?:['’]s)?(?:\s+(?P<part>{PART}))?\b",
)
def weekday(match: re.Match, ctx: Context) -> Value | None:
    if not match["rel"] and named_day(match, ctx):
        return None  # "Black Monday", "Super Tuesday", "Good Friday": a day's name, not this week's day
    number = WEEKDAYS[match["wd"].lower()]
    kind = TIME if match["part"] else DATE
    part = _day_part(match)
    if ctx.dct is None:
        return kind, f"XXXX-WXX-{number}{part}"
    relation = (match["rel"] or "").lower()
    if relation == "last":
        back = (ctx.dct.isoweekday() - number) % 7 or 7
        day = ctx.dct - timedelta(days=back)
    elif relation == "next":
        # "next Friday" said on a Thursday is the Friday of next week, not tomorrow ("this Friday", "on
        # Friday", "coming Friday" are the nearest one ahead).
        day = ctx.dct + timedelta(days=7 + number - ctx.dct.isoweekday())
    elif relation == "coming":
        day = cal.weekday_date(ctx.dct, number, cal.FUTURE)
    elif relation == "this":
        day = ctx.dct + timedelta(days=number - ctx.dct.isoweekday())
    elif relation == "past":
        day = cal.weekday_date(ctx.dct, number, cal.PAST)
    else:
        day = cal.weekday_date(ctx.dct, number, ctx.direction(match.start(), match.end()))
    return kind, day.isoformat() + part


@rule("weekday_plural", rf"\b(?:(?:[Oo]n|[Ee]very|[Ee]ach)\s+)?(?P<wd>{WEEKDAY})s\b")
def weekday_plural(match: re.Match, ctx: Context) -> Value | None:
    return SET, f"XXXX-WXX-{WEEKDAYS[match['wd'].lower()]}"


@rule(
    "month",
    rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(?P<month>{MONTH_NAME})\b(?!\s+\d)",
)
def month(match: re.Match, ctx: Context) -> Value | None:
    number = _month(match["month"])
    if not is_month_word(match, ctx):
        return None
    if ctx.dct is None:
        return DATE, f"XXXX-{number:02d}"
    relation = (match["rel"] or "").lower()
    of_year = re.match(r"\s+of\s+(next|last|this)\s+year\b", ctx.text[match.end() : match.end() + 20])
    if of_year and not relation:  # "after October of next year": the month of that year
        return DATE, f"{ctx.dct.year + {'next': 1, 'last': -1}.get(of_year[1], 0)}-{number:02d}"
    if relation == "last":
        year = ctx.dct.year if number < ctx.dct.month else ctx.dct.year - 1
    elif relation in ("next", "coming"):
        year = ctx.dct.year if number > ctx.dct.month else ctx.dct.year + 1
    elif relation == "this":
        year = ctx.dct.year
    else:
        year = cal.month_year(ctx.dct, number, ctx.direction(match.start(), match.end()))
    return DATE, f"{year}-{number:02d}"


@rule(
    "season",
    rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he|[Cc]oming|[Pp]ast)\s+)?(?P<season>{SEASON})\b(?:\s+(?:of\s+)?(?P<year>{YEAR})\b)?",
)
def season(match: re.Match, ctx: Context) -> Value | None:
    code = SEASONS[match["season"].lower()]
    relation = (match["rel"] or "").lower()
    span = ctx.doc.char_span(match.start("season"), match.end("season"), alignment_mode="expand")
    if span is None or not len(span) or span[0].pos_ not in ("NOUN", "PROPN"):
        return None  # "prices fall", "spring into action"
    previous = ctx.doc[span[0].i - 1] if span[0].i else None
    if previous is not None and previous.is_title and not previous.is_sent_start:
        return None  # "the Arab Spring", "Prague Spring"
    if match["season"][0].isupper() and not span[0].is_sent_start and not (match["year"] or relation):
        return None  # a capitalised season mid-sentence is a name ("Operation Winter")
    if match["season"].lower() == "fall" and not match["year"]:
        # "the fall in prices", "the fall of Kabul": the season only as "this fall", "in the fall"
        after = ctx.text[match.end() : match.end() + 4]
        before_the = ctx.doc[span[0].i - 2] if span[0].i > 1 else None
        if relation == "the" and (
            before_the is None
            or before_the.lower_ not in ("in", "during", "by", "until", "since", "over", "throughout")
        ):
            return None
        if not relation or after.startswith(" of"):
            return None
    if match["year"]:
        return DATE, f"{match['year']}-{code}"
    if ctx.dct is None:
        return DATE, f"XXXX-{code}"
    middle = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    if relation == "last":
        year = ctx.dct.year if middle < ctx.dct.month - 1 else ctx.dct.year - 1
    elif relation in ("next", "coming"):
        year = ctx.dct.year if middle > ctx.dct.month + 1 else ctx.dct.year + 1
    elif relation == "this":
        year = ctx.dct.year
    else:
        year = cal.month_year(ctx.dct, middle, ctx.direction(match.start(), match.end()))
    return DATE, f"{year}-{code}"


@rule(
    "quarter",
    rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year)\b)?",
)
def quarter(match: re.Match, ctx: Context) -> Value | None:
    ordinal = match["ord"].lower()
    if ordinal in ("final", "last") and not (match["year"] or match["rel"]):
        if ctx.dct is None:
            return DATE, "XXXX-QX"
        previous = cal.add_months(ctx.dct, -3)
        return DATE, f"{previous.year}-Q{cal.quarter(previous)}"
    number = 4 if ordinal in ("final", "last") else ORDINALS[ordinal]
    if match["year"]:
        return DATE, f"{match['year']}-Q{number}"
    if ctx.dct is None:
        return DATE, f"XXXX-Q{number}"
    year = ctx.dct.year + {"last": -1, "next": 1}.get((match["rel"] or "").lower(), 0)
    if (
        not match["rel"]
        and number > cal.quarter(ctx.dct)
        and ctx.direction(match.start(), match.end()) == cal.PAST
    ):
        year -= 1  # "profits rose in the fourth quarter", reported in March: last year's
    return DATE, f"{year}-Q{number}"


@rule(
    "week_of_month",
    rf"\b(?:[Tt]he\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<month>{MONTH_NAME})\b"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?",
)
def week_of_month(match: re.Match, ctx: Context) -> Value | None:
    """'the last week of March' → the ISO week holding the month's last Sunday; 'the first week of May' →
    the week of its first Monday (the weeks that lie wholly in the month)."""
    number = _month(match["month"])
    if match["year"]:
        year = int(match["year"])
    elif ctx.dct is None:
        return DATE, f"XXXX-{number:02d}"  # no year, so no week number: the month is what is known
    else:
        year = cal.month_year(ctx.dct, number, ctx.direction(match.start(), match.end()))
    ordinal = match["ord"].lower()
    if ordinal in ("last", "final"):
        last = cal.add_months(date(year, number, 1), 1) - timedelta(days=1)
        day = last - timedelta(days=last.isoweekday() % 7)
    else:
        day = cal.nth_weekday(year, number, 1, ORDINALS[ordinal])
    return DATE, cal.iso_week(day)


@rule("quarter_code", rf"\b(?P<code>Q[1-4])(?:\s+(?P<year>{YEAR}))?\b")
def quarter_code(match: re.Match, ctx: Context) -> Value | None:
    year = match["year"] or (str(ctx.dct.year) if ctx.dct else "XXXX")
    return DATE, f"{year}-{match['code']}"


@rule(
    "half",
    rf"\b(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year)\b",
)
def half(match: re.Match, ctx: Context) -> Value | None:
    number = 1 if match["ord"].lower() == "first" else 2
    if match["year"]:
        return DATE, f"{match['year']}-H{number}"
    if ctx.dct is None:
        return DATE, f"XXXX-H{number}"
    year = ctx.dct.year + {"last": -1, "next": 1}.get(match["rel"].lower(), 0)
    return DATE, f"{year}-H{number}"


@rule(
    "holiday",
    r"\b(?P<name>Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s(?:\s+Day|\s+Eve)|Thanksgiving(?:\s+Day)?|Halloween|Valentine['’]s\s+Day)\b(?:\s+(?P<year>"
    + YEAR
    + r")\b)?",
)
def holiday(match: re.Match, ctx: Context) -> Value | None:
    name = re.sub(r"\s+", " ", match["name"].lower().replace("’", "'"))
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
    }
    if name.startswith("thanksgiving"):
        month, day = 11, None
    else:
        month, day = fixed[name]
    if match["year"]:
        year = int(match["year"])
    elif ctx.dct is None:
        return DATE, "XXXX-11-XX" if day is None else f"XXXX-{month:02d}-{day:02d}"
    else:
        year = cal.day_year(ctx.dct, month, day or 25, ctx.direction(match.start(), match.end()))
    if day is None:
        return DATE, cal.nth_weekday(year, 11, 4, 4).isoformat()
    return DATE, f"{year}-{month:02d}-{day:02d}"
