"""Stories and event clusters: story_sources (every outlet that carried a stored article, the article itself
included), story_signatures and story_bands (MinHash/LSH for near-duplicate bodies), event_clusters and
cluster_members (one row per real-world event across articles).

Articles stored before this revision become one-source stories; they get no signature, so later copies of
them are stored as new stories (re-ingest them into a fresh store to find their copies).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = sa.String(200)


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"], ["articles.id"], ondelete="CASCADE", name=f"fk_{table}_articles"
    )


def upgrade() -> None:
    op.create_table(
        "story_sources",
        sa.Column(
            "article_id",
            ID,
            nullable=False,
            comment="The copy's own document id (the story's own for itself)",
        ),
        sa.Column("story_id", ID, nullable=False, comment="The stored article that stands for the story"),
        sa.Column("url", sa.Text),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, comment="Site or outlet"),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column(
            "similarity",
            sa.Float,
            nullable=False,
            comment="Estimated Jaccard similarity of shingles to the story",
        ),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_sources"),
        sa.UniqueConstraint("url", name="uq_story_sources_url"),
        sa.ForeignKeyConstraint(
            ["story_id"], ["articles.id"], ondelete="CASCADE", name="fk_story_sources_articles"
        ),
    )
    op.create_index("ix_story_sources_story_id", "story_sources", ["story_id"])
    op.create_index("ix_story_sources_content_hash", "story_sources", ["content_hash"])
    op.execute(
        "INSERT INTO story_sources (article_id, story_id, url, content_hash, source, title, published, similarity, "
        "added_at) SELECT id, id, url, content_hash, source, title, published, 1.0, ingested_at FROM articles"
    )
    op.create_table(
        "story_signatures",
        sa.Column("article_id", ID, nullable=False),
        sa.Column(
            "signature", sa.LargeBinary, nullable=False, comment="MinHash values, little-endian uint64"
        ),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_signatures"),
        _article_fk("story_signatures"),
    )
    op.create_table(
        "story_bands",
        sa.Column("band", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(16), nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("band", "hash", "article_id", name="pk_story_bands"),
        _article_fk("story_bands"),
    )
    op.create_table(
        "event_clusters",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("date_start", sa.String(10), comment="Earliest member date (YYYY-MM-DD)"),
        sa.Column("date_end", sa.String(10), comment="Latest member date (YYYY-MM-DD)"),
        sa.Column("date", sa.String(40), comment="The date most members give"),
        sa.Column("status", sa.String(20), nullable=False, comment="The status most members give"),
        sa.Column("place", sa.Text, comment="The place most members give"),
        sa.Column("place_country", sa.String(3)),
        sa.Column("actor_keys", sa.Text, nullable=False, comment="Members' actor keys, one a line"),
        sa.Column("place_keys", sa.Text, nullable=False, comment="Members' place keys, one a line"),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False, comment="Distinct stories reporting it"),
        sa.Column("first_article_id", ID, nullable=False),
        sa.Column("first_event_id", ID, nullable=False),
        sa.Column("first_published", sa.String(40)),
        sa.Column(
            "status_agreement",
            sa.Float,
            nullable=False,
            comment="Share of members giving the majority status",
        ),
        sa.Column("date_agreement", sa.Float, comment="Share of dated members giving the majority date"),
        sa.Column("place_agreement", sa.Float, comment="Share of placed members giving the majority place"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event_clusters"),
    )
    op.create_index("ix_event_clusters_place_country", "event_clusters", ["place_country"])
    op.create_index("ix_event_clusters_n_sources", "event_clusters", ["n_sources"])
    op.create_index("ix_event_clusters_type_date_start", "event_clusters", ["type", "date_start"])
    op.create_table(
        "cluster_members",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("event_id", ID, nullable=False),
        sa.Column("cluster_id", sa.Integer, nullable=False),
        sa.Column(
            "fit",
            sa.Float,
            comment="How well the event fitted the cluster when it joined (None: it started it)",
        ),
        sa.PrimaryKeyConstraint("article_id", "event_id", name="pk_cluster_members"),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["event_clusters.id"],
            ondelete="CASCADE",
            name="fk_cluster_members_event_clusters",
        ),
        sa.ForeignKeyConstraint(
            ["article_id", "event_id"],
            ["events.article_id", "events.event_id"],
            ondelete="CASCADE",
            name="fk_cluster_members_events",
        ),
    )
    op.create_index("ix_cluster_members_cluster_id", "cluster_members", ["cluster_id"])


def downgrade() -> None:
    for table in ("cluster_members", "event_clusters", "story_bands", "story_signatures", "story_sources"):
        op.drop_table(table)
