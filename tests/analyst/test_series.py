"""Counting event records per period: precision rules, zero filling, counting units, scales."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tacitus.analyst import compute
from tacitus.analyst.series import precision_and_day
from tacitus.store.rows import EventRow


def row(event_id: str, date: str | None, type_: str = "CONSULT", article: str = "a1") -> EventRow:
    return EventRow(
        article_id=article,
        event_id=event_id,
        type=type_,
        mode=None,
        context=None,
        status="occurred",
        date=date,
        date_text=None,
        source_ids=None,
        source_names=None,
        source_countries=None,
        source_keys=[],
        target_ids=None,
        target_names=None,
        target_countries=None,
        target_keys=[],
        place=None,
        place_country=None,
        lat=None,
        lon=None,
        attribution=None,
        confidence=0.9,
        evidence=None,
        rule=None,
        published="2024-06-11",
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-10", ("day", "2024-06-10")),
        ("2024-06-10TNI", ("day", "2024-06-10")),
        ("2024-06", ("month", "2024-06-01")),
        ("2024", ("year", "2024-01-01")),
        ("2024-W24", ("week", "2024-06-10")),
        ("2024-SU", ("year", "2024-01-01")),
        ("PAST_REF", None),
        (None, None),
        ("2024-13", None),
    ],
)
def test_series_date_precision(value, expected):
    found = precision_and_day(value)
    assert (found[0], found[1].isoformat()) == expected if expected else found is None


def test_series_months_are_zero_filled_across_a_year_boundary():
    series = compute([row("E1", "2023-11-30"), row("E2", "2024-02"), row("E3", "2024-02-03")], by="month")
    assert [(r.period, r.events) for r in series.rows] == [
        ("2023-11", 1),
        ("2023-12", 0),
        ("2024-01", 0),
        ("2024-02", 2),
    ]
    assert series.rows[1].goldstein_mean is None and series.rows[1].goldstein_total == 0


def test_series_leaves_out_coarse_and_undated_events_and_says_so():
    series = compute(
        [row("E1", "2024-06-10"), row("E2", "2024-06"), row("E3", "PAST_REF"), row("E4", None)], by="week"
    )
    assert [(r.period, r.events) for r in series.rows] == [("2024-W24", 1)]
    assert series.left_out == {"undated": 2, "dated less precisely than a week": 1}
    assert "left out: 2 undated, 1 dated less precisely than a week" in series.describe()


def test_series_weeks_start_on_monday_and_take_week_dates():
    series = compute([row("E1", "2024-06-16"), row("E2", "2024-W26")], by="week")
    assert [(r.period, r.start, r.events) for r in series.rows] == [
        ("2024-W24", "2024-06-10", 1),
        ("2024-W25", "2024-06-17", 0),
        ("2024-W26", "2024-06-24", 1),
    ]


def test_series_counts_each_counting_unit_once():
    same = row("E1", "2024-06-10")
    series = compute([same, same, replace(same, article_id="a2")], by="day")
    assert series.total == 2
    assert "in-article event records" in series.describe()


def test_series_sums_and_averages_goldstein_and_counts_quads():
    series = compute(
        [row("E1", "2024", "CONSULT"), row("E2", "2024", "REQUEST"), row("E3", "2024", "ASSAULT")], by="year"
    )
    only = series.rows[0]
    assert (only.goldstein_total, only.goldstein_mean) == (1.0 - 5.0 - 9.0, round((1.0 - 5.0 - 9.0) / 3, 3))
    assert (
        only.verbal_cooperation,
        only.material_cooperation,
        only.verbal_conflict,
        only.material_conflict,
    ) == (1, 0, 1, 1)


def test_series_of_nothing_has_no_rows():
    assert compute([], by="month").rows == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"by": "fortnight"}, "by 'fortnight'"), ({"unit": "cluster"}, "counting unit 'cluster'")],
)
def test_series_bad_arguments_name_the_value(kwargs, message):
    with pytest.raises(ValueError, match=message):
        compute([], **kwargs)
