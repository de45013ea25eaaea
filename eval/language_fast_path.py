"""Does the English fast path of language identification agree with py3langid? On every development text.

    .venv/bin/python eval/language_fast_path.py

Texts: the 990 pages of the trafilatura annotation file (their kept snippets joined; pages in German, French,
Chinese, … as well as English), the PolNeAR dev articles and the ECB+ documents, all read from ../shared/eval-data
at run time. For each text, `tacitus.ingest.language.clearly_english` is compared with py3langid on the same
sample. A fast-path "English" that py3langid calls another language is a disagreement; the script also reports
how many of py3langid's English texts the fast path catches (each one saves loading py3langid's model).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import py3langid

from tacitus.ingest.language import SAMPLE_CHARS, clearly_english

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data"


def texts():
    full = DATA / "trafilatura-eval-en" / "evaldata_full.json"
    for url, entry in json.loads(full.read_text(encoding="utf-8")).items():
        yield "trafilatura", url, " ".join(entry.get("with") or [])
    for path in sorted((DATA / "polnear" / "data" / "dev" / "text").glob("*.txt")):
        yield "polnear", path.name, path.read_text(encoding="utf-8")
    for path in sorted((DATA / "ecbplus").rglob("*.xml")):
        tokens = re.findall(
            r"<token[^>]*>([^<]*)</token>", path.read_text(encoding="utf-8", errors="replace")
        )
        yield "ecbplus", path.name, " ".join(tokens)


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"{DATA} is missing: ../shared/eval-data must be beside the repository")
    counts: Counter = Counter()
    disagreements = []
    for corpus, name, text in texts():
        sample = text[:SAMPLE_CHARS]
        if len(sample.strip()) < 20:
            continue
        langid, _ = py3langid.classify(sample)
        fast = clearly_english(sample)
        counts[corpus, "texts"] += 1
        counts[corpus, f"langid {'en' if langid == 'en' else 'other'}"] += 1
        if fast:
            counts[corpus, "fast en"] += 1
            if langid != "en":
                disagreements.append((corpus, name, langid))
    print("| corpus | texts | py3langid en | py3langid other | fast path en | fast en, langid other |")
    print("|---|---|---|---|---|---|")
    for corpus in dict.fromkeys(c for c, _ in counts):
        wrong = sum(1 for c, _, _ in disagreements if c == corpus)
        print(
            f"| {corpus} | {counts[corpus, 'texts']} | {counts[corpus, 'langid en']} | "
            f"{counts[corpus, 'langid other']} | {counts[corpus, 'fast en']} | {wrong} |"
        )
    for corpus, name, langid in disagreements:
        print(f"disagreement: {corpus} {name}: py3langid says {langid}")


if __name__ == "__main__":
    main()
