"""PLOVER relation pairs (plv): is each gold (source, target) pair found as an event with both sides, and typed?

Every plv sentence runs through the whole pipeline. A pair is *found* when some event of the sentence has a
source actor whose mention overlaps the gold source span and a target actor whose mention overlaps the gold
target span (a gold target that is not in the sentence, "a recipient", asks only for the source). Scores:
- found with both sides: share of pairs found;
- type right when found: among found pairs, the found event's type is the gold type;
- type right over all pairs: the pair's type is the found event's, else the sentence's main event's (the
  one highest in the parse), else NONE; accuracy and macro F1 over the gold types.
Gold YIELD (CAMEO 08) is PLOVER 2021 RETREAT or CONCEDE (CAMEO2PLOVER-2021.txt maps 080-083 to CONCEDE and
084-087 to RETREAT): either counts as right, and both are read as YIELD in the macro F1.

    .venv/bin/python eval/events_plv.py --part tune|check|all [--data FILE] [--limit N] [--json]
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from sentence_sets import (
    EVAL_DATA,
    actor_spans,
    eval_main,
    macro_f1,
    main_event,
    overlaps,
    read_plv,
    run_pipeline,
)
from splits import sentence_part  # noqa: F401 - the floors test picks check-part records through it

DEFAULT_DATA = EVAL_DATA / "plv" / "PLV_train.tsv"
YIELD = {"RETREAT", "CONCEDE"}
NONE = "NONE"


def as_gold_label(predicted: str) -> str:
    """A predicted 2021 type in the plv label set (RETREAT and CONCEDE are YIELD there)."""
    return "YIELD" if predicted in YIELD else predicted


def found_event(row, document):
    """The first event (in text order) whose sides overlap the gold source and target spans."""
    for event in document.events:
        near = event.evidence[0].start if event.evidence else 0
        sources = actor_spans(document, event.sources, near)
        targets = actor_spans(document, event.targets, near)
        target_found = row.target is None or any(overlaps(t, row.target) for t in targets)
        if target_found and any(overlaps(s, row.source) for s in sources):
            return event
    return None


def evaluate(rows) -> dict:
    start = time.perf_counter()
    texts = sorted({row.text for row in rows})
    coded = dict(zip(texts, run_pipeline(texts), strict=True))
    seconds = time.perf_counter() - start
    found = right_when_found = 0
    pairs, misses = [], Counter()
    for row in rows:
        document, doc = coded[row.text]
        event = found_event(row, document)
        if event is not None:
            found += 1
            right_when_found += as_gold_label(event.type) == row.type
        else:
            main = main_event(document, doc)
            misses["no event" if main is None else "event, sides not found"] += 1
            event = main
        pairs.append((row.type, as_gold_label(event.type) if event else NONE))
    labels = sorted({gold for gold, _ in pairs})
    f1, per_type = macro_f1(pairs, labels)
    return {
        "pairs": len(rows),
        "found_both_sides": round(found / len(rows), 3) if rows else 0.0,
        "type_right_when_found": round(right_when_found / found, 3) if found else 0.0,
        "type_right_all": round(sum(g == p for g, p in pairs) / len(pairs), 3) if pairs else 0.0,
        "type_macro_f1": f1,
        "misses": dict(misses),
        "per_type": per_type,
        "seconds": round(seconds, 1),
    }


def report(scores: dict) -> str:
    lines = [
        f"pairs {scores['pairs']}  ({scores['seconds']} s)",
        f"found with both sides {scores['found_both_sides']}  type right when found "
        f"{scores['type_right_when_found']}  type right over all pairs {scores['type_right_all']}  "
        f"macro F1 {scores['type_macro_f1']}",
        "misses: " + ", ".join(f"{k} {v}" for k, v in scores["misses"].items()),
    ]
    for label, row in scores["per_type"].items():
        lines.append(
            f"  {label:10} P {row['precision']:.2f} R {row['recall']:.2f} F1 {row['f1']:.2f} (n={row['gold']})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return eval_main(
        argv,
        description=__doc__.splitlines()[0],
        default_data=DEFAULT_DATA,
        set_name="plv",
        read=read_plv,
        text_of=lambda r: r.text,
        evaluate=evaluate,
        report=report,
    )


if __name__ == "__main__":
    sys.exit(main())
