"""Events: PLOVER events with status, place, date, attribution and evidence, one record per real-world event.

`annotate(analysis, document)` codes mentions on spaCy's parse (`coding.py`), reads their status
(`status.py`), place (`places.py`) and date (`dates.py`), merges coreferent mentions (`merge.py`) and fills
`document.events`. It reads `document.actors`, `document.timexes` and `document.quotes`, filled before it.
"""

from __future__ import annotations

from tacitus.analysis import Analysis
from tacitus.contract import Document, Event
from tacitus.events.coding import code_mentions
from tacitus.events.mention import Mention
from tacitus.events.merge import confidence, evidence, merge_coreferent
from tacitus.events.ontology import Ontology, load_lexicon, load_ontology

__all__ = ["annotate", "load_ontology", "Ontology", "extract_events"]


def extract_events(analysis: Analysis, document: Document) -> list[Event]:
    """The events of one analysed document, without touching it."""
    mentions = code_mentions(analysis, document, load_ontology(), load_lexicon())
    events = []
    for index, cluster in enumerate(merge_coreferent(mentions), start=1):
        events.append(_event(f"E{index}", cluster.mentions, analysis.text, cluster))
    return events


def _event(event_id: str, mentions: list[Mention], text: str, cluster) -> Event:
    main = max(mentions, key=lambda m: (not m.nominal, len(m.participants), -m.start))
    sources = _union(m.sources for m in mentions)
    targets = [a for a in _union(m.targets for m in mentions) if a not in sources]
    return Event(
        id=event_id,
        type=main.type,
        mode=main.mode or next((m.mode for m in mentions if m.mode), None),
        context=_union(m.context for m in mentions),
        status=cluster.status,
        sources=sources,
        targets=targets,
        date=cluster.date,
        place=cluster.place,
        attribution=next((m.attribution for m in mentions if m.attribution), None),
        evidence=[evidence(m, text) for m in mentions],
        confidence=confidence(cluster),
        rule=main.rule,
    )


def _union(lists) -> list[str]:
    seen: list[str] = []
    for items in lists:
        seen.extend(item for item in items if item not in seen)
    return seen


def annotate(analysis: Analysis, document: Document) -> None:
    document.events = extract_events(analysis, document)
