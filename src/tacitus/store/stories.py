"""Stories in the store: the LSH look-up of a new body's near-duplicates and the sources of each story.

Signatures and band hashes live in tables (`story_signatures`, `story_bands`), so a copy is recognised in
any later `tacitus ingest` run, by any worker, on SQLite and PostgreSQL alike, without rebuilding an index.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, or_, select, tuple_
from sqlalchemy.engine import Connection

from tacitus.contract import Document
from tacitus.dedup.stories import COPY_THRESHOLD, Signature
from tacitus.store import schema
from tacitus.store.flatten import content_hash


@dataclass(frozen=True)
class Match:
    story_id: str
    similarity: float


def find_story(
    connection: Connection, signature: Signature, threshold: float = COPY_THRESHOLD
) -> Match | None:
    """The stored story whose body is most similar to `signature`, when similar enough to be the same story."""
    b, s = schema.story_bands, schema.story_signatures
    candidates = select(b.c.article_id).where(tuple_(b.c.band, b.c.hash).in_(signature.bands())).distinct()
    best = None
    for row in connection.execute(
        select(s.c.article_id, s.c.signature).where(s.c.article_id.in_(candidates))
    ):
        similarity = signature.similarity(Signature.from_bytes(row.signature))
        if similarity >= threshold and (best is None or similarity > best.similarity):
            best = Match(row.article_id, similarity)
    return best


def index_story(connection: Connection, article_id: str, signature: Signature) -> None:
    connection.execute(
        insert(schema.story_signatures), [{"article_id": article_id, "signature": signature.to_bytes()}]
    )
    connection.execute(
        insert(schema.story_bands),
        [
            {"band": band, "hash": digest, "article_id": article_id}
            for band, digest in dict(signature.bands()).items()
        ],
    )


def add_source(
    connection: Connection, story_id: str, document: Document, similarity: float, now: datetime
) -> None:
    """Record that `document` (the story itself, or a copy of it) was carried by its URL and outlet.

    A copy whose body is the very same as a stored one has the same content-derived id; its row is keyed by
    that id and its URL (`ID~url-hash`), so every URL that carried the story is kept.
    """
    article = document.article
    source_id = article.id
    ss = schema.story_sources
    if (
        article.url
        and connection.execute(select(ss.c.article_id).where(ss.c.article_id == source_id)).first()
    ):
        source_id = f"{article.id}~{hashlib.sha256(article.url.encode('utf-8')).hexdigest()[:16]}"
    connection.execute(
        insert(schema.story_sources),
        [
            {
                "article_id": source_id,
                "story_id": story_id,
                "url": article.url or None,
                "content_hash": content_hash(document),
                "source": article.source,
                "title": article.title,
                "published": article.published,
                "similarity": round(similarity, 4),
                "added_at": now,
            }
        ],
    )


def find_source(connection: Connection, digest: str | None, url: str | None) -> str | None:
    """The story a source with this content hash or URL belongs to, if any."""
    ss = schema.story_sources
    conditions = [ss.c.content_hash == digest] if digest else []
    conditions += [ss.c.url == url] if url else []
    if not conditions:
        return None
    return connection.execute(select(ss.c.story_id).where(or_(*conditions)).limit(1)).scalar()
