"""`diff_stores`: the same documents saved at different times compare equal; any other difference is named."""

import shutil
import time

from tacitus.store import Store, schema
from tacitus.store.compare import TIMESTAMP_COLUMNS, diff_stores, store_records


def _filled(path, template, documents, failures=()):
    shutil.copyfile(template, path)
    url = f"sqlite:///{path}"
    with Store(url) as store:
        store.save_many(documents)
        for source, reason in failures:
            store.record_failure(source, reason)
    return url


def test_same_saves_at_other_times_are_identical(tmp_path, sqlite_template, corpus):
    a = _filled(tmp_path / "a.db", sqlite_template, corpus, [("bad.jsonl:2", "not JSON")])
    time.sleep(0.01)
    b = _filled(tmp_path / "b.db", sqlite_template, corpus, [("bad.jsonl:2", "not JSON")])
    assert diff_stores(a, b) == []
    records = store_records(a)
    assert len(records["articles"]) == 3 and len(records["failures"]) == 1
    kept = [column.name for column in schema.articles.columns if column.name not in TIMESTAMP_COLUMNS]
    assert len(records["articles"][0]) == len(kept) == len(schema.articles.columns) - 1  # no ingested_at


def test_missing_article_and_other_failure_are_reported(tmp_path, sqlite_template, corpus):
    a = _filled(tmp_path / "a.db", sqlite_template, corpus, [("bad.jsonl:2", "not JSON")])
    b = _filled(tmp_path / "b.db", sqlite_template, corpus[:2], [("bad.jsonl:2", "empty article")])
    lines = diff_stores(a, b)
    assert any(line.startswith("articles: 3 rows in A, 2 in B; 1 only in A, 0 only in B") for line in lines)
    assert any(line.startswith("failures:") for line in lines)
    assert any("only in B:" in line and "empty article" in line for line in lines)
    assert diff_stores(b, b) == []


def test_a_table_only_one_store_has(tmp_path, sqlite_template, corpus):
    a = _filled(tmp_path / "a.db", sqlite_template, corpus)
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    Store(empty, upgrade=False).close()  # a file with no tables at all
    assert "articles: only in A" in diff_stores(a, empty)
