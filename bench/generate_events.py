"""Fill a store with generated, realistic events (a million by default) to measure the list queries at scale.

    .venv/bin/python bench/generate_events.py --db postgresql+psycopg://u:p@127.0.0.1/tacitus_bench --events 1000000
    .venv/bin/python bench/generate_events.py --db sqlite:///bench-1m.db --events 1000000

Realistic means shaped like a news-derived event record, with a fixed seed: articles published over 2019–2025,
6–14 events each (about 10); actors drawn with a long-tailed (Zipf) popularity from a pool of countries,
international organisations and a few hundred people with a nationality, sector and role, so a few actors are
in a large share of events and most in very few, as in GDELT or POLECAT; event types with frequencies like a
news corpus (many CONSULT and statements of support, few assaults); mostly occurred, some planned, requested,
promised, denied; dates mostly the publication day or the day before, some only a month; places the capitals,
on 70% of events; one evidence sentence per event, written from a template for its type.

Documents are built with the contract models and flattened exactly as `Store.save` flattens them, then written
in bulk (`tacitus.store.bulk`: COPY on PostgreSQL, batched inserts on SQLite), a thousand articles a
transaction. Stories, clusters and actor memory are not computed: this fills the tables the lists read. Run it
on an empty store; it refuses a store that already holds articles unless --append is given.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

from tacitus.contract import Actor, Article, DateValue, Document, Event, Place, Role, Sentence, Span
from tacitus.store import Store
from tacitus.store.bulk import write_documents

# (name, ISO alpha-3, capital, lat, lon): the countries that news about politics names most, roughly by share.
COUNTRIES = [
    ("United States", "USA", "Washington", 38.9, -77.04),
    ("Russia", "RUS", "Moscow", 55.75, 37.62),
    ("China", "CHN", "Beijing", 39.9, 116.4),
    ("Ukraine", "UKR", "Kyiv", 50.45, 30.52),
    ("Israel", "ISR", "Jerusalem", 31.77, 35.21),
    ("Iran", "IRN", "Tehran", 35.69, 51.39),
    ("United Kingdom", "GBR", "London", 51.51, -0.13),
    ("France", "FRA", "Paris", 48.86, 2.35),
    ("Germany", "DEU", "Berlin", 52.52, 13.4),
    ("Turkey", "TUR", "Ankara", 39.93, 32.86),
    ("India", "IND", "New Delhi", 28.61, 77.21),
    ("Pakistan", "PAK", "Islamabad", 33.68, 73.05),
    ("Egypt", "EGY", "Cairo", 30.04, 31.24),
    ("Qatar", "QAT", "Doha", 25.29, 51.53),
    ("Saudi Arabia", "SAU", "Riyadh", 24.71, 46.68),
    ("Syria", "SYR", "Damascus", 33.51, 36.29),
    ("Iraq", "IRQ", "Baghdad", 33.31, 44.36),
    ("Lebanon", "LBN", "Beirut", 33.89, 35.5),
    ("Japan", "JPN", "Tokyo", 35.68, 139.69),
    ("South Korea", "KOR", "Seoul", 37.57, 126.98),
    ("North Korea", "PRK", "Pyongyang", 39.04, 125.76),
    ("Afghanistan", "AFG", "Kabul", 34.56, 69.21),
    ("Nigeria", "NGA", "Abuja", 9.08, 7.4),
    ("Ethiopia", "ETH", "Addis Ababa", 9.03, 38.74),
    ("Sudan", "SDN", "Khartoum", 15.5, 32.56),
    ("Kenya", "KEN", "Nairobi", -1.29, 36.82),
    ("South Africa", "ZAF", "Pretoria", -25.75, 28.19),
    ("Brazil", "BRA", "Brasilia", -15.79, -47.88),
    ("Mexico", "MEX", "Mexico City", 19.43, -99.13),
    ("Venezuela", "VEN", "Caracas", 10.48, -66.9),
    ("Colombia", "COL", "Bogota", 4.71, -74.07),
    ("Poland", "POL", "Warsaw", 52.23, 21.01),
    ("Belarus", "BLR", "Minsk", 53.9, 27.57),
    ("Armenia", "ARM", "Yerevan", 40.18, 44.51),
    ("Azerbaijan", "AZE", "Baku", 40.41, 49.87),
    ("Yemen", "YEM", "Sanaa", 15.37, 44.19),
    ("Libya", "LBY", "Tripoli", 32.89, 13.19),
    ("Mali", "MLI", "Bamako", 12.64, -8.0),
    ("Myanmar", "MMR", "Naypyidaw", 19.76, 96.08),
    ("Philippines", "PHL", "Manila", 14.6, 120.98),
]
# (name, country or None, type, sector)
ORGANISATIONS = [
    ("United Nations", None, "organization", "IGO"),
    ("NATO", None, "organization", "IGO"),
    ("European Union", None, "organization", "IGO"),
    ("African Union", None, "organization", "IGO"),
    ("Arab League", None, "organization", "IGO"),
    ("International Atomic Energy Agency", None, "organization", "IGO"),
    ("World Health Organization", None, "organization", "IGO"),
    ("Red Cross", None, "organization", "NGO"),
    ("Amnesty International", None, "organization", "NGO"),
    ("Hamas", "PSE", "group", "REB"),
    ("Hezbollah", "LBN", "group", "REB"),
    ("Taliban", "AFG", "group", "REB"),
    ("Houthis", "YEM", "group", "REB"),
    ("Wagner Group", "RUS", "group", "MIL"),
    ("Kremlin", "RUS", "organization", "GOV"),
    ("Pentagon", "USA", "organization", "MIL"),
    ("State Department", "USA", "organization", "GOV"),
    ("Palestinian Authority", "PSE", "organization", "GOV"),
    ("Israel Defense Forces", "ISR", "organization", "MIL"),
    ("Ukrainian Armed Forces", "UKR", "organization", "MIL"),
    ("Reuters", None, "media", "MED"),
    ("TASS", "RUS", "media", "MED"),
    ("Al Jazeera", "QAT", "media", "MED"),
]
FIRST_NAMES = [
    "Anna",
    "Boris",
    "Carlos",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hassan",
    "Ivan",
    "Julia",
    "Karim",
    "Laila",
    "Mikhail",
    "Nadia",
    "Omar",
    "Pavel",
    "Rania",
    "Sergei",
    "Tomas",
    "Ursula",
    "Viktor",
    "Wang",
    "Yusuf",
    "Zainab",
    "Ahmed",
    "Beatriz",
    "Chen",
    "Daniel",
    "Emre",
    "Fatima",
    "Gustavo",
    "Hiroshi",
    "Ines",
    "Jamal",
    "Kofi",
    "Lucia",
    "Mateo",
    "Nikolai",
    "Olga",
    "Priya",
]
LAST_NAMES = [
    "Abbas",
    "Bauer",
    "Castillo",
    "Dubois",
    "Erdem",
    "Fischer",
    "Gomez",
    "Haddad",
    "Ivanov",
    "Jensen",
    "Kovalenko",
    "Lopez",
    "Mansour",
    "Novak",
    "Okafor",
    "Petrov",
    "Qureshi",
    "Rahman",
    "Sokolov",
    "Tanaka",
    "Usmanov",
    "Volkov",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Alvarez",
    "Brennan",
    "Chowdhury",
    "Dlamini",
    "Eriksen",
    "Farouk",
    "Grigoryan",
    "Hossain",
    "Iqbal",
    "Jovanovic",
    "Kaya",
    "Lindqvist",
    "Morozov",
    "Nasser",
]
ROLES = [
    ("President", "GOV"),
    ("Prime Minister", "GOV"),
    ("Foreign Minister", "GOV"),
    ("Defence Minister", "GOV"),
    ("Deputy Foreign Minister", "GOV"),
    ("spokesperson", "GOV"),
    ("ambassador", "GOV"),
    ("army chief", "MIL"),
    ("commander", "MIL"),
    ("opposition leader", "OPP"),
    ("senator", "LEG"),
    ("governor", "GOV"),
]
# PLOVER type: (relative frequency, evidence template; {s} source, {t} target, {p} " in PLACE" or "").
TYPES = {
    "CONSULT": (22, "{s} met {t}{p} to discuss the crisis"),
    "SUPPORT": (10, "{s} voiced support for {t}{p}"),
    "AGREE": (7, "{s} agreed with {t} on a framework{p}"),
    "REQUEST": (9, "{s} asked {t} to mediate{p}"),
    "COOPERATE": (6, "{s} signed a cooperation deal with {t}{p}"),
    "AID": (5, "{s} sent humanitarian aid to {t}{p}"),
    "ACCUSE": (9, "{s} accused {t} of violating the truce{p}"),
    "REJECT": (5, "{s} rejected the proposal of {t}{p}"),
    "THREATEN": (4, "{s} threatened {t} with sanctions{p}"),
    "PROTEST": (4, "{s} protested against {t}{p}"),
    "SANCTION": (3, "{s} imposed sanctions on {t}{p}"),
    "MOBILIZE": (2, "{s} moved troops toward {t}{p}"),
    "COERCE": (3, "{s} detained officials of {t}{p}"),
    "ASSAULT": (5, "{s} carried out strikes against {t}{p}"),
    "RETREAT": (2, "{s} withdrew forces from {t}{p}"),
    "CONCEDE": (2, "{s} released prisoners of {t}{p}"),
    "INVESTIGATE": (2, "{s} opened an inquiry into {t}{p}"),
}
STATUSES = [
    ("occurred", 70),
    ("planned", 9),
    ("requested", 6),
    ("promised", 5),
    ("denied", 4),
    ("postponed", 2),
    ("ongoing", 2),
    ("hypothetical", 1),
    ("cancelled", 1),
]
SITES = [
    "example-wire.org",
    "daily-news.example",
    "world-report.example",
    "east-west.example",
    "capital-times.example",
]
FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2025, 12, 31)


class World:
    """The actor pool with Zipf popularity, and weighted choices for types and statuses."""

    def __init__(self, rng: random.Random, people: int = 400):
        self.rng = rng
        countries = [
            {
                "name": name,
                "type": "country",
                "country": iso,
                "sector": [],
                "role": None,
                "place": (capital, iso, lat, lon),
            }
            for name, iso, capital, lat, lon in COUNTRIES
        ]
        organisations = [
            {"name": name, "type": kind, "country": iso, "sector": [sector], "role": None}
            for name, iso, kind, sector in ORGANISATIONS
        ]
        rng.shuffle(organisations)
        country_weights = list(accumulate(1 / (rank + 1) for rank in range(len(COUNTRIES))))
        persons, seen = [], set()
        while len(persons) < people:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name in seen:
                continue
            seen.add(name)
            country = rng.choices(COUNTRIES, cum_weights=country_weights)[0]
            title, sector = rng.choice(ROLES)
            persons.append(
                {
                    "name": name,
                    "type": "person",
                    "country": country[1],
                    "sector": [sector],
                    "role": (title, country[0]),
                }
            )
        # Popularity rank: countries in their news order, organisations and people interleaved with them, so
        # the big countries lead (as in GDELT and POLECAT) and a long tail of people follows.
        self.actors = []
        for index in range(max(len(countries), len(organisations), len(persons))):
            for pool in (countries, organisations, persons):
                if index < len(pool):
                    self.actors.append(pool[index])
        self.cum_popularity = list(accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(self.actors))))
        self.types = list(TYPES)
        self.cum_types = list(accumulate(weight for weight, _ in TYPES.values()))
        self.statuses = [status for status, _ in STATUSES]
        self.cum_statuses = list(accumulate(weight for _, weight in STATUSES))
        self.capitals = [(capital, iso, lat, lon) for _, iso, capital, lat, lon in COUNTRIES]

    def cast(self, size: int) -> list[dict]:
        chosen: dict[str, dict] = {}
        while len(chosen) < size:
            actor = self.rng.choices(self.actors, cum_weights=self.cum_popularity)[0]
            chosen[actor["name"]] = actor
        return list(chosen.values())

    def event_type(self) -> str:
        return self.rng.choices(self.types, cum_weights=self.cum_types)[0]

    def status(self) -> str:
        return self.rng.choices(self.statuses, cum_weights=self.cum_statuses)[0]


def generated_document(index: int, world: World) -> Document:
    rng = world.rng
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    cast = world.cast(rng.randint(3, 7))
    actors = []
    for number, entry in enumerate(cast, start=1):
        roles = [Role(title=entry["role"][0], of=entry["role"][1])] if entry["role"] else []
        aliases = [entry["name"].split()[-1]] if entry["type"] == "person" else []
        actors.append(
            Actor(
                id=f"A{number}",
                name=entry["name"],
                type=entry["type"],
                country=entry["country"],
                sector=entry["sector"],
                roles=roles,
                aliases=aliases,
            )
        )
    by_id = {actor.id: entry for actor, entry in zip(actors, cast, strict=True)}
    text, sentences, events = "", [], []
    for number in range(rng.randint(6, 14)):
        source, target = rng.sample(actors, 2)
        kind = world.event_type()
        place = None
        if rng.random() < 0.7:
            home = (
                by_id[source.id].get("place") or by_id[target.id].get("place") or rng.choice(world.capitals)
            )
            place = Place(name=home[0], country=home[1], lat=home[2], lon=home[3])
        clause = TYPES[kind][1].format(s=source.name, t=target.name, p=f" in {place.name}" if place else "")
        when = rng.random()
        if when < 0.1:
            day, date_text = published.strftime("%Y-%m"), f"in {published.strftime('%B')}"
        else:
            offset = 0 if when < 0.6 else rng.randint(1, 3)
            day, date_text = (
                (published - timedelta(days=offset)).isoformat(),
                None if offset == 0 else "on Monday",
            )
        sentence = f"{clause[0].upper()}{clause[1:]}{', ' + date_text if date_text else ''}, officials said."
        start = len(text)
        text += sentence + " "
        sentences.append(Sentence(start=start, end=start + len(sentence)))
        source.mentions.append(Span(start=start, end=start + len(source.name)))
        target_at = sentence.find(target.name)
        if target_at >= 0:
            target.mentions.append(Span(start=start + target_at, end=start + target_at + len(target.name)))
        events.append(
            Event(
                id=f"E{number + 1}",
                type=kind,
                status=world.status(),
                sources=[source.id],
                targets=[target.id],
                date=DateValue(value=day, text=date_text, inferred=date_text is None),
                place=place,
                confidence=round(rng.uniform(0.4, 0.95), 2),
                rule=f"generated.{kind.lower()}",
                evidence=[Span(start=start, end=start + len(clause))],
            )
        )
    site = rng.choice(SITES)
    article = Article(
        id=f"gen-{index:07d}",
        url=f"https://{site}/{published.isoformat()}/story-{index}",
        source=site,
        title=f"{cast[0]['name']} and {cast[1]['name']}: {events[0].type.lower()} report",
        published=published.isoformat(),
        language="en",
        text=text.strip(),
        content_hash=f"{index:064x}",
    )
    return Document(article=article, sentences=sentences, actors=actors, events=events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="store URL (sqlite:///… or postgresql+psycopg://…)")
    parser.add_argument("--events", type=int, default=1_000_000, help="at least this many events")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=1000, help="articles per transaction")
    parser.add_argument("--append", action="store_true", help="add to a store that already holds articles")
    args = parser.parse_args()

    world = World(random.Random(args.seed))
    started = time.perf_counter()
    with Store(args.db) as store:
        already = store.stats()
        if already["articles"] and not args.append:
            sys.exit(
                f"{args.db} already holds {already['articles']} articles: use an empty store or --append"
            )
        index, events, batch = already["articles"], 0, []
        now = datetime.now(UTC)
        while events < args.events:
            document = generated_document(index, world)
            events += len(document.events)
            batch.append(document)
            index += 1
            if len(batch) == args.batch or events >= args.events:
                write_documents(store, batch, now)
                batch = []
                rate = events / (time.perf_counter() - started)
                print(
                    f"\r{events:,} events, {index:,} articles ({rate:,.0f} events/s)", end="", file=sys.stderr
                )
        store.analyze()
        stats = store.stats()
    print(file=sys.stderr)
    print(
        f"{stats['events']:,} events in {stats['articles']:,} articles, {stats['event_actors']:,} event-actor links, "
        f"{stats['actors']:,} actor rows; {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
