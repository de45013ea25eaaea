"""The Acceptance of issue 5 on the sample article (published 2024-06-11): each expected event, once."""

from __future__ import annotations

import pytest

from tacitus.contract import EventStatus


def _names(document, ids):
    return {a.name for a in document.actors if a.id in ids}


def _find(document, type_name, *, date=None, status=None, source=None, place=None, caption=False):
    found = []
    for event in document.events:
        if event.type != type_name:
            continue
        if date is not None and not (event.date and (event.date.value or "").startswith(date)):
            continue
        if status is not None and event.status != status:
            continue
        if source is not None and not any(source in name for name in _names(document, event.sources)):
            continue
        if place is not None and not (event.place and event.place.name in place):
            continue
        if caption != any(span.part for span in event.evidence):
            continue
        found.append(event)
    return found


def test_marzouk_bogdanov_meeting_is_one_consult_in_moscow_on_monday(sample_document):
    found = _find(sample_document, "CONSULT", date="2024-06-10", place={"Moscow", "Russian capital"})
    assert len(found) == 1
    event = found[0]
    assert {"Mousa Abu Marzouk", "Mikhail Bogdanov"} <= _names(sample_document, event.sources + event.targets)
    assert event.place.country == "RUS"
    assert len(event.evidence) >= 2  # "a meeting in Moscow on Monday night" + "met … in the Russian capital"


def test_marzouk_asks_russia_to_guarantee_a_ceasefire(sample_document):
    found = _find(sample_document, "REQUEST", source="Marzouk")
    assert len(found) == 1
    assert "Russia" in _names(sample_document, found[0].targets)


def test_vow_to_free_the_russian_hostages_is_promised(sample_document):
    found = [
        e
        for e in sample_document.events
        if e.type in ("AGREE", "RETREAT")
        and e.status == EventStatus.PROMISED
        and "Mousa Abu Marzouk" in _names(sample_document, e.sources)
    ]
    assert len(found) == 1


def test_release_of_three_hostages_in_november(sample_document):
    found = _find(sample_document, "RETREAT", date="2023-11", source="Hamas")
    assert len(found) == 1 and found[0].status == EventStatus.OCCURRED and found[0].mode == "release"


def test_russia_hosted_the_factions_in_march(sample_document):
    found = _find(sample_document, "CONSULT", date="2024-03", source="Russia")
    assert len(found) == 1
    assert len(found[0].evidence) == 2  # "hosted … talks in March" + "The March meeting"


@pytest.mark.parametrize("month", ["2024-01", "2023-10"])
def test_hamas_visits_to_moscow(sample_document, month):
    found = _find(sample_document, "CONSULT", date=month, place={"Moscow"})
    assert len(found) == 1 and found[0].status == EventStatus.OCCURRED
    assert "Mousa Abu Marzouk" in _names(sample_document, found[0].sources)


def test_russia_calls_for_the_release_in_january(sample_document):
    found = _find(sample_document, "REQUEST", date="2024-01", source="Russia")
    assert len(found) == 1 and found[0].mode == "yield"


def test_russia_calls_again_through_viktorov_in_june(sample_document):
    found = [
        e
        for e in _find(sample_document, "REQUEST", date="2024-06", source="Russia")
        if "Anatoly Viktorov" in _names(sample_document, [e.attribution])
    ]
    assert len(found) == 1


def test_israel_rebukes_the_visit(sample_document):
    found = _find(sample_document, "ACCUSE", source="Israel")
    assert len(found) == 1


def test_abbas_planned_visit_and_his_2021_visit(sample_document):
    planned = _find(sample_document, "CONSULT", status=EventStatus.PLANNED, source="Abbas")
    past = _find(sample_document, "CONSULT", date="2021", status=EventStatus.OCCURRED, source="Abbas")
    assert len(planned) == 1 and len(past) == 1
    assert planned[0].place.country == "RUS"


def test_meeting_in_china_is_postponed(sample_document):
    found = _find(sample_document, "CONSULT", status=EventStatus.POSTPONED)
    assert len(found) == 1
    event = found[0]
    assert event.place.country == "CHN" and event.date.value == "2024-06"


def test_caption_meeting_with_lavrov_in_2006_stays_apart(sample_document):
    found = _find(sample_document, "CONSULT", date="2006-03-03", caption=True)
    assert len(found) == 1
    assert "Sergey Lavrov" in _names(sample_document, found[0].sources + found[0].targets)
    assert all(span.part == "caption:0" for span in found[0].evidence)


def test_no_event_is_coded_twice(sample_document):
    keys = [
        (
            e.type,
            e.mode,
            e.status,
            e.date.value if e.date else None,
            e.place.name if e.place else None,
            tuple(sorted(e.sources)),
        )
        for e in sample_document.events
    ]
    assert len(keys) == len(set(keys))


def test_nothing_violent_is_coded(sample_document):
    """The article reports no attack; hostages 'being held' is not coded as a new event."""
    assert not [e for e in sample_document.events if e.type in ("ASSAULT", "COERCE", "THREATEN", "PROTEST")]


def test_every_event_has_evidence_text_and_a_date(sample_document):
    for event in sample_document.events:
        assert event.evidence and all(span.text for span in event.evidence)
        assert event.date is not None and event.date.value
