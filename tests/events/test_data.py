"""The ontology, the lexicon and the place data: our own files, loaded and checked against the reference."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tacitus.contract import DateValue
from tacitus.errors import ConfigError
from tacitus.events import dates, load_ontology, places
from tacitus.events.ontology import load_lexicon, parse_entry

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def test_ontology_has_the_sixteen_plover_types():
    ontology = load_ontology()
    assert set(ontology.types) == PLOVER_TYPES
    assert {t.quad_class for t in ontology.types.values()} == {1, 2, 3, 4}


@pytest.mark.parametrize(
    ("type_name", "mode"),
    [
        ("CONSULT", "visit"),
        ("CONSULT", "meet"),
        ("CONSULT", "phone"),
        ("CONSULT", "third-party"),
        ("RETREAT", "release"),
        ("RETREAT", "ceasefire"),
        ("RETREAT", "withdraw"),
        ("ASSAULT", "abduct"),
        ("REQUEST", "yield"),
    ],
)
def test_ontology_modes(type_name, mode):
    assert load_ontology().mode_of(type_name, mode) == mode


def test_mode_of_drops_a_mode_the_type_lacks():
    assert load_ontology().mode_of("AGREE", "visit") is None


def test_cameo_roots():
    ontology = load_ontology()
    assert ontology.cameo_root("CONSULT") == "04"
    assert ontology.cameo_root("REQUEST") == "10"
    assert ontology.cameo_root("ASSAULT") == "18"


def test_modes_agree_with_the_cameo_to_plover_reference(shared_dir):
    """Every CAMEO code we list under a type's mode is mapped to that type in the 2021 reference table."""
    table = (shared_dir / "eval-data" / "plover-gsr" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    reference = {}
    for line in table.splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if match and len(match.group(1)) > 2:
            reference.setdefault(match.group(1), set()).add(match.group(2))
    for event_type in load_ontology().types.values():
        for mode, codes in event_type.modes.items():
            for code in codes:
                assert event_type.name in reference.get(code, set()), (event_type.name, mode, code)


def test_lexicon_loads_with_valid_types():
    lexicon = load_lexicon()
    assert lexicon.verbs["meet"].type == "CONSULT"
    assert lexicon.nouns["release"].type == "RETREAT"
    assert "call" in lexicon.control["request"]
    assert "vow" in lexicon.control["promise"]


def test_unknown_type_in_lexicon_is_a_config_error_naming_it():
    with pytest.raises(ConfigError, match="BOMBARD"):
        parse_entry("BOMBARD:heavy", load_ontology(), "verb 'x'")


def test_unknown_mode_in_lexicon_is_a_config_error():
    with pytest.raises(ConfigError, match="mode 'teleport'"):
        parse_entry("CONSULT:teleport", load_ontology(), "verb 'x'")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Moscow", "RUS"),
        ("China", "CHN"),
        ("Gaza", "PSE"),
        ("Kyiv", "UKR"),
        ("the United States", "USA"),
        ("Geneva", "CHE"),
    ],
)
def test_geocode(name, country):
    place = places.geocode(name)
    assert place is not None and place.country == country and place.lat is not None
    assert place.name == name


def test_geocode_unknown_is_none():
    assert places.geocode("Xyzzyville") is None


def test_capital_and_demonyms():
    assert places.capital_of("RUS").name == "Moscow"
    assert places.country_of_demonym("Russian") == "RUS"
    assert places.country_of_name("U.S.") == "USA"
    assert places.is_country("China") and not places.is_country("Moscow")


ANCHOR = date(2024, 6, 11)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("November", "2023-11"),
        ("in March", "2024-03"),
        ("Monday", "2024-06-10"),
        ("March 3, 2006", "2006-03-03"),
        ("this month", "2024-06"),
        ("last month", "2024-05"),
        ("2021", "2021"),
        ("yesterday", "2024-06-10"),
        ("soon", None),
    ],
)
def test_resolve_timex(text, value):
    assert dates.resolve_timex(text, ANCHOR) == value


def test_compatible_dates():
    month = DateValue(value="2024-06")
    day = DateValue(value="2024-06-10")
    other = DateValue(value="2023-10")
    inferred = DateValue(value="2024-06-11", inferred=True)
    assert dates.compatible(month, day) and dates.compatible(other, inferred)
    assert not dates.compatible(day, other)
    assert dates.finer(month, day) is day and dates.finer(inferred, other) is other
