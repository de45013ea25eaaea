"""Tacitus: news articles to a verifiable, queryable record of political events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tacitus.contract import SCHEMA_ID, Document

if TYPE_CHECKING:
    from tacitus.store import Store

__version__ = "0.1.0"
__all__ = ["SCHEMA_ID", "Document", "Store", "extract", "render"]


def extract(
    text_or_html: str, published: str | None = None, url: str | None = None, *, dayfirst: bool | None = None
) -> Document:
    """Extract one article (plain text or HTML) into a document; `published` anchors relative dates, and
    `dayfirst` says how a numeric one ("11.06.2024") is written (unset: one that reads both ways is refused)."""
    from tacitus import pipeline
    from tacitus.ingest import article_from_input

    return pipeline.process(article_from_input(text_or_html, published=published, url=url, dayfirst=dayfirst))


def render(document: Document, path=None) -> str:
    """The document as a standalone HTML page with actors, events, quotes and time expressions highlighted."""
    from tacitus.html_view import render as render_page

    return render_page(document, path)


def __getattr__(name: str):
    if name == "Store":
        from tacitus.store import Store

        return Store
    raise AttributeError(name)
