"""Source and target spans of a sentence's main event (cameo-ner) against the gold BIO spans.

Each cameo-ner sentence is rebuilt from its tokens (no space before closing punctuation) and runs through the
whole pipeline. The predicted source (target) spans are, for each source (target) actor of the sentence's
main event, its mention nearest the event's evidence. Span F1 per role, two ways: *overlap* (a predicted span
matches an unmatched gold span it shares a character with; the number the acceptance reads) and *exact*
(same start and end after trimming a leading article).

    .venv/bin/python eval/events_cameo_ner.py --part tune|check|all [--data FILE] [--limit N] [--json]
"""

from __future__ import annotations

import sys
import time

from sentence_sets import (
    EVAL_DATA,
    actor_spans,
    eval_main,
    main_event,
    overlaps,
    read_cameo_ner,
    run_pipeline,
)
from splits import sentence_part  # noqa: F401 - the floors test picks check-part records through it

DEFAULT_DATA = EVAL_DATA / "cameo-ner" / "train.txt"
ARTICLES = ("the ", "a ", "an ")


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    for article in ARTICLES:
        if text[start:end].lower().startswith(article):
            return start + len(article), end
    return span


def match(gold: list, predicted: list, same) -> int:
    used, hits = set(), 0
    for p in predicted:
        for index, g in enumerate(gold):
            if index not in used and same(p, g):
                used.add(index)
                hits += 1
                break
    return hits


def f1(hits: int, predicted: int, gold: int) -> dict:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(score, 3)}


def evaluate(sentences) -> dict:
    start = time.perf_counter()
    coded = run_pipeline([s.text for s in sentences])
    seconds = time.perf_counter() - start
    counts = {role: {"overlap": 0, "exact": 0, "predicted": 0, "gold": 0} for role in ("S", "T")}
    for sentence, (document, doc) in zip(sentences, coded, strict=True):
        event = main_event(document, doc)
        near = event.evidence[0].start if event and event.evidence else 0
        for role, ids in (("S", event.sources if event else []), ("T", event.targets if event else [])):
            gold = sentence.spans.get(role, [])
            predicted = actor_spans(document, ids, near)
            row = counts[role]
            row["gold"] += len(gold)
            row["predicted"] += len(predicted)
            row["overlap"] += match(gold, predicted, overlaps)
            text = sentence.text
            row["exact"] += match(gold, predicted, lambda p, g, t=text: _trim(t, p) == _trim(t, g))
    scores = {"sentences": len(sentences), "seconds": round(seconds, 1)}
    for role, name in (("S", "source"), ("T", "target")):
        row = counts[role]
        scores[name] = {
            "overlap": f1(row["overlap"], row["predicted"], row["gold"]),
            "exact": f1(row["exact"], row["predicted"], row["gold"]),
            "gold": row["gold"],
            "predicted": row["predicted"],
        }
    return scores


def report(scores: dict) -> str:
    lines = [f"sentences {scores['sentences']}  ({scores['seconds']} s)"]
    for name in ("source", "target"):
        row = scores[name]
        o, e = row["overlap"], row["exact"]
        lines.append(
            f"{name}: overlap F1 {o['f1']} (P {o['precision']} R {o['recall']})  exact F1 {e['f1']} "
            f"(P {e['precision']} R {e['recall']})  gold {row['gold']} predicted {row['predicted']}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return eval_main(
        argv,
        description=__doc__.splitlines()[0],
        default_data=DEFAULT_DATA,
        set_name="cameo-ner",
        read=read_cameo_ner,
        text_of=lambda s: s.text,
        evaluate=evaluate,
        report=report,
    )


if __name__ == "__main__":
    sys.exit(main())
