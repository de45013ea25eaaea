"""Plain-text views of a document and of a store, for people reading a terminal."""

from __future__ import annotations

import textwrap

from tacitus.contract import Actor, Document

WIDTH = 100


def _actor_line(actor: Actor) -> str:
    code = "/".join(filter(None, [actor.country, ",".join(actor.sector)])) or "-"
    roles = "; ".join(f"{role.title}{' of ' + role.of if role.of else ''}" for role in actor.roles)
    aliases = [alias for alias in actor.aliases if alias != actor.name]
    extra = f"  aka {', '.join(aliases)}" if aliases else ""
    return f"  {actor.id:<4} {actor.name:<30} {actor.type.value:<12} {code:<12} {roles}{extra}".rstrip()


def _names(document: Document, ids: list[str]) -> str:
    return ", ".join((document.actor(i).name if document.actor(i) else i) for i in ids) or "?"


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe_document(document: Document) -> str:
    article = document.article
    lines = [
        article.title or "(untitled)",
        f"id {article.id} · published {article.published or 'unknown'} · {article.source or article.url or ''}"
        f" · language {article.language or '?'}",
    ]
    if article.warnings:
        lines.append("warnings: " + ", ".join(article.warnings))
    lines.append(f"\nActors ({len(document.actors)})")
    lines += [_actor_line(actor) for actor in document.actors]
    lines.append(f"\nEvents ({len(document.events)})")
    for event in document.events:
        when = event.date.value if event.date and event.date.value else "undated"
        where = f" in {event.place.name}" if event.place else ""
        mode = f"/{event.mode}" if event.mode else ""
        lines.append(
            f"  {event.id:<4} {event.type}{mode} [{event.status.value}] {_names(document, event.sources)} -> "
            f"{_names(document, event.targets)}, {when}{where}"
        )
        if event.evidence:
            lines.append(f"       “{_clip(event.evidence[0].text or '')}”")
    lines.append(f"\nQuotes ({len(document.quotes)})")
    for quote in document.quotes:
        speaker = _names(document, [quote.speaker]) if quote.speaker else "?"
        medium = (
            f" (to {_names(document, [quote.medium]) if document.actor(quote.medium) else quote.medium})"
            if quote.medium
            else ""
        )
        kind = "" if quote.direct else " [indirect]"
        lines.append(f"  {quote.id:<4} {speaker}{medium}{kind}: “{_clip(quote.text, 80)}”")
    if document.claims:
        lines.append(f"\nClaims ({len(document.claims)})")
        for claim in document.claims:
            source = _names(document, [claim.attribution]) if claim.attribution else "?"
            lines.append(f"  {claim.id:<4} {source}: {_clip(claim.text, 80)}")
    lines.append(
        f"\nTime expressions ({len(document.timexes)}): "
        + ", ".join(f"{timex.text!r}={timex.value or '?'}" for timex in document.timexes[:12])
        + (" …" if len(document.timexes) > 12 else "")
    )
    return "\n".join(lines)


def describe_store(store) -> str:
    stats = store.stats()
    lines = [f"Store: {store.url}", "  " + ", ".join(f"{count} {name}" for name, count in stats.items())]
    articles = store.articles(limit=3)
    example_id = articles[0].article_id if articles else "ARTICLE_ID"
    for row in articles:
        document = store.document(row.article_id)
        if document is not None:
            lines += ["", textwrap.indent(describe_document(document), "  ")]
    lines += [
        "",
        "Try next:",
        "  tacitus events --format table            # every event, with actors, date, place, status",
        "  tacitus actors --country RUS             # actors coded as Russian",
        "  tacitus quotes --actor Marzouk           # what one person said, and to whom",
        "  tacitus events --format csv -o events.csv",
        f"  tacitus show {example_id:<24} # one article with everything extracted from it",
        "  tacitus extract FILE --published 2024-06-11   # the document JSON (schema: tacitus schema)",
    ]
    db_option = "" if store.url.endswith("tacitus.db") else f" --db {store.url}"
    if db_option:
        lines.append(f"  (add{db_option} to each command, or set TACITUS_DB)")
    return "\n".join(lines)
