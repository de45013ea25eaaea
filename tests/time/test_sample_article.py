"""The issue's acceptance list on the sample article (published Tuesday 2024-06-11)."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus import nlp
from tacitus.time import find_timexes


@pytest.fixture(scope="module")
def sample_timexes(sample_text):
    return find_timexes(nlp.parse(sample_text), date(2024, 6, 11))


def _values(timexes, text: str) -> list[str | None]:
    return [t.value for t in timexes if t.text == text]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Monday night", "2024-06-10TNI"),
        ("earlier this month", "2024-06"),
        ("Earlier this month", "2024-06"),
        ("earlier this year", "2024"),
        ("November", "2023-11"),
        ("January", "2024-01"),
        ("October", "2023-10"),
        ("2021", "2021"),
        ("Monday", "2024-06-10"),
        ("this month", "2024-06"),
        ("March 3, 2006", "2006-03-03"),
    ],
)
def test_sample_expression_has_value(sample_timexes, text, value):
    assert value in _values(sample_timexes, text)


def test_sample_every_on_tuesday_is_publication_day(sample_timexes):
    assert _values(sample_timexes, "Tuesday") == ["2024-06-11"] * 3


def test_sample_in_march_and_the_march_meeting_are_march_2024(sample_timexes, sample_text):
    march = [t for t in sample_timexes if t.text == "March"]
    assert [t.value for t in march] == ["2024-03", "2024-03"]
    assert any(sample_text[t.start : t.start + len("March meeting")] == "March meeting" for t in march)


def test_sample_monday_night_is_a_time(sample_timexes):
    (monday_night,) = [t for t in sample_timexes if t.text == "Monday night"]
    assert monday_night.type.value == "TIME"


def test_sample_recent_weeks_is_past_ref(sample_timexes):
    assert _values(sample_timexes, "recent weeks") == ["PAST_REF"]


@pytest.mark.parametrize("words", ["We", "2nd R", "2nd", "two Russians", "130 hostages", "130", "two"])
def test_sample_false_positive_is_not_tagged(sample_timexes, sample_text, words):
    starts = {t.start for t in sample_timexes}
    tagged = [t for t in sample_timexes if words in t.text]
    assert not tagged, tagged
    assert sample_text.find(words) not in starts


def test_sample_offsets_index_the_text(sample_timexes, sample_text):
    for timex in sample_timexes:
        assert sample_text[timex.start : timex.end] == timex.text
