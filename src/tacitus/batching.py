"""Cutting a stream into lists of at most N items, without reading it further ahead than one list."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last may be shorter); `itertools.batched` once Python 3.12 is the floor."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
