"""Read and check the whole-article gold in `eval/gold/<dataset>/<id>.yaml` (the guidelines are its README).

Two checks, so a bad annotation is caught before it skews a score: `load_gold` checks each file on its own
(fields, PLOVER types and modes, statuses, actor ids, country and sector codes, date forms), and
`check_against_text` checks it against the article (every evidence snippet verbatim and unique with its
trigger inside, every quote snippet verbatim). Errors name the file and the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
import yaml

from tacitus.actors.kb import SECTORS
from tacitus.contract import EventStatus
from tacitus.events.ontology import load_ontology

GOLD_DIR = Path(__file__).resolve().parent / "gold"
DATASETS = ("polnear", "meantime", "wikievents")
KINDS = ("person", "organisation", "country", "collective", "group")
STATUSES = tuple(status.value for status in EventStatus)
# A TIMEX3 value (year, month, day, week, weekend, decade "199", century "18", PAST_REF) or before-publication.
DATE_FORM = re.compile(r"^(\d{2}|\d{3}|\d{4}(-\d{2}(-\d{2})?|-W\d{2}(-WE)?)?|PAST_REF|before-publication)$")
MIN_EVIDENCE_WORDS = 6


class GoldError(ValueError):
    """An annotation file that breaks the schema; the message names the file and the entry."""


@dataclass(frozen=True)
class GoldActor:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None
    role: str | None


@dataclass(frozen=True)
class GoldEvent:
    type: str
    mode: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    status: str
    date: str | None
    place: str | None
    trigger: str
    evidence: str


@dataclass(frozen=True)
class GoldQuote:
    speaker: str | None
    direct: bool
    text: str


@dataclass
class GoldArticle:
    dataset: str
    id: str
    published: str | None
    published_from: str
    part: str
    actors: dict[str, GoldActor] = field(default_factory=dict)
    events: list[GoldEvent] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    path: Path | None = None

    @property
    def key(self) -> str:
        return f"{self.dataset}/{self.id}"


ARTICLE_KEYS = {"dataset", "id", "published", "published_from", "part", "actors", "events", "quotes"}
ACTOR_KEYS = {"id", "name", "aliases", "kind", "country", "sector", "role"}
EVENT_KEYS = {"type", "mode", "sources", "targets", "status", "date", "place", "trigger", "evidence"}
QUOTE_KEYS = {"speaker", "direct", "text"}


def _keys(entry: object, expected: set[str], where: str) -> dict:
    if not isinstance(entry, dict):
        raise GoldError(f"{where}: expected a mapping, got {type(entry).__name__}")
    missing, unknown = expected - entry.keys(), entry.keys() - expected
    if missing or unknown:
        raise GoldError(f"{where}: missing fields {sorted(missing)}, unknown fields {sorted(unknown)}")
    return entry


def _actor(entry: object, where: str) -> GoldActor:
    entry = _keys(entry, ACTOR_KEYS, where)
    if entry["kind"] not in KINDS:
        raise GoldError(f"{where}: kind {entry['kind']!r} is not one of {KINDS}")
    country = entry["country"]
    if country is not None and pycountry.countries.get(alpha_3=country) is None:
        raise GoldError(f"{where}: country {country!r} is not an ISO 3166-1 alpha-3 code")
    if entry["sector"] is not None and entry["sector"] not in SECTORS:
        raise GoldError(f"{where}: unknown sector code {entry['sector']!r}")
    aliases = entry["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise GoldError(f"{where}: aliases must be a list of non-empty strings")
    return GoldActor(
        id=str(entry["id"]),
        name=str(entry["name"]),
        aliases=tuple(aliases),
        kind=entry["kind"],
        country=country,
        sector=entry["sector"],
        role=entry["role"],
    )


def _event(entry: object, actors: dict[str, GoldActor], where: str) -> GoldEvent:
    entry = _keys(entry, EVENT_KEYS, where)
    ontology = load_ontology()
    event_type = ontology.types.get(entry["type"])
    if event_type is None:
        raise GoldError(f"{where}: unknown PLOVER type {entry['type']!r}")
    if entry["mode"] is not None and entry["mode"] not in event_type.modes:
        raise GoldError(f"{where}: {entry['type']} has no mode {entry['mode']!r}")
    if entry["status"] not in STATUSES:
        raise GoldError(f"{where}: status {entry['status']!r} is not one of {STATUSES}")
    for side in ("sources", "targets"):
        if not isinstance(entry[side], list):
            raise GoldError(f"{where}: {side} must be a list of actor ids")
        unknown = [actor for actor in entry[side] if actor not in actors]
        if unknown:
            raise GoldError(f"{where}: {side} name unknown actor ids {unknown}")
    if entry["date"] is not None and not DATE_FORM.match(str(entry["date"])):
        raise GoldError(f"{where}: date {entry['date']!r} is not a TIMEX3 value or before-publication")
    evidence, trigger = str(entry["evidence"]), str(entry["trigger"])
    if len(evidence.split()) < MIN_EVIDENCE_WORDS:
        raise GoldError(f"{where}: evidence {evidence!r} has fewer than {MIN_EVIDENCE_WORDS} words")
    if trigger.casefold() not in evidence.casefold():
        raise GoldError(f"{where}: trigger {trigger!r} is not inside its evidence {evidence!r}")
    return GoldEvent(
        type=entry["type"],
        mode=entry["mode"],
        sources=tuple(entry["sources"]),
        targets=tuple(entry["targets"]),
        status=entry["status"],
        date=None if entry["date"] is None else str(entry["date"]),
        place=entry["place"],
        trigger=trigger,
        evidence=evidence,
    )


def _quote(entry: object, actors: dict[str, GoldActor], where: str) -> GoldQuote:
    entry = _keys(entry, QUOTE_KEYS, where)
    if entry["speaker"] is not None and entry["speaker"] not in actors:
        raise GoldError(f"{where}: speaker {entry['speaker']!r} is not an actor id")
    if not isinstance(entry["direct"], bool) or not str(entry["text"]).strip():
        raise GoldError(f"{where}: direct must be true/false and text non-empty")
    return GoldQuote(speaker=entry["speaker"], direct=entry["direct"], text=str(entry["text"]))


def load_gold(path: Path) -> GoldArticle:
    """One annotation file, checked on its own (not against the text: see `check_against_text`)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GoldError(f"{path}: cannot read ({error})") from error
    data = _keys(data, ARTICLE_KEYS, str(path))
    if data["dataset"] not in DATASETS:
        raise GoldError(f"{path}: dataset {data['dataset']!r} is not one of {DATASETS}")
    if path.stem != str(data["id"]) or path.parent.name != data["dataset"]:
        raise GoldError(f"{path}: file must be eval/gold/{data['dataset']}/{data['id']}.yaml")
    if data["part"] not in ("tune", "check"):
        raise GoldError(f"{path}: part must be tune or check")
    if data["published"] is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(data["published"])):
        raise GoldError(f"{path}: published {data['published']!r} is not an ISO date")
    actors: dict[str, GoldActor] = {}
    for index, entry in enumerate(data["actors"] or []):
        actor = _actor(entry, f"{path}: actors[{index}]")
        if actor.id in actors:
            raise GoldError(f"{path}: actors[{index}]: duplicate actor id {actor.id!r}")
        actors[actor.id] = actor
    events = [_event(e, actors, f"{path}: events[{i}]") for i, e in enumerate(data["events"] or [])]
    quotes = [_quote(q, actors, f"{path}: quotes[{i}]") for i, q in enumerate(data["quotes"] or [])]
    return GoldArticle(
        dataset=data["dataset"],
        id=str(data["id"]),
        published=None if data["published"] is None else str(data["published"]),
        published_from=str(data["published_from"]),
        part=data["part"],
        actors=actors,
        events=events,
        quotes=quotes,
        path=path,
    )


def load_all(gold_dir: Path = GOLD_DIR, errors: list[str] | None = None) -> list[GoldArticle]:
    """Every annotation file, in a stable order. With an `errors` list, a bad file is noted there and
    skipped so the others still load; without one, the first bad file raises."""
    golds = []
    for path in sorted(gold_dir.glob("*/*.yaml")):
        try:
            golds.append(load_gold(path))
        except GoldError as error:
            if errors is None:
                raise
            errors.append(str(error))
    return golds


def check_against_text(gold: GoldArticle, text: str) -> list[str]:
    """Problems of the annotation against its article text (empty when it is sound)."""
    problems = []
    for index, event in enumerate(gold.events):
        count = text.count(event.evidence)
        if count != 1:
            problems.append(
                f"{gold.path}: events[{index}]: evidence occurs {count} times: {event.evidence!r}"
            )
    for index, quote in enumerate(gold.quotes):
        if quote.text not in text:
            problems.append(f"{gold.path}: quotes[{index}]: text not in the article: {quote.text!r}")
    return problems
