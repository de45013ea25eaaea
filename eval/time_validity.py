"""Every TIMEX3 value the time stage produces on every development text, checked against the value grammar.

    .venv/bin/python eval/time_validity.py [--parse tokens|full] [--sets meantime,polnear,…] [--sample N]

The tagger drops an invalid value with a warning (`find_timexes(…, warnings)`), so the check counts those
warnings: a clean run has none. Texts are tagged in turn with their publication date (2024-06-11 when the
set gives none) and without one (the partly unresolved `XXXX` forms): every other text of each set takes
the second path; `--both` tags every text both ways.

What the time stage needs from the parse: its rules are regular expressions over the text; the parse only
decides between values (tense for the direction of "Friday", tags and entities to reject names and counts)
and gives sentence boundaries. So two paths:
- `--parse tokens` (default; what the test runs over every text): spaCy's tokenizer and the rule-based
  sentencizer, no statistical model. Every pattern fires and every value is formatted; without tags the
  resolvers that need a noun ("the fall") or a name check fall back to their conservative side.
- `--parse full`: the pipeline's own parse (`nlp.parse_many`), as production runs it; minutes over all sets,
  so the test runs it on a fixed sample (`--sample N`: every N-th text of each set).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from time_devtexts import DEFAULT_DATA, READERS, DevText, missing, read_all  # noqa: E402

FALLBACK_DATE = date(2024, 6, 11)


@dataclass
class Report:
    texts: int = 0
    words: int = 0
    timexes: int = 0
    invalid: list[str] = field(default_factory=list)
    by_set: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def sample(texts: list[DevText], every: int) -> list[DevText]:
    """Every `every`-th text of each set (the first included), so a sample spans all sets."""
    if every <= 1:
        return texts
    seen: Counter = Counter()
    chosen = []
    for text in texts:
        if seen[text.dataset] % every == 0:
            chosen.append(text)
        seen[text.dataset] += 1
    return chosen


def _docs(texts: list[DevText], parse: str) -> Iterable:
    from tacitus import nlp

    if parse == "full":
        return nlp.parse_many((t.text for t in texts), batch_size=16)
    from spacy.pipeline import Sentencizer

    language = nlp.load()
    sentencizer = Sentencizer()
    return (sentencizer(language.make_doc(t.text)) for t in texts)


def check(texts: list[DevText], parse: str = "tokens", both: bool = False) -> Report:
    """Tag every text, with a publication date or without one in turn (`both`: each text both ways);
    collect the values the grammar rejected."""
    from tacitus.time import find_timexes

    report = Report()
    started = time.process_time()
    for text, doc in zip(texts, _docs(texts, parse), strict=True):
        report.texts += 1
        report.words += len(doc)
        dated = text.published or FALLBACK_DATE
        ways = (dated, None) if both else ((dated,) if report.by_set[text.dataset] % 2 == 0 else (None,))
        report.by_set[text.dataset] += 1
        for published in ways:
            warnings: list[str] = []
            report.timexes += len(find_timexes(doc, published, warnings))
            report.invalid.extend(f"{text.dataset}/{text.id} (published {published}): {w}" for w in warnings)
    report.seconds = time.process_time() - started
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--parse", choices=("tokens", "full"), default="tokens")
    parser.add_argument("--sets", default=",".join(READERS), help="comma-separated: " + ",".join(READERS))
    parser.add_argument("--sample", type=int, default=1, help="every N-th text of each set (1: all)")
    parser.add_argument("--both", action="store_true", help="tag every text with and without a date")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: development data not found", file=sys.stderr)
        return 2
    for line in missing(args.data):
        print(f"left out: {line}", file=sys.stderr)
    texts = sample(read_all(args.data, args.sets.split(",")), args.sample)
    report = check(texts, args.parse, args.both)
    sets = ", ".join(f"{name} {count}" for name, count in report.by_set.items())
    print(f"parse: {args.parse}; texts: {report.texts} ({sets}); tokens: {report.words}")
    print(f"timexes: {report.timexes}")
    print(f"invalid TIMEX3 values: {len(report.invalid)}")
    for line in report.invalid[:50]:
        print("  " + line)
    print(f"CPU seconds (tagging, and parsing or tokenising): {report.seconds:.1f}")
    return 1 if report.invalid else 0


if __name__ == "__main__":
    raise SystemExit(main())
