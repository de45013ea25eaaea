"""An SQLite store another process keeps locked: `ingest` reports every article on its own error line and
ends with its summary, no traceback; nothing after the first locked write is lost from the report."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

from tacitus.cli import main
from tacitus.store import Store

STORIES = [
    "Russian Foreign Minister Sergey Lavrov met Hamas leaders in Moscow on Monday.",
    "Qatar's prime minister called for a ceasefire in Gaza on Tuesday.",
    "French President Emmanuel Macron visited Berlin on Wednesday.",
]


def test_a_locked_store_reports_each_article_and_the_summary(tmp_path, monkeypatch):
    path = tmp_path / "locked.db"
    Store(f"sqlite:///{path}").close()
    files = []
    for number, story in enumerate(STORIES):
        files.append(tmp_path / f"story{number}.txt")
        files[-1].write_text(story)
    monkeypatch.setattr("tacitus.store.store.SQLITE_BUSY_MS", 200)  # not 30 s per article in a test
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute(
        "INSERT INTO failures (source, reason, failed_at) VALUES ('x', 'holding the lock', '2026')"
    )
    try:
        result = CliRunner().invoke(
            main, ["ingest", *map(str, files), "--published", "2024-06-11", "--db", f"sqlite:///{path}"]
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == len(STORIES) and all("locked" in line for line in errors)
    assert f"0 stored, 0 already stored, 0 copies of stored stories, {len(STORIES)} failed" in result.output
