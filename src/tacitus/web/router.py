"""The web pages: each route reads through the store's read model (`tacitus.store.queries`, `records`) and
renders one template.

Query parameters are validated by the same `parse_query` as the CLI and the API, but a bad one re-renders the
page with a message (status 422) instead of a JSON error, so a mistyped date in the filter form does not lose
the form.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Annotated
from urllib.parse import quote as quote_path
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi import Path as PathParam
from fastapi import Query as QueryParam
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from tacitus import highlight
from tacitus.api import submit
from tacitus.api.deps import ConnDep, check_token
from tacitus.api.schemas import ISO_DATE
from tacitus.store import records
from tacitus.store.cluster_queries import cluster_members, clusters
from tacitus.store.counting import Page
from tacitus.store.query import SORTS, Query, QueryError, parse_query, shown_filters
from tacitus.store.reading import list_rows
from tacitus.web import charts
from tacitus.web.links import safe_href

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.globals.update(urlencode=urlencode, zip=zip)
templates.env.filters["safe_href"] = safe_href

PAGE = 50
FILTERS = (
    "actor",
    "source",
    "target",
    "dyad",
    "direction",
    "quad",
    "mode",
    "type",
    "status",
    "country",
    "since",
    "until",
    "q",
    "min_confidence",
    "sort",
    "order",
    "article",
)


def _render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("read_only", not request.app.state.settings.api_token)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def parse_filters(params) -> tuple[Query, dict[str, str], list[str]]:
    """The events-table filters from the query string: (query, the values to refill the form, errors).

    A bad value is reported and left out (the form keeps the rest), as the CLI and the API refuse it."""
    given = {name: params.get(name, "").strip() for name in FILTERS}
    page = params.get("page", "1")
    page = int(page) if page.isdigit() and 0 < int(page) < 10**6 else 1
    paging = {"limit": PAGE, "offset": (page - 1) * PAGE}
    try:
        return parse_query("events", {**given, **paging}), given, []
    except QueryError as error:
        errors = [f"{name}: {message}" for name, message in error.problems]
        for name, _ in error.problems:
            given[name] = ""
    return parse_query("events", {**given, **paging}), given, errors


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, conn: ConnDep):
    query, form, errors = parse_filters(request.query_params)
    page = list_rows(conn, query)
    filled = {k: v for k, v in form.items() if v}
    number = query.offset // PAGE + 1
    return _render(
        request,
        "events.html",
        status_code=422 if errors else 200,
        page=page,
        form=form,
        errors=errors,
        sentences=evidence_sentences(conn, page.items),
        facets=records.facets(conn),
        sorts=SORTS["events"],
        filled=filled,
        number=number,
        pages=_pages(page, number),
        export_query=urlencode({k: v for k, v in filled.items() if k not in ("sort", "order")}),
    )


def _pages(page: Page, number: int) -> int:
    """Pages to offer: all of them when the total is exact; else at least one past a full page."""
    pages = max(1, -(-page.total // PAGE))
    if not page.total_exact and len(page.items) == PAGE:
        pages = max(pages, number + 1)
    return pages


def evidence_sentences(conn, rows) -> dict[tuple[str, str], records.Evidence]:
    """The sentence around each event's first evidence span, so the table shows what the coding was read from."""
    documents, found = {}, {}
    for row in rows:
        if row.article_id not in documents:
            documents[row.article_id] = records.document(conn, row.article_id)
        document = documents[row.article_id]
        event = next((e for e in document.events if e.id == row.event_id), None) if document else None
        if event and event.evidence:
            found[(row.article_id, row.event_id)] = records.evidence(document, event.evidence[0])
    return found


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, conn: ConnDep, q: str = ""):
    q = q.strip()[:200].replace("\x00", "")
    page = list_rows(conn, parse_query("articles", q=q, sort="published", order="desc", limit=200))
    return _render(request, "articles.html", page=page, q=q)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, conn: ConnDep, article_id: str):
    document = records.document(conn, article_id)
    if document is None:
        raise HTTPException(404, f"no article {article_id!r}")
    names = {actor.id: actor.name for actor in document.actors}
    keys = records.actor_keys(conn, article_id)
    items = {}
    for actor in document.actors:
        items[f"actor-{actor.id}"] = {
            "kind": "actor",
            "title": actor.name,
            "href": f"/actors/{quote_path(keys.get(actor.id, actor.id), safe=':')}",
            "lines": [
                f"{actor.type}" + (f" · {actor.country}" if actor.country else ""),
                *[f"{r.title}" + (f" ({names.get(r.of, r.of)})" if r.of else "") for r in actor.roles],
                *(["aka " + ", ".join(actor.aliases)] if actor.aliases else []),
            ],
        }
    for event in document.events:
        items[f"event-{event.id}"] = {
            "kind": "event",
            "title": f"{event.type} · {event.status}",
            "href": f"/events/{document.article.id}/{event.id}",
            "lines": [
                f"source: {', '.join(names.get(i, i) for i in event.sources) or '—'}",
                f"target: {', '.join(names.get(i, i) for i in event.targets) or '—'}",
                *([f"mode: {event.mode}"] if event.mode else []),
                *([f"date: {event.date.value}"] if event.date and event.date.value else []),
                *([f"place: {event.place.name}"] if event.place else []),
                f"confidence: {event.confidence:.2f}",
            ],
        }
    for quote in document.quotes:
        items[f"quote-{quote.id}"] = {
            "kind": "quote",
            "title": f"Quote by {names.get(quote.speaker, quote.speaker) or 'unknown speaker'}",
            "href": f"/quotes/{document.article.id}/{quote.id}",
            "lines": [
                ("direct" if quote.direct else "indirect") + (f" · cue: {quote.cue}" if quote.cue else "")
            ],
        }
    for claim in document.claims:
        items[f"claim-{claim.id}"] = {
            "kind": "claim",
            "title": "Claim",
            "href": f"/claims/{document.article.id}/{claim.id}",
            "lines": [
                f"by {names.get(claim.attribution, claim.attribution)}"
                if claim.attribution
                else "unattributed"
            ],
        }
    for index, timex in enumerate(document.timexes):
        items[f"timex-T{index + 1}"] = {
            "kind": "timex",
            "title": f"{timex.type} {timex.value or ''}".strip(),
            "href": None,
            "lines": [timex.text],
        }
    return _render(
        request,
        "article.html",
        document=document,
        parts=highlight.article_parts(document),
        records=items,
        names=names,
        actor_key=lambda actor: keys.get(actor.id, actor.id),
        label=lambda ids: ", ".join(names.get(i, i) for i in ids) or "?",
    )


def _record(conn, article_id: str, kind: str, item_id: str):
    document = records.document(conn, article_id)
    items = (
        {"event": document.events, "quote": document.quotes, "claim": document.claims}[kind]
        if document
        else []
    )
    item = next((x for x in items if x.id == item_id), None)
    if item is None:
        raise HTTPException(404, f"no {kind} {item_id!r} in article {article_id!r}")
    return document, item


@router.get("/events/{article_id}/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, conn: ConnDep, article_id: str, event_id: str):
    document, event = _record(conn, article_id, "event", event_id)
    return _render(
        request,
        "record.html",
        kind="event",
        document=document,
        item=event,
        evidence=[records.evidence(document, span) for span in event.evidence],
        actor=document.actor,
        actor_key=_key_of(conn, document),
    )


@router.get("/clusters", response_class=HTMLResponse)
def clusters_page(
    request: Request, conn: ConnDep, type: str = "", offset: Annotated[int, QueryParam(ge=0, le=10**9)] = 0
):
    """Real-world events across articles, most-reported first within the page's order."""
    try:
        query = parse_query("clusters", type=type, limit=PAGE, offset=max(offset, 0))
    except QueryError as error:
        raise HTTPException(422, str(error)) from None
    return _render(
        request,
        "clusters.html",
        rows=list_rows(conn, query).items,
        type=type,
        offset=query.offset,
        page=PAGE,
    )


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, conn: ConnDep, cluster_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)]):
    """One real-world event: every report of it side by side, with its evidence sentence, status, date, place."""
    found = clusters(conn, parse_query("clusters"), ids=[cluster_id]).items
    if not found:
        raise HTTPException(404, f"no cluster {cluster_id} in the store")
    reports = []
    for member in cluster_members(conn, cluster_id):
        document = records.document(conn, member.article_id)
        event = next((e for e in document.events if e.id == member.event_id), None) if document else None
        spans = event.evidence if event else []
        reports.append((member, [records.evidence(document, span) for span in spans]))
    return _render(request, "cluster.html", cluster=found[0], reports=reports)


def _key_of(conn, document):
    """The template's `actor_key(actor)`: the actor's key across articles (its stored identity)."""
    keys = records.actor_keys(conn, document.article.id)
    return lambda actor: keys.get(actor.id, actor.id)


@router.get("/quotes/{article_id}/{quote_id}", response_class=HTMLResponse)
def quote_page(request: Request, conn: ConnDep, article_id: str, quote_id: str):
    document, quote = _record(conn, article_id, "quote", quote_id)
    return _render(
        request,
        "record.html",
        kind="quote",
        document=document,
        item=quote,
        evidence=[records.evidence(document, quote.evidence)],
        actor=document.actor,
        actor_key=_key_of(conn, document),
    )


@router.get("/claims/{article_id}/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, conn: ConnDep, article_id: str, claim_id: str):
    document, claim = _record(conn, article_id, "claim", claim_id)
    return _render(
        request,
        "record.html",
        kind="claim",
        document=document,
        item=claim,
        evidence=[records.evidence(document, claim.evidence)],
        actor=document.actor,
        actor_key=_key_of(conn, document),
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, conn: ConnDep, q: str = ""):
    q = q.strip()[:200].replace("\x00", "")
    page = list_rows(conn, parse_query("actors", q=q, limit=2000))
    grouped: dict[str, dict] = {}
    for row in page.items:
        entry = grouped.setdefault(
            row.key,
            {"name": row.name, "type": row.type, "country": row.country, "articles": set(), "mentions": 0},
        )
        entry["articles"].add(row.article_id)
        entry["mentions"] += row.mentions
    ordered = sorted(grouped.items(), key=lambda kv: (-kv[1]["mentions"], kv[1]["name"]))
    return _render(request, "actors.html", actors=ordered, q=q)


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, conn: ConnDep, key: str):
    profile = records.actor_page(conn, key)
    if profile is None:
        raise HTTPException(404, f"no actor {key!r}")
    type_counts: dict[str, int] = {}
    for event in profile.events:
        type_counts[event.type] = type_counts.get(event.type, 0) + 1
    return _render(
        request,
        "actor.html",
        profile=profile,
        timeline=charts.timeline(profile.events),
        nodes=charts.network(profile.network),
        type_counts=sorted(type_counts.items(), key=lambda kv: -kv[1]),
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, conn: ConnDep):
    query, form, errors = parse_filters(request.query_params)
    rows = list_rows(conn, replace(query, limit=20000, offset=0)).items
    points, per_country = charts.places(rows)
    most = max(per_country.values(), default=1)
    return _render(
        request,
        "map.html",
        world=charts.world(),
        points=points,
        per_country=per_country,
        most=most,
        located=sum(p.count for p in points),
        total=len(rows),
        form=form,
        errors=errors,
    )


SERIES_FIELDS = (
    "actor",
    "dyad",
    "country",
    "type",
    "quad",
    "status",
    "since",
    "until",
    "by",
    "min_confidence",
)


def _series(conn, params) -> tuple[dict[str, str], object, list[str]]:
    """The series for the page and its CSV, through the one event query (as `tacitus series`)."""
    from tacitus.analyst import compute

    form = {name: params.get(name, "").strip()[:200].replace("\x00", "") for name in SERIES_FIELDS}
    form["status"] = form["status"] or "occurred"
    form["by"] = form["by"] if form["by"] in ("day", "week", "month", "year") else "month"
    given = {k: v for k, v in form.items() if v and k not in ("by",)}
    if given.get("status") == "any":
        del given["status"]
    try:
        query = parse_query("events", given)
    except QueryError as error:
        return form, None, [f"{name}: {message}" for name, message in error.problems]
    series = compute(list_rows(conn, query).items, by=form["by"], filters=shown_filters(query))
    return form, series, []


def _period_href(row, by: str, query: dict[str, str]) -> str:
    """The events table for one bar: the same filters, since/until the period."""
    from datetime import date, timedelta

    start = date.fromisoformat(row.start)
    since, until = (
        (row.start, (start + timedelta(days=6)).isoformat()) if by == "week" else (row.period, row.period)
    )
    keep = {
        k: v for k, v in query.items() if k in ("actor", "country", "type", "status", "min_confidence") and v
    }
    if keep.get("status") == "any":
        del keep["status"]
    if query.get("dyad"):  # the same directed dyad, not a source and a target in any two roles
        keep["dyad"] = query["dyad"]
    return "/?" + urlencode({**keep, "since": since, "until": until})


@router.get("/series", response_class=HTMLResponse)
def series_page(request: Request, conn: ConnDep):
    from tacitus.events import load_ontology
    from tacitus.events.scales import QUADS

    form, series, errors = _series(conn, request.query_params)
    chart = (
        charts.series_chart(series.rows, lambda row: _period_href(row, form["by"], form)) if series else None
    )
    return _render(
        request,
        "series.html",
        status_code=422 if errors else 200,
        form=form,
        series=series,
        chart=chart,
        errors=errors,
        query=urlencode({k: v for k, v in form.items() if v}),
        types=sorted(load_ontology().types),
        quads=list(QUADS.values()),
        statuses=[
            "occurred",
            "any",
            *[s for s in records.facets(conn).get("statuses", []) if s != "occurred"],
        ],
        periods=["day", "week", "month", "year"],
    )


@router.get("/series.csv")
def series_csv(request: Request, conn: ConnDep):
    import io

    from fastapi.responses import Response

    from tacitus.analyst import SeriesRow
    from tacitus.store import write_rows

    _form, series, errors = _series(conn, request.query_params)
    if errors:
        raise HTTPException(422, "; ".join(errors))
    buffer = io.StringIO()
    write_rows(series.rows, "csv", buffer, row_type=SeriesRow)
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="series.csv"',
            "X-Tacitus-Series": series.describe().encode("ascii", "replace").decode(),
        },
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, conn: ConnDep, q: str = ""):
    q = q.strip()[:200].replace("\x00", "")
    results = {}
    if q:
        for kind in ("articles", "actors", "events", "quotes", "claims"):
            results[kind] = list_rows(conn, parse_query(kind, q=q, limit=20))
    return _render(request, "search.html", q=q, results=results)


@router.get("/submit", response_class=HTMLResponse)
def submit_page(request: Request):
    return _render(request, "submit.html", form={}, error=None)


@router.post("/submit", response_class=HTMLResponse)
def submit_form(
    request: Request,
    text: Annotated[str, Form(max_length=1_000_000)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    published: Annotated[str, Form(max_length=40)] = "",
    token: Annotated[str, Form(max_length=500)] = "",
):
    form = {"text": text, "url": url, "published": published}
    try:
        check_token(request.app.state.settings.api_token, token.strip() or None)
        if published and not re.match(ISO_DATE, published.strip()):
            raise HTTPException(422, f"published: '{published}' is not a date (YYYY-MM-DD)")
        if url.strip() and not re.match(r"^https?://\S+$", url.strip()):
            raise HTTPException(422, f"url: '{url}' is not an http(s) address")
        result = submit.submit(
            request.app.state.store, text, url=url.strip() or None, published=published.strip() or None
        )
    except HTTPException as error:
        return _render(request, "submit.html", status_code=error.status_code, form=form, error=error.detail)
    return RedirectResponse(f"/articles/{result.article_id}?submitted={result.status}", status_code=303)
