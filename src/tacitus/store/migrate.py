"""Running the Alembic migrations on a store's own connection, safely on SQLite.

SQLite alters a table by copying it to a new one and dropping the old (`batch_alter_table`). With foreign keys
on, dropping the old table deletes every child row through `ON DELETE CASCADE` (a downgrade of 0004 emptied
`event_actors` and `cluster_members`). So migrations run with foreign keys off, as SQLite's own documentation
for table rebuilds prescribes, and the result is checked with `PRAGMA foreign_key_check` before it commits.
The pragma cannot change inside a transaction, so it is set on the raw connection before the transaction.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from tacitus.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x7A617C17  # pg_advisory_xact_lock key: concurrent `Store()` openings migrate one at a time


def migrate(engine: Engine, target: str = "head", *, downgrade: bool = False) -> None:
    """Upgrade (or downgrade) the database behind `engine` to the revision `target`, in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        raw = connection.connection.dbapi_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                config.attributes["connection"] = connection
                (command.downgrade if downgrade else command.upgrade)(config, target)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise StoreError(
                            f"migration to {target} would leave {len(broken)} rows pointing at nothing "
                            f"(first: table {broken[0][0]}); nothing was changed"
                        )
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
