"""Sense, polarity and nesting rules on hand-built parses: each pins one rule, not a model's reading."""

from __future__ import annotations

from spacy.tokens import Span as spacy_span

from tacitus.contract import ActorType, EventStatus

from .handmade import mentions, parse

COUNTRY = ActorType.COUNTRY


def test_releasing_a_publication_is_no_retreat():
    # "The ministry released a report." / "Hamas released the hostages."
    report = parse(
        [
            ("Egypt", 1, "nsubj", "PROPN", "NNP", "Egypt"),
            ("released", 1, "ROOT", "VERB", "VBD", "release"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("report", 1, "dobj", "NOUN", "NN", "report"),
        ]
    )
    assert mentions(report, {"Egypt": (0, 0, COUNTRY, [])}) == []
    hostages = parse(
        [
            ("Egypt", 1, "nsubj", "PROPN", "NNP", "Egypt"),
            ("released", 1, "ROOT", "VERB", "VBD", "release"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("hostages", 1, "dobj", "NOUN", "NNS", "hostage"),
        ]
    )
    (found,) = mentions(hostages, {"Egypt": (0, 0, COUNTRY, [])})
    assert (found.type, found.mode) == ("RETREAT", "release")


def test_attack_in_a_debate_is_an_accusation():
    # "Biden used the debate to attack Trump."
    rows = [
        ("Biden", 1, "nsubj", "PROPN", "NNP", "Biden"),
        ("used", 1, "ROOT", "VERB", "VBD", "use"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("debate", 1, "dobj", "NOUN", "NN", "debate"),
        ("to", 5, "aux", "PART", "TO", "to"),
        ("attack", 1, "advcl", "VERB", "VB", "attack"),
        ("Trump", 5, "dobj", "PROPN", "NNP", "Trump"),
    ]
    actors = {"Biden": (0, 0, ActorType.PERSON, []), "Trump": (6, 6, ActorType.PERSON, [])}
    (found,) = mentions(parse(rows), actors)
    assert (found.type, found.mode) == ("ACCUSE", "disapprove")
    assert found.sources == ["Biden"] and found.targets == ["Trump"]


def test_attack_on_a_town_stays_an_assault():
    rows = [
        ("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"),
        ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        ("Kharkiv", 1, "dobj", "PROPN", "NNP", "Kharkiv"),
    ]
    (found,) = mentions(parse(rows), {"Russia": (0, 0, COUNTRY, [])})
    assert found.type == "ASSAULT"


def test_campaign_rally_is_no_protest():
    # "Trump held a campaign rally in Ohio." vs "Kurds held a rally in Ankara."
    def held(modifier: str):
        return parse(
            [
                ("Kurds", 1, "nsubj", "PROPN", "NNPS", "Kurds"),
                ("held", 1, "ROOT", "VERB", "VBD", "hold"),
                ("a", 4, "det", "DET", "DT", "a"),
                (modifier, 4, "compound" if modifier == "campaign" else "amod", "NOUN", "NN", modifier),
                ("rally", 1, "dobj", "NOUN", "NN", "rally"),
            ]
        )

    actors = {"Kurds": (0, 0, ActorType.GROUP, [])}
    assert mentions(held("campaign"), actors) == []
    (found,) = mentions(held("big"), actors)
    assert found.type == "PROTEST"


def test_call_with_an_object_predicate_names_not_asks():
    # "Iran called the ruling absurd."
    rows = [
        ("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"),
        ("called", 1, "ROOT", "VERB", "VBD", "call"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("ruling", 1, "dobj", "NOUN", "NN", "ruling"),
        ("absurd", 1, "oprd", "ADJ", "JJ", "absurd"),
    ]
    assert [m.type for m in mentions(parse(rows), {"Iran": (0, 0, COUNTRY, [])})] == []


def test_generic_subject_states_no_event():
    # "… for all good men to come to the aid of Greece."
    rows = [
        ("for", 5, "mark", "SCONJ", "IN", "for"),
        ("all", 3, "det", "DET", "DT", "all"),
        ("good", 3, "amod", "ADJ", "JJ", "good"),
        ("men", 5, "nsubj", "NOUN", "NNS", "man"),
        ("to", 5, "aux", "PART", "TO", "to"),
        ("come", 5, "ROOT", "VERB", "VB", "come"),
        ("to", 5, "prep", "ADP", "IN", "to"),
        ("the", 8, "det", "DET", "DT", "the"),
        ("aid", 6, "pobj", "NOUN", "NN", "aid"),
        ("of", 8, "prep", "ADP", "IN", "of"),
        ("Greece", 9, "pobj", "PROPN", "NNP", "Greece"),
    ]
    assert mentions(parse(rows), {"Greece": (10, 10, COUNTRY, [])}) == []


def test_consultation_among_media_only_is_dropped():
    # "The Times and the BBC met in London." (both coded as media)
    rows = [
        ("Times", 2, "nsubj", "PROPN", "NNP", "Times"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("met", 2, "ROOT", "VERB", "VBD", "meet"),
        ("BBC", 0, "conj", "PROPN", "NNP", "BBC"),
    ]
    rows[3] = ("BBC", 0, "conj", "PROPN", "NNP", "BBC")
    media = {"Times": (0, 0, ActorType.ORGANIZATION, ["MED"]), "BBC": (3, 3, ActorType.ORGANIZATION, ["MED"])}
    assert mentions(parse(rows), media) == []
    states = {"Times": (0, 0, COUNTRY, []), "BBC": (3, 3, COUNTRY, [])}
    assert [m.type for m in mentions(parse(rows), states)] == ["CONSULT"]


def test_the_barring_is_the_event_not_the_entry():
    # "Israel barred Palestinians from entering Jerusalem."
    rows = [
        ("Israel", 1, "nsubj", "PROPN", "NNP", "Israel"),
        ("barred", 1, "ROOT", "VERB", "VBD", "bar"),
        ("Palestinians", 1, "dobj", "PROPN", "NNPS", "Palestinians"),
        ("from", 1, "prep", "ADP", "IN", "from"),
        ("invading", 3, "pcomp", "VERB", "VBG", "invade"),
        ("Jerusalem", 4, "dobj", "PROPN", "NNP", "Jerusalem"),
    ]
    actors = {"Israel": (0, 0, COUNTRY, []), "Palestinians": (2, 2, ActorType.GROUP, [])}
    (found,) = mentions(parse(rows), actors)
    assert (found.type, found.rule) == ("COERCE", "verb:bar")
    assert found.sources == ["Israel"] and found.targets == ["Palestinians"]


def test_prevented_action_is_denied():
    # "The rain prevented Russia from invading Ukraine.": no barring event, and no invasion either
    rows = [
        ("rain", 1, "nsubj", "NOUN", "NN", "rain"),
        ("prevented", 1, "ROOT", "VERB", "VBD", "prevent"),
        ("Russia", 1, "dobj", "PROPN", "NNP", "Russia"),
        ("from", 1, "prep", "ADP", "IN", "from"),
        ("invading", 3, "pcomp", "VERB", "VBG", "invade"),
        ("Ukraine", 4, "dobj", "PROPN", "NNP", "Ukraine"),
    ]
    actors = {"Russia": (2, 2, COUNTRY, []), "Ukraine": (5, 5, COUNTRY, [])}
    (found,) = mentions(parse(rows), actors)
    assert found.type == "ASSAULT" and found.status == EventStatus.DENIED


def test_clause_of_a_negated_saying_is_not_asserted():
    # "We are not saying that Russia attacked Ukraine."
    rows = [
        ("We", 3, "nsubj", "PRON", "PRP", "we"),
        ("are", 3, "aux", "AUX", "VBP", "be"),
        ("not", 3, "neg", "PART", "RB", "not"),
        ("saying", 3, "ROOT", "VERB", "VBG", "say"),
        ("that", 6, "mark", "SCONJ", "IN", "that"),
        ("Russia", 6, "nsubj", "PROPN", "NNP", "Russia"),
        ("attacked", 3, "ccomp", "VERB", "VBD", "attack"),
        ("Ukraine", 6, "dobj", "PROPN", "NNP", "Ukraine"),
    ]
    actors = {"Russia": (5, 5, COUNTRY, []), "Ukraine": (7, 7, COUNTRY, [])}
    (found,) = mentions(parse(rows), actors)
    assert found.type == "ASSAULT" and found.status == EventStatus.HYPOTHETICAL


def test_order_to_disband_is_a_ban_by_who_ordered():
    # "Egypt ordered Hamas to disband."
    rows = [
        ("Egypt", 1, "nsubj", "PROPN", "NNP", "Egypt"),
        ("ordered", 1, "ROOT", "VERB", "VBD", "order"),
        ("Hamas", 1, "dobj", "PROPN", "NNP", "Hamas"),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("disband", 1, "xcomp", "VERB", "VB", "disband"),
    ]
    actors = {"Egypt": (0, 0, COUNTRY, []), "Hamas": (2, 2, ActorType.ORGANIZATION, [])}
    (found,) = mentions(parse(rows), actors)
    assert (found.type, found.mode, found.rule) == ("COERCE", "ban", "order-verb:disband")
    assert found.sources == ["Egypt"] and found.targets == ["Hamas"]


def test_a_year_inside_the_object_does_not_date_the_event():
    # "Egypt criticised the 2014 law on Monday."
    rows = [
        ("Egypt", 1, "nsubj", "PROPN", "NNP", "Egypt"),
        ("criticised", 1, "ROOT", "VERB", "VBD", "criticise"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("2014", 4, "nummod", "NUM", "CD", "2014"),
        ("law", 1, "dobj", "NOUN", "NN", "law"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Monday", 5, "pobj", "PROPN", "NNP", "Monday"),
    ]
    doc = parse(rows)
    actors = {"Egypt": (0, 0, COUNTRY, [])}
    (found,) = mentions(doc, actors, timexes=[(3, 3, "2014"), (6, 6, "2024-06-10")])
    assert found.date.value == "2024-06-10"
    (alone,) = mentions(doc, actors, timexes=[(3, 3, "2014")])
    assert alone.date.value == "PAST_REF" and alone.date.inferred  # the law's year is not the criticism's


def test_the_same_measure_by_a_second_country_is_a_second_event():
    # "Britain expelled Russia. France followed suit."
    rows = [
        ("Britain", 1, "nsubj", "PROPN", "NNP", "Britain"),
        ("expelled", 1, "ROOT", "VERB", "VBD", "expel"),
        ("Russia", 1, "dobj", "PROPN", "NNP", "Russia"),
        (".", 1, "punct", "PUNCT", ".", "."),
        ("France", 5, "nsubj", "PROPN", "NNP", "France"),
        ("followed", 5, "ROOT", "VERB", "VBD", "follow"),
        ("suit", 5, "dobj", "NOUN", "NN", "suit"),
    ]
    doc = parse(rows, sentence_starts=(0, 4))
    actors = {"Britain": (0, 0, COUNTRY, []), "Russia": (2, 2, COUNTRY, []), "France": (4, 4, COUNTRY, [])}
    first, second = mentions(doc, actors)
    assert (first.type, first.sources, first.targets) == ("SANCTION", ["Britain"], ["Russia"])
    assert (second.type, second.rule) == ("SANCTION", "same-action:follow")
    assert second.sources == ["France"] and second.targets == ["Russia"]


def test_us_in_capitals_is_the_country_not_the_pronoun():
    rows = [
        ("US", 1, "nsubj", "PROPN", "NNP", "US"),
        ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        ("Iraq", 1, "dobj", "PROPN", "NNP", "Iraq"),
    ]
    actors = {"United States": (0, 0, COUNTRY, []), "Iraq": (2, 2, COUNTRY, [])}
    (found,) = mentions(parse(rows), actors)
    assert found.sources == ["United States"]


def test_calling_someone_is_a_phone_call_not_a_request():
    # "Rouhani called Aoun to assure him." vs "Rouhani called on Aoun to resign."
    phoned = parse(
        [
            ("Rouhani", 1, "nsubj", "PROPN", "NNP", "Rouhani"),
            ("called", 1, "ROOT", "VERB", "VBD", "call"),
            ("Aoun", 1, "dobj", "PROPN", "NNP", "Aoun"),
            ("to", 4, "aux", "PART", "TO", "to"),
            ("assure", 1, "advcl", "VERB", "VB", "assure"),
            ("him", 4, "dobj", "PRON", "PRP", "he"),
        ]
    )
    people = {"Rouhani": (0, 0, ActorType.PERSON, []), "Aoun": (2, 2, ActorType.PERSON, [])}
    (found,) = mentions(phoned, people)
    assert (found.type, found.mode, found.rule) == ("CONSULT", "phone", "phone-call:call")
    assert found.sources == ["Rouhani"] and found.targets == ["Aoun"]
    asked = parse(
        [
            ("Rouhani", 1, "nsubj", "PROPN", "NNP", "Rouhani"),
            ("called", 1, "ROOT", "VERB", "VBD", "call"),
            ("on", 1, "prep", "ADP", "IN", "on"),
            ("Aoun", 2, "pobj", "PROPN", "NNP", "Aoun"),
            ("to", 5, "aux", "PART", "TO", "to"),
            ("resign", 1, "xcomp", "VERB", "VB", "resign"),
        ]
    )
    people["Aoun"] = (3, 3, ActorType.PERSON, [])
    (found,) = mentions(asked, people)
    assert found.type == "REQUEST" and found.targets == ["Aoun"]


def test_fighting_an_epidemic_is_no_assault_fighting_rebels_is():
    def fight(word: str, ent: str):
        doc = parse(
            [
                ("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"),
                ("fought", 1, "ROOT", "VERB", "VBD", "fight"),
                (word, 1, "dobj", "NOUN", "NN", word.lower()),
            ]
        )
        if ent:
            doc.ents = [spacy_span(doc, 2, 3, ent)]
        return mentions(doc, {"Germany": (0, 0, COUNTRY, [])})

    assert fight("Ebola", "") == []
    assert [m.type for m in fight("Houthis", "NORP")] == ["ASSAULT"]


def test_the_reason_of_an_arrest_is_alleged_not_coded():
    # "Police arrested Ravi for collaborating with Hamas."
    rows = [
        ("Police", 1, "nsubj", "NOUN", "NNS", "police"),
        ("arrested", 1, "ROOT", "VERB", "VBD", "arrest"),
        ("Ravi", 1, "dobj", "PROPN", "NNP", "Ravi"),
        ("for", 1, "prep", "ADP", "IN", "for"),
        ("collaborating", 3, "pcomp", "VERB", "VBG", "collaborate"),
        ("with", 4, "prep", "ADP", "IN", "with"),
        ("Hamas", 5, "pobj", "PROPN", "NNP", "Hamas"),
    ]
    actors = {"Ravi": (2, 2, ActorType.PERSON, []), "Hamas": (6, 6, ActorType.ORGANIZATION, [])}
    assert [m.type for m in mentions(parse(rows), actors)] == ["COERCE"]


def test_rejecting_an_accusation_is_a_denial_not_a_refusal():
    def rejected(noun: str):
        return parse(
            [
                ("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"),
                ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
                (noun, 1, "dobj", "NOUN", "NNS", noun.rstrip("s")),
            ]
        )

    iran = {"Iran": (0, 0, COUNTRY, [])}
    assert [m.type for m in mentions(rejected("accusations"), iran)] == []
    assert [m.type for m in mentions(rejected("demands"), iran)] == ["REJECT"]


def test_considering_an_action_plans_it():
    # "Japan is considering sending aid."
    rows = [
        ("Japan", 2, "nsubj", "PROPN", "NNP", "Japan"),
        ("is", 2, "aux", "AUX", "VBZ", "be"),
        ("considering", 2, "ROOT", "VERB", "VBG", "consider"),
        ("sending", 2, "xcomp", "VERB", "VBG", "send"),
        ("aid", 3, "dobj", "NOUN", "NN", "aid"),
    ]
    (found,) = mentions(parse(rows), {"Japan": (0, 0, COUNTRY, [])})
    assert found.type == "AID" and found.status == EventStatus.PLANNED


def test_negation_in_the_subject_or_by_without_denies_the_event():
    # "No soldier was arrested."
    rows = [
        ("No", 1, "det", "DET", "DT", "no"),
        ("soldier", 3, "nsubjpass", "NOUN", "NN", "soldier"),
        ("was", 3, "auxpass", "AUX", "VBD", "be"),
        ("arrested", 3, "ROOT", "VERB", "VBN", "arrest"),
    ]
    (found,) = mentions(parse(rows))
    assert found.type == "COERCE" and found.status == EventStatus.DENIED
    # "Putin left without meeting Erdogan."
    rows = [
        ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
        ("left", 1, "ROOT", "VERB", "VBD", "leave"),
        ("without", 1, "prep", "ADP", "IN", "without"),
        ("meeting", 2, "pcomp", "VERB", "VBG", "meet"),
        ("Erdogan", 3, "dobj", "PROPN", "NNP", "Erdogan"),
    ]
    people = {"Putin": (0, 0, ActorType.PERSON, []), "Erdogan": (4, 4, ActorType.PERSON, [])}
    (found,) = [m for m in mentions(parse(rows), people) if m.type == "CONSULT"]
    assert found.status == EventStatus.DENIED
