"""A bounded load test on loopback: 100 clients at once against a real server must all be answered.

Before the connection slots (tacitus.api.deps) a burst larger than the connection pool could leave every
threadpool thread waiting for a connection while the requests holding connections waited for a thread: no
answer for 30 s, then `QueuePool limit … reached` errors. Fixed count (100 clients × 2 requests) and a time cap.
"""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from tacitus.api import create_app
from tacitus.api.background import background
from tacitus.api.deps import connection_slots
from tacitus.store import Store
from tests.store.conftest import _empty_postgres, postgres_urls  # noqa: F401 - the PostgreSQL fixture

CLIENTS, REQUESTS, CAP_SECONDS = 100, 2, 90


def _burst(base: str) -> tuple[list[int], list[str], float]:
    statuses, errors = [], []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client(number: int) -> None:
        with httpx.Client(base_url=base, timeout=CAP_SECONDS / 2) as http:
            start.wait()
            for turn in range(REQUESTS):
                try:
                    code = http.get("/api/events", params={"offset": (number + turn) % 5}).status_code
                    with lock:
                        statuses.append(code)
                except httpx.HTTPError as error:
                    with lock:
                        errors.append(type(error).__name__)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(CAP_SECONDS)
    return statuses, errors, time.monotonic() - began


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_100_concurrent_clients_are_all_answered(backend, tmp_path, sample_document, request):
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'load.db'}"
    else:
        url = request.getfixturevalue("postgres_urls")["write"]
        _empty_postgres(url)
    with Store(url) as store:
        store.save(sample_document)
    with background(create_app(url)) as base:
        statuses, errors, took = _burst(base)
    assert errors == [] and statuses == [200] * (CLIENTS * REQUESTS), (errors, sorted(set(statuses)))
    assert took < CAP_SECONDS


def test_slots_leave_threads_for_the_holders():
    class Pool:
        def size(self):
            return 5

        _max_overflow = 10

    class Engine:
        pool = Pool()

    assert connection_slots(Engine(), threads=40) == 15
    assert connection_slots(Engine(), threads=12) == 4  # never more than the threads can serve
    assert connection_slots(Engine(), threads=1) == 1
