"""The list filters at corpus scale (a million events): each common filter, combined with the default order
(event date), is served by an index instead of a scan and a sort of the whole table.

Events get their actors' names and countries as columns of their own (`source_search`, `target_search`,
`actor_countries`, filled from `actors` and `event_actors` here, and by `Store.save` from then on), so the
actor, dyad and country filters are conditions on `events` alone instead of a join through a million links.

On PostgreSQL, full-text GIN indexes serve the actor and country filters (matched by words there), and
trigram (pg_trgm) GIN indexes serve the substring matches: actor rows' names and the text search over
evidence, place and type (`q`). pg_trgm is a trusted extension
(PostgreSQL 13+), so the database owner may create it; where it cannot be created the migration goes on without
those indexes (the queries are the same, only slower) and says so in the log.

Revision ID: 0004
Revises: 0003
"""

import logging
import re

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

log = logging.getLogger("tacitus.store")

BTREE = {
    "ix_events_date_key_article_id_position": ("events", ["date_key", "article_id", "position"]),
    "ix_events_type_date_key": ("events", ["type", "date_key"]),
    "ix_events_status_date_key": ("events", ["status", "date_key"]),
    "ix_events_place_country_date_key": ("events", ["place_country", "date_key"]),
    "ix_events_confidence_article_id_position": ("events", ["confidence", "article_id", "position"]),
    "ix_event_actors_actor_id": ("event_actors", ["actor_id"]),
    "ix_actors_kb_id": ("actors", ["kb_id"]),
}

# name -> (table, column): GIN trigram index on lower(column), PostgreSQL only (see schema.TRIGRAM_INDEXES).
# PostgreSQL only: stored tsvector columns of the name columns, GIN-indexed; the actor and country filters
# match by words there (tacitus.store.words). words column -> (index, name column)
WORDS = {
    "source_words": ("ix_events_source_words", "source_search"),
    "target_words": ("ix_events_target_words", "target_search"),
    "country_words": ("ix_events_country_words", "actor_countries"),
}
WORD = re.compile(r"\w+")
TRIGRAM = {
    "ix_actors_search_trgm": ("actors", "search"),
    "ix_events_evidence_trgm": ("events", "evidence"),
    "ix_events_place_trgm": ("events", "place"),
    "ix_events_type_trgm": ("events", "type"),
}


ACTOR_COLUMNS = {
    "dyad_pairs": "Every (source word, target word) pair, 'russia>ukraine', space-separated",
    "source_search": "Casefolded names, aliases and KB ids of the sources, one a line",
    "target_search": "Casefolded names, aliases and KB ids of the targets, one a line",
    "actor_countries": "Source and target countries, ' RUS UKR ': space before and after each",
}


def upgrade() -> None:
    for name, comment in ACTOR_COLUMNS.items():
        op.add_column("events", sa.Column(name, sa.Text, comment=comment))
    _fill_actor_columns(op.get_bind())
    for name, (table, columns) in BTREE.items():
        op.create_index(name, table, columns)
    # The single-column date and confidence indexes lead composite ones now: drop the duplicates.
    op.drop_index("ix_events_date_key", table_name="events")
    op.drop_index("ix_events_confidence", table_name="events")
    if op.get_bind().dialect.name != "postgresql":
        return
    for words, (index, column) in WORDS.items():
        op.execute(
            f"ALTER TABLE events ADD COLUMN {words} tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce({column}, ''))) STORED"
        )
        op.execute(f"CREATE INDEX {index} ON events USING gin ({words})")
    # The dyad pairs are tokens already ("russia>ukraine"): kept verbatim, not parsed into words.
    op.execute(
        "ALTER TABLE events ADD COLUMN dyad_words tsvector "
        "GENERATED ALWAYS AS (array_to_tsvector(string_to_array(coalesce(dyad_pairs, ''), ' '))) STORED"
    )
    op.execute("CREATE INDEX ix_events_dyad_words ON events USING gin (dyad_words)")
    extension_schema = _trigram_schema(op.get_bind())
    if extension_schema is None:
        return
    for name, (table, column) in TRIGRAM.items():
        op.execute(
            f'CREATE INDEX {name} ON {table} USING gin (lower({column}) "{extension_schema}".gin_trgm_ops)'
        )


def _fill_actor_columns(bind) -> None:
    """Copy each stored event's actors into its new columns, an article at a time (same text as flatten)."""
    links = bind.execute(
        sa.text(
            "SELECT ea.article_id, ea.event_id, ea.role, ac.search, ac.kb_id, ac.country FROM event_actors ea "
            "JOIN actors ac ON ac.article_id = ea.article_id AND ac.actor_id = ea.actor_id "
            "ORDER BY ea.article_id, ea.event_id, ea.role, ea.position"
        )
    )
    values: dict[tuple[str, str], dict] = {}
    for article_id, event_id, role, search, kb_id, country in links:
        entry = values.setdefault((article_id, event_id), {"source": [], "target": [], "countries": []})
        entry[role].append(search + (f"\n{kb_id.casefold()}" if kb_id else ""))
        if country and country not in entry["countries"]:
            entry["countries"].append(country)
    update = sa.text(
        "UPDATE events SET source_search = :source, target_search = :target, actor_countries = :countries, "
        "dyad_pairs = :pairs WHERE article_id = :article_id AND event_id = :event_id"
    )
    rows = [
        {
            "article_id": article_id,
            "event_id": event_id,
            "source": "\n".join(entry["source"]) or None,
            "target": "\n".join(entry["target"]) or None,
            "countries": f" {' '.join(entry['countries'])} " if entry["countries"] else None,
            "pairs": _pairs("\n".join(entry["source"]), "\n".join(entry["target"])),
        }
        for (article_id, event_id), entry in values.items()
    ]
    for start in range(0, len(rows), 5000):
        bind.execute(update, rows[start : start + 5000])


def _pairs(source: str, target: str) -> str | None:
    sources, targets = dict.fromkeys(WORD.findall(source)), dict.fromkeys(WORD.findall(target))
    return " ".join(f"{s}>{t}" for s in sources for t in targets) or None


def _trigram_schema(bind) -> str | None:
    """The schema pg_trgm lives in, creating it in `public` when the database lacks it; None if it cannot be had.

    Not in the store's own schema (the search path may point at one of many): dropping that schema would then
    take the extension, and every other schema's trigram indexes, with it.
    """
    found = bind.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
    ).scalar()
    if found:
        return found
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        savepoint.commit()
    except Exception as error:  # noqa: BLE001 - the store works without it, only slower
        savepoint.rollback()
        log.warning("pg_trgm is not available (%s): substring filters will scan their tables", error)
        return None
    return "public"


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in TRIGRAM:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        for words in (*WORDS, "dyad_words"):
            op.execute(f"ALTER TABLE events DROP COLUMN IF EXISTS {words}")
    op.create_index("ix_events_date_key", "events", ["date_key"])
    op.create_index("ix_events_confidence", "events", ["confidence"])
    for name, (table, _columns) in BTREE.items():
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("events") as batch:
        for name in ACTOR_COLUMNS:
            batch.drop_column(name)
