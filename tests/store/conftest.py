"""Backends for the store suite: every test taking `store` runs on SQLite (a file in tmp_path) and PostgreSQL.

PostgreSQL 15 is installed but not running on the development and CI machines: the session starts it with
`pg_ctlcluster 15 main start` (as root), creates a password role and a test database over `su postgres`,
gives each run schemas of its own, and connects over 127.0.0.1 with the password, as a real deployment would.
Where the server cannot be started the PostgreSQL half of the suite skips and says why. Set TACITUS_TEST_POSTGRES to a URL to use another server.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from tacitus.contract import (
    Actor,
    Article,
    Caption,
    Claim,
    DateValue,
    Document,
    Event,
    Place,
    Quantity,
    Quote,
    Role,
    Span,
    Timex,
)
from tacitus.store import Store
from tacitus.store.schema import TABLES

PG_ROLE = "tacitus_test"
PG_PASSWORD = "tacitus-test-password"
PG_PORT = 5432


def _run(command: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def _psql(sql: str, database: str = "postgres") -> None:
    command = f"psql -X -q -v ON_ERROR_STOP=1 -d {shlex.quote(database)} -c {shlex.quote(sql)}"
    result = _run(["su", "postgres", "-c", command])
    if result.returncode != 0:
        raise RuntimeError(f"psql failed ({sql[:60]}…): {result.stderr.strip()}")


def _ready() -> bool:
    return (
        shutil.which("pg_isready") is not None
        and _run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PG_PORT)]).returncode == 0
    )


def _start_postgres() -> str | None:
    """Start the local cluster if needed; returns why it cannot be used, or None when it is up."""
    if os.geteuid() != 0 or shutil.which("su") is None:
        return "PostgreSQL tests need root (to start the cluster and create a role through `su postgres`)"
    if not _ready():
        if shutil.which("pg_ctlcluster") is None:
            return "PostgreSQL is not installed here (no pg_ctlcluster)"
        result = _run(["pg_ctlcluster", "15", "main", "start"])
        deadline = time.monotonic() + 20
        while not _ready() and time.monotonic() < deadline:
            time.sleep(0.2)
        if not _ready():
            output = (result.stderr or result.stdout).strip() or f"exit code {result.returncode}"
            return f"`pg_ctlcluster 15 main start` did not give a running server: {output}"
    return None


PG_DATABASE = "tacitus_test"


def _create_database() -> None:
    try:
        _psql(f"CREATE DATABASE {PG_DATABASE} OWNER {PG_ROLE}")
    except RuntimeError as error:
        if "already exists" not in str(error):
            raise


@pytest.fixture(scope="session")
def postgres_urls():
    """Two schemas of this run's own in the test database (one for tests that write, one for the shared
    read-only corpus), as URLs whose search_path points at them; or a skip that says why.

    Schemas rather than databases: dropping a database forces a checkpoint, which takes many seconds on a busy
    machine, and runs started side by side (different process ids) still never see each other's tables.
    """
    if os.environ.get("TACITUS_TEST_POSTGRES"):
        base = os.environ["TACITUS_TEST_POSTGRES"]
    else:
        try:
            reason = _start_postgres()
        except (OSError, subprocess.TimeoutExpired) as error:
            reason = f"starting PostgreSQL failed: {error}"
        if reason:
            pytest.skip(reason)
        try:
            _psql(
                f"DO $$ BEGIN CREATE ROLE {PG_ROLE} LOGIN PASSWORD '{PG_PASSWORD}'; "
                f"EXCEPTION WHEN duplicate_object THEN ALTER ROLE {PG_ROLE} LOGIN PASSWORD '{PG_PASSWORD}'; END $$"
            )
            # Test data need not survive a power cut; not waiting for the disk keeps the suite fast when busy.
            _psql(f"ALTER ROLE {PG_ROLE} SET synchronous_commit = off")
            _create_database()
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
            pytest.skip(f"cannot create the PostgreSQL test role and database: {error}")
        base = f"postgresql+psycopg://{PG_ROLE}:{PG_PASSWORD}@127.0.0.1:{PG_PORT}/{PG_DATABASE}"
    schemas = {"write": f"run{os.getpid()}_write", "read": f"run{os.getpid()}_read"}
    joiner = "&" if "?" in base else "?"
    urls = {use: f"{base}{joiner}options=-csearch_path%3D{schema}" for use, schema in schemas.items()}
    try:
        for url in urls.values():
            _empty_postgres(url)
    except SQLAlchemyError as error:
        pytest.skip(f"cannot connect to the PostgreSQL test database with a password over TCP: {error}")
    yield urls
    for url in urls.values():
        _drop_schema(url)


def _search_path(url: str) -> str:
    return url.rsplit("%3D", 1)[1]


def _drop_schema(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{_search_path(url)}" CASCADE'))
    engine.dispose()


def _empty_postgres(url: str) -> None:
    """Drop this run's schema with every table in it (and the migration record) and make it anew."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{_search_path(url)}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{_search_path(url)}"'))
    engine.dispose()


def _delete_rows(store: Store) -> None:
    """Empty every table but keep them (much cheaper than dropping them between tests)."""
    with store._connect(write=True) as connection:
        for table in reversed(TABLES):
            connection.execute(table.delete())


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite file that tests copy, so each starts from fresh tables without migrating again."""
    path = tmp_path_factory.mktemp("template") / "tacitus.db"
    Store(f"sqlite:///{path}").close()
    return path


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """The URL of an empty, never migrated database, once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tacitus.db'}"
    url = request.getfixturevalue("postgres_urls")["write"]
    _empty_postgres(url)  # before, not after: a test that died half way cannot leak into the next one
    return url


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """A migrated store with no rows, once per backend."""
    if request.param == "sqlite":
        path = tmp_path / "tacitus.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        opened = Store(f"sqlite:///{path}")
    else:
        opened = Store(request.getfixturevalue("postgres_urls")["write"])
        _delete_rows(opened)
    yield opened
    opened.close()


@pytest.fixture(scope="module", params=BACKENDS)
def filled(request, tmp_path_factory):
    """The three hand-built documents stored once per module and backend, for tests that only read."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('filled') / 'tacitus.db'}"
    else:
        url = request.getfixturevalue("postgres_urls")["read"]
        _empty_postgres(url)
    with Store(url) as opened:
        results = opened.save_many([moscow_document(), doha_document(), paris_document()])
        assert [r.status for r in results] == ["stored"] * 3
        yield opened


# -- hand-built documents: three articles with known answers for every filter --------------------------------


def _span(text: str, part: str, start: int | None = None) -> Span:
    begin = part.index(text) if start is None else start
    return Span(start=begin, end=begin + len(text))


MOSCOW_TEXT = (
    "Senior Hamas official Mousa Abu Marzouk met Russian Foreign Minister Sergey Lavrov in Moscow on Monday. "
    "Marzouk asked Russia to guarantee a cease-fire. “We will free the Russian hostages,” Marzouk said. "
    "Hamas said two Russian citizens are held in Gaza."
)


def moscow_document() -> Document:
    t = MOSCOW_TEXT
    return Document(
        article=Article(
            id="moscow",
            url="https://example.org/moscow",
            source="example.org",
            title="Hamas official in Russia",
            published="2024-06-11",
            language="en",
            text=t,
            captions=[Caption(text="Lavrov in Moscow, 2006.", credit="AFP")],
            content_hash="a" * 64,
            warnings=[],
        ),
        actors=[
            Actor(
                id="A1",
                name="Mousa Abu Marzouk",
                type="person",
                aliases=["Marzouk", "Abu Marzouk"],
                country="PSE",
                sector=["REB"],
                roles=[Role(title="official", of="A2")],
                mentions=[_span("Mousa Abu Marzouk", t), _span("Marzouk", t, t.index("Marzouk asked"))],
            ),
            Actor(id="A2", name="Hamas", type="group", country="PSE", mentions=[_span("Hamas", t)]),
            Actor(
                id="A3",
                name="Sergey Lavrov",
                type="person",
                aliases=["Lavrov"],
                country="RUS",
                roles=[Role(title="Foreign Minister", of="Russia")],
                mentions=[_span("Sergey Lavrov", t), Span(start=0, end=6, part="caption:0")],
            ),
            Actor(
                id="A4",
                name="Russia",
                type="country",
                country="RUS",
                mentions=[_span("Russia", t, t.index("Russia to"))],
            ),
        ],
        events=[
            Event(
                id="E1",
                type="CONSULT",
                sources=["A1"],
                targets=["A3"],
                date=DateValue(value="2024-06-10", text="Monday"),
                place=Place(name="Moscow", country="RUS"),
                evidence=[_span("met Russian Foreign Minister Sergey Lavrov in Moscow", t)],
                confidence=0.9,
                rule="consult.met",
            ),
            Event(
                id="E2",
                type="REQUEST",
                mode="mediation",
                status="requested",
                sources=["A1"],
                targets=["A4"],
                date=DateValue(value="2024-06-11", inferred=True),
                evidence=[_span("asked Russia to guarantee a cease-fire", t)],
                confidence=0.6,
            ),
            Event(
                id="E3",
                type="RETREAT",
                status="promised",
                sources=["A2"],
                targets=["A4"],
                date=DateValue(value="FUTURE_REF"),
                attribution="A1",
                evidence=[_span("We will free the Russian hostages", t)],
                confidence=0.4,
            ),
        ],
        quotes=[
            Quote(
                id="Q1",
                speaker="A1",
                text="We will free the Russian hostages",
                cue="said",
                date=DateValue(value="2024-06-10"),
                evidence=_span("We will free the Russian hostages", t),
            )
        ],
        claims=[
            Claim(
                id="C1",
                text="two Russian citizens are held in Gaza",
                quantity=Quantity(value=2, unit="citizen"),
                attribution="A2",
                evidence=_span("two Russian citizens are held in Gaza", t),
            )
        ],
        timexes=[
            Timex(
                start=t.index("Monday"),
                end=t.index("Monday") + 6,
                text="Monday",
                type="DATE",
                value="2024-06-10",
            )
        ],
    )


DOHA_TEXT = "Antony Blinken will travel to Doha in March to discuss a truce with Qatar's emir."


def doha_document() -> Document:
    t = DOHA_TEXT
    return Document(
        article=Article(
            id="doha",
            url="https://example.org/doha",
            title="Blinken to visit Doha",
            published="2023-02-27",
            text=t,
        ),
        actors=[
            Actor(id="A1", name="Antony Blinken", type="person", country="USA", sector=["GOV"]),
            Actor(id="A2", name="Qatar", type="country", country="QAT"),
        ],
        events=[
            Event(
                id="E1",
                type="CONSULT",
                status="planned",
                sources=["A1"],
                targets=["A2"],
                date=DateValue(value="2023-03", text="in March"),
                place=Place(name="Doha", country="QAT"),
                evidence=[_span("will travel to Doha in March", t)],
                confidence=0.7,
            )
        ],
        quotes=[Quote(id="Q1", speaker="A1", text="a truce", direct=False, evidence=_span("a truce", t))],
    )


PARIS_TEXT = "Émile Ölund protested in Paris."


def paris_document() -> Document:
    """No URL, no publication date, non-ASCII names: the awkward corners."""
    t = PARIS_TEXT
    return Document(
        article=Article(id="paris", text=t, language="fr", warnings=["non-english"]),
        actors=[Actor(id="A1", name="Émile Ölund", type="person", country="FRA")],
        events=[
            Event(
                id="E1",
                type="PROTEST",
                sources=["A1"],
                date=DateValue(value="2022"),
                place=Place(name="Paris", country="FRA"),
                evidence=[_span("protested in Paris", t)],
            )
        ],
    )


@pytest.fixture
def corpus() -> list[Document]:
    return [moscow_document(), doha_document(), paris_document()]
