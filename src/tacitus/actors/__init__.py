"""Actors: spaCy entities grouped by name (minimal stage; the actor issue replaces it)."""

from __future__ import annotations

from tacitus.analysis import Analysis
from tacitus.contract import Actor, ActorType, Document, Span

_TYPES = {"PERSON": ActorType.PERSON, "ORG": ActorType.ORGANIZATION, "GPE": ActorType.COUNTRY,
          "NORP": ActorType.GROUP, "LOC": ActorType.PLACE, "FAC": ActorType.PLACE}


def annotate(analysis: Analysis, document: Document) -> None:
    by_name: dict[str, Actor] = {}
    for ent in analysis.doc.ents:
        kind = _TYPES.get(ent.label_)
        name = ent.text.strip()
        if kind is None or not name:
            continue
        actor = by_name.get(name)
        if actor is None:
            actor = Actor(id=f"A{len(by_name) + 1}", name=name, type=kind)
            by_name[name] = actor
        actor.mentions.append(Span(start=ent.start_char, end=ent.start_char + len(name), text=name))
    document.actors.extend(by_name.values())
