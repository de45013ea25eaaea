"""Running the pipeline over a batch: spaCy batches, optional worker processes, one bad article never stops it.

The CLI's `extract --jsonl` and `ingest` both go through `run`, so both report failures the same way: an
`Outcome` per input, with either a document or a reason.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tacitus import pipeline
from tacitus.batching import chunks
from tacitus.contract import Article, Document
from tacitus.errors import InputError


@dataclass
class Outcome:
    source: str
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def describe(article: Article) -> str:
    """The name an error line gives an article: where it came from, as the user would recognise it."""
    return article.url or article.source or article.id


ENGINES = ("local", "ray")


def run(
    items: Iterable[Article | InputError],
    *,
    workers: int = 1,
    batch_size: int = 16,
    engine: str = "local",
    address: str | None = None,
) -> Iterator[Outcome]:
    """One Outcome per item, in input order; input errors pass straight through as failed outcomes.

    engine "local" runs here (one process, or a fork pool of `workers`); "ray" runs `workers` Ray actors, on a
    local Ray or the cluster at `address` (tacitus.engines.ray_engine, imported only then). The engine starts
    before this returns, so one that cannot start raises EngineError here, not half way through the outcomes.
    """
    if engine == "ray":
        from tacitus.engines import ray_engine

        return ray_engine.run(items, workers=workers, batch_size=batch_size, address=address)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")
    if address is not None:
        raise ValueError("address applies to the ray engine only")
    if workers <= 1:
        return _run_local(items, batch_size)
    return _run_pool(items, workers, batch_size)


def _run_local(items: Iterable[Article | InputError], batch_size: int) -> Iterator[Outcome]:
    for chunk in chunks(items, batch_size):
        yield from process_chunk(chunk)


def process_chunk(chunk: list[Article | InputError]) -> list[Outcome]:
    outcomes: list[Outcome | None] = [None] * len(chunk)
    articles = []
    for index, item in enumerate(chunk):
        if isinstance(item, InputError):
            outcomes[index] = Outcome(source=item.source, error=item.reason)
        else:
            articles.append((index, item))
    try:
        documents = list(pipeline.process_many([article for _, article in articles], batch_size=len(chunk)))
        for (index, article), document in zip(articles, documents, strict=True):
            outcomes[index] = Outcome(source=describe(article), document=document)
    except Exception:  # noqa: BLE001 - find the article that broke the batch, keep the others
        for index, article in articles:
            outcomes[index] = _process_one(article)
    return [outcome for outcome in outcomes if outcome is not None]


def _process_one(article: Article) -> Outcome:
    try:
        return Outcome(source=describe(article), document=pipeline.process(article))
    except Exception as error:  # noqa: BLE001 - reported per article, the batch goes on
        return Outcome(source=describe(article), error=f"extraction failed: {type(error).__name__}: {error}")


def _worker_init() -> None:
    from tacitus import nlp

    nlp.load()


def _worker_chunk(chunk: list[Article | InputError]) -> list[tuple[str, str | None, str | None]]:
    # Documents cross the process boundary as JSON: cheaper and safer to pickle than pydantic trees.
    return [
        (outcome.source, outcome.document.to_json() if outcome.document else None, outcome.error)
        for outcome in process_chunk(chunk)
    ]


def _run_pool(items: Iterable[Article | InputError], workers: int, batch_size: int) -> Iterator[Outcome]:
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_worker_init) as pool:
        for results in pool.imap(_worker_chunk, chunks(items, batch_size)):
            for source, document_json, error in results:
                document = Document.from_json(document_json) if document_json else None
                yield Outcome(source=source, document=document, error=error)
