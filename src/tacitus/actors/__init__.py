"""Actors: who is named in an article, coded with country, sector and roles, one entity per real actor.

Recognition reuses the pipeline's one spaCy parse: the knowledge base (`data/*.yaml`, extendable with the
user's own files) is matched with a phrase matcher compiled once per process, combined with spaCy's entities,
grouped by name, voted on type, given roles from the surrounding words, and extended with the pronouns and
definite descriptions that refer to it. `actor_at` lets later stages map any span to an actor id.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tacitus.actors.coref import resolve_references
from tacitus.actors.kb import KnowledgeBase, load_knowledge_base
from tacitus.actors.resolve import build_clusters, to_actors
from tacitus.analysis import Analysis
from tacitus.contract import Actor, Document

__all__ = [
    "KnowledgeBase",
    "actor_at",
    "annotate",
    "composite_code",
    "find_actors",
    "load_knowledge_base",
    "use_extra_knowledge",
]

_EXTRA: tuple[Path, ...] = ()


def use_extra_knowledge(paths: Sequence[Path | str]) -> KnowledgeBase:
    """Use these user files (`--actors my.yaml`) for the rest of the process; loads them now so errors show early."""
    global _EXTRA
    extra = tuple(Path(p) for p in paths)
    kb = load_knowledge_base(extra)
    _EXTRA = extra
    return kb


def current_knowledge_base() -> KnowledgeBase:
    return load_knowledge_base(_EXTRA)


def annotate(analysis: Analysis, document: Document) -> None:
    document.actors.extend(find_actors(analysis, current_knowledge_base()))


def find_actors(analysis: Analysis, kb: KnowledgeBase) -> list[Actor]:
    """The actors of one parsed article."""
    clusters = build_clusters(analysis.doc, kb, analysis.published)
    resolve_references(analysis.doc, clusters)
    clusters.sort(key=lambda c: c.first)
    return to_actors(analysis.doc, clusters, kb, analysis.published)


def actor_at(document: Document, start: int, end: int) -> str | None:
    """The id of the actor with a mention covering, else overlapping, the characters [start, end)."""
    index = _mention_index(document)
    low = bisect_left(index.starts, min(start, end) - index.longest)
    high = bisect_right(index.starts, max(start, end))
    rows = index.rows[low:high]
    covering = [
        (order, actor_id) for m_start, m_end, order, actor_id in rows if m_start <= start and end <= m_end
    ]
    if covering:
        return min(covering)[1]
    overlapping = [
        (order, actor_id) for m_start, m_end, order, actor_id in rows if m_start < end and start < m_end
    ]
    return min(overlapping)[1] if overlapping else None


@dataclass
class _MentionIndex:
    """The body mentions of a document's actors sorted by start, each with its (actor, mention) order: later
    stages ask `actor_at` once per event, quote or number, and scanning every mention per question grew with
    the square of the article's length."""

    actors: list
    count: int
    rows: list[tuple[int, int, tuple[int, int], str]]
    starts: list[int]
    longest: int


_last_index: list = [None, None]  # [the document (weakly), its index]


def _mention_index(document: Document) -> _MentionIndex:
    ref, index = _last_index
    fresh = ref is not None and ref() is document and index.actors is document.actors
    if fresh and index.count == len(document.actors):
        return index
    rows = sorted(
        (mention.start, mention.end, (a, m), actor.id)
        for a, actor in enumerate(document.actors)
        for m, mention in enumerate(actor.mentions)
        if mention.part is None
    )
    longest = max((end - start for start, end, _, _ in rows), default=0)
    index = _MentionIndex(document.actors, len(document.actors), rows, [row[0] for row in rows], longest)
    _last_index[:] = [weakref.ref(document), index]
    return index


_CODE_SECTORS = ("IGO", "NGO", "IMG")


def composite_code(actor: Actor) -> str | None:
    """The actor's CAMEO-style composite code: country then sectors (RUSGOV, SYRREB, ISRMIL; IGO, NGO and IMG
    stand first when there is no country: IGOUNO-style bodies give "IGO"); None when nothing is coded."""
    sectors = [s for s in actor.sector if s not in _CODE_SECTORS]
    head = actor.country or next((s for s in actor.sector if s in _CODE_SECTORS), None)
    if head is None:
        return "".join(sectors) or None
    return head + "".join(sectors)
