"""Alembic environment: runs on the connection `tacitus.store.migrate` hands over (no alembic.ini needed).

Run from the command line only to author a revision:
`alembic -c src/tacitus/store/alembic.ini revision -m "what changes"` (the URL comes from TACITUS_DB).
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from tacitus.store.schema import metadata


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    url = context.config.get_main_option("sqlalchemy.url") or os.environ.get(
        "TACITUS_DB", "sqlite:///tacitus.db"
    )
    with create_engine(url).begin() as connection:
        run(connection)
