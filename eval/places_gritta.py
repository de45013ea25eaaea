"""Toponym recognition and resolution on LGL, TR-News and GeoVirus (`../shared/eval-data/geoparsing-gritta/`).

Runs the places stage alone (`tacitus.places.find_places`) on each article's spaCy parse and scores, per set:
- recall: gold toponyms overlapped by a found place mention; precision: found mentions overlapping a gold
  toponym; adjectival (demonym) mentions count where the set's gold annotates demonyms (LGL, TR-News), not
  in GeoVirus (`--adjectival yes|no` overrides);
- of the found gold toponyms with gold coordinates: the right country (the gold's country name for LGL and
  TR-News; for GeoVirus, which gives only coordinates, the country of the gazetteer town nearest the gold
  point), and the found place within 161 km (100 miles) of the gold point.

    .venv/bin/python eval/places_gritta.py --part tune|check|all [--errors N]
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import places_data  # noqa: E402
from splits import article_part, select  # noqa: E402

MILES_100 = 161.0
# LGL and TR-News annotate demonyms ("Sudanese") as toponyms; GeoVirus annotates only places with a Wikipedia
# page, never demonyms, so adjectival mentions are left out of its score
ADJECTIVAL_ANNOTATED = {"lgl": True, "trnews": True, "geovirus": False}


def _country_by_name():
    import pycountry

    from tacitus.places import gazetteer

    gaz = gazetteer.load()
    names = {}
    for row in gaz.country_row.values():
        names[gaz.name[row].casefold()] = gaz.alpha3[gaz.country[row]]
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(country, attr, None):
                names.setdefault(getattr(country, attr).casefold(), country.alpha_3)
    return names


def _nearest_country(lat: float, lon: float) -> str | None:
    """The country of the gazetteer town nearest a point (a coarse grid keeps it quick)."""
    from tacitus.places import gazetteer
    from tacitus.places.resolve import km

    gaz = gazetteer.load()
    grid = _grid()
    best, found = math.inf, None
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            for row in grid.get((int(lat) + dlat, int(lon) + dlon), ()):
                d = km(lat, lon, gaz.lat[row], gaz.lon[row])
                if d < best:
                    best, found = d, gaz.alpha3.get(gaz.country[row])
    return found


_GRID: dict = {}


def _grid():
    if not _GRID:
        from tacitus.places import gazetteer

        gaz = gazetteer.load()
        for row in range(len(gaz)):
            if gaz.feature[row] in ("city", "capital") and not math.isnan(gaz.lat[row]):
                _GRID.setdefault((int(gaz.lat[row]), int(gaz.lon[row])), []).append(row)
    return _GRID


def score(
    name: str,
    part: str,
    errors: int = 0,
    threshold: float | None = None,
    data: Path | None = None,
    adjectival: bool | None = None,
) -> dict:
    from tacitus.places import find_places

    adjectival = ADJECTIVAL_ANNOTATED[name] if adjectival is None else adjectival
    from tacitus.places.resolve import km

    items = places_data.articles(name, data or places_data.DATA)
    items = select(items, lambda a: article_part(name, a.id), part)
    pairs = list(zip(items, places_data.parsed(name, items), strict=True))
    by_name = _country_by_name()
    gold_n = found = predicted = correct_pred = 0
    geo_n = country_ok = near_ok = 0
    shown = 0
    for article, doc in pairs:
        places = find_places(doc, threshold)
        mentions = [(m, p) for p in places for m in p.mentions if adjectival or m.use != "adjectival"]
        predicted += len(mentions)
        for m, _ in mentions:
            if any(t.start < m.end and m.start < t.end for t in article.toponyms):
                correct_pred += 1
            elif shown < errors:
                shown += 1
                print(
                    f"  FP {name} {m.text!r} ({m.use}) …{article.text[max(0, m.start - 40) : m.end + 40]!r}"
                )
        for top in article.toponyms:
            gold_n += 1
            hit = next(((m, p) for m, p in mentions if m.start < top.end and top.start < m.end), None)
            if hit is None:
                if shown < errors:
                    shown += 1
                    print(
                        f"  FN {name} {top.text!r} …{article.text[max(0, top.start - 40) : top.end + 40]!r}"
                    )
                continue
            found += 1
            if top.lat is None or top.lon is None:
                continue
            geo_n += 1
            place = hit[1]
            gold_country = by_name.get((top.country or "").casefold()) or _nearest_country(top.lat, top.lon)
            if place.country == gold_country:
                country_ok += 1
            if place.lat is not None and km(top.lat, top.lon, place.lat, place.lon) <= MILES_100:
                near_ok += 1
            elif shown < errors:
                shown += 1
                d = km(top.lat, top.lon, place.lat, place.lon) if place.lat is not None else -1
                print(f"  GEO {name} {top.text!r} -> {place.name} {place.country} {place.feature} {d:.0f} km")
    return {
        "set": name,
        "articles": len(pairs),
        "gold": gold_n,
        "recall": found / gold_n if gold_n else 0.0,
        "precision": correct_pred / predicted if predicted else 0.0,
        "geocoded": geo_n,
        "country": country_ok / geo_n if geo_n else 0.0,
        "within_161km": near_ok / geo_n if geo_n else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="tune", choices=("tune", "check", "all"))
    parser.add_argument("--sets", default=",".join(places_data.FILES))
    parser.add_argument("--threshold", type=float, default=None, help="instead of the learned one")
    parser.add_argument(
        "--adjectival",
        choices=("set", "yes", "no"),
        default="set",
        help="score demonym mentions: as the set's gold does, always, never",
    )
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors per set")
    args = parser.parse_args()
    print(f"part={args.part}")
    print(
        f"{'set':9} {'articles':>8} {'gold':>5} {'recall':>7} {'prec':>6} {'geo':>5} {'country':>8} {'161km':>6}"
    )
    for name in args.sets.split(","):
        adjectival = {"set": None, "yes": True, "no": False}[args.adjectival]
        r = score(name, args.part, args.errors, args.threshold, adjectival=adjectival)
        print(
            f"{r['set']:9} {r['articles']:8} {r['gold']:5} {r['recall']:7.3f} {r['precision']:6.3f} "
            f"{r['geocoded']:5} {r['country']:8.3f} {r['within_161km']:6.3f}"
        )


if __name__ == "__main__":
    main()
