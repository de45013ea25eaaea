"""The web pages: each route gathers data through `tacitus.api.service` and renders one template.

Query parameters are checked here as in the API, but a bad one re-renders the page with a message (status 422)
instead of a JSON error, so a mistyped date in the filter form does not lose the form.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from tacitus.api import service, submit
from tacitus.api.deps import ConnDep, check_token
from tacitus.api.schemas import ISO_DATE
from tacitus.web import charts, highlight
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


def parse_filters(params) -> tuple[service.ListQuery, dict[str, str], list[str]]:
    """The events-table filters from the query string: (query, the values to refill the form, errors)."""
    given = {name: params.get(name, "").strip() for name in FILTERS}
    errors = []
    for name in ("since", "until"):
        if given[name] and not re.match(ISO_DATE, given[name]):
            errors.append(f"{name}: '{given[name]}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            given[name] = ""
    if given["country"] and not re.fullmatch(r"[A-Za-z]{3}", given["country"]):
        errors.append(f"country: '{given['country']}' is not an ISO alpha-3 code such as RUS")
        given["country"] = ""
    confidence = None
    if given["min_confidence"]:
        try:
            confidence = float(given["min_confidence"])
            if not 0 <= confidence <= 1:
                raise ValueError
        except ValueError:
            errors.append(f"min_confidence: '{given['min_confidence']}' is not a number from 0 to 1")
            given["min_confidence"], confidence = "", None
    if given["sort"] and given["sort"] not in service.EVENT_SORTS:
        errors.append(f"sort: use one of {', '.join(service.EVENT_SORTS)}")
        given["sort"] = ""
    page = params.get("page", "1")
    page = int(page) if page.isdigit() and 0 < int(page) < 10**6 else 1
    for name, value in given.items():
        if len(value) > 200 or "\x00" in value:
            errors.append(f"{name}: too long or not text")
            given[name] = ""
    query = service.ListQuery(
        actor=given["actor"] or None,
        source=given["source"] or None,
        target=given["target"] or None,
        type=given["type"] or None,
        status=given["status"] or None,
        country=given["country"].upper() or None,
        since=given["since"] or None,
        until=given["until"] or None,
        q=given["q"] or None,
        article=given["article"] or None,
        min_confidence=confidence,
        sort=given["sort"] or "date",
        order="desc" if given["order"] == "desc" else "asc",
        limit=PAGE,
        offset=(page - 1) * PAGE,
    )
    return query, given, errors


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, conn: ConnDep):
    query, form, errors = parse_filters(request.query_params)
    page = service.events(conn, query)
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
        facets=service.facets(conn),
        filled=filled,
        number=number,
        pages=_pages(page, number),
        export_query=urlencode({k: v for k, v in filled.items() if k not in ("sort", "order")}),
    )


def _pages(page: service.Page, number: int) -> int:
    """Pages to offer: all of them when the total is exact; else at least one past a full page."""
    pages = max(1, -(-page.total // PAGE))
    if not page.total_exact and len(page.items) == PAGE:
        pages = max(pages, number + 1)
    return pages


def evidence_sentences(conn, rows) -> dict[tuple[str, str], service.Evidence]:
    """The sentence around each event's first evidence span, so the table shows what the coding was read from."""
    documents, found = {}, {}
    for row in rows:
        if row.article_id not in documents:
            documents[row.article_id] = service.document(conn, row.article_id)
        document = documents[row.article_id]
        event = next((e for e in document.events if e.id == row.event_id), None) if document else None
        if event and event.evidence:
            found[(row.article_id, row.event_id)] = service.evidence(document, event.evidence[0])
    return found


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, conn: ConnDep, q: str = ""):
    page = service.articles(
        conn, service.ListQuery(q=q[:200] or None, sort="published", order="desc", limit=200)
    )
    return _render(request, "articles.html", page=page, q=q)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, conn: ConnDep, article_id: str):
    document = service.document(conn, article_id)
    if document is None:
        raise HTTPException(404, f"no article {article_id!r}")
    names = {actor.id: actor.name for actor in document.actors}
    records = {}
    for actor in document.actors:
        records[f"actor-{actor.id}"] = {
            "kind": "actor",
            "title": actor.name,
            "href": f"/actors/{service.actor_key(actor)}",
            "lines": [
                f"{actor.type}" + (f" · {actor.country}" if actor.country else ""),
                *[f"{r.title}" + (f" ({names.get(r.of, r.of)})" if r.of else "") for r in actor.roles],
                *(["aka " + ", ".join(actor.aliases)] if actor.aliases else []),
            ],
        }
    for event in document.events:
        records[f"event-{event.id}"] = {
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
        records[f"quote-{quote.id}"] = {
            "kind": "quote",
            "title": f"Quote by {names.get(quote.speaker, quote.speaker) or 'unknown speaker'}",
            "href": f"/quotes/{document.article.id}/{quote.id}",
            "lines": [
                ("direct" if quote.direct else "indirect") + (f" · cue: {quote.cue}" if quote.cue else "")
            ],
        }
    for claim in document.claims:
        records[f"claim-{claim.id}"] = {
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
        records[f"timex-T{index + 1}"] = {
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
        records=records,
        names=names,
        actor_key=service.actor_key,
        label=lambda ids: ", ".join(names.get(i, i) for i in ids) or "?",
    )


def _record(conn, article_id: str, kind: str, item_id: str):
    document = service.document(conn, article_id)
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
        evidence=[service.evidence(document, span) for span in event.evidence],
        actor=document.actor,
        actor_key=service.actor_key,
    )


@router.get("/clusters", response_class=HTMLResponse)
def clusters_page(
    request: Request, conn: ConnDep, type: str = "", offset: Annotated[int, Query(ge=0, le=10**9)] = 0
):
    """Real-world events across articles, most-reported first within the page's order."""
    from tacitus.store import queries

    filters = queries.Filters(type=type or None, limit=PAGE, offset=max(offset, 0))
    return _render(
        request,
        "clusters.html",
        rows=queries.clusters(conn, filters),
        type=type,
        offset=filters.offset,
        page=PAGE,
    )


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, conn: ConnDep, cluster_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)]):
    """One real-world event: every report of it side by side, with its evidence sentence, status, date, place."""
    from tacitus.store import queries

    found = queries.clusters(conn, queries.Filters(), ids=[cluster_id])
    if not found:
        raise HTTPException(404, f"no cluster {cluster_id} in the store")
    reports = []
    for member in queries.cluster_members(conn, cluster_id):
        document = service.document(conn, member.article_id)
        event = next((e for e in document.events if e.id == member.event_id), None) if document else None
        spans = event.evidence if event else []
        reports.append((member, [service.evidence(document, span) for span in spans]))
    return _render(request, "cluster.html", cluster=found[0], reports=reports)


@router.get("/quotes/{article_id}/{quote_id}", response_class=HTMLResponse)
def quote_page(request: Request, conn: ConnDep, article_id: str, quote_id: str):
    document, quote = _record(conn, article_id, "quote", quote_id)
    return _render(
        request,
        "record.html",
        kind="quote",
        document=document,
        item=quote,
        evidence=[service.evidence(document, quote.evidence)],
        actor=document.actor,
        actor_key=service.actor_key,
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
        evidence=[service.evidence(document, claim.evidence)],
        actor=document.actor,
        actor_key=service.actor_key,
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, conn: ConnDep, q: str = ""):
    page = service.actors(conn, service.ListQuery(q=q[:200] or None, limit=2000))
    grouped: dict[str, dict] = {}
    for row in page.items:
        entry = grouped.setdefault(
            service.actor_key(row),
            {"name": row.name, "type": row.type, "country": row.country, "articles": set(), "mentions": 0},
        )
        entry["articles"].add(row.article_id)
        entry["mentions"] += row.mentions
    ordered = sorted(grouped.items(), key=lambda kv: (-kv[1]["mentions"], kv[1]["name"]))
    return _render(request, "actors.html", actors=ordered, q=q)


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, conn: ConnDep, key: str):
    profile = service.actor_profile(conn, key)
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
    rows = service.events(conn, replace(query, limit=20000, offset=0)).items
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
    """The series for the page and its CSV, through the store's own event filters (tacitus.store.queries)."""
    from tacitus.analyst import compute
    from tacitus.store import queries

    form = {name: params.get(name, "").strip()[:200].replace("\x00", "") for name in SERIES_FIELDS}
    form["status"] = form["status"] or "occurred"
    form["by"] = form["by"] if form["by"] in ("day", "week", "month", "year") else "month"
    given = {k: v for k, v in form.items() if v and k not in ("by",)}
    if given.get("status") == "any":
        del given["status"]
    try:
        filters = queries.parse_filters("events", given)
        series = compute(
            queries.events(conn, filters),
            by=form["by"],
            filters={k: v for k, v in vars(filters).items() if v is not None and k != "offset"},
        )
    except (ValueError, TypeError) as error:
        return form, None, [str(error)]
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
    if ":" in query.get("dyad", ""):
        keep["source"], keep["target"] = (part.strip() for part in query["dyad"].split(":", 1))
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
            *[s for s in service.facets(conn).get("statuses", []) if s != "occurred"],
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
        query = service.ListQuery(q=q, limit=20)
        for kind in ("articles", "actors", "events", "quotes", "claims"):
            results[kind] = service.LISTS[kind](conn, query)
    return _render(request, "search.html", q=q, results=results, actor_key=service.actor_key)


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
