"""An article's text cut into segments, each knowing which records (actors, events, quotes, claims, time
expressions) cover it, so the article view can highlight them without nesting HTML.

Spans overlap freely (an event's sentence holds an actor mention and a quote), and overlapping spans cannot
always nest, so the text is cut at every span boundary and each piece carries the ids of all records over it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tacitus.contract import Document

KINDS = ("event", "quote", "claim", "actor", "timex")
# When a click lands on text several records cover, the most specific one opens (a name inside a sentence).
CLICK_ORDER = {"actor": 0, "timex": 1, "quote": 2, "claim": 3, "event": 4}


@dataclass(frozen=True)
class Mark:
    kind: str
    id: str
    start: int
    end: int

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.id}"


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[Mark, ...]
    starts: tuple[Mark, ...]  # records whose first segment this is (they get an anchor here)

    @property
    def classes(self) -> str:
        return " ".join(f"hl-{kind}" for kind in KINDS if any(m.kind == kind for m in self.marks))

    @property
    def ids(self) -> str:
        return " ".join(
            m.anchor for m in sorted(self.marks, key=lambda m: (CLICK_ORDER[m.kind], m.end - m.start))
        )


def marks(document: Document, part: str | None) -> list[Mark]:
    """Every highlighted span in one part of the article (None: the body; 'caption:N': a caption)."""
    found = []
    for event in document.events:
        found += [Mark("event", event.id, s.start, s.end) for s in event.evidence if s.part == part]
    found += [
        Mark("quote", q.id, q.evidence.start, q.evidence.end)
        for q in document.quotes
        if q.evidence.part == part
    ]
    found += [
        Mark("claim", c.id, c.evidence.start, c.evidence.end)
        for c in document.claims
        if c.evidence.part == part
    ]
    for actor in document.actors:
        found += [Mark("actor", actor.id, m.start, m.end) for m in actor.mentions if m.part == part]
    found += [
        Mark("timex", f"T{i + 1}", t.start, t.end) for i, t in enumerate(document.timexes) if t.part == part
    ]
    return found


def segments(text: str, spans: list[Mark]) -> list[Segment]:
    """Cut `text` at every span boundary; spans outside the text or empty are dropped, never an error."""
    spans = [m for m in spans if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    result, opened = [], set()
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(m for m in spans if m.start <= start and end <= m.end)
        starts = tuple(m for m in covering if m not in opened)
        opened.update(starts)
        result.append(Segment(text[start:end], covering, starts))
    return result


def article_parts(document: Document) -> list[tuple[str | None, list[Segment]]]:
    """The body's segments, then each caption's."""
    parts = [(None, segments(document.article.text, marks(document, None)))]
    for index, caption in enumerate(document.article.captions):
        name = f"caption:{index}"
        parts.append((name, segments(caption.text, marks(document, name))))
    return parts
