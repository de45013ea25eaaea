"""The options the read commands share, each defined once and validated by the store's one `Query`: the
valid values (event types, statuses, modes, sorts) come from the ontology and `tacitus.store.query`, so
`--help` lists them and an unknown one is a usage error (exit 2)."""

from __future__ import annotations

import click

from tacitus.events.scales import QUADS
from tacitus.store.query import DIRECTIONS, ORDERS, SORTS, STATUSES, event_modes, event_types

QUAD_NAMES = tuple(QUADS.values())


_actor = click.option(
    "--actor", help="Actor key (as `tacitus actors` lists it), id, KB id, or part of a name or alias."
)
_country = click.option("--country", help="ISO 3166 alpha-3 country code.")
_since = click.option("--since", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
_until = click.option(
    "--until", help="Latest date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive of its month/year."
)
_text = click.option("--q", "q", help="Text search (case-insensitive substring; covers actor names).")
_offset = click.option("--offset", type=click.IntRange(min=0), default=None, help="Skip the first N rows.")
_order = click.option("--order", type=click.Choice(ORDERS), default=None, help="Sort order (default asc).")


def _sort(kind: str):
    return click.option(
        "--sort", type=click.Choice(SORTS[kind]), default=None, help=f"Sort by (default {SORTS[kind][0]})."
    )


_event_type = click.option(
    "--type", type=click.Choice(event_types(), case_sensitive=False), help="PLOVER event type."
)
_status = click.option("--status", type=click.Choice(STATUSES), help="Event status.")
_mode = click.option("--mode", type=click.Choice(event_modes()), help="PLOVER mode of the event type.")
_quad = click.option(
    "--quad",
    type=click.Choice(["1", "2", "3", "4", *QUAD_NAMES], case_sensitive=False),
    help="Quad class, by number or name.",
)
_dyad = click.option(
    "--dyad",
    help="SOURCE:TARGET, e.g. Hamas:Russia: events with the first as source acting on the second as target.",
)
_direction = click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    default=None,
    help="Of --dyad: directed (the default) or either (either acting on the other).",
)
_source = click.option("--source", help="An actor among the event's sources.")
_target = click.option("--target", help="An actor among the event's targets.")
_paging = [_text, _offset, _order]


_event_filters = [
    _actor,
    _country,
    _dyad,
    _direction,
    _event_type,
    _quad,
    _mode,
    click.option(
        "--min-confidence", type=click.FloatRange(0, 1), help="Only events at least this confident."
    ),
    _since,
    _until,
]


def _with_options(options):
    def decorate(function):
        for option in reversed(options):
            function = option(function)
        return function

    return decorate
