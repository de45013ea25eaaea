"""A document to the rows of the store's tables: plain functions, no database, so tests can call them directly."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

from tacitus.contract import Actor, Document, Span
from tacitus.store.rows import join
from tacitus.store.words import dyad_tokens

# A TIMEX3 value that is a calendar date: 2024, 2024-06, 2024-06-10, or one with a time part (2024-06-10TNI).
CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|T)")
EVIDENCE_JOIN = " … "
# The tables a document's items go to, besides its `articles` row, in the order their foreign keys need.
CHILD_TABLES = ("actors", "events", "event_actors", "quotes", "claims", "timexes")


@dataclass
class FlatDocument:
    """The rows one document becomes, keyed by table name; `article` is the one `articles` row."""

    article: dict
    children: dict[str, list[dict]] = field(default_factory=dict)


def content_hash(document: Document) -> str:
    """The article's own hash when ingest set one, else sha256 of its text: the duplicate key besides the URL."""
    return document.article.content_hash or hashlib.sha256(document.article.text.encode("utf-8")).hexdigest()


def date_key(value: str | None, published: str | None) -> str | None:
    """What `--since/--until` compare: the calendar part of a date value, else the article's publication date.

    `PAST_REF`, `2024-W23` or `2024-SU` are not calendar dates, so the article date stands in for them.
    """
    match = CALENDAR.match(value or "")
    if match:
        return match.group(0)
    return published[:10] if published else None


def span_text(document: Document, span: Span) -> str:
    if span.text is not None:
        return span.text
    text = document.article.text
    if span.part and span.part.startswith("caption:"):
        index = int(span.part.split(":", 1)[1])
        captions = document.article.captions
        text = captions[index].text if 0 <= index < len(captions) else ""
    return text[span.start : span.end]


def _role_text(document: Document, actor: Actor) -> str | None:
    parts = []
    for role in actor.roles:
        of = document.actor(role.of)
        of_name = of.name if of else role.of
        parts.append(f"{role.title} ({of_name})" if of_name else role.title)
    return join(parts)


def flatten(document: Document, ingested_at: datetime) -> FlatDocument:
    article = document.article
    published = article.published
    article_id = article.id
    flat = FlatDocument(
        article={
            "id": article_id,
            "url": article.url or None,
            "content_hash": content_hash(document),
            "source": article.source,
            "title": article.title,
            "subtitle": article.subtitle,
            "author": article.author,
            "published": published,
            "language": article.language,
            "warnings": join(article.warnings),
            "document": document.to_json(),
            "ingested_at": ingested_at,
        }
    )
    flat.children["actors"] = [
        {
            "article_id": article_id,
            "actor_id": actor.id,
            "position": position,
            "name": actor.name,
            "type": str(actor.type),
            "country": actor.country,
            "aliases": join(actor.aliases),
            "sector": join(actor.sector),
            "roles": _role_text(document, actor),
            "kb_id": actor.kb_id,
            "mentions": len(actor.mentions),
            "search": "\n".join([actor.name, *actor.aliases]).casefold(),
        }
        for position, actor in enumerate(document.actors)
    ]
    flat.children["events"] = [
        _event_row(document, position, event) for position, event in enumerate(document.events)
    ]
    flat.children["event_actors"] = [
        {
            "article_id": article_id,
            "event_id": event.id,
            "role": role,
            "actor_id": actor_id,
            "position": position,
        }
        for event in document.events
        for role, ids in (("source", event.sources), ("target", event.targets))
        for position, actor_id in enumerate(dict.fromkeys(ids))
    ]
    flat.children["quotes"] = [
        {
            "article_id": article_id,
            "quote_id": quote.id,
            "position": position,
            "speaker": quote.speaker,
            "text": quote.text,
            "direct": quote.direct,
            "cue": quote.cue,
            "medium": quote.medium,
            "date_value": quote.date.value if quote.date else None,
            "date_key": date_key(quote.date.value if quote.date else None, published),
            "start": quote.evidence.start,
            "end": quote.evidence.end,
            "part": quote.evidence.part,
        }
        for position, quote in enumerate(document.quotes)
    ]
    flat.children["claims"] = [
        {
            "article_id": article_id,
            "claim_id": claim.id,
            "position": position,
            "text": claim.text,
            "value": claim.quantity.value if claim.quantity else None,
            "qualifier": claim.quantity.qualifier if claim.quantity else None,
            "unit": claim.quantity.unit if claim.quantity else None,
            "attribution": claim.attribution,
            "start": claim.evidence.start,
            "end": claim.evidence.end,
            "part": claim.evidence.part,
        }
        for position, claim in enumerate(document.claims)
    ]
    flat.children["timexes"] = [
        {
            "article_id": article_id,
            "position": position,
            "start": timex.start,
            "end": timex.end,
            "text": timex.text,
            "type": str(timex.type),
            "value": timex.value,
            "part": timex.part,
        }
        for position, timex in enumerate(document.timexes)
    ]
    return flat


def actor_search(actor: Actor) -> str:
    """What the substring filters match an actor by: casefolded name, aliases and KB id, one a line."""
    return "\n".join([actor.name, *actor.aliases, *([actor.kb_id] if actor.kb_id else [])]).casefold()


def countries_text(countries) -> str | None:
    """' RUS UKR ': each code with a space on both sides, so a match on ' RUS ' is a whole code."""
    codes = list(dict.fromkeys(code for code in countries if code))
    return f" {' '.join(codes)} " if codes else None


def _event_actor_columns(document: Document, event) -> dict:
    sides = {}
    countries = []
    for column, ids in (("source_search", event.sources), ("target_search", event.targets)):
        actors = [document.actor(actor_id) for actor_id in dict.fromkeys(ids)]
        found = [actor for actor in actors if actor is not None]
        sides[column] = "\n".join(actor_search(actor) for actor in found) or None
        countries += [actor.country for actor in found]
    pairs = dyad_tokens(sides["source_search"], sides["target_search"])
    return {**sides, "actor_countries": countries_text(countries), "dyad_pairs": pairs}


def _event_row(document: Document, position: int, event) -> dict:
    first = event.evidence[0] if event.evidence else None
    date_value = event.date.value if event.date else None
    return {
        "article_id": document.article.id,
        "event_id": event.id,
        "position": position,
        "type": event.type,
        "mode": event.mode,
        "context": join(event.context),
        "status": str(event.status),
        "date_value": date_value,
        "date_text": event.date.text if event.date else None,
        "date_inferred": bool(event.date and event.date.inferred),
        "date_key": date_key(date_value, document.article.published),
        "place": event.place.name if event.place else None,
        "place_country": event.place.country if event.place else None,
        "lat": event.place.lat if event.place else None,
        "lon": event.place.lon if event.place else None,
        "attribution": event.attribution,
        "confidence": event.confidence,
        "rule": event.rule,
        "evidence": EVIDENCE_JOIN.join(span_text(document, span) for span in event.evidence) or None,
        "evidence_start": first.start if first else None,
        "evidence_end": first.end if first else None,
        "evidence_part": first.part if first else None,
        **_event_actor_columns(document, event),
    }
