"""The PLOVER ontology and the event lexicon, read from our own data files in `events/data/`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from tacitus.errors import ConfigError

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class EventType:
    name: str
    quad: str
    quad_class: int
    cameo: tuple[str, ...]
    modes: dict[str, tuple[str, ...]]
    description: str = ""


@dataclass(frozen=True)
class Ontology:
    version: str
    types: dict[str, EventType]
    contexts: tuple[str, ...]

    def mode_of(self, type_name: str, mode: str | None) -> str | None:
        """The mode if the type has it, else None (so a record never carries a mode its type lacks)."""
        event_type = self.types.get(type_name)
        return mode if event_type is not None and mode in event_type.modes else None

    def cameo_root(self, type_name: str) -> str:
        return self.types[type_name].cameo[0]


@dataclass(frozen=True)
class Entry:
    """One lexicon sense: an event type and, where the word fixes it, a mode."""

    type: str
    mode: str | None = None


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Entry]
    verb_objects: dict[str, list[tuple[Entry, frozenset[str]]]]
    nouns: dict[str, Entry]
    light_verbs: frozenset[str]
    control: dict[str, frozenset[str]] = field(default_factory=dict)
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    light_verb_types: dict[str, dict[str, Entry]] = field(default_factory=dict)


def _read(name: str) -> dict:
    path = DATA / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: cannot read the event data ({error})") from error
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return data


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    data = _read("plover.yaml")
    quads = data["quad_classes"]
    types = {}
    for name, spec in data["types"].items():
        if spec["quad"] not in quads:
            raise ConfigError(f"plover.yaml: type {name} has unknown quad class {spec['quad']!r}")
        types[name] = EventType(
            name=name,
            quad=spec["quad"],
            quad_class=quads[spec["quad"]],
            cameo=tuple(spec["cameo"]),
            modes={mode: tuple(codes) for mode, codes in (spec.get("modes") or {}).items()},
            description=spec.get("description", ""),
        )
    return Ontology(version=str(data["version"]), types=types, contexts=tuple(data["contexts"]))


def parse_entry(value: str, ontology: Ontology, where: str, file: str = "lexicon.yaml") -> Entry:
    type_name, _, mode = value.partition(":")
    if type_name not in ontology.types:
        raise ConfigError(f"{file}: {where} names unknown PLOVER type {type_name!r}")
    if mode and mode not in ontology.types[type_name].modes:
        raise ConfigError(f"{file}: {where} names mode {mode!r} that {type_name} does not have")
    return Entry(type_name, mode or None)


CONTROL_KINDS = (
    "request",
    "promise",
    "threaten",
    "reject",
    "plan",
    "try",
    "postpone",
    "cancel",
    "deny",
    "speech",
    "prevent",
)
WORD_LISTS = (
    "promise_adjectives",
    "effort_nouns",
    "planned_modifiers",
    "condition_marks",
    "hypothetical_modals",
    "future_modals",
    "obligation_modals",
    "postpone_phrasal",
    "cancel_phrasal",
    "publication_nouns",
    "verbal_media",
    "abstract_targets",
    "non_protest_modifiers",
    "non_political_sectors",
    "generic_determiners",
    "modal_nouns",
    "assertion_verbs",
    "same_action_nouns",
    "same_action_verbs",
    "dissolution_verbs",
    "armed_nouns",
    "armed_sectors",
    "publication_modifiers",
    "closure_verbs",
    "denied_claims",
)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    ontology = load_ontology()
    data = _read("lexicon.yaml")
    verbs = {lemma: parse_entry(value, ontology, f"verb {lemma!r}") for lemma, value in data["verbs"].items()}
    nouns = {lemma: parse_entry(value, ontology, f"noun {lemma!r}") for lemma, value in data["nouns"].items()}
    verb_objects = {
        lemma: [
            (parse_entry(spec["event"], ontology, f"verb_objects {lemma!r}"), frozenset(spec["objects"]))
            for spec in (specs if isinstance(specs, list) else [specs])
        ]
        for lemma, specs in data["verb_objects"].items()
    }
    light_verb_types = {
        verb: {
            noun: parse_entry(value, ontology, f"light_verb_types {verb!r}") for noun, value in nouns.items()
        }
        for verb, nouns in data["light_verb_types"].items()
    }
    return Lexicon(
        verbs=verbs,
        verb_objects=verb_objects,
        nouns=nouns,
        light_verbs=frozenset(data["light_verbs"]),
        control={kind: frozenset(data[kind]) for kind in CONTROL_KINDS},
        words={name: tuple(data[name]) for name in WORD_LISTS},
        light_verb_types=light_verb_types,
    )


@dataclass(frozen=True)
class CameoVerbs:
    """The CAMEO verb dictionary as converted by `scripts/convert_cameo_verbs.py` (`data/cameo_verbs.tsv`).

    `verbs`: a verb alone; `objects`/`preps`: lemma → object head (or "prep word") → the event it states.
    """

    verbs: dict[str, Entry]
    objects: dict[str, dict[str, Entry]]
    preps: dict[str, dict[str, Entry]]


@lru_cache(maxsize=1)
def load_cameo_verbs() -> CameoVerbs:
    ontology = load_ontology()
    path = DATA / "cameo_verbs.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ConfigError(
            f"{path}: cannot read the CAMEO verb lexicon ({error}); run `make cameo-verbs`"
        ) from error
    verbs: dict[str, Entry] = {}
    members: dict[str, list[str]] = {}
    block_objects: dict[str, dict[str, Entry]] = {}
    block_preps: dict[str, dict[str, Entry]] = {}
    for number, line in enumerate(lines, start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"line {number}"
        if fields[0] == "verb" and len(fields) == 4:
            verbs[fields[1]] = parse_entry(fields[2], ontology, where, path.name)
        elif fields[0] == "member" and len(fields) == 3:
            members.setdefault(fields[1], []).append(fields[2])
        elif fields[0] in ("object", "prep") and len(fields) == 4:
            table = block_objects if fields[0] == "object" else block_preps
            table.setdefault(fields[1], {})[fields[2]] = parse_entry(fields[3], ontology, where, path.name)
        else:
            raise ConfigError(f"{path}: line {number} is not a verb/member/object/prep row: {line!r}")
    objects: dict[str, dict[str, Entry]] = {}
    preps: dict[str, dict[str, Entry]] = {}
    for block, lemmas in members.items():
        for lemma in lemmas:
            for source, target in ((block_objects, objects), (block_preps, preps)):
                if block in source:
                    merged = target.setdefault(lemma, {})
                    for word, entry in source[block].items():
                        merged.setdefault(word, entry)
    return CameoVerbs(verbs=verbs, objects=objects, preps=preps)
