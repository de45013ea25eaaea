"""Time expressions: spaCy DATE/TIME entities (minimal stage; the time issue replaces it)."""

from __future__ import annotations

from tacitus.analysis import Analysis
from tacitus.contract import Document, Timex, TimexType


def annotate(analysis: Analysis, document: Document) -> None:
    for ent in analysis.doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            document.timexes.append(Timex(start=ent.start_char, end=ent.end_char, text=ent.text,
                                          type=TimexType(ent.label_), value=None))
