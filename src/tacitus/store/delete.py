"""Removing a stored article and everything that hangs on it, so a corrected text can be stored in its place.

Foreign keys cascade the article's own rows (actors, events, quotes, claims, time expressions, actor memory,
story signature and bands, cluster memberships, the sources of its story), but three things need more than a
cascade: the article's own source row when it was stored as a copy of another story (keyed by its URL and hash,
it would make the article "already stored" for ever), the clusters its events belonged to (recounted from the
members left, removed when none is left), and SQLite stores opened with foreign keys off (the rows are deleted
here explicitly, table by table, whatever the pragma).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.engine import Connection

from tacitus.store import clusters, schema
from tacitus.store.flatten import CHILD_TABLES

# Rows keyed by article id that are not the flattened document (memory, stories, clusters).
_KEPT_BY_ARTICLE = ("actor_identities", "story_signatures", "story_bands", "cluster_members")


def delete_article(connection: Connection, article_id: str, now: datetime) -> bool:
    """Delete the article `article_id` and every row that hangs on it; False when it is not stored."""
    a = schema.articles
    row = connection.execute(select(a.c.id, a.c.url, a.c.content_hash).where(a.c.id == article_id)).first()
    if row is None:
        return False
    m = schema.cluster_members
    touched = connection.execute(
        select(m.c.cluster_id).where(m.c.article_id == article_id).distinct()
    ).scalars()
    touched = sorted(touched)
    facts = schema.actor_facts
    fact_ids = select(facts.c.id).where(facts.c.article_id == article_id)
    connection.execute(delete(schema.actor_fact_keys).where(schema.actor_fact_keys.c.fact_id.in_(fact_ids)))
    connection.execute(delete(facts).where(facts.c.article_id == article_id))
    for name in (*_KEPT_BY_ARTICLE, *reversed(CHILD_TABLES)):
        table = schema.metadata.tables[name]
        connection.execute(delete(table).where(table.c.article_id == article_id))
    s = schema.story_sources
    connection.execute(delete(s).where(or_(s.c.article_id == article_id, s.c.story_id == article_id)))
    connection.execute(delete(a).where(a.c.id == article_id))
    for cluster_id in touched:
        left = connection.execute(select(func.count()).select_from(m).where(m.c.cluster_id == cluster_id))
        if left.scalar_one():
            clusters.refresh(connection, cluster_id, now)
        else:
            connection.execute(delete(schema.event_clusters).where(schema.event_clusters.c.id == cluster_id))
    return True


def forget_source(connection: Connection, url: str) -> None:
    """Drop the record of `url` as one more source of a stored story (a copy whose text has since changed)."""
    s = schema.story_sources
    connection.execute(delete(s).where(s.c.url == url, s.c.article_id != s.c.story_id))
