"""Typed rows the list commands print and export.

Most fields are one scalar; the older name and id columns of a row are joined by '; '. The actor keys of an
event (`source_keys`, `target_keys`) are lists: lists in JSON, JSONL and Parquet, and joined by '; ' only by
the CSV and table writers (`tacitus.store.export`), so events can be joined to `tacitus actors` by key.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Literal

JOIN = "; "


@dataclass(frozen=True)
class SaveResult:
    article_id: str
    # copy: a syndicated copy of `article_id`; updated: a corrected text replaced the stored one
    status: Literal["stored", "updated", "duplicate", "copy", "failed"]
    reason: str | None = None


@dataclass(frozen=True)
class Failure:
    id: int
    source: str
    reason: str
    failed_at: str


@dataclass(frozen=True)
class ArticleRow:
    article_id: str
    published: str | None
    title: str | None
    source: str | None
    url: str | None
    n_sources: int
    sources: str | None  # every URL that carried the story (this article's first), joined by '; '
    language: str | None
    author: str | None
    actors: int
    events: int
    quotes: int
    claims: int
    warnings: str | None
    ingested_at: str


@dataclass(frozen=True)
class ActorRow:
    article_id: str
    actor_id: str
    key: str  # the actor's identity across articles (actor memory): `tacitus actors`, the actor page
    name: str
    type: str
    country: str | None
    aliases: str | None
    sector: str | None
    roles: str | None
    kb_id: str | None
    mentions: int
    published: str | None


@dataclass(frozen=True)
class EventRow:
    article_id: str
    event_id: str
    type: str
    mode: str | None
    context: str | None
    status: str
    date: str | None
    date_text: str | None
    source_ids: str | None
    source_names: str | None
    source_countries: str | None
    source_keys: list[str]
    target_ids: str | None
    target_names: str | None
    target_countries: str | None
    target_keys: list[str]
    place: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    attribution: str | None
    confidence: float
    evidence: str | None
    rule: str | None
    published: str | None


@dataclass(frozen=True)
class QuoteRow:
    article_id: str
    quote_id: str
    speaker_id: str | None
    speaker: str | None
    text: str
    direct: bool
    cue: str | None
    medium: str | None
    date: str | None
    start: int
    end: int
    part: str | None
    published: str | None


@dataclass(frozen=True)
class ClaimRow:
    article_id: str
    claim_id: str
    text: str
    value: float | None
    qualifier: str | None
    unit: str | None
    attribution_id: str | None
    attribution: str | None
    start: int
    end: int
    part: str | None
    published: str | None


@dataclass(frozen=True)
class ClusterRow:
    """One real-world event: the events of different stories that report it, and how far they agree."""

    cluster_id: int
    type: str
    date: str | None
    date_start: str | None
    date_end: str | None
    status: str
    place: str | None
    place_country: str | None
    n_sources: int
    n_events: int
    source_names: str | None
    target_names: str | None
    first_article_id: str
    first_event_id: str
    first_published: str | None
    status_agreement: float
    date_agreement: float | None
    place_agreement: float | None


@dataclass(frozen=True)
class ClusterMember:
    """One report of a clustered event: its article (story) with every URL that carried it, and its evidence."""

    article_id: str
    event_id: str
    title: str | None
    source: str | None
    url: str | None
    sources: str | None
    published: str | None
    status: str
    date: str | None
    date_text: str | None
    place: str | None
    evidence: str | None
    evidence_start: int | None
    evidence_end: int | None
    fit: float | None


Row = ArticleRow | ActorRow | EventRow | QuoteRow | ClaimRow | ClusterRow | Failure


def column_names(row_type: type) -> list[str]:
    return [f.name for f in fields(row_type)]


def utc_iso(moment: datetime) -> str:
    """SQLite hands back naive datetimes, PostgreSQL aware ones: print both the same way (we store UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def join(values) -> str | None:
    values = [v for v in values if v]
    return JOIN.join(values) if values else None


__all__ = [
    "ArticleRow",
    "ActorRow",
    "EventRow",
    "QuoteRow",
    "ClaimRow",
    "ClusterRow",
    "ClusterMember",
    "Failure",
    "SaveResult",
    "Row",
    "column_names",
    "join",
]
