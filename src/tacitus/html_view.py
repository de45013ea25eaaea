"""A document as highlighted HTML, like spaCy's displaCy: actors, events, quotes, claims and time expressions
marked in the article text, with the coding of each in a tooltip and a table of events below.

`document_html` is what `Document._repr_html_` shows in Jupyter (a fragment with its own scoped style);
`tacitus.render(doc)` wraps it in a standalone page. Segments come from `tacitus.highlight`, the same cutter
the web workspace uses, and every piece of article text goes through `html.escape`.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from tacitus.contract import Document
from tacitus.highlight import article_parts

STYLE = """
.tacitus-doc { font: 15px/1.6 system-ui, sans-serif; max-width: 52em; color: #222; }
.tacitus-doc h2 { font-size: 1.25em; margin: 0 0 .2em; }
.tacitus-doc .meta, .tacitus-doc .legend { color: #555; font-size: .85em; margin: .2em 0 .8em; }
.tacitus-doc .text { white-space: pre-wrap; }
.tacitus-doc .caption { white-space: pre-wrap; font-size: .9em; color: #444; border-left: 3px solid #ccc; padding-left: .6em; }
.tacitus-doc .hl-event { background: #fff3bf; }
.tacitus-doc .hl-quote { background: #e7f5ff; }
.tacitus-doc .hl-event.hl-quote { background: linear-gradient(#fff3bf, #e7f5ff); }
.tacitus-doc .hl-claim { background: #ebfbee; }
.tacitus-doc .hl-actor { color: #5f3dc4; font-weight: 600; border-bottom: 2px solid #5f3dc4; }
.tacitus-doc .hl-timex { color: #c92a2a; font-weight: 600; border-bottom: 2px dotted #c92a2a; }
.tacitus-doc .legend span { padding: 0 .3em; margin-right: .4em; }
.tacitus-doc table { border-collapse: collapse; font-size: .85em; margin-top: 1em; }
.tacitus-doc th, .tacitus-doc td { border-bottom: 1px solid #ddd; padding: .2em .5em; text-align: left; vertical-align: top; }
"""


def _labels(document: Document) -> dict[str, str]:
    """Tooltip text per mark anchor (actor-A1, event-E2…): what the record was coded as."""
    names = {actor.id: actor.name for actor in document.actors}
    labels = {}
    for actor in document.actors:
        labels[f"actor-{actor.id}"] = " · ".join(
            x
            for x in [f"{actor.id} {actor.name}", actor.type.value, actor.country, "/".join(actor.sector)]
            if x
        )
    for event in document.events:
        who = (
            f"{', '.join(names.get(i, i) for i in event.sources) or '?'} → "
            f"{', '.join(names.get(i, i) for i in event.targets) or '?'}"
        )
        date = event.date.value if event.date and event.date.value else None
        labels[f"event-{event.id}"] = " · ".join(
            x
            for x in [
                f"{event.id} {event.type}" + (f":{event.mode}" if event.mode else ""),
                event.status.value,
                who,
                date,
            ]
            if x
        )
    for quote in document.quotes:
        labels[f"quote-{quote.id}"] = (
            f"{quote.id} quote by {names.get(quote.speaker, quote.speaker) or 'unknown'}"
        )
    for claim in document.claims:
        labels[f"claim-{claim.id}"] = f"{claim.id} claim" + (
            f" by {names.get(claim.attribution, claim.attribution)}" if claim.attribution else ""
        )
    for index, timex in enumerate(document.timexes):
        labels[f"timex-T{index + 1}"] = f"{timex.type.value} {timex.value or ''}".strip()
    return labels


def _text_html(segments, labels: dict[str, str]) -> str:
    pieces = []
    for segment in segments:
        text = escape(segment.text)
        if not segment.marks:
            pieces.append(text)
            continue
        title = "\n".join(dict.fromkeys(labels.get(m.anchor, m.anchor) for m in segment.marks))
        pieces.append(
            f'<span class="{segment.classes}" data-ids="{escape(segment.ids)}" '
            f'title="{escape(title)}">{text}</span>'
        )
    return "".join(pieces)


def _events_table(document: Document) -> str:
    if not document.events:
        return ""
    names = {actor.id: actor.name for actor in document.actors}
    rows = []
    for event in document.events:
        cells = [
            event.id,
            event.type + (f":{event.mode}" if event.mode else ""),
            event.status.value,
            ", ".join(names.get(i, i) for i in event.sources),
            ", ".join(names.get(i, i) for i in event.targets),
            event.date.value if event.date and event.date.value else "",
            event.place.name if event.place else "",
            f"{event.confidence:.2f}",
        ]
        rows.append("<tr>" + "".join(f"<td>{escape(c or '')}</td>" for c in cells) + "</tr>")
    head = "".join(
        f"<th>{h}</th>" for h in ("id", "type", "status", "source", "target", "date", "place", "conf.")
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def document_html(document: Document) -> str:
    """An HTML fragment (with its scoped style) showing the document's text with every record highlighted."""
    article = document.article
    labels = _labels(document)
    meta = " · ".join(escape(x) for x in [article.source, article.published, article.url] if x)
    body = []
    for part, segments in article_parts(document):
        css = "text" if part is None else "caption"
        body.append(f'<div class="{css}">{_text_html(segments, labels)}</div>')
    counts = (
        f"{len(document.actors)} actors, {len(document.events)} events, {len(document.quotes)} quotes, "
        f"{len(document.claims)} claims, {len(document.timexes)} time expressions"
    )
    legend = (
        '<span class="hl-actor">actor</span><span class="hl-event">event</span>'
        '<span class="hl-quote">quote</span><span class="hl-claim">claim</span>'
        '<span class="hl-timex">time</span>'
    )
    title = f"<h2>{escape(article.title)}</h2>" if article.title else ""
    return (
        f'<div class="tacitus-doc"><style>{STYLE}</style>{title}<p class="meta">{meta}</p>'
        f'<p class="legend">{legend} {counts}</p>{"".join(body)}{_events_table(document)}</div>'
    )


def render(document: Document, path: str | Path | None = None) -> str:
    """A standalone HTML page of the highlighted document; written to `path` when given. Returns the HTML."""
    if not isinstance(document, Document):
        raise TypeError(f"render expects a tacitus Document, got {type(document).__name__}")
    title = escape(document.article.title or document.article.id)
    page = (
        f'<!doctype html>\n<html lang="{escape(document.article.language or "en")}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title} · Tacitus</title>\n</head>\n<body>\n{document_html(document)}\n</body>\n</html>\n"
    )
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page


__all__ = ["document_html", "render"]
