"""What the stages share besides the document: one spaCy parse of the body followed by the captions.

The body comes first, so body offsets in the analysis text equal offsets in `article.text`; text past the
body belongs to a caption and `Analysis.locate` turns such an offset into the caption's own coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

PART_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Part:
    name: str | None  # None for the body, "caption:N" for captions
    start: int
    end: int


@dataclass
class Analysis:
    doc: Doc
    published: date | None
    parts: list[Part] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        # Cached: spaCy rebuilds `doc.text` from every token on each access, and stages ask once per event,
        # which made extraction time grow with the square of the article's length.
        return self.doc.text

    @property
    def body_end(self) -> int:
        return self.parts[0].end if self.parts else len(self.doc.text)

    def part_at(self, offset: int) -> Part:
        for part in self.parts:
            if part.start <= offset <= part.end:
                return part
        return self.parts[0]

    def locate(self, start: int, end: int) -> tuple[str | None, int, int]:
        """Analysis offsets → (part name, start, end) in that part's own text."""
        part = self.part_at(start)
        return part.name, start - part.start, end - part.start

    def in_caption(self, offset: int) -> bool:
        return self.part_at(offset).name is not None


def analysis_text(body: str, captions: list[str]) -> tuple[str, list[Part]]:
    pieces, parts, cursor = [], [], 0
    for index, piece in enumerate([body, *captions]):
        if index:
            pieces.append(PART_SEPARATOR)
            cursor += len(PART_SEPARATOR)
        parts.append(Part(None if index == 0 else f"caption:{index - 1}", cursor, cursor + len(piece)))
        pieces.append(piece)
        cursor += len(piece)
    return "".join(pieces), parts
