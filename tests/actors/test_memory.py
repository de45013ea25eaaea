"""Actor memory: what one article teaches codes a later article, without a database."""

from __future__ import annotations

from tacitus.actors import memory
from tacitus.contract import ActorType


def test_memory_learns_roles_from_text(who):
    first = who("Russia's Deputy Foreign Minister Mikhail Bogdanov met the envoy.", "2024-06-10")
    facts = memory.learn(first)
    fact = next(f for f in facts if f.name == "Mikhail Bogdanov")
    assert (fact.country, fact.sector, fact.seen) == ("RUS", ("GOV",), "2024-06-10")
    assert fact.roles == (("Deputy Foreign Minister", "Russia"),)


def test_memory_skips_knowledge_base_actors(who):
    facts = memory.learn(who("Sergey Lavrov met Antony Blinken.", "2024-06-10"))
    assert facts == []


def test_memory_codes_a_later_lone_surname(who):
    facts = memory.learn(
        who("Russia's Deputy Foreign Minister Mikhail Bogdanov met the envoy.", "2024-06-10")
    )
    later = who("Bogdanov said the talks would continue.", "2024-07-01")
    memory.apply(later, facts)
    bogdanov = next(a for a in later.actors if a.name == "Bogdanov")
    assert (bogdanov.type, bogdanov.country, bogdanov.sector) == (ActorType.PERSON, "RUS", ["GOV"])
    assert bogdanov.roles[0].since == "2024-06-10" and "Mikhail Bogdanov" in bogdanov.aliases


def test_memory_prefers_the_latest_fact_before_the_article():
    old = memory.ActorFact(
        name="Jan Novak", type=ActorType.PERSON, country="CZE", sector=("GOV",), seen="2020-01-01"
    )
    new = memory.ActorFact(
        name="Jan Novak", type=ActorType.PERSON, country="CZE", sector=("BUS",), seen="2023-01-01"
    )
    future = memory.ActorFact(
        name="Jan Novak", type=ActorType.PERSON, country="CZE", sector=("MIL",), seen="2030-01-01"
    )
    from tacitus.contract import Actor

    actor = Actor(id="A1", name="Jan Novak", type=ActorType.PERSON)
    assert memory.best_fact(actor, [old, new, future], "2024-01-01") is new


def test_memory_ambiguous_surname_codes_nothing(who):
    facts = [
        memory.ActorFact(name="Anna Petrova", type=ActorType.PERSON, country="RUS", sector=("GOV",)),
        memory.ActorFact(name="Olga Petrova", type=ActorType.PERSON, country="UKR", sector=("CVL",)),
    ]
    later = who("Petrova said the vote was rigged.", "2024-07-01")
    memory.apply(later, facts)
    assert all(a.country is None for a in later.actors if a.name == "Petrova")
