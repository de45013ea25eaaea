"""A capital or country as the subject of an agent's verb is metonymic; elsewhere it is literal."""

from __future__ import annotations

from tacitus.contract import PlaceUse
from tacitus.places.metonymy import use_of


def test_capital_that_says_is_metonymic(make_doc):
    doc = make_doc(
        ["Moscow", "said", "it", "would", "expel", "diplomats", "."],
        heads=[1, 1, 4, 4, 1, 4, 1],
        deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "punct"],
        pos=["PROPN", "VERB", "PRON", "AUX", "VERB", "NOUN", "PUNCT"],
        lemmas=["Moscow", "say", "it", "would", "expel", "diplomat", "."],
    )
    assert use_of(doc[0:1], "capital") == PlaceUse.METONYMIC


def test_place_of_an_event_is_literal(make_doc):
    doc = make_doc(
        ["Protesters", "gathered", "in", "Moscow", "."],
        heads=[1, 1, 1, 2, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
        lemmas=["protester", "gather", "in", "Moscow", "."],
    )
    assert use_of(doc[3:4], "capital") == PlaceUse.LITERAL


def test_town_is_never_metonymic(make_doc):
    doc = make_doc(
        ["Alexandria", "said", "no", "."],
        heads=[1, 1, 1, 1],
        deps=["nsubj", "ROOT", "dobj", "punct"],
        pos=["PROPN", "VERB", "DET", "PUNCT"],
        lemmas=["Alexandria", "say", "no", "."],
    )
    assert use_of(doc[0:1], "city") == PlaceUse.LITERAL
