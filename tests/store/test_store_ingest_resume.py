"""A corpus ingest killed with SIGKILL at any point, then started again, stores every article exactly once.

`tacitus ingest` runs as a real process on a JSONL corpus (distinct stories plus syndicated copies under other
URLs) and is killed, again and again, at different moments: while it loads the model, before its first commit
and between and inside later ones. Each rerun is the same command. At the end the store must hold exactly
what one uninterrupted ingest of the same corpus holds: every story once, every URL once as a source, the
same events and the same event clusters, and no failure.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from tacitus.store import Store, schema
from tacitus.store.compare import store_records

pytestmark = pytest.mark.slow

TACITUS = Path(sys.executable).parent / "tacitus"
PEOPLE = [
    "Sergey Lavrov",
    "Antony Blinken",
    "Wang Yi",
    "Hakan Fidan",
    "Mohammed bin Abdulrahman",
    "Ursula von der Leyen",
    "Annalena Baerbock",
    "Josep Borrell",
    "Recep Tayyip Erdogan",
    "Emmanuel Macron",
]
PLACES = ["Moscow", "Doha", "Cairo", "Ankara", "Brussels", "Beijing", "Paris", "Geneva", "Riyadh", "Istanbul"]
TOPICS = [
    "a cease-fire in Gaza",
    "grain exports",
    "a prisoner exchange",
    "sanctions relief",
    "nuclear talks",
    "border security",
    "energy prices",
    "a new trade agreement",
    "refugee returns",
    "the humanitarian corridor",
]
VERBS = ["met", "called", "criticised", "thanked", "warned", "invited"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def story(number: int, rng: random.Random) -> str:
    """Eight sentences of made-up wire copy; no two stories share many five-word runs."""
    sentences = []
    for _ in range(8):
        a, b = rng.sample(PEOPLE, 2)
        sentences.append(
            f"{a} {rng.choice(VERBS)} {b} in {rng.choice(PLACES)} on {rng.choice(DAYS)} to discuss "
            f"{rng.choice(TOPICS)}, officials said in statement {number}-{rng.randint(100, 999)}."
        )
    return " ".join(sentences)


def corpus(path: Path, stories: int = 24, copies: int = 6) -> list[str]:
    """Write the JSONL corpus; return every URL in it."""
    rng = random.Random(20241201)
    lines, urls = [], []
    texts = [story(n, rng) for n in range(stories)]
    for n, text in enumerate(texts):
        urls.append(f"https://wire.example/{n}")
        lines.append({"id": f"story-{n}", "url": urls[-1], "published": "2024-06-11", "text": text})
    for n in range(
        copies
    ):  # syndicated copies of earlier stories: another outlet, a byline, one word changed
        text = "By Staff Reporter\n" + texts[n * 3].replace(" said ", " stated ", 1)
        urls.append(f"https://outlet.example/copy-{n}")
        lines.append({"id": f"copy-{n}", "url": urls[-1], "published": "2024-06-12", "text": text})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return urls


def ingest(inputs: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(TACITUS), "ingest", str(inputs), "--db", url, "--save-batch", "4"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_articles(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(schema.articles)).scalar_one()
    except Exception:  # noqa: BLE001 - not migrated yet, or locked for a moment: nothing to count
        return 0
    finally:
        engine.dispose()


def kill_when(process: subprocess.Popen, url: str, articles: int, extra_delay: float) -> bool:
    """SIGKILL the ingest once the store holds `articles` articles (plus a delay); False if it finished first."""
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if stored_articles(url) >= articles:
            time.sleep(extra_delay)
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(30)
                return True
        time.sleep(0.02)
    process.wait(300)
    return False


def comparable(url: str) -> dict:
    """The store's records without its surrogate numbers (cluster, fact and failure ids come from sequences,
    which a killed transaction on PostgreSQL advances): clusters are compared as groups of member events."""
    records = store_records(url)
    surrogate = {"event_clusters", "cluster_members", "actor_facts", "actor_fact_keys", "failures"}
    kept = {name: rows for name, rows in records.items() if name not in surrogate}
    with Store(url, upgrade=False) as store, store.engine.connect() as connection:
        m = schema.cluster_members
        groups: dict = {}
        for row in connection.execute(select(m.c.cluster_id, m.c.article_id, m.c.event_id)):
            groups.setdefault(row.cluster_id, set()).add((row.article_id, row.event_id))
        kept["clusters"] = sorted(sorted(group) for group in groups.values())
        f = schema.actor_facts
        kept["actor_facts"] = sorted(
            (r.article_id, r.actor_id, r.identity, r.fact) for r in connection.execute(select(f))
        )
    return kept


def test_ingest_killed_at_any_point_resumes_to_every_article_exactly_once(store_url, tmp_path):
    inputs = tmp_path / "corpus.jsonl"
    urls = corpus(inputs)
    reference_url = f"sqlite:///{tmp_path / 'reference.db'}"
    reference = ingest(inputs, reference_url)
    assert reference.wait(600) == 0, reference.stderr.read()

    Store(store_url).close()
    # Kill points: during start-up (nothing stored yet), right after the first commit, then inside later
    # batches (a delay after a commit lands within the next batch's extraction or transaction).
    points = [(0, 0.5), (0, 0.0), (4, 0.0), (9, 0.15), (14, 0.3), (18, 0.05)]
    killed = 0
    for articles, delay in points:
        process = ingest(inputs, store_url)
        if kill_when(process, store_url, articles, delay):
            killed += 1
        else:
            assert process.returncode == 0, process.stderr.read()
    assert killed >= 4, "the ingest finished before most kill points: the test no longer tests a crash"
    final = ingest(inputs, store_url)
    assert final.wait(600) == 0, final.stderr.read()

    with Store(store_url, upgrade=False) as store:
        assert store.failures() == []
        stories = store.articles()
        assert sorted(row.article_id for row in stories) == sorted(f"story-{n}" for n in range(24))
        listed = [u for row in stories for u in row.sources.split("; ")]
        assert sorted(listed) == sorted(urls)  # every URL once, as a source of its story
    assert comparable(store_url) == comparable(reference_url)
