"""Stored events in the layouts analysts' tools already read: POLECAT's tab-separated columns and a GDELT-style
dyadic CAMEO layout. Columns we have no value for stay empty; docs/export.md maps every column to its source.

The events come from the store's query layer (the same filters as `tacitus events`); the details a flat event
row lacks (actor sectors, titles, the words that named an actor, the story's people) come from the stored
document of each article, read once per article.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO

from tacitus.analyst.scaled import ScaledEventRow, scaled
from tacitus.contract import Actor, Document
from tacitus.events import load_ontology
from tacitus.store.cells import safe_record
from tacitus.store.flatten import date_key, span_text
from tacitus.store.rows import JOIN, EventRow

LAYOUTS = ("polecat", "cameo")

POLECAT_COLUMNS = [
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Event Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
]

CAMEO_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "SOURCEURL",
    "PLOVERType",
    "PLOVERMode",
    "Status",
]

PEOPLE, ORGANISATIONS, LOCATIONS = {"person"}, {"organization", "group", "media"}, {"country", "place"}


@dataclass(frozen=True)
class Parties:
    """One side of an event (its sources or its targets) as the actors the document names."""

    actors: list[Actor]
    document: Document

    def names(self) -> str:
        return _join(a.name for a in self.actors)

    def countries(self) -> str:
        return _join(dict.fromkeys(a.country for a in self.actors if a.country))

    def primary_sector(self) -> str:
        return next((a.sector[0] for a in self.actors if a.sector), "")

    def sectors(self) -> str:
        return _join(dict.fromkeys(s for a in self.actors for s in a.sector))

    def titles(self) -> str:
        return _join(dict.fromkeys(r.title for a in self.actors for r in a.roles))

    def raw_names(self) -> str:
        """The words of each actor's first mention, as the article wrote them."""
        return _join(span_text(self.document, a.mentions[0]) for a in self.actors if a.mentions)


def _join(values: Iterable[str | None]) -> str:
    return JOIN.join(v for v in values if v)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return " ".join(str(value).split())  # a tab or a line break inside a value would break the layout


def _parties(document: Document, ids: str | None) -> Parties:
    wanted = ids.split(JOIN) if ids else []
    return Parties([a for i in wanted if (a := document.actor(i)) is not None], document)


def _story(document: Document, kinds: set[str]) -> str:
    return _join(dict.fromkeys(a.name for a in document.actors if a.type.value in kinds))


def _version() -> str:
    from tacitus import __version__

    return f"tacitus {__version__}; PLOVER {load_ontology().version}"


def _place_columns(document: Document, event_id: str) -> dict:
    """POLECAT's City, Province, GeoNames ID, Feature Type and Raw Placename from the event's place (the
    places stage's entry: City only when the place is a town, ACLED precision 1)."""
    event = next((e for e in document.events if e.id == event_id), None)
    place = event.place if event is not None else None
    if place is None:
        return {}
    entry = next((p for p in document.places if p.id == place.place_id), None)
    return {
        "City": (entry.name if entry is not None else place.name) if place.precision == 1 else None,
        "Province": place.admin1,
        "GeoNames ID": place.geonames_id,
        "Feature Type": entry.feature if entry is not None else None,
        "Raw Placename": place.name,
    }


def polecat_record(row: ScaledEventRow, document: Document) -> dict[str, str]:
    source, target = _parties(document, row.source_ids), _parties(document, row.target_ids)
    article = document.article
    values = {
        **_place_columns(document, row.event_id),
        "Event ID": f"{row.article_id}-{row.event_id}",
        "Event Date": date_key(row.date, None),
        "Event Type": row.type,
        "Event Mode": row.mode,
        "Quad Code": row.quad_class,
        "Contexts": row.context,
        "Actor Name": source.names(),
        "Actor Country": source.countries(),
        "Primary Actor Sector": source.primary_sector(),
        "Actor Sectors": source.sectors(),
        "Actor Title": source.titles(),
        "Actor Name Raw": source.raw_names(),
        "Recipient Name": target.names(),
        "Recipient Country": target.countries(),
        "Primary Recipient Sector": target.primary_sector(),
        "Recipient Sectors": target.sectors(),
        "Recipient Title": target.titles(),
        "Recipient Name Raw": target.raw_names(),
        "Placename": row.place,
        "Country": row.place_country,
        "Latitude": row.lat,
        "Longitude": row.lon,
        "Source": article.source or article.url,
        "Publication Date": row.published,
        "Story People": _story(document, PEOPLE),
        "Story Organizations": _story(document, ORGANISATIONS),
        "Story Locations": _story(document, LOCATIONS),
        "Language": article.language,
        "Version": _version(),
    }
    return {column: _cell(values.get(column)) for column in POLECAT_COLUMNS}


def cameo_record(row: ScaledEventRow, document: Document) -> dict[str, str]:
    source, target = _parties(document, row.source_ids), _parties(document, row.target_ids)
    day = date_key(row.date, None) or ""
    event = next((e for e in document.events if e.id == row.event_id), None)
    code = row.cameo_code or ""
    values = {
        "GLOBALEVENTID": f"{row.article_id}-{row.event_id}",
        "SQLDATE": day.replace("-", "") if len(day) == 10 else None,
        "MonthYear": day[:7].replace("-", "") if len(day) >= 7 else None,
        "Year": day[:4] or None,
        "Actor1Name": source.names(),
        "Actor1CountryCode": source.countries(),
        "Actor1Type1Code": source.primary_sector(),
        "Actor2Name": target.names(),
        "Actor2CountryCode": target.countries(),
        "Actor2Type1Code": target.primary_sector(),
        "EventCode": code,
        "EventBaseCode": code[:3] if len(code) >= 3 else None,
        "EventRootCode": row.cameo_root,
        "QuadClass": row.quad_class,
        "GoldsteinScale": row.goldstein,
        "NumMentions": len(event.evidence) if event else None,
        "NumSources": 1,
        "NumArticles": 1,
        "ActionGeo_FullName": row.place,
        "ActionGeo_CountryCode": row.place_country,
        "ActionGeo_Lat": row.lat,
        "ActionGeo_Long": row.lon,
        "SOURCEURL": document.article.url,
        "PLOVERType": row.type,
        "PLOVERMode": row.mode,
        "Status": row.status,
    }
    return {column: _cell(values.get(column)) for column in CAMEO_COLUMNS}


LAYOUT_COLUMNS = {"polecat": POLECAT_COLUMNS, "cameo": CAMEO_COLUMNS}
LAYOUT_RECORDS = {"polecat": polecat_record, "cameo": cameo_record}


def layout_records(rows: Iterable[EventRow], layout: str, document_of: Callable[[str], Document | None]):
    """One record (column → text) per event row; `document_of` gives each article's stored document."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}: use one of {', '.join(LAYOUTS)}")
    # Rows come grouped by article far more often than not; a bounded cache keeps a corpus export's memory flat.
    document_of = lru_cache(maxsize=64)(document_of)
    for row in rows:
        document = document_of(row.article_id)
        if document is not None:
            yield LAYOUT_RECORDS[layout](scaled(row), document)


def write_layout(
    rows: Iterable[EventRow],
    layout: str,
    document_of: Callable[[str], Document | None],
    out: IO[str] | str | Path,
) -> int:
    """Write the rows as tab-separated text with a header of the layout's column names; returns rows written."""
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return write_layout(rows, layout, document_of, stream)
    writer = csv.DictWriter(out, fieldnames=LAYOUT_COLUMNS[layout], delimiter="\t", lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in layout_records(rows, layout, document_of):
        writer.writerow(safe_record(record))
        count += 1
    out.flush()
    return count


__all__ = [
    "CAMEO_COLUMNS",
    "LAYOUTS",
    "POLECAT_COLUMNS",
    "cameo_record",
    "layout_records",
    "polecat_record",
    "write_layout",
]
