"""Recognition and the stage on hand-built docs: candidates, demonyms, places grouped with their mentions."""

from __future__ import annotations

from tacitus.places import demonyms, find_places, recognise


def _doc(make_doc):
    words = [
        "Syrian",
        "protesters",
        "gathered",
        "in",
        "Alexandria",
        ",",
        "La.",
        ",",
        "and",
        "in",
        "Alexandria",
        ".",
    ]
    ents = ["B-NORP", "O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O", "O", "B-GPE", "O"]
    heads = [1, 2, 2, 2, 3, 4, 4, 2, 2, 2, 9, 2]
    deps = ["amod", "nsubj", "ROOT", "prep", "pobj", "punct", "appos", "punct", "cc", "conj", "pobj", "punct"]
    pos = ["ADJ", "NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "ADP", "PROPN", "PUNCT"]
    return make_doc(words, ents=ents, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words])


def test_candidates_include_entities_the_gazetteer_knows(make_doc, gaz):
    doc = _doc(make_doc)
    found = {c.span(doc).text: c for c in recognise.candidates(doc, gaz, demonyms())}
    assert found["Syrian"].demonym == "SYR"
    assert found["Alexandria"].label == "GPE"


def test_candidates_find_gazetteer_names_inside_organisations(make_doc, gaz):
    words = ["the", "Minnesota", "Department", "of", "Transportation", "said"]
    doc = make_doc(words, ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    found = [c for c in recognise.candidates(doc, gaz, demonyms())]
    assert [(c.span(doc).text, c.label) for c in found] == [("Minnesota", "in_ORG")]


def test_features_are_named_and_bounded(make_doc, gaz):
    doc = _doc(make_doc)
    cand = recognise.candidates(doc, gaz, demonyms())[1]
    values = recognise.features(doc, cand, gaz)
    assert values["label=GPE"] == 1.0 and values["comma_place_after"] == 1.0
    assert all(0.0 <= v <= 1.0 for v in values.values())


def test_find_places_groups_mentions_of_one_place(make_doc):
    places = {p.name: p for p in find_places(_doc(make_doc))}
    alexandria = places["Alexandria"]
    assert alexandria.country == "USA" and alexandria.admin1 == "Louisiana"
    assert [m.text for m in alexandria.mentions] == ["Alexandria", "Alexandria"]
    assert alexandria.mentions[0].use == "literal"
    syria = places["Syria"]
    assert syria.feature == "country" and syria.mentions[0].use == "adjectival"


def test_state_abbreviation_is_a_mention_of_the_state(make_doc):
    words = ["Fans", "in", "Louisville", ",", "Ky.", ",", "cheered", "."]
    ents = ["O", "O", "B-GPE", "O", "O", "O", "O", "O"]
    heads = [6, 0, 1, 2, 2, 6, 6, 6]
    deps = ["nsubj", "prep", "pobj", "punct", "appos", "punct", "ROOT", "punct"]
    doc = make_doc(words, ents=ents, heads=heads, deps=deps, lemmas=[w.lower() for w in words])
    places = {p.name: p for p in find_places(doc)}
    assert places["Kentucky"].feature == "admin1" and places["Kentucky"].mentions[0].text == "Ky."
    assert places["Louisville"].admin1 == "Kentucky"
