"""Share of the actors taking part in events that carry a country, in a store of real articles.

Extracts the sample article (tests/fixtures/hamas-russia-mediation.txt, 2024-06-11) and the PolNeAR
development articles (read at run time from ../shared/eval-data/polnear/data/dev/text, published on the date
in their file name) with `tacitus.extract`, saves them in a temporary SQLite store, reads every document back
(`Store.document`) and counts the distinct actors named as a source or target of an event, per article, and
how many of them have a country. Target: ≥ 70%. Also reports the share by actor type, and the same over all
actors.

    .venv/bin/python bench/actors_store_countries.py [--limit N] [--part tune|check|all] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TACITUS_SHARED", REPO.parent / "shared"))  # ../shared beside the repository
POLNEAR = SHARED / "eval-data" / "polnear" / "data" / "dev" / "text"
SAMPLE = REPO / "tests" / "fixtures" / "hamas-russia-mediation.txt"
sys.path.insert(0, str(REPO / "eval"))
from splits import article_part  # noqa: E402


def inputs(limit: int | None, part: str) -> list[tuple[str, str, str]]:
    """(name, text, published) of the sample and the PolNeAR articles of the part."""
    items = [("sample", SAMPLE.read_text(encoding="utf-8"), "2024-06-11")]
    for path in sorted(POLNEAR.glob("*.txt")):
        if part != "all" and article_part("polnear", path.stem) != part:
            continue
        day = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.name)
        items.append((path.stem, path.read_text(encoding="utf-8"), day.group(1) if day else None))
    return items[: limit + 1] if limit else items


def measure(items: list[tuple[str, str, str]]) -> dict:
    import tacitus

    event_actors: Counter = Counter()
    all_actors: Counter = Counter()
    with tempfile.TemporaryDirectory() as folder:
        store = tacitus.Store(f"sqlite:///{folder}/bench.db")
        ids = []
        for _name, text, published in items:
            result = store.save(tacitus.extract(text, published=published))
            ids.append(result.article_id)
        for article_id in dict.fromkeys(ids):
            document = store.document(article_id)
            if document is None:
                continue
            by_id = {a.id: a for a in document.actors}
            in_events = {a for e in document.events for a in (*e.sources, *e.targets) if a in by_id}
            for actor in document.actors:
                key = ("with" if actor.country else "without", actor.type.value)
                all_actors[key] += 1
                if actor.id in in_events:
                    event_actors[key] += 1
        store.close()
    return {
        "articles": len(items),
        "event_actors": _summary(event_actors),
        "all_actors": _summary(all_actors),
    }


def _summary(counts: Counter) -> dict:
    total = sum(counts.values())
    coded = sum(v for (kind, _), v in counts.items() if kind == "with")
    types = sorted({t for _, t in counts})
    return {
        "actors": total,
        "with_country": coded,
        "share": round(coded / total, 4) if total else 0.0,
        "by_type": {
            t: f"{counts[('with', t)]}/{counts[('with', t)] + counts[('without', t)]}" for t in types
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR articles")
    parser.add_argument("--part", default="all", choices=["tune", "check", "all"], help="eval/splits.py part")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"PolNeAR development texts not found at {POLNEAR}", file=sys.stderr)
        return 2
    report = measure(inputs(args.limit, args.part))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    e, a = report["event_actors"], report["all_actors"]
    print(f"store of {report['articles']} articles (sample + PolNeAR dev, part {args.part})")
    print(
        f"  actors in events with a country: {e['with_country']}/{e['actors']} = {e['share']:.3f} (target 0.70)"
    )
    print(f"    by type: {e['by_type']}")
    print(f"  all actors with a country:       {a['with_country']}/{a['actors']} = {a['share']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
