"""An article whose publication date is known only to the month or the year is stored as such and found by
every date filter whose period it may fall in."""

from __future__ import annotations

import pytest

from tacitus.contract import Article, Document


def _document(id: str, published: str) -> Document:
    text = f"A statement was issued ({id})."
    return Document(article=Article(id=id, text=text, language="en", published=published))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"since": "2024-06-15"}, ["june", "year", "july"]),
        ({"since": "2024-07"}, ["year", "july"]),
        ({"until": "2024-06-10"}, ["may", "june", "year"]),
        ({"since": "2024-06-15", "until": "2024-06-20"}, ["june", "year"]),
        ({"since": "2025"}, []),
    ],
)
def test_partial_publication_dates_are_kept_and_filtered_by_overlap(store, filters, expected):
    store.save_many(
        [
            _document("may", "2024-05-31"),
            _document("june", "2024-06"),
            _document("year", "2024"),
            _document("july", "2024-07-01"),
        ]
    )
    rows = store.articles(**filters)
    assert sorted(row.article_id for row in rows) == sorted(expected)
    assert {row.article_id: row.published for row in store.articles()}["june"] == "2024-06"
