"""Syndicated copies: N stories × 3 copies (other URL, boilerplate, byline, a few edited words) through
`tacitus ingest`, then check that the store holds N stories with 3 sources each and no event twice.

The stories are the main texts of the trafilatura dev pages (`../shared/eval-data/trafilatura-eval-en`), read
as `tacitus ingest` reads them; the copies are made at run time (nothing is written into the repository).
It also checks the threshold the other way: the 162 distinct dev pages, compared pairwise, must not look
like copies of each other.

    .venv/bin/python bench/stories_syndication.py [--stories 50] [--workers 2] [--distinct] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from tacitus.dedup.stories import COPY_THRESHOLD, signature  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval-data" / "trafilatura-eval-en"
TACITUS = [sys.executable, "-c", "from tacitus.cli import main; main()"]
OUTLETS = ["wire-daily.example.com", "the-courier.example.org", "metro-post.example.net"]
BYLINES = ["By {name}, Staff Reporter", "{name} | Correspondent", "Written by {name}"]
NAMES = ["Ana Ruiz", "Tom Becker", "Priya Nair", "Joe Mensah", "Li Wei", "Sara Holm"]
HEADERS = [
    ["Share", "Tweet", "Email"],
    ["Subscribe to our newsletter for the latest news", "Follow us on Twitter"],
    ["Advertisement", "Read more: top stories of the day"],
]
FOOTERS = [
    ["Reporting by {name}; editing by Mark Heinrich", "© 2024 Wire Daily. All rights reserved."],
    ["Copyright The Courier. Sign up for our daily briefing.", "Related: more from our politics desk"],
    ["Click here to subscribe", "Published in print edition"],
]
SWAPS = {
    "said": "stated",
    "says": "states",
    "big": "large",
    "but": "yet",
    "also": "too",
    "about": "around",
    "many": "numerous",
    "people": "individuals",
    "new": "fresh",
    "help": "assist",
    "show": "reveal",
}


def page_texts(data: Path, limit: int | None = None, min_words: int = 0) -> list[tuple[str, str]]:
    """(url, main text) of the dev pages with at least `min_words` words, read as `tacitus ingest` would."""
    from tacitus.errors import InputError
    from tacitus.ingest import read_inputs

    gold = json.loads((data / "evaldata_en.json").read_text())
    pages = []
    with tempfile.TemporaryDirectory() as folder:
        for url, entry in sorted(gold.items()):
            path = Path(folder) / entry["file"]
            path.write_bytes(gzip.decompress((data / "html" / (entry["file"] + ".gz")).read_bytes()))
            found = next(iter(read_inputs([str(path)])), None)
            if (
                found is not None
                and not isinstance(found, InputError)
                and len(found.text.split()) >= min_words
            ):
                pages.append((url, found.text))
            if limit and len(pages) >= limit:
                break
    return pages


def edit_words(text: str, rng: random.Random, edits: int = 3) -> str:
    """Change a few words, as a copy desk does: a synonym, or a number written differently."""
    words = text.split(" ")
    positions = [i for i, w in enumerate(words) if w.lower().strip(".,") in SWAPS]
    rng.shuffle(positions)
    for i in positions[:edits]:
        bare = words[i].lower().strip(".,")
        words[i] = words[i].lower().replace(bare, SWAPS[bare])
    return " ".join(words)


def make_copies(stories: list[tuple[str, str]], copies: int = 3, seed: int = 1) -> list[dict]:
    """JSONL records: every story `copies` times, each with its own URL, outlet, byline, boilerplate and edits."""
    rng = random.Random(seed)
    records = []
    for number, (_url, text) in enumerate(stories):
        slug = re.sub(r"\W+", "-", text[:40].lower()).strip("-")
        for copy in range(copies):
            name = rng.choice(NAMES)
            body = edit_words(text, rng) if copy else text
            lines = [
                BYLINES[copy % len(BYLINES)].format(name=name),
                *HEADERS[copy % len(HEADERS)],
                body,
                *(line.format(name=name) for line in FOOTERS[copy % len(FOOTERS)]),
            ]
            records.append(
                {
                    "url": f"https://{OUTLETS[copy % len(OUTLETS)]}/news/{number}/{slug}-{copy}",
                    "source": OUTLETS[copy % len(OUTLETS)],
                    "published": "2024-06-12",
                    "story": number,
                    "text": "\n\n".join(lines),
                }
            )
    rng.shuffle(records)
    return records


def distinct_merges(texts: list[str]) -> tuple[int, float]:
    """How many pairs of different pages reach the copy threshold, and the highest similarity seen."""
    signatures = [s for s in (signature(t) for t in texts) if s is not None]
    highest, merges = 0.0, 0
    for a, b in combinations(signatures, 2):
        similarity = a.similarity(b)
        highest = max(highest, similarity)
        merges += similarity >= COPY_THRESHOLD
    return merges, highest


def ingest_and_check(records: list[dict], db: str, workers: int) -> dict:
    """Ingest the copies through the CLI and compare the store with what was generated."""
    env = {**os.environ, "TACITUS_DB": db}
    lines = "".join(json.dumps({k: v for k, v in r.items() if k != "story"}) + "\n" for r in records)
    started = time.perf_counter()
    run = subprocess.run(
        [*TACITUS, "ingest", "--jsonl", "-", "--workers", str(workers)],
        input=lines,
        text=True,
        capture_output=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - started
    listed = subprocess.run(
        [*TACITUS, "articles", "--format", "jsonl"], capture_output=True, text=True, env=env, check=True
    )
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    expected = {}
    for record in records:
        expected.setdefault(record["story"], set()).add(record["url"])
    got = [set(row["sources"].split("; ")) for row in rows if row["sources"]]
    stories_right = sorted(map(sorted, got)) == sorted(map(sorted, expected.values()))

    from sqlalchemy import create_engine, func, select

    from tacitus.store import schema
    from tacitus.store.store import resolve_url

    engine = create_engine(resolve_url(db))
    with engine.connect() as connection:
        events = connection.execute(select(func.count()).select_from(schema.events)).scalar_one()
        event_articles = set(connection.execute(select(schema.events.c.article_id).distinct()).scalars())
        clustered = connection.execute(
            select(
                schema.cluster_members.c.cluster_id,
                func.count(),
                func.count(schema.cluster_members.c.article_id.distinct()),
            ).group_by(schema.cluster_members.c.cluster_id)
        ).all()
    engine.dispose()
    story_ids = {row["article_id"] for row in rows}
    return {
        "articles_in": len(records),
        "stories_expected": len(expected),
        "stories_listed": len(rows),
        "sources_per_story": sorted({row["n_sources"] for row in rows}),
        "stories_match_generated": stories_right,
        "events_stored": events,
        "events_only_from_stories": event_articles <= story_ids,
        "clusters_with_two_events_of_one_article": sum(1 for _, n, distinct in clustered if n != distinct),
        "ingest_seconds": round(seconds, 1),
        "ingest_exit": run.returncode,
        "ingest_summary": run.stderr.strip().splitlines()[-1:],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="Also compare all 162 distinct dev pages pairwise (reads every page: slow).",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: {args.data}: trafilatura dev pages not found", file=sys.stderr)
        return 1
    result = {}
    if args.distinct:
        pages = page_texts(args.data)
        merges, highest = distinct_merges([text for _, text in pages])
        result.update(
            {
                "distinct_pages": len(pages),
                "distinct_pairs_at_threshold": merges,
                "highest_distinct_similarity": round(highest, 3),
            }
        )
    records = make_copies(page_texts(args.data, limit=args.stories, min_words=150))
    copy_similarity = min(
        signature(a["text"]).similarity(signature(b["text"]))
        for a, b in combinations(records, 2)
        if a["story"] == b["story"]
    )
    with tempfile.TemporaryDirectory() as folder:
        result.update(ingest_and_check(records, str(Path(folder) / "stories.db"), args.workers))
    result.update({"lowest_copy_similarity": round(copy_similarity, 3), "threshold": COPY_THRESHOLD})
    print(json.dumps(result, indent=None if not args.json else 2))
    ok = (
        result["stories_match_generated"]
        and result["sources_per_story"] == [3]
        and result["events_only_from_stories"]
        and not result["clusters_with_two_events_of_one_article"]
        and result["ingest_exit"] == 0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
