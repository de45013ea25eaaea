"""One mention of an event in one clause, before coreferent mentions are merged into one record."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from tacitus.contract import DateValue, EventStatus, Place


@dataclass
class Mention:
    """One mention of an event in one clause, before coreferent mentions are merged."""

    type: str
    mode: str | None
    status: EventStatus
    rule: str
    trigger: Token
    anchors: list[Token]
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    attribution: str | None = None
    place: Place | None = None
    date: DateValue | None = None
    status_explicit: bool = True
    nominal: bool = False
    reciprocal: bool = False
    part: str | None = None
    sentence: int = 0
    confidence: float = 0.5

    @property
    def participants(self) -> set[str]:
        return set(self.sources) | set(self.targets)

    @property
    def start(self) -> int:
        return min(t.idx for t in self.anchors)

    @property
    def end(self) -> int:
        last = max(self.anchors, key=lambda t: t.idx)
        return last.idx + len(last.text)
