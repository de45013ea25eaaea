"""Sentence-level coding: the constructions PLOVER coders get wrong, each on a real parse."""

from __future__ import annotations

import pytest

from tacitus.contract import EventStatus


def test_passive_source_is_the_agent(code):
    coded = code("Three hostages were released by Hamas on Monday.")
    event = coded.one("RETREAT")
    assert coded.names(event.sources) == {"Hamas"}
    assert event.mode == "release"
    assert event.status == EventStatus.OCCURRED
    assert event.date.value == "2024-06-10"


def test_request_verb_codes_the_request_not_the_action(code):
    coded = code("Egypt called on Israel to withdraw its troops from Rafah.")
    event = coded.one("REQUEST")
    assert coded.names(event.sources) == {"Egypt"}
    assert coded.names(event.targets) == {"Israel"}
    assert event.mode == "yield"
    assert not coded.of_type("RETREAT")


def test_object_control_request_targets_the_object(code):
    coded = code("France urged Iran to release the detained journalists.")
    event = coded.one("REQUEST")
    assert coded.names(event.targets) == {"Iran"}


def test_demand_that_clause_targets_its_subject(code):
    coded = code("The United States on Thursday demanded that North Korea abandon its nuclear program.")
    event = coded.one("REQUEST")
    assert "North Korea" in " ".join(coded.names(event.targets))


def test_vow_is_a_promise(code):
    coded = code("Hamas vowed to free the remaining hostages.")
    event = coded.one("AGREE")
    assert event.status == EventStatus.PROMISED
    assert coded.names(event.sources) == {"Hamas"}
    assert not coded.of_type("RETREAT")


def test_negated_agreement_is_denied(code):
    coded = code("Israel and Hamas have not reached an agreement.")
    assert coded.one("AGREE").status == EventStatus.DENIED


def test_postponed_meeting(code):
    coded = code("The summit between Egypt and Jordan has been postponed.")
    assert coded.one("CONSULT").status == EventStatus.POSTPONED


def test_called_off_talks_are_cancelled_not_requested(code):
    coded = code("Turkey called off the talks with Greece on Friday.")
    assert coded.one("CONSULT").status == EventStatus.CANCELLED
    assert not coded.of_type("REQUEST")


def test_could_is_hypothetical(code):
    coded = code("The border dispute could be discussed by Russia and China next month.")
    assert coded.one("CONSULT").status == EventStatus.HYPOTHETICAL


def test_if_clause_is_conditional(code):
    coded = code("The prisoners will be released if a truce is declared.")
    released = [e for e in coded.of_type("RETREAT") if e.mode == "release"]
    assert [e.status for e in released] == [EventStatus.CONDITIONAL]


def test_will_visit_is_planned(code):
    coded = code("Mahmoud Abbas will visit Moscow next week.")
    event = coded.one("CONSULT")
    assert event.status == EventStatus.PLANNED
    assert event.place.name == "Moscow" and event.place.country == "RUS"


def test_stated_intention_to_cooperate_is_agree(code):
    coded = code("Syria says it is willing to withdraw its troops from Lebanon.")
    event = coded.one("AGREE")
    assert event.status == EventStatus.PROMISED


def test_reported_speech_is_attributed_to_the_speaker(code):
    coded = code("Hamas said that Israel attacked a school in Gaza on Sunday.")
    event = coded.one("ASSAULT")
    assert coded.names(event.sources) == {"Israel"}
    assert coded.names([event.attribution]) == {"Hamas"}
    assert event.date.value == "2024-06-09"


def test_compound_subject_gives_both_sources(code):
    coded = code("Hamas and Fatah met in Cairo on Tuesday.")
    event = coded.one("CONSULT")
    assert coded.names(event.sources) == {"Hamas", "Fatah"}
    assert event.place.country == "EGY"


def test_the_two_resolve_to_the_previous_participants_and_merge(code):
    coded = code("Vladimir Putin met Recep Tayyip Erdogan in Sochi on Monday. The two discussed trade.")
    event = coded.one("CONSULT")
    assert len(event.evidence) == 2
    assert len(event.sources) + len(event.targets) == 2


def test_nominal_meeting_takes_its_own_place_and_date(code):
    coded = code("After a meeting in Moscow on Monday night, the envoy flew home.")
    event = coded.one("CONSULT")
    assert event.place.name == "Moscow" and event.place.lat == pytest.approx(55.75, abs=0.1)
    assert event.date.value.startswith("2024-06-10")


def test_rebuke_from_names_its_source(code):
    coded = code("The visit led to a rebuke from Israel.")
    event = coded.one("ACCUSE")
    assert coded.names(event.sources) == {"Israel"}


def test_generic_event_noun_is_not_an_event(code):
    coded = code("Any future cease-fire agreement must include guarantees.")
    assert coded.events == []


def test_mentioned_place_is_not_the_event_place(code):
    coded = code("Iran accused the United States of interfering in Iraq.")
    event = coded.one("ACCUSE")
    assert event.place is None


def test_russian_capital_is_geocoded_to_moscow(code):
    coded = code("Mousa Abu Marzouk met Mikhail Bogdanov in the Russian capital.")
    event = coded.one("CONSULT")
    assert event.place.country == "RUS" and event.place.lat == pytest.approx(55.75, abs=0.1)


def test_threat_to_cut_supplies(code):
    coded = code("Russia threatened to cut gas supplies to Ukraine.")
    assert coded.one("THREATEN").status == EventStatus.OCCURRED


def test_refusal_is_reject(code):
    coded = code("Serbia refused to hand over the suspects.")
    event = coded.one("REJECT")
    assert coded.names(event.sources) == {"Serbia"}


def test_light_verb_carries_the_noun_event(code):
    coded = code("French officials held talks with leaders of Romania on Tuesday.")
    event = coded.one("CONSULT")
    assert event.rule.startswith("light-verb")
    assert event.date.value == "2024-06-11"


def test_lodged_protest_is_an_accusation(code):
    coded = code("Serbia lodged an official protest with Albania today.")
    assert coded.one("ACCUSE")
    assert not coded.of_type("PROTEST")


def test_undated_past_event_is_before_publication_not_on_its_day(code):
    coded = code("Germany condemned the attack.")
    event = coded.one("ACCUSE")
    assert event.date.inferred and event.date.value == "PAST_REF"


def test_undated_present_event_takes_the_article_date_flagged_inferred(code):
    coded = code("Germany condemns the attack.")
    event = coded.one("ACCUSE")
    assert event.date.inferred and event.date.value == "2024-06-11"


def test_evidence_text_matches_offsets(code):
    coded = code("Hamas released three hostages in November.")
    text = coded.document.article.text
    for event in coded.events:
        for span in event.evidence:
            assert text[span.start : span.end] == span.text


def test_event_ids_and_rules_are_filled(code):
    coded = code("Hamas released three hostages. Israel condemned the attack on Tuesday.")
    assert [e.id for e in coded.events] == [f"E{i}" for i in range(1, len(coded.events) + 1)]
    assert all(e.rule and 0 < e.confidence <= 1 for e in coded.events)


def test_the_condition_itself_is_hypothetical(code):
    coded = code("The prisoners will be released if a truce is declared.")
    declared = [e for e in coded.of_type("RETREAT") if e.mode == "ceasefire"]
    assert all(e.status == EventStatus.HYPOTHETICAL for e in declared)


def test_an_organisation_is_never_a_place(code):
    coded = code("Egypt hosted talks in Hamas on Monday.")
    assert all(e.place is None or e.place.country != "DEU" for e in coded.events)


def test_declining_to_be_named_is_no_rejection(code):
    coded = code("A spokesman, who declined to be named, said the army withdrew from the town.")
    assert not coded.of_type("REJECT")
    assert coded.one("RETREAT").attribution is None or coded.one("RETREAT").status == EventStatus.OCCURRED


def test_attributive_participle_is_no_event(code):
    coded = code("Iran-backed militias attacked the base on Monday.")
    assert [e.type for e in coded.events] == ["ASSAULT"]


def test_refusal_to_deploy_peacekeepers(code):
    coded = code("Pakistan has refused to deploy peacekeepers in Iraq.")
    assert coded.one("REJECT").place is None or coded.one("REJECT").place.country == "IRQ"


def test_a_quantified_subject_of_a_past_act_is_no_maxim(code):
    # the generic-subject check is for timeless clauses ("for all good men to come to the aid"), not reports
    coded = code("Every member state condemned the attack.")
    assert coded.one("ACCUSE").status == EventStatus.OCCURRED
