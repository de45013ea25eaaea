"""One input text (plain or HTML) to one `Article`: detect the kind, clean it, add id, hash, language."""

from __future__ import annotations

from tacitus.contract import Article
from tacitus.errors import InputError
from tacitus.ingest.cleaner import Cleaned, clean_extracted, clean_text
from tacitus.ingest.dates import parse_published
from tacitus.ingest.html import extract_html, looks_like_html, looks_truncated, visible_text
from tacitus.ingest.language import detect_language
from tacitus.ingest.normalise import content_hash, normalise_chars

# spaCy refuses texts over `nlp.max_length` (1,000,000 characters) and needs about 1 GB per 100,000
# characters for the parser; an article body this long is a data dump, not news.
MAX_BODY_CHARS = 1_000_000


def article_from_input(
    text_or_html: str,
    *,
    published: str | None = None,
    url: str | None = None,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    dayfirst: bool | None = None,
) -> Article:
    """Read one article from plain text or HTML; `published` (if given) wins over any date in the page.

    Raises `InputError` naming `source` (else `url`, else "<input>") when no article text can be found, or
    when `published` is a numeric date that reads both ways ("11.06.2024") and `dayfirst` is None.
    """
    name = source or url or "<input>"
    if not text_or_html or not text_or_html.strip():
        raise InputError(name, "empty input: no text")
    warnings: list[str] = []
    given_date = parse_published(published, "--published", dayfirst=dayfirst) if published else None
    sitename = None
    if looks_like_html(text_or_html):
        cleaned, sitename = _from_html(text_or_html, url, title, name)
        if looks_truncated(text_or_html):
            warnings.append("truncated-html")
    else:
        cleaned = clean_text(text_or_html, title=title)
    body = cleaned.body
    if not body.strip():
        raise InputError(name, "no article text found (only navigation, captions or boilerplate)")
    caption_chars = sum(len(caption.text) for caption in cleaned.captions)
    if len(body) + caption_chars > MAX_BODY_CHARS:
        raise InputError(
            name, f"article text too long ({len(body):,} characters; the limit is {MAX_BODY_CHARS:,})"
        )
    digest = content_hash(body)
    language = detect_language(body)
    if language and language != "en":
        warnings.append("non-english")
    return Article(
        id=id or digest[:16],
        url=url,
        source=sitename or source or url,
        title=_one_line(title or cleaned.title),
        subtitle=_one_line(cleaned.subtitle),
        author=cleaned.author,
        published=given_date or _page_date(cleaned.published),
        language=language,
        text=body,
        captions=cleaned.captions,
        content_hash=digest,
        warnings=warnings,
    )


def _from_html(html: str, url: str | None, title: str | None, name: str) -> tuple[Cleaned, str | None]:
    extract = extract_html(html, url=url)
    if extract is None:
        # trafilatura found no main text (a short page, an odd layout): fall back to the page's visible text.
        text = visible_text(html)
        if not text.strip():
            raise InputError(
                name, "no article text found in the HTML (empty page, or cut off before its body)"
            )
        return clean_text(text, title=title), None
    cleaned = clean_extracted(extract.text, title=title or extract.title, figure_captions=extract.captions)
    if not cleaned.body.strip():
        # trafilatura kept only a caption or a teaser (the story sits in a script): read the visible text.
        fallback = clean_text(visible_text(html), title=title or extract.title)
        if fallback.body.strip():
            fallback.captions = fallback.captions or cleaned.captions
            cleaned = fallback
    cleaned.subtitle = cleaned.subtitle or _standfirst(extract.subtitle, cleaned.body)
    cleaned.author = cleaned.author or extract.author
    cleaned.published = extract.published or cleaned.published
    return cleaned, extract.sitename


def _standfirst(description: str | None, body: str) -> str | None:
    """The page's description is a standfirst only when it is not just the body's opening repeated."""
    if not description:
        return None
    opening = " ".join(body[: len(description) + 20].split())
    return None if opening.startswith(description.rstrip(".… ")[:60]) else description


def _page_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_published(value, "page date")
    except InputError:
        return None


def _one_line(value: str | None) -> str | None:
    return " ".join(normalise_chars(value).split()) or None if value else None
