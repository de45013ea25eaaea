"""Rules for expressions that only mean something against a reference date, and for durations, sets, clock
times and vague references ("now", "recent weeks", "the future").

Registered in the same rule list as `rules.py`; see its docstring for how a rule resolves.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tacitus.time import calendar as cal
from tacitus.time.lexicon import PARTS_OF_DAY, WEEKDAYS, number_value
from tacitus.time.rules import (
    DATE,
    DURATION,
    NUM,
    PART,
    RELATIVE_DAY,
    SET,
    TIME,
    TZ,
    UNIT,
    WEEKDAY,
    YEAR,
    Context,
    Value,
    _duration,
    _unit,
    rule,
    sentence_of,
)

# ---------------------------------------------------------------- today, yesterday, tonight


@rule(
    "relative_day",
    rf"\b(?:(?P<word>{RELATIVE_DAY})(?:\s+(?P<part>{PART}))?|(?P<rel>[Ll]ast|[Tt]his)\s+(?P<part2>{PART})"
    rf"|the\s+day\s+(?P<around>before\s+yesterday|after\s+tomorrow))\b",
)
def relative_day(match: re.Match, ctx: Context) -> Value | None:
    word = (match["word"] or "").lower()
    part = match["part"] or match["part2"]
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(word, 0)
    if match["rel"]:
        offset = -1 if match["rel"].lower() == "last" and part.lower() == "night" else 0
    if match["around"]:
        offset = -2 if match["around"].startswith("before") else 2
    code = "NI" if word == "tonight" else (PARTS_OF_DAY[part.lower()] if part else "")
    kind = TIME if code else DATE
    if ctx.dct is None:
        return (
            kind,
            "PRESENT_REF" if word == "today" and not code else f"XXXX-XX-XX{'T' + code if code else ''}",
        )
    day = ctx.dct + timedelta(days=offset)
    return kind, day.isoformat() + (f"T{code}" if code else "")


# ---------------------------------------------------------------- last week, this month, next year


PERIOD = r"(?:week|weekend|month|year|quarter|decade|century)"


@rule(
    "relative_period",
    rf"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Tt]his\s+past)\s+(?P<unit>{PERIOD})\b(?!['’]s\s+\w+\s+(?:of|in)\b)",
)
def relative_period(match: re.Match, ctx: Context) -> Value | None:
    relation = match["rel"].lower()
    unit = match["unit"].lower()
    offset = {"last": -1, "this past": -1, "next": 1, "coming": 1}.get(relation, 0)
    if ctx.dct is None:
        return DATE, {
            "week": "XXXX-WXX",
            "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX",
            "quarter": "XXXX-QX",
            "decade": "XXX",
            "century": "XX",
        }.get(unit, "XXXX")
    return DATE, cal.period(ctx.dct, unit, offset)


@rule(
    "of_the_period", r"(?<=\bof\s)(?P<x>the\s+(?P<unit>year|month))\b(?!\s+(?:of|before|after|to|in)\b|['’])"
)
def of_the_period(match: re.Match, ctx: Context) -> Value | None:
    """'the end of the year', 'the rest of the month': the year or month the report is in (not 'man of
    the year')."""
    before = ctx.text[max(0, match.start() - 14) : match.start()].lower()
    if not re.search(
        r"\b(?:end|beginning|start|middle|rest|remainder|close|turn|course|part)\s+of\s$", before
    ):
        return None
    if ctx.dct is None:
        return DATE, "XXXX" if match["unit"] == "year" else "XXXX-XX"
    return DATE, cal.period(ctx.dct, match["unit"], 0)


@rule("the_weekend", r"\b[Tt]he\s+weekend\b")
def the_weekend(match: re.Match, ctx: Context) -> Value | None:
    if ctx.dct is None:
        return DATE, "XXXX-WXX-WE"
    direction = ctx.direction(match.start(), match.end())
    if direction == cal.PAST or (direction == cal.UNKNOWN and ctx.dct.isoweekday() <= 3):
        return DATE, cal.period(ctx.dct - timedelta(days=ctx.dct.isoweekday()), "weekend", 0)
    return DATE, cal.period(ctx.dct, "weekend", 0 if ctx.dct.isoweekday() < 6 else 0)


@rule(
    "anchored_period",
    r"\b(?:[Tt]he\s+(?P<rel>same|following|next|previous|preceding|prior)|(?P<that>[Tt]hat))\s+(?P<unit>day|week|month|year)\b(?!\s+(?:of|to|in|and|or|,)\b)"
    r"|\b[Tt]he\s+(?P<unit2>day|week|month|year)\s+(?P<post>before|previous|earlier|after)(?=\s*(?:[.,;:)]|$))",
)
def anchored_period(match: re.Match, ctx: Context) -> Value | None:
    """'the next day', 'the previous year', 'that day', 'the year before': counted from the last day the text
    named; a year from the last year it named ('cut costs last year, $19.8 billion more than the year
    previous' is the year before that)."""
    anchor = ctx.anchor()
    unit = (match["unit"] or match["unit2"]).lower()
    relation = (
        match["rel"] or {"after": "following", "": "same"}.get(match["post"] or "", "previous")
    ).lower()
    if unit == "year" and ctx.last_year is not None:
        anchor = date(ctx.last_year, 1, 1)
    offset = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}.get(relation, 0)
    if anchor is None:
        return DATE, None
    if relation in ("next", "following") and ctx.last_day is None and not (unit == "year" and ctx.last_year):
        return None  # "the next year" with nothing named before is a duration or a plan, not a date
    return DATE, cal.period(anchor, unit, offset)


@rule(
    "same_period",
    rf"\b[Tt]he\s+same\s+(?P<unit>period|time|month|quarter|week|season)\s+(?:(?:of|in)\s+)?"
    rf"(?:(?:the\s+)?(?:last|previous|prior|preceding)\s+year|a\s+year\s+(?:ago|earlier|before|previously)"
    rf"|(?P<year>{YEAR}))\b",
)
def same_period(match: re.Match, ctx: Context) -> Value | None:
    """'sales rose in February compared to the same period last year': the part of a year the text named
    last, in the year the words give. With no month, quarter, half, season or week named before, nothing
    is guessed: the shorter 'last year' is kept instead."""
    antecedent = ctx.last_period
    unit = match["unit"].lower()
    if antecedent is None:
        return None
    part = antecedent[5:]
    if unit == "quarter" and part.isdigit():
        part = f"Q{(int(part) - 1) // 3 + 1}"
    wanted = {"month": r"\d\d", "quarter": r"Q\d", "week": r"W\d\d", "season": r"SP|SU|FA|WI"}.get(unit, ".+")
    if not re.fullmatch(wanted, part):
        return None  # "the same month" after a quarter: which month is not said
    # "last year" is the year before the period compared: Q4 2006, reported in 2007, against Q4 2005
    year = match["year"] or f"{int(antecedent[:4]) - 1:04d}"
    return DATE, f"{year}-{part}"


@rule(
    "the_day",
    r"\b(?P<x>[Tt]he\s+day)\b(?!\s+(?:before|after|of|when|is|was|will|has|had|comes?|came)\b|['’]s)",
)
def the_day(match: re.Match, ctx: Context) -> Value | None:
    """'shares fell 3% on the day': the day the text is about (the last day named, else publication)."""
    anchor = ctx.anchor()
    return DATE, anchor.isoformat() if anchor else None


SESSION_LEAD = re.compile(
    r"\b(?:in|during|at|by|from|into|after|before|through|throughout|until|since|of)\s+(?:the\s+)?"
    r"(?:(?:early|late|mid)(?:\s+|-))?$",
    re.IGNORECASE,
)


@rule("trading_session", rf"\b(?P<x>(?P<part>{PART}))\s+(?:trading|trade|deals|dealings|session)\b")
def trading_session(match: re.Match, ctx: Context) -> Value | None:
    """'shares rose in morning trading': that part of the day the report is about (the last day named,
    else publication), as 'on the day' is. Only after a preposition: not 'spent the evening trading
    stories'."""
    if not SESSION_LEAD.search(ctx.text[max(0, match.start() - 30) : match.start()]):
        return None
    anchor = ctx.anchor()
    day = anchor.isoformat() if anchor else "XXXX-XX-XX"
    return TIME, f"{day}T{PARTS_OF_DAY[match['part'].lower()]}"


@rule(
    "whole_year",
    r"\b(?:[Ff]or|[Ii]n|[Dd]uring|[Oo]ver|[Tt]hroughout)\s+(?P<x>the\s+(?:entire|whole|full)\s+year)\b(?!\s+(?:of|to)\b)",
)
def whole_year(match: re.Match, ctx: Context) -> Value | None:
    """'a loss of $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year': the year
    the text is reporting on, the last one it named (else the publication year)."""
    if ctx.last_year is not None:
        return DATE, f"{ctx.last_year:04d}"
    return DATE, f"{ctx.dct.year:04d}" if ctx.dct else "XXXX"


@rule("at_one_point", r"\b[Aa]t\s+(?P<x>one\s+point)\b(?!\s+(?:in|of)\s+(?:the\s+)?(?:future|time)\b)")
def at_one_point(match: re.Match, ctx: Context) -> Value | None:
    """'It had, at one point, set an intraday low': an unnamed moment of the past, when the clause is past."""
    if ctx.direction(match.start(), match.end()) != cal.PAST:
        return None
    return DATE, "PAST_REF"


@rule(
    "earlier_later",
    rf"\b(?:(?P<n>{NUM})\s+(?P<unit>{UNIT})s?\s+(?P<dir>ago|earlier|later|before|after)|(?P<dir2>a\s+year\s+(?:ago|earlier)))\b(?!\s+(?:than|that)\b)",
)
def earlier_later(match: re.Match, ctx: Context) -> Value | None:
    """'three days ago' counts from publication; 'two days later' from the last day the text named."""
    if match["dir2"]:
        amount, unit, direction = 1.0, "year", match["dir2"].split()[-1]
    else:
        amount, unit, direction = number_value(match["n"]), _unit(match["unit"]), match["dir"].lower()
    if direction in ("before", "after"):
        end = match.end()
        following = ctx.text[end : end + 12].lstrip()
        if following[:1].isalnum():  # "two days after the vote": the duration only, the rest is not ours
            return None
    anchor = ctx.dct if direction == "ago" else ctx.anchor()
    if amount is None or anchor is None:
        return DATE, "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
    sign = 1 if direction in ("later", "after") else -1
    if not float(amount).is_integer():
        return DATE, None
    return DATE, cal.shift(anchor, unit, sign * int(amount))


# ---------------------------------------------------------------- durations


# Words that open a relative clause after "a day", "a year": the noun is described, not measured.
RELATIVE_CLAUSE = re.compile(
    r"\s+(?:when|where|whose|anybody|anyone|nobody|no\s+one|everyone|everybody|we|they|he|she"
    r"|I|you)\b(?!\s+(?:of|in|for)\b)",
)


@rule(
    "duration",
    rf"\b(?:(?:the|[Tt]hese|[Tt]hose)\s+(?P<rel>past|last|next|first|previous|coming|following|final|last)\s+)?(?P<n>{NUM})(?:\s+|-)(?:(?:more|straight|consecutive|long|full|trading|business|working)\s+)?(?P<unit>{UNIT})s?\b(?!-old|\s+old\b)(?:[\s-]long\b)?",
)
def duration(match: re.Match, ctx: Context) -> Value | None:
    text = match["n"].lower()
    if text in ("a", "an") and match.start() > 0:
        before = ctx.text[max(0, match.start() - 12) : match.start()].lower()
        if re.search(r"\b(?:once|twice|times|per)\s*$", before):
            return None  # "twice a year" is a set, matched by its own rule
    amount = number_value(match["n"])
    unit = _unit(match["unit"])
    after = ctx.text[match.end() : match.end() + 12]
    if text in ("a", "an") and ctx.text[match.end("unit") : match.end("unit") + 1] == "s":
        return None  # "a decades-long feud": the article belongs to the noun
    if unit == "quarter" and (amount is None or text in ("a", "an", "one")):
        return None  # "about a quarter of its dealers"
    ordinal = re.match(r"\s+[A-Za-z0-9]", after) and not re.match(
        r"\s+(?:ago|later|earlier|or|and|of|to|in|for|before|after)\b", after
    )
    if unit == "second" and text in ("a", "an", "one") and ordinal:
        return None  # "a second consecutive day": the ordinal
    if unit == "hour" and text in ("a", "an") and re.match(r"\s+(?:of|when)\b", after):
        return None
    if text in ("a", "an") and RELATIVE_CLAUSE.match(ctx.text[match.end() : match.end() + 16]):
        return None  # "not a day anybody can be prepared for", "a day when": a day described, not a length
    return DURATION, _duration(amount, unit)


@rule(
    "vague_duration",
    rf"\b(?:[Ff]or|[Oo]ver(?:\s+the)?|[Aa]fter|[Ww]ithin|[Ff]or\s+the\s+past|[Ii]n\s+the\s+past|[Dd]uring\s+the"
    rf"|(?:highest|lowest|best|worst|first\s+time|level)\s+in)\s+(?P<x>(?P<unit>{UNIT})s)\b",
)
def vague_duration(match: re.Match, ctx: Context) -> Value | None:
    unit = _unit(match["unit"])
    return DURATION, _duration(None, unit)


@rule("long_duration", r"\b(?P<unit>decade|year|month|week|day|hour)s-long\b")
def long_duration(match: re.Match, ctx: Context) -> Value | None:
    return DURATION, _duration(None, match["unit"].lower())


@rule(
    "past_period",
    r"\b(?:the|[Tt]his)\s+(?:(?P<rel>past|last)\s+(?P<unit>week|month|year|decade)"
    r"|(?:next|coming)\s+(?P<ahead>decade|century))\b",
)
def past_period(match: re.Match, ctx: Context) -> Value | None:
    """'the past year' is the year up to now, a duration; 'this past week' is a date. 'Over the next decade'
    is the ten years from now, a duration too (not the calendar decade after this one)."""
    if match["ahead"]:
        return DURATION, _duration(1, match["ahead"].lower())
    if match.group(0).lower().startswith("this"):
        if ctx.dct is None:
            return DATE, None
        return DATE, cal.period(ctx.dct, match["unit"].lower(), -1)
    return DURATION, _duration(1, match["unit"].lower())


# ---------------------------------------------------------------- vague references


@rule(
    "present_ref",
    r"\b(?:[Nn]ow|[Cc]urrently|[Nn]owadays|[Aa]t\s+present|[Pp]resently|[Tt]hese\s+days|the\s+time\s+being)\b",
)
def present_ref(match: re.Match, ctx: Context) -> Value | None:
    text = match.group(0).lower()
    if text == "now" and ctx.text[match.end() : match.end() + 1] == "-":
        return None  # "the now-cancelled deal": an adjective's prefix, not a time
    if text == "now":
        after = ctx.text[match.end() : match.end() + 6].lower()
        before = ctx.text[max(0, match.start() - 8) : match.start()].lower()
        if after.startswith(" that") or re.search(r"\b(?:until|till|by|from)\s*$", before):
            return DATE, "PRESENT_REF" if not after.startswith(" that") else None
    return DATE, "PRESENT_REF"


@rule(
    "past_ref",
    r"\b(?:[Rr]ecently|[Ll]ately|[Rr]ecent\s+(?:days|weeks|months|years|times)|the\s+past(?!\s+\w+\s+(?:days|weeks|months|years))(?=\s*[,.;]|\s+(?:and|or|but|when|that|,))|[Pp]reviously|[Ff]ormerly)\b",
)
def past_ref(match: re.Match, ctx: Context) -> Value | None:
    text = match.group(0).lower()
    if text in ("previously", "formerly"):
        return None  # adverbs of order, not times; matched so nothing shorter claims them
    return DATE, "PAST_REF"


@rule("vague_adjective", r"\b(?P<word>[Cc]urrent|[Rr]ecent)\b(?!-)")
def vague_adjective(match: re.Match, ctx: Context) -> Value | None:
    """'the current circumstances', 'the recent downturn': TIMEX3 marks these adjectives as the present and
    the past. Not 'the most recent model' (an order), not 'current account' (a term), not the noun."""
    if not ctx.parsed:
        return None
    span = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    token = span[0]
    following = ctx.doc[token.i + 1].lower_ if token.i + 1 < len(ctx.doc) else ""
    if token.tag_ != "JJ" or token.dep_ != "amod" or following in ("account", "accounts", "affairs"):
        return None
    previous = ctx.doc[token.i - 1] if token.i else None
    if previous is not None and previous.lower_ in ("most", "more", "less", "least"):
        return None
    return DATE, "PRESENT_REF" if match["word"].lower() == "current" else "PAST_REF"


@rule(
    "soon", r"\b(?:(?:[Vv]ery|[Qq]uite|[Ss]o)\s+)?[Ss]oon\b(?!-|\s+(?:as|after|afterwards|enough|before)\b)"
)
def soon(match: re.Match, ctx: Context) -> Value | None:
    """'very soon', 'will soon': the near future; not 'as soon as', 'soon after the vote', 'soon-to-open'."""
    before = ctx.text[max(0, match.start() - 3) : match.start()].lower()
    if before.endswith("as "):
        return None
    return DATE, "FUTURE_REF"


@rule(
    "future_ref",
    r"\b(?:the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|long|short|medium)\s+term|the\s+coming\s+(?:days|weeks|months|years)|the\s+years\s+to\s+come|the\s+days\s+ahead|the\s+weeks\s+ahead|the\s+months\s+ahead)\b",
)
def future_ref(match: re.Match, ctx: Context) -> Value | None:
    return DATE, "FUTURE_REF"


# ---------------------------------------------------------------- sets


@rule(
    "set_every",
    rf"\b(?:[Ee]very|[Ee]ach)\s+(?:other\s+)?(?P<what>day|week|month|year|morning|evening|night|afternoon|{WEEKDAY}|weekend)\b",
)
def set_every(match: re.Match, ctx: Context) -> Value | None:
    what = match["what"].lower()
    if what in WEEKDAYS:
        return SET, f"XXXX-WXX-{WEEKDAYS[what]}"
    if what in PARTS_OF_DAY:
        return SET, f"XXXX-XX-XXT{PARTS_OF_DAY[what]}"  # a time of day recurring on every day
    if what == "weekend":
        return SET, "XXXX-WXX-WE"
    step = "2" if "other" in match.group(0).lower() else "1"
    return SET, f"P{step}{what[0].upper()}"


@rule(
    "set_adverb",
    r"\b(?P<word>daily|weekly|monthly|annually|annual|yearly|nightly|hourly|quarterly|biannual|biennial)\b",
)
def set_adverb(match: re.Match, ctx: Context) -> Value | None:
    word = match["word"].lower()
    return SET, {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "annual": "P1Y",
        "yearly": "P1Y",
        "nightly": "XXXX-XX-XXTNI",
        "hourly": "PT1H",
        "quarterly": "P3M",
        "biannual": "P6M",
        "biennial": "P2Y",
    }[word]


@rule(
    "set_frequency",
    r"\b(?:once|twice|(?:three|four|five|\d+)\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit>day|week|month|year)\b",
)
def set_frequency(match: re.Match, ctx: Context) -> Value | None:
    return SET, f"P1{match['unit'][0].upper()}"


# ---------------------------------------------------------------- clock times


@rule(
    "clock",
    rf"\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?"
    rf"(?:\s*\(?(?P<tz>{TZ})(?:\s*(?P<offset>[+-]\d\d?)(?::?(?P<offset_m>[0-5]\d))?)?\)?)?"
    rf"(?:\s+(?P<day>{RELATIVE_DAY}|{WEEKDAY}))?(?=\s+on\s+(?P<ahead>{WEEKDAY})\b)?",
)
def clock(match: re.Match, ctx: Context) -> Value | None:
    if not (match["m"] or match["ampm"]):
        return None
    if not match["m"] and not match["ampm"]:
        return None
    hour = int(match["h"])
    minute = int(match["m"] or 0)
    ampm = (match["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or (match["m"] and not ampm and not match["tz"] and ":" not in match.group(0)):
        return None
    day = _clock_day(match, ctx)
    return TIME, f"{day}T{hour:02d}:{minute:02d}{_zone(match)}"


def _zone(match: re.Match) -> str:
    """'UTC', 'GMT' → Z; 'GMT +8' → +08 (the offset from UTC, as ISO 8601 writes it); other zones: none."""
    if match["tz"] not in ("UTC", "GMT"):
        return ""
    offset = match["offset"] if "offset" in match.re.groupindex else None
    if not offset:
        return "Z"
    minutes = match["offset_m"] or "00"
    return f"{offset[0]}{int(offset[1:]):02d}" + ("" if minutes == "00" else f":{minutes}")


@rule(
    "military_clock",
    rf"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:(?P<tz>{TZ})|hours|hrs)\b"
    rf"(?:\s+(?P<day>{RELATIVE_DAY}|{WEEKDAY})\b)?(?=\s+on\s+(?P<ahead>{WEEKDAY})\b)?",
)
def military_clock(match: re.Match, ctx: Context) -> Value | None:
    """'0800 GMT', '1400 hours'; a day written after it is its day ('0800 GMT tomorrow', '0800 GMT on
    Monday'), as for other clock times."""
    return TIME, f"{_clock_day(match, ctx)}T{match['h']}:{match['m']}{_zone(match)}"


@rule("noon", rf"\b(?P<word>noon|midnight|midday)(?:\s+(?P<day>{RELATIVE_DAY}|{WEEKDAY}))?\b")
def noon(match: re.Match, ctx: Context) -> Value | None:
    clock_time = "00:00" if match["word"].lower() == "midnight" else "12:00"
    return TIME, f"{_clock_day(match, ctx)}T{clock_time}"


def _clock_day(match: re.Match, ctx: Context) -> str:
    """The day a clock time falls on: a day named with it ('2 p.m. Monday', '2 p.m. on Monday'), else a day
    named earlier in its own sentence, else the publication day. A running report ("police arrived at
    7:15 p.m.") describes the day it is published, not a date the story named paragraphs before."""
    named = match["day"] if "day" in match.re.groupindex else None
    if not named and "ahead" in match.re.groupindex:
        named = match["ahead"]
    if named and ctx.dct is not None:
        lowered = named.lower()
        if lowered in WEEKDAYS:
            return cal.weekday_date(
                ctx.dct, WEEKDAYS[lowered], ctx.direction(match.start(), match.end())
            ).isoformat()
        return (ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(lowered, 0))).isoformat()
    if ctx.last_day is not None and ctx.last_sentence == sentence_of(ctx.doc, match.start()):
        return ctx.last_day.isoformat()
    return ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
