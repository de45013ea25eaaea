"""The Tacitus service: the REST API (`/api`, documented at `/docs`) and the web workspace, in one FastAPI app.

Settings are passed in explicitly (`create_app(store_url, api_token=...)`); nothing is read from module
globals, so tests build as many independent apps as they like.
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from tacitus import __version__
from tacitus.api.inputs import RequestGuard
from tacitus.api.limits import DEFAULT_MAX_BODY, BodyLimit
from tacitus.api.security import SecurityHeaders
from tacitus.errors import StoreError

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
ALLOWED_HOSTS_ENV = "TACITUS_ALLOWED_HOSTS"


@dataclass(frozen=True)
class Settings:
    store_url: str | None = None
    api_token: str | None = None  # None: read-only, POST /api/articles answers 403
    max_body: int = DEFAULT_MAX_BODY
    allowed_hosts: tuple[str, ...] = ()  # besides the loopback names; "*" turns the Host check off


def create_app(
    store_url: str | None,
    *,
    api_token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    allowed_hosts: tuple[str, ...] | None = None,
) -> FastAPI:
    """The API and the web UI over the store at `store_url` (None: $TACITUS_DB, else ./tacitus.db).

    `allowed_hosts`: the names the server may be reached by besides the loopback ones (None:
    $TACITUS_ALLOWED_HOSTS, comma-separated)."""
    from tacitus.api.docs_page import router as docs_router
    from tacitus.api.router import router as api_router
    from tacitus.store import Store
    from tacitus.web.router import router as web_router

    if allowed_hosts is None:
        allowed_hosts = tuple(h for h in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if h.strip())
    settings = Settings(
        store_url=store_url, api_token=api_token or None, max_body=max_body, allowed_hosts=allowed_hosts
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.store.close()  # release the database connections when the server stops

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # /docs is served by docs_page: no scripts from a CDN
        redoc_url=None,
        title="Tacitus",
        version=__version__,
        description="Political events, actors, quotes and claims extracted from news articles, each with the "
        "sentence it was read from. Lists accept `format=csv|jsonl|parquet` for exports. "
        "`POST /api/articles` needs the API token (`Authorization: Bearer <token>`).",
    )
    app.state.settings = settings
    app.state.store = Store(store_url)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(RequestGuard)
    app.add_middleware(SecurityHeaders, allowed_hosts=settings.allowed_hosts)
    app.include_router(api_router)
    app.include_router(docs_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError):
        """422 with one readable line per bad parameter besides FastAPI's structured detail."""
        problems = [
            _writable(f"{'.'.join(str(p) for p in e['loc'] if p not in ('query', 'body'))}: {e['msg']}")
            for e in error.errors()
        ]
        return JSONResponse(
            {"message": "; ".join(problems), "detail": _plain(error.errors())}, status_code=422
        )

    @app.exception_handler(StoreError)
    async def _store_down(request: Request, error: StoreError):
        return JSONResponse({"detail": str(error)}, status_code=503)

    return app


def _plain(errors) -> list[dict]:
    """Validation errors made JSON-safe: `ctx` (a regex pattern, a ValueError) as text, and the echoed `input`
    with any lone surrogate escaped, which UTF-8 (and so the response) could not carry."""
    return [
        _writable({**e, "ctx": {k: str(v) for k, v in e["ctx"].items()}} if "ctx" in e else e) for e in errors
    ]


def _writable(value):
    if isinstance(value, bytes):  # a body sent as text/plain is echoed back as bytes
        value = value.decode("utf-8", "backslashreplace")
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {k: _writable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_writable(v) for v in value]
    return value


def serve(
    db_url: str | None, host: str = "127.0.0.1", port: int = 8000, *, api_token: str | None = None
) -> None:
    """Run the app with uvicorn until interrupted (what `tacitus serve` calls)."""
    import uvicorn

    named = () if host in ("0.0.0.0", "::", "") else (host,)  # the bound name, besides $TACITUS_ALLOWED_HOSTS
    extra = tuple(h for h in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if h.strip())
    app = create_app(db_url, api_token=api_token, allowed_hosts=named + extra)
    uvicorn.run(app, host=host, port=port, log_level="warning")
