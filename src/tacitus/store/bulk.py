"""Bulk writes: many documents' rows in one transaction, with PostgreSQL's COPY where the store is PostgreSQL.

For loading a corpus that is already known to be clean and new (a generated benchmark store, a restore): the
rows are exactly those `Store.save` writes, but none of its per-article steps run (duplicate look-ups, actor
memory, stories, clusters). Ingest of real articles goes through `Store.save_many`, which batches commits and
keeps those steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from tacitus.contract import Document
from tacitus.store import schema
from tacitus.store.flatten import CHILD_TABLES, flatten


def write_documents(store, documents: Sequence[Document], ingested_at: datetime) -> int:
    """Write the documents' rows in one transaction; returns the number of articles written.

    Raises the database's IntegrityError (nothing written) when any article is already stored.
    """
    rows: dict[str, list[dict]] = {"articles": [], **{table: [] for table in CHILD_TABLES}}
    for document in documents:
        flat = flatten(document, ingested_at)
        rows["articles"].append(flat.article)
        for table in CHILD_TABLES:
            rows[table].extend(flat.children[table])
    with store._connect(write=True) as connection:
        for table, table_rows in rows.items():
            if table_rows:
                copy_rows(connection, schema.metadata.tables[table], table_rows)
    return len(rows["articles"])


def copy_rows(connection: Connection, table, rows: list[dict]) -> None:
    """Insert rows (dicts keyed by column name): COPY on PostgreSQL, one executemany elsewhere."""
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    columns = [column.name for column in table.columns if column.name in rows[0]]
    quoted = ", ".join(f'"{name}"' for name in columns)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row.get(name) for name in columns])
