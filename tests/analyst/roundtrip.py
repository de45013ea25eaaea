"""What every exported POLECAT / CAMEO cell must hold, worked out from the stored event row and document, so
the round-trip tests (hand-built store and the sample) check each value independently of the exporter."""

from __future__ import annotations

import io

import pandas as pd

from tacitus.analyst.exchange import CAMEO_COLUMNS, POLECAT_COLUMNS, write_layout
from tacitus.events.scales import scale_of

EMPTY_POLECAT = {
    "Event Intensity",
    "Actor COW",
    "Wikipedia Actor ID",
    "Recipient COW",
    "Wikipedia Recipient ID",
    "District",
}
PLACE_POLECAT = ("City", "Province", "GeoNames ID", "Feature Type", "Raw Placename")


def _place_cells(document, event_id: str) -> tuple[str, ...]:
    """The event's place as POLECAT writes it: City only for a town (precision 1)."""
    event = next((e for e in document.events if e.id == event_id), None)
    place = event.place if event is not None else None
    if place is None:
        return ("",) * len(PLACE_POLECAT)
    entry = next((p for p in document.places if p.id == place.place_id), None)
    city = (entry.name if entry is not None else place.name) if place.precision == 1 else None
    values = (city, place.admin1, place.geonames_id, entry.feature if entry is not None else None, place.name)
    return tuple("" if v is None else str(v) for v in values)


EMPTY_CAMEO = {"AvgTone"}


def exported(store, layout: str, **filters) -> pd.DataFrame:
    buffer = io.StringIO()
    write_layout(store.events(**filters), layout, store.document, buffer)
    buffer.seek(0)
    return pd.read_csv(buffer, sep="\t", dtype=str, keep_default_na=False)


def _actors(document, ids):
    return [document.actor(i) for i in (ids.split("; ") if ids else []) if document.actor(i)]


def _calendar(value):
    import re

    match = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?(?=$|T)", value or "")
    return match.group(0) if match else ""


def _num(value):
    return "" if value is None else repr(float(value))


def check_polecat(store, frame: pd.DataFrame) -> int:
    assert list(frame.columns) == POLECAT_COLUMNS
    rows = {f"{r.article_id}-{r.event_id}": r for r in store.events()}
    checked = 0
    for record in frame.to_dict("records"):
        row = rows[record["Event ID"]]
        document = store.document(row.article_id)
        sources, targets = _actors(document, row.source_ids), _actors(document, row.target_ids)
        assert record["Event Date"] == _calendar(row.date)
        assert (record["Event Type"], record["Event Mode"]) == (row.type, row.mode or "")
        assert record["Quad Code"] == str(scale_of(row.type).quad_class)
        assert record["Contexts"] == (row.context or "")
        for prefix, side in (("Actor", sources), ("Recipient", targets)):
            assert record[f"{prefix} Name"] == "; ".join(a.name for a in side)
            assert record[f"{prefix} Country"].split("; ") == list(
                dict.fromkeys(a.country for a in side if a.country)
            ) or (record[f"{prefix} Country"] == "" and not any(a.country for a in side))
            sectors = [s for a in side for s in a.sector]
            assert record[f"{prefix} Sectors"] == "; ".join(dict.fromkeys(sectors))
            primary = f"Primary {prefix} Sector"
            assert record[primary] == (sectors[0] if sectors else "")
            for actor in side:
                if actor.mentions:
                    text = document.article.text if actor.mentions[0].part is None else None
                    if text is not None:
                        assert (
                            text[actor.mentions[0].start : actor.mentions[0].end]
                            in record[f"{prefix} Name Raw"]
                        )
        assert (record["Placename"], record["Country"]) == (row.place or "", row.place_country or "")
        assert (record["Latitude"], record["Longitude"]) == (_num(row.lat), _num(row.lon))
        assert tuple(record[c] for c in PLACE_POLECAT) == _place_cells(document, row.event_id)
        assert record["Publication Date"] == (row.published or "")
        assert record["Source"] == (document.article.source or document.article.url or "")
        assert record["Language"] == (document.article.language or "")
        people = [a.name for a in document.actors if a.type.value == "person"]
        assert record["Story People"] == "; ".join(dict.fromkeys(people))
        assert all(record[column] == "" for column in EMPTY_POLECAT), (
            "a column we have no value for was filled"
        )
        checked += 1
    return checked


def check_cameo(store, frame: pd.DataFrame) -> int:
    assert list(frame.columns) == CAMEO_COLUMNS
    rows = {f"{r.article_id}-{r.event_id}": r for r in store.events()}
    for record in frame.to_dict("records"):
        row = rows[record["GLOBALEVENTID"]]
        scale = scale_of(row.type, row.mode)
        day = _calendar(row.date)
        assert record["SQLDATE"] == (day.replace("-", "") if len(day) == 10 else "")
        assert record["MonthYear"] == (day[:7].replace("-", "") if len(day) >= 7 else "")
        assert record["Year"] == day[:4]
        assert (record["EventCode"], record["EventRootCode"]) == (scale.cameo_code, scale.cameo_root)
        assert record["EventCode"].startswith(record["EventRootCode"])
        assert (record["QuadClass"], record["GoldsteinScale"]) == (
            str(scale.quad_class),
            repr(scale.goldstein),
        )
        assert (record["PLOVERType"], record["Status"]) == (row.type, row.status)
        assert (record["ActionGeo_Lat"], record["ActionGeo_Long"]) == (_num(row.lat), _num(row.lon))
        assert all(record[column] == "" for column in EMPTY_CAMEO)
    return len(frame)
