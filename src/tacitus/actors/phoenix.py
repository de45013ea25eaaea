"""The converted Phoenix dictionaries: ~30,000 persons and bodies with dated CAMEO codes, and agent nouns.

Loading must stay cheap (≤ 0.5 s) although the table is large, so nothing is compiled: the file is read once
into rows, and an index maps each name's normalised words ("ban ki moon") to its rows. Entries are built
only for the rows an article actually names. Names are matched on the article's tokens by looking up runs of
capitalised words in the index (`find_phoenix_spans` in `recognise.py`), not by a phrase matcher, which would
take seconds to compile for 100,000 names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from tacitus.contract import ActorType
from tacitus.errors import ConfigError

DATA_DIR = Path(__file__).parent / "data"
ACTORS_FILE = DATA_DIR / "phoenix-actors.tsv"
AGENTS_FILE = DATA_DIR / "phoenix-agents.tsv"
MAX_WORDS = 8  # the longest name we look up, in words
_WORD = re.compile(r"[^\W_]+")


def name_words(text: str) -> str:
    """Case-, accent- and punctuation-insensitive words of a name: 'U.N. Secretary-General' → 'u n secretary general'."""
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(frozen=True)
class DatedCode:
    """One CAMEO code (`USAGOV`) held from `since` (inclusive) until `until` (exclusive); None = open."""

    code: str
    since: str | None = None
    until: str | None = None

    def active(self, on: date | None) -> bool:
        if on is None:
            return self.until is None
        day = on.isoformat()
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None


def parse_codes(text: str, where: str) -> tuple[DatedCode, ...]:
    """`USAGOV@2009-01-20@;USAELI@@` → dated codes; a malformed one raises ConfigError naming `where`."""
    codes = []
    for part in filter(None, text.split(";")):
        pieces = part.split("@")
        if len(pieces) != 3 or not re.fullmatch(r"[A-Z]{3,}", pieces[0]):
            raise ConfigError(f"{where}: code {part!r} is not CODE@since@until")
        codes.append(DatedCode(pieces[0], pieces[1] or None, pieces[2] or None))
    return tuple(codes)


@dataclass(frozen=True)
class Row:
    id: str
    type: ActorType
    name: str
    aliases: tuple[str, ...]
    codes: tuple[DatedCode, ...]


_TYPES = {kind.value: kind for kind in ActorType}


@dataclass
class PhoenixTable:
    lines: dict[str, str]  # row id → its line, parsed into a Row only when an article names it
    index: dict[str, tuple[str, ...]]  # name words → row ids (several when two actors share a name)
    longest: int
    agents: dict[str, tuple[str, ...]]  # agent noun (lower case) → sector codes
    source: str = ""

    def row(self, row_id: str) -> Row | None:
        line = self.lines.get(row_id)
        if line is None:
            return None
        fields = line.split("\t")
        if len(fields) != 5 or fields[1] not in _TYPES:
            raise ConfigError(f"{self.source}: row {row_id!r}: expected id, type, name, aliases, codes, keys")
        key, kind, name, aliases, codes = fields
        return Row(key, _TYPES[kind], name, tuple(filter(None, aliases.split("|"))), parse_codes(codes, key))


def load_table(actors: Path = ACTORS_FILE, agents: Path = AGENTS_FILE) -> PhoenixTable:
    """The converted tables (cached): rows by id, the name index and the agent nouns."""
    return _load(str(actors), str(agents))


@lru_cache(maxsize=2)
def _load(actors: str, agents: str) -> PhoenixTable:
    lines: dict[str, str] = {}
    index: dict[str, tuple[str, ...]] = {}
    for line in _lines(Path(actors)):
        head, _, keys = line.rpartition("\t")
        key = head.partition("\t")[0]
        lines[key] = head  # split into fields and checked only when an article names the row
        for words in keys.split("|"):
            bucket = index.get(words)
            index[words] = (key,) if bucket is None else bucket if key in bucket else (*bucket, key)
    table_agents: dict[str, tuple[str, ...]] = {}
    for line in _lines(Path(agents)):
        noun, _, sectors = line.partition("\t")
        table_agents[noun] = tuple(sectors.split(";"))
    return PhoenixTable(lines, index, MAX_WORDS, table_agents, actors)


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: converted Phoenix file not found (run `make phoenix`)") from None
    return [line for line in text.split("\n") if line and not line.startswith("#")]
