"""What the CLI's command modules share: the --db help, the error and warning lines of an input, the
--dayfirst option, opening a store.

Its own module so that `cli.py` and the command modules beside it (`cli_store.py`) import it rather than each
other.
"""

from __future__ import annotations

import click

from tacitus.errors import TacitusError

DB_HELP = "Store URL: sqlite:///path.db or postgresql+psycopg://user:pass@host/db (default $TACITUS_DB or ./tacitus.db)"


def _fail_line(source: str, reason: str) -> None:
    click.echo(f"error: {source}: {reason}", err=True)


def _warn_not_extracted(outcome) -> None:
    """One warning line naming an input that was kept but not extracted (an article not in English)."""
    if outcome.ok:
        for warning in outcome.document.article.warnings:
            if warning.startswith("not-extracted"):
                click.echo(f"warning: {outcome.source}: {warning}", err=True)


# How numeric dates ("11.06.2024") are written; unset, one that reads both ways is an error naming its input.
_dayfirst_option = click.option(
    "--dayfirst/--monthfirst",
    default=None,
    help="Numeric dates (11.06.2024) are day first / month first. Unset: an ambiguous one is an error.",
)


def _open_store(db: str | None, *, read: bool = False):
    """The store at `db`; a read command (`read`) never creates one, so a mistyped path is an error naming it."""
    from tacitus.store import Store

    try:
        return Store(db, must_exist=read)
    except TacitusError as error:
        raise click.ClickException(str(error)) from None
