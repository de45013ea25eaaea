"""Every development text with article prose in `../shared/eval-data`, read into one record type, for the
time stage's checks over all of them (`eval/time_validity.py`, `tests/time/test_dev_values.py`).

Sets and what is read: MEANTIME (rebuilt from tokens, its DCT), PolNeAR dev (`text/*.txt`, the date in the
file name), WikiEvents dev and test (sentences joined), LGL / TR-News / GeoVirus (`<text>`, LGL's download
day), ECB+ (tokens rejoined by sentence), event-location (its sentences, grouped 50 to a text), the
trafilatura pages (through Tacitus' own HTML reader, with the date it finds). A set that is absent is left
out; `missing()` says which and why.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "eval-data"


@dataclass(frozen=True)
class DevText:
    dataset: str
    id: str
    text: str
    published: date | None


def _meantime(data: Path) -> Iterator[DevText]:
    from time_corpus import read_meantime

    for article in read_meantime(data / "meantime"):
        yield DevText("meantime", article.name, article.text, article.dct)


def _polnear(data: Path) -> Iterator[DevText]:
    for path in sorted((data / "polnear" / "data" / "dev" / "text").glob("*.txt")):
        found = re.search(r"_(\d{4}-\d\d-\d\d)_", path.name)
        published = date.fromisoformat(found[1]) if found else None
        yield DevText("polnear", path.stem, path.read_text(encoding="utf-8"), published)


def _wikievents(data: Path) -> Iterator[DevText]:
    for split in ("dev", "test"):
        path = data / "wikievents" / f"{split}.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = "\n".join(sentence[1] for sentence in record["sentences"])
            yield DevText("wikievents", record["doc_id"], text, None)


def _geoparsing(data: Path) -> Iterator[DevText]:
    corpora = data / "geoparsing-gritta" / "data" / "Corpora"
    for name in ("lgl", "TR-News", "GeoVirus"):
        path = corpora / f"{name}.xml"
        if not path.exists():
            continue
        for index, article in enumerate(ET.parse(path).getroot().iter("article")):
            text = (article.findtext("text") or "").strip()
            day = re.match(r"\d{4}-\d\d-\d\d", article.findtext("dltime") or "")
            ident = article.get("docid") or str(index)
            yield DevText(
                f"geoparsing-{name.lower()}", ident, text, date.fromisoformat(day[0]) if day else None
            )


def _ecbplus(data: Path) -> Iterator[DevText]:
    for path in sorted((data / "ecbplus" / "ECB+_LREC2014" / "ECB+").glob("*/*.xml")):
        sentences: dict[str, list[str]] = {}
        for token in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
        text = "\n".join(" ".join(words) for words in sentences.values())
        yield DevText("ecbplus", path.stem, text, None)


def _event_location(data: Path) -> Iterator[DevText]:
    path = data / "event-location" / "labeled_text.jsonl.zip"
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))
    sentences = list(dict.fromkeys(record["text"] for record in records))
    for start in range(0, len(sentences), 50):
        yield DevText("event-location", str(start // 50), "\n".join(sentences[start : start + 50]), None)


def _trafilatura(data: Path) -> Iterator[DevText]:
    from tacitus.contract import Article
    from tacitus.ingest import read_inputs

    paths = sorted((data / "trafilatura-eval-en" / "html").glob("*.gz"))
    for path, item in zip(paths, read_inputs([str(p) for p in paths]), strict=True):
        if isinstance(item, Article):
            found = re.match(r"\d{4}-\d\d-\d\d", item.published or "")
            published = date.fromisoformat(found[0]) if found else None
            yield DevText("trafilatura", path.name.removesuffix(".html.gz"), item.text, published)


READERS: dict[str, tuple[str, Callable[[Path], Iterator[DevText]]]] = {
    "meantime": ("meantime", _meantime),
    "polnear": ("polnear", _polnear),
    "wikievents": ("wikievents", _wikievents),
    "geoparsing": ("geoparsing-gritta", _geoparsing),
    "ecbplus": ("ecbplus", _ecbplus),
    "event-location": ("event-location", _event_location),
    "trafilatura": ("trafilatura-eval-en", _trafilatura),
}


def missing(data: Path = DEFAULT_DATA) -> list[str]:
    """The sets whose folder is absent (their texts are left out)."""
    return [
        f"{name}: {data / folder} not found"
        for name, (folder, _) in READERS.items()
        if not (data / folder).is_dir()
    ]


def read_all(data: Path = DEFAULT_DATA, sets: list[str] | None = None) -> list[DevText]:
    """Every development text of the chosen sets (all by default) that is present, in a stable order."""
    texts: list[DevText] = []
    for name, (folder, reader) in READERS.items():
        if (sets is None or name in sets) and (data / folder).is_dir():
            texts.extend(text for text in reader(data) if text.text.strip())
    return texts
