"""Read MEANTIME's CAT XML into articles with text, DCT and gold TIMEX3 character spans (time evaluation).

The corpus gives tokens, not text: `detokenize` rejoins them with the spacing English print uses, so both
taggers read ordinary prose, and records each token's character offsets for the gold spans.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ANNOTATED_SENTENCES = 6  # title, dateline and the first four sentences carry MEANTIME's annotation
NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "’s",
    "n't",
    "'",
    "’",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
QUOTES = {"``": '"', "''": '"'}  # PTB-style quote tokens back to the characters the article printed
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "#"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Article:
    name: str
    text: str
    dct: date | None
    gold: list[Mention]
    scored_end: int  # character offset where the annotated sentences end


def detokenize(tokens: list[tuple[str, int]]) -> tuple[str, list[tuple[int, int]]]:
    """(token, sentence) pairs → text and each token's (start, end). Title and dateline get their own lines."""
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    cursor, previous_sentence, previous, open_quote = 0, None, None, False
    for word, sentence in tokens:
        if previous is None:
            gap = ""
        elif sentence != previous_sentence and previous_sentence in (0, 1):
            gap = "\n\n"
        elif word in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER:
            gap = ""
        elif word == '"':
            gap = "" if open_quote else " "
        elif previous == '"' and open_quote:
            gap = ""
        else:
            gap = " "
        if word == '"':
            open_quote = not open_quote
        pieces.append(gap)
        cursor += len(gap)
        offsets.append((cursor, cursor + len(word)))
        pieces.append(word)
        cursor += len(word)
        previous, previous_sentence = word, sentence
    return "".join(pieces), offsets


def read_article(path: Path) -> Article:
    root = ET.parse(path).getroot()
    tokens = [(QUOTES.get(t.text or "", t.text or ""), int(t.get("sentence"))) for t in root.iter("token")]
    ids = [t.get("t_id") for t in root.iter("token")]
    text, offsets = detokenize(tokens)
    position = {tid: index for index, tid in enumerate(ids)}
    gold, dct = [], None
    for timex in root.iter("TIMEX3"):
        value = timex.get("value", "")
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _creation_date(value)
            value = dct.isoformat()
        anchors = [
            position[a.get("t_id")] for a in timex.findall("token_anchor") if a.get("t_id") in position
        ]
        if not anchors:
            continue  # empty timexes (implicit dates) have no extent to find
        start, end = offsets[min(anchors)][0], offsets[max(anchors)][1]
        gold.append(Mention(start, end, timex.get("type", ""), value, text[start:end]))
    if dct is None:  # two files lack the CREATION_TIME markable; their dateline (sentence 1) gives it
        dateline = " ".join(word for word, sentence in tokens if sentence == 1)
        dct = _dateline_date(dateline)
    annotated = [offsets[i][1] for i, (_, sentence) in enumerate(tokens) if sentence < ANNOTATED_SENTENCES]
    scored_end = max(annotated) if annotated else len(text)
    return Article(path.stem, text, dct, sorted(gold, key=lambda m: m.start), scored_end)


def _creation_date(value: str) -> date:
    """ISO, except one file's DD-MM-YYYY ('03-02-2009' for February 3, 2009, as its dateline reads)."""
    match = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    if match:
        return date(int(match[3]), int(match[2]), int(match[1]))
    return date.fromisoformat(value[:10])


def _dateline_date(line: str) -> date | None:
    match = re.search(r"([A-Z][a-z]+) (\d\d?) , (\d{4})", line)
    if not match:
        return None
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    if match[1] not in months:
        return None
    return date(int(match[3]), months.index(match[1]) + 1, int(match[2]))


def read_meantime(data: Path) -> list[Article]:
    """Every article of the intra-document annotation, in a stable order."""
    files = sorted((data / "intra-doc_annotation").glob("*/*.xml"))
    if not files:
        raise FileNotFoundError(f"{data}: no intra-doc_annotation/*/*.xml files")
    return [read_article(path) for path in files]
