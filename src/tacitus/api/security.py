"""Response headers that keep stored text inert in a browser, and a Host check against DNS rebinding.

Plain ASGI middleware, so every response carries the headers: pages, API JSON, exports, static files, errors.
The API reads without a token; without the Host check a page on an attacker's domain that re-resolves to
127.0.0.1 (DNS rebinding) could read it from a reader's browser.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# The loopback names, and Starlette's test client's.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "testserver")


def host_name(header: str) -> str:
    """The name part of a Host header (`[::1]:8000` → `::1`, `Example.org.:80` → `example.org`)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0].rstrip(".") if header.count(":") == 1 else header.rstrip(".")


class SecurityHeaders:
    """Adds the headers to every HTTP response and answers 400 to a Host that is not one of `allowed_hosts`.

    `allowed_hosts` None: loopback names only. A `*` entry turns the check off (behind a proxy that checks)."""

    def __init__(self, app, allowed_hosts: Iterable[str] | None = None):
        self.app = app
        hosts = {h.strip().lower().strip("[]").rstrip(".") for h in (allowed_hosts or ()) if h.strip()}
        self.any_host = "*" in hosts
        self.allowed = hosts | set(LOCAL_HOSTS)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if not self.any_host and host_name(host) not in self.allowed:
            return await self._refuse(send, host)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in HEADERS if n not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)

    async def _refuse(self, send, host: str) -> None:
        body = json.dumps(
            {"detail": f"unknown Host {host!r}: start the server with this name in TACITUS_ALLOWED_HOSTS"}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 400,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
