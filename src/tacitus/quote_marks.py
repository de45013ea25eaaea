"""Quote findings and the rules that refine what quotation marks and stance verbs give.

Not everything between quotation marks is a quote: a scare quote or a title ("the so-called “spring
offensive”", "“Shark Tank”") is dropped; a few quoted words inside what a verb reports stand for the whole
report; “A,” he said. “B.” is one quote in two pieces. Some quotes are signed after a dash (“…” ― Name) or
labelled in a transcript ("PENCE: …"). Stance verbs with an object or an infinitive ("called for a
ceasefire") are attributions too. `tacitus.quotes` applies these to its findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Verbs that attribute a stance with an object or an infinitive rather than a clause ("called for a
# ceasefire", "pledged to rebuild", "criticized the ruling"): PolNeAR marks these as attributions too.
STANCE_VERBS = frozenset(
    {
        "agree",
        "pledge",
        "vow",
        "promise",
        "urge",
        "criticize",
        "criticise",
        "condemn",
        "blast",
        "slam",
        "praise",
        "propose",
        "oppose",
        "support",
        "endorse",
        "cite",
        "plan",
        "reject",
        "welcome",
        "defend",
        "dismiss",
        "demand",
        "call",
        "accuse",
        "blame",
        "describe",
        "acknowledge",
        "decline",
        "refuse",
        "threaten",
        "insist",
        "deny",
        "warn",
        "question",
        "challenge",
        "applaud",
        "denounce",
        "argue",
        "note",
        "discuss",
        "express",
        "voice",
        "tout",
        "seek",
        "back",
        "favor",
        "favour",
        "advocate",
        "liken",
        "compare",
        "characterize",
        "label",
        "brand",
        "attack",
        "thank",
        "ask",
        "request",
        "recommend",
        "announce",
        "highlight",
        "raise",
        "admit",
        "want",
        "show",
        "find",
    }
)


@dataclass
class QuoteFinding:
    """One attribution, as token spans of the parse (end exclusive)."""

    content: tuple[int, int]
    direct: bool
    speaker: tuple[int, int] | None = None  # the speaker's head word (a name, a pronoun, "official")
    speaker_phrase: tuple[int, int] | None = None  # the whole noun phrase
    cue: int | None = None
    medium: tuple[int, int] | None = None
    belief: bool = False  # "believes that…": an attributed belief, not speech
    nested: bool = (
        False  # a direct quote inside a reported clause of the same cue ("said that X is a “guarantor”")
    )
    char_start: int = 0
    char_end: int = 0
    marks: list[tuple[int, int]] | None = None  # the tokens between quotation marks (direct quotes)
    governed: bool = False  # the cue governs the quote in the parse (not merely near it)
    stance: bool = False  # "called for a ceasefire": an attributed stance, scored as attribution, not a quote


def mostly_inside(quote: QuoteFinding, statement: QuoteFinding) -> bool:
    """Most of the quote's tokens lie in the statement's clause (a widened partial quote may stick out)."""
    shared = min(quote.content[1], statement.content[1]) - max(quote.content[0], statement.content[0])
    return shared > 0.5 * (quote.content[1] - quote.content[0])


_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:[ \t]+(?=\S)")


def speaker_labels(doc: Doc, text: str, direct: list[QuoteFinding]) -> list[QuoteFinding]:
    """'PENCE: Well, look…' in a transcript, 'Pat Caddell: Voters Are Worried' in a headline: the words after a
    paragraph-initial name and a colon are that person's, up to the end of the paragraph."""
    found = []
    taken = [(q.char_start, q.char_end) for q in direct]
    for match in _LABEL.finditer(text):
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if name is None or not all(t.pos_ == "PROPN" or t.is_punct for t in name):
            continue
        if not (any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name) or name.text.isupper()):
            continue
        start = match.end()
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        while stop > start and text[stop - 1] in ' \t"“”':
            stop -= 1
        content = doc.char_span(start, stop, alignment_mode="expand")
        if content is None or len(content) < 3 or any(s < stop and start < e for s, e in taken):
            continue
        head = name[-1].i
        found.append(
            QuoteFinding(
                content=(content.start, content.end),
                direct=True,
                speaker=(head, head + 1),
                speaker_phrase=(name.start, name.end),
                cue=name.end if name.end < len(doc) and doc[name.end].text == ":" else None,
                char_start=start,
                char_end=stop,
                marks=[(content.start, content.end)],
            )
        )
    return found


_NAMED_BEFORE = re.compile(
    r"\b(?:so-called|so called|dubbed|titled|entitled|named|nicknamed|branded|labell?ed)\W{0,3}$",
    re.IGNORECASE,
)


def scare_quote(doc: Doc, text: str, quote: QuoteFinding) -> bool:
    """Quotation marks that name or distance rather than report: the so-called "spring offensive", a title
    ("Shark Tank", "The Apprentice"), or a short phrase no one is said to have said."""
    start, end = quote.content
    words = [t for t in doc[start:end] if t.is_alpha]
    if len(words) > 4:
        return False
    if _NAMED_BEFORE.search(text, max(0, quote.char_start - 20), quote.char_start):
        return True
    tokens = doc[start:end]
    if words and all(t.is_title or t.is_upper or t.is_stop for t in words) and words[0].is_title:
        stripped = text[quote.char_start : quote.char_end].rstrip(" ,.")
        if not stripped.endswith(("!", "?")) and not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            return True  # a title: “Fox News Sunday,”, “The Apprentice”
    if len([t for t in tokens if not t.is_punct]) <= 2 and not quote.governed:
        return True  # “strong”, “13th”, “carried interest” near a cue that does not govern them
    return quote.cue is None


def widen_partial(doc: Doc, quote: QuoteFinding) -> None:
    """A few quoted words inside what the cue reports ("called his supporters “deplorables”") stand for the
    whole report: the content runs from after the cue to the end of its clause."""
    if quote.cue is None:
        return
    cue = doc[quote.cue]
    start, end = quote.content
    if not (cue.i < start and end <= cue.right_edge.i + 1) or cue.sent != doc[start].sent:
        return
    left = cue.i + 1
    right = max(t.i for t in cue.subtree) + 1
    widened = strip_span(doc, left, right)
    if widened is None or widened[1] - widened[0] <= end - start:
        return
    while widened[0] < widened[1] and doc[widened[0]].dep_ == "mark":
        widened = (widened[0] + 1, widened[1])
    if end - start > 0.7 * (widened[1] - widened[0]):
        return
    span = doc[widened[0] : widened[1]]
    quote.content, quote.char_start, quote.char_end = widened, span.start_char, span.end_char


def join_continued(doc: Doc, text: str, quotes: list[QuoteFinding]) -> list[QuoteFinding]:
    """“A,” he said. “B.” is one quote in two pieces: a piece that only continues the same speaker's
    words in the same paragraph, after the frame, joins the quote before it."""
    joined: list[QuoteFinding] = []
    for quote in quotes:
        last = joined[-1] if joined else None
        gap = text[last.char_end : quote.char_start] if last is not None else ""
        if (
            last is not None
            and last.direct
            and quote.direct
            and last.speaker is not None
            and quote.speaker == last.speaker
            and "\n" not in gap
            and len(gap) < 60
            and (quote.cue == last.cue or quote.cue is None)
        ):
            last.content = (last.content[0], quote.content[1])
            last.char_end = quote.char_end
            last.marks = [*(last.marks or []), *(quote.marks or [])]
            continue
        joined.append(quote)
    return joined


_DASH = re.compile(r"[”\"’']?[ \t\u00a0]*(?:―|—|–|--)[ \t\u00a0]*(?=[A-Z])")


def dash_signature(doc: Doc, text: str, quote: QuoteFinding) -> int | None:
    """“…” ― Karen Bobadilla: a reader's or witness's words signed after a dash; the name's head token."""
    match = _DASH.match(text, quote.char_end)
    if match is None:
        return None
    span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if span is None or span[0].pos_ != "PROPN":
        return None
    token = span[0]
    while token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].dep_ != "punct":
        token = doc[token.i + 1]
    return token.i


def stance_object(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """What a stance verb is about: its object and what follows it, an infinitive ("pledged to rebuild"), or
    "for …" ("called for a ceasefire"), to the end of the verb's phrase."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    parts = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "xcomp", "oprd", "ccomp")]
    parts += [
        c for c in verb.children if c.i > verb.i and c.dep_ == "prep" and c.lower_ in ("for", "on", "of")
    ]
    if not parts:
        return None
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    if doc[start].lower_ == "to" and doc[start].dep_ == "aux":
        start += 1
    stripped = strip_span(doc, start, end)
    return stripped if stripped is not None and stripped[1] - stripped[0] >= 3 else None


def strip_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end - start >= 2 else None


CLAIM_NOUNS = frozenset(
    {
        "claim",
        "assertion",
        "statement",
        "argument",
        "promise",
        "warning",
        "suggestion",
        "allegation",
        "insistence",
        "contention",
        "pledge",
        "vow",
        "charge",
        "accusation",
        "denial",
        "announcement",
        "remark",
        "comment",
        "prediction",
        "view",
        "belief",
        "message",
    }
)


def noun_reports(doc: Doc, quoted: set[int]) -> list[QuoteFinding]:
    """ "Trump's claim that there were thousands of shootings": a report carried by a noun with a "that"
    clause, whose source is the noun's possessor. Scored as an attribution, not turned into a quote."""
    found = []
    for noun in doc:
        if noun.lemma_.lower() not in CLAIM_NOUNS or noun.pos_ != "NOUN" or noun.i in quoted:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
        if owner is None or clause is None:
            continue
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        if doc[start].lower_ != "that":
            continue
        content = strip_span(doc, start + 1, end)
        if content is None:
            continue
        span = doc[content[0] : content[1]]
        found.append(
            QuoteFinding(
                content=content,
                direct=False,
                speaker=(owner.i, owner.i + 1),
                speaker_phrase=(owner.left_edge.i, owner.i + 1),
                cue=noun.i,
                char_start=span.start_char,
                char_end=span.end_char,
                stance=True,
            )
        )
    return found
