"""Train the learned event decisions (`tacitus.events.learned`) on the tune part of the development sets.

Two linear models over parse features, written as JSON weights to `src/tacitus/events/data/`:
- `learned-predicate.json`: is a verb an event, and of which PLOVER type (or NONE);
- `learned-argument.json`: is an actor of the sentence the predicate's source, its target, or neither.

Examples, all from the *tune* part (`eval/splits.py`), never the check part:
- plv rows: the marked source and target, the gold type (YIELD kept as a label, read as RETREAT/CONCEDE);
- PLOVER-GSR records: the gold source/target actor text and type (2016 labels mapped to 2021);
- cameo-ner sentences: source (S) and target (T) spans (arguments only: no type);
- cameo-class neutral statements (label 0): every verb is NONE;
- WikiEvents mentions (articles of the tune part) whose KAIROS type has a PLOVER sense (attack, arrest,
  charge, trial, release, request, threat, demonstration, meeting), with their gold trigger and roles;
- `train/events_examples.tsv`, sentences written for this project: every type, mode and status, and
  non-events (statements, metaphors, writers' hypotheticals) as NONE.
The predicate of a marked pair is the nearest verb at or above the target's head (the source's, without a
target); the sentence's other verbs are NONE examples with a lower weight (they may be unmarked events).
Candidates for the sides are the actors the actor stage finds in the sentence, as at run time.

    .venv/bin/python train/events_learned.py [--data DIR]     (make train; fixed seed, CPU, about 2 minutes)
    .venv/bin/python train/events_learned.py --inner-fold --out /tmp/inner   (models for eval/events_thresholds.py)
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
sys.path.insert(0, str(REPO / "eval"))

from sentence_sets import (  # noqa: E402
    EVAL_DATA,
    overlaps,
    read_cameo_class,
    read_cameo_ner,
    read_plv,
)
from splits import article_part, normalise_sentence, sentence_part  # noqa: E402

EXAMPLES = REPO / "train" / "events_examples.tsv"
OUT = REPO / "src" / "tacitus" / "events" / "data"
LABELS_2016 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
OTHER_VERB_WEIGHT = 0.3
MIN_COUNT = 2
# KAIROS roles are not PLOVER sides (a victim of a bombing is rarely the coded target); on the inner fold they
# lowered the cameo-ner side F1, so WikiEvents trains the predicate model only.
ARGUMENTS_FROM_WIKIEVENTS = False
SEED = 12


@dataclass
class Item:
    """One training sentence: the gold sides (character spans) and type, or a non-event (type NONE)."""

    text: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    type: str | None  # None: sides only (cameo-ner); "NONE": a sentence with no event
    trigger: tuple[int, int] | None = None  # the gold trigger when the set marks it (wikievents)


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


def read_examples(path: Path) -> list[Item]:
    """`TYPE<TAB>sentence` with `<s>…</s>` and `<t>…</t>` around the sides; NONE for a non-event."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, _, marked = line.partition("\t")
        if not marked:
            raise SystemExit(f"{path}:{number}: expected TYPE<TAB>sentence")
        text, spans = _unmark(marked.strip())
        items.append(Item(text, spans.get("s"), spans.get("t"), label.strip()))
    return items


def _find(text: str, phrase: str) -> tuple[int, int] | None:
    at = text.find(phrase) if phrase else -1
    return (at, at + len(phrase)) if at >= 0 else None


def read_gsr(path: Path) -> list[Item]:
    items = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if not record.get("text") or record.get("event") in (None, "DOCUMENT"):
            continue
        text = record["text"].strip()
        sides = []
        for key in ("source", "target"):
            actors = record.get(key) if isinstance(record.get(key), list) else []
            first = next((a.get("actorText", "") for a in actors if isinstance(a, dict)), "")
            sides.append(_find(text, first))
        items.append(Item(text, sides[0], sides[1], LABELS_2016.get(record["event"], record["event"])))
    return items


def inner_fold(text: str) -> bool:
    """One tune sentence in three, held out by `--inner-fold` to set the decision thresholds honestly."""
    import hashlib

    return hashlib.sha256(("inner\x00" + normalise_sentence(text)).encode()).digest()[0] % 3 == 0


# KAIROS event types of WikiEvents as PLOVER, and which argument roles are the source and the target. Deaths
# and injuries are assaults only with a killer or attacker named; types with no PLOVER sense are left out.
KAIROS = {
    "Conflict.Attack": "ASSAULT",
    "Life.Die": "ASSAULT",
    "Life.Injure": "ASSAULT",
    "Justice.ArrestJailDetain": "COERCE",
    "Justice.ChargeIndict": "ACCUSE",
    "Justice.TrialHearing": "ACCUSE",
    "Justice.InvestigateCrime": "ACCUSE",
    "Justice.Convict": "ACCUSE",
    "Justice.Sentence": "ACCUSE",
    "Justice.ReleaseParole": "RETREAT",
    "Contact.RequestCommand": "REQUEST",
    "Contact.ThreatenCoerce": "THREATEN",
    "Conflict.Demonstrate": "PROTEST",
    "Contact.Contact.Meet": "CONSULT",
}
SOURCE_ROLES = {
    "Attacker",
    "Killer",
    "Injurer",
    "Jailer",
    "Prosecutor",
    "Judge",
    "JudgeCourt",
    "Investigator",
}
SOURCE_ROLES |= {"Communicator", "Demonstrator"}
TARGET_ROLES = {"Target", "Victim", "Detainee", "Defendant", "Recipient", "Observed"}


def _kairos_type(event: dict) -> str | None:
    name = event["event_type"]
    found = next((KAIROS[k] for k in sorted(KAIROS, key=len, reverse=True) if name.startswith(k)), None)
    roles = {a["role"] for a in event.get("arguments", [])}
    if name.startswith(("Life.Die", "Life.Injure")) and not roles & SOURCE_ROLES:
        return None
    return found


# The WikiEvents articles of the whole-article gold (eval/gold/wikievents/) are scored as articles with their
# own tune/check split, so none of them is trained on; the folder's files are read too when present.
GOLD_ARTICLES = {
    "65_VOA_EN_NW_2014.07.21.1962165",
    "scenario_en_8",
    "scenario_en_85",
    "scenario_en_kairos_73",
    "scenario_en_kairos_75",
    "suicide_ied_11",
    "wiki_ied_bombings_1_news_3",
    "wiki_ied_bombings_9",
}


def gold_articles() -> set[str]:
    folder = REPO / "eval" / "gold" / "wikievents"
    return GOLD_ARTICLES | ({path.stem for path in folder.glob("*.yaml")} if folder.is_dir() else set())


def _sentence_span(tokens, sentence_of, index, base, start, end) -> tuple[int, int] | None:
    """Character offsets in sentence `index` of tokens start..end, or None when they lie outside it."""
    if start >= len(tokens) or sentence_of[start] != index:
        return None
    return tokens[start][1] - base, tokens[min(end, len(tokens)) - 1][2] - base


def read_wikievents(folder: Path) -> list[Item]:
    """One item per WikiEvents event mention of a PLOVER sense, in its sentence: tune articles that are not
    in the whole-article gold."""
    items, held_out = [], gold_articles()
    for name in ("dev.jsonl", "test.jsonl"):
        path = folder / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            if article_part("wikievents", article["doc_id"]) != "tune" or article["doc_id"] in held_out:
                continue
            tokens = [tok for sentence_tokens, _ in article["sentences"] for tok in sentence_tokens]
            sentence_of = [
                n for n, (sentence_tokens, _) in enumerate(article["sentences"]) for _ in sentence_tokens
            ]
            entities = {e["id"]: e for e in article["entity_mentions"]}
            for event in article["event_mentions"]:
                plover = _kairos_type(event)
                first = event["trigger"]["start"]
                if plover is None or first >= len(tokens):
                    continue
                index = sentence_of[first]
                sentence_tokens, text = article["sentences"][index]
                base = sentence_tokens[0][1]

                def span(start: int, end: int, at=(tokens, sentence_of, index, base)):
                    return _sentence_span(*at, start, end)

                sides = {"source": None, "target": None}
                for argument in event.get("arguments", []):
                    entity = entities.get(argument["entity_id"])
                    role = "source" if argument["role"] in SOURCE_ROLES else "target"
                    if entity and argument["role"] in SOURCE_ROLES | TARGET_ROLES and sides[role] is None:
                        sides[role] = span(entity["start"], entity["end"])
                trigger = span(first, event["trigger"]["end"])
                if trigger is not None:
                    items.append(Item(text, sides["source"], sides["target"], plover, trigger))
    return items


def tune_items(data: Path) -> list[Item]:
    items: list[Item] = []
    items += [Item(r.text, r.source, r.target, r.type) for r in read_plv(data / "plv" / "PLV_train.tsv")]
    items += read_gsr(data / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json")
    for sentence in read_cameo_ner(data / "cameo-ner" / "train.txt"):
        source = (sentence.spans.get("S") or [None])[0]
        target = (sentence.spans.get("T") or [None])[0]
        if source or target:
            items.append(Item(sentence.text, source, target, None))
    items += [
        Item(t, None, None, "NONE")
        for t, label in read_cameo_class(data / "cameo-class" / "train.tsv")
        if label == 0
    ]
    tune = [item for item in items if sentence_part(item.text) == "tune"]
    # WikiEvents is split by article (already filtered); our own sentences are all training data
    return tune + read_wikievents(data / "wikievents") + read_examples(EXAMPLES)


def verb_at_or_above(token):
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ == "VERB":
            return candidate
    return None


def collect(items: list[Item]):
    """(features, label, weight) rows for the predicate model and for the argument model."""
    os.environ["TACITUS_STAGES"] = "actors,time,quotes"  # the events stage itself is not needed
    from tacitus import nlp, pipeline
    from tacitus.analysis import Analysis, analysis_text
    from tacitus.contract import Article
    from tacitus.events.coding import Coder
    from tacitus.events.learned.decide import argument_example, predicate_example, sentence_candidates
    from tacitus.events.ontology import load_lexicon, load_ontology

    ontology, lexicon = load_ontology(), load_lexicon()
    predicates, arguments = [], []
    docs = nlp.parse_many((item.text for item in items), batch_size=32)
    for number, (item, doc) in enumerate(zip(items, docs, strict=True)):
        document = pipeline.process(Article(id=f"t{number}", text=item.text), parsed=doc)
        coder = Coder(
            Analysis(doc=doc, published=None, parts=analysis_text(item.text, [])[1]),
            document,
            ontology,
            lexicon,
        )
        if item.type == "NONE":
            predicates += [(predicate_example(coder, t), "NONE", 1.0) for t in doc if t.pos_ == "VERB"]
            continue
        if item.trigger is not None:
            piece = doc.char_span(*item.trigger, alignment_mode="expand")
            trigger = piece.root if piece is not None and len(piece) else None
        else:
            anchor = item.target or item.source
            piece = doc.char_span(*anchor, alignment_mode="expand") if anchor else None
            trigger = verb_at_or_above(piece.root) if piece is not None and len(piece) else None
        if trigger is None:
            continue
        if item.type is not None and trigger.pos_ == "VERB":
            predicates.append((predicate_example(coder, trigger), item.type, 1.0))
            predicates += [
                (predicate_example(coder, t), "NONE", OTHER_VERB_WEIGHT)
                for t in trigger.sent
                if t.pos_ == "VERB" and t.i != trigger.i
            ]
        if item.trigger is not None and not ARGUMENTS_FROM_WIKIEVENTS:
            continue
        for candidate in sentence_candidates(coder, trigger.sent):
            span = (candidate.head.idx, candidate.head.idx + len(candidate.head.text))
            label = (
                "source"
                if item.source and overlaps(span, item.source)
                else "target"
                if item.target and overlaps(span, item.target)
                else "none"
            )
            arguments.append((argument_example(coder, trigger, candidate), label, 1.0))
    return predicates, arguments


def fit(name: str, rows, c: float) -> dict:
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats, _, _ in rows for f in set(feats))
    keep = [{f: 1 for f in feats if counts[f] >= MIN_COUNT} for feats, _, _ in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(keep)
    labels = [label for _, label, _ in rows]
    weights = [weight for _, _, weight in rows]
    model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    model.fit(matrix, labels, sample_weight=weights)
    names = vectorizer.get_feature_names_out()
    coef = model.coef_
    table = {}
    for j, feature in enumerate(names):
        row = [float(coef[k, j]) for k in range(coef.shape[0])]
        if any(abs(w) >= 1e-3 for w in row):
            table[feature] = [round(w, 4) for w in row]
    return {
        "format": "tacitus-linear-1",
        "name": name,
        "classes": [str(c) for c in model.classes_],
        "intercept": [round(float(x), 4) for x in model.intercept_],
        "weights": dict(sorted(table.items())),
        "trained_on": {"rows": len(rows), "labels": dict(Counter(labels).most_common())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=EVAL_DATA)
    parser.add_argument("--out", type=Path, default=OUT, help="where the learned-*.json files go")
    parser.add_argument(
        "--inner-fold",
        action="store_true",
        help="leave one tune sentence in three out (for setting thresholds on sentences the model never saw)",
    )
    parser.add_argument("--c", type=float, default=1.5, help="inverse regularisation strength of both models")
    args = parser.parse_args(argv)
    if not (args.data / "plv" / "PLV_train.tsv").is_file():
        print(f"{args.data}: development data not found (set TACITUS_EVAL_DATA)", file=sys.stderr)
        return 2
    start = time.perf_counter()
    items = tune_items(args.data)
    if args.inner_fold:
        items = [item for item in items if not inner_fold(item.text)]
    predicates, arguments = collect(items)
    print(f"{len(items)} sentences: {len(predicates)} predicate rows, {len(arguments)} argument rows")
    for name, rows, c in (("predicate", predicates, args.c), ("argument", arguments, args.c)):
        model = fit(name, rows, c)
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"learned-{name}.json"
        path.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"{path}: {len(model['weights'])} features, {path.stat().st_size // 1024} KB")
    print(f"trained in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
