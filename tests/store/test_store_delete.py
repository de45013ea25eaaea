"""Deleting and replacing articles: nothing is left pointing at a deleted article (clusters, stories, memory),
a deleted article can be stored again, and a corrected text replaces the stored one under its URL."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import text

from tacitus.cli import main
from tacitus.store.schema import TABLES


def _rows(store, article_id: str) -> dict[str, int]:
    """Rows that name `article_id` in any table, and clusters whose first report is it."""
    found = {}
    with store.engine.connect() as connection:
        for table in TABLES:
            for column in ("article_id", "story_id", "first_article_id"):
                if column in table.c:
                    n = connection.execute(
                        text(f"SELECT count(*) FROM {table.name} WHERE {column} = :id"), {"id": article_id}
                    ).scalar_one()
                    if n:
                        found[f"{table.name}.{column}"] = n
    return found


def test_store_delete_leaves_nothing_behind_and_the_article_can_come_back(store, corpus):
    store.save_many(corpus)
    victim = corpus[0]
    article_id = victim.article.id
    assert _rows(store, article_id)  # events, clusters, story rows…
    assert store.delete(article_id) is True
    assert _rows(store, article_id) == {}
    assert store.known(url=victim.article.url, content_hash=victim.article.content_hash) is None
    with store.engine.connect() as connection:
        empty = connection.execute(
            text(
                "SELECT count(*) FROM event_clusters c WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.cluster_id = c.id)"
            )
        ).scalar_one()
        stale = connection.execute(
            text(
                "SELECT count(*) FROM event_clusters c JOIN (SELECT cluster_id, count(*) n FROM cluster_members GROUP BY cluster_id) m ON m.cluster_id = c.id WHERE m.n <> c.n_events"
            )
        ).scalar_one()
    assert empty == 0 and stale == 0
    assert store.delete(article_id) is False
    assert store.save(victim).status == "stored"


def test_store_replace_stores_the_corrected_text(store, corpus):
    store.save_many(corpus)
    original = corpus[0]
    corrected_text = original.article.text.replace("Moscow", "Minsk")
    assert corrected_text != original.article.text
    corrected = original.model_copy(
        update={"article": original.article.model_copy(update={"text": corrected_text, "content_hash": None})}
    )
    assert store.save(corrected).status == "duplicate"  # without replace: "already stored", as before
    result = store.replace(corrected)
    assert result.status == "updated" and result.article_id == original.article.id
    assert "Minsk" in store.document(original.article.id).article.text
    assert store.replace(corrected).status == "duplicate"  # the same text again changes nothing


def test_cli_delete_and_ingest_update(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    feed = tmp_path / "feed.jsonl"
    url = "https://news.example.org/lavrov"
    story = "Sergey Lavrov met Hamas leaders in Moscow on Monday."
    feed.write_text(json.dumps({"id": "n1", "url": url, "published": "2024-06-11", "text": story}) + "\n")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(feed), "--db", db]).exit_code == 0
    feed.write_text(feed.read_text().replace("Moscow", "Minsk"))
    again = runner.invoke(main, ["ingest", str(feed), "--db", db])
    assert "1 already stored" in again.output
    updated = runner.invoke(main, ["ingest", str(feed), "--db", db, "--update"])
    assert updated.exit_code == 0 and "1 updated" in updated.output, updated.output
    shown = runner.invoke(main, ["articles", "--db", db, "--format", "jsonl"])
    assert shown.output.count('"n1"') == 1
    deleted = runner.invoke(main, ["delete", "n1", "missing-id", "--db", db])
    assert deleted.exit_code == 1 and "1 deleted, 1 not found" in deleted.output
    assert "error: missing-id: no such article" in deleted.output
    assert runner.invoke(main, ["articles", "--db", db, "--format", "jsonl"]).output.strip() == ""
