"""Actor memory across documents, as pure functions the store can call (no database here).

`learn(document)` lists what an article teaches about actors the knowledge base does not know ("Bogdanov is
Russia's Deputy Foreign Minister", seen 2024-06-10); `apply(document, facts)` codes the actors a later
article leaves uncoded ("Bogdanov said…") from those facts, preferring the latest fact seen on or before the
article's date. Names match spelling-insensitively, and a lone surname matches a full name when only one
remembered actor carries it. `identify` gives each actor the identity it shares with the same actor in other
articles (its knowledge-base id, else the remembered actor it matches, else its own name), so the store can
list one actor across articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tacitus.actors.resolve import name_key
from tacitus.contract import Actor, ActorType, Document, Role


@dataclass(frozen=True)
class ActorFact:
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: tuple[str, ...] = ()
    roles: tuple[tuple[str, str | None], ...] = ()  # (title, of) with `of` as a name, not a document id
    seen: str | None = None  # the article's publication date
    article: str | None = None
    affiliations: tuple[str, ...] = field(default=())  # names of groups
    identity: str = ""  # shared by every article's record of this actor; see `identify`

    def name_keys(self) -> set[tuple[str, ...]]:
        """Name keys this fact answers to (its name and aliases)."""
        return {key for key in (name_key(n) for n in [self.name, *self.aliases]) if key}


def name_identity(name: str) -> str:
    return "name:" + " ".join(name_key(name))


def lone_surnames(actor: Actor) -> set[str]:
    """One-word names ("Bogdanov") an actor goes by: the keys a remembered full name may answer to."""
    return {
        key[0] for key in (name_key(n) for n in [actor.name, *actor.aliases] if _is_name(n)) if len(key) == 1
    }


def lookup_keys(actor: Actor) -> set[tuple[str, ...]]:
    return {key for key in (name_key(n) for n in [actor.name, *actor.aliases] if _is_name(n)) if key}


def needs_memory(actor: Actor) -> bool:
    """Actors memory can code: named, not from the knowledge base, not places."""
    return actor.kb_id is None and actor.type not in (ActorType.PLACE, ActorType.COUNTRY)


def learn(document: Document, identities: dict[str, str] | None = None) -> list[ActorFact]:
    """Facts about the actors this document codes from its own text (knowledge-base actors need no memory).

    Actors that memory coded teach nothing new: re-learning them would make a guess look like a second source.
    """
    facts = []
    seen = (document.article.published or "")[:10] or None
    identities = identities or {}
    for actor in document.actors:
        if not needs_memory(actor) or actor.coded_from is not None:
            continue
        if not (actor.country or actor.sector or actor.roles):
            continue
        roles = tuple((role.title, _name_of(document, role.of)) for role in actor.roles)
        facts.append(
            ActorFact(
                name=actor.name,
                type=actor.type,
                aliases=tuple(a for a in actor.aliases if _is_name(a)),
                country=actor.country,
                sector=tuple(actor.sector),
                roles=roles,
                seen=seen,
                article=document.article.id,
                affiliations=tuple(_name_of(document, a) or a for a in actor.affiliations),
                identity=identities.get(actor.id) or name_identity(actor.name),
            )
        )
    return facts


def apply(document: Document, facts: Iterable[ActorFact]) -> None:
    """Code the document's uncoded actors from earlier facts (in place), naming the article they came from."""
    facts = list(facts)
    published = (document.article.published or "")[:10] or None
    for actor in document.actors:
        if actor.kb_id is not None or actor.country or actor.sector or actor.roles:
            continue
        fact = best_fact(actor, facts, published)
        if fact is None:
            continue
        actor.coded_from = fact.article
        actor.country = fact.country
        actor.sector = list(fact.sector)
        actor.roles = [Role(title=title, of=of, since=fact.seen) for title, of in fact.roles]
        if actor.type != fact.type and fact.type == ActorType.PERSON:
            actor.type = fact.type
        if fact.name != actor.name and fact.name not in actor.aliases:
            actor.aliases.append(fact.name)


def identify(document: Document, facts: Iterable[ActorFact]) -> dict[str, str]:
    """Actor id → the identity this actor shares with its records in other articles."""
    facts = list(facts)
    published = (document.article.published or "")[:10] or None
    identities = {}
    for actor in document.actors:
        if actor.kb_id is not None:
            identities[actor.id] = f"kb:{actor.kb_id}"
            continue
        fact = best_fact(actor, facts, published) if needs_memory(actor) else None
        identities[actor.id] = (
            (fact.identity or name_identity(fact.name)) if fact else name_identity(actor.name)
        )
    return identities


def best_fact(actor: Actor, facts: list[ActorFact], published: str | None) -> ActorFact | None:
    matching = [f for f in facts if _same_actor(actor, f, facts)]
    if not matching:
        return None
    before = [f for f in matching if published is None or f.seen is None or f.seen <= published]
    return max(before or matching, key=lambda f: f.seen or "")


def _same_actor(actor: Actor, fact: ActorFact, facts: list[ActorFact]) -> bool:
    names = {name_key(n) for n in [actor.name, *actor.aliases] if _is_name(n)}
    known = fact.name_keys()
    if names & known:
        return True
    lone = [n for n in names if len(n) == 1]
    if not lone:
        return False
    surname = lone[0]
    carriers = {
        f.name for f in facts if any(k[-1:] == surname for k in map(name_key, [f.name, *f.aliases]) if k)
    }
    return len(carriers) == 1 and any(k[-1:] == surname for k in known if k)


def _is_name(text: str) -> bool:
    return bool(text) and text[:1].isupper()


def _name_of(document: Document, value: str | None) -> str | None:
    actor = document.actor(value)
    return actor.name if actor is not None else value
