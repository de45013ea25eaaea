from pathlib import Path

import click

from tacitus import clidoc
from tacitus.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_is_current():
    assert DOCS.read_text(encoding="utf-8") == clidoc.render(), (
        "docs/cli.md is stale: run `.venv/bin/python -m tacitus.clidoc > docs/cli.md`"
    )


def test_every_command_has_help_text():
    context = click.Context(main)
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        assert (command.help or "").strip(), f"`tacitus {name}` has no help text"
