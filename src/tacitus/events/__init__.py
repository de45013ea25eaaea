"""Events (minimal stage; the events issue replaces it)."""

from __future__ import annotations

from tacitus.analysis import Analysis
from tacitus.contract import Document


def annotate(analysis: Analysis, document: Document) -> None:
    return None
