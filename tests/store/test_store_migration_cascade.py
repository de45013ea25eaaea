"""A migration that rebuilds tables (SQLite's batch mode) keeps every child row: downgrading 0004 and
upgrading again used to empty event_actors and cluster_members through ON DELETE CASCADE."""

from __future__ import annotations

from sqlalchemy import text

CHILDREN = ("event_actors", "cluster_members", "actors", "events")


def _counts(store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in CHILDREN}


def test_store_down_and_up_keeps_every_child_row(store, corpus):
    store.save_many(corpus)
    before = _counts(store)
    assert before["event_actors"] > 0 and before["cluster_members"] > 0
    store.migrate("0003", downgrade=True)
    assert store.revision() == "0003"
    assert _counts(store) == before
    store.upgrade()
    assert _counts(store) == before
    assert store.events(actor="Lavrov")  # 0004's columns are filled again from the kept links


def test_store_foreign_keys_are_on_again_after_a_migration(store, corpus):
    if store.engine.dialect.name != "sqlite":
        return
    store.migrate("0003", downgrade=True)
    store.upgrade()
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
