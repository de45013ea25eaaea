"""The order of the stages, and nothing else: article → parse → actors → time → quotes → claims → places →
events (which reads its places from the places stage).

Stages are plain functions `annotate(analysis, document)` that read the document and add to it; offsets they
write index the analysis text (body, then captions), and `finalise_offsets` maps caption offsets to the
caption's own text once every stage has run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from tacitus import actors, claims, events, nlp, places, quotes
from tacitus import time as timex_stage
from tacitus.analysis import Analysis, analysis_text
from tacitus.contract import Article, Document, Sentence, Span
from tacitus.ingest.language import too_short_to_tell

Stage = Callable[[Analysis, Document], None]

STAGES: list[tuple[str, Stage]] = [
    ("actors", actors.annotate),
    ("time", timex_stage.annotate),
    ("quotes", quotes.annotate),
    ("claims", claims.annotate),
    ("places", places.annotate),
    ("events", events.annotate),
]


def active_stages() -> list[tuple[str, Stage]]:
    """All stages, or those named in $TACITUS_STAGES ("actors,time"; "none"): for profiling and benchmarks."""
    wanted = os.environ.get("TACITUS_STAGES")
    if wanted is None:
        return STAGES
    names = {name.strip() for name in wanted.split(",")}
    return [(name, stage) for name, stage in STAGES if name in names]


# The parser, the actor and event rules and the gazetteers are English: on other text they find nonsense.
EXTRACTED_LANGUAGES = frozenset({"en"})


def extracted(article: Article) -> bool:
    """Whether the stages run on this article: English, too short to tell (no language detected), or too
    short for a detected language to outweigh its English function words (`too_short_to_tell`)."""
    if article.language is None or article.language in EXTRACTED_LANGUAGES:
        return True
    return too_short_to_tell(article.text)


def not_extracted_warning(language: str) -> str:
    return f"not-extracted: the text is in {language!r} and only English is extracted"


def publication_date(article: Article) -> date | None:
    """The day the article was published; None when unknown or only partly known ("2024-06", "2024"), so
    that relative dates are left unresolved rather than anchored to a guessed day."""
    if not article.published or len(article.published) < 10:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _analysis_input(article: Article) -> str:
    if not extracted(article):
        return ""
    return analysis_text(article.text, [caption.text for caption in article.captions])[0]


def process(article: Article, parsed=None) -> Document:
    """Run every stage on one article; `parsed` is its spaCy doc when the caller parsed in batches.

    An article in another language than English is returned as it is, with its language and a warning, and
    nothing extracted: no sentences, actors, events or dates from a model that cannot read it."""
    if not extracted(article):
        document = Document(article=article)
        warning = not_extracted_warning(article.language or "")
        if warning not in article.warnings:
            article.warnings.append(warning)
        return document
    text, parts = analysis_text(article.text, [caption.text for caption in article.captions])
    doc = parsed if parsed is not None else nlp.parse(text)
    analysis = Analysis(doc=doc, published=publication_date(article), parts=parts)
    document = Document(article=article)
    document.sentences = [
        Sentence(start=sent.start_char, end=_strip_end(sent.text, sent.end_char))
        for sent in doc.sents
        if sent.text.strip()
    ]
    for _name, stage in active_stages():
        stage(analysis, document)
    finalise_offsets(analysis, document)
    return document


def process_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Document]:
    """Parse in spaCy batches (its fastest path) and run the stages on each parse."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _process_batch(batch)
            batch = []
    if batch:
        yield from _process_batch(batch)


def _process_batch(batch: list[Article]) -> Iterator[Document]:
    parses = nlp.parse_many((_analysis_input(article) for article in batch), batch_size=len(batch))
    for article, parsed in zip(batch, parses, strict=True):
        yield process(article, parsed)


def _strip_end(text: str, end: int) -> int:
    return end - (len(text) - len(text.rstrip()))


def finalise_offsets(analysis: Analysis, document: Document) -> None:
    """Give every span in a caption the caption's name and offsets into the caption's own text."""

    def fix(span) -> None:
        name, start, end = analysis.locate(span.start, span.end)
        if name is not None:
            span.part, span.start, span.end = name, start, end

    for sentence in document.sentences:
        fix(sentence)
    for timex in document.timexes:
        fix(timex)
    for actor in document.actors:
        for mention in actor.mentions:
            fix(mention)
    for event in document.events:
        for span in event.evidence:
            fix(span)
    for item in [*document.quotes, *document.claims]:
        fix(item.evidence)
    for place in document.places:
        for mention in place.mentions:
            fix(mention)


__all__ = ["process", "process_many", "Span"]
