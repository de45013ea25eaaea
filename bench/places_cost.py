"""What the places stage costs: the gazetteer's load time and memory, and geoparsing time against parse time.

1. Load: a fresh interpreter loads the gazetteer from its cache (building the cache first if it is missing,
   which is not timed) and reports wall time and the growth of its peak resident memory.
2. Cost: the TR-News articles (`../shared/eval-data/geoparsing-gritta/`) parsed by spaCy (timed), then the
   places stage alone on each parse (timed); the share is places time / parse time.

    .venv/bin/python bench/places_cost.py [--articles N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

LOAD = """
import re, time
def rss():
    with open("/proc/self/status") as status:
        return int(re.search(r"VmRSS:\\s+(\\d+)", status.read()).group(1)) / 1024
from tacitus.places import gazetteer
before = rss()
start = time.perf_counter()
gaz = gazetteer.load()
took = time.perf_counter() - start
after = rss()
print(f"{took:.3f} {after - before:.0f} {len(gaz)} {len(gaz.index)} {after:.0f}")
"""


def load_cost() -> tuple[float, float, int, int, float]:
    from tacitus.places import gazetteer

    gazetteer.load()  # the cache exists after this
    runs = [
        subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True)
        for _ in range(3)
    ]
    values = [r.stdout.split() for r in runs]
    best = min(values, key=lambda v: float(v[0]))
    return float(best[0]), float(best[1]), int(best[2]), int(best[3]), float(best[4])


def parse_cost(limit: int) -> tuple[int, float, float]:
    import places_data

    from tacitus import nlp
    from tacitus.places import find_places, gazetteer

    gazetteer.load()
    texts = [a.text for a in places_data.articles("trnews")][:limit]
    nlp.load()
    start = time.perf_counter()
    docs = list(nlp.parse_many(texts, batch_size=16))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    for doc in docs:
        find_places(doc)
    places = time.perf_counter() - start
    return len(docs), parse, places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=119)
    args = parser.parse_args()
    took, memory, rows, names, total = load_cost()
    print(
        f"gazetteer: {rows} places, {names} names; load {took:.2f} s (best of 3), memory +{memory:.0f} MB "
        f"(process {total:.0f} MB with its imports)"
    )
    count, parse, places = parse_cost(args.articles)
    print(
        f"{count} TR-News articles: parse {parse:.1f} s, places {places:.2f} s = {places / parse:.1%} of parse time"
    )


if __name__ == "__main__":
    main()
