"""Convert the Phoenix/PETRARCH-2 actor and agent dictionaries (MIT, 2014) into our compact data files.

    .venv/bin/python -m tacitus.actors.convert_phoenix SOURCE_DIR [--out DIR]   (or `make phoenix`)

The dictionaries hold ~30,000 persons and bodies of every country, IGOs and their office holders, non-state
armed groups and businesses, each with CAMEO codes over date ranges (`[USAGOV >090120]`), plus ~2,400 agent
nouns with their sector (`POLICE [~COP]`). We keep the facts, not the format: one line per entry in
`phoenix-actors.tsv` (id, type, name, aliases, dated codes) and one per agent noun in `phoenix-agents.tsv`,
read by `tacitus.actors.phoenix` with an index, so 30,000 entries load in a fraction of a second.

The source files mix encodings (mostly UTF-8, some Latin-1 bytes): each line is decoded on its own. Country
entries with a bare country code (`AFGHANISTAN_ [AFG]` and its `+KABUL_`, `+HELMAND` synonyms) are left out:
our own `countries.yaml` codes countries, and the places stage handles towns.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from tacitus.actors.kb import SECTORS
from tacitus.actors.phoenix import name_words

ACTOR_FILES = (
    ("Phoenix.Countries.actors.txt", "country"),
    ("Phoenix.International.actors.txt", "international"),
    ("Phoenix.MilNonState.actors.txt", "nonstate"),
)
AGENT_FILE = "Phoenix.agents.txt"
# CAMEO's own country codes that are not ISO 3166-1 alpha-3 today
_OLD_CODES = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "SRP": "SRB", "SCG": "SRB"}
# Three-letter CAMEO prefixes that stand for a kind of actor rather than a country
_PREFIX_SECTOR = {"IGO": "IGO", "NGO": "NGO", "IMG": "IMG", "MNC": "BUS", "NGM": "NGO"}
_SECTORS = SECTORS  # the sector codes the knowledge base accepts (kb.SECTORS), one list for both
# Words that make an undated name a body rather than a person
_BODY_WORDS = frozenset(
    re.split(
        r"\s+",
        """ministry ministries army forces force party council government commission agency organization
    organisation fund bank court union league front movement committee assembly parliament congress senate
    navy police guard guards corps brigade brigades battalion regiment office department service services
    authority administration institute association federation company corporation group network alliance
    coalition cabinet junta regime tribunal board bureau secretariat mission programme program centre center
    university college school church council foundation society trust airlines airways bloc unit units
    militia militias troops command staff presidency embassy consulate directorate council inc ltd co
    corp plc media news radio television tv newspaper press club chamber house ministry""",
    )
)
_TITLE_WORDS = frozenset(
    re.split(
        r"\s+",
        """president minister secretary chairman chief general ambassador spokesman king queen prince premier
    leader governor mayor commander director envoy official officials head deputy vice senator judge
    prosecutor""",
    )
)


@dataclass
class Code:
    code: str
    since: str | None = None
    until: str | None = None


@dataclass
class RawEntry:
    name: str
    source: str
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comment: str = ""


def decode(raw: bytes) -> str:
    """One line of a mixed-encoding file: UTF-8 when it decodes, else Latin-1."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def phoenix_date(text: str) -> str | None:
    """`090120` → 2009-01-20, `19060101` → 1906-01-01 (two-digit years below 30 are 20xx); None if malformed."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    month, day = int(text[4:6]), int(text[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def parse_code(body: str) -> Code | None:
    """`USAGOV >090120`, `AFGELI 320101-331108`, `IGOUNO` → a dated code; `---` and malformed dates → None."""
    parts = body.split()
    if not parts or not re.fullmatch(r"~?[A-Z]{3,}", parts[0]):
        return None
    code = Code(parts[0].lstrip("~"))
    if len(parts) > 1:
        when = "".join(parts[1:])
        if when.startswith(">"):
            code.since = phoenix_date(when[1:])
            if code.since is None:
                return None
        elif when.startswith("<"):
            code.until = phoenix_date(when[1:])
            if code.until is None:
                return None
        elif "-" in when:
            start, _, end = when.partition("-")
            code.since, code.until = phoenix_date(start), phoenix_date(end)
            if code.since is None or code.until is None:
                return None
        else:
            return None
    return code


_ACRONYMS = {"UN", "U.N.", "US", "U.S.", "UK", "U.K.", "EU", "E.U.", "NATO", "AU", "UAE", "USA", "ICC", "ICJ"}


def display_name(phrase: str) -> str:
    """`BARACK_H._OBAMA_` → `Barack H. Obama`; a one-word name (UNHCR, IAEA) and known acronyms stay capitals."""
    words = phrase.replace("_", " ").split()
    if len(words) == 1 and len(re.sub(r"[^A-Za-z]", "", words[0])) <= 6:
        return words[0]
    out = []
    for word in words:
        if word in _ACRONYMS or not re.search(r"[AEIOUY]", word):
            out.append(word)
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


def read_actor_file(path: Path, source: str) -> list[RawEntry]:
    """Entries of one actor dictionary: a name line, `+synonym` lines, then tab-indented `[CODE dates]` lines."""
    entries: list[RawEntry] = []
    current: RawEntry | None = None
    for raw in path.read_bytes().splitlines():
        line = decode(raw)
        text, _, comment = line.partition("#")
        if not text.strip():
            continue
        codes = [parse_code(body) for body in re.findall(r"\[([^\]]*)\]", text)]
        bare = re.sub(r"\[[^\]]*\]", " ", text)
        if line[:1] in (" ", "\t") and not bare.strip():
            if current is not None:
                current.codes.extend(c for c in codes if c)
            continue
        if bare.strip().startswith("+"):
            if current is not None:
                current.aliases.extend(p.strip() for p in bare.split("+") if p.strip())
                current.codes.extend(c for c in codes if c)
            continue
        name = bare.strip()
        if not name or name.startswith(("!", "&", "-", "~")):
            current = None
            continue
        current = RawEntry(name=name, source=source, comment=comment.strip())
        current.codes.extend(c for c in codes if c)
        entries.append(current)
    return entries


def split_code(code: str) -> tuple[str | None, list[str]]:
    """`RUSGOVMIL` → ("RUS", ["GOV", "MIL"]); `IGOUNOKID` → (None, ["IGO"]); `ELI` → (None, ["ELI"])."""
    if code in _SECTORS:
        return None, [code]
    head, rest = code[:3], code[3:]
    chunks = [rest[i : i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]
    sectors = [c for c in chunks if c in _SECTORS]
    if head in _PREFIX_SECTOR:
        return None, [_PREFIX_SECTOR[head], *(s for s in sectors if s != _PREFIX_SECTOR[head])]
    head = _OLD_CODES.get(head, head)
    if head == "XKX" or pycountry.countries.get(alpha_3=head) is not None:
        return head, sectors
    return None, sectors


def classify(entry: RawEntry) -> str | None:
    """person / organization / group, or None for an entry we leave out (a bare country code)."""
    countries = [split_code(c.code) for c in entry.codes]
    if entry.source == "country" and all(not sectors for _, sectors in countries):
        return None  # `AFGHANISTAN_ [AFG]` and its towns: countries.yaml and the places stage cover these
    words = {w.lower().strip(".,'()") for w in entry.name.replace("_", " ").replace("-", " ").split()}
    dated = any(c.since or c.until for c in entry.codes)
    if words & _BODY_WORDS:
        return "group" if entry.source == "nonstate" else "organization"
    if entry.source == "nonstate" or any(s in ("REB", "IMG") for _, ss in countries for s in ss):
        return "group"
    if "CountryInfo" in entry.comment or "rulers" in entry.comment or dated:
        return "person"
    letters = entry.name.replace("_", "").replace(".", "")
    if letters.isupper() and len(letters) <= 6 and "_" not in entry.name.strip("_"):
        return "organization"  # an acronym: UNHCR_, IAEA_
    if entry.source == "international":
        return "person" if any("ELI" in ss for _, ss in countries) else "organization"
    if words & _TITLE_WORDS:
        return "person"
    return "organization"


def _words(text: str) -> str:
    """The index key of a name; the same function the loader uses (`tacitus.actors.phoenix.name_words`)."""
    return name_words(text)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def convert_actors(source_dir: Path) -> list[str]:
    """TSV lines: id, type, name, aliases joined by |, codes as CODE@since@until joined by ;, and the index
    keys (name words of the name and each alias, joined by |), so loading needs no text processing."""
    lines: list[str] = []
    seen: dict[str, int] = {}
    for filename, source in ACTOR_FILES:
        for entry in read_actor_file(source_dir / filename, source):
            kind = classify(entry)
            codes = [c for c in entry.codes if split_code(c.code)[0] or split_code(c.code)[1]]
            if kind is None or not codes:
                continue
            name = display_name(entry.name)
            base = "phx:" + slug(name)
            seen[base] = seen.get(base, 0) + 1
            key = base if seen[base] == 1 else f"{base}-{seen[base]}"
            keys = {_words(name)}
            aliases = []
            for alias in map(display_name, entry.aliases):
                if _words(alias) not in keys:  # "Mr Obama" and "Mr. Obama" are one name to the index
                    keys.add(_words(alias))
                    aliases.append(alias)
            coded = ";".join(f"{c.code}@{c.since or ''}@{c.until or ''}" for c in codes)
            words = "|".join(dict.fromkeys(_words(n).removeprefix("the ") for n in (name, *aliases)))
            fields = [key, kind, name, "|".join(aliases), coded, words]
            lines.append("\t".join(f.replace("\t", " ") for f in fields))
    return lines


def convert_agents(source_dir: Path) -> list[str]:
    """TSV lines: agent noun (lower case, plural forms as more lines), sector codes joined by ;."""
    substitutions: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    for raw in (source_dir / AGENT_FILE).read_bytes().splitlines():
        text = decode(raw).partition("#")[0].strip()
        if not text:
            continue
        if text.startswith("!") and "=" in text:
            label, _, values = text.partition("=")
            substitutions[label.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z]*)\]", text)
        if not match:
            continue
        phrase, plurals, code = match.groups()
        sectors = [code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3] in _SECTORS]
        if not sectors:
            continue
        forms = [phrase.strip()]
        if plurals is not None:
            forms += plurals.split()
        else:
            forms.append(_plural(phrase.strip()))
        for form in forms:
            for expanded in _expand(form, substitutions):
                words = expanded.replace("_", " ").lower().split()
                if words:
                    out.setdefault(" ".join(words), sectors)
    return [f"{noun}\t{';'.join(sectors)}" for noun, sectors in sorted(out.items())]


def _plural(phrase: str) -> str:
    """PETRARCH's regular plurals: +S, Y → IES, SS → SSES; a phrase ending in `_` or `!` has none."""
    if phrase.endswith(("_", "!")):
        return phrase
    if phrase.endswith("Y") and not phrase.endswith(("AY", "EY", "OY")):
        return phrase[:-1] + "IES"
    if phrase.endswith(("SS", "SH", "CH", "X")):
        return phrase + "ES"
    return phrase + "S"


def _expand(form: str, substitutions: dict[str, list[str]]) -> list[str]:
    match = re.search(r"![A-Z]+!", form)
    if not match:
        return [form]
    values = substitutions.get(match.group(0), [])
    return [x for v in values for x in _expand(form.replace(match.group(0), v, 1), substitutions)]


HEADER = (
    "# Converted from the Phoenix/PETRARCH-2 dictionaries (Copyright (c) 2014 Open Event Data, MIT"
    " licence; see NOTICE) by src/tacitus/actors/convert_phoenix.py. Do not edit: regenerate."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder with the Phoenix.*.txt dictionaries")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args(argv)
    missing = [n for n, _ in ACTOR_FILES if not (args.source / n).is_file()]
    if missing or not (args.source / AGENT_FILE).is_file():
        print(f"error: {args.source}: missing {missing or [AGENT_FILE]}", file=sys.stderr)
        return 2
    actors = convert_actors(args.source)
    agents = convert_agents(args.source)
    (args.out / "phoenix-actors.tsv").write_text(HEADER + "\n" + "\n".join(actors) + "\n", encoding="utf-8")
    (args.out / "phoenix-agents.tsv").write_text(HEADER + "\n" + "\n".join(agents) + "\n", encoding="utf-8")
    kinds: dict[str, int] = {}
    for line in actors:
        kinds[line.split("\t")[1]] = kinds.get(line.split("\t")[1], 0) + 1
    print(f"{len(actors)} actors {kinds}, {len(agents)} agent nouns → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
