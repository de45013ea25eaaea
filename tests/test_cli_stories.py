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
    spec = importlib.util.spec_from_file_location(
        "stories_syndication", REPO / "bench" / "stories_syndication.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A third story of our own (the sample fixture is already the first one).
PORT_STORY = """Dock workers blocked the port of Valparaiso on Thursday

Dock workers in Chile blocked the port of Valparaiso on Thursday, demanding higher wages and a new pension
plan, the union said.

The union's president, Carla Mendez, told local radio that the strike would continue until the government
agreed to talks. Chile's labour minister said on Wednesday that he was ready to meet the union next week.

Exporters warned that fruit shipments worth millions of dollars were stuck on the quays.

The blockade began before dawn, when several hundred workers parked trucks across the two main access roads
and lit fires at the gates of the container terminal. Police officers watched from a distance but did not
intervene, according to witnesses.

Port authorities said that eleven ships were waiting in the bay and that three cruise ships had been diverted
to San Antonio, about a hundred kilometres to the south. The regional governor called on both sides to return
to the negotiating table and said the dispute was hurting small businesses in the city.

The union has held four strikes since January. Its members say that wages have not kept up with inflation and
that many of them work without contracts. The company that runs the terminal said in a statement that it had
offered a raise of six percent and that it regretted the union's decision to block the port.

Talks between the union, the company and the labour ministry are expected to resume on Monday in Santiago.
"""


@pytest.mark.slow
def test_cli_ingest_syndicated_copies_yields_one_line_per_story(tmp_path):
    bench = _bench()
    hamas = (FIXTURES / "hamas-russia-mediation.txt").read_text(encoding="utf-8")
    stories = [("hamas", hamas), ("port", PORT_STORY)]
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
    assert sorted(sorted(row["sources"].split("; ")) for row in rows) == sorted(
        map(sorted, expected.values())
    )
    assert all(row["n_sources"] == 3 for row in rows)
    with Store(db) as store:
        stored_ids = {row["article_id"] for row in rows}
        assert {event.article_id for event in store.events()} <= stored_ids
        assert (
            sum(row["events"] for row in rows) == store.stats()["events"] == store.stats()["cluster_members"]
        )
        events = store.stats()["events"]
        assert events > 0
    clusters = CliRunner().invoke(main, ["events", "--clusters", "--format", "jsonl", "--db", db])
    assert clusters.exit_code == 0, clusters.output
    cluster_rows = [json.loads(line) for line in clusters.output.splitlines() if line.strip()]
    assert sum(row["n_events"] for row in cluster_rows) == events  # every stored event in exactly one cluster
