"""Actor memory in the database: load the facts that may code a document's actors, and keep what it teaches.

The rules live in `tacitus.actors.memory` (pure functions); this module only stores and finds facts. A save
runs `remember` inside the article's own transaction, so a fact never outlives or precedes its article.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import Connection, insert, or_, select

from tacitus.actors import memory
from tacitus.contract import ActorType, Document
from tacitus.store import schema

_TUPLE_FIELDS = ("aliases", "sector", "affiliations")


def fact_to_json(fact: memory.ActorFact) -> str:
    return json.dumps(asdict(fact), ensure_ascii=False)


def fact_from_json(text: str) -> memory.ActorFact:
    data = json.loads(text)
    data["type"] = ActorType(data["type"])
    data["roles"] = tuple(tuple(role) for role in data["roles"])
    for name in _TUPLE_FIELDS:
        data[name] = tuple(data[name])
    return memory.ActorFact(**data)


def candidate_facts(connection: Connection, document: Document) -> list[memory.ActorFact]:
    """Facts whose names match a document actor's name or lone surname: all `memory.apply` needs to decide."""
    keys, surnames = set(), set()
    for actor in document.actors:
        if memory.needs_memory(actor):
            keys |= {" ".join(key) for key in memory.lookup_keys(actor)}
            surnames |= memory.lone_surnames(actor)
    if not keys and not surnames:
        return []
    f, k = schema.actor_facts, schema.actor_fact_keys
    matching = select(k.c.fact_id).where(or_(k.c.key.in_(sorted(keys)), k.c.surname.in_(sorted(surnames))))
    rows = connection.execute(select(f.c.fact).where(f.c.id.in_(matching)).order_by(f.c.id))
    return [fact_from_json(row.fact) for row in rows]


def recall(connection: Connection, document: Document) -> dict[str, str]:
    """Code the document's uncoded actors from stored facts; return each actor's identity across articles.

    Changes `document` in place (memory-coded actors get country, sector, roles and `coded_from`), so the
    caller runs it before the document's rows are written.
    """
    facts = candidate_facts(connection, document)
    memory.apply(document, facts)
    return memory.identify(document, facts)


def keep(connection: Connection, document: Document, identities: dict[str, str]) -> None:
    """Store each actor's identity and what the document's own text teaches (after its article row)."""
    if identities:
        connection.execute(
            insert(schema.actor_identities),
            [
                {"article_id": document.article.id, "actor_id": actor_id, "identity": identity}
                for actor_id, identity in identities.items()
            ],
        )
    for fact, actor in _taught(document, identities):
        fact_id = connection.execute(
            insert(schema.actor_facts).values(
                article_id=document.article.id,
                actor_id=actor.id,
                identity=fact.identity,
                seen=fact.seen,
                fact=fact_to_json(fact),
            )
        ).inserted_primary_key[0]
        name_keys = {" ".join(key): key[-1] for key in fact.name_keys()}
        connection.execute(
            insert(schema.actor_fact_keys),
            [
                {"fact_id": fact_id, "key": key[:400], "surname": surname[:200]}
                for key, surname in name_keys.items()
            ],
        )


def _taught(document: Document, identities: dict[str, str]):
    by_name = {}
    for actor in document.actors:
        by_name.setdefault(actor.name, actor)
    for fact in memory.learn(document, identities):
        if fact.name_keys():
            yield fact, by_name[fact.name]
