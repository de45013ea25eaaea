"""The list endpoints: filters, dyads, text search, sorting, pagination totals and exports."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from tests.api.conftest import CODED_ID


def events(client, **params) -> dict:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_events_list_returns_rows_with_actor_names(client):
    page = events(client, article=CODED_ID)
    assert page["total"] == 3
    first = page["items"][0]
    assert (first["type"], first["source_names"], first["target_names"]) == (
        "CONSULT",
        "Sergey Lavrov",
        "Hamas",
    )
    assert first["evidence"].startswith("Russian Foreign Minister")


def test_events_limit_and_offset_page_through_the_total(client):
    first = events(client, article=CODED_ID, limit=2)
    second = events(client, article=CODED_ID, limit=2, offset=2)
    assert first["total"] == second["total"] == 3
    assert [e["event_id"] for e in first["items"] + second["items"]] == ["E1", "E2", "E3"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "CONSULT"}, ["E1"]),
        ({"status": "requested"}, ["E2"]),
        ({"actor": "lavrov"}, ["E1"]),
        ({"actor": "Q150851"}, ["E1"]),
        ({"source": "Hamas"}, ["E2"]),
        ({"target": "Hamas"}, ["E1", "E3"]),
        ({"country": "isr"}, ["E3"]),
        ({"since": "2024-06-11"}, ["E2", "E3"]),
        ({"until": "2024-06-10"}, ["E1"]),
        ({"min_confidence": 0.85}, ["E1"]),
        ({"q": "REJECTED the"}, ["E3"]),
    ],
)
def test_events_filters(client, params, expected):
    assert [e["event_id"] for e in events(client, article=CODED_ID, **params)["items"]] == expected


def test_events_dyad_is_directed_unless_either_is_asked(client):
    directed = events(client, article=CODED_ID, dyad=["Israel", "Hamas"])
    reverse = events(client, article=CODED_ID, dyad=["Hamas", "Israel"])
    assert ([e["event_id"] for e in directed["items"]], reverse["items"]) == (["E3"], [])
    either = events(client, article=CODED_ID, dyad=["Hamas", "Israel"], direction="either")
    assert [e["event_id"] for e in either["items"]] == ["E3"]


def test_events_sort_by_confidence_descending(client):
    page = events(client, article=CODED_ID, sort="confidence", order="desc")
    assert [e["confidence"] for e in page["items"]] == [0.9, 0.8, 0.6]


def test_text_search_does_not_treat_percent_as_a_wildcard(client):
    assert events(client, q="%")["total"] == 0


def test_actors_quotes_claims_articles_lists(client):
    assert (
        client.get("/api/actors", params={"q": "lavrov", "article": CODED_ID}).json()["items"][0]["actor_id"]
        == "A1"
    )
    quote = client.get("/api/quotes", params={"actor": "Lavrov", "article": CODED_ID}).json()["items"][0]
    assert (quote["speaker"], quote["text"]) == ("Sergey Lavrov", "We want peace,")
    claim = client.get("/api/claims", params={"article": CODED_ID}).json()["items"][0]
    assert (claim["value"], claim["unit"]) == (130, "hostages")
    articles = client.get("/api/articles", params={"q": "lavrov meets"}).json()
    assert [a["article_id"] for a in articles["items"]] == [CODED_ID]


def test_sample_article_is_listed_with_its_counts(client, sample_document):
    row = client.get("/api/articles", params={"article": sample_document.article.id}).json()["items"][0]
    assert row["actors"] == len(sample_document.actors)
    assert row["quotes"] == len(sample_document.quotes)


def test_export_csv_has_header_and_every_matching_row(client):
    response = client.get("/api/events", params={"article": CODED_ID, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["event_id"] for r in rows] == ["E1", "E2", "E3"]
    assert rows[0]["source_names"] == "Sergey Lavrov"


def test_export_jsonl_one_record_per_line(client):
    lines = client.get("/api/quotes", params={"article": CODED_ID, "format": "jsonl"}).text.splitlines()
    assert [json.loads(line)["quote_id"] for line in lines] == ["Q1"]


def test_export_parquet_reads_back(client):
    response = client.get("/api/events", params={"article": CODED_ID, "format": "parquet"})
    table = pq.read_table(io.BytesIO(response.content))
    assert table.column("event_id").to_pylist() == ["E1", "E2", "E3"]


def test_export_of_nothing_still_has_columns(client):
    response = client.get("/api/events", params={"q": "no such words anywhere", "format": "csv"})
    assert response.text.startswith("article_id,event_id,type")


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"since": "June"}, "since"),
        ({"until": "2024-6-1"}, "until"),
        ({"country": "Russia"}, "country"),
        ({"limit": -1}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": -5}, "offset"),
        ({"min_confidence": 2}, "min_confidence"),
        ({"sort": "nonsense"}, "sort"),
        ({"format": "xlsx"}, "format"),
        ({"dyad": "Hamas"}, "dyad"),
        ({"since": "2016-13"}, "since"),
        ({"until": "2024-02-30"}, "until"),
        ({"type": "CONSLT"}, "type"),
        ({"status": "maybe"}, "status"),
        ({"direction": "sideways", "dyad": ["Hamas", "Israel"]}, "direction"),
    ],
)
def test_malformed_parameters_get_422_naming_the_parameter(client, params, names):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert names in response.json()["message"]


def test_events_total_stops_counting_at_the_limit_and_says_so(client, monkeypatch):
    from tacitus.store import counting

    exact = events(client, article=CODED_ID)
    assert (exact["total"], exact["total_exact"]) == (3, True)
    monkeypatch.setattr(counting, "COUNT_LIMIT", 2)
    capped = events(client, article=CODED_ID, limit=1)
    assert (capped["total"], capped["total_exact"]) == (2, False)
    assert len(capped["items"]) == 1
    last = events(client, article=CODED_ID, limit=2, offset=2)  # a last page is counted exactly, cap or not
    assert (last["total"], last["total_exact"]) == (3, True)
    export = client.get("/api/events", params={"article": CODED_ID, "format": "csv"})
    assert export.headers["X-Total-Count"] == "3" and export.headers["X-Total-Exact"] == "true"


def test_events_page_with_an_unfinished_count_gives_a_lower_bound(client, monkeypatch):
    from tacitus.store import queries

    monkeypatch.setattr(queries, "count_matches", lambda *args, **kwargs: None)
    page = events(client, article=CODED_ID, limit=2)
    assert (page["total"], page["total_exact"], len(page["items"])) == (2, False, 2)
