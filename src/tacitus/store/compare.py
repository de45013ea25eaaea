"""Do two stores hold the same records? Every table's rows, minus the wall-clock columns, side by side.

For checking that two ways of filling a store (the local and the Ray engine, SQLite and PostgreSQL) agree:
the same articles in the same order must give the same rows, ids included. Stores are only read (never
migrated), through the declared schema so values come back typed alike on every backend.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import create_engine, inspect, select

from tacitus.store import schema
from tacitus.store.store import resolve_url

# When a row was written differs between two runs by nature; nothing else may.
TIMESTAMP_COLUMNS = frozenset({"ingested_at", "added_at", "updated_at", "failed_at"})

Row = tuple


def store_records(url: str) -> dict[str, list[Row]]:
    """Each table of the schema that the store has → its rows (timestamp columns left out), sorted."""
    engine = create_engine(resolve_url(url))
    try:
        present = set(inspect(engine).get_table_names())
        records = {}
        with engine.connect() as connection:
            for table in schema.metadata.sorted_tables:
                if table.name not in present:
                    continue
                columns = [column for column in table.columns if column.name not in TIMESTAMP_COLUMNS]
                rows = connection.execute(select(*columns)).all()
                records[table.name] = sorted((tuple(row) for row in rows), key=repr)
        return records
    finally:
        engine.dispose()


def diff_stores(url_a: str, url_b: str, *, examples: int = 2) -> list[str]:
    """One line per difference (a table only one store has, rows only in A or only in B, with examples);
    an empty list when the stores hold the same records."""
    a, b = store_records(url_a), store_records(url_b)
    lines = []
    for name in sorted(set(a) | set(b)):
        if name not in b or name not in a:
            lines.append(f"{name}: only in {'A' if name in a else 'B'}")
            continue
        rows_a, rows_b = Counter(a[name]), Counter(b[name])
        only_a, only_b = list((rows_a - rows_b).elements()), list((rows_b - rows_a).elements())
        if only_a or only_b:
            lines.append(
                f"{name}: {len(a[name])} rows in A, {len(b[name])} in B; {len(only_a)} only in A, "
                f"{len(only_b)} only in B"
            )
            lines += [f"  only in A: {_short(row)}" for row in sorted(only_a, key=repr)[:examples]]
            lines += [f"  only in B: {_short(row)}" for row in sorted(only_b, key=repr)[:examples]]
    return lines


def _short(row: Row, width: int = 240) -> str:
    text = repr(row)
    return text if len(text) <= width else text[: width - 1] + "…"
