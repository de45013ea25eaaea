"""`tacitus ingest` of syndicated copies: one story line per story in `tacitus articles --format jsonl`, its
`sources` listing every URL, and each story's events stored (and clustered) once. The full-size run (50 × 3 on
the trafilatura dev pages) is `bench/stories_syndication.py`; this one uses three local stories.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tacitus.cli import main
from tacitus.store import Store

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


def _bench():
    spec = importlib.util.spec_from_file_location("stories_syndication", REPO / "bench" / "stories_syndication.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_cli_ingest_syndicated_copies_yields_one_line_per_story(tmp_path, sample_text):
    bench = _bench()
    hamas = (FIXTURES / "hamas-russia-mediation.txt").read_text(encoding="utf-8")
    stories = [("hamas", hamas), ("scraped", (FIXTURES / "ingest" / "scraped.txt").read_text(encoding="utf-8")),
               ("sample", sample_text)]
    records = bench.make_copies(stories)
    db = f"sqlite:///{tmp_path / 'stories.db'}"
    lines = "".join(json.dumps({k: v for k, v in r.items() if k != "story"}) + "\n" for r in records)
    ingested = CliRunner().invoke(main, ["ingest", "--jsonl", "-", "--db", db], input=lines)
    assert ingested.exit_code == 0, ingested.output
    listed = CliRunner().invoke(main, ["articles", "--format", "jsonl", "--db", db])
    rows = [json.loads(line) for line in listed.output.splitlines() if line.strip()]
    expected = {}
    for record in records:
        expected.setdefault(record["story"], set()).add(record["url"])
    assert sorted(sorted(row["sources"].split("; ")) for row in rows) == sorted(map(sorted, expected.values()))
    assert all(row["n_sources"] == 3 for row in rows)
    with Store(db) as store:
        stored_ids = {row["article_id"] for row in rows}
        assert {event.article_id for event in store.events()} <= stored_ids
        assert sum(row["events"] for row in rows) == store.stats()["events"] == store.stats()["cluster_members"]
        events = store.stats()["events"]
        assert events > 0
    clusters = CliRunner().invoke(main, ["events", "--clusters", "--format", "jsonl", "--db", db])
    assert clusters.exit_code == 0, clusters.output
    cluster_rows = [json.loads(line) for line in clusters.output.splitlines() if line.strip()]
    assert sum(row["n_events"] for row in cluster_rows) == events  # every stored event in exactly one cluster
