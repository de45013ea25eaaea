"""Readers for the geoparsing gold (LGL, TR-News, GeoVirus) and a cache of their spaCy parses.

`articles(name)` gives `GoldArticle`s with their toponyms (offsets, and GeoNames coordinates and country where
the gold has them). Parsing the 947 articles takes minutes on a shared CPU, so `parsed(name)` keeps the parses
as a DocBin under `eval/.cache/` (not committed) and reuses them while the model and texts are unchanged.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# ../shared next to the clone, or two levels up from a worktree in a sub-folder of the clone's parent
SHARED = next(
    (p / "shared" for p in REPO.parents if (p / "shared" / "eval-data").is_dir()), REPO.parent / "shared"
)
DATA = SHARED / "eval-data" / "geoparsing-gritta" / "data" / "Corpora"
FILES = {"lgl": "lgl.xml", "trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}
CACHE = REPO / "eval" / ".cache"


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # country name as the gold writes it (LGL, TR-News)


@dataclass
class GoldArticle:
    dataset: str
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(node, tag):
    found = node.find(tag) if node is not None else None
    try:
        return float(found.text) if found is not None and found.text else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """GeoVirus' offsets are often one or two characters off its own names: put them back on the name."""
    if not name or text[start:end] == name:
        return start, end
    for shift in (-1, 1, -2, 2, -3, 3):
        if text[start + shift : start + shift + len(name)] == name:
            return start + shift, start + shift + len(name)
    return start, end


def articles(name: str, data: Path = DATA) -> list[GoldArticle]:
    root = ET.parse(data / FILES[name]).getroot()
    out = []
    for number, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        ident = node.get("docid") or node.findtext("source") or str(number)
        article = GoldArticle(name, ident, text)
        tag = "location" if name == "geovirus" else "toponym"
        for top in node.iter(tag):
            start, end = int(top.findtext("start")), int(top.findtext("end"))
            start, end = _align(text, start, end, top.findtext("name") or top.findtext("phrase") or "")
            gaz = top.find("gaztag")
            source = top if name == "geovirus" else gaz
            country = gaz.findtext("country") if gaz is not None else None
            article.toponyms.append(
                GoldToponym(
                    start, end, text[start:end], _float(source, "lat"), _float(source, "lon"), country
                )
            )
        out.append(article)
    return out


def parsed(name: str, items: list[GoldArticle]):
    """The spaCy docs of `items`, parsed once and cached by text."""
    import hashlib

    from spacy.tokens import DocBin

    from tacitus import nlp

    CACHE.mkdir(exist_ok=True)
    digest = hashlib.sha256("\x00".join(a.text for a in items).encode()).hexdigest()[:16]
    path = CACHE / f"{name}-{nlp.MODEL_NAME}-{digest}.spacy"
    vocab = nlp.load().vocab
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(vocab))
    docs = list(nlp.parse_many((a.text for a in items), batch_size=16))
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs
