"""HTML pages: trafilatura for the article body and metadata; a plain visible-text dump as the fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?(?:html|head|body|p|div|span|a|br|article|section|h[1-6]|meta|title|script|ul|li)\b[^>]*>",
                       re.IGNORECASE)
_SNIFF_CHARS = 4096
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")


def looks_like_html(text: str) -> bool:
    """A document that starts like a web page, or whose opening is dense with HTML tags."""
    head = text[:_SNIFF_CHARS]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= 3


def looks_truncated(html: str) -> bool:
    """A page that opened `<html>` but never closed it: cut off in transfer or saved half-way."""
    return bool(re.search(r"<html\b", html[:_SNIFF_CHARS], re.IGNORECASE)) and not re.search(
        r"</html\s*>\s*(?:<!--.*?-->\s*)*$", html[-4096:], re.IGNORECASE | re.DOTALL)


@dataclass
class HtmlExtract:
    text: str
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    captions: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> HtmlExtract | None:
    """Body and metadata through trafilatura; None when it finds no article text in the page."""
    import trafilatura

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                         include_tables=True, include_images=False)
    if result is None or not (result.text or "").strip():
        return None
    sitename = _clean_meta(result.sitename)
    title = strip_site_from_title(_clean_meta(result.title), sitename, url)
    return HtmlExtract(
        text=result.text,
        title=title,
        subtitle=_clean_meta(result.description),
        author=_clean_meta(result.author),
        published=_clean_meta(result.date),
        sitename=sitename,
        captions=figure_captions(html),
    )


def figure_captions(html: str) -> list[str]:
    """Text of every `<figcaption>` in the page; the caller keeps those that trafilatura put in the body."""
    tree = _parse(html)
    if tree is None:
        return []
    captions = []
    for element in tree.iter("figcaption"):
        text = " ".join(element.text_content().split())
        if text and text not in captions:
            captions.append(text)
    return captions


_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "tr", "td", "th", "ul", "title", "button", "option", "label", "time",
}
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "canvas"}


def visible_text(html: str) -> str:
    """The page's text one block per line, as a browser's select-all-and-copy (or a naive scraper) gives it.

    Used when trafilatura finds nothing, and by the evaluation to test the line cleaner on real pages.
    """
    tree = _parse(html)
    if tree is None:
        return ""
    body = tree.find(".//body")
    root = body if body is not None else tree
    pieces: list[str] = []
    _walk(root, pieces)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    out: list[str] = []
    for line in lines:
        if line:
            out.append(line)
        elif out and out[-1]:
            out.append("")
    return "\n".join(out).strip()


def _walk(element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.lower()
    if tag in _SKIPPED_TAGS or not isinstance(element.tag, str):
        if element.tail:
            pieces.append(element.tail)
        return
    block = tag in _BLOCK_TAGS
    if block:
        pieces.append("\n\n" if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "figure"} else "\n")
    if element.text:
        pieces.append(element.text)
    for child in element:
        _walk(child, pieces)
    if block:
        pieces.append("\n")
    if element.tail:
        pieces.append(element.tail)


def _parse(html: str):
    try:
        return lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        try:
            return lxml.html.fromstring(html.encode("utf-8"))
        except (etree.ParserError, ValueError):
            return None


def strip_site_from_title(title: str | None, sitename: str | None, url: str | None) -> str | None:
    """'Losing face: … | The Japan Times' → 'Losing face: …' when the tail names the site or its domain."""
    if not title:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = [name for name in (sitename, _domain_name(url)) if name]
    if not names:
        return title
    if _names_site(parts[-1], names):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»").strip() or title
    if _names_site(parts[0], names):
        return title[len(parts[0]):].lstrip(" |-–—:·•»").strip() or title
    return title


def _names_site(piece: str, names: list[str]) -> bool:
    piece_key = _key(piece)
    if not piece_key:
        return False
    for name in names:
        name_key = _key(name)
        if not name_key:
            continue
        if piece_key == name_key or piece_key in name_key or name_key in piece_key:
            return True
        if SequenceMatcher(None, piece_key, name_key).ratio() >= 0.8:
            return True
    return False


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().removeprefix("the "))


def _domain_name(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    labels = [label for label in host.split(".") if label not in {"www", "com", "org", "net", "co", "uk", "edition"}]
    return labels[0] if labels else None


def _clean_meta(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None
