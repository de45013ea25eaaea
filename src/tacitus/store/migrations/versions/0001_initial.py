"""Initial store: articles with their document JSON, actors, events and their actor links, quotes, claims,
timexes, failures.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(200)


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"], ["articles.id"], ondelete="CASCADE", name=f"fk_{table}_articles"
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("subtitle", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.String(40), comment="ISO 8601 as in the document"),
        sa.Column("language", sa.String(16)),
        sa.Column("warnings", sa.Text, comment="The article's warnings joined by '; '"),
        sa.Column(
            "document", sa.Text, nullable=False, comment="The whole document JSON (tacitus/document@1)"
        ),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("url", name="uq_articles_url"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])

    op.create_table(
        "actors",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("actor_id", ID, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("aliases", sa.Text, comment="Joined by '; '"),
        sa.Column("sector", sa.Text, comment="Joined by '; '"),
        sa.Column("roles", sa.Text, comment="'title (of)' joined by '; '"),
        sa.Column("kb_id", sa.Text),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column(
            "search", sa.Text, nullable=False, comment="Casefolded name and aliases, for substring filters"
        ),
        sa.PrimaryKeyConstraint("article_id", "actor_id", name="pk_actors"),
        _article_fk("actors"),
    )
    op.create_index("ix_actors_type", "actors", ["type"])
    op.create_index("ix_actors_country", "actors", ["country"])

    op.create_table(
        "events",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("event_id", ID, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("mode", sa.String(60)),
        sa.Column("context", sa.Text, comment="Joined by '; '"),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("date_value", sa.String(40)),
        sa.Column("date_text", sa.Text),
        sa.Column("date_inferred", sa.Boolean, nullable=False),
        sa.Column(
            "date_key", sa.String(40), comment="The date value when it is a calendar date, else published"
        ),
        sa.Column("place", sa.Text),
        sa.Column("place_country", sa.String(3)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("attribution", ID),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("rule", sa.Text),
        sa.Column("evidence", sa.Text, comment="Evidence span texts joined by ' … '"),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("evidence_part", sa.String(40)),
        sa.PrimaryKeyConstraint("article_id", "event_id", name="pk_events"),
        _article_fk("events"),
    )
    for column in ("type", "status", "date_key", "place_country", "confidence"):
        op.create_index(f"ix_events_{column}", "events", [column])

    op.create_table(
        "event_actors",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("event_id", ID, nullable=False),
        sa.Column("role", sa.String(6), nullable=False, comment="'source' or 'target'"),
        sa.Column("actor_id", ID, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "event_id", "role", "actor_id", name="pk_event_actors"),
        sa.ForeignKeyConstraint(
            ["article_id", "event_id"],
            ["events.article_id", "events.event_id"],
            ondelete="CASCADE",
            name="fk_event_actors_events",
        ),
    )
    op.create_index("ix_event_actors_article_id_actor_id", "event_actors", ["article_id", "actor_id"])

    op.create_table(
        "quotes",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("quote_id", ID, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("speaker", ID, comment="Actor id"),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("direct", sa.Boolean, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("medium", sa.Text),
        sa.Column("date_value", sa.String(40)),
        sa.Column("date_key", sa.String(40)),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("part", sa.String(40)),
        sa.PrimaryKeyConstraint("article_id", "quote_id", name="pk_quotes"),
        _article_fk("quotes"),
    )
    op.create_index("ix_quotes_date_key", "quotes", ["date_key"])
    op.create_index("ix_quotes_article_id_speaker", "quotes", ["article_id", "speaker"])

    op.create_table(
        "claims",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("claim_id", ID, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("qualifier", sa.Text),
        sa.Column("unit", sa.Text),
        sa.Column("attribution", ID, comment="Actor id"),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("part", sa.String(40)),
        sa.PrimaryKeyConstraint("article_id", "claim_id", name="pk_claims"),
        _article_fk("claims"),
    )
    op.create_index("ix_claims_article_id_attribution", "claims", ["article_id", "attribution"])

    op.create_table(
        "timexes",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("value", sa.String(40)),
        sa.Column("part", sa.String(40)),
        sa.PrimaryKeyConstraint("article_id", "position", name="pk_timexes"),
        _article_fk("timexes"),
    )
    op.create_index("ix_timexes_value", "timexes", ["value"])

    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_failures"),
    )
    op.create_index("ix_failures_source", "failures", ["source"])


def downgrade() -> None:
    for table in ("failures", "timexes", "claims", "quotes", "event_actors", "events", "actors", "articles"):
        op.drop_table(table)
