"""Time expressions: TIMEX3 tagging and normalisation against the publication date, in pure Python.

`find_timexes(doc, published)` tags and values every expression; `annotate` is the pipeline stage;
`date_for_span` gives an event or quote the date of its clause (or of the speech act reporting it).
"""

from __future__ import annotations

from tacitus.analysis import Analysis
from tacitus.contract import Document
from tacitus.time.anchoring import date_for_span
from tacitus.time.tagger import find_timexes
from tacitus.time.values import invalid_reason, is_valid

__all__ = ["annotate", "date_for_span", "find_timexes", "invalid_reason", "is_valid"]


def annotate(analysis: Analysis, document: Document) -> None:
    """Append the article's timexes (analysis-text offsets) to `document.timexes`."""
    document.timexes.extend(find_timexes(analysis.doc, analysis.published, document.article.warnings))
    if analysis.published is None and document.timexes:
        warning = "no publication date: relative time expressions left partly unresolved (XXXX)"
        if warning not in document.article.warnings:
            document.article.warnings.append(warning)
