"""Submitting an article: read it (text, HTML or a fetched URL), run the pipeline, store the document.

Used by `POST /api/articles` and by the web form; failures become `HTTPException`s that name the input.
"""

from __future__ import annotations

import re

from fastapi import HTTPException

from tacitus.api.schemas import SubmitResult
from tacitus.errors import InputError, StoreError, TacitusError

_UNWRITABLE = re.compile(r"[\x00\ud800-\udfff]")  # neither can be stored (PostgreSQL text, UTF-8)


def submit(store, text: str | None, *, url: str | None = None, published: str | None = None) -> SubmitResult:
    from tacitus import pipeline
    from tacitus.ingest import article_from_input, read_inputs

    if not (text and text.strip()) and not url:
        raise HTTPException(422, "give the article's text (or HTML), or its URL")
    for name, value in (("text", text), ("url", url), ("published", published)):
        if value and _UNWRITABLE.search(value):
            raise HTTPException(
                422, f"{name}: contains a NUL byte or a lone surrogate (not valid Unicode text)"
            )
    try:
        if text and text.strip():
            article = article_from_input(text, published=published, url=url)
        else:
            if not url.startswith(("http://", "https://")):
                raise InputError(url, "only http:// and https:// addresses can be fetched")
            found = next(iter(read_inputs([url], published=published)), None)
            if found is None or isinstance(found, InputError):
                raise found or InputError(url, "no article found at this address")
            article = found
        existing = store.known(content_hash=article.content_hash, url=article.url)
        if existing:
            document = store.document(existing)
            return _result(existing, "duplicate", document)
        document = pipeline.process(article)
        saved = store.save(document)
    except InputError as error:
        raise HTTPException(422, str(error)) from None
    except StoreError as error:
        raise HTTPException(503, f"the store could not save the article: {error}") from None
    except TacitusError as error:
        raise HTTPException(422, str(error)) from None
    return _result(saved.article_id, saved.status, document)


def _result(article_id: str, status: str, document) -> SubmitResult:
    return SubmitResult(
        article_id=article_id,
        status=status,
        actors=len(document.actors),
        events=len(document.events),
        quotes=len(document.quotes),
        claims=len(document.claims),
        timexes=len(document.timexes),
        article_url=f"/articles/{article_id}",
    )
