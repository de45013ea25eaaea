"""The line-level cleaner for scraped plain text: title, standfirst, captions and body out of a page dump.

Steps, each a plain function:
1. `split_lines` – one `Line` per paragraph, hard-wrapped lines joined, each classified (`boilerplate.classify`).
2. `pair_captions` – a caption line ending in its credit, a caption followed by a credit-only line, and the
   same caption repeated without its credit (as galleries print it) become one `Caption(text, credit)`.
3. `main_region` – the stretch of lines with the most running text (a maximum-sum subsequence over line
   scores: prose counts its words, menus and share bars count against), cut at markers like "Related Topics".
4. `find_title` – the nearest headline-like line before the body; `find_subtitle` – a standfirst set apart
   from the body by captions, bylines or dates.
The body is the region's prose and headings joined by blank lines; after this point nothing changes its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from tacitus.contract import Caption
from tacitus.ingest.boilerplate import (
    Kind,
    Line,
    byline_parts,
    classify,
    count_words,
    credit_text,
    split_credit,
)
from tacitus.ingest.dates import find_date
from tacitus.ingest.normalise import normalise_chars, normalise_newlines

PARAGRAPH_SEPARATOR = "\n\n"
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
SUBTITLE_MAX_WORDS = 70
CAPTION_MAX_WORDS = 70
# How far before the body a title may stand (bylines, dates, captions, share bars come between).
TITLE_LOOKBACK = 40
# Menus and breadcrumbs are runs of lines this short; three in a row end the header block.
MENU_ITEM_WORDS = 4

_SCORES = {
    Kind.BOILER: -6,
    Kind.TAIL: -10_000,  # nothing after "Related Topics" belongs to the article
    Kind.CREDIT: 0,
    Kind.CAPTION: 0,
    Kind.BYLINE: 0,
    Kind.DATE: 0,
}
_DUPLICATE = "duplicate"  # a line dropped because another line says the same


@dataclass
class Cleaned:
    body: str
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None
    captions: list[Caption] = field(default_factory=list)


@dataclass
class _Row:
    line: Line
    kind: Kind | str
    caption: Caption | None = None


def clean_text(text: str, *, title: str | None = None) -> Cleaned:
    """Clean a scraped plain-text article; `title`, when known (JSONL, HTML), is not looked for but removed."""
    rows = [_Row(line, line.kind) for line in split_lines(text)]
    if not rows:
        return Cleaned(body="")
    pair_captions(rows)
    start, end = main_region(rows)
    if start is None:
        return _short_text(rows, title)
    title_index = None
    if title is None:
        title_index = find_title(rows, start)
        title = rows[title_index].line.text if title_index is not None else None
    header_from = title_index + 1 if title_index is not None else start
    subtitle_index = find_subtitle(rows, header_from, end)
    keep: list[str] = []
    for index in range(header_from, end):
        row = rows[index]
        if index == subtitle_index or index < start or row.kind not in (Kind.PROSE, Kind.SHORT):
            continue
        if title and not keep and _same_text(row.line.text, title):
            continue
        keep.append(row.line.text)
    author, published = _byline(rows, header_from, end)
    return Cleaned(
        body=PARAGRAPH_SEPARATOR.join(keep),
        title=title,
        subtitle=rows[subtitle_index].line.text if subtitle_index is not None else None,
        author=author,
        published=published,
        captions=_captions(rows, header_from, end),
    )


def clean_extracted(text: str, *, title: str | None = None, figure_captions: list[str] = ()) -> Cleaned:
    """Light clean-up of trafilatura's body: furniture lines out, captions (with credits) apart.

    `figure_captions` are the `<figcaption>`s of the article's own container (see `html.figure_captions`).

    trafilatura already chose the article's paragraphs, so no region is searched for: a short paragraph
    here is a heading or a list item, not a menu.
    """
    rows = [_Row(line, line.kind) for line in split_lines(text, join_wrapped=False)]
    pair_captions(rows, credit_claims_line_above=False)
    figure_keys = {_key(caption) for caption in figure_captions}
    keep: list[str] = []
    captions: list[Caption] = []
    for row in rows:
        key = _key(row.line.text)
        if row.kind == Kind.CAPTION and row.caption:
            captions.append(row.caption)
        elif key in figure_keys and row.kind in (Kind.PROSE, Kind.SHORT):
            caption_text, credit = split_credit(row.line.text)
            captions.append(Caption(text=caption_text, credit=credit))
        elif row.kind in (Kind.PROSE, Kind.SHORT, Kind.TAIL) and not (
            title and not keep and _same_text(row.line.text, title)
        ):
            keep.append(row.line.text)
    for caption in figure_captions:  # the article's own figures, which trafilatura leaves out of the text
        caption_text, credit = split_credit(caption)
        captions.append(Caption(text=caption_text, credit=credit))
    author, published = _byline(rows, 0, min(len(rows), 6))
    return Cleaned(
        body=PARAGRAPH_SEPARATOR.join(keep),
        title=title,
        author=author,
        published=published,
        captions=_unique_captions(captions),
    )


def split_lines(text: str, *, join_wrapped: bool = True) -> list[Line]:
    """Non-empty lines, normalised and stripped, with hard-wrapped continuation lines joined to their paragraph."""
    text = normalise_chars(normalise_newlines(text))
    merged: list[tuple[str, bool]] = []
    blank_before = True
    for raw in text.split("\n"):
        stripped = " ".join(raw.split())
        if not stripped:
            blank_before = True
            continue
        if join_wrapped and merged and not blank_before and _continues(merged[-1][0], stripped):
            merged[-1] = (merged[-1][0] + " " + stripped, merged[-1][1])
        else:
            merged.append((stripped, blank_before))
        blank_before = False
    return [
        Line(text=line, kind=classify(line), words=count_words(line), new_paragraph=new)
        for line, new in merged
    ]


def _continues(previous: str, current: str) -> bool:
    # A line broken mid-sentence (e-mail, plain-text wire copy): no closing punctuation, lower-case next word.
    return current[:1].islower() and not re.search(r"[.!?:;\"')\]]$", previous)


def pair_captions(rows: list[_Row], *, credit_claims_line_above: bool = True) -> None:
    """Turn caption/credit lines into captions and mark the uncredited repeat of a caption as a duplicate.

    With `credit_claims_line_above` a credit on its own line makes the line above it a caption (scraped
    text prints caption, then credit); in trafilatura's body the picture itself is gone and the line above
    a stray credit is as often a paragraph (a chart's credit after the text), so the credit is only dropped.
    """
    for index, row in enumerate(rows):
        if row.kind == Kind.CAPTION:
            caption_text, credit = split_credit(row.line.text)
            row.caption = Caption(text=caption_text, credit=credit)
        elif row.kind == Kind.CREDIT and not credit_claims_line_above:
            row.kind = _DUPLICATE
        elif row.kind == Kind.CREDIT and index > 0:
            previous = rows[index - 1]
            if previous.kind in (Kind.PROSE, Kind.SHORT) and previous.line.words <= CAPTION_MAX_WORDS:
                previous.kind = Kind.CAPTION
                previous.caption = Caption(text=previous.line.text, credit=credit_text(row.line.text))
                row.kind = _DUPLICATE
    for index, row in enumerate(rows):
        if row.kind != Kind.CAPTION:
            continue
        for other in rows[max(0, index - 2) : index] + rows[index + 1 : index + 3]:
            if other.kind in (Kind.PROSE, Kind.SHORT) and _repeats(other.line.text, row.caption.text):
                other.kind = _DUPLICATE
    for index in range(1, len(rows)):
        if rows[index].line.text == rows[index - 1].line.text and rows[index].kind in (
            Kind.PROSE,
            Kind.SHORT,
        ):
            rows[index].kind = _DUPLICATE


def _repeats(line: str, caption: str) -> bool:
    """The caption printed twice: once cut short or without its credit, once in full."""
    a, b = _key(line), _key(caption)
    if len(a) < 20 or len(b) < 20:
        return False
    return a == b or b.startswith(a) or a.startswith(b) or SequenceMatcher(None, a, b).ratio() >= 0.85


def main_region(rows: list[_Row]) -> tuple[int | None, int]:
    """[start, end) of the lines with the most running text; (None, 0) when no line is prose."""
    best, best_start, best_end = 0, None, 0
    total, start = 0, 0
    for index, row in enumerate(rows):
        score = _score(row)
        if total <= 0:
            total, start = 0, index
        total += score
        if total > best:
            best, best_start, best_end = total, start, index + 1
    if best_start is None:
        return None, 0
    # The region opens on its first prose line: leading headings belong to the header (title, kicker).
    while best_start < best_end and rows[best_start].kind != Kind.PROSE:
        best_start += 1
    return best_start, best_end


def _score(row: _Row) -> int:
    if row.kind == Kind.PROSE:
        return row.line.words
    if row.kind == Kind.SHORT:
        # A heading between paragraphs costs little; a menu of one- and two-word items costs a lot.
        return -2 if row.line.words >= 3 else -4
    return _SCORES.get(row.kind, 0)


def find_title(rows: list[_Row], start: int) -> int | None:
    """Index of the title: the first headline-like line of the header block just before the body.

    The header block runs back from the body over the standfirst, bylines, dates, share bars and captions,
    and ends at the site's menu (three one- or two-word items in a row) or at another story's paragraph.
    Its first headline-like line is the title: it comes before the standfirst and the byline.
    """
    first = start
    menu_run = 0
    for index in range(start - 1, max(-1, start - 1 - TITLE_LOOKBACK), -1):
        row = rows[index]
        if row.kind == Kind.TAIL or (row.kind == Kind.PROSE and row.line.words > SUBTITLE_MAX_WORDS):
            break
        if row.kind == Kind.SHORT and row.line.words <= MENU_ITEM_WORDS:
            menu_run += 1
            if menu_run >= 3:
                break
        elif row.kind in (Kind.PROSE, Kind.SHORT, Kind.CAPTION):
            menu_run = 0
        first = index
    candidates = [index for index in range(first, start) if _headline_like(rows[index])]
    # Headlines run to five words or more; shorter lines left in the block are labels ("Kanae Nakamine").
    long_ones = [index for index in candidates if rows[index].line.words >= 5]
    # …and rarely close with a full stop, which notices in the header do ("Thanks for subscribing.").
    unpunctuated = [index for index in long_ones if not rows[index].line.text.endswith(".")]
    if candidates:
        return (unpunctuated or long_ones or candidates)[0]
    # No headline in the block (a split byline looked like a menu): the nearest long headline-like line.
    for index in range(first - 1, max(-1, start - 1 - TITLE_LOOKBACK), -1):
        row = rows[index]
        if row.kind == Kind.TAIL:
            break
        if _headline_like(row) and row.line.words >= 5 and not row.line.text.endswith("."):
            return index
    return None


def _headline_like(row: _Row) -> bool:
    words = row.line.words
    if row.kind == Kind.SHORT:
        return TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS
    # A headline may be a question or an exclamation, rarely a sentence with a full stop.
    return row.kind == Kind.PROSE and words <= TITLE_MAX_WORDS and not row.line.text.endswith(".")


def find_subtitle(rows: list[_Row], header_from: int, end: int) -> int | None:
    """A standfirst: the first paragraph after the title when captions, a byline or a date set it apart."""
    candidate = None
    for index in range(header_from, end):
        kind = rows[index].kind
        if kind in (Kind.PROSE, Kind.SHORT):
            if candidate is None:
                if rows[index].line.words > SUBTITLE_MAX_WORDS or rows[index].line.words < 5:
                    return None
                candidate = index
                continue
            return candidate if _set_apart(rows, candidate, index) else None
        if kind == Kind.TAIL:
            break
    return None


def _set_apart(rows: list[_Row], candidate: int, next_paragraph: int) -> bool:
    between = {rows[index].kind for index in range(candidate + 1, next_paragraph)}
    return bool(between & {Kind.CAPTION, Kind.CREDIT, Kind.BYLINE, Kind.DATE, _DUPLICATE})


def _byline(rows: list[_Row], start: int, end: int) -> tuple[str | None, str | None]:
    author = published = None
    for row in rows[start:end]:
        if row.kind == Kind.BYLINE and author is None:
            author, date = byline_parts(row.line.text)
            published = published or date
        elif row.kind == Kind.DATE and published is None:
            published = find_date(row.line.text)
    return author, published


def _captions(rows: list[_Row], start: int, end: int) -> list[Caption]:
    return _unique_captions(
        [row.caption for row in rows[start:end] if row.kind == Kind.CAPTION and row.caption]
    )


def _unique_captions(captions: list[Caption]) -> list[Caption]:
    seen, unique = set(), []
    for caption in captions:
        key = _key(caption.text)
        if key and key not in seen:
            seen.add(key)
            unique.append(caption)
    return unique


def _short_text(rows: list[_Row], title: str | None) -> Cleaned:
    """No paragraph of running text at all (a note, a headline): keep every line that is not furniture."""
    keep = [row.line.text for row in rows if row.kind in (Kind.SHORT, Kind.PROSE)]
    if title and keep and _same_text(keep[0], title):
        keep = keep[1:]
    return Cleaned(body=PARAGRAPH_SEPARATOR.join(keep), title=title)


def _same_text(a: str, b: str) -> bool:
    return _key(a) == _key(b)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", normalise_chars(text).casefold())
