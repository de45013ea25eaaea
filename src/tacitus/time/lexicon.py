"""Words the temporal rules are built from: months, weekdays, units, number words, parts of day, seasons.

Kept as plain tables so a rule reads like the English it matches, and so a missing word is a one-line fix.
"""

from __future__ import annotations

from tacitus.number_words import ONES, TENS  # noqa: F401 - part of this lexicon's names

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
WEEKDAY_ABBREVIATIONS = {
    "mon": 1,
    "tue": 2,
    "tues": 2,
    "wed": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}

# TIMEX3 codes for parts of the day and seasons.
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "midday": "MI",
    "noon": "MI",
    "overnight": "NI",
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Unit → (duration letter, is a time-of-day unit that takes the `T` prefix).
UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "week": ("W", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}

# number words are shared with the claims stage: one list, in tacitus.number_words
ARTICLES = {
    "a": 1,
    "an": 1,
    "a single": 1,
    "a couple of": 2,
    "a couple": 2,
    "one and a half": 1.5,
    "a dozen": 12,
    "half a": 0.5,
    "half an": 0.5,
}
VAGUE_AMOUNTS = {"several", "a few", "few", "many", "some", "numerous", "a number of"}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven"
    r"|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
)


def number_value(text: str) -> float | None:
    """'27' → 27, 'twenty-five' → 25, 'a' → 1, 'two and a half' → 2.5; None for vague amounts ('several')."""
    words = text.lower().replace("-", " ").split()
    phrase = " ".join(words)
    if phrase in ARTICLES:
        return ARTICLES[phrase]
    if phrase in VAGUE_AMOUNTS:
        return None
    half = 0.0
    if phrase.endswith(" and a half"):
        half, words = 0.5, words[:-3]
    total = 0.0
    for word in words:
        cleaned = word.replace(",", "")
        if cleaned.replace(".", "", 1).isdigit():
            total += float(cleaned)
        elif word in ONES:
            total += ONES[word]
        elif word in TENS:
            total += TENS[word]
        elif word == "hundred":
            total = (total or 1) * 100
        elif word in ("a", "an"):
            total += 1
        else:
            return None
    return total + half


# Plural nouns a year dates rather than counts: "the 2019 elections", "the 2008 riots" (but "2000 workers").
DATED_PLURALS = {
    "election",
    "poll",
    "primary",
    "midterm",
    "referendum",
    "game",
    "olympic",
    "olympics",
    "championship",
    "final",
    "playoff",
    "talk",
    "negotiation",
    "accord",
    "agreement",
    "sanction",
    "riot",
    "protest",
    "demonstration",
    "uprising",
    "clash",
    "attack",
    "bombing",
    "killing",
    "massacre",
    "flood",
    "earthquake",
    "hearing",
    "trial",
    "result",
    "figure",
    "earning",
    "account",
    "accounts",
    "estimate",
    "forecast",
    "projection",
    "target",
    "celebration",
    "commemoration",
    "event",
    "reform",
    "amendment",
    "season",
}
