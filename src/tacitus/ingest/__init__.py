"""Ingest: plain text, HTML, directories, stdin, JSONL and URLs to `Article`s; bad input to `InputError`s.

Public API: `article_from_input` (one text or page), `read_inputs` (a batch of inputs, never stopping on a bad
one) and `parse_published` (a user-given date to ISO). See docs/ingest.md.
"""

from tacitus.ingest.article import MAX_BODY_CHARS, article_from_input
from tacitus.ingest.dates import parse_published
from tacitus.ingest.decode import MAX_INPUT_BYTES
from tacitus.ingest.readers import count_inputs, read_inputs

__all__ = [
    "MAX_BODY_CHARS",
    "MAX_INPUT_BYTES",
    "article_from_input",
    "count_inputs",
    "parse_published",
    "read_inputs",
]
