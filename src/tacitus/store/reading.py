"""The one entry point of every list: a validated `Query` in, the page of rows of its kind out.

The CLI (through `Store`), the API and the web pages all call `list_rows`, so there is one place where a
filter becomes rows (`tacitus.store.queries`, `tacitus.store.cluster_queries`).
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from tacitus.store import cluster_queries, queries
from tacitus.store.counting import Page
from tacitus.store.query import Query

LISTS = {
    "articles": queries.articles,
    "actors": queries.actors,
    "events": queries.events,
    "quotes": queries.quotes,
    "claims": queries.claims,
    "clusters": cluster_queries.clusters,
}


def list_rows(conn: Connection, query: Query) -> Page:
    """The page of rows `query` selects, of its kind."""
    return LISTS[query.kind](conn, query)


__all__ = ["LISTS", "list_rows"]
