"""Words that look like dates but name something: a month in a name ("August Landmesser", "the March 23
Movement", "Theresa May"), a weekday naming a day ("Black Monday"), a year-like number counting a plural
noun ("2000 workers", not "the 2019 elections"). Read from the parse and the entity recogniser the pipeline
already made; on a text that is only tokenised, only the entity and word checks apply.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tacitus.time.lexicon import DATED_PLURALS, MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from tacitus.time.rules import Context


def dates_plural(number, noun) -> bool:
    """A year before a plural noun dates it when the noun names events ('the 2019 elections'), or when the
    entity recogniser reads it as a date and it is not a round count ('the 2011 uprisings', not 'the 2000
    workers')."""
    if noun.lemma_.lower() in DATED_PLURALS or noun.lower_ in DATED_PLURALS:
        return True
    return number.ent_type_ == "DATE" and not number.text.endswith("00")


def named_day(match: re.Match, ctx: Context) -> bool:
    """'Black Monday', 'Super Tuesday', 'Cyber Monday': a title word compounded onto the weekday, or an event
    entity, names a day rather than pointing at this week's."""
    span = ctx.doc.char_span(match.start("wd"), match.end("wd"), alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    if token.ent_type_ == "EVENT":
        return True
    if not ctx.parsed:
        return False
    return any(
        child.dep_ == "compound" and child.i == token.i - 1 and child.is_title and child.pos_ == "PROPN"
        for child in token.children
    )


NAME_ENTITIES = ("PERSON", "ORG", "GPE", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT")


def _month_token(match: re.Match, ctx: Context):
    span = ctx.doc.char_span(match.start("month"), match.end("month"), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def month_in_name(match: re.Match, ctx: Context) -> bool:
    """A month word that is part of a name: a first name ('August Landmesser', 'June Carter'), a movement
    or event ('the March 23 Movement', 'the Women's March', 'Britain's May'), as the parse shows it."""
    token = _month_token(match, ctx)
    if token is None:
        return False
    if token.ent_type_ in NAME_ENTITIES:
        return True
    if not ctx.parsed:
        return False
    head = token.head
    if (
        head.i > token.i
        and head.pos_ == "PROPN"
        and head.is_title
        and head.lower_.rstrip(".") not in MONTHS
        and head.lower_.rstrip("s") not in WEEKDAYS
        and token.dep_ in ("compound", "nmod")
    ):
        return True  # the month modifies a proper name that follows it
    return any(child.dep_ == "poss" and child.i < token.i for child in token.children)


def is_month_word(match: re.Match, ctx: Context) -> bool:
    """'May' is also a modal and a name ('Theresa May'), 'March' a verb: keep them only as dates."""
    name = match["month"].lower()
    if month_in_name(match, ctx):
        return False
    if name not in ("may", "march", "june", "april", "august"):
        return True
    token = _month_token(match, ctx)
    if token is None:
        return False
    if token.tag_ == "MD" or token.pos_ == "VERB" or token.ent_type_ in ("PERSON", "ORG", "GPE", "FAC"):
        return False
    previous = ctx.doc[token.i - 1] if token.i > 0 else None
    if (
        previous is not None
        and previous.pos_ == "PROPN"
        and previous.is_title
        and previous.ent_type_ != "DATE"
    ):
        return False  # "Theresa May", "Mary June"
    if name == "may":
        return token.ent_type_ == "DATE" or (
            previous is not None
            and previous.lower_
            in (
                "in",
                "since",
                "until",
                "till",
                "by",
                "of",
                "from",
                "to",
                "through",
                "during",
                "before",
                "after",
                "between",
                "and",
                "or",
                "early",
                "late",
                "mid",
                "last",
                "next",
                "this",
                "end",
                "last",
                "in",
                "the",
                "of",
                "on",
                "for",
            )
        )
    return True
