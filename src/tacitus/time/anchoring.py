"""The date of an event or a quote: the timex of its own clause, else that of the speech act reporting it.

"Marzouk said on Tuesday that Russia should be a guarantor": the guarantor clause names no date, so it
takes Tuesday from "said". Read from the dependency parse already in the analysis.
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc, Token

from tacitus.analysis import Analysis
from tacitus.contract import DateValue, Document, Timex, TimexType
from tacitus.time.tense import REPORTING_LEMMAS, char_span, governing_verb

DATED = (TimexType.DATE, TimexType.TIME)
VAGUE = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")


def date_for_span(
    analysis: Analysis, document: Document, start: int, end: int, fallback_to_published: bool = False
) -> DateValue | None:
    """The date of the event or quote whose trigger spans [start, end) of the analysis text.

    Order: a timex attached to the trigger's clause; else a timex attached to the verb of saying that
    reports the clause; else None, or with `fallback_to_published` the publication date flagged `inferred`.
    Call before `pipeline.finalise_offsets` (timexes still in analysis-text coordinates, as stages see them).
    """
    doc = analysis.doc
    span = char_span(doc, start, end)
    if span is None or not len(span):
        return _fallback(analysis, fallback_to_published)
    trigger = span.root
    dating = _dating(analysis, document)
    verb = governing_verb(trigger)
    for anchor in _anchors(trigger, verb):
        hits = dating.get(anchor.i)
        if hits:
            best = max(hits, key=_specificity)
            return DateValue(value=best.value, text=best.text)
    return _fallback(analysis, fallback_to_published)


def _anchors(trigger: Token, verb: Token) -> list[Token]:
    anchors = [trigger] if trigger is verb else [trigger, verb]
    reporter = reporting_verb(verb)
    if reporter is not None:
        anchors.append(reporter)
    return anchors


def reporting_verb(verb: Token) -> Token | None:
    """The verb of saying whose complement holds `verb`: 'said' in 'X said on Tuesday that … would …',
    and in the inverted '…, X said on Tuesday.' (spaCy makes 'said' a parataxis child of the quote)."""
    for child in verb.children:
        if child.dep_ in ("parataxis", "advcl") and child.lemma_.lower() in REPORTING_LEMMAS:
            return child
    current = verb
    for _ in range(6):
        if current.dep_ not in ("ccomp", "xcomp", "conj", "parataxis", "advcl") or current.head is current:
            return None
        current = governing_verb(current.head)
        if current.lemma_.lower() in REPORTING_LEMMAS:
            return current
    return None


# The last analysis's index: token index -> the timexes whose attachment path passes through it, in document
# order. Built once per analysis, not once per event or quote: rebuilding every path per call made extraction
# time grow with the square of the article's length. Rebuilt when the analysis or the timex list changes.
_last_dating: tuple = (None, None, None, -1, {})


def _dating(analysis: Analysis, document: Document) -> dict[int, list[Timex]]:
    global _last_dating
    timexes = document.timexes
    ref, doc, cached_timexes, count, index = _last_dating
    fresh = ref is not None and ref() is analysis and doc is document
    if fresh and cached_timexes is timexes and count == len(timexes):
        return index
    index = {}
    for timex in timexes:
        for i in dict.fromkeys(_attachment(analysis.doc, timex) or ()):
            index.setdefault(i, []).append(timex)
    _last_dating = (weakref.ref(analysis), document, timexes, len(timexes), index)
    return index


def _attachment(doc: Doc, timex: Timex) -> list[int] | None:
    """Token indices from the timex up to its clause's verb: the words it dates."""
    if timex.type not in DATED or not timex.value or timex.value in VAGUE or timex.part is not None:
        return None
    span = char_span(doc, timex.start, timex.end)
    if span is None or not len(span):
        return None
    path, current = [], span.root
    for _ in range(40):
        path.append(current.i)
        if (
            current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass")
        ) or current.head is current:
            break
        current = current.head
    return path


def _specificity(timex: Timex) -> int:
    return len(timex.value or "") - timex.value.count("X") if timex.value else 0


def _fallback(analysis: Analysis, wanted: bool) -> DateValue | None:
    if wanted and analysis.published is not None:
        return DateValue(value=analysis.published.isoformat(), inferred=True)
    return None
