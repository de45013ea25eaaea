"""One fixed tuning/check split for every development set, so nothing is tuned on what it is checked on.

Every rule is tuned and every model trained on the *tune* part only; the *check* part is scored and reported
beside it, and a gap over 0.05 between the two is read as overfitting. The split is a hash, not a shuffle:
it needs no state, gives the same answer on every machine and for every script, and a record keeps its part
when a set grows.

Sentence-level sets (plv, cameo-class, cameo-ner, plover-gsr) hash the normalised sentence text alone, so a
sentence that occurs in two sets (cameo-class and plv share some) lands in the same part of both: a model
trained on one set's tune part never sees a sentence of another set's check part. Article-level sets
(meantime, polnear, wikievents, geoparsing, event-location, the hand-annotated articles) hash the set's name
and the article's id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

SEED = "tacitus-split-2026"
CHECK_EVERY = 3  # one record in three goes to the check part

Part = Literal["tune", "check"]
T = TypeVar("T")


def _part_of(key: str) -> Part:
    digest = hashlib.sha256(f"{SEED}\x00{key}".encode()).digest()
    return "check" if int.from_bytes(digest[:8], "big") % CHECK_EVERY == 0 else "tune"


def normalise_sentence(text: str) -> str:
    """Lower case, letters and digits only, so tokenised (cameo-ner) and raw (plv) forms of one sentence agree."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def sentence_part(text: str) -> Part:
    """The part of a sentence-level record, the same whichever set it comes from."""
    return _part_of("sentence\x00" + normalise_sentence(text))


def article_part(dataset: str, article_id: str) -> Part:
    """The part of an article-level record (all of an article's records go together)."""
    return _part_of(f"article\x00{dataset}\x00{article_id}")


def split(items: Iterable[T], key: Callable[[T], Part]) -> dict[Part, list[T]]:
    """Items grouped by part: {"tune": [...], "check": [...]}, in their input order."""
    parts: dict[Part, list[T]] = {"tune": [], "check": []}
    for item in items:
        parts[key(item)].append(item)
    return parts


def select(items: Iterable[T], key: Callable[[T], Part], part: str) -> list[T]:
    """The items of one part ("tune", "check") or all of them ("all"): the `--part` option of the eval scripts."""
    if part == "all":
        return list(items)
    if part not in ("tune", "check"):
        raise ValueError(f"unknown part {part!r}: tune, check or all")
    return [item for item in items if key(item) == part]
