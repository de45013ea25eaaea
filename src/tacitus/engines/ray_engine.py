"""The Ray engine: a pool of Ray actors extracts, the driver reads the input and gets outcomes in input order.

Each actor is one worker process holding spaCy (loaded once) and runs `runner._worker_chunk` on a chunk of
articles, exactly what a process of the local pool runs, so both engines give the same documents. Articles go
to the actors as JSON and documents come back as JSON: plain strings cross Ray's serialiser (and versions of
pydantic) without surprises. Input errors never leave the driver.

Back-pressure: at most `IN_FLIGHT_PER_ACTOR` chunks per actor are submitted and not yet yielded, so the driver
reads the input only that far ahead, however long it is. Chunks are yielded in the order they were read, so a
store fed from here gets its records in input order (the first stored copy of a story stays the story).

Without an address a private local Ray is started (and shut down at the end); with one, the driver joins that
cluster, whose nodes must have tacitus and the spaCy model installed (docs/scale-ray.md).
"""

from __future__ import annotations

import logging
import os
import re
import socket
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

import ray
from ray.exceptions import GetTimeoutError, RayError

from tacitus import runner
from tacitus.batching import chunks
from tacitus.contract import Article, Document
from tacitus.errors import EngineError, InputError
from tacitus.runner import Outcome

IN_FLIGHT_PER_ACTOR = 2
# Unix socket paths under Ray's temp dir must stay short (about 107 bytes); the default /tmp/ray is shared.
LOCAL_TEMP_DIR = "/tmp/ray-tacitus"
LOCAL_OBJECT_STORE_BYTES = 512 * 1024**2  # documents are small; a good neighbour on a shared machine
# Generous start-up limits for a loaded machine (RayConfig reads RAY_<name> from the environment).
RAY_ENVIRONMENT = {
    "RAY_worker_register_timeout_seconds": "300",
    "RAY_gcs_rpc_server_connect_timeout_s": "60",
}
START_ATTEMPTS = 2
CONNECT_PROBE_SECONDS = 10


def start_timeout() -> float:
    """Seconds to wait for every actor to load spaCy: $TACITUS_RAY_START_TIMEOUT, default 600."""
    return float(os.environ.get("TACITUS_RAY_START_TIMEOUT", "600"))


Result = tuple[str, str | None, str | None]


@ray.remote
class Extractor:
    """One Ray worker process: the driver's settings applied, spaCy loaded once, then chunks in, results out."""

    def __init__(self, settings: dict) -> None:
        _apply_settings(settings)
        runner._worker_init()

    def ready(self) -> int:
        return os.getpid()

    def extract(self, articles: list[str]) -> list[Result]:
        return runner._worker_chunk([Article.model_validate_json(text) for text in articles])


def driver_settings() -> dict:
    """What a forked worker would inherit from the driver but a Ray worker must be told: the pipeline's
    stage selection ($TACITUS_STAGES) and the user's actor files (`--actors`), sent as their contents since
    a remote node has no such paths."""
    from tacitus import actors

    files = [(Path(path).name, Path(path).read_bytes()) for path in actors.current_knowledge_base().sources]
    return {"stages": os.environ.get("TACITUS_STAGES"), "actor_files": files}


def _apply_settings(settings: dict) -> None:
    if settings.get("stages") is None:
        os.environ.pop("TACITUS_STAGES", None)
    else:
        os.environ["TACITUS_STAGES"] = settings["stages"]
    if settings.get("actor_files"):
        from tacitus import actors

        folder = Path(tempfile.mkdtemp(prefix="tacitus-actors-"))
        paths = []
        for index, (name, content) in enumerate(settings["actor_files"]):
            path = folder / f"{index:02d}-{name}"
            path.write_bytes(content)
            paths.append(path)
        actors.use_extra_knowledge(paths)


def connect(workers: int, address: str | None) -> bool:
    """Join the cluster at `address`, or start a local Ray with `workers` CPUs; True when this call did, so
    the run ends with `ray.shutdown()` (which stops a local Ray and only disconnects from a cluster).

    A Ray this process already initialised (a notebook, the tests) is used as it is and left running.
    """
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"  # Tacitus runs offline: no usage reports
    if ray.is_initialized():
        return False
    common = {"log_to_driver": False, "logging_level": logging.ERROR}
    if address:
        _check_reachable(address)
        try:
            ray.init(address=address, **common)
        except Exception as error:  # noqa: BLE001 - any failure to join is reported as one line
            raise EngineError(f"cannot connect to Ray at {address}: {_first_line(error)}") from None
        return True
    for name, value in RAY_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    Path(LOCAL_TEMP_DIR).mkdir(parents=True, exist_ok=True)
    failure: Exception | None = None
    for _ in range(START_ATTEMPTS):
        try:
            # "local": never join a cluster named by $RAY_ADDRESS or left running by `ray start`.
            ray.init(
                address="local",
                num_cpus=workers,
                include_dashboard=False,
                object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                _temp_dir=LOCAL_TEMP_DIR,
                _node_ip_address="127.0.0.1",
                **common,
            )
            return True
        except Exception as error:  # noqa: BLE001 - retried (a loaded machine), then reported as one line
            ray.shutdown()
            failure = error
    raise EngineError(f"cannot start Ray: {_first_line(failure)}")


def _check_reachable(address: str) -> None:
    """Fail fast, in one line, where Ray itself would retry for minutes: nothing listening at the address,
    no cluster for 'auto', or a ray:// address (the Ray client is not installed with Tacitus)."""
    if address.startswith("ray://"):
        raise EngineError(
            f"cannot connect to Ray at {address}: ray:// needs the Ray client (ray[client]), which Tacitus does not "
            "install; run tacitus on a node of the cluster with --address HEAD:6379 or --address auto"
        )
    target = address
    if address == "auto":
        from ray._private.services import canonicalize_bootstrap_address_or_die

        try:
            target = canonicalize_bootstrap_address_or_die("auto")
        except Exception as error:  # noqa: BLE001 - no cluster found
            raise EngineError(f"cannot connect to Ray (auto): {_first_line(error)}") from None
    host, _, port = target.rpartition(":")
    if not host or not port.isdigit():
        return  # let Ray judge an address it may read differently
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_PROBE_SECONDS).close()
    except OSError as error:
        raise EngineError(
            f"cannot connect to Ray at {address}: nothing answers at {target} ({error})"
        ) from None


class Pool:
    """The actors and, for each, the chunks it was given and has not finished."""

    def __init__(self, actors: list) -> None:
        self.actors = actors
        self.busy: list[set] = [set() for _ in actors]

    def submit(self, articles: list[str]):
        """Give the chunk to the actor with the least unfinished work."""
        self._forget_finished()
        index = min(range(len(self.actors)), key=lambda i: len(self.busy[i]))
        ref = self.actors[index].extract.remote(articles)
        self.busy[index].add(ref)
        return ref

    def _forget_finished(self) -> None:
        unfinished = [ref for refs in self.busy for ref in refs]
        if not unfinished:
            return
        finished, _ = ray.wait(unfinished, num_returns=len(unfinished), timeout=0)
        for refs in self.busy:
            refs.difference_update(finished)

    def close(self) -> None:
        for actor in self.actors:
            ray.kill(actor, no_restart=True)


def start_pool(workers: int) -> Pool:
    """One actor per worker, each holding a CPU; waits until every one has loaded spaCy."""
    settings = driver_settings()
    actors = [
        Extractor.options(num_cpus=1, max_restarts=2, max_task_retries=1).remote(settings)
        for _ in range(workers)
    ]
    pool = Pool(actors)
    try:
        ray.get([actor.ready.remote() for actor in actors], timeout=start_timeout())
    except GetTimeoutError:
        pool.close()
        cpus = ray.cluster_resources().get("CPU", 0)
        raise EngineError(
            f"the {workers} Ray workers did not start within {start_timeout():.0f} s (the cluster has {cpus:g} "
            "CPUs, each worker takes one; $TACITUS_RAY_START_TIMEOUT sets the limit)"
        ) from None
    except RayError as error:
        pool.close()
        raise EngineError(
            "the Ray workers cannot run Tacitus (is it installed, with its model, on every node from the same "
            f"lock?): {_first_line(error)}"
        ) from None
    return pool


def run(
    items: Iterable[Article | InputError],
    *,
    workers: int = 1,
    batch_size: int = 16,
    address: str | None = None,
) -> Iterator[Outcome]:
    """Start Ray and the actors now (raising EngineError if that fails), then yield one Outcome per item, in
    input order, as `runner.run` does. Ray is shut down when the outcomes are exhausted, if we started it."""
    workers = max(1, workers)
    started = connect(workers, address)
    try:
        pool = start_pool(workers)
    except BaseException:
        if started:
            ray.shutdown()
        raise
    return _outcomes(items, batch_size, pool, started)


def _outcomes(
    items: Iterable[Article | InputError], batch_size: int, pool: Pool, started: bool
) -> Iterator[Outcome]:
    limit = IN_FLIGHT_PER_ACTOR * len(pool.actors)
    pending: deque[tuple[list, object | None]] = deque()
    try:
        for chunk in chunks(items, batch_size):
            while len(pending) >= limit:
                yield from _finish(*pending.popleft())
            articles = [item.model_dump_json() for item in chunk if not isinstance(item, InputError)]
            pending.append((chunk, pool.submit(articles) if articles else None))
        while pending:
            yield from _finish(*pending.popleft())
    finally:
        pool.close()
        if started:
            ray.shutdown()


def _finish(chunk: list[Article | InputError], ref) -> Iterator[Outcome]:
    """The chunk's outcomes in its own order: input errors as they were, articles from the actor's results."""
    articles = [item for item in chunk if not isinstance(item, InputError)]
    try:
        results: list[Result] = ray.get(ref) if ref is not None else []
    except RayError as error:  # the worker died (or its node): these articles fail, the run goes on
        reason = f"extraction failed: Ray worker lost: {_first_line(error)}"
        results = [(runner.describe(article), None, reason) for article in articles]
    done = iter(results)
    for item in chunk:
        if isinstance(item, InputError):
            yield Outcome(source=item.source, error=item.reason)
            continue
        source, document_json, error = next(done)
        yield Outcome(
            source=source, document=Document.from_json(document_json) if document_json else None, error=error
        )


_RAISED = re.compile(r"^[\w.]+(Error|Exception): ")


def _first_line(error: BaseException) -> str:
    """One line for an error line: the innermost `SomeError: …` of a Ray traceback, else its first line."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    raised = [line for line in lines if _RAISED.match(line)]
    if raised:
        return raised[-1][:500]
    return f"{type(error).__name__}: {lines[0] if lines else ''}"[:500]
