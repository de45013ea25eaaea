"""Actor memory in the store: what one stored article teaches codes a later one, and actors list across articles."""

from __future__ import annotations

import pytest

import tacitus
from tacitus.contract import ActorType

TEACHES = (
    "Russia's Deputy Foreign Minister Mikhail Bogdanov met a Hamas delegation in Moscow on Monday. "
    "The talks covered the hostages held in Gaza."
)
LATER = "Bogdanov said on Wednesday that the talks with the delegation would continue next month."
UNRELATED = "Ivanov said on Thursday that the harvest in the region had been poor this year."


@pytest.fixture(scope="module")
def documents():
    """Parsed once per module; each test saves fresh copies into its own store."""
    return {
        "teaches": tacitus.extract(TEACHES, published="2024-06-11", url="https://example.org/a"),
        "later": tacitus.extract(LATER, published="2024-07-03", url="https://example.org/b"),
        "unrelated": tacitus.extract(UNRELATED, published="2024-07-04", url="https://example.org/c"),
    }


def fresh(document):
    return document.model_copy(deep=True)


def bogdanov(document):
    return next(actor for actor in document.actors if "Bogdanov" in actor.name)


def test_a_later_article_is_coded_from_what_an_earlier_one_taught(store, documents):
    first = store.save(fresh(documents["teaches"]))
    later = fresh(documents["later"])
    assert bogdanov(later).country is None  # its own text says nothing about him
    store.save(later)
    stored = bogdanov(store.document(later.article.id))
    assert (stored.type, stored.country, stored.sector) == (ActorType.PERSON, "RUS", ["GOV"])
    assert stored.roles[0].title == "Deputy Foreign Minister" and stored.roles[0].since == "2024-06-11"
    assert stored.coded_from == first.article_id  # the coding names the article whose text gave it


def test_memory_never_codes_from_nothing(store, documents):
    store.save(fresh(documents["later"]))
    stored = bogdanov(store.document(documents["later"].article.id))
    assert (stored.country, stored.sector, stored.coded_from) == (None, [], None)


def test_memory_leaves_other_actors_alone(store, documents):
    store.save(fresh(documents["teaches"]))
    store.save(fresh(documents["unrelated"]))
    ivanov = next(a for a in store.document(documents["unrelated"].article.id).actors if a.name == "Ivanov")
    assert (ivanov.country, ivanov.coded_from) == (None, None)


def test_actor_profiles_fold_one_actor_across_articles(store, documents):
    store.save(fresh(documents["teaches"]))
    store.save(fresh(documents["later"]))
    profile = next(p for p in store.actor_profiles(actor="bogdanov"))
    assert profile.name == "Mikhail Bogdanov" and "Bogdanov" in profile.aliases
    assert (profile.articles, profile.first_seen, profile.last_seen) == (2, "2024-06-11", "2024-07-03")
    assert profile.country == "RUS"
    assert "Deputy Foreign Minister (Russia) 2024-06-11…2024-07-03" in profile.roles
    assert set(profile.article_ids.split("; ")) == {
        documents["teaches"].article.id,
        documents["later"].article.id,
    }


def test_actor_profiles_merge_knowledge_base_actors_by_their_entry(store, documents):
    store.save(fresh(documents["teaches"]))
    store.save(fresh(documents["later"]))
    russia = [p for p in store.actor_profiles(country="RUS") if p.identity.startswith("kb:")]
    assert russia and all(p.identity.count(":") == 1 for p in russia)
    assert len({p.identity for p in store.actor_profiles()}) == len(store.actor_profiles())


def test_actor_profiles_page_and_filter(store, documents):
    for name in ("teaches", "later", "unrelated"):
        store.save(fresh(documents[name]))
    everyone = store.actor_profiles()
    assert everyone[0].articles >= everyone[-1].articles  # most-reported first
    assert len(store.actor_profiles(limit=2)) == 2
    assert [p.name for p in store.actor_profiles(since="2024-07-04")] == [
        p.name for p in store.actor_profiles(article=documents["unrelated"].article.id)
    ]


def test_a_memory_coded_actor_teaches_nothing_new(store, documents):
    store.save(fresh(documents["teaches"]))
    store.save(fresh(documents["later"]))
    with store.engine.connect() as connection:
        from sqlalchemy import func, select

        from tacitus.store import schema

        taught_by = connection.execute(
            select(schema.actor_facts.c.article_id, func.count()).group_by(schema.actor_facts.c.article_id)
        ).all()
    assert {article for article, _ in taught_by} == {documents["teaches"].article.id}
