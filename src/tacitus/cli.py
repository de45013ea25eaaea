"""The `tacitus` command: thin over the library. Errors are one line naming the input; exit 1 if any failed."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable

import click

from tacitus.cli_common import DB_HELP, _dayfirst_option, _fail_line, _open_store, _warn_not_extracted
from tacitus.cli_options import (
    _actor,
    _country,
    _direction,
    _dyad,
    _event_filters,
    _event_type,
    _mode,
    _paging,
    _quad,
    _since,
    _sort,
    _source,
    _status,
    _target,
    _until,
    _with_options,
)
from tacitus.cli_store import delete, known, replace_or_fail
from tacitus.errors import EngineError, InputError, StoreError, TacitusError
from tacitus.store.query import ACTOR_TYPES, STATUSES

FORMATS = ["table", "csv", "jsonl", "parquet"]


def _published_option(value: str | None, dayfirst: bool | None = None) -> str | None:
    if value is None:
        return None
    from tacitus.ingest import parse_published

    try:
        return parse_published(value, source="--published", dayfirst=dayfirst)
    except InputError as error:
        raise click.BadParameter(error.reason, param_hint="--published") from None


def _progress(iterable, *, desc: str, unit: str = "article", total: int | None = None):
    """A progress bar on stderr (articles/s, and an ETA when the number of inputs is known); off when piped."""
    from tqdm import tqdm

    return tqdm(
        iterable, desc=desc, unit=unit, total=total, file=sys.stderr, disable=None, dynamic_ncols=True
    )


# Articles committed per transaction by `ingest`: far fewer commits than one per article, and a crash loses at
# most one batch of extraction work (nothing of an uncommitted batch is stored, so a rerun extracts it again).
SAVE_BATCH = 32


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tacitus")
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor knowledge-base file (YAML/JSON); repeatable.",
)
def main(actor_files: tuple[str, ...]) -> None:
    """Tacitus: news articles to a verifiable, queryable record of political events."""
    if actor_files:
        from tacitus import actors

        use_extra = getattr(actors, "use_extra_knowledge", None)
        if use_extra is None:
            raise click.UsageError("--actors needs the actor knowledge base, which this build lacks")
        try:
            use_extra([os.fspath(path) for path in actor_files])
        except TacitusError as error:
            raise click.ClickException(str(error)) from None


def _inputs(inputs: tuple[str, ...], jsonl: bool, published: str | None, dayfirst: bool | None = None):
    from tacitus.ingest import read_inputs

    return read_inputs(
        list(inputs), jsonl=jsonl, published=published, stdin=sys.stdin.buffer, dayfirst=dayfirst
    )


def _engine_options(function):
    """--engine and --address for the commands that run the pipeline; an engine that cannot start is one line."""

    @functools.wraps(function)
    def run_command(*args, **kwargs):
        if kwargs.get("address") and kwargs.get("engine") != "ray":
            raise click.UsageError("--address needs --engine ray")
        try:
            return function(*args, **kwargs)
        except EngineError as error:
            raise click.ClickException(str(error)) from None

    run_command = click.option(
        "--address",
        help="Ray cluster to run on: HEAD:6379, or 'auto' (the one `ray start` joined this node to, or "
        "$RAY_ADDRESS); its nodes need tacitus installed. Default: a private Ray on this machine.",
    )(run_command)
    return click.option(
        "--engine",
        type=click.Choice(["local", "ray"]),
        default="local",
        show_default=True,
        help="Where extraction runs: local (--workers processes) or ray (--workers Ray actors).",
    )(run_command)


def _single_document_input(inputs: tuple[str, ...], jsonl: bool) -> bool:
    if jsonl or len(inputs) != 1:
        return False
    name = inputs[0]
    return (
        name == "-"
        or (os.path.isfile(name) and not name.endswith(".jsonl"))
        or name.startswith(("http://", "https://"))
    )


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--published", help="Publication date (anchors 'Monday', 'in November'…) for inputs without one."
)
@click.option(
    "--jsonl", is_flag=True, help="One document per line, for every input; '-' reads JSONL articles."
)
@click.option("--workers", default=1, show_default=True, help="Worker processes.")
@_dayfirst_option
@_engine_options
def extract(
    inputs: tuple[str, ...],
    published: str | None,
    jsonl: bool,
    workers: int,
    engine: str,
    address: str | None,
    dayfirst: bool | None,
) -> None:
    """Extract documents (JSON) from files, folders, URLs, JSONL or '-' (stdin).

    One text or HTML input without --jsonl prints one indented document; otherwise one document per line.
    """
    from tacitus import runner

    published = _published_option(published, dayfirst)
    single = _single_document_input(inputs, jsonl)
    failed = 0
    for outcome in runner.run(
        _inputs(inputs, jsonl, published, dayfirst), workers=workers, engine=engine, address=address
    ):
        if not outcome.ok:
            failed += 1
            _fail_line(outcome.source, outcome.error)
            continue
        _warn_not_extracted(outcome)
        click.echo(outcome.document.to_json(indent=2 if single else None))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", envvar="TACITUS_DB", help=DB_HELP)
@click.option("--published", help="Publication date for inputs without one.")
@click.option("--jsonl", is_flag=True, help="Read '-' (stdin) as JSONL articles.")
@click.option("--workers", default=1, show_default=True, help="Worker processes for the NLP stages.")
@click.option(
    "--save-batch",
    default=SAVE_BATCH,
    show_default=True,
    type=click.IntRange(min=1),
    help="Articles committed per transaction (a crash loses at most one uncommitted batch, re-run resumes).",
)
@click.option(
    "--update", is_flag=True, help="Replace a stored article whose URL (or id) comes again with changed text."
)
@_dayfirst_option
@_engine_options
def ingest(
    inputs: tuple[str, ...],
    db: str | None,
    published: str | None,
    jsonl: bool,
    workers: int,
    save_batch: int,
    update: bool,
    engine: str,
    address: str | None,
    dayfirst: bool | None,
) -> None:
    """Extract and store articles; already-stored ones (same content or URL) are skipped, so re-runs resume."""
    from tacitus import runner

    published = _published_option(published, dayfirst)
    store = _open_store(db)
    counts = {"stored": 0, "updated": 0, "copy": 0, "duplicate": 0, "failed": 0}

    from tacitus.ingest import count_inputs

    bar = _progress(None, desc="ingest", total=count_inputs(list(inputs), jsonl=jsonl))

    def unseen(items):
        # Known by URL, or by content when it has no URL; the same body under a new URL is a syndicated copy,
        # which the store records as one more source of the stored story.
        for item in items:
            if not isinstance(item, InputError) and known(store, item, update):
                counts["duplicate"] += 1
                bar.update(1)
                continue
            yield item

    outcomes = runner.run(
        unseen(_inputs(inputs, jsonl, published, dayfirst)), workers=workers, engine=engine, address=address
    )
    from tacitus.batching import chunks

    for batch in chunks(outcomes, save_batch):
        for outcome in batch:
            _warn_not_extracted(outcome)
        _store_batch(store, batch, counts, update=update)
        bar.update(len(batch))
    bar.close()
    updated = f"{counts['updated']} updated, " if update else ""
    click.echo(
        f"{counts['stored']} stored, {updated}{counts['duplicate']} already stored, {counts['copy']} copies of stored "
        f"stories, {counts['failed']} failed "
        f"-> {store.url}",
        err=True,
    )
    store.close()
    sys.exit(1 if counts["failed"] else 0)


def _store_batch(store, batch: list, counts: dict[str, int], *, update: bool = False) -> None:
    """Save a batch of outcomes in one transaction; every article that failed, to extract or to store, is
    reported on its own line (in input order) and recorded in the store's failures."""
    from tacitus.store.rows import SaveResult

    extracted = [outcome for outcome in batch if outcome.ok]
    recorded = True  # save_many records the documents it could not store
    try:
        if update:  # one transaction each: a corrected article replaces the stored one
            results = [replace_or_fail(store, outcome.document) for outcome in extracted]
        else:
            results = store.save_many([outcome.document for outcome in extracted], batch_size=len(extracted))
    except Exception as error:  # noqa: BLE001 - the store itself failed: every article of the batch is reported
        results = [SaveResult("", "failed", f"{type(error).__name__}: {error}")] * len(extracted)
        recorded = False
    saved = {id(outcome): result for outcome, result in zip(extracted, results, strict=True)}
    for outcome in batch:
        result = saved.get(id(outcome))
        if result is not None and result.status != "failed":
            counts[result.status] += 1
            continue
        counts["failed"] += 1
        if result is not None:
            outcome.error = f"could not be stored: {result.reason}"
        _fail_line(outcome.source, outcome.error)
        if result is None or not recorded:
            # The store itself may be what fails (locked, gone): then the line above is the only record.
            with contextlib.suppress(StoreError):
                store.record_failure(outcome.source, outcome.error)


def _row_types():
    from tacitus.store import rows

    return rows


def _listing(fetch: Callable, filters: dict, fmt: str, output: str | None, row_type: type) -> None:
    from tacitus.store import write_rows

    try:
        rows = fetch(**{key: value for key, value in filters.items() if value not in (None, ())})
    except (ValueError, TypeError) as error:
        raise click.UsageError(str(error)) from None
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise click.UsageError("parquet is binary: give --output FILE or redirect stdout")
    if output:
        write_rows(rows, fmt, output, row_type=row_type)
    else:
        stream = sys.stdout.buffer if fmt == "parquet" else sys.stdout
        write_rows(rows, fmt, stream, row_type=row_type)


def _list_command(name: str, help_text: str, extra: list[Callable] = ()):
    def decorate(function):
        options = [
            click.option("--db", envvar="TACITUS_DB", help=DB_HELP),
            click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True),
            click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to a file."),
            click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N rows."),
            click.option("--article", help="Only this article id."),
            *extra,
        ]
        for option in reversed(options):
            function = option(function)
        return main.command(name=name, help=help_text)(function)

    return decorate


@_list_command(
    "articles",
    "List stored articles.",
    [_actor, _country, _since, _until, _event_type, *_paging, _sort("articles")],
)
def articles_command(db, fmt, output, **filters):
    rows = _row_types()
    with _open_store(db, read=True) as store:
        _listing(store.articles, filters, fmt, output, rows.ArticleRow)


@_list_command(
    "actors",
    "List actors, one row per actor across articles: aliases, roles with first…last seen dates, articles.",
    [
        _actor,
        _country,
        _since,
        _until,
        click.option("--type", type=click.Choice(ACTOR_TYPES), help="Actor type."),
        *_paging,
        _sort("actors"),
        click.option("--per-article", is_flag=True, help="One row per actor per article instead."),
    ],
)
def actors_command(db, fmt, output, per_article, **filters):
    from tacitus.store.profiles import ActorProfile

    rows = _row_types()
    with _open_store(db, read=True) as store:
        if per_article:
            _listing(store.actors, filters, fmt, output, rows.ActorRow)
        else:
            for name in ("sort", "order"):
                if filters.get(name) is not None:
                    raise click.UsageError(
                        f"--{name} applies to --per-article (actors are listed most seen first)"
                    )
            _listing(store.actor_profiles, filters, fmt, output, ActorProfile)


@_list_command(
    "events",
    "List events (PLOVER) with their actors, date, place and status.",
    [
        _actor,
        _source,
        _target,
        _dyad,
        _direction,
        _country,
        _since,
        _until,
        _event_type,
        _status,
        _mode,
        _quad,
        click.option(
            "--min-confidence", type=click.FloatRange(0, 1), help="Only events at least this confident."
        ),
        *_paging,
        _sort("events"),
        click.option(
            "--clusters",
            "as_clusters",
            is_flag=True,
            help="One row per real-world event across articles, with its number of sources.",
        ),
    ],
)
def events_command(db, fmt, output, as_clusters, **filters):
    rows = _row_types()
    with _open_store(db, read=True) as store:
        if as_clusters:
            _listing(store.clusters, filters, fmt, output, rows.ClusterRow)
        else:
            _listing(store.events, filters, fmt, output, rows.EventRow)


@_list_command(
    "quotes",
    "List quotes with speaker, medium and date.",
    [_actor, _country, _since, _until, *_paging, _sort("quotes")],
)
def quotes_command(db, fmt, output, **filters):
    rows = _row_types()
    with _open_store(db, read=True) as store:
        _listing(store.quotes, filters, fmt, output, rows.QuoteRow)


@_list_command(
    "claims",
    "List numeric claims with their attribution.",
    [_actor, _country, _since, _until, *_paging, _sort("claims")],
)
def claims_command(db, fmt, output, **filters):
    rows = _row_types()
    with _open_store(db, read=True) as store:
        _listing(store.claims, filters, fmt, output, rows.ClaimRow)


@main.command()
@click.option("--db", envvar="TACITUS_DB", help=DB_HELP)
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month", "year"]),
    default="month",
    show_default=True,
    help="Period length.",
)
@_with_options(_event_filters)
@click.option(
    "--status",
    type=click.Choice([*STATUSES, "any"]),
    default="occurred",
    show_default=True,
    help="Event status to count, or 'any' for every status.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "parquet"]), default="table", show_default=True
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the series to a file.")
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw the series to FILE.png or FILE.svg.")
@click.option(
    "--measure",
    type=click.Choice(["events", "goldstein_total", "goldstein_mean"]),
    default="events",
    show_default=True,
    help="What --plot draws.",
)
def series(db, by, status, fmt, output, plot, measure, **filters) -> None:
    """Count real-world events per day, week, month or year, zero-filled, for R, pandas or a plot.

    One count per in-article event record (never per mention). Each row also sums and averages the Goldstein
    value and counts each quad class. What was counted, the filters and what was left out go to stderr.
    """
    from tacitus.store import write_rows

    with _open_store(db, read=True) as store:
        try:
            found = store.series(by, status=status, **{k: v for k, v in filters.items() if v is not None})
        except (ValueError, TypeError) as error:
            raise click.UsageError(str(error)) from None
    click.echo(found.describe(), err=True)
    from tacitus.analyst import SeriesRow

    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise click.UsageError("parquet is binary: give --output FILE or redirect stdout")
    target = output or (sys.stdout.buffer if fmt == "parquet" else sys.stdout)
    write_rows(found.rows, fmt, target, row_type=SeriesRow)
    if plot:
        from tacitus.analyst.plot import plot_series

        try:
            click.echo(f"plot: {plot_series(found, plot, measure=measure)}", err=True)
        except ValueError as error:
            raise click.UsageError(str(error)) from None


@main.command()
@click.option("--db", envvar="TACITUS_DB", help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["polecat", "cameo", "jsonl", "parquet", "csv"]),
    required=True,
    help="polecat / cameo: tab-separated layouts (docs/export.md); jsonl, parquet, csv: event rows with "
    "quad class, CAMEO code and Goldstein value.",
)
@_with_options(_event_filters)
@click.option(
    "--status",
    type=click.Choice([*STATUSES, "any"]),
    help="Only this event status; polecat and cameo default to 'occurred' ('any': all).",
)
@click.option("--article", help="Only this article id.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to a file.")
def export(db, fmt, status, output, **filters) -> None:
    """Export events for R, pandas and POLECAT- or GDELT-based scripts."""
    from tacitus.store import write_rows

    if status is None and fmt in ("polecat", "cameo"):
        status = "occurred"
    filters = {k: v for k, v in filters.items() if v is not None}
    if status and status != "any":
        filters["status"] = status
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise click.UsageError("parquet is binary: give --output FILE or redirect stdout")
    with _open_store(db, read=True) as store:
        try:
            rows = store.events(**filters)
        except (ValueError, TypeError) as error:
            raise click.UsageError(str(error)) from None
        shown = ", ".join(f"{k}={v}" for k, v in filters.items()) or "none"
        if fmt in ("polecat", "cameo"):
            from tacitus.analyst.exchange import write_layout

            written = write_layout(rows, fmt, store.document, output or sys.stdout)
        else:
            from tacitus.analyst import ScaledEventRow, scaled

            target = output or (sys.stdout.buffer if fmt == "parquet" else sys.stdout)
            written = write_rows([scaled(row) for row in rows], fmt, target, row_type=ScaledEventRow)
    click.echo(f"{written} event record(s) exported as {fmt}; filters: {shown}", err=True)


@main.command()
@click.argument("article_id")
@click.option("--db", envvar="TACITUS_DB", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the stored document JSON.")
def show(article_id: str, db: str | None, as_json: bool) -> None:
    """Print one stored article with its actors, events, quotes and claims."""
    from tacitus.report import describe_document

    with _open_store(db, read=True) as store:
        document = store.document(article_id)
    if document is None:
        raise click.ClickException(f"no article {article_id!r} in the store (see `tacitus articles`)")
    click.echo(document.to_json(indent=2) if as_json else describe_document(document))


@main.command()
@click.option("--db", envvar="TACITUS_DB", help=DB_HELP)
def summary(db: str | None) -> None:
    """A readable overview of the store: counts, actors, events, quotes, and what to try next."""
    from tacitus.report import describe_store

    with _open_store(db, read=True) as store:
        click.echo(describe_store(store))


@main.group()
def db() -> None:
    """Database maintenance."""


@db.command()
@click.option("--db", "url", envvar="TACITUS_DB", help=DB_HELP)
def upgrade(url: str | None) -> None:
    """Create or migrate the store's tables to the current schema."""
    from tacitus.store import Store

    try:
        with Store(url, upgrade=False) as store:
            store.upgrade()
            click.echo(f"{store.url}: schema is current")
    except TacitusError as error:
        raise click.ClickException(str(error)) from None


@main.command()
def schema() -> None:
    """Print the document JSON Schema (tacitus/document@1)."""
    from tacitus.contract import SCHEMA_PATH

    click.echo(SCHEMA_PATH.read_text(encoding="utf-8"), nl=False)


@main.command()
@click.option("--db", envvar="TACITUS_DB", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="TACITUS_API_TOKEN", help="API token for write endpoints (none: read-only).")
def serve(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the REST API (/docs) and the web workspace over the store."""
    from tacitus.api import serve as serve_app
    from tacitus.store.store import hide_password

    shown = hide_password(db) if db else "default"
    click.echo(f"Tacitus on http://{host}:{port}/ (API docs at /docs), store {shown}", err=True)
    serve_app(db, host=host, port=port, api_token=token)


main.add_command(delete)
