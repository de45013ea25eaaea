import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from tacitus.store import Store
from tacitus.store.schema import TABLES, TRIGRAM_INDEXES, WORD_COLUMNS, WORD_INDEXES, metadata
from tacitus.store.store import HEAD


def test_store_migrates_an_empty_database_to_head(store_url):
    with Store(store_url, upgrade=False) as store:
        assert store.revision() is None
        store.upgrade()
        assert store.revision() == HEAD
        assert set(store.stats()) == {table.name for table in TABLES}


def test_store_upgrade_twice_is_a_no_op(store):
    store.save_many([])
    before = store.stats()
    store.upgrade()
    store.upgrade()
    assert store.revision() == HEAD
    assert store.stats() == before


def test_store_migrations_build_exactly_the_declared_schema(store):
    def declared_or_trigram(obj, name, type_, reflected, compare_to):
        # PostgreSQL's trigram indexes are made by the migration alone (one backend only): checked below.
        if type_ == "column" and name in WORD_COLUMNS:
            return False
        return not (type_ == "index" and (name in TRIGRAM_INDEXES or name in WORD_INDEXES))

    engine = create_engine(store.engine.url.render_as_string(hide_password=False))
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": declared_or_trigram}
        )
        differences = compare_metadata(context, metadata)
    engine.dispose()
    assert differences == []


@pytest.mark.postgres
def test_store_migration_makes_the_trigram_indexes_on_postgresql(postgres_urls):
    with Store(postgres_urls["write"]) as store:
        indexes = {
            (index["name"], table)
            for table in ("actors", "events")
            for index in inspect(store.engine).get_indexes(table)
        }
    expected = {**TRIGRAM_INDEXES, **WORD_INDEXES}
    assert {(name, table) for name, (table, _column) in expected.items()} <= indexes


def test_store_creates_the_indexes_the_filters_use(store):
    engine = create_engine(store.engine.url.render_as_string(hide_password=False))
    indexes = {
        index["name"]
        for table in ("events", "actors", "articles")
        for index in inspect(engine).get_indexes(table)
    }
    engine.dispose()
    assert {
        "ix_events_type",
        "ix_events_date_key_article_id_position",
        "ix_events_type_date_key",
        "ix_events_status_date_key",
        "ix_events_status",
        "ix_actors_country",
        "ix_actors_kb_id",
        "ix_articles_published",
    } <= indexes


def test_store_reopening_keeps_the_data(store_url, corpus):
    with Store(store_url) as store:
        store.save(corpus[0])
    with Store(store_url) as store:
        assert store.document("moscow") == corpus[0]


def test_store_head_constant_is_the_newest_migration():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from tacitus.store.store import HEAD, MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_store_head_constant_is_the_one_newest_migration():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from tacitus.store.store import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [HEAD]


def test_store_migration_0004_copies_stored_events_actors_into_their_rows(store_url):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from tacitus.store.store import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(store_url)
    with engine.begin() as connection:  # a store as 0003 left it, with one article that has one event
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        connection.execute(
            text(
                "INSERT INTO articles (id, content_hash, document, ingested_at) VALUES ('a', 'h', '{}', CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO actors (article_id, actor_id, position, name, type, country, kb_id, mentions, search) VALUES "
                "('a', 'A1', 0, 'Sergey Lavrov', 'person', 'RUS', 'Q1', 1, 'sergey lavrov\nlavrov'), "
                "('a', 'A2', 1, 'Hamas', 'group', 'PSE', NULL, 1, 'hamas')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO events (article_id, event_id, position, type, status, date_inferred, confidence) "
                "VALUES ('a', 'E1', 0, 'CONSULT', 'occurred', false, 0.9), ('a', 'E2', 1, 'PROTEST', 'occurred', false, 0.5)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO event_actors (article_id, event_id, role, actor_id, position) "
                "VALUES ('a', 'E1', 'source', 'A1', 0), ('a', 'E1', 'target', 'A2', 0)"
            )
        )
    engine.dispose()
    with Store(store_url) as store:
        assert store.revision() == HEAD
        with store.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT event_id, source_search, target_search, actor_countries, dyad_pairs FROM events "
                    "ORDER BY event_id"
                )
            ).all()
        assert [tuple(r) for r in rows] == [
            ("E1", "sergey lavrov\nlavrov\nq1", "hamas", " RUS PSE ", "sergey>hamas lavrov>hamas q1>hamas"),
            ("E2", None, None, None, None),
        ]
        assert [row.event_id for row in store.events(dyad="Lavrov:Hamas")] == ["E1"]
        assert store.events(dyad="Hamas:Lavrov") == []
        assert [row.event_id for row in store.events(actor="lavrov")] == ["E1"]
        assert [row.event_id for row in store.events(country="PSE")] == ["E1"]
