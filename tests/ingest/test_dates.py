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
