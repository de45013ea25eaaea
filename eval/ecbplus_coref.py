"""Cross-document event coreference on ECB+ with Tacitus' event-cluster rule (`tacitus.dedup.compat`).

The usual setting: gold event mentions (ACTION_* and NEG_ACTION_* markables in the sentences listed in
ECBplus_coreference_sentences.csv), predicted clusters, scored with MUC, B³, CEAF-e and CoNLL F1 against the
CROSS_DOC_COREF / INTRA_DOC_COREF chains (a mention in neither is a singleton). Topics 1–25 tune, topics
26–45 are the test split reported. Within a topic, documents are read in file order and each mention joins an
existing cluster incrementally, exactly as an article's events join the store's clusters:
- kind: the trigger's lemma (ECB+ has no PLOVER types; the lemma is the finest "type");
- actors, places, times: the words of the HUMAN_PART*, LOC* and TIME* markables of the mention's document
  (or sentence, see `--scope`) — ECB+ does not link arguments to events, so the text around the mention
  stands in for its arguments;
- no resolved dates (ECB+ has no publication dates), so times compare by their words.
The baseline, computed in the same run, joins every mention of the same lemma within a topic.

    .venv/bin/python eval/ecbplus_coref.py [--data DIR] [--json] [--no-tune]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from tacitus.dedup.compat import Clusterer, EventKey, Settings  # noqa: E402
from tacitus.dedup.metrics import conll  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval-data" / "ecbplus" / "ECB+_LREC2014"
TUNE_TOPICS = range(1, 26)
TEST_TOPICS = range(26, 46)
STOP = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "and",
    "'s",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "he",
    "she",
    "they",
    "it",
    "him",
    "them",
    "who",
    "which",
    "we",
    "i",
    "you",
    "one",
    "s",
    "last",
    "for",
    "by",
    "with",
    "from",
    "",
    ",",
    ".",
    "``",
    "''",
    "-",
    "--",
    "(",
    ")",
    "our",
    "my",
    "your",
    "there",
    "here",
}


@dataclass(frozen=True)
class Mention:
    id: str
    topic: int
    doc: str
    sentence: int
    tokens: tuple[int, ...]
    gold: str


@dataclass
class Doc:
    name: str
    topic: int
    words: dict[int, str]
    sentence_of: dict[int, int]
    mentions: list[Mention]
    arguments: dict[str, list[tuple[int, tuple[int, ...]]]]  # kind → (sentence, token ids)


def read_selected(data: Path) -> set[tuple[str, int]]:
    with open(data / "ECBplus_coreference_sentences.csv", newline="") as stream:
        return {
            (f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in csv.DictReader(stream)
        }


def read_doc(path: Path, topic: int, selected: set[tuple[str, int]]) -> Doc:
    root = ET.parse(path).getroot()
    name = path.name.removesuffix(".xml")
    words, sentence_of = {}, {}
    for token in root.iter("token"):
        t_id = int(token.get("t_id"))
        words[t_id] = token.text or ""
        sentence_of[t_id] = int(token.get("sentence"))
    anchored: dict[str, tuple[str, tuple[int, ...]]] = {}
    instances: dict[str, str] = {}
    for markable in root.find("Markables"):
        anchors = tuple(int(a.get("t_id")) for a in markable.iter("token_anchor"))
        if anchors:
            anchored[markable.get("m_id")] = (markable.tag, anchors)
        elif markable.get("instance_id"):
            instances[markable.get("m_id")] = markable.get("instance_id")
    chain_of: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        target = relation.find("target").get("m_id")
        chain = relation.get("note") if relation.tag == "CROSS_DOC_COREF" else None
        chain = chain or instances.get(target) if relation.tag == "CROSS_DOC_COREF" else f"{name}:{target}"
        for source in relation.iter("source"):
            chain_of[source.get("m_id")] = chain
    mentions, arguments = [], defaultdict(list)
    for m_id, (tag, anchors) in anchored.items():
        sentence = sentence_of[anchors[0]]
        if tag.startswith(("ACTION_", "NEG_ACTION_")):
            if (name, sentence) in selected:
                mention_id = f"{name}:{m_id}"
                mentions.append(
                    Mention(mention_id, topic, name, sentence, anchors, chain_of.get(m_id, mention_id))
                )
        else:
            kind = (
                "actors"
                if tag.startswith("HUMAN_PART")
                else "places"
                if tag.startswith("LOC")
                else "times"
                if tag.startswith("TIME")
                else None
            )
            if kind:
                arguments[kind].append((sentence, anchors))
    mentions.sort(key=lambda m: m.tokens)
    return Doc(name, topic, words, sentence_of, mentions, dict(arguments))


def read_corpus(data: Path, topics) -> list[Doc]:
    selected = read_selected(data)
    docs = []
    for topic in topics:
        folder = data / "ECB+" / str(topic)
        if not folder.is_dir():
            continue
        paths = sorted(
            folder.glob("*.xml"),
            key=lambda p: (p.stem.endswith("plus"), int(p.stem.split("_")[1].rstrip("ecbplus"))),
        )
        docs.extend(read_doc(path, topic, selected) for path in paths)
    return docs


class Lemmas:
    """The trigger lemma of each mention: spaCy's lemma of its head word (the first verb, else the last noun)."""

    def __init__(self):
        import spacy
        from spacy.tokens import Doc as SpacyDoc

        from tacitus.nlp import MODEL_NAME

        self._nlp = spacy.load(MODEL_NAME, exclude=["parser", "ner"])
        self._doc = SpacyDoc

    def of_docs(self, docs: list[Doc]) -> dict[str, str]:
        lemmas = {}
        for doc in docs:
            by_sentence = defaultdict(list)
            for t_id in sorted(doc.words):
                by_sentence[doc.sentence_of[t_id]].append(t_id)
            wanted = {m.sentence for m in doc.mentions}
            for sentence in wanted:
                ids = by_sentence[sentence]
                parsed = self._nlp(self._doc(self._nlp.vocab, words=[doc.words[i] or "_" for i in ids]))
                token_of = dict(zip(ids, parsed, strict=True))
                for mention in (m for m in doc.mentions if m.sentence == sentence):
                    tokens = [token_of[i] for i in mention.tokens if i in token_of]
                    head = next((t for t in tokens if t.pos_ in ("VERB", "AUX")), None)
                    head = head or next((t for t in reversed(tokens) if t.pos_ in ("NOUN", "PROPN")), None)
                    head = head or tokens[-1]
                    lemmas[mention.id] = head.lemma_.lower()
        return lemmas


def _words(doc: Doc, anchors: tuple[int, ...]) -> set[str]:
    return {doc.words[i].lower() for i in anchors} - STOP


def keys(docs: list[Doc], lemmas: dict[str, str], scope: str) -> list[tuple[Mention, EventKey]]:
    """Each mention with its key: kind = lemma, group = topic, arguments from its document or sentence."""
    result = []
    for doc in docs:
        for mention in doc.mentions:
            found = {}
            for kind in ("actors", "places", "times"):
                spans = doc.arguments.get(kind, [])
                if scope == "sentence":
                    spans = [s for s in spans if s[0] == mention.sentence] or spans
                found[kind] = frozenset(itertools.chain.from_iterable(_words(doc, a) for _, a in spans))
            result.append((mention, EventKey(kind=lemmas[mention.id], group=str(mention.topic), **found)))
    return result


def gold_clusters(mentions: list[Mention]) -> list[list[str]]:
    chains = defaultdict(list)
    for mention in mentions:
        chains[mention.gold].append(mention.id)
    return list(chains.values())


def lemma_baseline(keyed) -> list[list[str]]:
    clusters = defaultdict(list)
    for mention, key in keyed:
        clusters[(key.group, key.kind)].append(mention.id)
    return list(clusters.values())


def tacitus_clusters(keyed, settings: Settings) -> list[list[str]]:
    clusterer = Clusterer(settings)
    for mention, key in keyed:
        clusterer.add(key, mention.id)
    return [cluster.members for cluster in clusterer.clusters]


GRID = {
    "scope": ["document", "sentence"],
    "threshold": [0.05, 0.1, 0.15, 0.2, 0.3, 0.4],
    "actor_weight": [1.0, 0.5],
    "place_weight": [1.0, 0.5],
    "time_weight": [1.0, 0.5],
    "unknown_fit": [0.0, 1.0],
}


def tune(keyed_by_scope, gold) -> tuple[str, Settings, float]:
    best = None
    for scope in GRID["scope"]:
        for threshold, aw, pw, tw, unknown in itertools.product(
            GRID["threshold"],
            GRID["actor_weight"],
            GRID["place_weight"],
            GRID["time_weight"],
            GRID["unknown_fit"],
        ):
            settings = Settings(
                threshold=threshold,
                actor_weight=aw,
                place_weight=pw,
                time_weight=tw,
                unknown_fit=unknown,
                place_conflict_blocks=False,
            )
            score = conll(gold, tacitus_clusters(keyed_by_scope[scope], settings))["conll_f1"]
            if best is None or score > best[2]:
                best = (scope, settings, score)
    return best


def run(data: Path, *, do_tune: bool = True) -> dict:
    started = time.perf_counter()
    lemmas = Lemmas()
    tune_docs, test_docs = read_corpus(data, TUNE_TOPICS), read_corpus(data, TEST_TOPICS)
    if not test_docs:
        raise SystemExit(f"no ECB+ topics 26–45 under {data}")
    lemma_of = lemmas.of_docs(tune_docs + test_docs)
    default_scope, settings = "document", replace(Settings(), place_conflict_blocks=False)
    tuned = None
    if do_tune:
        tune_mentions = [m for d in tune_docs for m in d.mentions]
        by_scope = {scope: keys(tune_docs, lemma_of, scope) for scope in GRID["scope"]}
        default_scope, settings, tune_score = tune(by_scope, gold_clusters(tune_mentions))
        tuned = {"scope": default_scope, "settings": settings.__dict__, "conll_f1_topics_1_25": tune_score}
    test_mentions = [m for d in test_docs for m in d.mentions]
    keyed = keys(test_docs, lemma_of, default_scope)
    gold = gold_clusters(test_mentions)
    return {
        "data": str(data),
        "test_topics": "26-45",
        "documents": len(test_docs),
        "mentions": len(test_mentions),
        "gold_clusters": len(gold),
        "tuned_on_topics_1_25": tuned,
        "tacitus": conll(gold, tacitus_clusters(keyed, settings)),
        "same_lemma_baseline": conll(gold, lemma_baseline(keyed)),
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="Print the whole result as JSON.")
    parser.add_argument("--no-tune", action="store_true", help="Use the store's default settings, untuned.")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: {args.data}: ECB+ not found", file=sys.stderr)
        return 1
    result = run(args.data, do_tune=not args.no_tune)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"ECB+ topics 26–45: {result['documents']} documents, {result['mentions']} gold event mentions, "
        f"{result['gold_clusters']} gold clusters ({result['seconds']} s)"
    )
    if result["tuned_on_topics_1_25"]:
        t = result["tuned_on_topics_1_25"]
        print(
            f"tuned on topics 1–25: scope={t['scope']} {t['settings']} (CoNLL F1 there {t['conll_f1_topics_1_25']})"
        )
    print(f"{'system':22} {'MUC F1':>7} {'B3 F1':>7} {'CEAF-e F1':>10} {'CoNLL F1':>9}")
    for name in ("tacitus", "same_lemma_baseline"):
        s = result[name]
        print(
            f"{name:22} {s['muc']['f1']:7.4f} {s['b3']['f1']:7.4f} {s['ceaf_e']['f1']:10.4f} {s['conll_f1']:9.4f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
