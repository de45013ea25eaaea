"""Store.series and Store.events_frame go through the store's own event filters, on both backends."""

from __future__ import annotations

import pytest


def counts(series):
    return [(r.period, r.events) for r in series.rows]


def test_store_series_counts_occurred_events_by_default(filled):
    series = filled.series("month")
    assert counts(series) == [("2024-06", 1)]  # Moscow E1; the Paris protest has a year only
    assert series.filters == {"status": "occurred"}
    assert series.left_out["dated less precisely than a month"] == 1


def test_store_series_any_status_is_zero_filled_between_first_and_last_month(filled):
    series = filled.series("month", status="any")
    assert counts(series)[0] == ("2023-03", 1) and counts(series)[-1] == ("2024-06", 2)
    assert len(series.rows) == 16 and sum(n for _, n in counts(series)[1:-1]) == 0
    assert series.left_out == {"undated": 1, "dated less precisely than a month": 1}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"by": "year", "status": "any"}, [("2022", 1), ("2023", 1), ("2024", 2)]),
        ({"by": "year", "status": "any", "dyad": "marzouk:russia"}, [("2024", 1)]),
        ({"by": "day", "status": "any", "actor": "lavrov"}, [("2024-06-10", 1)]),
        ({"by": "year", "status": "planned", "country": "QAT"}, [("2023", 1)]),
        ({"by": "year", "status": "any", "quad": "material_conflict"}, [("2022", 1)]),
        ({"by": "week", "status": "any", "min_confidence": 0.5}, [("2024-W24", 2)]),
    ],
)
def test_store_series_filters(filled, filters, expected):
    assert counts(filled.series(**filters)) == expected


def test_store_series_rejects_paging(filled):
    with pytest.raises(ValueError, match="limit does not apply to a series"):
        filled.series(limit=3)


def test_store_series_frame_is_typed(filled):
    frame = filled.series("year", status="any").frame()
    assert list(frame["events"]) == [1, 1, 2]
    assert str(frame["start"].dtype).startswith("datetime64")


def test_store_events_frame_adds_the_scales(filled):
    frame = filled.events_frame(article="moscow")
    assert list(frame["event_id"]) == ["E1", "E2", "E3"]
    assert list(frame["cameo_code"]) == ["040", "100", "080"]
    assert list(frame["goldstein"]) == [1.0, -5.0, 5.0]
    assert list(frame["quad_class"]) == [1, 3, 2]
