"""Does every event rule earn its place? Firing count and precision of each rule on three development sets.

Each sentence of PLOVER-GSR, plv and cameo-class is one article run through the whole pipeline; every event
coded (rule = `Event.rule`) is scored against the sentence's gold:
- plover-gsr: right when its type is the sentence's gold type (2016 names mapped as in `events_plover.py`);
- plv: right when its type is one of the sentence's gold relation types (YIELD = RETREAT or CONCEDE);
- cameo-class: right when its type's quad class is the sentence's class (an event on a neutral sentence,
  class 0, is wrong).
A sentence holds other events than its gold one, so these precisions are lower bounds: they say which rules
agree with what the annotators saw as the sentence's event, not whether a firing is absurd. A rule with many
firings and a precision far below its kind's is a candidate to drop or narrow.

    .venv/bin/python eval/events_rules.py [--part tune|check|all] [--data DIR] [--sets plover-gsr,plv,cameo-class]
        [--limit N] [--min-fired N] [--json]

The split is `eval/splits.py`'s `sentence_part(text)`; the tables show the tune and the check part side by
side (`--part tune` or `--part check` codes only that part's sentences, faster; the default is all).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))
from splits import sentence_part  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval-data"
LABELS_2016 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
PLV_LABELS = {"YIELD": {"RETREAT", "CONCEDE"}}
SETS = ("plover-gsr", "plv", "cameo-class")


def load_plover(data: Path) -> list[tuple[str, set[str]]]:
    records = json.loads((data / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json").read_text(encoding="utf-8"))
    return [
        (r["text"].strip(), {LABELS_2016.get(r["event"], r["event"])})
        for r in records
        if r.get("event") and r["event"] != "DOCUMENT" and r.get("text")
    ]


def load_plv(data: Path) -> list[tuple[str, set[str]]]:
    gold: dict[str, set[str]] = defaultdict(set)
    with (data / "plv" / "PLV_train.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            label = row["gold_root"].strip()
            gold[row["sentence"].strip()].update(PLV_LABELS.get(label, {label}))
    return list(gold.items())


def load_cameo_class(data: Path) -> list[tuple[str, set[str]]]:
    items = []
    with (data / "cameo-class" / "train.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) >= 2 and row[1].strip().isdigit():
                items.append((row[0].strip(), {row[1].strip()}))
    return items


LOADERS = {"plover-gsr": load_plover, "plv": load_plv, "cameo-class": load_cameo_class}


def is_right(dataset: str, event_type: str, gold: set[str], quads: dict[str, int]) -> bool:
    if dataset == "cameo-class":
        return str(quads.get(event_type, -1)) in gold
    return event_type in gold


def code(texts: list[str]) -> list[list[tuple[str, str]]]:
    """(rule, type) of every event of each text, body events only."""
    from tacitus import nlp, pipeline
    from tacitus.contract import Article

    articles = [Article(id=f"s{i}", text=text) for i, text in enumerate(texts)]
    docs = nlp.parse_many((a.text for a in articles), batch_size=32)
    out = []
    for article, doc in zip(articles, docs, strict=True):
        document = pipeline.process(article, parsed=doc)
        out.append([(e.rule or "?", e.type) for e in document.events if not any(s.part for s in e.evidence)])
    return out


def evaluate(data: Path, sets: list[str], limit: int | None = None, part: str = "all") -> dict:
    from tacitus.events.ontology import load_ontology

    quads = {name: t.quad_class for name, t in load_ontology().types.items()}
    # counts[part][rule] = [fired, right]; per set too
    rules: dict[str, dict[str, list[int]]] = {
        "tune": defaultdict(lambda: [0, 0]),
        "check": defaultdict(lambda: [0, 0]),
    }
    kinds: dict[str, dict[str, list[int]]] = {
        "tune": defaultdict(lambda: [0, 0]),
        "check": defaultdict(lambda: [0, 0]),
    }
    per_set: dict[str, dict[str, Counter]] = {}
    start = time.perf_counter()
    for dataset in sets:
        items = [i for i in LOADERS[dataset](data) if part == "all" or sentence_part(i[0]) == part][:limit]
        coded = code([text for text, _ in items])
        per_set[dataset] = {"tune": Counter(), "check": Counter()}
        for (text, gold), events in zip(items, coded, strict=True):
            its_part = sentence_part(text)
            counts = per_set[dataset][its_part]
            counts["sentences"] += 1
            counts["with events"] += bool(events)
            counts["neutral"] += dataset == "cameo-class" and gold == {"0"}
            counts["neutral left empty"] += dataset == "cameo-class" and gold == {"0"} and not events
            for rule, event_type in events:
                right = is_right(dataset, event_type, gold, quads)
                counts["events"] += 1
                counts["right"] += right
                for table, key in ((rules, rule), (kinds, rule.split(":")[0])):
                    table[its_part][key][0] += 1
                    table[its_part][key][1] += right
    return {
        "sets": {d: {p: dict(c) for p, c in parts.items()} for d, parts in per_set.items()},
        "kinds": {p: {k: v for k, v in sorted(t.items())} for p, t in kinds.items()},
        "rules": {p: {k: v for k, v in sorted(t.items())} for p, t in rules.items()},
        "seconds": round(time.perf_counter() - start, 1),
    }


def _cell(fired_right: list[int] | None) -> str:
    if not fired_right or not fired_right[0]:
        return "0 | –"
    fired, right = fired_right
    return f"{fired} | {right / fired:.2f}"


def report(result: dict, min_fired: int) -> str:
    lines = [f"({result['seconds']} s)", "", "| set | part | sentences | with events | events | precision |"]
    lines.append("|---|---|---|---|---|---|")
    for dataset, parts in result["sets"].items():
        for part, c in parts.items():
            precision = c.get("right", 0) / c["events"] if c.get("events") else 0.0
            extra = ""
            if c.get("neutral"):
                extra = f" (neutral left empty {c.get('neutral left empty', 0) / c['neutral']:.2f} of {c['neutral']})"
            lines.append(
                f"| {dataset} | {part} | {c.get('sentences', 0)} | {c.get('with events', 0)} | "
                f"{c.get('events', 0)} | {precision:.2f}{extra} |"
            )
    for title, table in (("rule kind", "kinds"), ("rule", "rules")):
        tune, check = result[table]["tune"], result[table]["check"]
        names = sorted(
            set(tune) | set(check), key=lambda k: (-(tune.get(k, [0])[0] + check.get(k, [0])[0]), k)
        )
        shown = [k for k in names if tune.get(k, [0])[0] + check.get(k, [0])[0] >= min_fired]
        lines += [
            "",
            f"| {title} | tune fired | tune precision | check fired | check precision |",
            "|---|---|---|---|---|",
        ]
        lines += [f"| `{k}` | {_cell(tune.get(k))} | {_cell(check.get(k))} |" for k in shown]
        if len(shown) < len(names):
            lines.append(
                f"({len(names) - len(shown)} {title}s with fewer than {min_fired} firings not shown)"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--part", choices=("tune", "check", "all"), default="all")
    parser.add_argument("--min-fired", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    unknown = [s for s in sets if s not in LOADERS]
    if unknown:
        print(f"unknown set(s) {unknown}: choose from {', '.join(SETS)}", file=sys.stderr)
        return 2
    if not args.data.is_dir():
        print(f"{args.data}: development data not found", file=sys.stderr)
        return 2
    result = evaluate(args.data, sets, args.limit, args.part)
    print(json.dumps(result, indent=1) if args.json else report(result, args.min_fired))
    return 0


if __name__ == "__main__":
    sys.exit(main())
