"""The actor knowledge base: countries, organisations, groups, media and office holders, read from YAML.

The built-in files in `data/` are ours, written by hand; users add their own files in the same `actors:`
format (`tacitus --actors my.yaml`). Every file is validated on load, and a malformed one raises a
`ConfigError` that names the file, the entry and the problem, so a typo never silently drops an actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from tacitus.actors.phoenix import DatedCode, PhoenixTable, load_table, name_words
from tacitus.contract import ActorType
from tacitus.errors import ConfigError

DATA_DIR = Path(__file__).parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 5x faster on our files
ACTOR_FILES = (
    "organizations.yaml",
    "groups.yaml",
    "media.yaml",
    "people.yaml",
    "places.yaml",
    "offices-since-2014.yaml",
)
SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "REB",
        "PTY",
        "OPP",
        "MED",
        "CVL",
        "IGO",
        "NGO",
        "BUS",
        "JUD",
        "LEG",
        "COP",
        "SPY",
        "REL",
        "EDU",
        "HLH",
        "ELI",
        "LAB",
        "AGR",
        "REF",
        "CRM",
        "UAF",
        "IMG",
    }
)
_CODE = re.compile(r"^[A-Z]{3}$")
_ENTRY_KEYS = {"id", "name", "type", "country", "sector", "aliases", "roles", "confirm", "region", "codes"}
_DATED_CODE = re.compile(r"^([A-Z]{3,})(?: (\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?)?$")
_ROLE_KEYS = {"title", "of", "since", "until"}


@dataclass(frozen=True)
class KBRole:
    title: str
    of: str | None = None
    since: str | None = None
    until: str | None = None

    def active(self, on: date | None) -> bool:
        """True when the role was held on `on` (always, when the date is unknown)."""
        if on is None:
            return self.until is None
        day = on.isoformat()
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    type: ActorType
    country: str | None = None
    sector: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    roles: tuple[KBRole, ...] = ()
    confirm: bool = False  # match only where spaCy also sees an entity (names that are common words)
    region: tuple[str, ...] = ()
    codes: tuple[DatedCode, ...] = ()  # CAMEO codes over date ranges (Phoenix, offices-since-2014.yaml)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def coding(self, on: date | None) -> tuple[str | None, tuple[str, ...]]:
        """(country, sectors) on the article's date. Dated CAMEO codes held that day win over undated ones (a
        UN Secretary-General codes IGO, not his country); a person whose dated offices have all ended by then
        is an elite (ELI), as CAMEO codes former office holders; otherwise the entry's own country and sector."""
        if not self.codes:
            # only a state's office holder becomes an elite: a group's leader out of one post still leads
            dated = (
                self.type == ActorType.PERSON and "GOV" in self.sector and any(r.until for r in self.roles)
            )
            if on is not None and dated and not any(r.active(on) for r in self.roles):
                ended = any(r.until and r.until <= on.isoformat() for r in self.roles)
                return self.country, (("ELI",) if ended else self.sector)
            return self.country, self.sector
        active = [c for c in self.codes if c.active(on)]
        chosen = [c for c in active if c.dated] or active
        if not chosen:  # out of every dated office on that day: still of its country
            ended = on is not None and any(c.until and c.until <= on.isoformat() for c in self.codes)
            return self.country, (("ELI",) if ended and self.type == ActorType.PERSON else ())
        parts = [split_cameo(c.code) for c in chosen]
        country = next((code for code, _ in parts if code), None)
        sectors = tuple(dict.fromkeys(s for _, ss in parts for s in ss))
        return country, sectors

    def cameo(self, on: date | None) -> str | None:
        """The composite CAMEO code on that day (RUSGOV, IGOUNO), when the entry has dated codes."""
        active = [c for c in self.codes if c.active(on)]
        chosen = [c for c in active if c.dated] or active
        return chosen[0].code if chosen else None


_PREFIX_SECTOR = {"IGO": "IGO", "NGO": "NGO", "IMG": "IMG", "MNC": "BUS"}


@lru_cache(maxsize=4096)
def split_cameo(code: str) -> tuple[str | None, tuple[str, ...]]:
    """`RUSGOVMIL` → ("RUS", ("GOV", "MIL")); `IGOUNO` → (None, ("IGO",)); `MEAREB` (a region) → (None, ("REB",))."""
    if code in SECTORS:
        return None, (code,)
    head, rest = code[:3], code[3:]
    sectors = tuple(c for c in (rest[i : i + 3] for i in range(0, len(rest) - 2, 3)) if c in SECTORS)
    if head in _PREFIX_SECTOR:
        return None, (_PREFIX_SECTOR[head], *(s for s in sectors if s != _PREFIX_SECTOR[head]))
    return (head if head in _country_codes() else None), sectors


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """The alpha-3 codes of countries.yaml (its top-level keys), read without parsing the whole file."""
    text = (DATA_DIR / "countries.yaml").read_text(encoding="utf-8")
    return frozenset(re.findall(r"(?m)^([A-Z]{3}):", text))


@dataclass(frozen=True)
class TitleLexicon:
    sector_of: dict[str, str]
    inherit: frozenset[str]
    media_nouns: frozenset[str]

    def is_title(self, words: str) -> bool:
        return words in self.sector_of or words in self.inherit


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # surface name -> entry id
    metonyms: dict[str, str] = field(default_factory=dict)  # capital / seat -> country code
    demonyms: dict[str, str] = field(default_factory=dict)  # "Russian" -> RUS
    titles: TitleLexicon = field(default_factory=lambda: TitleLexicon({}, frozenset(), frozenset()))
    sources: tuple[str, ...] = ()
    phoenix: PhoenixTable | None = None
    hand_words: dict[str, str] = field(default_factory=dict)  # name words of our own entries -> entry id

    def add(self, entry: Entry) -> None:
        """Add or replace an entry; a later file's names win over an earlier file's."""
        self.entries[entry.id] = entry
        for name in entry.names:
            self.names[name] = entry.id

    def lookup(self, name: str) -> Entry | None:
        key = self.names.get(name) or self.names.get(name.removeprefix("the ").removeprefix("The "))
        return self.entries.get(key) if key else None

    def demonym(self, word: str) -> str | None:
        return self.demonyms.get(word) or self.demonyms.get(word.rstrip("s"))

    def converted(self, words: str) -> list[Entry]:
        """Entries of the converted Phoenix table named by these name words ("ban ki moon"), built on first
        use; a Phoenix entry that shares a name with one of our own entries of the same type is ours."""
        if self.phoenix is None:
            return []
        found: list[Entry] = []
        for row_id in self.phoenix.index.get(words, ()):
            entry = self.converted_entry(row_id)
            if entry is not None and entry not in found:
                found.append(entry)
        return found

    def converted_entry(self, row_id: str) -> Entry | None:
        """The entry of one converted row (ours when it names one of our own entries), built on first use."""
        return self.entries.get(row_id) or self._materialise(row_id)

    def _materialise(self, row_id: str) -> Entry | None:
        row = self.phoenix.row(row_id) if self.phoenix else None
        if row is None:
            return None
        for surface in (row.name, *row.aliases):
            own = self.entries.get(self.hand_words.get(name_words(surface).removeprefix("the "), ""))
            if own is not None and own.type == row.type:
                self.entries[row_id] = own
                return own
        codes = row.codes
        latest = [c for c in codes if c.until is None] or list(codes)
        country = next((split_cameo(c.code)[0] for c in latest if split_cameo(c.code)[0]), None)
        if country is None:
            country = next((split_cameo(c.code)[0] for c in codes if split_cameo(c.code)[0]), None)
        sectors = tuple(dict.fromkeys(s for c in latest for s in split_cameo(c.code)[1]))
        entry = Entry(
            id=row.id,
            name=row.name,
            type=row.type,
            country=country,
            sector=sectors,
            aliases=row.aliases,
            codes=codes,
        )
        self.entries[row_id] = entry
        return entry


def load_knowledge_base(extra_paths: Sequence[Path] = ()) -> KnowledgeBase:
    """The built-in knowledge base plus the user's files (cached per set of paths)."""
    return _load(tuple(str(Path(p)) for p in extra_paths))


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    _load_countries(kb, DATA_DIR / "countries.yaml")
    for name in ACTOR_FILES:
        for entry in read_actor_file(DATA_DIR / name):
            kb.add(entry)
    kb.titles = _load_titles(DATA_DIR / "titles.yaml")
    for path in extra:
        for entry in read_actor_file(Path(path)):
            kb.add(entry)
    kb.sources = extra
    kb.phoenix = load_table()
    for surface, entry_id in kb.names.items():
        kb.hand_words.setdefault(name_words(surface).removeprefix("the "), entry_id)
    return kb


def _read_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        raise ConfigError(f"{path}: actor file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read actor file ({exc})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})".replace("\n", " ")) from None


def read_actor_file(path: Path) -> list[Entry]:
    """Entries of one `actors:` file, validated; raises ConfigError naming the file and entry at fault."""
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise ConfigError(f"{path}: expected a mapping with an 'actors:' list at the top")
    return [parse_entry(raw, f"{path}: actors[{index}]") for index, raw in enumerate(data["actors"])]


def parse_entry(raw: object, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping with id, name and type, got {type(raw).__name__}")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(_ENTRY_KEYS)}")
    for key in ("id", "name", "type"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ConfigError(f"{where}: '{key}' is required and must be a non-empty string")
    where = f"{where} (id '{raw['id']}')"
    try:
        kind = ActorType(raw["type"])
    except ValueError:
        raise ConfigError(
            f"{where}: type '{raw['type']}' is not one of {[t.value for t in ActorType]}"
        ) from None
    country = raw.get("country")
    if country is not None and (not isinstance(country, str) or not _CODE.match(country)):
        raise ConfigError(f"{where}: country {country!r} is not an ISO 3166-1 alpha-3 code such as RUS")
    sector = _string_list(raw.get("sector", []), where, "sector")
    bad = [code for code in sector if code not in SECTORS]
    if bad:
        raise ConfigError(f"{where}: unknown sector code(s) {bad}; known: {sorted(SECTORS)}")
    roles = raw.get("roles", [])
    if not isinstance(roles, list):
        raise ConfigError(f"{where}: 'roles' must be a list of {{title, of, since, until}}")
    return Entry(
        id=raw["id"],
        name=raw["name"],
        type=kind,
        country=country,
        sector=tuple(sector),
        aliases=tuple(_string_list(raw.get("aliases", []), where, "aliases")),
        roles=tuple(_parse_role(role, f"{where}: roles[{i}]") for i, role in enumerate(roles)),
        confirm=bool(raw.get("confirm", False)),
        region=tuple(_string_list(raw.get("region", []), where, "region")),
        codes=tuple(_parse_code(code, where) for code in _string_list(raw.get("codes", []), where, "codes")),
    )


def _parse_code(text: str, where: str) -> DatedCode:
    """`USAGOV 2009-01-20..2017-01-20`, `USAELI 2017-01-20..`, `IGOUNO` → a dated CAMEO code."""
    match = _DATED_CODE.match(text)
    if not match:
        raise ConfigError(
            f"{where}: code {text!r} is not CODE, CODE since.., CODE ..until or CODE since..until"
        )
    for day in match.group(2, 3):
        if day is not None:
            try:
                date.fromisoformat(day)
            except ValueError:
                raise ConfigError(f"{where}: code {text!r}: {day} is not a date") from None
    return DatedCode(match.group(1), match.group(2), match.group(3))


def _parse_role(raw: object, where: str) -> KBRole:
    if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
        raise ConfigError(f"{where}: a role needs at least a 'title' string")
    unknown = set(raw) - _ROLE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown role field(s) {sorted(unknown)}")
    for key in ("since", "until"):
        value = raw.get(key)
        if value is None:
            continue
        try:
            date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(f"{where}: '{key}' {value!r} is not an ISO date (YYYY-MM-DD)") from None
    return KBRole(
        title=raw["title"], of=raw.get("of"), since=_text(raw.get("since")), until=_text(raw.get("until"))
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _string_list(value: object, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return value


def _load_countries(kb: KnowledgeBase, path: Path) -> None:
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of ISO alpha-3 codes")
    for code, raw in data.items():
        where = f"{path}: {code}"
        if not _CODE.match(str(code)) or not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise ConfigError(f"{where}: expected CODE: {{name: ..., demonyms: [...], capital: ...}}")
        aliases = _string_list(raw.get("aliases", []), where, "aliases")
        kb.add(
            Entry(
                id=code,
                name=raw["name"],
                type=ActorType.COUNTRY,
                country=code,
                aliases=tuple(aliases),
                confirm=bool(raw.get("confirm", False)),
                region=tuple(_string_list(raw.get("region", []), where, "region")),
            )
        )
        for demonym in _string_list(raw.get("demonyms", []), where, "demonyms"):
            kb.demonyms.setdefault(demonym, code)
        capitals = [raw["capital"]] if isinstance(raw.get("capital"), str) else []
        capitals += _string_list(raw.get("capital_aliases", []), where, "capital_aliases")
        for name in capitals + _string_list(raw.get("seats", []), where, "seats"):
            kb.metonyms.setdefault(name, code)


def _load_titles(path: Path) -> TitleLexicon:
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("sectors"), dict):
        raise ConfigError(f"{path}: expected 'sectors:', 'inherit:' and 'media_nouns:'")
    sector_of: dict[str, str] = {}
    for code, words in data["sectors"].items():
        for word in _string_list(words, f"{path}: sectors.{code}", "words"):
            sector_of.setdefault(word, code)
    return TitleLexicon(
        sector_of=sector_of,
        inherit=frozenset(_string_list(data.get("inherit", []), str(path), "inherit")),
        media_nouns=frozenset(_string_list(data.get("media_nouns", []), str(path), "media_nouns")),
    )


def all_names(kb: KnowledgeBase) -> Iterable[tuple[str, str]]:
    """(surface, entry id) for every name the matcher should look for."""
    yield from kb.names.items()
