"""The places stage: every place the article names, found, resolved and put in `document.places`.

`find_places(doc)` is the logic (recognise → resolve → metonymy → group by real place); `annotate` is the
thin stage the pipeline runs. It runs before the events stage, which reads an event's place from these
places (`events/place_date.py`). Module map: `gazetteer.py` (the offline gazetteer), `recognise.py` (which
spans are toponyms), `resolve.py` (which place each is), `metonymy.py` (how a mention is used).
"""

from __future__ import annotations

import math
from functools import lru_cache

from spacy.tokens import Doc

from tacitus.analysis import Analysis
from tacitus.contract import Document, DocumentPlace, PlaceMention, PlaceUse
from tacitus.places import gazetteer, recognise, resolve, words
from tacitus.places.gazetteer import key_of
from tacitus.places.metonymy import use_of


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Case-folded demonym -> alpha-3, from the events package's place words (one list for both)."""
    return {key_of(k): v for k, v in words.demonyms().items()}


def _qualifier(doc: Doc, cand: recognise.Candidate, following: list[recognise.Candidate]) -> str | None:
    """ "Alexandria, La.": the text after the comma when it is the next candidate or a state abbreviation."""
    end = cand.end
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    nxt = next((c for c in following if c.start == end + 1), None)
    if nxt is not None:
        return nxt.span(doc).text
    word = doc[end + 1].text
    return word if key_of(word) in resolve.state_abbreviations() else None


def find_places(doc: Doc, threshold: float | None = None) -> list[DocumentPlace]:
    """The article's places, once per real place, each with its mentions and their use; `threshold` replaces
    the learned one (for evaluation curves)."""
    gaz = gazetteer.load()
    found = recognise.recognise(doc, gaz, demonyms(), threshold=threshold)
    names = [
        resolve.Name(doc[c.start : c.end].text, c.demonym, _qualifier(doc, c, found[i + 1 :]))
        for i, c in enumerate(found)
    ]
    places: dict[int, DocumentPlace] = {}
    for cand, (row, confidence) in zip(found, resolve.resolve(names, gaz), strict=True):
        if row is None:
            continue
        span = cand.span(doc)
        use = PlaceUse.ADJECTIVAL if cand.demonym else use_of(span, gaz.feature[row])
        mention = PlaceMention(start=span.start_char, end=span.end_char, text=span.text, use=use)
        place = places.get(row)
        if place is None:
            place = places[row] = _place(row, gaz, len(places))
        place.mentions.append(mention)
        place.confidence = round(max(place.confidence, confidence * cand.score), 3)
    return list(places.values())


def _place(row: int, gaz: gazetteer.Gazetteer, number: int) -> DocumentPlace:
    cc = gaz.country[row]
    lat, lon = gaz.lat[row], gaz.lon[row]
    return DocumentPlace(
        id=f"p{number + 1}",
        name=gaz.name[row],
        geonames_id=gaz.geonames_id[row] or None,
        feature=gaz.feature[row],
        admin1=gaz.admin1_names.get((cc, gaz.admin1[row])) if gaz.admin1[row] else None,
        country=gaz.alpha3.get(cc),
        lat=None if math.isnan(lat) else lat,
        lon=None if math.isnan(lon) else lon,
        confidence=0.0,
    )


def annotate(analysis: Analysis, document: Document) -> None:
    document.places = find_places(analysis.doc)
