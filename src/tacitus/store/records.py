"""Single records with their evidence, and an actor's page across articles, for the API and the web.

An actor is stored once per article; across articles it is one actor key, the identity actor memory gives
it (`actor_identities`; the same key `tacitus actors` lists), so the actor page, its counterparts, the list
filters and the event rows' `source_keys`/`target_keys` all name an actor the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from tacitus.contract import Document, Span
from tacitus.store import schema
from tacitus.store.queries import event_rows
from tacitus.store.rows import EventRow, QuoteRow

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


def actor_keys(conn: Connection, article_id: str) -> dict[str, str]:
    """Actor id → actor key (the identity actor memory gave it across articles) for one article's actors."""
    ai = schema.actor_identities
    rows = conn.execute(select(ai.c.actor_id, ai.c.identity).where(ai.c.article_id == article_id))
    return {row.actor_id: row.identity for row in rows}


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
class ActorPage:
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


def actor_identities(conn: Connection, reference: str) -> list[str]:
    """The actor keys a reference names: the key itself, else the keys of actors with this KB id or this exact
    name (any case), most articles first, so `/actors/Q150851` and `/actors/hamas` still find their actor."""
    ac, ai = schema.actors, schema.actor_identities
    if conn.execute(select(ai.c.identity).where(ai.c.identity == reference).limit(1)).first():
        return [reference]
    found = conn.execute(
        select(ai.c.identity)
        .join(ac, and_(ac.c.article_id == ai.c.article_id, ac.c.actor_id == ai.c.actor_id))
        .where(or_(ac.c.kb_id == reference, func.lower(ac.c.name) == reference.casefold()))
        .group_by(ai.c.identity)
        .order_by(func.count(func.distinct(ai.c.article_id)).desc(), ai.c.identity)
    )
    return [row.identity for row in found]


def actor_page(conn: Connection, reference: str, *, max_events: int = 2000) -> ActorPage | None:
    """Everything the actor page shows, from every article whose actor has this key (its identity across
    articles, as `tacitus actors` lists it), or the keys a KB id or an exact name gives (all of them: a name
    shared by two identities shows both, the one in most articles giving the page its key)."""
    a, ac, e, ea, q = schema.articles, schema.actors, schema.events, schema.event_actors, schema.quotes
    ai = schema.actor_identities
    keys = actor_identities(conn, reference)
    if not keys:
        return None
    key = keys[0]
    mentions = conn.execute(
        select(ac, a.c.published, a.c.title, a.c.document)
        .join(a, a.c.id == ac.c.article_id)
        .join(ai, and_(ai.c.article_id == ac.c.article_id, ai.c.actor_id == ac.c.actor_id))
        .where(ai.c.identity.in_(keys))
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
            select(
                ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.actor_id, ac.c.name, ai.c.identity, e.c.type
            )
            .join(e, and_(e.c.article_id == ea.c.article_id, e.c.event_id == ea.c.event_id))
            .outerjoin(ac, and_(ac.c.article_id == ea.c.article_id, ac.c.actor_id == ea.c.actor_id))
            .outerjoin(ai, and_(ai.c.article_id == ea.c.article_id, ai.c.actor_id == ea.c.actor_id))
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
        other_key = r.identity or r.actor_id
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
    return ActorPage(
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
