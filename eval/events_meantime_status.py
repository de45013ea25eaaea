"""Event status against MEANTIME's factuality attributes (certainty, polarity, time) on 120 Wikinews articles.

Gold class of an event mention: polarity NEG → negated; else certainty POSSIBLE/PROBABLE → possible; else time
FUTURE → future; else factual. Our statuses map onto the same four classes: occurred/ongoing → factual;
planned/promised/requested/postponed → future; hypothetical/conditional → possible; denied/cancelled → negated.

Two scores:
- `verbs`: the status module (`tacitus.events.status.verb_status`) on every gold verbal event mention, read
  on the pipeline's own parse of the article (MEANTIME is economic news, so few of its events are PLOVER
  events; this measures the status logic on thousands of clauses);
- `events`: the coded PLOVER events whose evidence covers a gold mention (coverage reported).
Each: accuracy, macro F1 over the four classes, per-class P/R/F1 and the confusion.

The text is rebuilt from MEANTIME's tokens (one sentence a line); the document creation time is the
publication date.

    .venv/bin/python eval/events_meantime_status.py [--part tune|check|all] [--data DIR] [--limit N] [--json]

`--part` takes one part of the fixed split (`eval/splits.py`, by article); the default is all.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))
from splits import article_part, select  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval-data" / "meantime"
CLASSES = ("factual", "future", "possible", "negated")
STATUS_CLASS = {
    "occurred": "factual",
    "ongoing": "factual",
    "planned": "future",
    "promised": "future",
    "requested": "future",
    "postponed": "future",
    "hypothetical": "possible",
    "conditional": "possible",
    "denied": "negated",
    "cancelled": "negated",
}


@dataclass
class GoldMention:
    start: int
    end: int
    pos: str
    gold: str


@dataclass
class GoldDoc:
    name: str
    text: str
    published: str | None
    mentions: list[GoldMention]


def gold_class(attrs: dict) -> str:
    if attrs.get("polarity") == "NEG":
        return "negated"
    if attrs.get("certainty") in ("POSSIBLE", "PROBABLE"):
        return "possible"
    if attrs.get("time") == "FUTURE":
        return "future"
    return "factual"


def read_doc(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    pieces, offsets, sentence, cursor = [], {}, None, 0
    for token in root.iter("token"):
        if sentence is not None and token.get("sentence") != sentence:
            pieces.append("\n")
            cursor += 1
        elif pieces:
            pieces.append(" ")
            cursor += 1
        sentence = token.get("sentence")
        text = token.text or ""
        offsets[token.get("t_id")] = (cursor, cursor + len(text))
        pieces.append(text)
        cursor += len(text)
    published = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME" and timex.get("value"):
            published = timex.get("value")[:10]
    mentions = []
    for mention in root.iter("EVENT_MENTION"):
        anchors = [offsets[a.get("t_id")] for a in mention.iter("token_anchor") if a.get("t_id") in offsets]
        if anchors:
            mentions.append(
                GoldMention(
                    min(s for s, _ in anchors),
                    max(e for _, e in anchors),
                    mention.get("pos", ""),
                    gold_class(mention.attrib),
                )
            )
    return GoldDoc(path.stem, "".join(pieces), published, mentions)


def load_docs(data: Path = DEFAULT_DATA) -> list[GoldDoc]:
    return [read_doc(path) for path in sorted((data / "intra-doc_annotation").glob("*/*.xml"))]


def scores(pairs: list[tuple[str, str]]) -> dict:
    per_class, f1s = {}, []
    for label in CLASSES:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "gold": tp + fn,
        }
        if tp + fn:
            f1s.append(f1)
    confusion: dict[str, Counter] = {}
    for gold, predicted in pairs:
        confusion.setdefault(gold, Counter())[predicted] += 1
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    return {
        "n": len(pairs),
        "accuracy": round(accuracy, 3),
        "macro_f1": round(sum(f1s) / len(f1s), 3) if f1s else 0.0,
        "per_class": per_class,
        "confusion": {g: dict(c.most_common()) for g, c in confusion.items()},
    }


def evaluate(docs: list[GoldDoc]) -> dict:
    from tacitus import nlp, pipeline
    from tacitus.analysis import Analysis, analysis_text
    from tacitus.contract import Article
    from tacitus.events.coding import Coder
    from tacitus.events.ontology import load_lexicon, load_ontology
    from tacitus.events.status import verb_status

    lexicon, ontology = load_lexicon(), load_ontology()
    start = time.perf_counter()
    verb_pairs, event_pairs, gold_verbs = [], [], 0
    articles = [Article(id=d.name, text=d.text, published=d.published) for d in docs]
    parses = nlp.parse_many((a.text for a in articles), batch_size=16)
    for gold_doc, article, parsed in zip(docs, articles, parses, strict=True):
        document = pipeline.process(article, parsed=parsed)
        analysis = Analysis(
            doc=parsed, published=pipeline.publication_date(article), parts=analysis_text(article.text, [])[1]
        )
        coder = Coder(analysis, document, ontology, lexicon)
        for mention in gold_doc.mentions:
            if mention.pos != "VERB":
                continue
            gold_verbs += 1
            span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
            verbs = [t for t in span if t.pos_ in ("VERB", "AUX")] if span is not None else []
            if not verbs:
                continue
            status, _explicit = verb_status(verbs[0], lexicon, coder.speech_head(verbs[0]) is not None)
            verb_pairs.append((mention.gold, STATUS_CLASS[status.value]))
        for event in document.events:
            for mention in gold_doc.mentions:
                if any(s.part is None and s.start <= mention.start < s.end for s in event.evidence):
                    event_pairs.append((mention.gold, STATUS_CLASS[event.status.value]))
                    break
    return {
        "verbs": {**scores(verb_pairs), "gold_verbal_mentions": gold_verbs},
        "events": {**scores(event_pairs), "coded_events": sum(1 for _ in event_pairs)},
        "documents": len(docs),
        "seconds": round(time.perf_counter() - start, 1),
    }


def report(result: dict) -> str:
    lines = [f"documents {result['documents']}  ({result['seconds']} s)"]
    for key in ("verbs", "events"):
        part = result[key]
        lines.append(f"{key}: n={part['n']}  accuracy {part['accuracy']}  macro F1 {part['macro_f1']}")
        for label, row in part["per_class"].items():
            confusion = ", ".join(f"{p}:{n}" for p, n in part["confusion"].get(label, {}).items())
            lines.append(
                f"  {label:9} P {row['precision']:.2f} R {row['recall']:.2f} F1 {row['f1']:.2f} "
                f"(n={row['gold']})  → {confusion}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--part", choices=("tune", "check", "all"), default="all")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "intra-doc_annotation").is_dir():
        print(f"{args.data}: intra-doc_annotation/ not found", file=sys.stderr)
        return 2
    docs = select(load_docs(args.data), lambda d: article_part("meantime", d.name), args.part)
    result = evaluate(docs[: args.limit])
    print(json.dumps(result, indent=1) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
