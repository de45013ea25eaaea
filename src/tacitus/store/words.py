"""Matching a name against the casefolded name columns: by whole words on PostgreSQL, by substring elsewhere.

At a million events, a substring match of a common name ("russia") is slow even with trigram indexes: each
of its trigrams has a posting list of tens of thousands of rows, and a dyad of two common names intersects
four of them. PostgreSQL's full-text index keeps one list per word, so "every word of the query is a word of
the names" (`lavrov`, `abu marzouk`, `q150851`) is one direct index look-up, or a cheap test per row when the
rows are walked in date order (each row's words are stored, `WORD_COLUMNS`). (Word prefixes, `lavr:*`, were measured twice as slow on a million events.)
SQLite has no such index, so there the same filter is a substring match (LIKE), which finds a superset:
"lavr" matches Lavrov on SQLite only. Docs: docs/store.md.
"""

from __future__ import annotations

import re

from sqlalchemy import Boolean, bindparam, func, literal_column
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
WORD_COLUMNS = {"source_search": "source_words", "target_search": "target_words", "actor_countries": "country_words"}


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
