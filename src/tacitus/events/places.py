"""Place lookups for the events stage when a name stands alone: the places stage's gazetteer, our demonyms.

A place is looked up only when the event's own clause puts the event there ("in Moscow", "in the Russian
capital", "visited Moscow"); `place_date.py` decides that and first takes the places stage's resolved place
(`document.places`); this module names and locates a name the places stage left out, by the gazetteer's prior
(population and feature type: a country's name beats a town's).
"""

from __future__ import annotations

import math
from functools import lru_cache

from tacitus.contract import Place
from tacitus.places import gazetteer as places_gazetteer
from tacitus.places import words
from tacitus.places.gazetteer import FEATURE_CAPITAL, FEATURE_COUNTRY, key_of
from tacitus.places.resolve import prior


def _point(row: int, name: str | None = None) -> Place:
    gaz = places_gazetteer.load()
    lat, lon = gaz.lat[row], gaz.lon[row]
    return Place(
        name=name or gaz.name[row],
        country=gaz.alpha3.get(gaz.country[row]),
        lat=None if math.isnan(lat) else lat,
        lon=None if math.isnan(lon) else lon,
        geonames_id=gaz.geonames_id[row] or None,
    )


def _best(name: str) -> int | None:
    gaz = places_gazetteer.load()
    rows = gaz.rows(name)
    key = key_of(name)
    return max(rows, key=lambda r: prior(r, gaz, key)) if rows else None


def geocode(name: str) -> Place | None:
    """A place for a toponym, or None; the returned place keeps the text's own spelling."""
    row = _best(name)
    return None if row is None else _point(row, name.strip())


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return words.demonyms()


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return {key_of(k): v for k, v in words.country_aliases().items()}


@lru_cache(maxsize=1)
def _capitals() -> dict[str, int]:
    gaz = places_gazetteer.load()
    return {gaz.alpha3[gaz.country[r]]: r for r in range(len(gaz)) if gaz.feature[r] == FEATURE_CAPITAL}


def country_of_demonym(word: str) -> str | None:
    return _demonyms().get(word.strip().lower())


def capital_of(alpha3: str) -> Place | None:
    row = _capitals().get(alpha3)
    return None if row is None else _point(row)


def _country_row(name: str) -> int | None:
    row = _best(name)
    return row if row is not None and places_gazetteer.load().feature[row] == FEATURE_COUNTRY else None


def country_of_name(name: str) -> str | None:
    """Alpha-3 for an actor name that is a country, a capital used for its government, or a demonym."""
    key = key_of(name)
    if key in _aliases():
        return _aliases()[key]
    demonym = country_of_demonym(name)
    if demonym:
        return demonym
    row = _country_row(name)
    return None if row is None else places_gazetteer.load().alpha3.get(places_gazetteer.load().country[row])


def is_country(name: str) -> bool:
    """True for a country's name ("China"), so "in China" and "in Beijing" can name one event's place."""
    return _country_row(name) is not None
