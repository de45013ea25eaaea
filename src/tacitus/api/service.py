"""The queries the API and the web pages need beyond `Store`'s list filters: dyads, text search, sorting,
totals for pagination, single records with their evidence, and an actor's page across articles.

Everything is SQLAlchemy Core on the store's own tables with bound parameters (never string-built SQL), so it
runs unchanged on SQLite and PostgreSQL. Rows come back as the store's row types, so exports go through the
store's `write_rows` and print the same columns as `tacitus events --format csv`.

An actor is stored once per article; across articles it is one "actor key": its knowledge-base id when the
actor stage coded one, else its name (matched case-insensitively), so the actor page gathers every article
that names it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Select, and_, exists, func, literal, or_, select, tuple_
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from tacitus.contract import Document, Span
from tacitus.store import schema
from tacitus.store.queries import (
    event_has_actor,
    event_in_country,
    event_in_dyad,
    story_sources,
)
from tacitus.store.rows import ActorRow, ArticleRow, ClaimRow, EventRow, QuoteRow, join
from tacitus.store.words import like

Kind = Literal["articles", "actors", "events", "quotes", "claims"]
EVENT_SORTS = ("date", "type", "status", "confidence", "published", "article")
ARTICLE_SORTS = ("published", "title", "ingested", "events")
ITEM_SORTS = ("date", "published", "article")


@dataclass(frozen=True, kw_only=True)
class ListQuery:
    """One list request, already validated by the router (types, date and country patterns, ranges)."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    article: str | None = None
    min_confidence: float | None = None
    sort: str = "date"
    order: Literal["asc", "desc"] = "asc"
    limit: int | None = 50
    offset: int = 0


# Counting every match of a broad filter over a million events costs more than finding the page itself, so a
# count stops here, or once the page and the count have taken COUNT_TIME_MS: `total` is then a lower bound
# and `total_exact` false ("1000+", or "50+" when the count ran out of time).
COUNT_LIMIT = 1_000
COUNT_TIME_MS = int(os.environ.get("TACITUS_COUNT_TIME_MS", "10"))


@dataclass(frozen=True)
class Page:
    total: int
    items: list
    total_exact: bool = True


def engine_of(store) -> Engine:
    return store.engine


# -- shared conditions ---------------------------------------------------------------------------------------


def _actor_match(actor_id_column, article_id_column, value: str):
    """An actor reference (id, actor key, or part of a name or alias) used by the item in that article."""
    ac = schema.actors.alias("named")  # an alias: the outer query may join `actors` itself
    named = select(literal(1)).where(
        ac.c.article_id == article_id_column,
        ac.c.actor_id == actor_id_column,
        or_(ac.c.kb_id == value, like(ac.c.search, value)),
    )
    return or_(actor_id_column == value, exists(named))


def _date_range(column, query: ListQuery) -> list:
    conditions = []
    if query.since:
        conditions.append(column >= query.since)
    if query.until:
        conditions.append(func.substr(column, 1, len(query.until)) <= query.until)
    return conditions


def _dyad(first: str, second: str):
    """The event has one actor on its source side and the other on its target side, in either direction."""
    return or_(event_in_dyad(first, second), event_in_dyad(second, first))


def _finish(conn: Connection, base: Select, order: list, query: ListQuery) -> tuple[int, list]:
    return count_matches(conn, base), _paged(base, order, query)


def _paged(base: Select, order: list, query: ListQuery) -> Select:
    paged = base.order_by(*order)
    if query.limit is not None:
        paged = paged.limit(query.limit)
    if query.offset:
        paged = paged.offset(query.offset)
    return paged


def count_matches(
    conn: Connection, base: Select, limit: int | None = None, milliseconds: float | None = None
) -> int | None:
    """How many rows `base` selects, counting no further than `limit` + 1 (more than `limit` means "limit+");
    None when counting takes longer than COUNT_TIME_MS (a broad substring filter on a large store), as
    Datasette does: the page is still served, with a lower bound for its total."""
    limit = COUNT_LIMIT if limit is None else limit
    bounded = base.with_only_columns(literal(1), maintain_column_froms=True).limit(limit + 1).subquery()
    return time_limited(
        conn,
        select(func.count()).select_from(bounded),
        COUNT_TIME_MS if milliseconds is None else milliseconds,
    )


def time_limited(conn: Connection, statement, milliseconds: int):
    """The scalar `statement` gives, or None when it runs longer than `milliseconds` (then it is stopped)."""
    if conn.dialect.name == "postgresql":
        # SET LOCAL lasts to the end of the read transaction: reset it after. A cancelled statement aborts the
        # transaction, which only reads: roll it back (the next statement begins a new one).
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(milliseconds)}")
        try:
            value = conn.execute(statement).scalar()
        except OperationalError as error:
            conn.rollback()
            if "statement timeout" in str(error) or "canceling statement" in str(error):
                return None
            raise
        conn.exec_driver_sql("SET LOCAL statement_timeout = DEFAULT")
        return value
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        deadline = time.perf_counter() + milliseconds / 1000
        raw.set_progress_handler(lambda: int(time.perf_counter() > deadline), 2000)
        try:
            return conn.execute(statement).scalar()
        except OperationalError as error:
            if "interrupted" in str(error):
                return None
            raise
        finally:
            raw.set_progress_handler(None, 0)
    return conn.execute(statement).scalar()


def _page(total: int | None, offset: int, items: list, *, known: bool = False) -> Page:
    """A page whose `total` came from `count_matches` (capped, or None when counting ran out of time), or is
    `known` exactly some other way."""
    if known:
        return Page(total, items)
    if total is None:  # at least what this page shows, and more
        return Page(offset + len(items), items, total_exact=False)
    return Page(min(total, COUNT_LIMIT), items, total_exact=total <= COUNT_LIMIT)


def _ordered(column, query: ListQuery):
    """The sort; NULLS LAST only where the column can be null, so an index on a NOT NULL column serves it."""
    ordered = column.desc() if query.order == "desc" else column.asc()
    return ordered.nulls_last() if getattr(column, "nullable", True) else ordered


def _event_order(column, query: ListQuery) -> list:
    """(column, article, position), ascending; descending is the exact reverse (nulls first), so one index on
    those three columns serves both directions (read backwards)."""
    e = schema.events
    if query.order != "desc":
        return [_ordered(column, query), e.c.article_id, e.c.position]
    first = column.desc().nulls_first() if getattr(column, "nullable", True) else column.desc()
    return [first, e.c.article_id.desc(), e.c.position.desc()]


# -- events --------------------------------------------------------------------------------------------------


def events(conn: Connection, query: ListQuery) -> Page:
    e, a = schema.events, schema.articles
    conditions = []
    if query.article:
        conditions.append(e.c.article_id == query.article)
    if query.type:
        conditions.append(e.c.type == query.type.upper())
    if query.status:
        conditions.append(e.c.status == query.status.lower())
    if query.min_confidence is not None:
        conditions.append(e.c.confidence >= query.min_confidence)
    if query.actor:
        conditions.append(event_has_actor(None, query.actor))
    if query.source:
        conditions.append(event_has_actor("source", query.source))
    if query.target:
        conditions.append(event_has_actor("target", query.target))
    if query.dyad:
        conditions.append(_dyad(*query.dyad))
    if query.country:
        conditions.append(event_in_country(query.country))
    if query.q:
        conditions.append(or_(like(e.c.evidence, query.q), like(e.c.type, query.q), like(e.c.place, query.q)))
    conditions += _date_range(e.c.date_key, query)
    column = {
        "date": e.c.date_key,
        "type": e.c.type,
        "status": e.c.status,
        "confidence": e.c.confidence,
        "published": a.c.published,
        "article": e.c.article_id,
    }[query.sort if query.sort in EVENT_SORTS else "date"]
    # Every condition is on `events` alone (its actors are copied into it), so neither the count nor the page
    # joins another table unless the sort needs the article's date. The page is chosen on the keys, then its
    # whole rows are joined to it, in one statement: sorting narrow rows to skip most of them is much cheaper
    # than sorting them with their text.
    keyed = select(e.c.article_id, e.c.event_id).where(*conditions)
    if column is a.c.published:
        keyed = keyed.join(a, a.c.id == e.c.article_id)
    order = _event_order(column, query)
    page_keys = _paged(keyed, order, query).subquery("page")
    started = time.perf_counter()
    found = conn.execute(
        select(e, a.c.published)
        .join(page_keys, and_(page_keys.c.article_id == e.c.article_id, page_keys.c.event_id == e.c.event_id))
        .join(a, a.c.id == e.c.article_id)
        .order_by(*order)
    ).all()
    known = (found or not query.offset) and query.limit is not None and len(found) < query.limit
    # On the last page the count is known without counting; otherwise counting gets what the page left of the
    # time budget.
    left = COUNT_TIME_MS - (time.perf_counter() - started) * 1000
    total = (
        query.offset + len(found)
        if known
        else (count_matches(conn, keyed, milliseconds=left) if left >= 2 else None)
    )
    return _page(total, query.offset, event_rows(conn, found) if found else [], known=known)


def _chunked(keys: list, size: int = 500):
    """Pieces of at most `size` keys, under SQLite's bound-parameter limit for an export's many rows."""
    for start in range(0, len(keys), size):
        yield keys[start : start + size]


def _pairs_superset(conn: Connection, table, pairs: set[tuple[str, str]]):
    """The rows of these (article_id, event_id) pairs, or a few more; the caller keeps the exact pairs.

    PostgreSQL looks up a list of row values through the primary key; SQLite does not, so there it is
    `article_id IN (…) AND event_id IN (…)`, which its primary key serves."""
    if conn.dialect.name == "postgresql":
        return tuple_(table.c.article_id, table.c.event_id).in_(sorted(pairs))
    return and_(
        table.c.article_id.in_(sorted({a for a, _ in pairs})),
        table.c.event_id.in_(sorted({e for _, e in pairs})),
    )


def event_rows(conn: Connection, found) -> list[EventRow]:
    """Store rows of `events` (plus `published`) to EventRows with their actors' names, in one more query."""
    links = _event_links(conn, {(r.article_id, r.event_id) for r in found})
    rows = []
    for r in found:
        parties = links.get((r.article_id, r.event_id), {})
        sources, targets = parties.get("source", []), parties.get("target", [])
        rows.append(
            EventRow(
                article_id=r.article_id,
                event_id=r.event_id,
                type=r.type,
                mode=r.mode,
                context=r.context,
                status=r.status,
                date=r.date_value,
                date_text=r.date_text,
                source_ids=join(p[0] for p in sources),
                source_names=join(p[1] for p in sources),
                source_countries=join(dict.fromkeys(p[2] for p in sources if p[2])),
                target_ids=join(p[0] for p in targets),
                target_names=join(p[1] for p in targets),
                target_countries=join(dict.fromkeys(p[2] for p in targets if p[2])),
                place=r.place,
                place_country=r.place_country,
                lat=r.lat,
                lon=r.lon,
                attribution=r.attribution,
                confidence=r.confidence,
                evidence=r.evidence,
                rule=r.rule,
                published=r.published,
            )
        )
    return rows


def _event_links(conn: Connection, keys: set[tuple[str, str]]) -> dict:
    if not keys:
        return {}
    ea, ac = schema.event_actors, schema.actors
    links: dict = {}
    for chunk in _chunked(sorted(keys)):
        wanted = set(chunk)
        result = conn.execute(
            select(ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.actor_id, ac.c.name, ac.c.country)
            .outerjoin(ac, and_(ac.c.article_id == ea.c.article_id, ac.c.actor_id == ea.c.actor_id))
            .where(_pairs_superset(conn, ea, wanted))
            .order_by(ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.position)
        )
        for r in result:
            if (r.article_id, r.event_id) in wanted:
                links.setdefault((r.article_id, r.event_id), {}).setdefault(r.role, []).append(
                    (r.actor_id, r.name or r.actor_id, r.country)
                )
    return links


# -- articles, actors, quotes, claims -------------------------------------------------------------------------


def _count(table, article_id):
    return select(func.count()).select_from(table).where(table.c.article_id == article_id).scalar_subquery()


def articles(conn: Connection, query: ListQuery) -> Page:
    a, ac, e = schema.articles, schema.actors, schema.events
    n_events = _count(e, a.c.id)
    base = select(
        a.c.id,
        a.c.published,
        a.c.title,
        a.c.source,
        a.c.url,
        a.c.language,
        a.c.author,
        _count(ac, a.c.id).label("n_actors"),
        n_events.label("n_events"),
        _count(schema.quotes, a.c.id).label("n_quotes"),
        _count(schema.claims, a.c.id).label("n_claims"),
        a.c.warnings,
        a.c.ingested_at,
    )
    conditions = []
    if query.article:
        conditions.append(a.c.id == query.article)
    if query.actor:
        conditions.append(
            exists().where(ac.c.article_id == a.c.id, _actor_match(ac.c.actor_id, a.c.id, query.actor))
        )
    if query.country:
        conditions.append(exists().where(ac.c.article_id == a.c.id, ac.c.country == query.country))
    if query.type:
        conditions.append(exists().where(e.c.article_id == a.c.id, e.c.type == query.type.upper()))
    if query.q:
        conditions.append(or_(like(a.c.title, query.q), like(a.c.document, query.q)))
    conditions += _date_range(a.c.published, query)
    column = {
        "published": a.c.published,
        "title": a.c.title,
        "ingested": a.c.ingested_at,
        "events": n_events,
    }.get(query.sort, a.c.published)
    total, paged = _finish(conn, base.where(*conditions), [_ordered(column, query), a.c.id], query)
    found = conn.execute(paged).all()
    sources = story_sources(conn, [r.id for r in found])
    return _page(
        total,
        query.offset,
        [
            ArticleRow(
                article_id=r.id,
                published=r.published,
                title=r.title,
                source=r.source,
                url=r.url,
                n_sources=max(len(sources.get(r.id, [])), 1),
                sources=join(s.url for s in sources.get(r.id, [])) or r.url,
                language=r.language,
                author=r.author,
                actors=r.n_actors,
                events=r.n_events,
                quotes=r.n_quotes,
                claims=r.n_claims,
                warnings=r.warnings,
                ingested_at=r.ingested_at.isoformat(timespec="seconds"),
            )
            for r in found
        ],
    )


def actors(conn: Connection, query: ListQuery) -> Page:
    a, ac = schema.articles, schema.actors
    base = select(ac, a.c.published).join(a, a.c.id == ac.c.article_id)
    conditions = []
    if query.article:
        conditions.append(ac.c.article_id == query.article)
    if query.actor or query.q:
        value = query.actor or query.q
        conditions.append(or_(ac.c.actor_id == value, ac.c.kb_id == value, like(ac.c.search, value)))
    if query.type:
        conditions.append(ac.c.type == query.type.lower())
    if query.country:
        conditions.append(ac.c.country == query.country)
    conditions += _date_range(a.c.published, query)
    column = {"published": a.c.published, "article": ac.c.article_id}.get(query.sort, a.c.published)
    order = [_ordered(column, query), ac.c.article_id, ac.c.position]
    total, paged = _finish(conn, base.where(*conditions), order, query)
    return _page(
        total,
        query.offset,
        [
            ActorRow(
                article_id=r.article_id,
                actor_id=r.actor_id,
                name=r.name,
                type=r.type,
                country=r.country,
                aliases=r.aliases,
                sector=r.sector,
                roles=r.roles,
                kb_id=r.kb_id,
                mentions=r.mentions,
                published=r.published,
            )
            for r in conn.execute(paged)
        ],
    )


def quotes(conn: Connection, query: ListQuery) -> Page:
    a, ac, q = schema.articles, schema.actors, schema.quotes
    base = (
        select(q, ac.c.name.label("speaker_name"), a.c.published)
        .join(a, a.c.id == q.c.article_id)
        .outerjoin(ac, and_(ac.c.article_id == q.c.article_id, ac.c.actor_id == q.c.speaker))
    )
    conditions = _attributed(q, q.c.speaker, query, q.c.date_key)
    column = {"published": a.c.published, "article": q.c.article_id}.get(query.sort, q.c.date_key)
    total, paged = _finish(
        conn, base.where(*conditions), [_ordered(column, query), q.c.article_id, q.c.position], query
    )
    return _page(
        total,
        query.offset,
        [
            QuoteRow(
                article_id=r.article_id,
                quote_id=r.quote_id,
                speaker_id=r.speaker,
                speaker=r.speaker_name or r.speaker,
                text=r.text,
                direct=r.direct,
                cue=r.cue,
                medium=r.medium,
                date=r.date_value,
                start=r.start,
                end=r.end,
                part=r.part,
                published=r.published,
            )
            for r in conn.execute(paged)
        ],
    )


def claims(conn: Connection, query: ListQuery) -> Page:
    a, ac, c = schema.articles, schema.actors, schema.claims
    base = (
        select(c, ac.c.name.label("attribution_name"), a.c.published)
        .join(a, a.c.id == c.c.article_id)
        .outerjoin(ac, and_(ac.c.article_id == c.c.article_id, ac.c.actor_id == c.c.attribution))
    )
    conditions = _attributed(c, c.c.attribution, query, a.c.published)
    column = {"article": c.c.article_id}.get(query.sort, a.c.published)
    total, paged = _finish(
        conn, base.where(*conditions), [_ordered(column, query), c.c.article_id, c.c.position], query
    )
    return _page(
        total,
        query.offset,
        [
            ClaimRow(
                article_id=r.article_id,
                claim_id=r.claim_id,
                text=r.text,
                value=r.value,
                qualifier=r.qualifier,
                unit=r.unit,
                attribution_id=r.attribution,
                attribution=r.attribution_name or r.attribution,
                start=r.start,
                end=r.end,
                part=r.part,
                published=r.published,
            )
            for r in conn.execute(paged)
        ],
    )


def _attributed(table, actor_column, query: ListQuery, date_column) -> list:
    conditions = []
    if query.article:
        conditions.append(table.c.article_id == query.article)
    if query.actor:
        conditions.append(_actor_match(actor_column, table.c.article_id, query.actor))
    if query.country:
        ac = schema.actors.alias("said_by")
        conditions.append(
            exists().where(
                ac.c.article_id == table.c.article_id,
                ac.c.actor_id == actor_column,
                ac.c.country == query.country,
            )
        )
    if query.q:
        conditions.append(like(table.c.text, query.q))
    return conditions + _date_range(date_column, query)


LISTS = {"articles": articles, "actors": actors, "events": events, "quotes": quotes, "claims": claims}


# -- single records with their evidence ----------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """A span with its text and the whole sentence around it, so a reader sees the context."""

    start: int
    end: int
    part: str | None
    text: str
    sentence: str
    sentence_start: int


def part_text(document: Document, part: str | None) -> str:
    if part and part.startswith("caption:"):
        index = int(part.split(":", 1)[1]) if part.split(":", 1)[1].isdigit() else -1
        captions = document.article.captions
        return captions[index].text if 0 <= index < len(captions) else ""
    return document.article.text


def evidence(document: Document, span: Span) -> Evidence:
    text = part_text(document, span.part)
    start, end = max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))
    sentence = next((s for s in document.sentences if s.part == span.part and s.start <= start < s.end), None)
    s_start, s_end = (sentence.start, max(sentence.end, end)) if sentence else (start, end)
    return Evidence(start, end, span.part, span.text or text[start:end], text[s_start:s_end], s_start)


def document(conn: Connection, article_id: str) -> Document | None:
    stored = conn.execute(
        select(schema.articles.c.document).where(schema.articles.c.id == article_id)
    ).scalar()
    return Document.from_json(stored) if stored is not None else None


def actor_key(actor) -> str:
    """The cross-article key of an actor (a contract Actor or an ActorRow)."""
    return actor.kb_id or actor.name


# -- an actor's page ------------------------------------------------------------------------------------------


@dataclass
class RoleSpan:
    title: str
    of: str | None
    first: str | None
    last: str | None
    articles: int


@dataclass
class Counterpart:
    key: str
    name: str
    as_source: int = 0  # events where the counterpart acted on this actor
    as_target: int = 0  # events where this actor acted on the counterpart
    types: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.as_source + self.as_target


@dataclass
class ActorProfile:
    key: str
    name: str
    types: list[str]
    countries: list[str]
    aliases: list[str]
    sectors: list[str]
    roles: list[RoleSpan]
    articles: list[tuple[str, str | None, str | None]]  # (article id, published, title)
    events: list[EventRow]
    quotes: list[QuoteRow]
    network: list[Counterpart]


def _key_condition(key: str):
    ac = schema.actors
    return or_(ac.c.kb_id == key, func.lower(ac.c.name) == key.casefold())


def actor_profile(conn: Connection, key: str, *, max_events: int = 2000) -> ActorProfile | None:
    """Everything the actor page shows, from every article that names the actor."""
    a, ac, e, ea, q = schema.articles, schema.actors, schema.events, schema.event_actors, schema.quotes
    mentions = conn.execute(
        select(ac, a.c.published, a.c.title, a.c.document)
        .join(a, a.c.id == ac.c.article_id)
        .where(_key_condition(key))
        .order_by(a.c.published.asc().nulls_last(), ac.c.article_id)
    ).all()
    if not mentions:
        return None
    ids = {(r.article_id, r.actor_id) for r in mentions}
    names = [r.name for r in mentions]
    aliases: dict[str, None] = {}
    roles: dict[tuple[str, str | None], RoleSpan] = {}
    for r in mentions:
        doc = Document.from_json(r.document)
        actor = doc.actor(r.actor_id)
        if actor is None:
            continue
        for alias in [actor.name, *actor.aliases]:
            aliases.setdefault(alias)
        for role in actor.roles:
            of = doc.actor(role.of)
            of_name = of.name if of else role.of
            span = roles.setdefault((role.title, of_name), RoleSpan(role.title, of_name, None, None, 0))
            when = role.since or r.published
            span.first = min(filter(None, [span.first, when]), default=None)
            span.last = max(filter(None, [span.last, role.until or r.published]), default=None)
            span.articles += 1
    name = max(set(names), key=names.count)
    article_ids = sorted({r.article_id for r in mentions})

    # Events that involve the actor, and who is on the other side of each.
    links = []
    for chunk in range(0, len(article_ids), 500):
        links += conn.execute(
            select(ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.actor_id, ac.c.name, ac.c.kb_id, e.c.type)
            .join(e, and_(e.c.article_id == ea.c.article_id, e.c.event_id == ea.c.event_id))
            .outerjoin(ac, and_(ac.c.article_id == ea.c.article_id, ac.c.actor_id == ea.c.actor_id))
            .where(ea.c.article_id.in_(article_ids[chunk : chunk + 500]))
        ).all()
    involved: dict[tuple[str, str], str] = {}
    for r in links:
        if (r.article_id, r.actor_id) in ids:
            involved.setdefault((r.article_id, r.event_id), r.role)
    network: dict[str, Counterpart] = {}
    for r in links:
        own_role = involved.get((r.article_id, r.event_id))
        if own_role is None or (r.article_id, r.actor_id) in ids or r.role == own_role:
            continue
        other_key = r.kb_id or r.name or r.actor_id
        other = network.setdefault(other_key, Counterpart(other_key, r.name or r.actor_id))
        if r.role == "source":
            other.as_source += 1
        else:
            other.as_target += 1
        other.types[r.type] = other.types.get(r.type, 0) + 1

    found = []
    keys = sorted(involved)
    for chunk in range(0, len(keys), 200):
        part = keys[chunk : chunk + 200]
        found += conn.execute(
            select(e, a.c.published)
            .join(a, a.c.id == e.c.article_id)
            .where(or_(*[and_(e.c.article_id == art, e.c.event_id == ev) for art, ev in part]))
        ).all()
    found.sort(key=lambda r: (r.date_key or "", r.article_id, r.position))
    speaker_ids = [(art, actor) for art, actor in ids]
    quote_rows = []
    for chunk in range(0, len(speaker_ids), 200):
        part = speaker_ids[chunk : chunk + 200]
        quote_rows += conn.execute(
            select(q, a.c.published)
            .join(a, a.c.id == q.c.article_id)
            .where(or_(*[and_(q.c.article_id == art, q.c.speaker == actor) for art, actor in part]))
        ).all()
    quote_rows.sort(key=lambda r: (r.date_key or "", r.article_id, r.position))
    titles = {r.article_id: (r.published, r.title) for r in mentions}
    return ActorProfile(
        key=key,
        name=name,
        types=list(dict.fromkeys(r.type for r in mentions)),
        countries=list(dict.fromkeys(r.country for r in mentions if r.country)),
        aliases=[alias for alias in aliases if alias != name],
        sectors=list(dict.fromkeys(s for r in mentions for s in (r.sector or "").split("; ") if s)),
        roles=sorted(roles.values(), key=lambda role: (role.first or "", role.title)),
        articles=[
            (article_id, *titles[article_id])
            for article_id in sorted(titles, key=lambda k: (titles[k][0] or "", k))
        ],
        events=event_rows(conn, found[:max_events]),
        quotes=[
            QuoteRow(
                article_id=r.article_id,
                quote_id=r.quote_id,
                speaker_id=r.speaker,
                speaker=name,
                text=r.text,
                direct=r.direct,
                cue=r.cue,
                medium=r.medium,
                date=r.date_value,
                start=r.start,
                end=r.end,
                part=r.part,
                published=r.published,
            )
            for r in quote_rows
        ],
        network=sorted(network.values(), key=lambda c: (-c.total, c.name)),
    )


def facets(conn: Connection) -> dict[str, list[str]]:
    """The event types and statuses present in the store, for the filter menus."""
    e = schema.events
    return {
        "types": list(conn.execute(select(e.c.type).distinct().order_by(e.c.type)).scalars()),
        "statuses": list(conn.execute(select(e.c.status).distinct().order_by(e.c.status)).scalars()),
    }


def stats(conn: Connection) -> dict[str, int]:
    return {
        table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
        for table in (schema.articles, schema.actors, schema.events, schema.quotes, schema.claims)
    }
