"""Place words that are not in GeoNames: demonyms ("Syrian") and short country names ("U.S.", "Britain").

One list serves the events and the places stages: `tacitus/events/data/places.yaml`, read here by path so
the places package does not import the events package (which imports it).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from tacitus.errors import ConfigError

PLACE_WORDS = Path(__file__).resolve().parents[1] / "events" / "data" / "places.yaml"


@lru_cache(maxsize=1)
def _data() -> dict:
    try:
        data = yaml.safe_load(PLACE_WORDS.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{PLACE_WORDS}: cannot read the place words ({error})") from error
    if not isinstance(data, dict):
        raise ConfigError(f"{PLACE_WORDS}: expected a mapping at the top level")
    return data


def demonyms() -> dict[str, str]:
    """Lower-cased demonym -> alpha-3."""
    return {str(k).lower(): v for k, v in (_data().get("demonyms") or {}).items()}


def country_aliases() -> dict[str, str]:
    """Lower-cased short or other name -> alpha-3 (some are metonyms, "moscow": callers decide)."""
    return {str(k).lower(): v for k, v in (_data().get("country_aliases") or {}).items()}
