"""PLOVER event coding on the PLOVER gold-standard records (the CAMEO-manual sentences hand-coded in PLOVER).

Each gold sentence is one article run through the whole pipeline (actors → time → quotes → claims → events).
The sentence's coded event is its main event: the one whose trigger sits highest in the parse (the main verb
before what it governs), ties broken by confidence. Scores:
- type: accuracy and macro F1 over the PLOVER types present in the gold (a sentence with no event counts as
  the label NONE, wrong), per-type precision/recall/F1 and the confusion (gold → predicted);
- any-type recall: the gold type is among all the sentence's events;
- source/target country: over gold sentences whose source (target) has an ISO alpha-3 country, the share
  whose main event's source (target) actors include one of those countries (actor.country as coded by the
  actor stage);
- rules: how often each rule kind and each rule fired over all events, most and least.

Gold labels are PLOVER 0.5b1 (2016); mapped to the 2021 names: DEMAND→REQUEST, DISAPPROVE→ACCUSE,
INVESTIGATE→ACCUSE, FIGHT→ASSAULT.

    .venv/bin/python eval/events_plover.py [--part tune|check|all] [--data DIR] [--limit N] [--json]

`--part` takes one part of the fixed split (`eval/splits.py`, by sentence text); the default is all.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))
from splits import select, sentence_part  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval-data" / "plover-gsr"
LABELS_2016 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NONE = "NONE"


def load_records(data: Path = DEFAULT_DATA) -> list[dict]:
    path = data / "PLOVER_GSR_CAMEO.dev.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") and r["event"] != "DOCUMENT" and r.get("text")]


def gold_type(record: dict) -> str:
    return LABELS_2016.get(record["event"], record["event"])


def _codes(actors) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {a.get("code", "") for a in actors if isinstance(a, dict)}


def code_records(records: list[dict]) -> list[tuple[dict, object, object]]:
    """(record, document, spaCy doc) for each gold sentence, parsed in batches."""
    from tacitus import nlp, pipeline
    from tacitus.contract import Article

    articles = [Article(id=r["id"], text=r["text"].strip()) for r in records]
    docs = nlp.parse_many((a.text for a in articles), batch_size=32)
    return [(r, pipeline.process(a, parsed=d), d) for r, a, d in zip(records, articles, docs, strict=True)]


def main_event(document, doc):
    """The event whose evidence begins at the token highest in the parse; ties: higher confidence, earlier."""
    best, best_key = None, None
    for event in document.events:
        if any(span.part for span in event.evidence):
            continue
        depths = []
        for span in event.evidence:
            piece = doc.char_span(span.start, span.end, alignment_mode="expand")
            if piece is not None:
                depths.append(min(len(list(t.ancestors)) for t in piece))
        key = (
            min(depths) if depths else 99,
            -event.confidence,
            event.evidence[0].start if event.evidence else 0,
        )
        if best_key is None or key < best_key:
            best, best_key = event, key
    return best


def _countries(document, actor_ids) -> set[str]:
    return {a.country for a in document.actors if a.id in actor_ids and a.country}


def evaluate(records: list[dict]) -> dict:
    from tacitus.places import gazetteer

    gaz = gazetteer.load()
    countries = {gaz.alpha3[cc] for cc in gaz.country_row}
    start = time.perf_counter()
    coded = code_records(records)
    seconds = time.perf_counter() - start
    pairs, any_hits, by_confidence = [], 0, {}
    src_total = src_hit = tgt_total = tgt_hit = 0
    rules, kinds = Counter(), Counter()
    for record, document, doc in coded:
        gold = gold_type(record)
        event = main_event(document, doc)
        pairs.append((gold, event.type if event else NONE))
        if event is not None:
            band = _band(event.confidence)
            hits, total = by_confidence.get(band, (0, 0))
            by_confidence[band] = (hits + (event.type == gold), total + 1)
        any_hits += any(e.type == gold for e in document.events)
        for e in document.events:
            rules[e.rule] += 1
            kinds[(e.rule or "").split(":")[0]] += 1
        gold_sources = _codes(record.get("source")) & countries
        gold_targets = _codes(record.get("target")) & countries
        if gold_sources:
            src_total += 1
            src_hit += bool(event and _countries(document, event.sources) & gold_sources)
        if gold_targets:
            tgt_total += 1
            tgt_hit += bool(event and _countries(document, event.targets) & gold_targets)
    return {
        **type_scores(pairs),
        "any_type_recall": round(any_hits / len(pairs), 3) if pairs else None,
        "source_country": round(src_hit / src_total, 3) if src_total else None,
        "source_gold": src_total,
        "target_country": round(tgt_hit / tgt_total, 3) if tgt_total else None,
        "target_gold": tgt_total,
        "precision_by_confidence": {
            band: {"precision": round(h / t, 3), "n": t} for band, (h, t) in sorted(by_confidence.items())
        },
        "rule_kinds": dict(kinds.most_common()),
        "rules_most": rules.most_common(12),
        "rules_least": sorted(rules.items(), key=lambda kv: (kv[1], kv[0]))[:12],
        "sentences": len(pairs),
        "seconds": round(seconds, 1),
    }


def _band(confidence: float) -> str:
    return "<0.6" if confidence < 0.6 else "0.6-0.8" if confidence < 0.8 else ">=0.8"


def type_scores(pairs: list[tuple[str, str]]) -> dict:
    labels = sorted({gold for gold, _ in pairs})
    per_type, f1s = {}, []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_type[label] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "gold": tp + fn,
        }
        f1s.append(f1)
    confusion: dict[str, dict[str, int]] = {}
    for gold, predicted in pairs:
        confusion.setdefault(gold, Counter())[predicted] += 1
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    coded = sum(1 for _, p in pairs if p != NONE)
    precision = sum(1 for g, p in pairs if g == p) / coded if coded else 0.0
    return {
        "type_accuracy": round(accuracy, 3),
        "type_macro_f1": round(sum(f1s) / len(f1s), 3) if f1s else 0.0,
        "type_precision_when_coded": round(precision, 3),
        "coded_share": round(coded / len(pairs), 3),
        "per_type": per_type,
        "confusion": {g: dict(c.most_common()) for g, c in confusion.items()},
    }


def report(scores: dict) -> str:
    lines = [
        f"sentences {scores['sentences']}  ({scores['seconds']} s)",
        f"type accuracy {scores['type_accuracy']}  macro F1 {scores['type_macro_f1']}  "
        f"precision when coded {scores['type_precision_when_coded']}  coded {scores['coded_share']}  "
        f"any-type recall {scores['any_type_recall']}",
        f"source country {scores['source_country']} (n={scores['source_gold']})  "
        f"target country {scores['target_country']} (n={scores['target_gold']})",
        "",
        "per type:",
    ]
    for label, row in scores["per_type"].items():
        confusion = ", ".join(f"{p}:{n}" for p, n in scores["confusion"][label].items())
        lines.append(
            f"  {label:10} P {row['precision']:.2f} R {row['recall']:.2f} F1 {row['f1']:.2f} "
            f"(n={row['gold']})  → {confusion}"
        )
    lines.append(
        "main-event precision by confidence: "
        + ", ".join(
            f"{band} {row['precision']} (n={row['n']})"
            for band, row in scores["precision_by_confidence"].items()
        )
    )
    lines.append("rule kinds: " + ", ".join(f"{k}:{n}" for k, n in scores["rule_kinds"].items()))
    lines.append("rules most: " + ", ".join(f"{k}:{n}" for k, n in scores["rules_most"]))
    lines.append("rules least: " + ", ".join(f"{k}:{n}" for k, n in scores["rules_least"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--part", choices=("tune", "check", "all"), default="all")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "PLOVER_GSR_CAMEO.dev.json").is_file():
        print(f"{args.data}: PLOVER_GSR_CAMEO.dev.json not found", file=sys.stderr)
        return 2
    records = select(load_records(args.data), lambda r: sentence_part(r["text"]), args.part)[: args.limit]
    scores = evaluate(records)
    scores["part"] = args.part
    print(json.dumps(scores, indent=1) if args.json else report(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
