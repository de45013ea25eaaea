"""Inter-annotator agreement: a second, blind annotation of some gold articles against the committed gold.

    .venv/bin/python eval/gold_agreement.py --list [--data ../shared/eval-data]
    .venv/bin/python eval/gold_agreement.py --against DIR [--gold eval/gold] [--json]

`--list` names the articles to annotate again: the first tune article of each dataset in the picker's hash
order (one per dataset, so the figure covers all three sources; the choice ignores content). The second
annotator writes them, without opening the committed files, under DIR/<dataset>/<id>.yaml in the same
format (outside the repository), and `--against DIR` scores that version against the committed one with
the article scorer's matching rules, the committed file standing as gold and the second version as the
prediction: actors match by a shared normalised name or alias (or as countries with one code); a side
matches when both are empty or every actor of the second version's side matches one of the committed
side; events pair one-to-one on type + sources + targets + status (strict), with looser scores beside it.
Of the actors matched one-to-one by name, it also reports the share that agree on country, sector and kind.
It never changes the committed files.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from articles_gold import LOOSE, _prf, max_matching, normalise_name, side_matches  # noqa: E402
from gold_pick import DEFAULT_DATA, hash_order, picked  # noqa: E402
from gold_schema import GOLD_DIR, GoldActor, GoldArticle, GoldError, load_all, load_gold  # noqa: E402
from splits import article_part  # noqa: E402


def blind_picks(data: Path) -> list[str]:
    """The first tune article of each dataset in hash order: "<dataset>/<id>" keys."""
    first: dict[str, tuple[str, str]] = {}
    for article in picked(data):
        if article_part("gold", article.key) != "tune":
            continue
        order = hash_order(article.dataset, article.id)
        if article.dataset not in first or order < first[article.dataset][0]:
            first[article.dataset] = (order, article.key)
    return [key for _, key in sorted(first.values())]


def _names(actor: GoldActor) -> set[str]:
    return {normalise_name(name) for name in (actor.name, *actor.aliases)}


def actors_match(second: GoldActor, committed: GoldActor) -> bool:
    if _names(second) & _names(committed):
        return True
    return second.kind == committed.kind == "country" and second.country == committed.country


@dataclass
class Agreement:
    key: str
    committed_events: int
    second_events: int
    matched: dict[str, int]
    actors_paired: int
    committed_actors: int
    second_actors: int
    attributes_agree: int


def compare(committed: GoldArticle, second: GoldArticle) -> Agreement:
    """One article: the second annotation scored against the committed one."""
    committed_actors, second_actors = list(committed.actors.values()), list(second.actors.values())
    actor_map = {a.id: {c.id for c in committed_actors if actors_match(a, c)} for a in second_actors}
    matched = {}
    for name, parts in LOOSE.items():

        def ok(p: int, g: int, parts: tuple[str, ...] = parts) -> bool:
            mine, gold = second.events[p], committed.events[g]
            if mine.type != gold.type or ("status" in parts and mine.status != gold.status):
                return False
            if "sources" in parts and not side_matches(list(mine.sources), gold.sources, actor_map):
                return False
            return "targets" not in parts or side_matches(list(mine.targets), gold.targets, actor_map)

        matched[name] = len(max_matching(len(second.events), len(committed.events), ok))
    pairs = max_matching(
        len(second_actors),
        len(committed_actors),
        lambda p, g: actors_match(second_actors[p], committed_actors[g]),
    )
    agree = sum(
        (second_actors[p].country, second_actors[p].sector, second_actors[p].kind)
        == (committed_actors[g].country, committed_actors[g].sector, committed_actors[g].kind)
        for p, g in pairs.items()
    )
    return Agreement(
        key=committed.key,
        committed_events=len(committed.events),
        second_events=len(second.events),
        matched=matched,
        actors_paired=len(pairs),
        committed_actors=len(committed_actors),
        second_actors=len(second_actors),
        attributes_agree=agree,
    )


def summarise(results: list[Agreement]) -> dict:
    committed = sum(r.committed_events for r in results)
    second = sum(r.second_events for r in results)
    paired = sum(r.actors_paired for r in results)
    return {
        "articles": len(results),
        "committed_events": committed,
        "second_events": second,
        "events": {name: _prf(sum(r.matched[name] for r in results), second, committed) for name in LOOSE},
        "actors_paired": paired,
        "actor_attributes_agree": sum(r.attributes_agree for r in results) / paired if paired else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="name the articles to annotate again")
    parser.add_argument("--against", type=Path, help="folder of the second annotation (<dataset>/<id>.yaml)")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.list:
        if not (args.data / "polnear").is_dir():
            print(f"skipped: no development data at {args.data} (polnear, meantime, wikievents)")
            return 0
        print("\n".join(blind_picks(args.data)))
        return 0
    if args.against is None:
        parser.error("give --list or --against DIR")
    if not args.against.is_dir():
        parser.error(f"--against {args.against}: not a folder")
    errors: list[str] = []
    results = []
    for second in load_all(args.against, errors):  # a bad file is named in `errors` and left out
        path = args.gold / second.dataset / f"{second.id}.yaml"
        try:
            committed = load_gold(path)
        except GoldError as error:
            errors.append(f"{second.key}: no usable committed annotation ({error})")
            continue
        results.append(compare(committed, second))
    for problem in errors:
        print(f"warning: left out: {problem}", file=sys.stderr)
    if not results:
        print(f"error: no annotation in {args.against} could be compared", file=sys.stderr)
        return 1
    summary = summarise(results)
    if args.json:
        print(json.dumps({"summary": summary, "articles": [r.__dict__ for r in results]}, indent=2))
        return 0
    print(f"{'article':58} {'committed':>9} {'second':>6} {'strict':>6} {'type':>4} {'actors':>9}")
    for r in results:
        print(
            f"{r.key[:58]:58} {r.committed_events:9d} {r.second_events:6d} {r.matched['strict']:6d} "
            f"{r.matched['type']:4d} {r.actors_paired:3d}/{r.committed_actors:<2d}"
        )
    print()
    for name, prf in summary["events"].items():
        print(f"events {name:13} P {prf['precision']:.3f}  R {prf['recall']:.3f}  F1 {prf['f1']:.3f}")
    print(
        f"{'actor_attributes_agree':24} {summary['actor_attributes_agree']:.3f} of {summary['actors_paired']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
