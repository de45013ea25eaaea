"""Latency of the events list: a bounded loopback load test on a store of generated events.

    .venv/bin/python bench/api_latency.py [--events 10000] [--requests 400] [--concurrency 4]

Builds a temporary SQLite store holding `--events` synthetic events (documents generated here with a fixed
seed: 20 events per article, actors from a pool of 60, dates over 2023-2024), starts the app with uvicorn in a
subprocess on 127.0.0.1 (never another interface), sends exactly `--requests` GET /api/events requests from
`--concurrency` threads, cycling through a fixed mix of queries (first page, filters by type / actor / dyad /
country / date range, text search, a deep page, sorting), and prints p50/p95/max latency overall and per query.
Nothing is fetched from the network; the store is deleted at the end unless `--keep` is given.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tacitus.api.background import free_port
from tacitus.contract import Actor, Article, DateValue, Document, Event, Place, Sentence, Span
from tacitus.store import Store

TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
         "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "RETREAT", "CONCEDE"]
STATUSES = ["occurred"] * 6 + ["planned", "requested", "denied", "promised"]
PLACES = [("Moscow", "RUS", 55.75, 37.62), ("Gaza", "PSE", 31.5, 34.47), ("Cairo", "EGY", 30.04, 31.24),
          ("Doha", "QAT", 25.29, 51.53), ("Kyiv", "UKR", 50.45, 30.52), ("Washington", "USA", 38.9, -77.04),
          ("Beijing", "CHN", 39.9, 116.4), ("Brussels", "BEL", 50.85, 4.35)]
COUNTRIES = ["RUS", "USA", "ISR", "PSE", "EGY", "QAT", "UKR", "CHN", "TUR", "IRN", "FRA", "DEU"]
EVENTS_PER_ARTICLE = 20
QUERIES = {
    "first page": {},
    "type": {"type": "CONSULT"},
    "actor": {"actor": "actor 7"},
    "dyad": {"dyad": ["Actor 3", "Actor 11"]},
    "country": {"country": "RUS"},
    "date range": {"since": "2024-03", "until": "2024-05"},
    "text search": {"q": "talks in"},
    "deep page": {"offset": 9000, "limit": 50},
    "sort by confidence": {"sort": "confidence", "order": "desc"},
}


def generated_document(index: int, rng: random.Random) -> Document:
    """One article with EVENTS_PER_ARTICLE events, one sentence each, between actors from the pool."""
    pool = rng.sample(range(60), 8)
    actors = [Actor(id=f"A{i + 1}", name=f"Actor {n}", type="organization", country=COUNTRIES[n % len(COUNTRIES)])
              for i, n in enumerate(pool)]
    sentences, events, text = [], [], ""
    for number in range(EVENTS_PER_ARTICLE):
        source, target = rng.sample(actors, 2)
        kind = rng.choice(TYPES)
        place = rng.choice(PLACES)
        sentence = f"{source.name} and {target.name} held talks in {place[0]} about {kind.lower()} number {number}."
        start = len(text)
        text += sentence + " "
        end = start + len(sentence)
        sentences.append(Sentence(start=start, end=end))
        source.mentions.append(Span(start=start, end=start + len(source.name)))
        day = f"{rng.choice([2023, 2024])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events.append(Event(
            id=f"E{number + 1}", type=kind, status=rng.choice(STATUSES), sources=[source.id], targets=[target.id],
            date=DateValue(value=day), confidence=round(rng.uniform(0.3, 1.0), 2),
            place=Place(name=place[0], country=place[1], lat=place[2], lon=place[3]) if rng.random() < 0.7 else None,
            evidence=[Span(start=start, end=end)],
        ))
    article = Article(id=f"bench-{index:05d}", title=f"Generated article {index}", published="2024-06-11",
                      text=text.strip(), content_hash=f"{index:064x}")
    return Document(article=article, sentences=sentences, actors=actors, events=events)


def build_store(url: str, n_events: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    with Store(url) as store:
        for index in range(-(-n_events // EVENTS_PER_ARTICLE)):
            store.save(generated_document(index, rng))
        return store.stats()["events"]


def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not start in time")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(base: str, n_requests: int, concurrency: int) -> dict[str, list[float]]:
    names = list(QUERIES)
    timings: dict[str, list[float]] = {name: [] for name in names}

    def one(i: int, client: httpx.Client) -> tuple[str, float]:
        name = names[i % len(names)]
        started = time.perf_counter()
        response = client.get(base + "/api/events", params=QUERIES[name])
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"{name}: HTTP {response.status_code}: {response.text[:200]}")
        return name, elapsed * 1000

    with httpx.Client(timeout=60) as client:
        for name in names:  # one warm-up request per query, not counted
            client.get(base + "/api/events", params=QUERIES[name])
        with ThreadPoolExecutor(concurrency) as pool:
            for name, ms in pool.map(lambda i: one(i, client), range(n_requests)):
                timings[name].append(ms)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the generated store and print its path")
    parser.add_argument("--db", help="a SQLite file to build the store in, or to reuse when it already holds the events")
    args = parser.parse_args()
    if args.events < 1 or args.requests < 1 or not 1 <= args.concurrency <= 32:
        parser.error("--events and --requests must be ≥ 1, --concurrency 1..32")

    folder = Path(tempfile.mkdtemp(prefix="tacitus-bench-"))
    url = f"sqlite:///{Path(args.db).resolve() if args.db else folder / 'bench.db'}"
    started = time.perf_counter()
    with Store(url) as store:
        stored = store.stats()["events"]
    how = "reused"
    if stored < args.events:
        stored, how = build_store(url, args.events), "built"
    print(f"store: {stored} events in {stored // EVENTS_PER_ARTICLE} articles, {how} in "
          f"{time.perf_counter() - started:.1f}s ({url if args.keep or args.db else 'temporary'})")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", f"from tacitus.api import serve; serve({url!r}, '127.0.0.1', {port})"],
                              stdout=subprocess.DEVNULL)
    try:
        wait_until_up(base, server)
        started = time.perf_counter()
        timings = run(base, args.requests, args.concurrency)
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(30)
    every = [ms for values in timings.values() for ms in values]
    print(f"GET /api/events: {len(every)} requests, concurrency {args.concurrency}, {wall:.1f}s "
          f"({len(every) / wall:.0f} req/s)")
    print(f"{'query':<20} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in [*timings.items(), ("ALL", every)]:
        print(f"{name:<20} {len(values):>4} {statistics.median(values):>8.1f} {percentile(values, 0.95):>8.1f} "
              f"{max(values):>8.1f}")
    if not args.keep:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
