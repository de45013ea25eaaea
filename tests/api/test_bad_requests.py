"""Requests no route can use get a clear 4xx from a real server, on SQLite and PostgreSQL, and the server (and
its database connections) stay fine for the next request: NUL bytes, control characters that would end up in a
header, lone surrogates, huge offsets, an oversized chunked body."""

from __future__ import annotations

import http.client
from urllib.parse import urlparse

import httpx
import pytest

from tacitus.api import create_app
from tacitus.api.background import background
from tacitus.store import Store
from tests.api.conftest import CODED_ID, coded_document
from tests.store.conftest import _empty_postgres, postgres_urls  # noqa: F401 - the PostgreSQL fixture

TOKEN = "bad-requests-token"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def base(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('bad') / 'tacitus.db'}"
    else:
        url = request.getfixturevalue("postgres_urls")["write"]
        _empty_postgres(url)
    with Store(url) as store:
        store.save(coded_document())
    with background(create_app(url, api_token=TOKEN, max_body=64 * 1024)) as served:
        yield served


def _raw(base: str, method: str, target: str, body: bytes | None = None, headers=None):
    parsed = urlparse(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    conn.request(method, target, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data


@pytest.mark.parametrize(
    "target",
    [
        f"/api/articles/{CODED_ID}%00",
        f"/api/articles/{CODED_ID}/events/E1%00",
        "/api/actors/rus%00",
        "/api/events?actor=Lav%00rov",
        "/api/events?q=%00",
        "/api/clusters?type=CONSULT%00",
        "/articles/x%00",
        "/?actor=a%00",
        "/series?actor=a%0Ab",
        "/series.csv?actor=Lavrov%0D%0AX-Injected:%201",
        "/api/events?q=%ED%A0%80",
        "/api/events?q=caf%E9",
    ],
)
def test_nul_control_and_non_utf8_values_are_refused_and_the_server_goes_on(base, target):
    status, body = _raw(base, "GET", target)
    assert status == (404 if "?" not in target else 422), body  # no stored id holds one; a filter is invalid
    assert b"NUL byte" in body or b"not valid UTF-8" in body
    follow = httpx.get(f"{base}/api/articles/{CODED_ID}", timeout=30)
    assert follow.status_code == 200  # the connection pool was not broken by the previous request


def test_a_huge_cluster_offset_is_a_422_not_a_500(base):
    for path in ("/clusters", "/api/clusters"):
        response = httpx.get(f"{base}{path}", params={"offset": 2**63}, timeout=30)
        assert response.status_code == 422, (path, response.text)


def test_a_lone_surrogate_in_a_posted_body_is_a_422(base):
    body = b'{"text": "Lavrov met Hamas leaders in Moscow \\ud800 on Monday."}'
    status, data = _raw(
        base,
        "POST",
        "/api/articles",
        body,
        {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
    )
    assert status == 422 and b"text" in data


def test_a_lone_surrogate_in_an_invalid_body_can_still_be_reported(base):
    body = b'{"text": "x", "published": "\\udc80not-a-date"}'
    status, data = _raw(
        base,
        "POST",
        "/api/articles",
        body,
        {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
    )
    assert status == 422 and b"published" in data


def test_a_chunked_body_over_the_limit_is_413(base):
    def chunks():
        for _ in range(40):
            yield b"x" * 4096  # 160 KiB, over the 64 KiB limit, with no Content-Length

    response = httpx.post(
        f"{base}/api/articles",
        content=chunks(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert response.status_code == 413


def test_a_chunked_body_under_the_limit_still_reaches_the_route(base):
    def chunks():
        yield b'{"text": '
        yield b'"   "}'

    response = httpx.post(
        f"{base}/api/articles",
        content=chunks(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert response.status_code == 422 and "text" in response.json()["detail"]


def test_a_json_body_sent_as_plain_text_is_a_422(base):
    status, data = _raw(
        base,
        "POST",
        "/api/articles",
        b'{"text": "Lavrov met Hamas."}',
        {"Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"},
    )
    assert status == 422, data


def test_a_cluster_id_beyond_the_column_is_a_422(base):
    for path in ("/clusters/9223372036854775806", "/api/clusters/9223372036854775806"):
        assert httpx.get(f"{base}{path}", timeout=30).status_code == 422
