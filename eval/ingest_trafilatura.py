"""Ingest on the trafilatura evaluation pages: every page read or failed with a reason, and metadata accuracy.

Two ways in, over the same 162 English pages and their hand-made gold (`evaldata_en.json`):
- `html`: each gzip'd page through `read_inputs` (HTML → trafilatura → light clean-up), as `tacitus ingest`
  reads a folder of pages;
- `scraped`: each page dumped to its visible text, one block per line (what a naive scraper or a browser's
  copy gives, like the sample article), then through `article_from_input`, i.e. the line cleaner.

Scores (gold entries that have the field): title exact (case, spacing, quote style and end punctuation
normalised), title similar (difflib ratio ≥ 0.8 on the normalised forms), date exact (first ten characters
equal to the gold YYYY-MM-DD); snippets: a "with" snippet found in the body is kept, a "without" snippet
absent from the body is dropped (both matched after whitespace/quote normalisation).

    .venv/bin/python eval/ingest_trafilatura.py [--data DIR] [--limit N] [--mode html|scraped|both] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "eval-data" / "trafilatura-eval-en"
SIMILAR = 0.8


@dataclass
class Score:
    mode: str
    pages: int = 0
    read: int = 0
    failed: list[str] = field(default_factory=list)
    title_gold: int = 0
    title_exact: int = 0
    title_similar: int = 0
    date_gold: int = 0
    date_exact: int = 0
    date_found: int = 0
    with_total: int = 0
    with_kept: int = 0
    without_total: int = 0
    without_dropped: int = 0
    seconds: float = 0.0

    def summary(self) -> dict:
        def rate(hit: int, total: int) -> float | None:
            return round(hit / total, 3) if total else None

        return {
            "mode": self.mode,
            "pages": self.pages,
            "read": self.read,
            "failed": len(self.failed),
            "title_exact": rate(self.title_exact, self.title_gold),
            "title_similar": rate(self.title_similar, self.title_gold),
            "title_gold": self.title_gold,
            "date_exact": rate(self.date_exact, self.date_gold),
            "date_gold": self.date_gold,
            "snippets_kept": rate(self.with_kept, self.with_total),
            "with_total": self.with_total,
            "snippets_dropped": rate(self.without_dropped, self.without_total),
            "without_total": self.without_total,
            "seconds": round(self.seconds, 1),
        }


def norm(text: str | None) -> str:
    """Case, spacing, quote and dash style, and end punctuation do not count in a match."""
    from tacitus.ingest.normalise import normalise_chars

    text = normalise_chars(text or "").casefold().replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip(" .!?:;").strip()


def title_matches(found: str | None, gold: str) -> tuple[bool, bool]:
    a, b = norm(found), norm(gold)
    exact = bool(a) and a == b
    return exact, exact or (bool(a) and SequenceMatcher(None, a, b).ratio() >= SIMILAR)


def load_gold(data: Path) -> dict[str, dict]:
    """Gold entries keyed by file name (the `html/<file>.gz` each was saved as)."""
    entries = json.loads((data / "evaldata_en.json").read_text(encoding="utf-8"))
    return {entry["file"]: {"url": url, **entry} for url, entry in entries.items()}


def score_article(score: Score, article, gold: dict) -> None:
    score.read += 1
    if gold.get("title"):
        score.title_gold += 1
        exact, similar = title_matches(article.title, gold["title"])
        score.title_exact += exact
        score.title_similar += similar
    if gold.get("date"):
        score.date_gold += 1
        score.date_found += bool(article.published)
        score.date_exact += (article.published or "")[:10] == gold["date"]
    body = norm(article.text)
    for snippet in gold.get("with", []):
        score.with_total += 1
        score.with_kept += norm(snippet) in body
    for snippet in gold.get("without", []):
        score.without_total += 1
        score.without_dropped += norm(snippet) not in body


def run_html(data: Path, files: list[str], gold: dict[str, dict]) -> Score:
    from tacitus.contract import Article
    from tacitus.ingest import read_inputs

    score = Score("html")
    paths = [str(data / "html" / f"{name}.gz") for name in files]
    started = time.perf_counter()
    for path, item in zip(paths, read_inputs(paths), strict=True):
        score.pages += 1
        name = Path(path).name.removesuffix(".gz")
        if isinstance(item, Article):
            score_article(score, item, gold[name])
        else:
            score.failed.append(f"{name}: {item.reason}")
    score.seconds = time.perf_counter() - started
    return score


def run_scraped(data: Path, files: list[str], gold: dict[str, dict]) -> Score:
    from tacitus.errors import InputError
    from tacitus.ingest import article_from_input
    from tacitus.ingest.html import visible_text

    score = Score("scraped")
    started = time.perf_counter()
    for name in files:
        score.pages += 1
        html = gzip.decompress((data / "html" / f"{name}.gz").read_bytes()).decode("utf-8", "replace")
        try:
            article = article_from_input(visible_text(html), source=name)
        except InputError as error:
            score.failed.append(f"{name}: {error.reason}")
            continue
        score_article(score, article, gold[name])
    score.seconds = time.perf_counter() - started
    return score


def evaluate(
    data: Path = DEFAULT_DATA, limit: int | None = None, modes: tuple[str, ...] = ("html", "scraped")
) -> list[Score]:
    gold = load_gold(data)
    files = sorted(gold)[:limit] if limit else sorted(gold)
    runners = {"html": run_html, "scraped": run_scraped}
    return [runners[mode](data, files, gold) for mode in modes]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--mode", choices=["html", "scraped", "both"], default="both")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not (args.data / "evaldata_en.json").is_file():
        print(f"no evaluation data at {args.data}", file=sys.stderr)
        return 2
    modes = ("html", "scraped") if args.mode == "both" else (args.mode,)
    scores = evaluate(args.data, args.limit, modes)
    if args.json:
        print(json.dumps([{**score.summary(), "failures": score.failed} for score in scores], indent=2))
        return 0
    for score in scores:
        summary = score.summary()
        print(
            f"[{score.mode}] {summary['read']}/{summary['pages']} pages read, {summary['failed']} failed "
            f"({summary['seconds']} s)"
        )
        print(
            f"  title exact {summary['title_exact']}  similar(≥{SIMILAR}) {summary['title_similar']}  "
            f"(n={summary['title_gold']})"
        )
        print(f"  date exact {summary['date_exact']}  (n={summary['date_gold']}, found {score.date_found})")
        print(
            f"  snippets kept {summary['snippets_kept']} (n={summary['with_total']})  "
            f"dropped {summary['snippets_dropped']} (n={summary['without_total']})"
        )
        for failure in score.failed:
            print(f"  failed: {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Score", "asdict", "evaluate", "main", "norm", "title_matches"]
