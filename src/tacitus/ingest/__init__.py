"""Ingest (minimal placeholder until the ingest work lands): plain text to an Article."""

from __future__ import annotations

import hashlib

from tacitus.contract import Article


def article_from_input(text_or_html: str, *, published: str | None = None, url: str | None = None,
                       id: str | None = None) -> Article:
    digest = hashlib.sha256(text_or_html.encode("utf-8")).hexdigest()
    return Article(id=id or digest[:16], url=url, published=published, text=text_or_html, content_hash=digest)
