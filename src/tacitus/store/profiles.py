"""One row per real actor across articles: the actors table grouped by actor identity (see actor memory).

An analyst asks "who is Bogdanov in this corpus": every spelling he went by, each role with the first and
last article date it was seen, and the articles that mention him. The identities are chosen by SQL (filters,
order by number of articles, paging); their per-article rows are then folded here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from tacitus.store import schema
from tacitus.store.queries import actor_conditions
from tacitus.store.query import Query
from tacitus.store.rows import JOIN


@dataclass(frozen=True)
class ActorProfile:
    identity: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: str | None
    roles: str | None  # "title (of) first-seen…last-seen" joined by '; '
    first_seen: str | None
    last_seen: str | None
    articles: int
    mentions: int
    article_ids: str


def actor_profiles(conn: Connection, query: Query) -> list[ActorProfile]:
    a, ac, ai = schema.articles, schema.actors, schema.actor_identities
    joined = ac.join(ai, (ai.c.article_id == ac.c.article_id) & (ai.c.actor_id == ac.c.actor_id)).join(
        a, a.c.id == ac.c.article_id
    )
    chosen = select(ai.c.identity).select_from(joined).where(*actor_conditions(ac, query))
    chosen = chosen.group_by(ai.c.identity).order_by(
        func.count(func.distinct(ac.c.article_id)).desc(), ai.c.identity
    )
    if query.limit is not None:
        chosen = chosen.limit(query.limit)
    if query.offset:
        chosen = chosen.offset(query.offset)
    identities = [row.identity for row in conn.execute(chosen)]
    if not identities:
        return []
    rows = conn.execute(
        select(ai.c.identity, ac, a.c.published)
        .select_from(joined)
        .where(ai.c.identity.in_(identities))
        .order_by(a.c.published.asc().nulls_last(), ac.c.article_id)
    ).all()
    by_identity: dict[str, list] = {}
    for row in rows:
        by_identity.setdefault(row.identity, []).append(row)
    return [_fold(identity, by_identity[identity]) for identity in identities]


def _fold(identity: str, rows: list) -> ActorProfile:
    names = Counter(row.name for row in rows)
    name = max(names, key=lambda n: (names[n], len(n)))
    aliases = _ordered(n for row in rows for n in [row.name, *_split(row.aliases)] if n != name)
    countries = Counter(row.country for row in rows if row.country)
    types = Counter(row.type for row in rows)
    dates = [row.published[:10] for row in rows if row.published]
    roles: dict[str, list[str]] = {}
    for row in rows:
        for role in _split(row.roles):
            roles.setdefault(role, [])
            if row.published:
                roles[role].append(row.published[:10])
    role_text = [f"{role} {_seen(seen)}".rstrip() for role, seen in roles.items()]
    articles = _ordered(row.article_id for row in rows)
    return ActorProfile(
        identity=identity,
        name=name,
        type=types.most_common(1)[0][0],
        country=countries.most_common(1)[0][0] if countries else None,
        sector=JOIN.join(_ordered(s for row in rows for s in _split(row.sector))) or None,
        aliases=JOIN.join(aliases) or None,
        roles=JOIN.join(role_text) or None,
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        articles=len(articles),
        mentions=sum(row.mentions for row in rows),
        article_ids=JOIN.join(articles),
    )


def _seen(dates: list[str]) -> str:
    if not dates:
        return ""
    first, last = min(dates), max(dates)
    return f"{first}" if first == last else f"{first}…{last}"


def _split(value: str | None) -> list[str]:
    return [part for part in (value or "").split(JOIN) if part]


def _ordered(values) -> list[str]:
    return list(dict.fromkeys(values))
