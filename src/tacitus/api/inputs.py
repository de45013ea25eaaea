"""Refuses a request whose path or query cannot be meant: a NUL byte, a control character, or bytes that are
not UTF-8 (a lone surrogate). One clear 422 naming the parameter, before any route sees it, shaped like
FastAPI's own validation errors (so it is the documented 422 of every route); in the path, where no stored id
can hold them, a 404.

Why here and not in each route: PostgreSQL refuses NUL in text (and the driver then drops the connection), a
newline in a value that ends up in a response header leaves the server unable to answer at all, and an encoded
lone surrogate cannot be written back out. No filter, id or search needs any of them.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote_to_bytes

from tacitus.api.security import HEADERS

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_QUERY_BYTES = 16_384


def problem(name: str, raw: bytes) -> tuple[str, str] | None:
    """(name, why) when the percent-encoded `raw` value of `name` is refused, or None."""
    try:
        value = unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return name, "not valid UTF-8 (a lone surrogate or a stray byte)"
    if _CONTROL.search(value):
        return name, "contains a NUL byte or another control character"
    return None


def request_problem(scope) -> tuple[list[str], str] | None:
    """(location, why) for the first thing wrong with a request's path or query string, or None."""
    raw_path = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
    found = problem("path", raw_path.split(b"?", 1)[0])
    if found:
        return ["path"], found[1]
    query = scope.get("query_string") or b""
    if len(query) > MAX_QUERY_BYTES:
        return ["query"], f"query string longer than {MAX_QUERY_BYTES} bytes"
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        readable = name.isascii() and not _CONTROL.search(name.decode())
        label = name.decode() if readable else "?"
        found = problem(label, name) or problem(label, value)
        if found:
            return ["query", label], found[1]
    return None


class RequestGuard:
    """Plain ASGI middleware: 422 with the reason for a path or query no route could use."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            found = request_problem(scope)
            if found:
                location, why = found
                if location == ["path"]:  # no record has such an id: the documented 404 of every record route
                    status, body = 404, json.dumps({"detail": f"no such record: the path {why}"}).encode()
                else:
                    message = f"{location[-1]}: {why}"
                    detail = [{"loc": location, "msg": why, "type": "value_error"}]
                    status, body = 422, json.dumps({"message": message, "detail": detail}).encode()
                await send(
                    {
                        "type": "http.response.start",
                        "status": status,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            *HEADERS,
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
