"""Cost of the actor and quote stages relative to the spaCy parse of the same texts.

Parses N articles (PolNeAR development texts, read at run time from ../shared/eval-data) with the pipeline's
model in one batch, then runs `tacitus.actors.annotate` and `tacitus.quotes.annotate` on each parse. The
knowledge base is loaded and its phrase matchers compiled once per process before timing (a one-off cost,
reported separately). Target: actors + quotes < 25% of the parse time.

    .venv/bin/python bench/stages_who.py [--limit 84] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEXTS = REPO.parent / "shared" / "eval-data" / "polnear" / "data" / "dev" / "text"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=84)
    parser.add_argument("--repeat", type=int, default=3, help="stage timings: best of this many passes")
    args = parser.parse_args(argv)
    paths = sorted(TEXTS.glob("*.txt"))[: args.limit]
    if len(paths) < 50 and args.limit >= 50:
        print(f"need at least 50 texts under {TEXTS}", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in paths]

    from tacitus import actors, nlp, quotes
    from tacitus.analysis import Analysis, Part
    from tacitus.contract import Article, Document

    nlp.load()
    started = time.perf_counter()
    kb = actors.current_knowledge_base()
    warm = nlp.parse("Warm-up: Reuters said Hamas met Russia's envoy.")
    actors.find_actors(Analysis(doc=warm, published=None, parts=[Part(None, 0, len(warm.text))]), kb)
    setup = time.perf_counter() - started

    started = time.perf_counter()
    docs = list(nlp.parse_many(texts, batch_size=16))
    parse = time.perf_counter() - started

    best_actors = best_quotes = float("inf")
    for _ in range(args.repeat):
        spent_actors = spent_quotes = 0.0
        for doc in docs:
            analysis = Analysis(doc=doc, published=None, parts=[Part(None, 0, len(doc.text))])
            document = Document(article=Article(id="bench", text=doc.text))
            t0 = time.perf_counter()
            actors.annotate(analysis, document)
            t1 = time.perf_counter()
            quotes.annotate(analysis, document)
            spent_actors += t1 - t0
            spent_quotes += time.perf_counter() - t1
        best_actors, best_quotes = min(best_actors, spent_actors), min(best_quotes, spent_quotes)

    characters = sum(len(t) for t in texts)
    ratio = (best_actors + best_quotes) / parse
    print(f"{len(texts)} articles, {characters} characters")
    print(f"  spaCy parse     {parse:7.2f} s")
    print(f"  actors stage    {best_actors:7.2f} s  ({best_actors / parse:.1%} of parse)")
    print(f"  quotes stage    {best_quotes:7.2f} s  ({best_quotes / parse:.1%} of parse)")
    print(f"  actors+quotes   {best_actors + best_quotes:7.2f} s  ({ratio:.1%} of parse; target < 25%)")
    print(f"  one-off setup   {setup:7.2f} s  (knowledge base load + matcher compile)")
    return 0 if ratio < 0.25 else 1


if __name__ == "__main__":
    sys.exit(main())
