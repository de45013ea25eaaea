"""`tacitus ingest` with the local engine and with the Ray engine on the same ≥2000 real news articles: time
both, then check that the two stores hold exactly the same records (`tacitus.store.compare.diff_stores`).

The corpus is built at run time from the development data in ../shared/eval-data (nothing of it is written
into the repository): ECB+ (982), LGL, TR-News and GeoVirus (947), MEANTIME (120), PolNeAR dev (84),
WikiEvents (40) as text, and the trafilatura pages (162) as HTML — one JSONL of `id`, `url`, `title`, `text`
or `html`, `published` where the source gives it. Both runs read that file through the CLI, each into a store
of its own: two PostgreSQL databases (--db-a, --db-b) or two SQLite files in a temporary folder.

    .venv/bin/python bench/ray_ingest.py --limit 100
    .venv/bin/python bench/ray_ingest.py --db-a postgresql+psycopg://u:p@127.0.0.1/tacitus_ray_a \\
        --db-b postgresql+psycopg://u:p@127.0.0.1/tacitus_ray_b --reset --markdown docs/scale-ray.md
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "eval"))

from time_corpus import QUOTES, detokenize, read_meantime  # noqa: E402

DATA = REPO.parent / "shared" / "eval-data"
TACITUS = [sys.executable, "-c", "from tacitus.cli import main; main()"]
MARK_BEGIN, MARK_END = "<!-- bench/ray_ingest.py: begin -->", "<!-- bench/ray_ingest.py: end -->"
SUMMARY = re.compile(
    r"(\d+) stored, (\d+) already stored, (\d+) cop(?:y|ies) of stored stories, (\d+) failed"
)


# -- the corpus ---------------------------------------------------------------------------------------------


def ecbplus(data: Path) -> Iterator[dict]:
    """ECB+ CAT XML: tokens rejoined into prose (no dates in the files)."""
    for path in sorted((data / "ecbplus" / "ECB+_LREC2014" / "ECB+").glob("*/*.xml")):
        root = ET.parse(path).getroot()
        tokens = [
            (QUOTES.get(t.text or "", t.text or ""), int(t.get("sentence"))) for t in root.iter("token")
        ]
        text, _ = detokenize(tokens)
        yield {"id": f"ecbplus-{path.stem}", "text": text}


def gritta(data: Path) -> Iterator[dict]:
    """LGL and TR-News (title, URL, download date) and GeoVirus (Wikinews URL) articles."""
    corpora = data / "geoparsing-gritta" / "data" / "Corpora"
    for name in ("lgl", "TR-News"):
        for index, article in enumerate(ET.parse(corpora / f"{name}.xml").getroot().iter("article")):
            yield {
                "id": f"{name.lower()}-{article.get('docid') or index}",
                "url": (article.findtext("url") or "").strip() or None,
                "title": (article.findtext("title") or "").strip() or None,
                "text": article.findtext("text") or "",
                "published": _iso_date(article.findtext("dltime")),
            }
    for index, article in enumerate(ET.parse(corpora / "GeoVirus.xml").getroot().iter("article")):
        yield {
            "id": f"geovirus-{index}",
            "url": (article.findtext("source") or "").strip() or None,
            "text": article.findtext("text") or "",
        }


def _iso_date(value: str | None) -> str | None:
    """The download time as YYYY-MM-DD: LGL writes ISO, TR-News also '17 December 2016' and
    'Wed Nov 23, 2016 | 4:58pm EST'."""
    from dateutil import parser as dates

    value = (value or "").split("|")[0].strip()
    try:
        return dates.parse(value, ignoretz=True).date().isoformat() if value else None
    except (ValueError, OverflowError):
        return None


def meantime(data: Path) -> Iterator[dict]:
    for article in read_meantime(data / "meantime"):
        yield {
            "id": f"meantime-{article.name}",
            "text": article.text,
            "published": article.dct.isoformat() if article.dct else None,
        }


def polnear(data: Path) -> Iterator[dict]:
    root = data / "polnear" / "data"
    with open(root / "metadata.tsv", newline="", encoding="utf-8") as stream:
        meta = {row["filename"]: row for row in csv.DictReader(stream, delimiter="\t")}
    for path in sorted((root / "dev" / "text").glob("*.txt")):
        row = meta.get(path.stem, {})
        yield {
            "id": f"polnear-{path.stem}",
            "title": row.get("title"),
            "published": row.get("publication_date"),
            "text": path.read_text(encoding="utf-8"),
        }


def wikievents(data: Path) -> Iterator[dict]:
    """Sentence texts one per line (the files' `text` runs sentences together without spaces)."""
    for split in ("dev", "test"):
        for line in (data / "wikievents" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            yield {
                "id": f"wikievents-{record['doc_id']}",
                "text": "\n".join(text for _, text in record["sentences"]),
            }


def trafilatura_pages(data: Path) -> Iterator[dict]:
    folder = data / "trafilatura-eval-en"
    gold = json.loads((folder / "evaldata_en.json").read_text(encoding="utf-8"))
    for url, entry in sorted(gold.items()):
        html = gzip.decompress((folder / "html" / (entry["file"] + ".gz")).read_bytes()).decode(
            "utf-8", errors="replace"
        )
        yield {
            "id": f"trafilatura-{entry['file']}",
            "url": url,
            "title": entry.get("title"),
            "published": entry.get("date"),
            "html": html,
        }


SOURCES = [ecbplus, gritta, meantime, polnear, wikievents, trafilatura_pages]


def build_corpus(data: Path, path: Path, limit: int | None) -> dict[str, int]:
    """Write the corpus as JSONL (sources interleaved when --limit takes a sample); return counts by source."""
    records = {source.__name__: list(source(data)) for source in SOURCES}
    if limit:  # a quick run takes every source in proportion, not just the first one
        total = sum(map(len, records.values()))
        records = {name: rows[: max(1, round(limit * len(rows) / total))] for name, rows in records.items()}
    with path.open("w", encoding="utf-8") as out:
        for rows in records.values():
            for row in rows:
                out.write(
                    json.dumps({key: value for key, value in row.items() if value}, ensure_ascii=False) + "\n"
                )
    return {name: len(rows) for name, rows in records.items()}


# -- the runs -----------------------------------------------------------------------------------------------


def reset_store(url: str) -> None:
    """Drop every Tacitus table (and the migration record) so the run starts from an empty store."""
    from sqlalchemy import create_engine, text

    from tacitus.store import schema
    from tacitus.store.store import resolve_url

    engine = create_engine(resolve_url(url))
    schema.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


def stored_articles(url: str) -> int:
    from sqlalchemy import create_engine, func, inspect, select

    from tacitus.store import schema
    from tacitus.store.store import resolve_url

    engine = create_engine(resolve_url(url))
    try:
        if "articles" not in inspect(engine).get_table_names():
            return 0
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(schema.articles)).scalar_one()
    finally:
        engine.dispose()


def ingest(corpus: Path, db: str, engine: str, workers: int, log: Path) -> dict:
    command = [
        *TACITUS,
        "ingest",
        str(corpus),
        "--jsonl",
        "--db",
        db,
        "--engine",
        engine,
        "--workers",
        str(workers),
    ]
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as stderr:
        finished = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=stderr, check=False)
    wall = time.perf_counter() - started
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    summary = next((SUMMARY.search(line) for line in reversed(lines) if SUMMARY.search(line)), None)
    if summary is None:
        sys.exit(
            f"{engine}: no summary line (exit {finished.returncode}); see {log}:\n" + "\n".join(lines[-20:])
        )
    stored, duplicate, copy, failed = map(int, summary.groups())
    return {
        "engine": engine,
        "workers": workers,
        "exit": finished.returncode,
        "wall": wall,
        "stored": stored,
        "duplicate": duplicate,
        "copy": copy,
        "failed": failed,
        "error_lines": sum(line.startswith("error: ") for line in lines),
    }


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}"


def table(runs: list[dict], inputs: int) -> str:
    rows = [
        "| engine | workers | wall s | articles/s | stored | copies | already stored | failed | exit |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        rows.append(
            f"| {run['engine']} | {run['workers']} | {run['wall']:.1f} | {inputs / run['wall']:.2f} | "
            f"{run['stored']} | {run['copy']} | {run['duplicate']} | {run['failed']} | {run['exit']} |"
        )
    return "\n".join(rows)


def report(args, counts: dict[str, int], runs: list[dict], diff: list[str], backend: str) -> str:
    inputs = sum(counts.values())
    import ray

    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    shown = " ".join(re.sub(r"//[^@/]+@", "//USER:PASSWORD@", arg) for arg in sys.argv[1:])
    local, ray_run = runs
    verdict = "identical" if not diff else f"{len(diff)} difference line(s)"
    parts = [
        "Measured with\n\n```\n.venv/bin/python bench/ray_ingest.py " + shown + "\n```\n",
        f"on {time.strftime('%Y-%m-%d')}, {machine()}, Ray {ray.__version__}, commit {commit}"
        + (" (with uncommitted changes in the tree)" if dirty else "")
        + f"; stores on {backend}.\n",
        f"{inputs} input lines: " + ", ".join(f"{name} {n}" for name, n in counts.items()) + ".\n",
        table(runs, inputs) + "\n",
        f"- Ray vs local: {local['wall'] / ray_run['wall']:.2f}× the local engine's throughput "
        f"({ray_run['wall'] - local['wall']:+.1f} s wall).",
        f"- Stores compared with `tacitus.store.compare.diff_stores` (every table, timestamps left out): **{verdict}**.",
    ]
    parts += [f"    {line}" for line in diff[:20]]
    return "\n".join(parts) + "\n"


def write_markdown(path: Path, block: str) -> None:
    """Replace the bench's own section of the page (between its markers), or write the page if it has none."""
    section = f"{MARK_BEGIN}\n{block}{MARK_END}"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if MARK_BEGIN in old and MARK_END in old:
        head, rest = old.split(MARK_BEGIN, 1)
        new = head + section + rest.split(MARK_END, 1)[1]
    else:
        new = (old.rstrip() + "\n\n" if old else "# Ray engine: result\n\n") + section + "\n"
    path.write_text(new, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="About N articles, taken from every source in proportion.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--db-a", help="Store for the local engine (default: a SQLite file in a temporary folder)."
    )
    parser.add_argument("--db-b", help="Store for the Ray engine.")
    parser.add_argument(
        "--reset", action="store_true", help="Empty --db-a and --db-b first (drops Tacitus' tables)."
    )
    parser.add_argument("--markdown", type=Path, help="Write the result into this page (its bench section).")
    parser.add_argument("--keep", type=Path, help="Keep the corpus, logs and SQLite stores in this folder.")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(
            f"error: {args.data}: development data not found (../shared/eval-data beside the repo)",
            file=sys.stderr,
        )
        return 1
    if bool(args.db_a) != bool(args.db_b):
        parser.error("give both --db-a and --db-b, or neither")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tacitus-ray-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_a = args.db_a or f"sqlite:///{folder / 'local.db'}"
    db_b = args.db_b or f"sqlite:///{folder / 'ray.db'}"
    backend = "PostgreSQL" if db_a.startswith("postgres") else "SQLite"
    for url in (db_a, db_b):
        if args.reset:
            reset_store(url)
        elif stored_articles(url):
            print(
                f"error: {url.split('@')[-1]} already holds articles: give an empty store or --reset",
                file=sys.stderr,
            )
            return 1
    corpus = folder / "corpus.jsonl"
    counts = build_corpus(args.data, corpus, args.limit)
    print(f"corpus: {sum(counts.values())} articles {counts} -> {corpus}", file=sys.stderr)
    runs = []
    for engine, db in (("local", db_a), ("ray", db_b)):
        run = ingest(corpus, db, engine, args.workers, folder / f"{engine}.log")
        print(f"{engine}: {run}", file=sys.stderr)
        runs.append(run)
    from tacitus.store.compare import diff_stores

    diff = diff_stores(db_a, db_b)
    block = report(args, counts, runs, diff, backend)
    print(block)
    if args.markdown:
        write_markdown(args.markdown, block)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if not diff else 1


if __name__ == "__main__":
    raise SystemExit(main())
