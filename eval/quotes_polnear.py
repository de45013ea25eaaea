"""Quote attribution on PolNeAR (development split): Tacitus against textacy's direct-quotation extractor.

Gold: every PolNeAR attribution (E line) with both a Source and a Content span, from the first annotator's file
of each article (sorted by name). Prediction: every attribution `tacitus.quotes.find_quotes` returns (direct,
reported, "according to", beliefs; a direct quote nested in a reported clause of the same cue counts once, as
the clause), and every `textacy.extract.triples.direct_quotations` triple, on the same spaCy parse.

A predicted (speaker, content) pair matches a gold attribution when
  - content: the word tokens shared by the two content spans are at least 50% of the gold content's words AND
    at least 50% of the predicted content's words (so neither a fragment nor a whole paragraph matches), and
  - speaker: the predicted speaker's head word lies inside the gold Source span (pronouns count: PolNeAR marks
    "he" as the source where the text says "he said").
Matching is one-to-one, greedy in text order. We report precision, recall and F1 of attributions, and of
content alone (speaker ignored).

Articles are split by `eval/splits.py` (`article_part("polnear", file id)`): rules are tuned on `--part tune`
and reported on both parts.

    .venv/bin/python eval/quotes_polnear.py [--part tune|check|all] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TACITUS_SHARED", REPO.parent / "shared"))  # ../shared beside the repository
POLNEAR = SHARED / "eval-data" / "polnear" / "data" / "dev"
_WORD = re.compile(r"\w+")
sys.path.insert(0, str(REPO / "eval"))
from splits import article_part  # noqa: E402


@dataclass
class Attribution:
    speaker: list[tuple[int, int]]  # character ranges (gold: Source fragments; predicted: the head word)
    content: list[tuple[int, int]]


def read_gold(ann: Path) -> list[Attribution]:
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, ranges = fields[1].split(" ", 1)
            spans[fields[0]] = [tuple(int(x) for x in part.split()) for part in ranges.split(";")]
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    gold = []
    for relation in relations:
        if "Source" in relation and "Content" in relation:
            gold.append(Attribution(speaker=spans[relation["Source"]], content=spans[relation["Content"]]))
    return gold


def articles(limit: int | None = None, part: str = "all") -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, gold) for each development article of the part, first annotator's file only."""
    result = []
    for text_path in sorted((POLNEAR / "text").glob("*.txt")):
        if part != "all" and article_part("polnear", text_path.stem) != part:
            continue
        anns = sorted((POLNEAR / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        result.append((text_path.stem, text_path.read_text(encoding="utf-8"), read_gold(anns[0])))
        if limit and len(result) >= limit:
            break
    return result


def _words(text: str, ranges: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the word tokens inside the character ranges."""
    return {m.start() for start, end in ranges for m in _WORD.finditer(text, start, end)}


def _inside(ranges: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    return any(s <= a and b <= e for a, b in ranges for s, e in others)


def score(text: str, gold: list[Attribution], predicted: list[Attribution]) -> dict[str, int]:
    gold_words = [_words(text, g.content) for g in gold]
    used_full: set[int] = set()
    used_content: set[int] = set()
    full = content_only = 0
    for prediction in predicted:
        words = _words(text, prediction.content)
        if not words:
            continue
        for index, gw in enumerate(gold_words):
            shared = len(words & gw)
            if not gw or shared < 0.5 * len(gw) or shared < 0.5 * len(words):
                continue
            if index not in used_content:
                used_content.add(index)
                content_only += 1
                break
        for index, gw in enumerate(gold_words):
            shared = len(words & gw)
            if index in used_full or not gw or shared < 0.5 * len(gw) or shared < 0.5 * len(words):
                continue
            if prediction.speaker and _inside(prediction.speaker, gold[index].speaker):
                used_full.add(index)
                full += 1
                break
    return {"gold": len(gold), "predicted": len(predicted), "matched": full, "content_matched": content_only}


def tacitus_attributions(doc) -> list[Attribution]:
    from tacitus.quotes import find_quotes

    result = []
    for finding in find_quotes(doc):
        if finding.nested:
            continue
        speaker = []
        if finding.speaker is not None:
            head = doc[finding.speaker[0]]
            speaker = [(head.idx, head.idx + len(head.text))]
        result.append(Attribution(speaker=speaker, content=[(finding.char_start, finding.char_end)]))
    return result


def textacy_attributions(doc) -> list[Attribution]:
    from textacy.extract.triples import direct_quotations

    result = []
    try:
        triples = list(direct_quotations(doc))
    except (ValueError, RuntimeError):  # textacy bails out on unbalanced quotation marks
        return result
    for triple in triples:
        speaker = [(t.idx, t.idx + len(t.text)) for t in triple.speaker[-1:]]
        content = [(triple.content.start_char, triple.content.end_char)]
        result.append(Attribution(speaker=speaker, content=content))
    return result


def textacy_version() -> str | None:
    try:
        import textacy
    except ImportError:
        return None
    return getattr(textacy, "__version__", "unknown")


def prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def evaluate(limit: int | None = None, part: str = "all") -> dict:
    from tacitus import nlp

    data = articles(limit, part)
    version = textacy_version()
    systems = {"tacitus": tacitus_attributions}
    if version is not None:
        systems["textacy"] = textacy_attributions
    totals = {name: {"gold": 0, "predicted": 0, "matched": 0, "content_matched": 0} for name in systems}
    started = time.perf_counter()
    for (_name, text, gold), doc in zip(data, nlp.parse_many(t for _, t, _ in data), strict=True):
        for system, extract in systems.items():
            counts = score(text, gold, extract(doc))
            for key, value in counts.items():
                totals[system][key] += value
    report = {
        "articles": len(data),
        "seconds": round(time.perf_counter() - started, 1),
        "textacy_version": version,
        "systems": {},
    }
    for system, counts in totals.items():
        report["systems"][system] = {
            "attribution": prf(counts["matched"], counts["predicted"], counts["gold"]),
            "content_only": prf(counts["content_matched"], counts["predicted"], counts["gold"]),
            **counts,
        }
    if version is None:
        report["note"] = "textacy is not installed: baseline skipped (.venv/bin/pip install textacy)"
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--part", default="all", choices=["tune", "check", "all"], help="eval/splits.py part")
    args = parser.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"PolNeAR development data not found at {POLNEAR}", file=sys.stderr)
        return 2
    report = evaluate(args.limit, args.part)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"PolNeAR dev ({args.part}): {report['articles']} articles, {report['seconds']} s, textacy {report['textacy_version']}"
    )
    if "note" in report:
        print(report["note"])
    for system, result in report["systems"].items():
        a, c = result["attribution"], result["content_only"]
        print(
            f"{system:8} attribution P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f}   "
            f"content-only P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}   "
            f"(gold {result['gold']}, predicted {result['predicted']}, matched {result['matched']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
