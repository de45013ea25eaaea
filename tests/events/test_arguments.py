"""Who did it to whom: argument rules on hand-built parses (relative clauses, appositions, speakers)."""

from __future__ import annotations

from tacitus.contract import ActorType

from .handmade import mentions, parse

COUNTRY = ActorType.COUNTRY


def test_relative_clause_subject_is_its_antecedent():
    # "Erdogan, who met Putin, …"
    rows = [
        ("Erdogan", 0, "ROOT", "PROPN", "NNP", "Erdogan"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("who", 3, "nsubj", "PRON", "WP", "who"),
        ("met", 0, "relcl", "VERB", "VBD", "meet"),
        ("Putin", 3, "dobj", "PROPN", "NNP", "Putin"),
    ]
    actors = {"Erdogan": (0, 0, ActorType.PERSON, []), "Putin": (4, 4, ActorType.PERSON, [])}
    (found,) = mentions(parse(rows), actors)
    assert found.type == "CONSULT" and found.sources == ["Erdogan"] and found.targets == ["Putin"]


def test_apposition_names_the_participants():
    # "The two countries, Egypt and Jordan, attacked Iraq."
    rows = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("two", 2, "nummod", "NUM", "CD", "two"),
        ("countries", 8, "nsubj", "NOUN", "NNS", "country"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("Egypt", 2, "appos", "PROPN", "NNP", "Egypt"),
        ("and", 4, "cc", "CCONJ", "CC", "and"),
        ("Jordan", 4, "conj", "PROPN", "NNP", "Jordan"),
        (",", 2, "punct", "PUNCT", ",", ","),
        ("attacked", 8, "ROOT", "VERB", "VBD", "attack"),
        ("Iraq", 8, "dobj", "PROPN", "NNP", "Iraq"),
    ]
    actors = {"Egypt": (4, 4, COUNTRY, []), "Jordan": (6, 6, COUNTRY, []), "Iraq": (9, 9, COUNTRY, [])}
    (found,) = mentions(parse(rows), actors)
    assert found.sources == ["Egypt", "Jordan"] and found.targets == ["Iraq"]


def test_a_vow_to_strike_back_is_a_threat():
    # "Russia vowed to retaliate against Turkey."
    rows = [
        ("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"),
        ("vowed", 1, "ROOT", "VERB", "VBD", "vow"),
        ("to", 3, "aux", "PART", "TO", "to"),
        ("retaliate", 1, "xcomp", "VERB", "VB", "retaliate"),
        ("against", 3, "prep", "ADP", "IN", "against"),
        ("Turkey", 4, "pobj", "PROPN", "NNP", "Turkey"),
    ]
    actors = {"Russia": (0, 0, COUNTRY, []), "Turkey": (5, 5, COUNTRY, [])}
    (found,) = mentions(parse(rows), actors)
    assert (found.type, found.mode) == ("THREATEN", "violence")
    assert found.sources == ["Russia"] and found.targets == ["Turkey"]
    assert found.date.value == "PAST_REF"


def _killed_report(speaker: str, sectors: list[str]):
    # "<speaker> said militants were killed."
    rows = [
        (speaker, 1, "nsubj", "NOUN", "NN", speaker.lower()),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("militants", 4, "nsubjpass", "NOUN", "NNS", "militant"),
        ("were", 4, "auxpass", "AUX", "VBD", "be"),
        ("killed", 1, "ccomp", "VERB", "VBN", "kill"),
    ]
    actors = {speaker: (0, 0, ActorType.GROUP, sectors), "militants": (2, 2, ActorType.GROUP, ["INS"])}
    (found,) = mentions(parse(rows), actors)
    return found


def test_an_armed_speaker_is_the_source_of_an_unattributed_killing():
    found = _killed_report("army", ["MIL"])
    assert found.rule == "speaker-agent:kill"
    assert found.sources == ["army"] and found.targets == ["militants"]


def test_an_unarmed_speaker_is_not():
    found = _killed_report("ministry", ["GOV"])
    assert found.sources == [] and found.targets == ["militants"]
