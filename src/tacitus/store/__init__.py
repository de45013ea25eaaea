"""The store: SQLite or PostgreSQL through SQLAlchemy Core, migrated by Alembic, queried by the list commands.

from tacitus.store import Store, write_rows
with Store("sqlite:///tacitus.db") as store:
    store.save(document)
    write_rows(store.events(actor="Lavrov", since="2024-06"), "csv", "events.csv")
"""

from tacitus.store.counting import Page
from tacitus.store.export import FORMATS, write_rows
from tacitus.store.query import Query, QueryError, parse_query
from tacitus.store.rows import ActorRow, ArticleRow, ClaimRow, EventRow, Failure, QuoteRow, SaveResult
from tacitus.store.store import DEFAULT_URL, Store, resolve_url

__all__ = [
    "DEFAULT_URL",
    "FORMATS",
    "ActorRow",
    "ArticleRow",
    "ClaimRow",
    "EventRow",
    "Failure",
    "Page",
    "Query",
    "QueryError",
    "QuoteRow",
    "SaveResult",
    "Store",
    "parse_query",
    "resolve_url",
    "write_rows",
]
