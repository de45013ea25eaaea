"""HTML pages: trafilatura for the article body and metadata; a plain visible-text dump as the fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|a|br|article|section|h[1-6]|meta|title|script|ul|li)\b[^>]*>",
    re.IGNORECASE,
)
_SNIFF_CHARS = 4096
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_TRAILING_SEPARATOR = re.compile(r"\s*(?:\||-|–|—|::|·|•|»|:)\s*$")
# trafilatura sometimes takes a stylesheet rule or a script line for the title.
_CODE_LIKE = re.compile(r"[{};]|^[\w-]+:\s*[\w-]+\(")


def looks_like_html(text: str) -> bool:
    """A document that starts like a web page, or whose opening is dense with HTML tags."""
    head = text[:_SNIFF_CHARS]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= 3


def looks_truncated(html: str) -> bool:
    """A page that opened `<html>` but never closed it: cut off in transfer or saved half-way."""
    return bool(re.search(r"<html\b", html[:_SNIFF_CHARS], re.IGNORECASE)) and not re.search(
        r"</html\s*>\s*(?:<!--.*?-->\s*)*$", html[-4096:], re.IGNORECASE | re.DOTALL
    )


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

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, include_images=False
    )
    if result is None or not (result.text or "").strip():
        return None
    sitename = _clean_meta(result.sitename)
    title = strip_site_from_title(_clean_meta(result.title), sitename, url)
    if not title or _CODE_LIKE.search(title):
        title = first_heading(html)
    return HtmlExtract(
        text=result.text,
        title=title,
        subtitle=_clean_meta(result.description),
        author=_clean_meta(result.author),
        published=_clean_meta(result.date),
        sitename=sitename,
        captions=figure_captions(html, result.text),
    )


def figure_captions(html: str, body: str) -> list[str]:
    """`<figcaption>` texts of the article: those inside the `<article>`/`<main>` that holds the body's
    first paragraph (teaser pictures elsewhere on the page have captions too)."""
    tree = _parse(html)
    if tree is None:
        return []
    container = _body_container(tree, body)
    if container is None:
        return []
    captions = []
    for element in container.iter("figcaption"):
        text = " ".join(element.text_content().split())
        if text and text not in captions:
            captions.append(text)
    return captions


def _body_container(tree, body: str):
    from tacitus.ingest.boilerplate import is_prose

    lines = [line.strip() for line in body.split("\n") if line.strip()]
    prose = [line for line in lines if is_prose(line)]
    opening = " ".join((prose or lines or [""])[0].split())[:60]
    if len(opening) < 20:
        return None
    for paragraph in tree.iter("p", "div", "li", "blockquote"):
        if " ".join(paragraph.text_content().split()).startswith(opening):
            for ancestor in paragraph.iterancestors():
                if ancestor.tag in ("article", "main"):
                    return ancestor
            return None
    return None


def first_heading(html: str) -> str | None:
    """The page's first `<h1>`, the title when the metadata has none."""
    tree = _parse(html)
    heading = tree.find(".//h1") if tree is not None else None
    return _clean_meta(heading.text_content()) if heading is not None else None


_BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "title",
    "button",
    "option",
    "label",
    "time",
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
    """'Losing face: … | The Japan Times' → 'Losing face: …' when a piece after a separator names the site.

    Pages append the site name, sometimes with its slogan ('… - WSVN 7News | Miami News, Weather'), so the
    title is cut at the first separator whose following piece names the site or the URL's domain.
    """
    if not title:
        return title
    names = [name for name in (sitename, _domain_name(url)) if name]
    title = title.strip()
    if sitename and title.lower().endswith(sitename.lower()) and len(title) > len(sitename):
        head = title[: -len(sitename)]
        if _TRAILING_SEPARATOR.search(head):
            title = _TRAILING_SEPARATOR.sub("", head).strip()
    separators = list(_TITLE_SEPARATORS.finditer(title))
    for separator in separators:
        following = _TITLE_SEPARATORS.split(title[separator.end() :], maxsplit=1)[0]
        head = title[: separator.start()].strip()
        if len(head.split()) >= 2 and _names_site(following, names):
            title = head
            break
    else:
        if separators:
            first = title[: separators[0].start()]
            rest = title[separators[0].end() :].strip()
            if len(rest.split()) >= 2 and _names_site(first, names):
                title = rest
    return _TRAILING_SEPARATOR.sub("", title).strip() or None


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
    labels = [
        label for label in host.split(".") if label not in {"www", "com", "org", "net", "co", "uk", "edition"}
    ]
    return labels[0] if labels else None


def _clean_meta(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None
