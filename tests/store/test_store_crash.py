"""A writer killed with SIGKILL in the middle of a batch leaves whole articles only, and a rerun completes it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tacitus.contract import Actor, Article, Document, Span
from tacitus.store import Store

BATCH = 100_000  # more than the writer can save before it is killed: it never finishes on its own
ACTORS_PER_ARTICLE = 40  # enough rows per article that a kill can land inside a transaction


def batch_document(number: int) -> Document:
    text = " ".join(f"Person{number}x{i} spoke." for i in range(ACTORS_PER_ARTICLE))
    actors = [
        Actor(
            id=f"A{i}",
            name=f"Person{number}x{i}",
            type="person",
            mentions=[
                Span(start=text.index(f"Person{number}x{i} "), end=text.index(f"Person{number}x{i} ") + 1)
            ],
        )
        for i in range(ACTORS_PER_ARTICLE)
    ]
    return Document(
        article=Article(id=f"batch-{number}", url=f"https://example.org/{number}", text=text), actors=actors
    )


def write_batch(url: str) -> None:
    """Run in a child process: save the batch one document at a time, until killed."""
    with Store(url) as store:
        store.save_many(batch_document(n) for n in range(BATCH))


def _start_writer(url: str) -> subprocess.Popen:
    code = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        f"from test_store_crash import write_batch; write_batch({url!r})"
    )
    return subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)


def test_store_killed_writer_leaves_whole_articles_and_resumes(store_url):
    Store(store_url).close()  # migrate first, so the child only writes
    writer = _start_writer(store_url)
    reader = Store(store_url, upgrade=False)
    try:
        deadline = time.monotonic() + 120
        while (
            reader.known(url="https://example.org/2") is None
            and writer.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        assert writer.poll() is None, f"writer ended before it could be killed: {writer.stderr.read()}"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
        stored = reader.articles()
        assert len(stored) >= 3
        for row in stored:  # every stored article is complete: all its actor rows are there
            assert row.actors == ACTORS_PER_ARTICLE
        assert reader.stats()["actors"] == len(stored) * ACTORS_PER_ARTICLE
        assert {row.article_id for row in stored} == {f"batch-{n}" for n in range(len(stored))}
        rerun = (
            len(stored) + 5
        )  # the rerun of the first part of the batch: old ones are duplicates, 5 are new
        results = reader.save_many(batch_document(n) for n in range(rerun))
        assert [r.status for r in results] == ["duplicate"] * len(stored) + ["stored"] * 5
        assert reader.stats()["articles"] == rerun
    finally:
        if writer.poll() is None:
            writer.kill()
        reader.close()
