"""Words per second and peak memory of `tacitus extract --jsonl` next to bare spaCy, same texts, same run.

The corpus is built at run time from the development pages in ../shared/eval-data/trafilatura-eval-en
(nothing from there is committed): each page's main text, as trafilatura extracts it, becomes one JSONL
article. Each contender runs as its own process, alternately (A B C A B C …), so machine drift hits all alike;
the figures are medians. Peak memory is the process's maximum resident set size (wait4 rusage).

Contenders:
  spacy       bare spaCy: load the model, nlp.pipe over the same texts, print nothing
  foundation  `tacitus extract --jsonl` with no stages ($TACITUS_STAGES=none): what the foundation adds
  tacitus     `tacitus extract --jsonl` with every stage

    .venv/bin/python bench/extract_throughput.py --articles 60 --repeat 3 --markdown docs/bench-extract.md
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO.parent / "shared" / "eval-data" / "trafilatura-eval-en"
BIN = Path(sys.executable).parent

BARE_SPACY = """
import json, sys
from tacitus import nlp
import spacy
model = spacy.load(nlp.MODEL_NAME)
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in model.pipe(texts, batch_size=16):
    pass
"""


def build_corpus(count: int, path: Path) -> int:
    """Write `count` articles (main text of the development pages) to JSONL; return their word count."""
    import trafilatura

    pages = sorted((PAGES / "html").glob("*"))
    if not pages:
        sys.exit(f"no pages under {PAGES / 'html'}: ../shared/eval-data must be beside the repo")
    words = 0
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for page in pages:
            raw = page.read_bytes()
            html = gzip.decompress(raw) if page.suffix == ".gz" else raw
            text = trafilatura.extract(html.decode("utf-8", errors="replace"))
            if not text or len(text.split()) < 150:
                continue
            out.write(json.dumps({"id": page.name, "text": text, "published": "2024-06-11"}) + "\n")
            words += len(text.split())
            written += 1
            if written == count:
                break
    if written < count:
        sys.exit(f"only {written} usable pages, asked for {count}")
    return words


def measure(command: list[str], stdin_path: Path | None, env: dict) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of one process.

    CPU time is what the process itself spent, so it moves much less than wall time when other work shares
    the machine; both are reported."""
    stdin = stdin_path.open("rb") if stdin_path else subprocess.DEVNULL
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if stdin_path:
        stdin.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--markdown", type=Path, help="Write the result table to this file.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words = build_corpus(args.articles, corpus)
        base_env = {**os.environ, "PYTHONHASHSEED": "0"}
        contenders = {
            "spacy": ([sys.executable, "-c", BARE_SPACY, str(corpus)], None, base_env),
            "foundation": (
                [str(BIN / "tacitus"), "extract", "--jsonl", "-"],
                corpus,
                {**base_env, "TACITUS_STAGES": "none"},
            ),
            "tacitus": ([str(BIN / "tacitus"), "extract", "--jsonl", "-"], corpus, base_env),
        }
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in contenders}
        for _ in range(args.repeat):
            for name, (command, stdin_path, env) in contenders.items():
                results[name].append(measure(command, stdin_path, env))

    rows = []
    base_wall = statistics.median(w for w, _, _ in results["spacy"])
    base_rss = statistics.median(m for _, m, _ in results["spacy"])
    base_cpu = statistics.median(c for _, _, c in results["spacy"])
    for name, runs in results.items():
        wall = statistics.median(w for w, _, _ in runs)
        rss = statistics.median(m for _, m, _ in runs)
        cpu = statistics.median(c for _, _, c in runs)
        rows.append(
            (name, wall, words / wall, rss, wall / base_wall - 1, rss - base_rss, cpu, cpu / base_cpu - 1)
        )

    header = (
        f"{args.articles} articles, {words} words, median of {args.repeat} runs each (whole process, model load "
        "included)\n\n| contender | wall s | words/s | peak RSS MB | time vs spaCy | memory vs spaCy | CPU s "
        "| CPU vs spaCy |\n|---|---|---|---|---|---|---|---|"
    )
    lines = [header] + [
        f"| {name} | {wall:.2f} | {wps:,.0f} | {rss:.0f} | {extra:+.1%} | {mem:+.0f} MB | {cpu:.2f} | {cpu_extra:+.1%} |"
        for name, wall, wps, rss, extra, mem, cpu, cpu_extra in rows
    ]
    table = "\n".join(lines)
    print(table)
    if args.markdown:
        command = "  .venv/bin/python bench/extract_throughput.py " + " ".join(sys.argv[1:])
        args.markdown.write_text(
            "# Extraction throughput\n\nMeasured with\n\n```\n"
            + command
            + "\n```\n\n"
            + f"on {time.strftime('%Y-%m-%d')}, 2-core machine.\n\n"
            + table
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
