"""An event's place is the places stage's place under the event's own clause; a metonymic mention is none."""

from __future__ import annotations

from tacitus.contract import Article, Document, DocumentPlace, PlaceMention, PlaceUse
from tacitus.events.place_date import PlaceAndDate


def _reader(doc, places):
    reader = PlaceAndDate()
    reader.document = Document(article=Article(id="t", text=doc.text), places=places)
    return reader


def _place(doc, i, use=PlaceUse.LITERAL, feature="city"):
    token = doc[i]
    mention = PlaceMention(start=token.idx, end=token.idx + len(token), text=token.text, use=use)
    return DocumentPlace(
        id="p1", name=token.text, feature=feature, country="IRQ", lat=36.3, lon=43.1, mentions=[mention]
    )


def test_place_deeper_in_the_clause_is_the_event_place(make_doc):
    words = ["People", "were", "killed", "in", "clashes", "in", "Mosul", "."]
    doc = make_doc(
        words,
        heads=[2, 2, 2, 2, 3, 4, 5, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
        pos=["NOUN", "AUX", "VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["people", "be", "kill", "in", "clash", "in", "Mosul", "."],
    )
    place = _reader(doc, [_place(doc, 6)]).place_of([doc[2]])
    assert place is not None and place.name == "Mosul" and place.place_id == "p1" and place.precision == 1


def test_metonymic_mention_is_not_a_place(make_doc):
    words = ["Talks", "were", "held", "in", "Moscow", "."]
    doc = make_doc(
        words,
        heads=[2, 2, 2, 2, 3, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
        pos=["NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        lemmas=["talk", "be", "hold", "in", "Moscow", "."],
    )
    assert _reader(doc, [_place(doc, 4, PlaceUse.METONYMIC, "capital")]).place_of([doc[2]]) is None
    literal = _reader(doc, [_place(doc, 4, PlaceUse.LITERAL, "capital")]).place_of([doc[2]])
    assert literal is not None and literal.precision == 1


def test_place_in_a_nested_clause_is_not_the_event_place(make_doc):
    words = ["He", "said", "they", "met", "in", "Mosul", "."]
    doc = make_doc(
        words,
        heads=[1, 1, 3, 1, 3, 4, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "prep", "pobj", "punct"],
        pos=["PRON", "VERB", "PRON", "VERB", "ADP", "PROPN", "PUNCT"],
        lemmas=["he", "say", "they", "meet", "in", "Mosul", "."],
    )
    assert _reader(doc, [_place(doc, 5)]).place_of([doc[1]]) is None
