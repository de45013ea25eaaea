"""Store-changing pieces of the CLI: `tacitus delete`, and what `ingest --update` needs to replace articles."""

from __future__ import annotations

import sys

import click

from tacitus.cli_common import DB_HELP, _fail_line, _open_store
from tacitus.errors import StoreError, TacitusError


@click.command()
@click.argument("article_ids", nargs=-1, required=True)
@click.option("--db", envvar="TACITUS_DB", help=DB_HELP)
def delete(article_ids: tuple[str, ...], db: str | None) -> None:
    """Remove stored articles and everything that hangs on them (events, clusters, story sources, memory)."""
    missing = 0
    with _open_store(db) as store:
        for article_id in article_ids:
            try:
                found = store.delete(article_id)
            except TacitusError as error:
                raise click.ClickException(str(error)) from None
            if not found:
                missing += 1
                _fail_line(article_id, "no such article in the store")
        click.echo(f"{len(article_ids) - missing} deleted, {missing} not found -> {store.url}", err=True)
    sys.exit(1 if missing else 0)


def known(store, item, update: bool = False) -> bool:
    """Already stored? A store that cannot answer (locked) says no: the save then reports the real error.
    With --update only the same text counts as known: a changed text under a known URL goes on to replace it."""
    try:
        if update:
            return bool(store.known(content_hash=item.content_hash))
        return bool(store.known(url=item.url) if item.url else store.known(content_hash=item.content_hash))
    except StoreError:
        return False


def replace_or_fail(store, document):
    from tacitus.store.rows import SaveResult

    try:
        return store.replace(document)
    except Exception as error:  # noqa: BLE001 - reported on the article's own line
        return SaveResult(document.article.id, "failed", f"{type(error).__name__}: {error}")
