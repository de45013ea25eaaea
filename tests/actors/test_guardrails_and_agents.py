"""Linking guardrails and nationality + agent composition, on Docs built by hand."""

from __future__ import annotations

from tacitus.contract import ActorType
from tests.actors.handmade import actors_of, make_doc

P = "PUNCT"


def _by_text(actors, text):
    return next(a for a in actors if any(m.text == text for m in a.mentions))


def test_syrian_rebels_are_syr_reb():
    doc = make_doc(
        [
            ("Syrian", "ADJ", "JJ", "amod", 1),
            ("rebels", "NOUN", "NNS", "nsubj", 2, "rebel"),
            ("attacked", "VERB", "VBD", "ROOT", 2, "attack"),
            ("Homs", "PROPN", "NNP", "dobj", 2),
            (".", P, ".", "punct", 2),
        ],
        [(0, 1, "NORP"), (3, 4, "GPE")],
    )
    rebels = _by_text(actors_of(doc), "Syrian rebels")
    assert (rebels.country, rebels.sector) == ("SYR", ["REB"])


def test_hardware_and_conjunct_share_the_nationality():
    doc = make_doc(
        [
            ("Israeli", "ADJ", "JJ", "amod", 1),
            ("helicopters", "NOUN", "NNS", "nsubj", 4, "helicopter"),
            ("and", "CCONJ", "CC", "cc", 1),
            ("tanks", "NOUN", "NNS", "conj", 1, "tank"),
            ("shelled", "VERB", "VBD", "ROOT", 4, "shell"),
            ("positions", "NOUN", "NNS", "dobj", 4, "position"),
            (".", P, ".", "punct", 4),
        ],
        [(0, 1, "NORP")],
    )
    found = actors_of(doc)
    tanks = _by_text(found, "tanks")
    assert (tanks.country, tanks.sector) == ("ISR", ["MIL"])
    assert _by_text(found, "Israeli helicopters").sector == ["MIL"]


def test_singular_agent_with_lowercase_title_is_coded():
    doc = make_doc(
        [
            ("the", "DET", "DT", "det", 3),
            ("Dutch", "ADJ", "JJ", "amod", 3),
            ("finance", "NOUN", "NN", "compound", 3),
            ("minister", "NOUN", "NN", "nsubj", 4),
            ("said", "VERB", "VBD", "ROOT", 4, "say"),
            (".", P, ".", "punct", 4),
        ],
        [(1, 2, "NORP")],
    )
    minister = _by_text(actors_of(doc), "Dutch finance minister")
    assert (minister.country, minister.sector) == ("NLD", ["GOV"])


def test_nationality_owned_proposal_is_the_country():
    doc = make_doc(
        [
            ("Bangladesh", "PROPN", "NNP", "nsubj", 1),
            ("rejected", "VERB", "VBD", "ROOT", 1, "reject"),
            ("an", "DET", "DT", "det", 4),
            ("Indian", "ADJ", "JJ", "amod", 4),
            ("proposal", "NOUN", "NN", "dobj", 1),
            (".", P, ".", "punct", 1),
        ],
        [(0, 1, "GPE"), (3, 4, "NORP")],
    )
    india = _by_text(actors_of(doc), "Indian")
    assert (india.type, india.country) == (ActorType.COUNTRY, "IND")


def test_other_given_name_does_not_link_to_namesake():
    doc = make_doc(
        [
            ("Michelle", "PROPN", "NNP", "compound", 1),
            ("Obama", "PROPN", "NNP", "nsubj", 2),
            ("spoke", "VERB", "VBD", "ROOT", 2, "speak"),
            (".", P, ".", "punct", 2),
        ],
        [(0, 2, "PERSON")],
    )
    person = _by_text(actors_of(doc), "Michelle Obama")
    assert person.kb_id is None and person.type == ActorType.PERSON


def test_surname_that_is_a_country_is_not_the_country():
    doc = make_doc(
        [
            ("Michael", "PROPN", "NNP", "compound", 1),
            ("Jordan", "PROPN", "NNP", "nsubj", 2),
            ("said", "VERB", "VBD", "ROOT", 2, "say"),
            (".", P, ".", "punct", 2),
        ],
        [(0, 2, "PERSON")],
    )
    found = actors_of(doc)
    assert not any(a.type == ActorType.COUNTRY for a in found)


def test_another_countrys_congress_is_not_the_us_congress():
    doc = make_doc(
        [
            ("Peru", "PROPN", "NNP", "poss", 2),
            ("'s", "PART", "POS", "case", 0),
            ("Congress", "PROPN", "NNP", "nsubj", 3),
            ("voted", "VERB", "VBD", "ROOT", 3, "vote"),
            (".", P, ".", "punct", 3),
        ],
        [(0, 1, "GPE"), (2, 3, "ORG")],
    )
    congress = _by_text(actors_of(doc), "Congress")
    assert congress.kb_id != "us-congress" and congress.country != "USA"


def test_organisation_cut_before_of_is_joined():
    doc = make_doc(
        [
            ("the", "DET", "DT", "det", 1),
            ("Council", "PROPN", "NNP", "nsubj", 4),
            ("of", "ADP", "IN", "prep", 1),
            ("Zorgland", "PROPN", "NNP", "pobj", 2),
            ("met", "VERB", "VBD", "ROOT", 4, "meet"),
            (".", P, ".", "punct", 4),
        ],
        [(1, 3, "ORG"), (3, 4, "GPE")],
    )
    names = [a.name for a in actors_of(doc)]
    assert "Council of Zorgland" in names and "Council of" not in names


def test_converted_entry_is_linked_and_coded_by_the_article_date():
    words = [
        ("Kofi", "PROPN", "NNP", "compound", 1),
        ("Annan", "PROPN", "NNP", "nsubj", 2),
        ("said", "VERB", "VBD", "ROOT", 2, "say"),
        (".", P, ".", "punct", 2),
    ]
    annan = _by_text(actors_of(make_doc(words, [(0, 2, "PERSON")]), "2000-05-01"), "Kofi Annan")
    assert annan.kb_id == "phx:kofi-annan" and annan.sector == ["IGO"]


def _actor(actor_id, kind, country=None, sector=(), mentions=1, kb_id=None):
    from tacitus.contract import Actor, Span

    spans = [Span(start=i, end=i + 1, text="x") for i in range(mentions)]
    return Actor(
        id=actor_id,
        name=actor_id,
        type=kind,
        country=country,
        sector=list(sector),
        kb_id=kb_id,
        mentions=spans,
    )


def test_home_country_codes_unplaced_office_holders_only_when_one_country_dominates():
    from tacitus.actors.resolve import _home_country

    senator = _actor("A1", ActorType.PERSON, sector=["LEG"])
    pundit = _actor("A2", ActorType.PERSON)
    un = _actor("A3", ActorType.ORGANIZATION, sector=["IGO"])
    usa = _actor("A4", ActorType.COUNTRY, country="USA", mentions=4)
    _home_country([senator, pundit, un, usa])
    assert (senator.country, pundit.country, un.country) == ("USA", None, None)


def test_home_country_overwhelming_codes_everyone_but_igos_and_kb_entries():
    from tacitus.actors.resolve import _home_country

    pundit = _actor("A1", ActorType.PERSON)
    known = _actor("A2", ActorType.PERSON, kb_id="x")
    usa = _actor("A3", ActorType.COUNTRY, country="USA", mentions=6)
    rus = _actor("A4", ActorType.COUNTRY, country="RUS", mentions=1)
    _home_country([pundit, known, usa, rus])
    assert (pundit.country, known.country) == ("USA", None)


def test_no_home_country_when_two_countries_share_the_article():
    from tacitus.actors.resolve import _home_country

    senator = _actor("A1", ActorType.PERSON, sector=["LEG"])
    _home_country(
        [
            senator,
            _actor("A2", ActorType.COUNTRY, "USA", mentions=4),
            _actor("A3", ActorType.COUNTRY, "RUS", mentions=4),
        ]
    )
    assert senator.country is None


def test_composite_code_joins_country_and_sectors():
    from tacitus.actors import composite_code

    assert composite_code(_actor("A1", ActorType.GROUP, "SYR", ["REB"])) == "SYRREB"
    assert composite_code(_actor("A2", ActorType.ORGANIZATION, None, ["IGO"])) == "IGO"
    assert composite_code(_actor("A3", ActorType.PERSON)) is None
