"""Pick the whole-article gold articles deterministically, by a fixed-seed hash order, not by content.

    .venv/bin/python eval/gold_pick.py [--data ../shared/eval-data] [--extra-check]

For each dataset, every article id is hashed (sha256 of SEED, the dataset name and the id); articles are taken
in ascending hash order, skipping those outside 150-900 words, until the dataset's quota is met (8 PolNeAR
dev, 4 MEANTIME, 8 WikiEvents dev). Prints dataset, id, words, publication date and split part per line.

Those 20 fell 17 tune / 3 check under `eval/splits.py`, too few to measure on the check part. `--extra-check`
lists a second quota instead (2 PolNeAR dev, 2 MEANTIME, 3 WikiEvents dev): the same hash order and word
limits, continuing past the first 20 and taking only articles whose part is "check". The first 20 are never
re-picked and their list does not change.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import article_part  # noqa: E402
from time_corpus import read_article  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def _default_data() -> Path:
    """`../shared/eval-data` beside the checkout (or beside any folder above it, for git worktrees)."""
    for folder in REPO.parents:
        if (folder / "shared" / "eval-data").is_dir():
            return folder / "shared" / "eval-data"
    return REPO.parent / "shared" / "eval-data"


DEFAULT_DATA = _default_data()
SEED = "tacitus-gold-articles-2026"
QUOTAS = {"polnear": 8, "meantime": 4, "wikievents": 8}
EXTRA_CHECK_QUOTAS = {"polnear": 2, "meantime": 2, "wikievents": 3}
MIN_WORDS, MAX_WORDS = 150, 900


@dataclass
class SourceArticle:
    dataset: str
    id: str
    text: str
    published: str | None  # ISO date from the data's metadata, None when the data has none

    @property
    def key(self) -> str:
        return f"{self.dataset}/{self.id}"

    @property
    def words(self) -> int:
        return len(self.text.split())


def read_polnear(data: Path) -> list[SourceArticle]:
    """PolNeAR dev articles with the publication date of metadata.tsv."""
    root = data / "polnear" / "data"
    with open(root / "metadata.tsv", encoding="utf-8") as handle:
        dates = {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")}
    return [
        SourceArticle("polnear", path.stem, path.read_text(encoding="utf-8"), dates.get(path.stem))
        for path in sorted((root / "dev" / "text").glob("*.txt"))
    ]


def read_meantime_articles(data: Path) -> list[SourceArticle]:
    """MEANTIME English articles, text rebuilt from the NAF tokens; the date is the CREATION_TIME timex."""
    files = sorted((data / "meantime" / "intra-doc_annotation").glob("*/*.xml"))
    out = []
    for path in files:
        article = read_article(path)
        out.append(
            SourceArticle(
                "meantime", path.stem, article.text, article.dct.isoformat() if article.dct else None
            )
        )
    return out


def read_wikievents(data: Path) -> list[SourceArticle]:
    """WikiEvents dev documents (`text` field); the data carries no publication date."""
    out = []
    with open(data / "wikievents" / "dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            out.append(SourceArticle("wikievents", record["doc_id"], record["text"], None))
    return out


READERS = {"polnear": read_polnear, "meantime": read_meantime_articles, "wikievents": read_wikievents}


def hash_order(dataset: str, article_id: str) -> str:
    return hashlib.sha256(f"{SEED}\x00{dataset}\x00{article_id}".encode()).hexdigest()


def pick(articles: list[SourceArticle], quota: int) -> list[SourceArticle]:
    """The first `quota` articles in hash order whose length is 150-900 words."""
    ordered = sorted(articles, key=lambda a: hash_order(a.dataset, a.id))
    return [a for a in ordered if MIN_WORDS <= a.words <= MAX_WORDS][:quota]


def pick_extra_check(articles: list[SourceArticle], quota: int, taken: set[str]) -> list[SourceArticle]:
    """The next `quota` articles in the same hash order and word limits that are not in `taken` and whose
    split part is "check" (the part is a hash of the id too, so the choice still ignores content)."""
    ordered = sorted(articles, key=lambda a: hash_order(a.dataset, a.id))
    eligible = [
        a
        for a in ordered
        if MIN_WORDS <= a.words <= MAX_WORDS and a.key not in taken and article_part("gold", a.key) == "check"
    ]
    return eligible[:quota]


def picked(data: Path) -> list[SourceArticle]:
    """All 20 picked articles, dataset by dataset."""
    out = []
    for dataset, quota in QUOTAS.items():
        out.extend(pick(READERS[dataset](data), quota))
    return out


def picked_extra_check(data: Path) -> list[SourceArticle]:
    """The 7 check-part articles that enlarge the check part, dataset by dataset, none of the first 20."""
    out = []
    for dataset, quota in EXTRA_CHECK_QUOTAS.items():
        articles = READERS[dataset](data)
        taken = {a.key for a in pick(articles, QUOTAS[dataset])}
        out.extend(pick_extra_check(articles, quota, taken))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--extra-check",
        action="store_true",
        help="list the second quota (2 PolNeAR, 2 MEANTIME, 3 WikiEvents, check part only) instead of the 20",
    )
    args = parser.parse_args(argv)
    if not (args.data / "polnear").is_dir():
        print(f"skipped: {args.data} has no development data (polnear, meantime, wikievents)")
        return 0
    for article in picked_extra_check(args.data) if args.extra_check else picked(args.data):
        print(
            f"{article.dataset}\t{article.id}\t{article.words}\t{article.published or '-'}\t"
            f"{article_part('gold', article.key)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
