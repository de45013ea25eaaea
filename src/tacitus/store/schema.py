"""The store's tables (SQLAlchemy Core): the whole document JSON per article, plus flat tables for queries.

Item ids (`A1`, `E3`, `Q2`) are unique only inside their document, so every item table is keyed by
`(article_id, item id)`. `articles.document` keeps the exact document JSON, so `Store.document()` returns what
was saved; the other tables are derived from it and exist to serve the list filters and the exports.
This module describes the current shape; the migrations in `migrations/versions/` build it step by step and a
test checks that they agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

# Named constraints, so migrations on SQLite (batch mode) and PostgreSQL can refer to them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = String(200)


def _article_fk(table: str) -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["article_id"], ["articles.id"], ondelete="CASCADE", name=f"fk_{table}_articles"
    )


articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("url", Text, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text),
    Column("title", Text),
    Column("subtitle", Text),
    Column("author", Text),
    Column("published", String(40), index=True, comment="ISO 8601 as in the document"),
    Column("language", String(16)),
    Column("warnings", Text, comment="The article's warnings joined by '; '"),
    Column("document", Text, nullable=False, comment="The whole document JSON (tacitus/document@1)"),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("actor_id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False, index=True),
    Column("country", String(3), index=True),
    Column("aliases", Text, comment="Joined by '; '"),
    Column("sector", Text, comment="Joined by '; '"),
    Column("roles", Text, comment="'title (of)' joined by '; '"),
    Column("kb_id", Text, index=True),
    Column("mentions", Integer, nullable=False),
    Column("search", Text, nullable=False, comment="Casefolded name and aliases, for substring filters"),
    _article_fk("actors"),
)

events = Table(
    "events",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("event_id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("type", String(40), nullable=False, index=True),
    Column("mode", String(60)),
    Column("context", Text, comment="Joined by '; '"),
    Column("status", String(20), nullable=False, index=True),
    Column("date_value", String(40)),
    Column("date_text", Text),
    Column("date_inferred", Boolean, nullable=False),
    Column("date_key", String(40), comment="The date value when it is a calendar date, else published"),
    Column("place", Text),
    Column("place_country", String(3), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("attribution", ID),
    Column("confidence", Float, nullable=False),
    Column("rule", Text),
    Column("evidence", Text, comment="Evidence span texts joined by ' … '"),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence_part", String(40)),
    # The event's actors, copied from `actors` when it is saved, so the actor, dyad and country filters are
    # conditions on this table alone, served by its own indexes at a million events (migration 0004).
    Column("source_search", Text, comment="Casefolded names, aliases and KB ids of the sources, one a line"),
    Column("target_search", Text, comment="Casefolded names, aliases and KB ids of the targets, one a line"),
    Column(
        "actor_countries",
        Text,
        comment="Source and target countries, ' RUS UKR ': space before and after each",
    ),
    Column(
        "dyad_pairs", Text, comment="Every (source word, target word) pair, 'russia>ukraine', space-separated"
    ),
    _article_fk("events"),
    # Each list filter with the default order (event date) is one index range (migration 0004).
    Index("ix_events_date_key_article_id_position", "date_key", "article_id", "position"),
    Index("ix_events_type_date_key", "type", "date_key"),
    Index("ix_events_status_date_key", "status", "date_key"),
    Index("ix_events_place_country_date_key", "place_country", "date_key"),
    Index("ix_events_confidence_article_id_position", "confidence", "article_id", "position"),
)

# Which actors an event links; no foreign key to `actors`, so a dangling id written by a stage is kept (and
# shown without a name) instead of making the whole article unstorable.
event_actors = Table(
    "event_actors",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("event_id", ID, primary_key=True),
    Column("role", String(6), primary_key=True, comment="'source' or 'target'"),
    Column("actor_id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    ForeignKeyConstraint(
        ["article_id", "event_id"],
        ["events.article_id", "events.event_id"],
        ondelete="CASCADE",
        name="fk_event_actors_events",
    ),
    Index("ix_event_actors_article_id_actor_id", "article_id", "actor_id"),
    Index("ix_event_actors_actor_id", "actor_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("quote_id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("speaker", ID, comment="Actor id"),
    Column("text", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("cue", Text),
    Column("medium", Text),
    Column("date_value", String(40)),
    Column("date_key", String(40), index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("part", String(40)),
    _article_fk("quotes"),
    Index("ix_quotes_article_id_speaker", "article_id", "speaker"),
)

claims = Table(
    "claims",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("claim_id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float),
    Column("qualifier", Text),
    Column("unit", Text),
    Column("attribution", ID, comment="Actor id"),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("part", String(40)),
    _article_fk("claims"),
    Index("ix_claims_article_id_attribution", "article_id", "attribution"),
)

timexes = Table(
    "timexes",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(10), nullable=False),
    Column("value", String(40), index=True),
    Column("part", String(40)),
    _article_fk("timexes"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
)

# Actor memory (migration 0002). Which actor across articles each article's actor is: its knowledge-base id,
# the remembered actor it matched, else its own name (see `tacitus.actors.memory.identify`).
actor_identities = Table(
    "actor_identities",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("actor_id", ID, primary_key=True),
    Column("identity", Text, nullable=False, index=True),
    _article_fk("actor_identities"),
)

# What an article's own text taught about an actor ("Bogdanov is Russia's Deputy Foreign Minister"), to code a
# later article that only says "Bogdanov"; the fact goes when its article is deleted.
actor_facts = Table(
    "actor_facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ID, nullable=False, index=True),
    Column("actor_id", ID, nullable=False),
    Column("identity", Text, nullable=False),
    Column("seen", String(40), comment="The teaching article's publication date"),
    Column("fact", Text, nullable=False, comment="The ActorFact as JSON"),
    _article_fk("actor_facts"),
)

# The names a fact answers to, for an indexed look-up: the whole name key and its last word (surname).
actor_fact_keys = Table(
    "actor_fact_keys",
    metadata,
    Column("fact_id", Integer, primary_key=True),
    Column(
        "key", String(400), primary_key=True, comment="Spelling-insensitive name key, words joined by ' '"
    ),
    Column("surname", String(200), nullable=False, index=True),
    ForeignKeyConstraint(
        ["fact_id"], ["actor_facts.id"], ondelete="CASCADE", name="fk_actor_fact_keys_actor_facts"
    ),
    Index("ix_actor_fact_keys_key", "key"),
)


# -- stories: one stored article per story, every outlet that carried it a source ------------------------------

story_sources = Table(
    "story_sources",
    metadata,
    Column(
        "article_id", ID, primary_key=True, comment="The copy's own document id (the story's own for itself)"
    ),
    Column(
        "story_id", ID, nullable=False, index=True, comment="The stored article that stands for the story"
    ),
    Column("url", Text, unique=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("source", Text, comment="Site or outlet"),
    Column("title", Text),
    Column("published", String(40)),
    Column(
        "similarity", Float, nullable=False, comment="Estimated Jaccard similarity of shingles to the story"
    ),
    Column("added_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["story_id"], ["articles.id"], ondelete="CASCADE", name="fk_story_sources_articles"),
)

story_signatures = Table(
    "story_signatures",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("signature", LargeBinary, nullable=False, comment="MinHash values, little-endian uint64"),
    _article_fk("story_signatures"),
)

# LSH buckets: a new article's band hashes find its candidate stories with one indexed query, on any backend.
story_bands = Table(
    "story_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("hash", String(16), primary_key=True),
    Column("article_id", ID, primary_key=True),
    _article_fk("story_bands"),
)

# -- event clusters: one row per real-world event, its member events from different articles ---------------------

event_clusters = Table(
    "event_clusters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(40), nullable=False),
    Column("date_start", String(10), comment="Earliest member date (YYYY-MM-DD)"),
    Column("date_end", String(10), comment="Latest member date (YYYY-MM-DD)"),
    Column("date", String(40), comment="The date most members give"),
    Column("status", String(20), nullable=False, comment="The status most members give"),
    Column("place", Text, comment="The place most members give"),
    Column("place_country", String(3), index=True),
    Column("actor_keys", Text, nullable=False, comment="Members' actor keys, one a line"),
    Column("place_keys", Text, nullable=False, comment="Members' place keys, one a line"),
    Column("n_events", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False, index=True, comment="Distinct stories reporting it"),
    Column("first_article_id", ID, nullable=False),
    Column("first_event_id", ID, nullable=False),
    Column("first_published", String(40)),
    Column("status_agreement", Float, nullable=False, comment="Share of members giving the majority status"),
    Column("date_agreement", Float, comment="Share of dated members giving the majority date"),
    Column("place_agreement", Float, comment="Share of placed members giving the majority place"),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_event_clusters_type_date_start", "type", "date_start"),
)

cluster_members = Table(
    "cluster_members",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("event_id", ID, primary_key=True),
    Column("cluster_id", Integer, nullable=False, index=True),
    Column(
        "fit", Float, comment="How well the event fitted the cluster when it joined (None: it started it)"
    ),
    ForeignKeyConstraint(
        ["cluster_id"], ["event_clusters.id"], ondelete="CASCADE", name="fk_cluster_members_event_clusters"
    ),
    ForeignKeyConstraint(
        ["article_id", "event_id"],
        ["events.article_id", "events.event_id"],
        ondelete="CASCADE",
        name="fk_cluster_members_events",
    ),
)

# PostgreSQL only, made by migration 0004 when pg_trgm can be created: GIN trigram indexes on lower(column), so
# the substring filters (actor names, the `q` text search) use an index. Not declared as `Index` objects because
# they exist on one backend only; the migration test checks them on PostgreSQL by name.
TRIGRAM_INDEXES = {
    "ix_actors_search_trgm": ("actors", "search"),
    "ix_events_evidence_trgm": ("events", "evidence"),
    "ix_events_place_trgm": ("events", "place"),
    "ix_events_type_trgm": ("events", "type"),
}

# PostgreSQL only, made by migration 0004: stored tsvector columns of events' name columns (generated by the
# database) and their GIN indexes, which serve the actor and country filters (`tacitus.store.words`).
WORD_COLUMNS = ("source_words", "target_words", "country_words", "dyad_words")
WORD_INDEXES = {
    "ix_events_source_words": ("events", "source_words"),
    "ix_events_target_words": ("events", "target_words"),
    "ix_events_country_words": ("events", "country_words"),
    "ix_events_dyad_words": ("events", "dyad_words"),
}

TABLES = (
    articles,
    actors,
    events,
    event_actors,
    quotes,
    claims,
    timexes,
    failures,
    actor_identities,
    actor_facts,
    actor_fact_keys,
    story_sources,
    story_signatures,
    story_bands,
    event_clusters,
    cluster_members,
)
