"""Score Tacitus on the 27 hand-annotated development articles (`eval/gold/`): the article-level event F1.

    .venv/bin/python eval/articles_gold.py [--part tune|check|all] [--data ../shared/eval-data] [--json]
                                           [--errors]

Each article's text is read from `../shared/eval-data` (the annotations never hold texts) and run through
`tacitus.pipeline` with its publication date. Matching rules (all case-insensitive):

- A predicted actor matches a gold actor when its name, an alias or a mention's text equals the gold name or
  an alias once a leading "the/a/an" and a trailing "'s" are dropped and quotes and spaces normalised, or when
  both are countries with the same alpha-3 code.
- A side matches when both are empty, or the predicted side is non-empty and each of its actors matches an
  actor of the gold side (a subset: naming one of three arrested people is right, adding a wrong one is not).
- An event matches (strict) when type, sources, targets and status agree; events are paired one-to-one
  (maximum bipartite matching) within the article. Looser scores drop parts: type only, type + sources,
  type + status.
- Duplicates: predicted events left unpaired that would strictly match a gold event already paired, as a
  share of all predictions. Dates right: strictly paired events whose gold date is set and whose predicted
  date value equals it ("before-publication" is met by PAST_REF or a value before the publication date
  that was not taken from it).
- Actor attributes: a gold actor is found when some predicted actor matches it; of the found, the share whose
  country, sector (the gold code among the predicted codes; none for none) and kind agree (person → person;
  organisation → organization/media; country → country; group and collective → group/organization).
- Quote speakers: a gold quote is found when a predicted quote's evidence overlaps its snippet; of the found,
  the share whose speaker matches the gold speaker. Persons that are not persons: predicted persons that
  match a gold actor of another kind.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_pick import DEFAULT_DATA, READERS  # noqa: E402
from gold_schema import GOLD_DIR, GoldActor, GoldArticle, GoldEvent, check_against_text, load_all  # noqa: E402
from splits import select  # noqa: E402

from tacitus.contract import Actor, Document, Event  # noqa: E402

KIND_TYPES = {
    "person": {"person"},
    "organisation": {"organization", "media"},
    "country": {"country"},
    "group": {"group", "organization"},
    "collective": {"group", "organization"},
}
LOOSE = {
    "strict": ("sources", "targets", "status"),
    "type": (),
    "type_sources": ("sources",),
    "type_status": ("status",),
}


def normalise_name(text: str) -> str:
    """Case, quotes, spaces, a leading article and a trailing possessive do not tell two names apart."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ").casefold()
    text = re.sub(r"\s+", " ", text).strip(" .,;:\"'“”")
    text = re.sub(r"^(the|a|an) ", "", text)
    return re.sub(r"'s?$", "", text).strip()


def _gold_names(actor: GoldActor) -> set[str]:
    return {normalise_name(name) for name in (actor.name, *actor.aliases)}


def _predicted_names(actor: Actor) -> set[str]:
    names = [actor.name, *actor.aliases, *(mention.text or "" for mention in actor.mentions)]
    return {normalise_name(name) for name in names if name}


def actor_matches(predicted: Actor, gold: GoldActor) -> bool:
    if _predicted_names(predicted) & _gold_names(gold):
        return True
    return gold.kind == "country" and predicted.type == "country" and predicted.country == gold.country


def side_matches(predicted_ids: list[str], gold_ids: tuple[str, ...], actor_map: dict[str, set[str]]) -> bool:
    """`actor_map`: predicted actor id → the gold actor ids it matches."""
    if not gold_ids or not predicted_ids:
        return not gold_ids and not predicted_ids
    return all(actor_map.get(pid, set()) & set(gold_ids) for pid in predicted_ids)


def event_matches(
    predicted: Event, gold: GoldEvent, actor_map: dict[str, set[str]], parts: tuple[str, ...]
) -> bool:
    if predicted.type != gold.type:
        return False
    if "status" in parts and predicted.status.value != gold.status:
        return False
    if "sources" in parts and not side_matches(predicted.sources, gold.sources, actor_map):
        return False
    return "targets" not in parts or side_matches(predicted.targets, gold.targets, actor_map)


def max_matching(n_pred: int, n_gold: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum one-to-one pairing (Kuhn's augmenting paths): predicted index → gold index."""
    options = [[g for g in range(n_gold) if ok(p, g)] for p in range(n_pred)]
    gold_to_pred: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in options[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_to_pred or augment(gold_to_pred[g], seen):
                gold_to_pred[g] = p
                return True
        return False

    for p in range(n_pred):
        augment(p, set())
    return {p: g for g, p in gold_to_pred.items()}


def date_right(event: Event, gold: GoldEvent, published: str | None) -> bool:
    value = event.date.value if event.date else None
    if not value:
        return False
    if gold.date != "before-publication":
        return value.casefold() == str(gold.date).casefold()
    if value == "PAST_REF":
        return True
    if event.date.inferred or not published or not re.match(r"^\d{4}", value):
        return False
    return value < published[: len(value)]


@dataclass
class ArticleScore:
    key: str
    part: str
    gold_events: int
    predicted_events: int
    matched: dict[str, int]
    duplicates: int
    dated_pairs: int
    dates_right: int
    gold_actors: int
    actors_found: int
    attributes_right: int
    country_right: int
    sector_right: int
    kind_right: int
    gold_quotes: int
    quotes_found: int
    speakers_right: int
    predicted_without_source: int
    predicted_without_sides: int
    persons_not_persons: list[str] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)


def _best_predicted(gold: GoldActor, actors: list[Actor]) -> Actor | None:
    """The predicted actor that stands for a gold actor: its name matched first, then the most mentions."""
    found = [a for a in actors if actor_matches(a, gold)]
    if not found:
        return None
    names = _gold_names(gold)
    return max(found, key=lambda a: (normalise_name(a.name) in names, len(a.mentions)))


def _attributes(gold: GoldActor, actor: Actor) -> tuple[bool, bool, bool]:
    country = actor.country == gold.country
    sector = gold.sector in actor.sector if gold.sector else not actor.sector
    kind = actor.type.value in KIND_TYPES[gold.kind]
    return country, sector, kind


def _describe(event: Event, document: Document) -> str:
    def names(ids: list[str]) -> str:
        return ",".join(document.actor(i).name if document.actor(i) else i for i in ids) or "-"

    evidence = event.evidence[0].text if event.evidence and event.evidence[0].text else ""
    return (
        f"{event.type} {names(event.sources)} -> {names(event.targets)} [{event.status.value}] «{evidence}»"
    )


def score_article(gold: GoldArticle, document: Document) -> ArticleScore:
    """Every measure for one article: gold annotation against the pipeline's document."""
    text = document.article.text
    actor_map = {
        actor.id: {g.id for g in gold.actors.values() if actor_matches(actor, g)} for actor in document.actors
    }
    predicted = document.events
    matched: dict[str, int] = {}
    pairs: dict[int, int] = {}
    for name, parts in LOOSE.items():
        pairing = max_matching(
            len(predicted),
            len(gold.events),
            lambda p, g, parts=parts: event_matches(predicted[p], gold.events[g], actor_map, parts),
        )
        matched[name] = len(pairing)
        if name == "strict":
            pairs = pairing
    paired_gold = set(pairs.values())
    duplicates = sum(
        1
        for p, event in enumerate(predicted)
        if p not in pairs
        and any(event_matches(event, gold.events[g], actor_map, LOOSE["strict"]) for g in paired_gold)
    )
    dated = [(p, g) for p, g in pairs.items() if gold.events[g].date is not None]
    dates_right = sum(date_right(predicted[p], gold.events[g], gold.published) for p, g in dated)

    found = attributes = countries = sectors = kinds = 0
    wrong_attributes = []
    for gold_actor in gold.actors.values():
        actor = _best_predicted(gold_actor, document.actors)
        if actor is None:
            continue
        found += 1
        country, sector, kind = _attributes(gold_actor, actor)
        countries += country
        sectors += sector
        kinds += kind
        attributes += country and sector and kind
        if not (country and sector and kind):
            wrong_attributes.append(
                f"{gold_actor.name}: gold {gold_actor.country}/{gold_actor.sector}/{gold_actor.kind}, "
                f"predicted {actor.name!r} {actor.country}/{','.join(actor.sector) or None}/{actor.type.value}"
            )

    quotes_found = speakers = 0
    wrong_speakers = []
    for quote in gold.quotes:
        start = text.find(quote.text)
        end = start + len(quote.text)
        hits = [q for q in document.quotes if q.evidence.start < end and start < q.evidence.end]
        if start < 0 or not hits:
            continue
        quotes_found += 1
        if any(quote.speaker in actor_map.get(q.speaker or "", set()) for q in hits):
            speakers += 1
            continue
        said_by = [document.actor(q.speaker).name if document.actor(q.speaker) else None for q in hits]
        wrong_speakers.append(f"gold {quote.speaker}, predicted {said_by}: «{quote.text[:60]}»")

    not_persons = [
        f"{actor.name} (gold {gold.actors[g].kind})"
        for actor in document.actors
        if actor.type.value == "person"
        for g in sorted(actor_map[actor.id])
        if gold.actors[g].kind != "person"
    ]
    errors = {
        "missed": [
            f"{e.type} {','.join(e.sources) or '-'} -> {','.join(e.targets) or '-'} [{e.status}] «{e.evidence}»"
            for g, e in enumerate(gold.events)
            if g not in paired_gold
        ],
        "spurious": [_describe(event, document) for p, event in enumerate(predicted) if p not in pairs],
        "attributes": wrong_attributes,
        "speakers": wrong_speakers,
    }
    return ArticleScore(
        key=gold.key,
        part=gold.part,
        gold_events=len(gold.events),
        predicted_events=len(predicted),
        matched=matched,
        duplicates=duplicates,
        dated_pairs=len(dated),
        dates_right=dates_right,
        gold_actors=len(gold.actors),
        actors_found=found,
        attributes_right=attributes,
        country_right=countries,
        sector_right=sectors,
        kind_right=kinds,
        gold_quotes=len(gold.quotes),
        quotes_found=quotes_found,
        speakers_right=speakers,
        predicted_without_source=sum(not event.sources for event in predicted),
        predicted_without_sides=sum(not event.sources and not event.targets for event in predicted),
        persons_not_persons=not_persons,
        errors=errors,
    )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    precision, recall = _ratio(matched, predicted), _ratio(matched, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def summarise(scores: list[ArticleScore]) -> dict:
    """Micro-averaged totals over the articles."""
    total = {
        key: sum(getattr(s, key) for s in scores)
        for key in (
            "gold_events",
            "predicted_events",
            "duplicates",
            "dated_pairs",
            "dates_right",
            "gold_actors",
            "actors_found",
            "attributes_right",
            "country_right",
            "sector_right",
            "kind_right",
            "gold_quotes",
            "quotes_found",
            "speakers_right",
            "predicted_without_source",
            "predicted_without_sides",
        )
    }
    events = {
        name: _prf(sum(s.matched[name] for s in scores), total["predicted_events"], total["gold_events"])
        for name in LOOSE
    }
    return {
        "articles": len(scores),
        **{key: total[key] for key in ("gold_events", "predicted_events")},
        "events": events,
        "duplicates": _ratio(total["duplicates"], total["predicted_events"]),
        "dates_right": _ratio(total["dates_right"], total["dated_pairs"]),
        "dated_pairs": total["dated_pairs"],
        "actors_found": _ratio(total["actors_found"], total["gold_actors"]),
        "actor_attributes_right": _ratio(total["attributes_right"], total["actors_found"]),
        "actor_country_right": _ratio(total["country_right"], total["actors_found"]),
        "actor_sector_right": _ratio(total["sector_right"], total["actors_found"]),
        "actor_kind_right": _ratio(total["kind_right"], total["actors_found"]),
        "quotes_found": _ratio(total["quotes_found"], total["gold_quotes"]),
        "quote_speakers_right": _ratio(total["speakers_right"], total["quotes_found"]),
        "persons_not_persons": sum(len(s.persons_not_persons) for s in scores),
        "predicted_without_source": _ratio(total["predicted_without_source"], total["predicted_events"]),
        "predicted_without_sides": _ratio(total["predicted_without_sides"], total["predicted_events"]),
    }


def load_texts(data: Path, golds: list[GoldArticle]) -> dict[str, str]:
    """The texts of the annotated articles, by "<dataset>/<id>"; a missing one is an error naming it."""
    texts = {}
    for dataset in sorted({g.dataset for g in golds}):
        for article in READERS[dataset](data):
            texts[article.key] = article.text
    missing = [g.key for g in golds if g.key not in texts]
    if missing:
        raise FileNotFoundError(f"{data}: no text for annotated article(s) {missing}")
    return texts


def run_pipeline(gold: GoldArticle, text: str) -> Document:
    from tacitus.contract import Article
    from tacitus.pipeline import process

    return process(Article(id=gold.key, text=text, published=gold.published, source=gold.dataset))


def evaluate(golds: list[GoldArticle], texts: dict[str, str]) -> list[ArticleScore]:
    """Scores of every article; one whose annotation does not fit its text, or whose run fails, is left
    out with a warning naming it, and the rest are still scored."""
    scores = []
    for gold in golds:
        problems = check_against_text(gold, texts[gold.key])
        if problems:
            print(f"warning: {gold.key} left out: " + "; ".join(problems), file=sys.stderr)
            continue
        try:
            document = run_pipeline(gold, texts[gold.key])
        except Exception as error:  # one failing article must not stop the evaluation of the others
            print(f"warning: {gold.key} left out: the pipeline failed ({error!r})", file=sys.stderr)
            continue
        scores.append(score_article(gold, document))
    return scores


def _print_table(scores: list[ArticleScore], summary: dict) -> None:
    print(
        f"{'article':58} {'part':5} {'gold':>4} {'pred':>4} {'ok':>3} {'F1':>5} {'typeF1':>6} "
        f"{'act':>5} {'attr':>5} {'quo':>5} {'spk':>5}"
    )
    for s in scores:
        f1 = _prf(s.matched["strict"], s.predicted_events, s.gold_events)["f1"]
        type_f1 = _prf(s.matched["type"], s.predicted_events, s.gold_events)["f1"]
        print(
            f"{s.key[:58]:58} {s.part:5} {s.gold_events:4d} {s.predicted_events:4d} {s.matched['strict']:3d} "
            f"{f1:5.2f} {type_f1:6.2f} {s.actors_found:2d}/{s.gold_actors:<2d} "
            f"{_ratio(s.attributes_right, s.actors_found):5.2f} {s.quotes_found:2d}/{s.gold_quotes:<2d} "
            f"{_ratio(s.speakers_right, s.quotes_found):5.2f}"
        )
    print()
    for name, prf in summary["events"].items():
        print(f"events {name:13} P {prf['precision']:.3f}  R {prf['recall']:.3f}  F1 {prf['f1']:.3f}")
    for key in (
        "duplicates",
        "dates_right",
        "actors_found",
        "actor_attributes_right",
        "actor_country_right",
        "actor_sector_right",
        "actor_kind_right",
        "quotes_found",
        "quote_speakers_right",
        "predicted_without_source",
        "predicted_without_sides",
    ):
        print(f"{key:24} {summary[key]:.3f}")
    print(f"{'persons_not_persons':24} {summary['persons_not_persons']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="all", choices=("tune", "check", "all"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument(
        "--json", action="store_true", help="print the summary and per-article scores as JSON"
    )
    parser.add_argument("--errors", action="store_true", help="list missed and spurious events per article")
    args = parser.parse_args(argv)
    if not (args.data / "polnear").is_dir():
        print(f"skipped: no development data at {args.data} (polnear, meantime, wikievents)")
        return 0
    bad_files: list[str] = []
    golds = select(load_all(args.gold, bad_files), lambda g: g.part, args.part)
    for problem in bad_files:
        print(f"warning: annotation left out: {problem}", file=sys.stderr)
    scores = evaluate(golds, load_texts(args.data, golds))
    summary = summarise(scores)
    if args.json:
        articles = [{k: v for k, v in asdict(s).items() if args.errors or k != "errors"} for s in scores]
        print(json.dumps({"part": args.part, "summary": summary, "articles": articles}, indent=2))
        return 0
    _print_table(scores, summary)
    if args.errors:
        for s in scores:
            print(f"\n## {s.key}")
            for kind in ("missed", "spurious", "attributes", "speakers"):
                for line in s.errors[kind]:
                    print(f"  {kind:8} {line}")
            for line in s.persons_not_persons:
                print(f"  not-person {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
