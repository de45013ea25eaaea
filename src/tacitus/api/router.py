"""The REST API under /api: routes take parameters, have them validated once (`tacitus.store.query`), call
the store's read model (`tacitus.store.queries`, `tacitus.store.records`) and turn what is missing or wrong
into HTTP errors; they hold no SQL of their own."""

from __future__ import annotations

import io
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from sqlalchemy.engine import Connection

from tacitus.api import schemas, submit
from tacitus.api.deps import ConnDep, require_token
from tacitus.api.schemas import Text
from tacitus.events.scales import QUADS
from tacitus.store import records, write_rows
from tacitus.store.cluster_queries import cluster_members, clusters
from tacitus.store.query import (
    ACTOR_TYPES,
    DIRECTIONS,
    REAL_DATE_PATTERN,
    SORTS,
    STATUSES,
    QueryError,
    event_modes,
    event_types,
    parse_query,
)
from tacitus.store.reading import list_rows
from tacitus.store.rows import ActorRow, ArticleRow, ClaimRow, EventRow, QuoteRow

router = APIRouter(prefix="/api")

MAX_PAGE = 1000
NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"  # refused by tacitus.api.inputs before any route; declared so
MAX_EXPORT = 200_000
Format = Literal["json", "csv", "jsonl", "parquet"]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}
EXPORTS = {
    200: {
        "content": {"text/csv": {}, "application/x-ndjson": {}, "application/vnd.apache.parquet": {}},
        "description": "A page as JSON, or every matching row (up to 200,000) as CSV, JSONL or Parquet",
    }
}
NOT_FOUND = {404: {"description": "No such record in the store"}}
ROW_TYPES = {
    "articles": ArticleRow,
    "actors": ActorRow,
    "events": EventRow,
    "quotes": QuoteRow,
    "claims": ClaimRow,
}


EventType = Literal[event_types()]
ActorTypeName = Literal[ACTOR_TYPES]
Status = Literal[STATUSES]
Mode = Literal[event_modes()]


def list_query(
    actor: Annotated[
        Text | None,
        Query(
            description="Actor key (as /api/actors/{key} and `tacitus actors` give it), id, KB id, or part "
            "of a name or alias"
        ),
    ] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3")] = None,
    since: Annotated[
        str | None, Query(pattern=REAL_DATE_PATTERN, description="From this date (YYYY, YYYY-MM, YYYY-MM-DD)")
    ] = None,
    until: Annotated[
        str | None,
        Query(pattern=REAL_DATE_PATTERN, description="Up to this date, inclusive of its month/year"),
    ] = None,
    q: Annotated[Text | None, Query(description="Text search (case-insensitive substring)")] = None,
    article: Annotated[Text | None, Query(description="One article id")] = None,
    order: Literal["asc", "desc"] = "asc",
    limit: Annotated[
        int | None, Query(ge=0, le=MAX_EXPORT, description=f"JSON pages hold at most {MAX_PAGE}")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> dict:
    return {
        "actor": actor,
        "country": country,
        "since": since,
        "until": until,
        "q": q,
        "article": article,
        "order": order,
        "limit": limit,
        "offset": offset,
    }


ListDep = Annotated[dict, Depends(list_query)]


def parsed(kind: str, given: dict):
    """The one validation of a list request (tacitus.store.query); its problems become a 422 naming each."""
    try:
        return parse_query(kind, given)
    except QueryError as error:
        raise RequestValidationError(
            [
                {"type": "value_error", "loc": ("query", name), "msg": message}
                for name, message in error.problems
            ]
        ) from None


def _respond(conn: Connection, kind: str, given: dict, fmt: str, page_model):
    if fmt == "json":
        limit = min(given["limit"] if given.get("limit") is not None else 50, MAX_PAGE)
        page = list_rows(conn, parsed(kind, {**given, "limit": limit}))
        return page_model(
            total=page.total,
            total_exact=page.total_exact,
            limit=limit,
            offset=given.get("offset", 0),
            items=page.items,
        )
    limit = min(given["limit"] if given.get("limit") is not None else MAX_EXPORT, MAX_EXPORT)
    page = list_rows(conn, parsed(kind, {**given, "limit": limit}))
    buffer = io.BytesIO()
    write_rows(page.items, fmt, buffer, row_type=ROW_TYPES[kind])
    return Response(
        buffer.getvalue(),
        media_type=MEDIA[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="tacitus-{kind}.{fmt}"',
            "X-Total-Count": str(page.total),
            "X-Total-Exact": "true" if page.total_exact else "false",
        },
    )


@router.get("/events", response_model=schemas.EventPage, responses=EXPORTS, tags=["events"])
def list_events(
    conn: ConnDep,
    common: ListDep,
    type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,
    status: Annotated[Status | None, Query(description="The event's status")] = None,
    quad: Annotated[
        Literal["1", "2", "3", "4", *QUADS.values()] | None,
        Query(description="Quad class, by number or name"),
    ] = None,
    mode: Annotated[Mode | None, Query(description="PLOVER mode of the type")] = None,
    source: Annotated[Text | None, Query(description="An actor among the event's sources")] = None,
    target: Annotated[Text | None, Query(description="An actor among the event's targets")] = None,
    dyad: Annotated[
        list[Text] | None,
        Query(
            max_length=2,
            min_length=2,
            description="Two actors: the first acting on the second, or either on the other with "
            "direction=either",
        ),
    ] = None,
    direction: Annotated[
        Literal[DIRECTIONS] | None, Query(description="Of the dyad: directed (default) or either")
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    sort: Literal[SORTS["events"]] = "date",
    format: Format = "json",
):
    """Events with their source and target actors, filtered, sorted and paged (or exported whole)."""
    given = {
        **common,
        "type": type,
        "status": status,
        "quad": quad,
        "mode": mode,
        "source": source,
        "target": target,
        "dyad": tuple(dyad) if dyad else None,
        "direction": direction,
        "min_confidence": min_confidence,
        "sort": sort,
    }
    return _respond(conn, "events", given, format, schemas.EventPage)


@router.get("/articles", response_model=schemas.ArticlePage, responses=EXPORTS, tags=["articles"])
def list_articles(
    conn: ConnDep,
    common: ListDep,
    type: Annotated[EventType | None, Query(description="Articles with an event of this type")] = None,
    sort: Literal[SORTS["articles"]] = "published",
    format: Format = "json",
):
    """Stored articles with how many actors, events, quotes and claims each holds."""
    return _respond(conn, "articles", {**common, "type": type, "sort": sort}, format, schemas.ArticlePage)


@router.get("/actors", response_model=schemas.ActorPage, responses=EXPORTS, tags=["actors"])
def list_actors(
    conn: ConnDep,
    common: ListDep,
    type: Annotated[ActorTypeName | None, Query()] = None,
    sort: Literal[SORTS["actors"]] = "published",
    format: Format = "json",
):
    """Actors as coded in each article (one row per article that names them), with their actor key."""
    return _respond(conn, "actors", {**common, "type": type, "sort": sort}, format, schemas.ActorPage)


@router.get("/quotes", response_model=schemas.QuotePage, responses=EXPORTS, tags=["quotes"])
def list_quotes(
    conn: ConnDep, common: ListDep, sort: Literal[SORTS["quotes"]] = "date", format: Format = "json"
):
    """Quotes with their speakers; `actor` filters by speaker."""
    return _respond(conn, "quotes", {**common, "sort": sort}, format, schemas.QuotePage)


@router.get("/claims", response_model=schemas.ClaimPage, responses=EXPORTS, tags=["claims"])
def list_claims(
    conn: ConnDep, common: ListDep, sort: Literal[SORTS["claims"]] = "published", format: Format = "json"
):
    """Claims (figures and statements of fact) with who made them; `actor` filters by attribution."""
    return _respond(conn, "claims", {**common, "sort": sort}, format, schemas.ClaimPage)


# -- single records -------------------------------------------------------------------------------------------


def _document(conn: Connection, article_id: str):
    document = records.document(conn, article_id)
    if document is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return document


def _article_ref(document) -> schemas.ArticleRef:
    a = document.article
    return schemas.ArticleRef(id=a.id, title=a.title, published=a.published, url=a.url)


def _actor_ref(document, keys: dict[str, str], actor_id: str | None) -> schemas.ActorRef | None:
    if actor_id is None:
        return None
    actor = document.actor(actor_id)
    if actor is None:
        return schemas.ActorRef(id=actor_id, name=actor_id, key=keys.get(actor_id, actor_id))
    return schemas.ActorRef(id=actor.id, name=actor.name, key=keys.get(actor.id, actor.id))


def _evidence(document, span, item_id: str) -> schemas.EvidenceOut:
    found = records.evidence(document, span)
    return schemas.EvidenceOut(
        start=found.start,
        end=found.end,
        part=found.part,
        text=found.text,
        sentence=found.sentence,
        view=f"/articles/{document.article.id}#{item_id}",
    )


@router.get(
    "/articles/{article_id}",
    tags=["articles"],
    response_model=None,
    responses={
        200: {
            "description": "The whole stored document (tacitus/document@1)",
            "content": {"application/json": {}},
        },
        **NOT_FOUND,
    },
)
def get_article(conn: ConnDep, article_id: str) -> Response:
    """The stored document exactly as it was saved."""
    return Response(_document(conn, article_id).to_json(), media_type="application/json")


@router.get(
    "/events/{article_id}/{event_id}",
    response_model=schemas.EventDetail,
    tags=["events"],
    responses=NOT_FOUND,
)
def get_event(conn: ConnDep, article_id: str, event_id: str):
    """One event with its actors and the sentences it was read from."""
    document = _document(conn, article_id)
    event = next((e for e in document.events if e.id == event_id), None)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r} in article {article_id!r}")
    keys = records.actor_keys(conn, article_id)
    return schemas.EventDetail(
        article=_article_ref(document),
        event=event,
        sources=[_actor_ref(document, keys, i) for i in event.sources],
        targets=[_actor_ref(document, keys, i) for i in event.targets],
        evidence=[_evidence(document, span, event.id) for span in event.evidence],
    )


@router.get(
    "/quotes/{article_id}/{quote_id}",
    response_model=schemas.QuoteDetail,
    tags=["quotes"],
    responses=NOT_FOUND,
)
def get_quote(conn: ConnDep, article_id: str, quote_id: str):
    document = _document(conn, article_id)
    quote = next((item for item in document.quotes if item.id == quote_id), None)
    if quote is None:
        raise HTTPException(404, f"no quote {quote_id!r} in article {article_id!r}")
    return schemas.QuoteDetail(
        article=_article_ref(document),
        quote=quote,
        speaker=_actor_ref(document, records.actor_keys(conn, article_id), quote.speaker),
        evidence=_evidence(document, quote.evidence, quote.id),
    )


@router.get(
    "/claims/{article_id}/{claim_id}",
    response_model=schemas.ClaimDetail,
    tags=["claims"],
    responses=NOT_FOUND,
)
def get_claim(conn: ConnDep, article_id: str, claim_id: str):
    document = _document(conn, article_id)
    claim = next((item for item in document.claims if item.id == claim_id), None)
    if claim is None:
        raise HTTPException(404, f"no claim {claim_id!r} in article {article_id!r}")
    return schemas.ClaimDetail(
        article=_article_ref(document),
        claim=claim,
        attribution=_actor_ref(document, records.actor_keys(conn, article_id), claim.attribution),
        evidence=_evidence(document, claim.evidence, claim.id),
    )


@router.get(
    "/actors/{key:path}", response_model=schemas.ActorProfileOut, tags=["actors"], responses=NOT_FOUND
)
def get_actor(conn: ConnDep, key: str):
    """One actor across every article: aliases, roles over time, events, quotes and counterparts."""
    profile = records.actor_page(conn, key)
    if profile is None:
        raise HTTPException(404, f"no actor {key!r} in the store")
    return schemas.ActorProfileOut(
        key=profile.key,
        name=profile.name,
        types=profile.types,
        countries=profile.countries,
        aliases=profile.aliases,
        sectors=profile.sectors,
        roles=[schemas.RoleOut(**vars(role)) for role in profile.roles],
        articles=[schemas.ArticleRef(id=i, published=p, title=t, url=None) for i, p, t in profile.articles],
        events=profile.events,
        quotes=profile.quotes,
        network=[
            schemas.CounterpartOut(
                key=c.key, name=c.name, as_source=c.as_source, as_target=c.as_target, types=c.types
            )
            for c in profile.network
        ],
    )


@router.get("/clusters", response_model=schemas.ClusterPage, tags=["events"])
def list_clusters(
    conn: ConnDep,
    actor: Annotated[
        Text | None, Query(description="Actor key, id or part of a name or alias, in any report")
    ] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3")] = None,
    since: Annotated[
        str | None, Query(pattern=REAL_DATE_PATTERN, description="Latest report date from this date")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=REAL_DATE_PATTERN, description="Earliest report date up to this date")
    ] = None,
    type: Annotated[EventType | None, Query(description="PLOVER type")] = None,
    status: Annotated[Status | None, Query(description="The majority status")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
):
    """Real-world events across articles: one row per cluster with its number of independent sources."""
    given = {"actor": actor, "country": country, "since": since, "until": until, "type": type}
    query = parsed("clusters", {**given, "status": status, "limit": limit, "offset": offset})
    return schemas.ClusterPage(limit=limit, offset=offset, items=list_rows(conn, query).items)


@router.get(
    "/clusters/{cluster_id}", response_model=schemas.ClusterDetail, tags=["events"], responses=NOT_FOUND
)
def get_cluster(conn: ConnDep, cluster_id: Annotated[int, Path(ge=1, le=2**31 - 1)]):
    """One real-world event with every report of it: article, URLs, evidence, status, date, place."""
    found = clusters(conn, parse_query("clusters"), ids=[cluster_id]).items
    if not found:
        raise HTTPException(404, f"no cluster {cluster_id} in the store")
    return schemas.ClusterDetail(cluster=found[0], reports=cluster_members(conn, cluster_id))


@router.get("/stats", response_model=schemas.Stats, tags=["store"])
def get_stats(conn: ConnDep):
    """How many articles, actors, events, quotes and claims are stored."""
    return records.stats(conn)


@router.post(
    "/articles",
    response_model=schemas.SubmitResult,
    status_code=201,
    tags=["articles"],
    dependencies=[Depends(require_token)],
    responses={
        200: {"model": schemas.SubmitResult, "description": "Already stored (duplicate)"},
        400: {"description": "The body is not JSON"},
        401: {"description": "Missing or wrong API token"},
        403: {"description": "The server is read-only (started without a token)"},
        413: {"description": "Request body too large"},
        422: {"description": "The input cannot be read as an article"},
    },
)
def post_article(request: Request, body: schemas.ArticleIn, response: Response):
    """Extract an article (text, HTML or a URL to fetch) and store it; needs the API token."""
    result = submit.submit(request.app.state.store, body.text, url=body.url, published=body.published)
    if result.status == "duplicate":
        response.status_code = 200
    return result
