"""Listing real-world events (clusters of reports across articles) and the reports of one, with the same
`Query` filters as the other lists (`tacitus.store.queries`)."""

from __future__ import annotations

from sqlalchemy import and_, exists, func, literal, or_, select
from sqlalchemy.engine import Connection

from tacitus.store import schema
from tacitus.store.counting import Page
from tacitus.store.queries import actor_named, story_sources
from tacitus.store.query import Query
from tacitus.store.rows import ClusterMember, ClusterRow, join


def clusters(conn: Connection, query: Query, *, ids: list[int] | None = None) -> Page:
    """One row per real-world event, earliest first; actors are those named by any member report."""
    c, m, ac, ea = schema.event_clusters, schema.cluster_members, schema.actors, schema.event_actors
    statement = select(c) if ids is None else select(c).where(c.c.id.in_(ids))
    if query.type:
        statement = statement.where(c.c.type == query.type)
    if query.status:
        statement = statement.where(c.c.status == query.status)
    if query.country:
        statement = statement.where(
            or_(
                c.c.place_country == query.country,
                c.c.actor_keys.contains(f"country:{query.country}", autoescape=True),
            )
        )
    if query.actor:
        linked = m.join(ea, and_(ea.c.article_id == m.c.article_id, ea.c.event_id == m.c.event_id)).outerjoin(
            ac, and_(ac.c.article_id == ea.c.article_id, ac.c.actor_id == ea.c.actor_id)
        )
        statement = statement.where(
            exists(
                select(literal(1))
                .select_from(linked)
                .where(
                    m.c.cluster_id == c.c.id, or_(ea.c.actor_id == query.actor, actor_named(ac, query.actor))
                )
            )
        )
    if query.since:
        statement = statement.where(c.c.date_end >= query.since.text)
    if query.until:
        statement = statement.where(func.substr(c.c.date_start, 1, len(query.until.text)) <= query.until.text)
    start = c.c.date_start.desc() if query.order == "desc" else c.c.date_start.asc()
    statement = statement.order_by(start.nulls_last(), c.c.id.desc() if query.order == "desc" else c.c.id)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    if query.offset:
        statement = statement.offset(query.offset)
    found = conn.execute(statement).all()
    names = _cluster_names(conn, [r.id for r in found])
    rows = [
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
    # Clusters are not counted: a short page shows the total, a full one says there may be more.
    return Page(query.offset + len(rows), rows, total_exact=query.limit is None or len(rows) < query.limit)


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
