"""CAMEO quad class of a sentence (cameo-class): the quad class of its main event against the gold pentacode.

Every sentence runs through the whole pipeline. The predicted label is the quad class of the sentence's main
event (the one highest in the parse: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict), or 0 when the sentence has no event. Scores: accuracy and macro F1 over the five
labels; quad macro F1 over 1-4 alone; and, for the gold neutral statements (0), the share left with no
event at all (every PLOVER type is a cooperation or a conflict).

    .venv/bin/python eval/events_cameo_class.py --part tune|check|all [--data FILE] [--limit N] [--json]
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from sentence_sets import EVAL_DATA, eval_main, macro_f1, main_event, read_cameo_class, run_pipeline
from splits import sentence_part  # noqa: F401 - the floors test picks check-part records through it

DEFAULT_DATA = EVAL_DATA / "cameo-class" / "train.tsv"


def evaluate(rows: list[tuple[str, int]]) -> dict:
    from tacitus.events import load_ontology

    ontology = load_ontology()
    start = time.perf_counter()
    coded = run_pipeline([text for text, _ in rows])
    seconds = time.perf_counter() - start
    pairs = []
    for (_, gold), (document, doc) in zip(rows, coded, strict=True):
        event = main_event(document, doc)
        pairs.append((gold, ontology.types[event.type].quad_class if event else 0))
    f1_all, per = macro_f1(pairs, [0, 1, 2, 3, 4])
    f1_quad, _ = macro_f1(pairs, [1, 2, 3, 4])
    neutral = [p for g, p in pairs if g == 0]
    confusion: dict[int, Counter] = {}
    for gold, predicted in pairs:
        confusion.setdefault(gold, Counter())[predicted] += 1
    return {
        "sentences": len(rows),
        "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 3) if pairs else 0.0,
        "macro_f1": f1_all,
        "quad_macro_f1": f1_quad,
        "neutral_left": round(sum(p == 0 for p in neutral) / len(neutral), 3) if neutral else None,
        "per_label": per,
        "confusion": {g: dict(sorted(c.items())) for g, c in sorted(confusion.items())},
        "seconds": round(seconds, 1),
    }


def report(scores: dict) -> str:
    lines = [
        f"sentences {scores['sentences']}  ({scores['seconds']} s)",
        f"accuracy {scores['accuracy']}  macro F1 (0-4) {scores['macro_f1']}  quad macro F1 (1-4) "
        f"{scores['quad_macro_f1']}  neutral left with no event {scores['neutral_left']}",
    ]
    for label, row in scores["per_label"].items():
        confusion = ", ".join(f"{p}:{n}" for p, n in scores["confusion"].get(label, {}).items())
        lines.append(
            f"  {label} P {row['precision']:.2f} R {row['recall']:.2f} F1 {row['f1']:.2f} (n={row['gold']})"
            f"  → {confusion}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return eval_main(
        argv,
        description=__doc__.splitlines()[0],
        default_data=DEFAULT_DATA,
        set_name="cameo-class",
        read=read_cameo_class,
        text_of=lambda r: r[0],
        evaluate=evaluate,
        report=report,
    )


if __name__ == "__main__":
    sys.exit(main())
