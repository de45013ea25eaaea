"""`/docs`: the API's OpenAPI description as one plain server-rendered page.

FastAPI's interactive pages load their scripts from a CDN, which a reader's browser would then trust with
this origin; this page needs no script at all and nothing from another host (the schema is at /openapi.json).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).resolve().parents[1] / "web" / "templates")


@dataclass(frozen=True)
class Param:
    name: str
    where: str
    required: bool
    kind: str
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    params: list[Param]
    body: str | None
    responses: list[tuple[str, str]]


def _kind(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_kind(s) for s in schema["anyOf"] if s.get("type") != "null")
    if schema.get("type") == "array":
        return f"list of {_kind(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    return schema.get("type", "any")


def operations(spec: dict) -> list[Operation]:
    """Every operation of an OpenAPI document, in path order."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    params=[
                        Param(
                            p["name"],
                            p["in"],
                            p.get("required", False),
                            _kind(p.get("schema", {})),
                            p.get("description", ""),
                        )
                        for p in op.get("parameters", [])
                    ],
                    body=_kind(body) if body else None,
                    responses=[
                        (code, r.get("description", "")) for code, r in op.get("responses", {}).items()
                    ],
                )
            )
    return found


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return templates.TemplateResponse(
        request,
        "apidocs.html",
        {
            "info": spec.get("info", {}),
            "operations": operations(spec),
            "read_only": not request.app.state.settings.api_token,
        },
    )
