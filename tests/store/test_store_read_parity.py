"""One read model: the CLI, the API and the web list the same rows for the same filters, on both backends.

Every list goes through `tacitus.store.queries.list_rows` with a `Query` from `parse_query`; this pins that
nothing between a user's filter and that function (click options, FastAPI parameters, the web form) changes
its meaning. Each case is run as `tacitus events … --format jsonl`, `GET /api/events?…` and `GET /?…`.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from tacitus.api import create_app
from tacitus.cli import main

EVENT_CASES = [
    {},
    {"actor": "Marzouk"},
    {"actor": "KEY:Hamas"},  # the stored actor key of Hamas, looked up below
    {"source": "Marzouk"},
    {"target": "Russia"},
    {"dyad": ("Marzouk", "Russia")},
    {"dyad": ("Russia", "Marzouk")},
    {"dyad": ("Russia", "Marzouk"), "direction": "either"},
    {"dyad": ("KEY:Mousa Abu Marzouk", "KEY:Russia")},  # actor keys, which hold a colon themselves
    {"country": "RUS"},
    {"country": "qat"},
    {"since": "2024-06-11"},
    {"until": "2024-06-10"},
    {"until": "2024-06"},  # keeps all of June
    {"since": "2023", "until": "2023"},
    {"type": "CONSULT"},
    {"status": "requested"},
    {"min_confidence": 0.5},
    {"q": "Lavrov"},  # an actor's name, not in any evidence of the events that have him as target only
    {"q": "cease-fire"},
    {"quad": "1"},
    {"quad": "material_cooperation"},
    {"article": "ARTICLE:Doha"},
    {"sort": "confidence", "order": "desc"},
    {"sort": "type"},
]

OTHER_CASES = [
    ("articles", {"actor": "Lavrov"}),
    ("articles", {"country": "QAT"}),
    ("articles", {"since": "2024"}),
    ("actors", {"country": "RUS"}),
    ("actors", {"q": "lavrov"}),
    ("actors", {"actor": "KEY:Hamas"}),
    ("quotes", {"actor": "Marzouk"}),
    ("quotes", {"until": "2024-06-10"}),
    ("claims", {"actor": "Hamas"}),
    ("claims", {"q": "citizens"}),
]

KEYS = {
    "events": ("article_id", "event_id"),
    "articles": ("article_id",),
    "actors": ("article_id", "actor_id"),
    "quotes": ("article_id", "quote_id"),
    "claims": ("article_id", "claim_id"),
}


def _url(store) -> str:
    """The store's URL with its password (`Store.url` masks it, as anything printed must)."""
    return store.engine.url.render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def client(filled):
    with TestClient(create_app(_url(filled))) as opened:
        yield opened


def _resolved(filled, filters: dict) -> dict:
    """KEY:name → the stored actor key of the actor with that exact name (what `tacitus actors` lists)."""

    def key(value: str) -> str:
        if not value.startswith("KEY:"):
            return value
        return next(row.key for row in filled.actors(actor=value[4:]) if row.name == value[4:])

    resolved = dict(filters)
    if str(resolved.get("article", "")).startswith("ARTICLE:"):
        place = resolved["article"][8:]
        resolved["article"] = next(row.article_id for row in filled.events(q=place) if row.place == place)
    if "actor" in resolved:
        resolved["actor"] = key(resolved["actor"])
    if "dyad" in resolved:
        resolved["dyad"] = tuple(key(side) for side in resolved["dyad"])
    return resolved


def _cli(filled, kind: str, filters: dict) -> list[tuple]:
    args = [kind, "--db", _url(filled), "--format", "jsonl", *(["--per-article"] if kind == "actors" else [])]
    for name, value in filters.items():
        args += [f"--{name.replace('_', '-')}", ":".join(value) if name == "dyad" else str(value)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return [tuple(row[key] for key in KEYS[kind]) for row in rows]


def _api(client, kind: str, filters: dict) -> list[tuple]:
    params = {name: list(value) if name == "dyad" else value for name, value in filters.items()}
    response = client.get(f"/api/{kind}", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return [tuple(item[key] for key in KEYS[kind]) for item in response.json()["items"]]


def _web(client, filters: dict) -> list[tuple]:
    params = {name: ":".join(value) if name == "dyad" else value for name, value in filters.items()}
    response = client.get("/", params=params)
    assert response.status_code == 200, response.text
    return re.findall(r'href="/events/([^/"]+)/([^"]+)" class="type"', response.text)


@pytest.mark.parametrize(
    "filters", EVENT_CASES, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "none"
)
def test_events_cli_rows_equal_api_items_equal_web_rows(filled, client, filters):
    filters = _resolved(filled, filters)
    from_cli = _cli(filled, "events", filters)
    assert from_cli == _api(client, "events", filters) == _web(client, filters)
    store_filters = {k: (":".join(v) if k == "dyad" else v) for k, v in filters.items()}
    assert from_cli == [(row.article_id, row.event_id) for row in filled.events(**store_filters)]


def test_parity_cases_are_not_vacuous(filled, client):
    """Most cases select some rows and not all of them, so agreeing is not agreeing on nothing."""
    everything = len(_api(client, "events", {}))
    sizes = [len(_api(client, "events", _resolved(filled, f))) for f in EVENT_CASES[1:]]
    assert sum(0 < size < everything for size in sizes) >= len(sizes) - 4  # sorts, a reverse dyad, June


@pytest.mark.parametrize(("kind", "filters"), OTHER_CASES, ids=lambda c: str(c))
def test_other_lists_cli_rows_equal_api_items(filled, client, kind, filters):
    filters = _resolved(filled, filters)
    found = _cli(filled, kind, filters)
    assert found and found == _api(client, kind, filters)


@pytest.mark.parametrize("paging", [{"limit": 2}, {"limit": 2, "offset": 2}, {"offset": 4}])
def test_pages_are_the_same_in_the_cli_and_the_api(filled, client, paging):
    everything = _api(client, "events", {})
    start = paging.get("offset", 0)
    expected = everything[start : start + paging["limit"]] if "limit" in paging else everything[start:]
    assert _cli(filled, "events", paging) == _api(client, "events", paging) == expected


def test_a_directed_dyad_is_not_its_reverse(filled, client):
    forward = _api(client, "events", {"dyad": ("Marzouk", "Russia")})
    backward = _api(client, "events", {"dyad": ("Russia", "Marzouk")})
    either = _api(client, "events", {"dyad": ("Russia", "Marzouk"), "direction": "either"})
    assert forward and not backward and either == forward


def test_one_actor_identity_in_the_cli_the_web_and_the_actor_page(filled, client):
    """`tacitus actors`, the web's actor list and the actor pages group actors by the same stored key."""
    from urllib.parse import unquote

    result = CliRunner().invoke(main, ["actors", "--db", _url(filled), "--format", "jsonl"])
    from_cli = {json.loads(line)["identity"] for line in result.stdout.splitlines()}
    page = client.get("/actors").text
    from_web = {unquote(key) for key in re.findall(r'<a class="actor" href="/actors/([^"]+)"', page)}
    assert from_cli and from_cli == from_web
    for key in from_cli:
        assert client.get(f"/api/actors/{key}").json()["key"] == key
