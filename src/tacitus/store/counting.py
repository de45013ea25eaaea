"""A page of rows and its total, counted with a cap and a time limit so a broad filter never stalls a page.

Counting every match of a broad filter over a million events costs more than finding the page itself, so a
count stops at COUNT_LIMIT, or once the page and the count have taken COUNT_TIME_MS: `total` is then a lower
bound and `total_exact` false ("1000+", or "50+" when the count ran out of time), as Datasette does.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from sqlalchemy import Select, func, literal, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

COUNT_LIMIT = 1_000
COUNT_TIME_MS = int(os.environ.get("TACITUS_COUNT_TIME_MS", "10"))


@dataclass(frozen=True)
class Page:
    total: int
    items: list
    total_exact: bool = True


def count_matches(
    conn: Connection, base: Select, limit: int | None = None, milliseconds: float | None = None
) -> int | None:
    """How many rows `base` selects, counting no further than `limit` + 1 (more than `limit` means "limit+");
    None when counting takes longer than COUNT_TIME_MS."""
    limit = COUNT_LIMIT if limit is None else limit
    bounded = base.with_only_columns(literal(1), maintain_column_froms=True).limit(limit + 1).subquery()
    return time_limited(
        conn,
        select(func.count()).select_from(bounded),
        COUNT_TIME_MS if milliseconds is None else milliseconds,
    )


def time_limited(conn: Connection, statement, milliseconds: int):
    """The scalar `statement` gives, or None when it runs longer than `milliseconds` (then it is stopped)."""
    if conn.dialect.name == "postgresql":
        # SET LOCAL lasts to the end of the read transaction: reset it after. A cancelled statement aborts the
        # transaction, which only reads: roll it back (the next statement begins a new one).
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(milliseconds)}")
        try:
            value = conn.execute(statement).scalar()
        except OperationalError as error:
            conn.rollback()
            if "statement timeout" in str(error) or "canceling statement" in str(error):
                return None
            raise
        conn.exec_driver_sql("SET LOCAL statement_timeout = DEFAULT")
        return value
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        deadline = time.perf_counter() + milliseconds / 1000
        raw.set_progress_handler(lambda: int(time.perf_counter() > deadline), 2000)
        try:
            return conn.execute(statement).scalar()
        except OperationalError as error:
            if "interrupted" in str(error):
                return None
            raise
        finally:
            raw.set_progress_handler(None, 0)
    return conn.execute(statement).scalar()


def page_of(total: int | None, offset: int, items: list, *, known: bool = False) -> Page:
    """A page whose `total` came from `count_matches` (capped, or None when counting ran out of time), or is
    `known` exactly some other way (the last page, or a list without a limit)."""
    if known:
        return Page(total if total is not None else offset + len(items), items)
    if total is None:  # at least what this page shows, and more
        return Page(offset + len(items), items, total_exact=False)
    return Page(min(total, COUNT_LIMIT), items, total_exact=total <= COUNT_LIMIT)


__all__ = ["COUNT_LIMIT", "COUNT_TIME_MS", "Page", "count_matches", "page_of", "time_limited"]
