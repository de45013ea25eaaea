"""Toponym recognition: which spans of a parsed article name places.

Candidates come from three sources: spaCy's named entities (any label whose text the gazetteer knows, and
every GPE/LOC/FAC), demonyms ("Syrian"), and runs of capitalised words the parser left outside any entity but
the gazetteer knows ("Kelleyland", "Pandi"). Each candidate is described by a few features (entity label,
what the gazetteer says of the name, the word before, the "Town, State" pattern…) and kept when a logistic
score over them passes a threshold; weights and threshold are learned on the tune part of the geoparsing
development sets (`eval/places_train.py`) and read from `data/toponym_weights.json`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from tacitus.places.gazetteer import FEATURE_ADMIN1, FEATURE_CAPITAL, FEATURE_COUNTRY, Gazetteer, key_of
from tacitus.places.resolve import state_abbreviations

WEIGHTS = Path(__file__).parent / "data" / "toponym_weights.json"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
LABELS = ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON")
PLACE_PREPOSITIONS = {
    "in",
    "at",
    "from",
    "near",
    "to",
    "across",
    "outside",
    "into",
    "throughout",
    "around",
    "of",
}
PLACE_WORDS = {
    "county",
    "city",
    "river",
    "province",
    "state",
    "parish",
    "district",
    "region",
    "island",
    "lake",
}
MAX_WORDS = 4
SUBSTRING_LIMIT = 40  # a candidate name longer than this is matched against entity texts by a plain scan
DIVISION_SUFFIXES = {"county", "parish", "township", "borough", "district", "province", "governorate"}


@dataclass
class Candidate:
    """A span that may name a place, with what the recogniser knows of it."""

    start: int  # token offsets into the doc
    end: int
    label: str  # the entity label, "" for a gazetteer-only match
    demonym: str | None = None  # alpha-3 when the span is a demonym ("Syrian")
    score: float = 0.0

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def _strip_the(doc: Doc, start: int, end: int) -> int:
    return start + 1 if end - start > 1 and doc[start].lower_ == "the" else start


def _capitalised(token) -> bool:
    return token.text.isalpha() and token.text[:1].isupper()


def candidates(doc: Doc, gaz: Gazetteer, demonyms: dict[str, str]) -> list[Candidate]:
    """Every span worth asking about, without overlaps: a place entity or a whole entity the gazetteer knows,
    then gazetteer names among the capitalised words left over, inside other entities too ("the Minnesota
    Department of Transportation")."""
    found: list[Candidate] = []
    taken: set[int] = set()
    for ent in doc.ents:
        start = _strip_the(doc, ent.start, ent.end)
        text = doc[start : ent.end].text
        alpha3 = demonyms.get(key_of(text)) if ent.label_ in ("NORP", "GPE") else None
        if alpha3 or gaz.rows(text) or (ent.label_ in PLACE_LABELS and gaz.rows(base_name(text))):
            found.append(Candidate(start, ent.end, ent.label_, alpha3))
            taken.update(range(ent.start, ent.end))
    i = 0
    while i < len(doc):
        if i in taken or not _capitalised(doc[i]):
            i += 1
            continue
        best = None
        for end in range(min(len(doc), i + MAX_WORDS), i, -1):
            if any(j in taken or not _capitalised(doc[j]) for j in range(i, end)):
                continue
            text = doc[i:end].text
            if gaz.rows(text) or demonyms.get(key_of(text)) or (end - i > 1 and gaz.rows(base_name(text))):
                best = end
                break
        if best is None:
            i += 1
            continue
        inside = doc[i].ent_type_
        found.append(
            Candidate(i, best, f"in_{inside}" if inside else "", demonyms.get(key_of(doc[i:best].text)))
        )
        i = best
    for i in range(1, len(doc)):  # "Louisville, Ky.": the state abbreviation names the state
        abbreviation = doc[i - 1].text == "," and key_of(doc[i].text) in state_abbreviations()
        if abbreviation and i not in taken and not any(c.start <= i < c.end for c in found):
            found.append(Candidate(i, i + 1, "state_abbreviation"))
    return sorted(found, key=lambda c: c.start)


def base_name(text: str) -> str:
    """ "Mahnomen County" -> "Mahnomen": a second-order division is found through its namesake town."""
    words = text.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in DIVISION_SUFFIXES else ""


@dataclass
class Context:
    """What features read from the whole article, gathered once per doc (not once per candidate)."""

    lower_words: set[str]
    entities: list[tuple[str, str]]  # (text, label)
    _labels: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def of(cls, doc: Doc) -> Context:
        return cls({t.text for t in doc if t.text.islower()}, [(e.text, e.label_) for e in doc.ents])

    def labels_containing(self, text: str) -> frozenset[str]:
        """The labels of the article's entities whose text contains `text`.

        Read from an index of every substring (up to SUBSTRING_LIMIT characters) of each distinct entity text,
        built once: scanning every entity for every candidate grew with the square of the article's length.
        """
        if not self._labels:
            by_text: dict[str, set[str]] = {}
            for entity, label in self.entities:
                by_text.setdefault(entity, set()).add(label)
            index: dict[str, set[str]] = {}
            for entity, labels in by_text.items():
                for i in range(len(entity)):
                    for j in range(i + 1, min(len(entity), i + SUBSTRING_LIMIT) + 1):
                        index.setdefault(entity[i:j], set()).update(labels)
            self._labels.update({key: frozenset(value) for key, value in index.items()})
            self._labels[""] = frozenset(label for _, label in self.entities)
        if len(text) <= SUBSTRING_LIMIT:
            return self._labels.get(text, frozenset())
        return frozenset(label for entity, label in self.entities if text in entity)


def features(doc: Doc, cand: Candidate, gaz: Gazetteer, context: Context | None = None) -> dict[str, float]:
    """What the score reads: named so the learned weights file can be read and audited."""
    context = context or Context.of(doc)
    span = cand.span(doc)
    rows = gaz.rows(span.text) or gaz.rows(base_name(span.text))
    out = {"bias": 1.0, f"label={cand.label or 'none'}": 1.0}
    out["in_gazetteer"] = 1.0 if rows else 0.0
    out["division_suffix"] = 1.0 if base_name(span.text) else 0.0
    out["demonym"] = 1.0 if cand.demonym else 0.0
    kinds = {gaz.feature[r] for r in rows}
    for kind in (FEATURE_COUNTRY, FEATURE_ADMIN1, FEATURE_CAPITAL):
        out[f"kind={kind}"] = 1.0 if kind in kinds else 0.0
    population = max((gaz.population[r] for r in rows), default=0)
    out["log_population"] = math.log10(population + 1) / 7
    out["ambiguity"] = math.log2(len(rows) + 1) / 5
    before = doc[cand.start - 1] if cand.start > 0 else None
    after = doc[cand.end] if cand.end < len(doc) else None
    out["after_preposition"] = 1.0 if before is not None and before.lower_ in PLACE_PREPOSITIONS else 0.0
    out["place_word_after"] = 1.0 if after is not None and after.lower_ in PLACE_WORDS else 0.0
    out["comma_place_after"] = 1.0 if _comma_place(doc, cand.end, gaz) else 0.0
    out["comma_place_before"] = 1.0 if _comma_place_before(doc, cand.start, gaz) else 0.0
    out["sentence_start"] = 1.0 if span[0].is_sent_start else 0.0
    out["all_caps"] = 1.0 if span.text.isupper() and len(span.text) > 3 else 0.0
    out["words"] = (cand.end - cand.start) / MAX_WORDS
    out["possessive"] = 1.0 if after is not None and after.tag_ == "POS" else 0.0
    out["modifier"] = 1.0 if span.root.dep_ in ("compound", "amod", "nmod") else 0.0
    out["subject"] = 1.0 if span.root.dep_ in ("nsubj", "nsubjpass") else 0.0
    # the word also occurs in lower case in the article: a common noun ("Mobile", "Bath") more than a name;
    # a name the parser calls a place once is likely a place everywhere, one it calls a person a person
    out["lower_elsewhere"] = 1.0 if len(span) == 1 and span.text.lower() in context.lower_words else 0.0
    labels = context.labels_containing(span.text)
    out["place_elsewhere"] = 1.0 if labels & PLACE_LABELS else 0.0
    out["person_elsewhere"] = 1.0 if "PERSON" in labels else 0.0
    out["org_elsewhere"] = 1.0 if "ORG" in labels else 0.0
    sentence = span.sent
    capitals = sum(1 for t in sentence if t.text.isalpha() and t.text[:1].isupper())
    out["headline"] = 1.0 if capitals > 0.6 * max(1, sum(1 for t in sentence if t.text.isalpha())) else 0.0
    return out


def _comma_place(doc: Doc, end: int, gaz: Gazetteer) -> bool:
    """ "Alexandria, La." / "Paris, Texas": a comma then a known division or country."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    if key_of(doc[end + 1].text) in state_abbreviations():
        return True
    for stop in range(min(len(doc), end + 4), end + 1, -1):
        rows = gaz.rows(doc[end + 1 : stop].text)
        if any(gaz.feature[r] in (FEATURE_ADMIN1, FEATURE_COUNTRY) for r in rows):
            return True
    return False


def _comma_place_before(doc: Doc, start: int, gaz: Gazetteer) -> bool:
    if start < 2 or doc[start - 1].text != ",":
        return False
    return bool(gaz.rows(doc[start - 2].text))


@lru_cache(maxsize=1)
def weights() -> dict:
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def score(values: dict[str, float], model: dict) -> float:
    total = sum(model["weights"].get(name, 0.0) * value for name, value in values.items())
    return 1.0 / (1.0 + math.exp(-total))


def recognise(
    doc: Doc,
    gaz: Gazetteer,
    demonyms: dict[str, str],
    model: dict | None = None,
    threshold: float | None = None,
) -> list[Candidate]:
    """The candidates that score at or above the learned threshold (or `threshold`), and demonyms."""
    model = model or weights()
    threshold = model["threshold"] if threshold is None else threshold
    context = Context.of(doc)
    found = candidates(doc, gaz, demonyms)
    for cand in found:
        cand.score = score(features(doc, cand, gaz, context), model)
    # One sense per article: a name kept once is kept everywhere it is a candidate ("in Parkers Prairie" makes
    # "Parkers Prairie High School" a place too); a demonym the parser calls a nationality is always kept, and so is a state
    # abbreviation after a comma ("Louisville, Ky.").
    accepted = {key_of(c.span(doc).text) for c in found if c.score >= threshold}
    return [
        c
        for c in found
        if c.score >= threshold
        or key_of(c.span(doc).text) in accepted
        or (c.demonym and c.label in ("NORP", "GPE"))
        or c.label == "state_abbreviation"
    ]
