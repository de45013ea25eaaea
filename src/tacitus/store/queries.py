"""The one read model: each filter of a `Query` as SQL, defined once, and one list function per kind.

The CLI (`Store.events(...)`), the API and the web pages all call `tacitus.store.reading.list_rows(conn,
query)`, so the same filters give the same rows everywhere (tests/store/test_store_read_parity.py). What a filter means:

- `actor`: an actor key (the identity actor memory gives each actor across articles, `tacitus actors`), an
  item id (A3), a knowledge-base id (Q7747), or a case-insensitive part of a name or alias. On events a name
  is matched by whole words on PostgreSQL and by substring on SQLite (`tacitus.store.words`).
- `source` / `target`: the same, on one side of an event; `dyad` both, directed unless `direction="either"`.
- `country`: where the event took place or an actor's country; an actor's (or speaker's) country elsewhere.
- `since` / `until`: ISO dates at any precision, compared by prefix (`until=2024-06` keeps all of June).
- `q`: case-insensitive text: evidence, type, place and the actors' names of events; title and text of
  articles; names and aliases of actors; the text and the speaker's names of quotes and claims.
"""

from __future__ import annotations

import time

from sqlalchemy import Select, and_, exists, func, or_, select, tuple_
from sqlalchemy.engine import Connection

from tacitus.store import schema
from tacitus.store.counting import COUNT_TIME_MS, Page, count_matches, page_of
from tacitus.store.query import Period, Query
from tacitus.store.rows import ActorRow, ArticleRow, ClaimRow, EventRow, QuoteRow, join, utc_iso
from tacitus.store.words import dyad_match, like, names_match

# -- conditions, one per filter ------------------------------------------------------------------------------


def is_link_value(value: str) -> bool:
    """An item id (A3) or an actor key (`name:sergei lavrov`, `kb:Q7747`): found through the link tables."""
    return ":" in value or (value[:1].isalpha() and value[:1].isupper() and value[1:].isdigit())


def identity_of(actors):
    """The actor key of a row of `actors` (or an alias of it): its identity across articles."""
    ai = schema.actor_identities.alias("key_of")  # the outer query may join `actor_identities` itself
    return (
        select(ai.c.identity)
        .where(ai.c.article_id == actors.c.article_id, ai.c.actor_id == actors.c.actor_id)
        .scalar_subquery()
    )


def actor_named(actors, value: str):
    """The row of `actors` is the actor `value` names: by key, item id, KB id, or part of a name or alias."""
    return or_(
        actors.c.actor_id == value,
        actors.c.kb_id == value,
        identity_of(actors) == value,
        like(actors.c.search, value),
    )


def said_by(table, actor_column, value: str):
    """The item (a quote's speaker, a claim's attribution) is said by the actor `value` names."""
    ac = schema.actors.alias("said_by")
    return exists().where(
        ac.c.article_id == table.c.article_id, ac.c.actor_id == actor_column, actor_named(ac, value)
    )


def event_has_actor(role: str | None, value: str):
    """The event has an actor `value` names, as source, target, or either (role None).

    Names are matched on the event's own copy of its actors' names, aliases and KB ids (`source_search`,
    `target_search`): one table, word-indexed on PostgreSQL, instead of a join through every event-actor link.
    Item ids and actor keys go through `event_actors`.
    """
    e, ea = schema.events, schema.event_actors
    columns = {"source": [e.c.source_search], "target": [e.c.target_search]}.get(
        role, [e.c.source_search, e.c.target_search]
    )
    match = or_(*(names_match(column, value) for column in columns))
    if is_link_value(value):  # only then, as it needs the links table
        ai = schema.actor_identities
        keyed = select(ai.c.article_id, ai.c.actor_id).where(ai.c.identity == value)
        by_link = select(ea.c.article_id, ea.c.event_id).where(
            or_(ea.c.actor_id == value, tuple_(ea.c.article_id, ea.c.actor_id).in_(keyed))
        )
        if role:
            by_link = by_link.where(ea.c.role == role)
        match = or_(match, tuple_(e.c.article_id, e.c.event_id).in_(by_link))
    return match


def event_in_dyad(source: str, target: str, direction: str = "directed"):
    """`source` acts on `target` in the event (directed), or either acts on the other ("either")."""

    def directed(first: str, second: str):
        if is_link_value(first) or is_link_value(second):
            return and_(event_has_actor("source", first), event_has_actor("target", second))
        return dyad_match(schema.events, first, second)  # one word look-up on PostgreSQL

    if direction == "either":
        return or_(directed(source, target), directed(target, source))
    return directed(source, target)


def event_in_country(country: str):
    """The event took place in the country, or one of its actors is coded with it."""
    e = schema.events
    return or_(e.c.place_country == country, names_match(e.c.actor_countries, country))


def in_period(column, since: Period | None, until: Period | None) -> list:
    """Dates that may fall in the period: a partial date ("2024-06", "2024") is kept when its month or year
    overlaps it, as `until` already does by prefix, so an article known only to June is not lost."""
    conditions = []
    if since:
        coarser = [since.text[:size] for size in (4, 7) if size < len(since.text)]
        later = column >= since.text
        conditions.append(or_(later, column.in_(coarser)) if coarser else later)
    if until:
        conditions.append(func.substr(column, 1, len(until.text)) <= until.text)
    return conditions


def _ordered(column, order: str):
    """The sort; NULLS LAST only where the column can be null, so an index on a NOT NULL column serves it."""
    ordered = column.desc() if order == "desc" else column.asc()
    return ordered.nulls_last() if getattr(column, "nullable", True) else ordered


def _paged(base: Select, order: list, query: Query) -> Select:
    paged = base.order_by(*order)
    if query.limit is not None:
        paged = paged.limit(query.limit)
    return paged.offset(query.offset) if query.offset else paged


def _finish(conn: Connection, base: Select, order: list, query: Query, build) -> Page:
    """Run the page, then count the matches unless the page itself shows the total (last page, no limit)."""
    found = conn.execute(_paged(base, order, query)).all()
    known = query.limit is None or ((found or not query.offset) and len(found) < query.limit)
    total = query.offset + len(found) if known else count_matches(conn, base)
    return page_of(total, query.offset, build(found), known=bool(known))


# -- events ---------------------------------------------------------------------------------------------------


def event_conditions(query: Query) -> list:
    e = schema.events
    conditions = []
    if query.article:
        conditions.append(e.c.article_id == query.article)
    if query.type:
        conditions.append(e.c.type == query.type)
    if query.status:
        conditions.append(e.c.status == query.status)
    if query.mode:
        conditions.append(e.c.mode == query.mode)
    if query.quad:
        from tacitus.events.scales import quad_types

        conditions.append(e.c.type.in_(quad_types(query.quad)))
    if query.min_confidence is not None:
        conditions.append(e.c.confidence >= query.min_confidence)
    if query.actor:
        conditions.append(event_has_actor(None, query.actor))
    if query.source:
        conditions.append(event_has_actor("source", query.source))
    if query.target:
        conditions.append(event_has_actor("target", query.target))
    if query.dyad:
        conditions.append(event_in_dyad(query.dyad.source, query.dyad.target, query.dyad.direction))
    if query.country:
        conditions.append(event_in_country(query.country))
    if query.q:
        columns = (e.c.evidence, e.c.type, e.c.place, e.c.source_search, e.c.target_search)
        conditions.append(or_(*(like(column, query.q) for column in columns)))
    return conditions + in_period(e.c.date_key, query.since, query.until)


def _event_order(column, query: Query) -> list:
    """(column, article, position), ascending; descending is the exact reverse (nulls first), so one index on
    those three columns serves both directions (read backwards)."""
    e = schema.events
    if query.order != "desc":
        return [_ordered(column, "asc"), e.c.article_id, e.c.position]
    first = column.desc().nulls_first() if getattr(column, "nullable", True) else column.desc()
    return [first, e.c.article_id.desc(), e.c.position.desc()]


def events(conn: Connection, query: Query) -> Page:
    e, a = schema.events, schema.articles
    column = {
        "date": e.c.date_key,
        "type": e.c.type,
        "status": e.c.status,
        "confidence": e.c.confidence,
        "published": a.c.published,
        "article": e.c.article_id,
    }[query.sort or "date"]
    # Every condition is on `events` alone (its actors are copied into it), so neither the count nor the page
    # joins another table unless the sort needs the article's date. The page is chosen on the keys, then its
    # whole rows are joined to it, in one statement: sorting narrow rows to skip most of them is much cheaper
    # than sorting them with their text.
    keyed = select(e.c.article_id, e.c.event_id).where(*event_conditions(query))
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
    known = query.limit is None or ((found or not query.offset) and len(found) < query.limit)
    # On the last page the count is known without counting; otherwise counting gets what the page left of the
    # time budget.
    left = COUNT_TIME_MS - (time.perf_counter() - started) * 1000
    total = (
        query.offset + len(found)
        if known
        else (count_matches(conn, keyed, milliseconds=left) if left >= 2 else None)
    )
    return page_of(total, query.offset, event_rows(conn, found) if found else [], known=bool(known))


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
    """Store rows of `events` (plus `published`) to EventRows with their actors, in one more query."""
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
                source_keys=[p[3] for p in sources],
                target_ids=join(p[0] for p in targets),
                target_names=join(p[1] for p in targets),
                target_countries=join(dict.fromkeys(p[2] for p in targets if p[2])),
                target_keys=[p[3] for p in targets],
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
    """(article, event) → role → [(actor id, name, country, actor key)], in link order."""
    if not keys:
        return {}
    ea, ac, ai = schema.event_actors, schema.actors, schema.actor_identities
    links: dict = {}
    for chunk in _chunked(sorted(keys)):
        wanted = set(chunk)
        result = conn.execute(
            select(
                ea.c.article_id,
                ea.c.event_id,
                ea.c.role,
                ea.c.actor_id,
                ac.c.name,
                ac.c.country,
                ai.c.identity,
            )
            .outerjoin(ac, and_(ac.c.article_id == ea.c.article_id, ac.c.actor_id == ea.c.actor_id))
            .outerjoin(ai, and_(ai.c.article_id == ea.c.article_id, ai.c.actor_id == ea.c.actor_id))
            .where(_pairs_superset(conn, ea, wanted))
            .order_by(ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.position)
        )
        for r in result:
            if (r.article_id, r.event_id) in wanted:
                links.setdefault((r.article_id, r.event_id), {}).setdefault(r.role, []).append(
                    (r.actor_id, r.name or r.actor_id, r.country, r.identity or r.actor_id)
                )
    return links


# -- articles -------------------------------------------------------------------------------------------------


def _count(table, article_id):
    return select(func.count()).select_from(table).where(table.c.article_id == article_id).scalar_subquery()


def articles(conn: Connection, query: Query) -> Page:
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
        conditions.append(exists().where(ac.c.article_id == a.c.id, actor_named(ac, query.actor)))
    if query.country:
        conditions.append(exists().where(ac.c.article_id == a.c.id, ac.c.country == query.country))
    if query.type:
        conditions.append(exists().where(e.c.article_id == a.c.id, e.c.type == query.type))
    if query.q:
        conditions.append(or_(like(a.c.title, query.q), like(a.c.document, query.q)))
    conditions += in_period(a.c.published, query.since, query.until)
    column = {
        "published": a.c.published,
        "title": a.c.title,
        "ingested": a.c.ingested_at,
        "events": n_events,
    }[query.sort or "published"]

    def build(found) -> list[ArticleRow]:
        sources = story_sources(conn, [r.id for r in found])
        return [
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
                ingested_at=utc_iso(r.ingested_at),
            )
            for r in found
        ]

    return _finish(conn, base.where(*conditions), [_ordered(column, query.order), a.c.id], query, build)


def story_sources(conn: Connection, story_ids: list[str]) -> dict[str, list]:
    """Each story's sources (rows of `story_sources`), the story's own article first, then copies as they came."""
    ss = schema.story_sources
    found: dict[str, list] = {}
    for chunk in _chunked(story_ids):
        query = (
            select(ss)
            .where(ss.c.story_id.in_(chunk))
            .order_by(ss.c.story_id, (ss.c.article_id != ss.c.story_id), ss.c.added_at, ss.c.article_id)
        )
        for row in conn.execute(query):
            found.setdefault(row.story_id, []).append(row)
    return found


# -- actors ---------------------------------------------------------------------------------------------------


def actor_conditions(ac, query: Query) -> list:
    """The filters on per-article actor rows (also what `tacitus actors` groups into one row per actor)."""
    conditions = []
    if query.article:
        conditions.append(ac.c.article_id == query.article)
    if query.actor:
        conditions.append(actor_named(ac, query.actor))
    if query.q:
        conditions.append(or_(like(ac.c.search, query.q), ac.c.kb_id == query.q))
    if query.type:
        conditions.append(ac.c.type == query.type)
    if query.country:
        conditions.append(ac.c.country == query.country)
    return conditions + in_period(schema.articles.c.published, query.since, query.until)


def actors(conn: Connection, query: Query) -> Page:
    a, ac = schema.articles, schema.actors
    base = select(ac, identity_of(ac).label("identity"), a.c.published).join(a, a.c.id == ac.c.article_id)
    column = {"published": a.c.published, "article": ac.c.article_id}[query.sort or "published"]
    order = [_ordered(column, query.order), ac.c.article_id, ac.c.position]

    def build(found) -> list[ActorRow]:
        return [
            ActorRow(
                article_id=r.article_id,
                actor_id=r.actor_id,
                key=r.identity or r.actor_id,
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
            for r in found
        ]

    return _finish(conn, base.where(*actor_conditions(ac, query)), order, query, build)


# -- quotes and claims ----------------------------------------------------------------------------------------


def _attributed(table, actor_column, speakers, query: Query, date_column) -> list:
    """Filters on items said by one actor (a quote's speaker, a claim's attribution; `speakers` outer-joined)."""
    conditions = []
    if query.article:
        conditions.append(table.c.article_id == query.article)
    if query.actor:
        conditions.append(said_by(table, actor_column, query.actor))
    if query.country:
        conditions.append(speakers.c.country == query.country)
    if query.q:
        conditions.append(or_(like(table.c.text, query.q), like(speakers.c.search, query.q)))
    return conditions + in_period(date_column, query.since, query.until)


def quotes(conn: Connection, query: Query) -> Page:
    a, ac, q = schema.articles, schema.actors, schema.quotes
    base = (
        select(q, ac.c.name.label("speaker_name"), a.c.published)
        .join(a, a.c.id == q.c.article_id)
        .outerjoin(ac, and_(ac.c.article_id == q.c.article_id, ac.c.actor_id == q.c.speaker))
    )
    conditions = _attributed(q, q.c.speaker, ac, query, q.c.date_key)
    column = {"date": q.c.date_key, "published": a.c.published, "article": q.c.article_id}[
        query.sort or "date"
    ]

    def build(found) -> list[QuoteRow]:
        return [
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
            for r in found
        ]

    order = [_ordered(column, query.order), q.c.article_id, q.c.position]
    return _finish(conn, base.where(*conditions), order, query, build)


def claims(conn: Connection, query: Query) -> Page:
    a, ac, c = schema.articles, schema.actors, schema.claims
    base = (
        select(c, ac.c.name.label("attribution_name"), a.c.published)
        .join(a, a.c.id == c.c.article_id)
        .outerjoin(ac, and_(ac.c.article_id == c.c.article_id, ac.c.actor_id == c.c.attribution))
    )
    conditions = _attributed(c, c.c.attribution, ac, query, a.c.published)
    column = {"published": a.c.published, "article": c.c.article_id}[query.sort or "published"]

    def build(found) -> list[ClaimRow]:
        return [
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
            for r in found
        ]

    order = [_ordered(column, query.order), c.c.article_id, c.c.position]
    return _finish(conn, base.where(*conditions), order, query, build)


__all__ = [
    "actor_conditions",
    "actor_named",
    "event_conditions",
    "event_has_actor",
    "event_in_country",
    "event_in_dyad",
    "event_rows",
    "in_period",
    "story_sources",
]
