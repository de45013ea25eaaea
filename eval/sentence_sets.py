"""Shared readers and helpers of the sentence-level event evaluations (plv, cameo-class, cameo-ner).

Each gold sentence is one article run through the whole pipeline (`tacitus.pipeline.process`), parsed in
batches. The sentence's main event is the one whose evidence starts highest in the parse (as in
`events_plover.py`). An actor's span in the sentence is the mention of that actor nearest the event's
evidence, so an actor named twice counts once.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from events_plover import main_event  # noqa: E402  (one definition of the main event)

# `../shared/eval-data` beside the checkout; $TACITUS_EVAL_DATA where the checkout is a worktree elsewhere.
EVAL_DATA = Path(os.environ.get("TACITUS_EVAL_DATA", REPO.parent / "shared" / "eval-data"))
NO_SPACE_BEFORE = {
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "%",
    "'s",
    "'",
    "n't",
    "’s",
    "ʼs",
    "''",
    "'re",
    "'ve",
}
NO_SPACE_AFTER = {"(", "[", "$", "``"}


@dataclass
class PairRow:
    """One plv row: a sentence with one (source, target) pair, its character spans and the gold type."""

    id: str
    text: str
    source: tuple[int, int]
    target: tuple[int, int] | None  # None: the target is not in the sentence ("a recipient")
    type: str
    quad: int


@dataclass
class SpanSentence:
    """One cameo-ner sentence rebuilt from its tokens, with the gold spans by role ("S", "T", "R")."""

    text: str
    spans: dict[str, list[tuple[int, int]]]


def read_plv(path: Path) -> list[PairRow]:
    """plv rows; the spans come from `marked_sentence` (`<s>…</s>`, `<t>…</t>`) with the tags removed."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            text, spans = _unmark(record["marked_sentence"])
            if "s" not in spans:
                print(f"{path}: row {record['sentence_id']} has no marked source, skipped", file=sys.stderr)
                continue
            rows.append(
                PairRow(
                    id=record["sentence_id"],
                    text=text,
                    source=spans["s"],
                    target=spans.get("t"),
                    type=record["gold_root"].strip(),
                    quad=int(record["gold_penta"]),
                )
            )
    return rows


def _unmark(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    out, spans, open_at, position = [], {}, {}, 0
    for piece in re.split(r"(</?[st]>)", marked):
        tag = re.fullmatch(r"<(/?)([st])>", piece)
        if tag:
            if tag.group(1):
                spans[tag.group(2)] = (open_at.pop(tag.group(2), position), position)
            else:
                open_at[tag.group(2)] = position
            continue
        out.append(piece)
        position += len(piece)
    return "".join(out), spans


def read_cameo_class(path: Path) -> list[tuple[str, int]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        if not text or label.strip() not in {"0", "1", "2", "3", "4"}:
            print(f"{path}:{number}: no sentence<TAB>0-4 label, skipped", file=sys.stderr)
            continue
        rows.append((text.strip(), int(label)))
    return rows


def read_cameo_ner(path: Path) -> list[SpanSentence]:
    sentences, tokens = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            if tokens:
                sentences.append(_rebuild(tokens))
                tokens = []
            continue
        word, _, tag = line.rpartition(" ")
        if not word:
            print(f"{path}:{number}: no 'token TAG' pair, skipped", file=sys.stderr)
            continue
        tokens.append((word, tag))
    if tokens:
        sentences.append(_rebuild(tokens))
    return sentences


def _rebuild(tokens: list[tuple[str, str]]) -> SpanSentence:
    text, spans, current, previous = "", {}, None, ""
    for word, tag in tokens:
        if text and word not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
            text += " "
        start = len(text)
        text += word
        previous = word
        kind, _, role = tag.partition("-")
        if kind == "B" or (kind == "I" and (current is None or current[0] != role)):
            current = [role, start, len(text)]
            spans.setdefault(role, []).append(current)
        elif kind == "I":
            current[2] = len(text)
        else:
            current = None
    return SpanSentence(text=text, spans={k: [(s, e) for _, s, e in v] for k, v in spans.items()})


def run_pipeline(texts: list[str]) -> list[tuple[object, object]]:
    """(document, spaCy doc) for each sentence, each one article."""
    from tacitus import nlp, pipeline
    from tacitus.contract import Article

    articles = [Article(id=f"s{i}", text=text) for i, text in enumerate(texts)]
    docs = nlp.parse_many((a.text for a in articles), batch_size=32)
    return [(pipeline.process(a, parsed=d), d) for a, d in zip(articles, docs, strict=True)]


def actor_spans(document, actor_ids: list[str], near: int) -> list[tuple[int, int]]:
    """For each actor, its mention in the sentence nearest the offset `near`."""
    spans = []
    by_id = {actor.id: actor for actor in document.actors}
    for actor_id in actor_ids:
        actor = by_id.get(actor_id)
        mentions = [(m.start, m.end) for m in actor.mentions if m.part is None] if actor else []
        if mentions:
            spans.append(min(mentions, key=lambda m: abs(m[0] - near)))
    return spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def macro_f1(pairs: list[tuple[object, object]], labels) -> tuple[float, dict]:
    per, f1s = {}, []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[label] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "gold": tp + fn,
        }
        f1s.append(f1)
    return (round(sum(f1s) / len(f1s), 3) if f1s else 0.0), per


__all__ = ["main_event", "read_plv", "read_cameo_class", "read_cameo_ner", "run_pipeline", "actor_spans"]


def eval_main(
    argv, *, description: str, default_data: Path, set_name: str, read, text_of, evaluate, report
) -> int:
    """The command line every sentence-level evaluation shares: --data, --part (the split of `splits.py`,
    by sentence text), --limit, --json; a missing data file is one line and exit 2."""
    from splits import select, sentence_part

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--part", default="all", choices=["tune", "check", "all"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found (the {set_name} development set)", file=sys.stderr)
        return 2
    records = select(read(args.data), lambda record: sentence_part(text_of(record)), args.part)[: args.limit]
    scores = evaluate(records)
    scores["part"] = args.part
    print(json.dumps(scores, indent=1) if args.json else report(scores))
    return 0
