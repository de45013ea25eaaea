"""Quotes: text between quotation marks (minimal stage; the actor issue replaces it)."""

from __future__ import annotations

import re

from tacitus.analysis import Analysis
from tacitus.contract import Document, Quote, Span

_QUOTED = re.compile(r"[\"“]([^\"”]{2,}?)[\"”]")


def annotate(analysis: Analysis, document: Document) -> None:
    for match in _QUOTED.finditer(analysis.text):
        document.quotes.append(Quote(id=f"Q{len(document.quotes) + 1}", text=match.group(1), direct=True,
                                     evidence=Span(start=match.start(), end=match.end(), text=match.group())))
