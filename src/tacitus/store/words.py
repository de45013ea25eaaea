"""Matching a name against the casefolded name columns: by whole words on PostgreSQL, by substring elsewhere.

At a million events, a substring match of a common name ("russia") is slow even with trigram indexes: each
of its trigrams has a posting list of tens of thousands of rows, and a dyad of two common names intersects
four of them. PostgreSQL's full-text index keeps one list per word, so "every word of the query is a word of
the names" (`lavrov`, `abu marzouk`, `q150851`) is one direct index look-up, or a cheap test per row when the
rows are walked in date order (each row's words are stored, `WORD_COLUMNS`). Word prefixes (`lavr:*`) were
measured twice as slow on a million events. SQLite has no such index, so there the same filter is a substring match (LIKE), which finds a superset:
"lavr" matches Lavrov on SQLite only. Docs: docs/store.md.
"""

from __future__ import annotations

import re

from sqlalchemy import Boolean, and_, bindparam, cast, func, literal_column
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnClause, ColumnElement

WORD = re.compile(r"\w+")
CONFIG = "'simple'::regconfig"  # no stemming, no stop words: names are not prose


def like(column, text: str):
    """Case-insensitive substring match, LIKE wildcards in `text` escaped; on PostgreSQL a trigram index on
    lower(column) serves it (migration 0004)."""
    return func.lower(column).contains(text.strip().casefold(), autoescape=True)


def words_query(text: str) -> str | None:
    """`Abu Marzouk` → `abu & marzouk`, the tsquery of "each word is a word of the names"; None without words."""
    words = WORD.findall(text.casefold())
    return " & ".join(words) if words else None


# PostgreSQL only (migration 0004): a stored tsvector of each name column, kept by the database itself
# (GENERATED ALWAYS … STORED) and GIN-indexed, so a row is tested without re-parsing its names.
WORD_COLUMNS = {
    "source_search": "source_words",
    "target_search": "target_words",
    "actor_countries": "country_words",
}
# And `dyad_words`, the tsvector of `dyad_pairs` (see `dyad_tokens`).


def dyad_tokens(source_search: str | None, target_search: str | None) -> str | None:
    """Every (source word, target word) pair of an event as one token, `russia>ukraine`, space-separated: what
    a dyad filter looks up on PostgreSQL as a single word, however common each side is on its own."""
    sources = dict.fromkeys(WORD.findall(source_search or ""))
    targets = dict.fromkeys(WORD.findall(target_search or ""))
    tokens = [f"{s}>{t}" for s in sources for t in targets]
    return " ".join(tokens) if tokens else None


def dyad_query(source: str, target: str) -> str | None:
    """The tsquery of "every word of `source` with every word of `target`" over dyad tokens; None without words."""
    sources, targets = WORD.findall(source.casefold()), WORD.findall(target.casefold())
    pairs = [f"'{s}>{t}'" for s in dict.fromkeys(sources) for t in dict.fromkeys(targets)]
    return " & ".join(pairs) if pairs else None


class dyad_match(ColumnElement):  # noqa: N801 - used like a SQL function
    """The event has an actor `source` names as source and one `target` names as target (directed)."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, table, source: str, target: str):
        self.table = table
        self.source = source
        self.target = target


@compiles(dyad_match)
def _dyad_substrings(element: dyad_match, compiler, **kw) -> str:
    both = and_(
        names_match(element.table.c.source_search, element.source),
        names_match(element.table.c.target_search, element.target),
    )
    return compiler.process(both, **kw)


@compiles(dyad_match, "postgresql")
def _dyad_words(element: dyad_match, compiler, **kw) -> str:
    query = dyad_query(element.source, element.target)
    if query is None:
        return _dyad_substrings(element, compiler, **kw)
    words = ColumnClause("dyad_words", _selectable=element.table)
    return compiler.process(words.op("@@")(cast(bindparam(None, query, unique=True), TSQUERY)), **kw)


class names_match(ColumnElement):  # noqa: N801 - used like a SQL function
    """`column` (casefolded names, one a line) matches `text`: words on PostgreSQL, a substring elsewhere."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, column, text: str):
        self.column = column
        self.text = text


@compiles(names_match)
def _substring(element: names_match, compiler, **kw) -> str:
    return compiler.process(like(element.column, element.text), **kw)


@compiles(names_match, "postgresql")
def _words(element: names_match, compiler, **kw) -> str:
    query = words_query(element.text)
    if query is None:  # punctuation only: nothing a word index can look up
        return compiler.process(like(element.column, element.text), **kw)
    words = ColumnClause(WORD_COLUMNS[element.column.name], _selectable=element.column.table)
    match = words.op("@@")(func.to_tsquery(literal_column(CONFIG), bindparam(None, query, unique=True)))
    return compiler.process(match, **kw)
