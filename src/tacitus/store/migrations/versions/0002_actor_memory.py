"""Actor memory: each article actor's identity across articles, and the facts articles teach about actors.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.String(200)


def upgrade() -> None:
    op.create_table(
        "actor_identities",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("actor_id", ID, nullable=False),
        sa.Column("identity", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "actor_id", name="pk_actor_identities"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_actor_identities_articles"
        ),
    )
    op.create_index("ix_actor_identities_identity", "actor_identities", ["identity"])

    op.create_table(
        "actor_facts",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.Column("actor_id", ID, nullable=False),
        sa.Column("identity", sa.Text, nullable=False),
        sa.Column("seen", sa.String(40), comment="The teaching article's publication date"),
        sa.Column("fact", sa.Text, nullable=False, comment="The ActorFact as JSON"),
        sa.PrimaryKeyConstraint("id", name="pk_actor_facts"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], ondelete="CASCADE", name="fk_actor_facts_articles"
        ),
    )
    op.create_index("ix_actor_facts_article_id", "actor_facts", ["article_id"])

    op.create_table(
        "actor_fact_keys",
        sa.Column("fact_id", sa.Integer, nullable=False),
        sa.Column(
            "key",
            sa.String(400),
            nullable=False,
            comment="Spelling-insensitive name key, words joined by ' '",
        ),
        sa.Column("surname", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("fact_id", "key", name="pk_actor_fact_keys"),
        sa.ForeignKeyConstraint(
            ["fact_id"], ["actor_facts.id"], ondelete="CASCADE", name="fk_actor_fact_keys_actor_facts"
        ),
    )
    op.create_index("ix_actor_fact_keys_key", "actor_fact_keys", ["key"])
    op.create_index("ix_actor_fact_keys_surname", "actor_fact_keys", ["surname"])


def downgrade() -> None:
    op.drop_table("actor_fact_keys")
    op.drop_table("actor_facts")
    op.drop_table("actor_identities")
