"""The schemathesis run of test_schema.py on PostgreSQL, with the write token: no generated request (a NUL
in an id or filter, a lone surrogate, a huge offset…) gets a server error, and the connection pool survives
every one of them. PostgreSQL refuses NUL in text and used to drop the connection after it.

The schema is read at import from an app over an empty SQLite store (the OpenAPI document does not depend on
the store); the requests go to the app over PostgreSQL that the module fixture puts in its place."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import allow_header_conformance
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tacitus.api import create_app
from tacitus.store import Store
from tests.api.conftest import coded_document
from tests.store.conftest import _empty_postgres, postgres_urls  # noqa: F401 - the PostgreSQL fixture

pytestmark = pytest.mark.postgres
TOKEN = "schema-token"


class Switch:
    """An ASGI app that forwards to whichever app it holds."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        await self.app(scope, receive, send)


_DIR = tempfile.TemporaryDirectory(prefix="tacitus-schema-pg-")
switch = Switch(create_app(f"sqlite:///{Path(_DIR.name) / 'schema.db'}", api_token=TOKEN))
schema = schemathesis.openapi.from_asgi("/openapi.json", switch)
_rejection = schema.config.checks.negative_data_rejection
_rejection.expected_statuses = [*_rejection.expected_statuses, "413"]


@pytest.fixture(scope="module", autouse=True)
def on_postgres(postgres_urls):  # noqa: F811 - the imported fixture, by name
    url = postgres_urls["write"]
    _empty_postgres(url)
    with Store(url) as store:
        store.save(coded_document())
    switch.app = create_app(url, api_token=TOKEN, max_body=16 * 1024)
    yield
    switch.app.state.store.close()


@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_on_postgresql_never_fails_with_a_server_error(case):
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
    # With the token, a schema-valid URL such as http://0 is rightly refused (422: not a public address), so
    # "valid data must be accepted" cannot hold for POST /api/articles; server errors are still checked.
    case.call_and_validate(excluded_checks=[allow_header_conformance, positive_data_acceptance], timeout=120)
