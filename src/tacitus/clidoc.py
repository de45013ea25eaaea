"""docs/cli.md is generated from the commands' own --help, so the reference never drifts from the code.

.venv/bin/python -m tacitus.clidoc > docs/cli.md
"""

from __future__ import annotations

import click

from tacitus.cli import main

WIDTH = {"terminal_width": 100, "max_content_width": 100}


def _commands(group: click.Group, prefix: str, parent: click.Context | None = None):
    # Child contexts inherit the group's settings (-h as well as --help), as they do when a command runs.
    context = click.Context(group, info_name=prefix, parent=parent, **group.context_settings, **WIDTH)
    yield prefix, group.get_help(context)
    for name in sorted(group.list_commands(context)):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}", context)
        else:
            child = click.Context(command, info_name=name, parent=context, **WIDTH)
            yield f"{prefix} {name}", command.get_help(child)


def render() -> str:
    parts = [
        "# Command reference\n",
        "Generated from `--help` by `.venv/bin/python -m tacitus.clidoc > docs/cli.md`; a test fails when it is "
        "stale.\n",
        "Exit codes: 0 when every input went through, 1 when any input failed (each failure is one "
        "`error: INPUT: reason` line on stderr), 2 for a usage error.\n",
    ]
    for name, help_text in _commands(main, "tacitus"):
        parts.append(f"## `{name}`\n\n```\n{help_text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
