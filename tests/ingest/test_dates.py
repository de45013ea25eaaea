"""User-given publication dates to ISO, and clear errors for the ones that cannot be read."""

from __future__ import annotations

import pytest

from tacitus.errors import InputError
from tacitus.ingest import parse_published
from tacitus.ingest.dates import find_date


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-06-11", "2024-06-11"),
        ("June 11, 2024", "2024-06-11"),
        ("11 June 2024", "2024-06-11"),
        ("Jun. 11, 2024", "2024-06-11"),
        ("2024/06/11", "2024-06-11"),
        ("2024.6.1", "2024-06-01"),
        ("Tuesday, June 11, 2024", "2024-06-11"),
        ("2024-06-11T09:30:00+00:00", "2024-06-11T09:30:00+00:00"),
        ("2024-06-11T09:30:00Z", "2024-06-11T09:30:00+00:00"),
    ],
)
def test_parse_published_normalises_to_iso(value, iso):
    assert parse_published(value) == iso


@pytest.mark.parametrize("value", ["yesterday", "not a date", "2024-13-45", "June 45, 2024", "11/06", ""])
def test_parse_published_rejects_unreadable_dates_naming_the_source(value):
    with pytest.raises(InputError) as error:
        parse_published(value, "batch.jsonl:line 3")
    assert error.value.source == "batch.jsonl:line 3"
    assert str(error.value).startswith("batch.jsonl:line 3: ")


def test_find_date_reads_the_date_in_a_byline():
    assert find_date("By Jane Doe | June 11, 2024 10:00 am") == "2024-06-11"
    assert find_date("By Jane Doe") is None


@pytest.mark.parametrize("value", ["11.06.2024", "06/11/2024", "3-4-2024", "11/06/2024 10:00"])
def test_numeric_date_that_reads_both_ways_is_refused_without_the_order(value):
    with pytest.raises(InputError) as error:
        parse_published(value, "feed.jsonl:line 2: published")
    assert error.value.source == "feed.jsonl:line 2: published"
    assert "ambiguous" in error.value.reason and "--dayfirst" in error.value.reason


@pytest.mark.parametrize(
    ("value", "dayfirst", "iso"),
    [
        ("11.06.2024", True, "2024-06-11"),
        ("11.06.2024", False, "2024-11-06"),
        ("06/11/2024", True, "2024-11-06"),
        ("3-4-2024", False, "2024-03-04"),
    ],
)
def test_numeric_date_follows_the_order_the_caller_gives(value, dayfirst, iso):
    assert parse_published(value, dayfirst=dayfirst) == iso


@pytest.mark.parametrize(
    ("value", "iso"),
    [("25.06.2024", "2024-06-25"), ("06/25/2024", "2024-06-25"), ("7.7.2024", "2024-07-07")],
)
def test_numeric_date_that_reads_one_way_only_needs_no_order(value, iso):
    assert parse_published(value) == iso


def test_an_order_that_makes_the_date_impossible_is_an_error():
    with pytest.raises(InputError, match="cannot read publication date"):
        parse_published("06/25/2024", dayfirst=True)


@pytest.mark.parametrize(
    ("value", "partial"),
    [("2024", "2024"), ("2024-06", "2024-06"), ("June 2024", "2024-06"), ("Sept. 2023", "2023-09")],
)
def test_date_without_a_day_stays_partial(value, partial):
    assert parse_published(value) == partial


@pytest.mark.parametrize("value", ["2024-13", "2024-00", "0000"])
def test_impossible_partial_date_is_an_error(value):
    with pytest.raises(InputError, match="cannot read publication date"):
        parse_published(value)
