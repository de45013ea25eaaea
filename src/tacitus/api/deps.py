"""Dependencies the routes share: a read connection per request, the store, and the write-token check."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.engine import Connection


def connection(request: Request) -> Iterator[Connection]:
    """One read transaction per request, closed (rolled back) when the response is done."""
    with request.app.state.store.engine.connect() as conn:
        yield conn


ConnDep = Annotated[Connection, Depends(connection)]


def presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-api-token")


def require_token(request: Request) -> None:
    """Writes need the configured token; with none configured the server is read-only."""
    check_token(request.app.state.settings.api_token, presented_token(request))


def check_token(expected: str | None, given: str | None) -> None:
    if not expected:
        raise HTTPException(403, "this server is read-only: start it with an API token to allow submissions")
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401,
            "missing or wrong API token (send 'Authorization: Bearer <token>')",
            headers={"WWW-Authenticate": "Bearer"},
        )
