"""The list filters as SQL (one function per table) and the rows they return.

Filters mean the same on every table where they apply: `actor` is an actor id or a case-insensitive substring
of an actor's name or aliases; `country` an ISO alpha-3 code; `since`/`until` ISO dates (`2024`, `2024-06`,
`2024-06-10`) compared by prefix, so `until="2024-06"` keeps all of June. A filter that means nothing for a
table (`status` on actors) is an error rather than silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from sqlalchemy import Select, and_, exists, func, literal, or_, select, tuple_
from sqlalchemy.engine import Connection

from tacitus.store import schema
from tacitus.store.rows import (
    ActorRow,
    ArticleRow,
    ClaimRow,
    ClusterMember,
    ClusterRow,
    EventRow,
    QuoteRow,
    join,
    utc_iso,
)
from tacitus.store.words import dyad_match, names_match

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ACTOR_ID = re.compile(r"^[A-Z]\d+$")  # an item id such as A3, as opposed to a name
COUNTRY = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True, kw_only=True)
class Filters:
    actor: str | None = None
    type: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None
    article: str | None = None
    min_confidence: float | None = None
    dyad: tuple[str, str] | None = (
        None  # (source, target): an event with one as source and the other as target
    )
    quad: str | None = None  # quad class name (verbal_cooperation…) of the event type
    limit: int | None = None
    offset: int = 0


COMMON = {"actor", "country", "since", "until", "article", "limit", "offset"}
APPLIES = {
    "articles": COMMON | {"type"},
    "actors": COMMON | {"type"},
    "events": COMMON | {"type", "status", "min_confidence", "dyad", "quad"},
    "quotes": COMMON,
    "claims": COMMON,
    "clusters": {"actor", "type", "status", "country", "since", "until", "limit", "offset"},
}


def parse_filters(table: str, given: dict) -> Filters:
    """Check and normalise keyword filters for `table`; each error names the filter and the bad value."""
    known = {f.name for f in fields(Filters)}
    unknown = sorted(set(given) - known)
    if unknown:
        raise TypeError(f"unknown filter(s) {', '.join(unknown)}: use {', '.join(sorted(known))}")
    given = {name: value for name, value in given.items() if value is not None}
    misplaced = sorted(set(given) - APPLIES[table])
    if misplaced:
        raise ValueError(f"filter(s) {', '.join(misplaced)} do not apply to {table}")
    for name in ("since", "until"):
        if name in given:
            given[name] = str(given[name]).strip()
            if not ISO_DATE.match(given[name]):
                raise ValueError(f"{name} {given[name]!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if "country" in given:
        if not COUNTRY.match(given["country"]):
            raise ValueError(f"country {given['country']!r} is not an ISO 3166 alpha-3 code such as RUS")
        given["country"] = given["country"].upper()
    for name in ("limit", "offset"):
        if name in given and (not isinstance(given[name], int) or given[name] < 0):
            raise ValueError(f"{name} {given[name]!r} must be a whole number ≥ 0")
    if "min_confidence" in given:
        given["min_confidence"] = float(given["min_confidence"])
    if "actor" in given and not str(given["actor"]).strip():
        raise ValueError("actor filter is empty")
    if "dyad" in given:
        given["dyad"] = parse_dyad(given["dyad"])
    if "quad" in given:
        from tacitus.events.scales import quad_name

        given["quad"] = quad_name(given["quad"])
    return Filters(**given)


def parse_dyad(value) -> tuple[str, str]:
    """'Hamas:Russia' (or a pair) → (source, target); directed, as in "requests Hamas addressed to Russia"."""
    parts = value.split(":") if isinstance(value, str) else list(value)
    parts = [str(p).strip() for p in parts]
    if len(parts) != 2 or not all(parts):
        raise ValueError(
            f"dyad {value!r} is not SOURCE:TARGET (two actor names, aliases or ids, e.g. Hamas:Russia)"
        )
    return parts[0], parts[1]


def _date_range(column, filters: Filters) -> list:
    conditions = []
    if filters.since:
        conditions.append(column >= filters.since)
    if filters.until:
        conditions.append(func.substr(column, 1, len(filters.until)) <= filters.until)
    return conditions


def _actor_matches(actors, actor_id_column, value: str):
    """An actor reference matches by id, or by its actor's name or alias (`actors` may be outer-joined)."""
    return or_(actor_id_column == value, actors.c.search.contains(value.strip().casefold(), autoescape=True))


def event_has_actor(role: str | None, value: str):
    """The event (a row of `events`) has an actor `value` names, as source, target, or either (role None).

    Matched on the event's own copy of its actors' names, aliases and KB ids (`source_search`,
    `target_search`): one table, word-indexed on PostgreSQL (`tacitus.store.words`), instead of a join through
    every event-actor link. An item id such as A3 also matches through `event_actors`.
    """
    e, ea = schema.events, schema.event_actors
    columns = {"source": [e.c.source_search], "target": [e.c.target_search]}.get(
        role, [e.c.source_search, e.c.target_search]
    )
    match = or_(*(names_match(column, value) for column in columns))
    if ACTOR_ID.match(value):  # only then, as it needs the links table
        by_id = select(ea.c.article_id, ea.c.event_id).where(ea.c.actor_id == value)
        if role:
            by_id = by_id.where(ea.c.role == role)
        match = or_(match, tuple_(e.c.article_id, e.c.event_id).in_(by_id))
    return match


def event_in_dyad(source: str, target: str):
    """The event has an actor `source` names as a source and one `target` names as a target (directed): one
    look-up of its (source word, target word) pairs on PostgreSQL; item ids (A3) through `event_actors`."""
    if ACTOR_ID.match(source) or ACTOR_ID.match(target):
        return and_(event_has_actor("source", source), event_has_actor("target", target))
    return dyad_match(schema.events, source, target)


def event_in_country(country: str):
    """The event took place in the country, or one of its actors is coded with it."""
    e = schema.events
    return or_(e.c.place_country == country, names_match(e.c.actor_countries, country))


def _page(query: Select, filters: Filters) -> Select:
    if filters.limit is not None:
        query = query.limit(filters.limit)
    return query.offset(filters.offset) if filters.offset else query


# -- articles -------------------------------------------------------------------------------------------------


def _count(table, article_id):
    return select(func.count()).select_from(table).where(table.c.article_id == article_id).scalar_subquery()


def articles(conn: Connection, filters: Filters) -> list[ArticleRow]:
    a, ac, e = schema.articles, schema.actors, schema.events
    query = select(
        a.c.id,
        a.c.published,
        a.c.title,
        a.c.source,
        a.c.url,
        a.c.language,
        a.c.author,
        _count(ac, a.c.id).label("n_actors"),
        _count(e, a.c.id).label("n_events"),
        _count(schema.quotes, a.c.id).label("n_quotes"),
        _count(schema.claims, a.c.id).label("n_claims"),
        a.c.warnings,
        a.c.ingested_at,
    )
    if filters.article:
        query = query.where(a.c.id == filters.article)
    if filters.actor:
        query = query.where(
            exists().where(ac.c.article_id == a.c.id, _actor_matches(ac, ac.c.actor_id, filters.actor))
        )
    if filters.country:
        query = query.where(exists().where(ac.c.article_id == a.c.id, ac.c.country == filters.country))
    if filters.type:
        query = query.where(exists().where(e.c.article_id == a.c.id, e.c.type == filters.type.upper()))
    query = query.where(*_date_range(a.c.published, filters))
    query = _page(query.order_by(a.c.published.asc().nulls_last(), a.c.id), filters)
    found = conn.execute(query).all()
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


def story_sources(conn: Connection, story_ids: list[str]) -> dict[str, list]:
    """Each story's sources (rows of `story_sources`), the story's own article first, then copies as they came."""
    ss = schema.story_sources
    found: dict[str, list] = {}
    for start in range(0, len(story_ids), 500):
        chunk = story_ids[start : start + 500]
        query = (
            select(ss)
            .where(ss.c.story_id.in_(chunk))
            .order_by(ss.c.story_id, (ss.c.article_id != ss.c.story_id), ss.c.added_at, ss.c.article_id)
        )
        for row in conn.execute(query):
            found.setdefault(row.story_id, []).append(row)
    return found


# -- actors ---------------------------------------------------------------------------------------------------


def actors(conn: Connection, filters: Filters) -> list[ActorRow]:
    a, ac = schema.articles, schema.actors
    query = select(ac, a.c.published).join(a, a.c.id == ac.c.article_id)
    if filters.article:
        query = query.where(ac.c.article_id == filters.article)
    if filters.actor:
        query = query.where(_actor_matches(ac, ac.c.actor_id, filters.actor))
    if filters.type:
        query = query.where(ac.c.type == filters.type.lower())
    if filters.country:
        query = query.where(ac.c.country == filters.country)
    query = query.where(*_date_range(a.c.published, filters))
    query = _page(query.order_by(a.c.published.asc().nulls_last(), ac.c.article_id, ac.c.position), filters)
    return [
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
        for r in conn.execute(query)
    ]


# -- events ---------------------------------------------------------------------------------------------------


def events(conn: Connection, filters: Filters) -> list[EventRow]:
    a, e = schema.articles, schema.events
    query = select(e, a.c.published).join(a, a.c.id == e.c.article_id)
    if filters.article:
        query = query.where(e.c.article_id == filters.article)
    if filters.type:
        query = query.where(e.c.type == filters.type.upper())
    if filters.status:
        query = query.where(e.c.status == filters.status.lower())
    if filters.min_confidence is not None:
        query = query.where(e.c.confidence >= filters.min_confidence)
    if filters.quad:
        from tacitus.events.scales import quad_types

        query = query.where(e.c.type.in_(quad_types(filters.quad)))
    if filters.actor:
        query = query.where(event_has_actor(None, filters.actor))
    if filters.dyad:
        query = query.where(event_in_dyad(*filters.dyad))
    if filters.country:
        query = query.where(event_in_country(filters.country))
    query = query.where(*_date_range(e.c.date_key, filters))
    query = _page(query.order_by(e.c.date_key.asc().nulls_last(), e.c.article_id, e.c.position), filters)
    found = conn.execute(query).all()
    links = _event_links(conn, query)
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


def _event_links(conn: Connection, events_query: Select) -> dict:
    """Source and target actors (id, name, country) of the events the page selected, in one query."""
    ac, ea = schema.actors, schema.event_actors
    page = events_query.with_only_columns(schema.events.c.article_id, schema.events.c.event_id).subquery()
    query = (
        select(ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.actor_id, ac.c.name, ac.c.country)
        .join(page, and_(page.c.article_id == ea.c.article_id, page.c.event_id == ea.c.event_id))
        .outerjoin(ac, and_(ac.c.article_id == ea.c.article_id, ac.c.actor_id == ea.c.actor_id))
        .order_by(ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.position)
    )
    links: dict = {}
    for r in conn.execute(query):
        links.setdefault((r.article_id, r.event_id), {}).setdefault(r.role, []).append(
            (r.actor_id, r.name or r.actor_id, r.country)
        )
    return links


# -- quotes and claims ----------------------------------------------------------------------------------------


def quotes(conn: Connection, filters: Filters) -> list[QuoteRow]:
    a, ac, q = schema.articles, schema.actors, schema.quotes
    query = (
        select(q, ac.c.name.label("speaker_name"), a.c.published)
        .join(a, a.c.id == q.c.article_id)
        .outerjoin(ac, and_(ac.c.article_id == q.c.article_id, ac.c.actor_id == q.c.speaker))
    )
    query = _attributed(query, q, q.c.speaker, filters, date_column=q.c.date_key)
    query = _page(query.order_by(q.c.date_key.asc().nulls_last(), q.c.article_id, q.c.position), filters)
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
        for r in conn.execute(query)
    ]


def claims(conn: Connection, filters: Filters) -> list[ClaimRow]:
    a, ac, c = schema.articles, schema.actors, schema.claims
    query = (
        select(c, ac.c.name.label("attribution_name"), a.c.published)
        .join(a, a.c.id == c.c.article_id)
        .outerjoin(ac, and_(ac.c.article_id == c.c.article_id, ac.c.actor_id == c.c.attribution))
    )
    query = _attributed(query, c, c.c.attribution, filters, date_column=a.c.published)
    query = _page(query.order_by(a.c.published.asc().nulls_last(), c.c.article_id, c.c.position), filters)
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
        for r in conn.execute(query)
    ]


def _attributed(query: Select, table, actor_column, filters: Filters, *, date_column) -> Select:
    """Filters for items said by one actor (a quote's speaker, a claim's source), outer-joined as `actors`."""
    ac = schema.actors
    if filters.article:
        query = query.where(table.c.article_id == filters.article)
    if filters.actor:
        query = query.where(_actor_matches(ac, actor_column, filters.actor))
    if filters.country:
        query = query.where(ac.c.country == filters.country)
    return query.where(*_date_range(date_column, filters))


# -- event clusters -------------------------------------------------------------------------------------------


def clusters(conn: Connection, filters: Filters, *, ids: list[int] | None = None) -> list[ClusterRow]:
    """One row per real-world event, earliest first; actors are those named by any member report."""
    c, m, ac, ea = schema.event_clusters, schema.cluster_members, schema.actors, schema.event_actors
    query = select(c) if ids is None else select(c).where(c.c.id.in_(ids))
    if filters.type:
        query = query.where(c.c.type == filters.type.upper())
    if filters.status:
        query = query.where(c.c.status == filters.status.lower())
    if filters.country:
        query = query.where(
            or_(
                c.c.place_country == filters.country,
                c.c.actor_keys.contains(f"country:{filters.country}", autoescape=True),
            )
        )
    if filters.actor:
        linked = m.join(ea, and_(ea.c.article_id == m.c.article_id, ea.c.event_id == m.c.event_id)).outerjoin(
            ac, and_(ac.c.article_id == ea.c.article_id, ac.c.actor_id == ea.c.actor_id)
        )
        query = query.where(
            exists(
                select(literal(1))
                .select_from(linked)
                .where(m.c.cluster_id == c.c.id, _actor_matches(ac, ea.c.actor_id, filters.actor))
            )
        )
    if filters.since:
        query = query.where(c.c.date_end >= filters.since)
    if filters.until:
        query = query.where(func.substr(c.c.date_start, 1, len(filters.until)) <= filters.until)
    query = _page(query.order_by(c.c.date_start.asc().nulls_last(), c.c.id), filters)
    found = conn.execute(query).all()
    names = _cluster_names(conn, [r.id for r in found])
    return [
        ClusterRow(
            cluster_id=r.id,
            type=r.type,
            date=r.date,
            date_start=r.date_start,
            date_end=r.date_end,
            status=r.status,
            place=r.place,
            place_country=r.place_country,
            n_sources=r.n_sources,
            n_events=r.n_events,
            source_names=join(names.get((r.id, "source"), [])),
            target_names=join(names.get((r.id, "target"), [])),
            first_article_id=r.first_article_id,
            first_event_id=r.first_event_id,
            first_published=r.first_published,
            status_agreement=r.status_agreement,
            date_agreement=r.date_agreement,
            place_agreement=r.place_agreement,
        )
        for r in found
    ]


def _cluster_names(conn: Connection, cluster_ids: list[int]) -> dict:
    """Distinct actor names per (cluster, role), in the order the members give them."""
    m, ac, ea = schema.cluster_members, schema.actors, schema.event_actors
    names: dict = {}
    for start in range(0, len(cluster_ids), 500):
        query = (
            select(m.c.cluster_id, ea.c.role, ea.c.actor_id, ac.c.name)
            .join(ea, and_(ea.c.article_id == m.c.article_id, ea.c.event_id == m.c.event_id))
            .outerjoin(ac, and_(ac.c.article_id == ea.c.article_id, ac.c.actor_id == ea.c.actor_id))
            .where(m.c.cluster_id.in_(cluster_ids[start : start + 500]))
            .order_by(m.c.cluster_id, m.c.article_id, ea.c.position)
        )
        for r in conn.execute(query):
            listed = names.setdefault((r.cluster_id, r.role), [])
            if (r.name or r.actor_id) not in listed:
                listed.append(r.name or r.actor_id)
    return names


def cluster_members(conn: Connection, cluster_id: int) -> list[ClusterMember]:
    """The reports of one cluster side by side, first report first."""
    m, e, a = schema.cluster_members, schema.events, schema.articles
    query = (
        select(
            m.c.article_id,
            m.c.event_id,
            m.c.fit,
            a.c.title,
            a.c.source,
            a.c.url,
            a.c.published,
            e.c.status,
            e.c.date_value,
            e.c.date_text,
            e.c.place,
            e.c.evidence,
            e.c.evidence_start,
            e.c.evidence_end,
        )
        .join(e, and_(e.c.article_id == m.c.article_id, e.c.event_id == m.c.event_id))
        .join(a, a.c.id == m.c.article_id)
        .where(m.c.cluster_id == cluster_id)
        .order_by(a.c.published.asc().nulls_last(), a.c.ingested_at, m.c.article_id)
    )
    found = conn.execute(query).all()
    sources = story_sources(conn, list({r.article_id for r in found}))
    return [
        ClusterMember(
            article_id=r.article_id,
            event_id=r.event_id,
            title=r.title,
            source=r.source,
            url=r.url,
            sources=join(s.url for s in sources.get(r.article_id, [])) or r.url,
            published=r.published,
            status=r.status,
            date=r.date_value,
            date_text=r.date_text,
            place=r.place,
            evidence=r.evidence,
            evidence_start=r.evidence_start,
            evidence_end=r.evidence_end,
            fit=r.fit,
        )
        for r in found
    ]
