"""Event clusters in the store: each saved article's events join the best-fitting existing cluster or start one.

Incremental by design: a new event is compared only with the clusters of its type whose date range lies within
the window of its own (one indexed query), using the rule in `tacitus.dedup.compat`; nothing already
clustered is revisited. A cluster keeps the union of its members' actor and place keys, so a report naming
only the target still joins a cluster started by one naming both sides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.engine import Connection

from tacitus.contract import Document, Event
from tacitus.dedup.compat import EventKey, Settings, best_cluster, fit
from tacitus.store import schema
from tacitus.store.flatten import date_key

SETTINGS = Settings()


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def date_range(value: str | None, published: str | None) -> tuple[date | None, date | None]:
    """The days an event date can mean: 2024-06-10 one day, 2024-06 the month, 2024 the year.

    A value that is not a calendar date (PAST_REF, a week) falls back to the publication day, as the list
    filters do.
    """
    key = date_key(value, published)
    if not key:
        return None, None
    if len(key) == 10:
        day = _day(key)
        return day, day
    if len(key) == 7:
        start = _day(key + "-01")
        if start is None:
            return None, None
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start, following - timedelta(days=1)
    year = int(key[:4])
    return date(year, 1, 1), date(year, 12, 31)


def actor_keys(
    document: Document, actor_ids: list[str], identities: dict[str, str] | None = None
) -> frozenset[str]:
    """Who an event involves, comparable across articles: knowledge-base ids, countries, casefolded names,
    and the actor's stored identity (actor memory's key, the one `tacitus actors` lists), so a report naming
    "Bogdanov" meets one naming "Mikhail Bogdanov" when memory knows them for one actor."""
    found = set()
    for actor_id in actor_ids:
        actor = document.actor(actor_id)
        if actor is None:
            continue
        found.add("name:" + actor.name.casefold())
        if identities and identities.get(actor_id):
            found.add(identities[actor_id])
        if actor.kb_id:
            found.add("kb:" + actor.kb_id)
        if actor.country:
            found.add("country:" + actor.country)
    return frozenset(found)


def event_key(document: Document, event: Event, identities: dict[str, str] | None = None) -> EventKey:
    start, end = date_range(event.date.value if event.date else None, document.article.published)
    places = set()
    if event.place:
        places.add("place:" + event.place.name.casefold())
        if event.place.country:
            places.add("country:" + event.place.country)
    return EventKey(
        kind=event.type,
        start=start,
        end=end,
        actors=actor_keys(document, [*event.sources, *event.targets], identities),
        places=frozenset(places),
    )


@dataclass
class _Candidate:
    id: int
    key: EventKey


def _lines(keys: frozenset[str]) -> str:
    return "\n".join(sorted(keys))


def _candidates(connection: Connection, key: EventKey, settings: Settings) -> list[_Candidate]:
    c = schema.event_clusters
    query = select(c.c.id, c.c.type, c.c.date_start, c.c.date_end, c.c.actor_keys, c.c.place_keys).where(
        c.c.type == key.kind
    )
    if key.start:
        window = timedelta(days=settings.date_window_days)
        query = query.where(
            or_(
                c.c.date_start.is_(None),
                and_(
                    c.c.date_start <= (key.end + window).isoformat(),
                    c.c.date_end >= (key.start - window).isoformat(),
                ),
            )
        )
    return [
        _Candidate(
            row.id,
            EventKey(
                kind=row.type,
                start=_day(row.date_start),
                end=_day(row.date_end),
                actors=frozenset(filter(None, row.actor_keys.split("\n"))),
                places=frozenset(filter(None, row.place_keys.split("\n"))),
            ),
        )
        for row in connection.execute(query.order_by(c.c.id))
    ]


def assign(
    connection: Connection,
    document: Document,
    now: datetime,
    settings: Settings = SETTINGS,
    identities: dict[str, str] | None = None,
) -> list[int]:
    """Put each event of a just-stored article into a cluster; returns the cluster ids, one per event.

    Two events of one article never share a cluster: the events stage already merged its duplicates, so two
    left are two different events.
    """
    clusters, used = [], set()
    for event in document.events:
        key = event_key(document, event, identities)
        candidates = [c for c in _candidates(connection, key, settings) if c.id not in used]
        chosen = best_cluster(key, candidates, settings)
        if chosen is None:
            cluster_id = _start(connection, document, event, key, now)
            fit = None
        else:
            cluster_id, fit = chosen.id, _fit(chosen.key, key, settings)
            merged = EventKey(
                kind=key.kind,
                start=min(filter(None, [chosen.key.start, key.start]), default=None),
                end=max(filter(None, [chosen.key.end, key.end]), default=None),
                actors=chosen.key.actors | key.actors,
                places=chosen.key.places | key.places,
            )
            connection.execute(
                update(schema.event_clusters)
                .where(schema.event_clusters.c.id == cluster_id)
                .values(
                    date_start=merged.start.isoformat() if merged.start else None,
                    date_end=merged.end.isoformat() if merged.end else None,
                    actor_keys=_lines(merged.actors),
                    place_keys=_lines(merged.places),
                )
            )
        connection.execute(
            insert(schema.cluster_members),
            [
                {
                    "article_id": document.article.id,
                    "event_id": event.id,
                    "cluster_id": cluster_id,
                    "fit": fit,
                }
            ],
        )
        refresh(connection, cluster_id, now)
        used.add(cluster_id)
        clusters.append(cluster_id)
    return clusters


def _fit(cluster_key: EventKey, key: EventKey, settings: Settings) -> float | None:
    value = fit(cluster_key, key, settings)
    return round(value, 4) if value is not None else None


def _start(connection: Connection, document: Document, event: Event, key: EventKey, now: datetime) -> int:
    result = connection.execute(
        insert(schema.event_clusters).values(
            type=event.type,
            date_start=key.start.isoformat() if key.start else None,
            date_end=key.end.isoformat() if key.end else None,
            date=None,
            status=str(event.status),
            actor_keys=_lines(key.actors),
            place_keys=_lines(key.places),
            n_events=0,
            n_sources=0,
            first_article_id=document.article.id,
            first_event_id=event.id,
            first_published=document.article.published,
            status_agreement=1.0,
            updated_at=now,
        )
    )
    return result.inserted_primary_key[0]


def _majority(values: list) -> tuple[object, float | None]:
    """The most given value (first given wins a tie) and the share of members giving it; (None, None) if none."""
    given = [v for v in values if v]
    if not given:
        return None, None
    counts = Counter(given)
    best = max(counts.values())
    value = next(v for v in given if counts[v] == best)
    return value, round(best / len(given), 4)


def refresh(connection: Connection, cluster_id: int, now: datetime) -> None:
    """Recount a cluster from its members: sources, first report, majority status/date/place and agreement."""
    m, e, a = schema.cluster_members, schema.events, schema.articles
    members = connection.execute(
        select(
            m.c.article_id,
            m.c.event_id,
            e.c.status,
            e.c.date_key,
            e.c.date_value,
            e.c.place,
            e.c.place_country,
            a.c.published,
            a.c.ingested_at,
        )
        .join(e, and_(e.c.article_id == m.c.article_id, e.c.event_id == m.c.event_id))
        .join(a, a.c.id == m.c.article_id)
        .where(m.c.cluster_id == cluster_id)
        # Join order (articles are stored one after another), so "first given wins a tie" means the same on
        # every backend and every run: PostgreSQL returns unordered rows in whatever order its plan yields.
        .order_by(a.c.ingested_at, m.c.article_id, m.c.event_id)
    ).all()
    if not members:
        return
    first = min(members, key=lambda r: (r.published or "9999", str(r.ingested_at), r.article_id))
    status, status_agreement = _majority([r.status for r in members])
    day, date_agreement = _majority([r.date_key for r in members])
    place, place_agreement = _majority([r.place for r in members])
    place_country = next((r.place_country for r in members if r.place == place), None) if place else None
    connection.execute(
        update(schema.event_clusters)
        .where(schema.event_clusters.c.id == cluster_id)
        .values(
            n_events=len(members),
            n_sources=len({r.article_id for r in members}),
            first_article_id=first.article_id,
            first_event_id=first.event_id,
            first_published=first.published,
            status=status,
            status_agreement=status_agreement,
            date=day,
            date_agreement=date_agreement,
            place=place,
            place_country=place_country,
            place_agreement=place_agreement,
            updated_at=now,
        )
    )
