"""Latency of the events list at scale: the REST API under a bounded loopback load, and `tacitus events`.

    .venv/bin/python bench/api_latency.py --db postgresql+psycopg://u:p@127.0.0.1/tacitus_bench --events 1000000
    .venv/bin/python bench/api_latency.py --db sqlite:///bench-1m.db --events 1000000 --cli-runs 10

The store is filled by `bench/generate_events.py` (realistic generated events, fixed seed) when it holds fewer
than `--events`; a filled store is reused as it is. The app runs with uvicorn in a subprocess on 127.0.0.1
(never another interface); exactly `--requests` GET /api/events requests are sent from `--concurrency`
threads, cycling through a fixed mix of filtered queries (type, status, actor, directed dyad, country, date
range, text search, combinations, a deep page, a sort), after one uncounted warm-up request per query. It
prints p50/p95/max per query and overall. With `--cli-runs`, it also times the `tacitus events` command for
the same kinds of filter: as a whole process (Python start-up and imports included) and in-process
(`Store.events`, the query the command runs). Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tacitus.api.background import free_port
from tacitus.store import Store

sys.path.insert(0, str(Path(__file__).parent))
import generate_events  # noqa: E402 - the sibling generator script

QUERIES = {
    "first page": {},
    "type": {"type": "ASSAULT"},
    "status": {"status": "denied"},
    "actor (country)": {"actor": "ukraine"},
    "actor (person)": {"actor": "petrov"},
    "actor (kb/org)": {"actor": "hamas"},
    "dyad": {"dyad": ["Russia", "Ukraine"]},
    "country": {"country": "QAT"},
    "date range": {"since": "2024-03", "until": "2024-05"},
    "text search": {"q": "humanitarian aid"},
    "type+country+dates": {"type": "CONSULT", "country": "EGY", "since": "2023", "until": "2023"},
    "actor+status": {"actor": "israel", "status": "requested"},
    "deep page": {"offset": 5000, "limit": 50},
    "sort by confidence": {"sort": "confidence", "order": "desc"},
}
# `tacitus events` takes the CLI's filter names: a directed dyad, no text search or sort.
CLI_QUERIES = {
    "type": {"type": "ASSAULT"},
    "actor": {"actor": "ukraine"},
    "dyad": {"dyad": "Russia:Ukraine"},
    "country": {"country": "QAT"},
    "type+country+dates": {"type": "CONSULT", "country": "EGY", "since": "2023", "until": "2023"},
}


def fill(url: str, n_events: int) -> str:
    with Store(url) as store:
        stored = store.stats()["events"]
    if stored >= n_events:
        return f"reused: {stored:,} events"
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(Path(generate_events.__file__)),
            "--db",
            url,
            "--events",
            str(n_events),
            "--append",
        ],
        check=True,
    )
    return f"generated in {time.perf_counter() - started:.0f} s"


def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not start in time")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def load_test(base: str, n_requests: int, concurrency: int) -> dict[str, list[float]]:
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

    with httpx.Client(timeout=120) as client:
        for name in names:  # one warm-up request per query, not counted
            client.get(base + "/api/events", params=QUERIES[name])
        with ThreadPoolExecutor(concurrency) as pool:
            for name, ms in pool.map(lambda i: one(i, client), range(n_requests)):
                timings[name].append(ms)
    return timings


def cli_timings(url: str, runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Whole-process `tacitus events` and in-process `Store.events` milliseconds per query."""
    command = [
        str(Path(sys.executable).parent / "tacitus"),
        "events",
        "--db",
        url,
        "--limit",
        "50",
        "--format",
        "jsonl",
    ]
    whole: dict[str, list[float]] = {name: [] for name in CLI_QUERIES}
    inside: dict[str, list[float]] = {name: [] for name in CLI_QUERIES}
    for _ in range(runs):
        for name, filters in CLI_QUERIES.items():
            flags = [part for key, value in filters.items() for part in (f"--{key}", str(value))]
            started = time.perf_counter()
            subprocess.run(command + flags, check=True, stdout=subprocess.DEVNULL)
            whole[name].append((time.perf_counter() - started) * 1000)
    with Store(url, upgrade=False) as store:
        for filters in CLI_QUERIES.values():
            store.events(limit=50, **filters)  # warm-up
        for _ in range(runs):
            for name, filters in CLI_QUERIES.items():
                started = time.perf_counter()
                store.events(limit=50, **filters)
                inside[name].append((time.perf_counter() - started) * 1000)
    return whole, inside


def table(title: str, timings: dict[str, list[float]]) -> str:
    every = [ms for values in timings.values() for ms in values]
    lines = [title, "", "| query | n | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|"]
    for name, values in [*timings.items(), ("ALL", every)]:
        lines.append(
            f"| {name} | {len(values)} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} | "
            f"{max(values):.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="store URL (sqlite:///… or postgresql+psycopg://…)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=700)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument(
        "--cli-runs", type=int, default=0, help="also time `tacitus events` this many times a query"
    )
    parser.add_argument("--seed", type=int, default=11, help="order of the requests")
    args = parser.parse_args()
    if args.events < 1 or args.requests < 1 or not 1 <= args.concurrency <= 32:
        parser.error("--events and --requests must be ≥ 1, --concurrency 1..32")
    random.seed(args.seed)

    how = fill(args.db, args.events)
    with Store(args.db) as store:
        stats = store.stats()
        backend = store.engine.dialect.name
    print(f"store: {backend}, {stats['events']:,} events in {stats['articles']:,} articles ({how})\n")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-c", f"from tacitus.api import serve; serve({args.db!r}, '127.0.0.1', {port})"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(base, server)
        started = time.perf_counter()
        timings = load_test(base, args.requests, args.concurrency)
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(30)
    n = sum(len(v) for v in timings.values())
    print(
        table(
            f"GET /api/events: {n} requests, concurrency {args.concurrency}, {wall:.1f} s "
            f"({n / wall:.0f} req/s)",
            timings,
        )
    )
    if args.cli_runs:
        whole, inside = cli_timings(args.db, args.cli_runs)
        print()
        print(
            table(
                "`tacitus events --limit 50 --format jsonl`, whole process (start-up and imports included)",
                whole,
            )
        )
        print()
        print(table("`Store.events(limit=50, …)` in process: the query `tacitus events` runs", inside))


if __name__ == "__main__":
    main()
