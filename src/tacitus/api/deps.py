"""Dependencies the routes share: a read connection per request, the store, and the write-token check.

Why the connection waits for a slot first: a sync route runs its dependency and its body in two separate trips
to the threadpool (40 threads). With more requests in flight than the pool has connections, every thread can
end up blocked waiting for a connection while the requests that hold the connections wait for a thread to run
their bodies: the server froze at 60 clients until the pool's 30 s timeout. Waiting for a slot on the event
loop, before any thread is taken, caps the threads that hold or wait for a connection below the threadpool's
size, so a request holding a connection always finds a thread.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Iterator
from typing import Annotated

import anyio
from fastapi import Depends, HTTPException, Request
from sqlalchemy.engine import Connection

THREADS_FOR_OTHER_WORK = 8  # threadpool threads kept free of connection work (bodies, teardowns, pages)


def connection_slots(engine, threads: int | None = None) -> int:
    """How many requests may hold or wait for a connection at once: the pool's capacity, and never so many that
    the threadpool (`threads`, default anyio's) has no thread left for the holders."""
    pool = engine.pool
    size = getattr(pool, "size", lambda: 5)() + max(getattr(pool, "_max_overflow", 0), 0)
    threads = threads or int(anyio.to_thread.current_default_thread_limiter().total_tokens)
    return max(1, min(size, threads // 2, threads - THREADS_FOR_OTHER_WORK))


async def connection_slot(request: Request) -> AsyncIterator[None]:
    """Wait on the event loop (holding no thread) until a connection slot is free."""
    state = request.app.state
    if getattr(state, "connection_slots", None) is None:
        state.connection_slots = anyio.Semaphore(connection_slots(state.store.engine))
    async with state.connection_slots:
        yield


def connection(request: Request, _slot: Annotated[None, Depends(connection_slot)]) -> Iterator[Connection]:
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
