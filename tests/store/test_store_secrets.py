"""The PostgreSQL password is never printed: not by `ingest`, `db upgrade`, `summary` or `serve`, not in an
error; and `db upgrade` on a store it cannot open says so in one line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tacitus.cli import main
from tacitus.store import Store
from tacitus.store.store import hide_password
from tests.conftest import SAMPLE_PATH, SAMPLE_PUBLISHED
from tests.store.conftest import PG_PASSWORD, _empty_postgres


@pytest.fixture
def pg_url(postgres_urls):
    url = postgres_urls["write"]
    _empty_postgres(url)
    return url


def _output(result) -> str:
    return result.output  # stdout and stderr together


@pytest.mark.postgres
def test_no_command_prints_the_password(pg_url, monkeypatch):
    runner = CliRunner()
    upgrade = runner.invoke(main, ["db", "upgrade", "--db", pg_url])
    assert upgrade.exit_code == 0, upgrade.output
    ingest = runner.invoke(
        main, ["ingest", str(SAMPLE_PATH), "--published", SAMPLE_PUBLISHED, "--db", pg_url]
    )
    assert ingest.exit_code == 0, ingest.output
    summary = runner.invoke(main, ["summary", "--db", pg_url])
    assert summary.exit_code == 0, summary.output
    monkeypatch.setattr("tacitus.api.serve", lambda *args, **kwargs: None)
    serve = runner.invoke(main, ["serve", "--db", pg_url])
    for result in (upgrade, ingest, summary, serve):
        text = _output(result)
        assert PG_PASSWORD not in text
    assert "***" in _output(upgrade) and "***" in _output(serve)
    with Store(pg_url) as store:
        assert PG_PASSWORD not in store.url and PG_PASSWORD not in repr(store)


@pytest.mark.postgres
def test_a_refused_login_does_not_print_the_password(pg_url):
    wrong = pg_url.replace(PG_PASSWORD, PG_PASSWORD + "-wrong")
    result = CliRunner().invoke(main, ["summary", "--db", wrong])
    assert result.exit_code != 0 and PG_PASSWORD not in _output(result)


def test_hide_password_masks_even_unparseable_urls():
    assert (
        hide_password("postgresql+psycopg://u:s3cret@127.0.0.1/db")
        == "postgresql+psycopg://u:***@127.0.0.1/db"
    )
    assert "s3cret" not in hide_password("postgresql://u:s3cret@[broken/db")


def test_db_upgrade_on_a_bad_path_is_one_error_line(tmp_path):
    result = CliRunner().invoke(main, ["db", "upgrade", "--db", f"sqlite:///{tmp_path}/no/such/dir/x.db"])
    assert result.exit_code == 1
    assert "Traceback" not in _output(result) and len(_output(result).strip().splitlines()) == 1
    assert _output(result).startswith("Error:")
