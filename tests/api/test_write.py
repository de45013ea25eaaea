"""Submitting articles: the token, the size limit, extraction and storage, duplicates."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tacitus.api import create_app
from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = (
    "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara on Tuesday. "
    "Putin said the two countries would expand trade."
)


@pytest.fixture
def writable(tmp_path) -> TestClient:
    return TestClient(create_app(f"sqlite:///{tmp_path / 'w.db'}", api_token=TOKEN, max_body=64 * 1024))


def test_post_without_a_configured_token_is_refused_as_read_only(read_only_client):
    response = read_only_client.post("/api/articles", json={"text": TEXT}, headers=AUTH)
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_post_with_a_wrong_or_missing_token_is_401(writable):
    assert writable.post("/api/articles", json={"text": TEXT}).status_code == 401
    wrong = writable.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_post_extracts_stores_and_then_reports_a_duplicate(writable):
    first = writable.post("/api/articles", json={"text": TEXT, "published": "2024-06-11"}, headers=AUTH)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["status"] == "stored" and body["actors"] >= 2
    assert writable.get(f"/api/articles/{body['article_id']}").json()["article"]["published"] == "2024-06-11"
    again = writable.post("/api/articles", json={"text": TEXT}, headers={"X-API-Token": TOKEN})
    assert again.status_code == 200
    assert again.json() | {"status": "stored"} == body


def test_post_needs_text_or_url(writable):
    response = writable.post("/api/articles", json={"published": "2024-06-11"}, headers=AUTH)
    assert response.status_code == 422


def test_post_rejects_non_http_urls_and_bad_dates(writable):
    assert writable.post("/api/articles", json={"url": "file:///etc/passwd"}, headers=AUTH).status_code == 422
    assert (
        writable.post(
            "/api/articles", json={"text": TEXT, "published": "yesterday"}, headers=AUTH
        ).status_code
        == 422
    )


def test_post_body_over_the_limit_is_413(writable):
    response = writable.post("/api/articles", json={"text": "word " * 20_000}, headers=AUTH)
    assert response.status_code == 413


def test_post_of_boilerplate_only_names_the_problem(writable):
    response = writable.post("/api/articles", json={"text": "   \n  "}, headers=AUTH)
    assert response.status_code == 422
