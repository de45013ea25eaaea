"""`parse_query`: every filter validated once, before any SQL, with a code and the valid values."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.store.query import Dyad, QueryError, parse_dyad, parse_period, parse_query, shown_filters


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-06-10", date(2024, 6, 10), date(2024, 6, 10)),
    ],
)
def test_query_periods_are_real_days_at_the_given_precision(text, first, last):
    period = parse_period("since", text)
    assert (period.text, period.first, period.last) == (text, first, last)


@pytest.mark.parametrize("text", ["2016-13", "2023-02-29", "2024-04-31", "2024-6-1", "June", "11.06.2024"])
def test_query_impossible_or_ambiguous_dates_are_refused(text):
    with pytest.raises(ValueError, match=r"\[T101\]"):
        parse_period("until", text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Hamas:Russia", ("Hamas", "Russia")),
        ("kb:hamas:kb:RUS", ("kb:hamas", "kb:RUS")),
        ("name:mousa abu marzouk:Russia", ("name:mousa abu marzouk", "Russia")),
        (" Hamas : kb:RUS ", ("Hamas", "kb:RUS")),
    ],
)
def test_query_dyad_sides_keep_actor_keys_whole(text, sides):
    assert parse_dyad(text) == Dyad(*sides, "directed")


def test_query_dyad_direction_is_explicit():
    assert parse_dyad("A:B", "either").direction == "either"
    with pytest.raises(ValueError, match=r"\[T103\]"):
        parse_dyad("A:B", "both")


def test_query_every_bad_filter_is_reported_at_once():
    with pytest.raises(QueryError) as raised:
        parse_query("events", type="CONSLT", status="maybe", since="2016-13", country="Russia")
    assert [name for name, _ in raised.value.problems] == ["type", "status", "since", "country"]
    assert "CONSULT" in dict(raised.value.problems)["type"]  # the valid values are listed


def test_query_normalises_case_and_keeps_what_was_asked_for_display():
    query = parse_query("events", type="consult", country="rus", dyad="Hamas:Russia", since="2024-06")
    assert (query.type, query.country, query.sort) == ("CONSULT", "RUS", "date")
    assert shown_filters(query) == {
        "dyad": "Hamas:Russia",
        "country": "RUS",
        "since": "2024-06",
        "type": "CONSULT",
    }


def test_query_empty_values_are_no_filter_but_blank_ones_are_errors():
    assert parse_query("articles", actor="", since=None).actor is None
    with pytest.raises(QueryError, match=r"\[T106\]"):
        parse_query("articles", actor="   ")
