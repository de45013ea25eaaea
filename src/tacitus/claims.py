"""Claims: numeric statements with value, qualifier and unit, attributed to whoever states or believes them.

"Israel believes more than 130 hostages remain in Gaza" → 130, "more than", "hostages", attributed to Israel.
A number is a claim when spaCy tags it as a cardinal, money, percent or quantity outside a time expression; its
unit is the noun it counts, its qualifier the hedge before it, and its attribution the speaker of the quote it
sits in, else the subject of the verb of saying or believing that governs it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tacitus.analysis import Analysis
from tacitus.contract import Claim, Document, Quantity
from tacitus.contract import Span as TextSpan
from tacitus.number_words import ONES, TENS
from tacitus.quotes import BELIEF_VERBS, SPEECH_VERBS

NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as few as",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "close to",
    "upwards of",
    "an estimated",
    "estimated",
    "just over",
    "just under",
    "well over",
)
# "zero" is left out: "zero" alone is no figure a claim reports
_WORDS = {
    **{word: value for word, value in ONES.items() if value},
    **TENS,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
}
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "hundred": 1e2,
    "k": 1e3,
    "m": 1e6,
    "bn": 1e9,
}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass
class NumberFinding:
    start: int  # token span of the number with its qualifier
    end: int
    value: float
    qualifier: str | None
    unit: str | None


def parse_value(text: str) -> float | None:
    """'130' → 130, '1.5 million' → 1500000, 'two' → 2, '$3bn' → 3e9; None when it is not a number."""
    lower = text.lower().replace("$", " ").replace("€", " ").replace("£", " ").replace("%", " ")
    match = _NUMBER.search(lower)
    value = float(match.group().replace(",", "")) if match else None
    words = re.findall(r"[a-z]+", lower)
    if value is None:
        numbers = [_WORDS[w] for w in words if w in _WORDS]
        if not numbers:
            return None
        value = float(sum(numbers)) if len(numbers) > 1 and numbers[-1] < 10 else float(numbers[0])
    for word in words:
        if word in _SCALES and not (word == "hundred" and match is None):
            value *= _SCALES[word]
    return value


def find_numbers(doc: Doc, excluded: set[int]) -> list[NumberFinding]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in NUMBER_LABELS or any(t.i in excluded for t in ent):
            continue
        if ent.text.lower() in ("one", "a", "an"):
            continue  # "no one", "one-sided": a word, not a count
        qualifier, start = _qualifier(doc, ent)
        value = parse_value(_strip_qualifier(ent.text, qualifier))
        unit = _unit(ent)
        if value is None or (unit is None and ent.label_ == "CARDINAL"):
            continue  # "the two discussed": a pronoun-like count with nothing counted is no claim
        found.append(NumberFinding(start=start, end=ent.end, value=value, qualifier=qualifier, unit=unit))
    return found


def _qualifier(doc: Doc, ent: Span) -> tuple[str | None, int]:
    text = ent.text.lower()
    for qualifier in QUALIFIERS:
        if text.startswith(qualifier + " "):
            return qualifier, ent.start
    before = doc[max(0, ent.start - 3) : ent.start].text.lower()
    for qualifier in QUALIFIERS:
        if before.endswith(qualifier):
            return qualifier, ent.start - len(qualifier.split())
    return None, ent.start


def _strip_qualifier(text: str, qualifier: str | None) -> str:
    return text[len(qualifier) :].strip() if qualifier and text.lower().startswith(qualifier) else text


def _unit(ent: Span) -> str | None:
    if ent.label_ == "PERCENT":
        return "percent"
    if ent.label_ == "MONEY":
        symbol = next((s for s, name in (("$", "USD"), ("€", "EUR"), ("£", "GBP")) if s in ent.text), None)
        return symbol or next(
            (
                t.text
                for t in ent
                if t.lower_ in ("dollars", "euros", "pounds", "rubles", "roubles", "shekels", "yuan")
            ),
            "money",
        )
    root = ent.root
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head.lemma_ if root.head.pos_ == "NOUN" else root.head.text
    if ent.label_ == "QUANTITY":
        return ent[-1].text
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return counted.lemma_ if counted is not None and counted.pos_ == "NOUN" else None


def attribution(doc: Doc, token: Token) -> Token | None:
    """The subject of the verb of saying or believing that governs a token."""
    current = token
    for _ in range(8):
        if current.head is current:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX") and (
            current.lemma_ in SPEECH_VERBS or current.lemma_ in BELIEF_VERBS
        ):
            subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and not subject.is_ancestor(token):
                return subject
    return None


def annotate(analysis: Analysis, document: Document) -> None:
    from tacitus.actors import actor_at

    doc = analysis.doc
    # The tokens inside a timex and the quote around a number, found by offset (bisect) rather than by
    # pairing every token or number with every timex or quote, which grew with the square of the length.
    starts = [t.idx for t in doc]
    excluded = {
        i
        for timex in document.timexes
        if timex.part is None
        for i in range(bisect_left(starts, timex.start), bisect_left(starts, timex.end))
    }
    quotes = _QuoteIndex(document)
    for number in find_numbers(doc, excluded):
        span = doc[number.start : number.end]
        sentence = span.sent
        speaker = None
        quote = quotes.around(span.start_char)
        if quote is not None:
            speaker = quote.speaker
        if speaker is None:
            subject = attribution(doc, span.root)
            if subject is not None:
                speaker = actor_at(document, subject.idx, subject.idx + len(subject.text))
        text = sentence.text.strip()
        start = sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
        document.claims.append(
            Claim(
                id=f"C{len(document.claims) + 1}",
                text=text,
                quantity=Quantity(value=number.value, qualifier=number.qualifier, unit=number.unit),
                attribution=speaker,
                evidence=TextSpan(start=start, end=start + len(text), text=text),
            )
        )


class _QuoteIndex:
    """The first quote (in document order) whose evidence holds an offset, looked up by bisect."""

    def __init__(self, document: Document) -> None:
        self.quotes = sorted(
            (q.evidence.start, order, q)
            for order, q in enumerate(document.quotes)
            if q.evidence.end > q.evidence.start
        )
        self.starts = [start for start, _, _ in self.quotes]
        self.longest = max((q.evidence.end - q.evidence.start for _, _, q in self.quotes), default=0)

    def around(self, offset: int):
        low = bisect_left(self.starts, offset - self.longest + 1)
        high = bisect_right(self.starts, offset)
        holding = [(order, q) for _, order, q in self.quotes[low:high] if offset < q.evidence.end]
        return min(holding, key=lambda pair: pair[0])[1] if holding else None
