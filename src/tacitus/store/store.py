"""`Store`: open a SQLite file or a PostgreSQL database, migrate it, save documents, list what is stored.

Each document is saved in its own transaction, so a run killed half way leaves whole articles only and the
next run picks up where it stopped (already stored articles come back as duplicates). Duplicates are caught by
unique constraints on the content hash and the URL, not only by a look-up first, so two workers saving the
same article at once still store it once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, insert, or_, select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from tacitus.batching import chunks
from tacitus.contract import Document
from tacitus.dedup.stories import signature as story_signature
from tacitus.errors import StoreError
from tacitus.store import clusters as event_clusters
from tacitus.store import schema, stories
from tacitus.store.cluster_queries import cluster_members, clusters
from tacitus.store.counting import Page
from tacitus.store.delete import delete_article, forget_source
from tacitus.store.flatten import CHILD_TABLES, content_hash, flatten
from tacitus.store.migrate import MIGRATIONS, migrate  # noqa: F401 - MIGRATIONS re-exported for tests and tools
from tacitus.store.profiles import ActorProfile, actor_profiles
from tacitus.store.query import Query, parse_query, shown_filters
from tacitus.store.reading import list_rows
from tacitus.store.rows import (
    ActorRow,
    ArticleRow,
    ClaimRow,
    ClusterMember,
    ClusterRow,
    EventRow,
    Failure,
    QuoteRow,
    SaveResult,
    utc_iso,
)

DEFAULT_URL = "sqlite:///tacitus.db"
SQLITE_BUSY_MS = 30_000  # how long a write waits for another writer's lock before it fails
HEAD = (
    "0004"  # the newest revision in migrations/versions (a test checks): opening an up-to-date store is cheap
)


def resolve_url(url: str | None = None) -> str:
    """The database URL: the argument, else $TACITUS_DB, else ./tacitus.db.

    A bare path means a SQLite file; `postgresql://` and `postgres://` mean psycopg 3 (the driver we ship).
    """
    url = (url or os.environ.get("TACITUS_DB") or DEFAULT_URL).strip()
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def hide_password(url: str) -> str:
    """`url` with its password masked, for messages; also for strings SQLAlchemy cannot parse."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"(://[^/:@]*:)[^@/]*@", r"\1***@", url)


def _configure_sqlite(engine: Engine) -> None:
    """WAL (readers never block the writer), foreign keys, and real transactions around DDL and writes."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable against crashes, not power loss
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        # IMMEDIATE takes the write lock up front, so two writers wait for each other instead of failing.
        writing = connection.get_execution_options().get("tacitus_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


class Store:
    """The database of documents; see docs/store.md for the tables and the URL forms."""

    def __init__(self, url: str | None = None, *, upgrade: bool = True, must_exist: bool = False):
        """`must_exist`: refuse a SQLite file that is not there (read commands never create a store, so a
        typo in `--db` is an error naming the path rather than a new empty store)."""
        url = resolve_url(url)
        try:
            parsed = make_url(url)
        except ArgumentError as error:
            raise StoreError(f"{hide_password(url)}: not a database URL ({error})") from error
        if must_exist and parsed.get_backend_name() == "sqlite":
            path = parsed.database
            if not path or path == ":memory:" or not Path(path).is_file():
                raise StoreError(
                    f"[T110] {path or hide_password(url)}: no such store (check --db or $TACITUS_DB)"
                )
        self._safe_url = parsed.render_as_string(hide_password=True)
        try:
            self._engine = create_engine(parsed, pool_pre_ping=parsed.get_backend_name() != "sqlite")
        except (ArgumentError, ImportError) as error:
            raise StoreError(f"{self._safe_url}: cannot use this database: {error}") from error
        if self._engine.dialect.name == "sqlite":
            _configure_sqlite(self._engine)
        if upgrade:
            self.upgrade()

    def __repr__(self) -> str:
        return f"Store({self._safe_url!r})"

    @property
    def url(self) -> str:
        """The store's URL with any password masked (`***`): what may be printed or logged."""
        return self._safe_url

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine: the API opens one read connection per request on it."""
        return self._engine

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    # -- connections ------------------------------------------------------------------------------------------

    @contextmanager
    def _connect(self, *, write: bool = False) -> Iterator[Connection]:
        """One transaction; database errors become a StoreError that names the store."""
        try:
            with self._engine.connect() as connection:
                if write:
                    connection.execution_options(tacitus_write=True)
                with connection.begin():
                    yield connection
        except IntegrityError:
            raise
        except SQLAlchemyError as error:
            hint = (
                "; run `tacitus db upgrade`"
                if "no such table" in str(error) or "does not exist" in str(error)
                else ""
            )
            raise StoreError(f"{self._safe_url}: {getattr(error, 'orig', None) or error}{hint}") from error

    # -- migrations -------------------------------------------------------------------------------------------

    def upgrade(self) -> None:
        """Bring the tables to the newest migration (alembic upgrade head); a no-op when already there."""
        if self.revision() == HEAD:
            return
        self.migrate("head")

    def migrate(self, target: str, *, downgrade: bool = False) -> None:
        """Move the schema to the revision `target` (`tacitus.store.migrate`: safe for SQLite's table copies)."""
        try:
            migrate(self._engine, target, downgrade=downgrade)
        except StoreError as error:
            raise StoreError(f"{self._safe_url}: {error}") from error
        except SQLAlchemyError as error:
            raise StoreError(f"{self._safe_url}: {getattr(error, 'orig', None) or error}") from error
        except Exception as error:
            raise StoreError(f"{self._safe_url}: cannot migrate: {error}") from error

    def revision(self) -> str | None:
        """The migration the database is at (None before the first upgrade)."""
        from alembic.runtime.migration import MigrationContext

        with self._connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    # -- writing ----------------------------------------------------------------------------------------------

    def known(self, *, content_hash: str | None = None, url: str | None = None) -> str | None:
        """The id of the stored article with this content hash or URL, if any."""
        if not (content_hash or url):
            return None
        with self._connect() as connection:
            return self._find(connection, content_hash, url)

    @staticmethod
    def _find(connection: Connection, content_hash: str | None, url: str | None) -> str | None:
        """The stored article (story) with this hash or URL, its own or one of its syndicated copies'."""
        story = stories.find_source(connection, content_hash, url)
        if story:
            return story
        a = schema.articles
        conditions = [a.c.content_hash == content_hash] if content_hash else []
        conditions += [a.c.url == url] if url else []
        return (
            connection.execute(select(a.c.id).where(or_(*conditions)).limit(1)).scalar()
            if conditions
            else None
        )

    def save(self, document: Document) -> SaveResult:
        """Store one document in one transaction; "duplicate" (with the stored id) when its hash or URL is known.

        Actor memory runs inside the same transaction: actors the text leaves uncoded ("Bogdanov said") are
        coded from what earlier stored articles taught (the document passed in is changed accordingly), and
        what this article's text teaches is kept for later ones.

        A near-duplicate body (a syndicated copy: other boilerplate, byline, a few edited words) is not stored
        again: it becomes one more source of the stored story and the result is "copy" with the story's id.
        A stored article's events join the event clusters (`store/clusters.py`) in the same transaction.

        Raises StoreError when the document cannot be stored (its id is taken by different content, or two of
        its items share an id); nothing of it is kept then.
        """
        if not isinstance(document, Document):
            raise TypeError(f"Store.save expects a Document, got {type(document).__name__}")
        try:
            with self._connect(write=True) as connection:
                return self._save_in(connection, document)
        except IntegrityError as error:
            return self._integrity_outcome(document, error)

    def _save_in(self, connection: Connection, document: Document) -> SaveResult:
        """Every step of storing one document, on a connection whose transaction (or savepoint) the caller owns."""
        article = document.article
        digest, url = content_hash(document), article.url or None
        now = datetime.now(UTC)
        known_url = self._find(connection, None, url) if url else None
        if known_url:
            return SaveResult(known_url, "duplicate")
        existing = self._find(connection, digest, None)
        if existing and url:  # the same body under a new URL: one more source of the story
            stories.add_source(connection, existing, document, 1.0, now)
            return SaveResult(existing, "copy")
        if existing:
            return SaveResult(existing, "duplicate")
        signature = story_signature(article.text)
        match = stories.find_story(connection, signature) if signature else None
        if match:
            stories.add_source(connection, match.story_id, document, match.similarity, now)
            return SaveResult(match.story_id, "copy")
        # Imported here: it loads the actor stage, which reading a store never needs.
        from tacitus.store import memory as actor_memory

        identities = actor_memory.recall(connection, document)
        flat = flatten(document, now)
        connection.execute(insert(schema.articles), [flat.article])
        for table in CHILD_TABLES:
            if flat.children[table]:
                connection.execute(insert(schema.metadata.tables[table]), flat.children[table])
        actor_memory.keep(connection, document, identities)
        stories.add_source(connection, article.id, document, 1.0, now)
        if signature:
            stories.index_story(connection, article.id, signature)
        event_clusters.assign(connection, document, now, identities=identities)
        return SaveResult(article.id, "stored")

    def delete(self, article_id: str) -> bool:
        """Remove a stored article and everything that hangs on it (`store/delete.py`); False if not stored."""
        with self._connect(write=True) as connection:
            return delete_article(connection, article_id, datetime.now(UTC))

    def replace(self, document: Document) -> SaveResult:
        """Store a corrected article in place of the one stored under its URL (or its id), in one transaction:
        "updated" when a different text was replaced, "duplicate" when the text is the same, else as `save`."""
        article = document.article
        with self._connect(write=True) as connection:
            known = self._find(connection, None, article.url) if article.url else None
            known = known or (article.id if self._exists_in(connection, article.id) else None)
            if known is None:
                return self._save_in(connection, document)
            own = connection.execute(
                select(schema.articles.c.url, schema.articles.c.content_hash).where(
                    schema.articles.c.id == known
                )
            ).first()
            if own is not None and own.content_hash == content_hash(document):
                return SaveResult(known, "duplicate")
            if own is not None and (own.url == article.url or known == article.id):
                delete_article(connection, known, datetime.now(UTC))
            else:  # the URL was recorded as a copy of another story: only that record goes
                forget_source(connection, article.url)
            result = self._save_in(connection, document)
            return SaveResult(result.article_id, "updated") if result.status == "stored" else result

    @staticmethod
    def _exists_in(connection: Connection, article_id: str) -> bool:
        a = schema.articles
        return connection.execute(select(a.c.id).where(a.c.id == article_id)).first() is not None

    def _integrity_outcome(self, document: Document, error: IntegrityError) -> SaveResult:
        """A unique key refused the document: another writer stored it first, or its id belongs to other text."""
        article = document.article
        existing = self.known(content_hash=content_hash(document), url=article.url or None)
        if existing:  # another writer stored it between our look-up and our insert
            return SaveResult(existing, "duplicate")
        if self._exists(article.id):
            raise StoreError(
                f"article {article.id}: this id is already stored for a different text"
            ) from error
        raise StoreError(f"article {article.id}: cannot be stored: {error.orig}") from error

    def save_many(self, documents: Iterable[Document], *, batch_size: int = 1) -> list[SaveResult]:
        """Save each document; one that fails is recorded in `failures` and the rest go on.

        With `batch_size` > 1, documents are committed `batch_size` at a time: one transaction per batch, each
        document in a savepoint of its own, so a bad one is rolled back alone and every other step (actor
        memory, stories, clusters) sees the documents before it exactly as one-by-one saves would. Far fewer
        commits is what makes a corpus load fast on PostgreSQL; a crash loses at most the open batch, which a
        rerun stores again (nothing of it was committed).
        """
        results: list[SaveResult] = []
        for batch in chunks(documents, max(1, batch_size)):
            results.extend(self._save_batch(batch) if len(batch) > 1 else [self._save_or_fail(batch[0])])
        return results

    def _save_or_fail(self, document) -> SaveResult:
        try:
            return self.save(document)
        except Exception as error:  # one bad document never aborts the batch
            return self._failed(document, error)

    def _save_batch(self, batch: list) -> list[SaveResult]:
        results: list[SaveResult | None] = [None] * len(batch)
        retry: list[int] = []
        errors: list[tuple[int, Exception]] = []
        with self._connect(write=True) as connection:
            for index, document in enumerate(batch):
                if not isinstance(document, Document):
                    errors.append(
                        (index, TypeError(f"Store.save expects a Document, got {type(document).__name__}"))
                    )
                    continue
                savepoint = connection.begin_nested()
                try:
                    results[index] = self._save_in(connection, document)
                    savepoint.commit()
                except IntegrityError:
                    savepoint.rollback()
                    retry.append(index)  # decided after the commit: it may be a race with another writer
                except Exception as error:  # noqa: BLE001 - reported per document, the batch goes on
                    savepoint.rollback()
                    errors.append((index, error))
        for index in retry:
            results[index] = self._save_or_fail(batch[index])
        for index, error in errors:
            results[index] = self._failed(batch[index], error)
        return results

    def _failed(self, document, error: Exception) -> SaveResult:
        """A failed save, recorded in `failures` when the store can still be written (it may be the store
        itself that fails, e.g. locked: then the result alone reports it, and the batch still goes on)."""
        article = getattr(document, "article", None)
        source = (article.url or article.id) if article else repr(document)[:200]
        reason = str(error)
        with suppress(StoreError):  # the same store error is then the reason itself
            self.record_failure(source, reason)
        return SaveResult(article.id if article else "", "failed", reason)

    def _exists(self, article_id: str) -> bool:
        with self._connect() as connection:
            return (
                connection.execute(
                    select(schema.articles.c.id).where(schema.articles.c.id == article_id)
                ).first()
                is not None
            )

    def record_failure(self, source: str, reason: str) -> None:
        """Keep an input that could not be read or stored, with why, so `failures()` can list it."""
        with self._connect(write=True) as connection:
            connection.execute(
                insert(schema.failures).values(source=source, reason=reason, failed_at=datetime.now(UTC))
            )

    # -- reading ----------------------------------------------------------------------------------------------

    def failures(self) -> list[Failure]:
        f = schema.failures
        with self._connect() as connection:
            return [
                Failure(id=r.id, source=r.source, reason=r.reason, failed_at=utc_iso(r.failed_at))
                for r in connection.execute(select(f).order_by(f.c.id))
            ]

    def document(self, article_id: str) -> Document | None:
        """The stored document exactly as it was saved."""
        a = schema.articles
        with self._connect() as connection:
            stored = connection.execute(select(a.c.document).where(a.c.id == article_id)).scalar()
        return Document.from_json(stored) if stored is not None else None

    def articles(self, **filters) -> list[ArticleRow]:
        return self.page("articles", **filters).items

    def actors(self, **filters) -> list[ActorRow]:
        """Actors as coded in each article (one row per article); `actor_profiles` gives one per actor."""
        return self.page("actors", **filters).items

    def actor_profiles(self, **filters) -> list[ActorProfile]:
        """One row per actor across articles (aliases, roles first/last seen, articles); actors' filters."""
        query = parse_query("actors", filters)
        with self._connect() as connection:
            return actor_profiles(connection, query)

    def events(self, **filters) -> list[EventRow]:
        return self.page("events", **filters).items

    def quotes(self, **filters) -> list[QuoteRow]:
        return self.page("quotes", **filters).items

    def claims(self, **filters) -> list[ClaimRow]:
        return self.page("claims", **filters).items

    def page(self, kind: str, query: Query | None = None, **filters) -> Page:
        """The page of `kind` rows a `Query` (or keyword filters, validated here) selects, with its total:
        what the CLI, the API and the web all read (`tacitus.store.queries`)."""
        query = query if query is not None else parse_query(kind, filters)
        if query.kind != kind:
            raise ValueError(f"a query for {query.kind} cannot list {kind}")
        with self._connect() as connection:
            return list_rows(connection, query)

    def events_frame(self, **filters):
        """The filtered events as a pandas DataFrame, with quad class, CAMEO code and Goldstein value added."""
        import pandas as pd

        from tacitus.analyst import ScaledEventRow, scaled

        rows = [scaled(row) for row in self.events(**filters)]
        columns = list(ScaledEventRow.__dataclass_fields__)
        return pd.DataFrame([vars(row) for row in rows], columns=columns)

    def series(self, by: str = "month", *, unit: str = "record", status: str | None = "occurred", **filters):
        """Events per period (zero-filled) as a `tacitus.analyst.Series`; `.frame()` gives a DataFrame.

        Counts occurred events unless `status` says otherwise (`status=None` or "any": every status).
        """
        from tacitus.analyst import compute

        status = None if status in (None, "any") else status
        filters = {"status": status, **filters}
        for paging in ("limit", "offset"):
            if filters.get(paging):
                raise ValueError(f"{paging} does not apply to a series: it counts every matching event")
        query = parse_query("events", filters)
        rows = self.page("events", query).items
        return compute(rows, by=by, unit=unit, filters=shown_filters(query))

    def clusters(self, **filters) -> list[ClusterRow]:
        """One row per real-world event across articles (see docs/dedup.md)."""
        return self.page("clusters", **filters).items

    def cluster(self, cluster_id: int) -> tuple[ClusterRow, list[ClusterMember]] | None:
        """A cluster and its reports side by side, or None when there is no such cluster."""
        with self._connect() as connection:
            found = clusters(connection, Query(kind="clusters"), ids=[cluster_id]).items
            return (found[0], cluster_members(connection, cluster_id)) if found else None

    def analyze(self) -> None:
        """Refresh the planner's statistics (ANALYZE), as after a bulk load, so the list queries pick indexes."""
        with self._connect(write=True) as connection:
            connection.execute(text("ANALYZE"))

    def stats(self) -> dict[str, int]:
        """Rows per table."""
        with self._connect() as connection:
            return {
                table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in schema.TABLES
            }
