"""Concurrent clients against a real server: does it keep answering, and how fast is the events list?

    .venv/bin/python bench/load.py --db sqlite:///bench-85.db --clients 100 --seconds 60
    .venv/bin/python bench/load.py --db postgresql+psycopg://u:p@127.0.0.1/tacitus_bench --clients 100 --seconds 60

The store is filled by `bench/generate_events.py` (fixed seed) to about `--articles` articles (ten events each)
when it holds fewer; a filled store is reused. The app runs under uvicorn in a subprocess on 127.0.0.1 (never
another interface). Each of `--clients` clients is one asyncio task with its own connection that asks for the
first page of GET /api/events (cycling through a few filters), waits for the answer, then waits `--think`
seconds (a reader, not a flood) and asks again, until `--seconds` have passed. Every request has a `--timeout`;
a timeout, a refused connection or any status other than 200 counts as an error. It prints the request count,
errors, timeouts, p50/p95/p99/max latency and requests per second, and exits 1 when `--p95` or "no error" is
not met.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tacitus.api.background import free_port
from tacitus.store import Store

QUERIES = [
    {},
    {"type": "CONSULT"},
    {"actor": "russia"},
    {"since": "2023", "until": "2024"},
    {"status": "occurred", "order": "desc"},
]


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    timeouts: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def fill(url: str, articles: int) -> str:
    with Store(url) as store:
        stored = store.stats()["articles"]
    if stored >= articles:
        return "reused"
    generator = Path(__file__).with_name("generate_events.py")
    subprocess.run(
        [sys.executable, str(generator), "--db", url, "--events", str(articles * 10), "--append"], check=True
    )
    return "generated"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def client(base: str, number: int, until: float, think: float, timeout: float, result: Result) -> None:
    async with httpx.AsyncClient(
        base_url=base, timeout=timeout, limits=httpx.Limits(max_connections=1)
    ) as http:
        turn = number
        while time.monotonic() < until:
            params = QUERIES[turn % len(QUERIES)]
            turn += 1
            started = time.perf_counter()
            try:
                response = await http.get("/api/events", params=params)
            except httpx.TimeoutException:
                result.timeouts += 1
                continue
            except httpx.HTTPError as error:
                result.error(type(error).__name__)
                await asyncio.sleep(think)
                continue
            if response.status_code == 200:
                result.latencies.append(time.perf_counter() - started)
            else:
                result.error(f"HTTP {response.status_code}")
            await asyncio.sleep(think)


async def run_load(base: str, clients: int, seconds: float, think: float, timeout: float) -> Result:
    result = Result()
    until = time.monotonic() + seconds
    # Clients start spread over one think time, as readers arriving, not in one synchronised burst.
    tasks = []
    for number in range(clients):
        tasks.append(asyncio.create_task(client(base, number, until, think, timeout, result)))
        await asyncio.sleep(think / clients)
    await asyncio.gather(*tasks)
    return result


def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with code {process.returncode}")
        try:
            if httpx.get(f"{base}/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="store URL (sqlite:///… or postgresql+psycopg://…)")
    parser.add_argument("--articles", type=int, default=85)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0, help="seconds a client waits between requests")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before a request counts as lost")
    parser.add_argument("--p95", type=float, default=0.300, help="the p95 latency to meet, in seconds")
    args = parser.parse_args(argv)

    how = fill(args.db, args.articles)
    with Store(args.db) as store:
        stats, backend = store.stats(), store.engine.dialect.name
    print(f"store: {backend}, {stats['articles']} articles, {stats['events']} events ({how})")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-c", f"from tacitus.api import serve; serve({args.db!r}, '127.0.0.1', {port})"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_up(base, server)
        started = time.perf_counter()
        result = asyncio.run(run_load(base, args.clients, args.seconds, args.think, args.timeout))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            _, stderr = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # a frozen server does not finish its requests: stop it hard
            server.kill()
            _, stderr = server.communicate()
    lat = result.latencies
    p95 = percentile(lat, 0.95)
    print(
        f"{args.clients} clients, {args.seconds:g} s, think {args.think:g} s: {len(lat)} answered "
        f"({len(lat) / wall:.0f}/s), {sum(result.errors.values())} errors {result.errors or ''}, "
        f"{result.timeouts} timeouts"
    )
    if lat:
        print(
            f"latency ms: p50 {statistics.median(lat) * 1000:.0f}, p95 {p95 * 1000:.0f}, "
            f"p99 {percentile(lat, 0.99) * 1000:.0f}, max {max(lat) * 1000:.0f}"
        )
    pool_errors = stderr.decode(errors="replace").count("QueuePool limit")
    if pool_errors:
        print(f"server log: {pool_errors} 'QueuePool limit' errors")
    ok = lat and not result.errors and not result.timeouts and not pool_errors and p95 <= args.p95
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
