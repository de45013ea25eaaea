"""Single records with their evidence, the actor profile, the stored document."""

from __future__ import annotations

from tacitus.contract import Document
from tests.api.conftest import CODED_ID


def test_event_record_has_actors_and_evidence_sentence(client):
    body = client.get(f"/api/events/{CODED_ID}/E1").json()
    assert body["event"]["type"] == "CONSULT"
    assert [a["name"] for a in body["sources"]] == ["Sergey Lavrov"]
    assert body["sources"][0]["key"] == "kb:Q150851"  # the stored identity, as `tacitus actors` lists it
    evidence = body["evidence"][0]
    assert (
        evidence["sentence"]
        == "Russian Foreign Minister Sergey Lavrov met Hamas leaders in Moscow on Monday."
    )
    assert evidence["view"] == f"/articles/{CODED_ID}#E1"


def test_quote_and_claim_records_point_at_their_text(client):
    quote = client.get(f"/api/quotes/{CODED_ID}/Q1").json()
    assert quote["speaker"]["name"] == "Sergey Lavrov"
    assert quote["evidence"]["text"] == "We want peace,"
    claim = client.get(f"/api/claims/{CODED_ID}/C1").json()
    assert claim["evidence"]["sentence"] == "More than 130 hostages remain in Gaza."


def test_unknown_records_are_404_with_a_message(client):
    assert "no event" in client.get(f"/api/events/{CODED_ID}/E99").json()["detail"]
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/actors/Nobody%20At%20All").status_code == 404


def test_article_is_the_stored_document(client, sample_document):
    body = client.get(f"/api/articles/{sample_document.article.id}").content
    assert Document.from_json(body) == sample_document


def test_actor_profile_has_roles_network_and_events(client):
    profile = client.get("/api/actors/kb:Q150851").json()
    assert profile["name"] == "Sergey Lavrov"
    assert client.get("/api/actors/Q150851").json() == profile  # a KB id finds its actor's key
    assert profile["aliases"] == ["Lavrov"]
    assert profile["roles"][0] == {
        "title": "Foreign Minister",
        "of": "Russia",
        "first": "2024-06-11",
        "last": "2024-06-11",
        "articles": 1,
    }
    assert [e["event_id"] for e in profile["events"]] == ["E1"]
    assert profile["network"][0]["name"] == "Hamas"
    assert profile["network"][0]["as_target"] == 1
    assert profile["quotes"][0]["text"] == "We want peace,"


def test_actor_profile_by_name_gathers_both_sides(client):
    hamas = client.get("/api/actors/hamas").json()
    assert {c["name"] for c in hamas["network"]} >= {"Sergey Lavrov", "Russia", "Israel"}


def test_stats_count_the_stored_records(client, sample_document):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 2
    assert stats["events"] == 3 + len(sample_document.events)


def test_openapi_documents_every_list_and_export(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/articles", "/api/actors", "/api/quotes", "/api/claims"):
        assert "text/csv" in spec["paths"][path]["get"]["responses"]["200"]["content"]
    assert "post" in spec["paths"]["/api/articles"]
    assert client.get("/docs").status_code == 200
