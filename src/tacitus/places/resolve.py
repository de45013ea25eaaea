"""Toponym resolution: which gazetteer entry each recognised name is, read in the context of the article.

Every name has candidate rows in the gazetteer. A candidate's score adds up:
- the prior: population (log) and feature type (a country or first-order division beats a town of that name,
  a capital beats other towns);
- the "Town, State" pattern ("Alexandria, La.", "Paris, Texas"): only candidates inside the named division or
  country stay;
- the article's main country (the one its names point at most, by the same prior): its candidates gain;
- distance: a candidate near the article's other places gains, one far from all of them loses.
A name narrowed once by "Town, State" keeps that reading everywhere in the article.
Two passes: the second reads the first pass's choices as the other places of the article.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tacitus.places.gazetteer import (
    FEATURE_ADMIN1,
    FEATURE_CAPITAL,
    FEATURE_CONTINENT,
    FEATURE_COUNTRY,
    Gazetteer,
    key_of,
)

ABBREVIATIONS = Path(__file__).parent / "data" / "us_state_abbreviations.json"
FEATURE_PRIOR = {FEATURE_COUNTRY: 3.0, FEATURE_CONTINENT: 3.0, FEATURE_ADMIN1: 2.5, FEATURE_CAPITAL: 1.5}
MAIN_COUNTRY_BONUS = 3.0
PRIMARY_NAME_BONUS = 1.0
NEAR_KM, NEAR_BONUS = 400.0, 1.0
FAR_KM, FAR_PENALTY = 3000.0, 1.0


@dataclass
class Name:
    """One recognised name to resolve: its text, and what follows it after a comma, if anything."""

    text: str
    demonym: str | None = None  # alpha-3 of a demonym's country
    qualifier: str | None = None  # "La." in "Alexandria, La."


@lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, str]:
    """AP-style US state abbreviations ("La.", "Calif.") -> two-letter state code."""
    return {key_of(k): v for k, v in json.loads(ABBREVIATIONS.read_text(encoding="utf-8")).items()}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    if math.isnan(lat1) or math.isnan(lat2):
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def candidate_rows(name: Name, gaz: Gazetteer) -> tuple[int, ...]:
    if name.demonym:
        alpha2 = next((a2 for a2, a3 in gaz.alpha3.items() if a3 == name.demonym), None)
        return (gaz.country_row[alpha2],) if alpha2 in gaz.country_row else ()
    state = state_abbreviations().get(key_of(name.text))
    if state and ("US", state) in gaz.admin1_row:
        return (gaz.admin1_row[("US", state)],)
    rows = gaz.rows(name.text)
    if rows:
        return rows
    from tacitus.places.recognise import base_name

    base = base_name(name.text)  # "Mahnomen County": the county's namesake town, as near as we know it
    if not base:
        return ()
    return tuple(
        r for r in gaz.rows(base) if gaz.feature[r] != FEATURE_COUNTRY and key_of(gaz.name[r]) == key_of(base)
    )


def _within(rows: tuple[int, ...], qualifier: str, gaz: Gazetteer) -> tuple[int, ...]:
    """The rows inside the division or country a "Town, Qualifier" names; all rows when none is."""
    state = state_abbreviations().get(key_of(qualifier))
    if state:
        kept = tuple(r for r in rows if gaz.country[r] == "US" and gaz.admin1[r] == state)
        return kept or rows
    areas = [r for r in gaz.rows(qualifier) if gaz.feature[r] in (FEATURE_ADMIN1, FEATURE_COUNTRY)]
    kept = tuple(
        r
        for r in rows
        for a in areas
        if gaz.country[r] == gaz.country[a]
        and (gaz.feature[a] == FEATURE_COUNTRY or (gaz.admin1[a] and gaz.admin1[r] == gaz.admin1[a]))
    )
    return tuple(dict.fromkeys(kept)) or rows


def prior(row: int, gaz: Gazetteer, key: str = "") -> float:
    """Population (log) and feature type; a place whose own name is the text beats one that only has it as
    another name ("Richmond" is Richmond before Port Richmond)."""
    own = PRIMARY_NAME_BONUS if key and key_of(gaz.name[row]) == key else 0.0
    return math.log10(gaz.population[row] + 1) + FEATURE_PRIOR.get(gaz.feature[row], 0.0) + own


def resolve(names: list[Name], gaz: Gazetteer) -> list[tuple[int | None, float]]:
    """(row, confidence) for each name, in order; row None when the gazetteer has no candidate."""
    options = []
    narrowed: dict[str, tuple[int, ...]] = {}
    for name in names:
        rows = candidate_rows(name, gaz)
        if name.qualifier and len(rows) > 1:
            rows = _within(rows, name.qualifier, gaz)
            narrowed.setdefault(key_of(name.text), rows)
        options.append(rows)
    # One sense per article: "Alexandria, La." makes every later "Alexandria" the one in Louisiana
    options = [narrowed.get(key_of(n.text), rows) for n, rows in zip(names, options, strict=True)]
    keys = [key_of(n.text) for n in names]
    chosen = [
        max(rows, key=lambda r: prior(r, gaz, key)) if rows else None
        for rows, key in zip(options, keys, strict=True)
    ]
    votes: Counter[str] = Counter()
    for rows, row in zip(options, chosen, strict=True):
        if row is not None and gaz.country[row]:
            votes[gaz.country[row]] += 1.0 / len({gaz.country[r] for r in rows})
    main = votes.most_common(1)[0][0] if votes else None
    # The other names' places as a set (the nearest distance reads no multiplicity), and each score computed
    # once per (row, name, excluded place): per name over every other name grew with the square of the length.
    counts = Counter(c for c in chosen if c is not None)
    scores: dict[tuple, float] = {}
    result: list[tuple[int | None, float]] = []
    for index, rows in enumerate(options):
        if not rows:
            result.append((None, 0.0))
            continue
        own = chosen[index]
        excluded = own if own is not None and counts[own] == 1 else None
        scored = []
        for r in rows:
            memo = (r, keys[index], excluded)
            if memo not in scores:
                others = [c for c in counts if c != excluded]
                scores[memo] = _score(r, gaz, main, others, keys[index])
            scored.append((scores[memo], r))
        scored.sort(reverse=True)
        best, row = scored[0]
        margin = best - scored[1][0] if len(scored) > 1 else 5.0
        result.append((row, round(1.0 / (1.0 + math.exp(-margin)), 3)))
    return result


def _score(row: int, gaz: Gazetteer, main: str | None, others: list[int], key: str) -> float:
    total = prior(row, gaz, key)
    if main is not None and gaz.country[row] == main:
        total += MAIN_COUNTRY_BONUS
    areas = (FEATURE_COUNTRY, FEATURE_CONTINENT)
    towns = [o for o in others if gaz.feature[o] not in areas and o != row]
    if towns and gaz.feature[row] not in areas:
        nearest = min(km(gaz.lat[row], gaz.lon[row], gaz.lat[o], gaz.lon[o]) for o in towns)
        if nearest <= NEAR_KM:
            total += NEAR_BONUS
        elif nearest >= FAR_KM:
            total -= FAR_PENALTY
    return total
