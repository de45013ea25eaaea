"""The offline gazetteer: names, features, divisions, other names of countries."""

from __future__ import annotations

import math

import pytest

from tacitus.places.gazetteer import key_of


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("St. John's", "saint john's"),
        ("St John’s", "saint john's"),
        ("Kandahār", "kandahar"),
        ("the Hague", "hague"),
    ],
)
def test_key_of_folds_spellings(name, key):
    assert key_of(name) == key


def _kinds(gaz, name):
    return {(gaz.country[r], gaz.feature[r]) for r in gaz.rows(name)}


def test_gazetteer_has_towns_of_500_people(gaz):
    # Kelleyland is not in GeoNames; Cottonport, Louisiana (about 2,000 people) is
    assert ("US", "city") in _kinds(gaz, "Cottonport")


def test_gazetteer_has_countries_capitals_and_divisions(gaz):
    assert ("FR", "capital") in _kinds(gaz, "Paris")
    assert ("US", "city") in _kinds(gaz, "Paris")
    assert ("US", "admin1") in _kinds(gaz, "Texas")
    assert ("GB", "admin1") in _kinds(gaz, "Scotland")
    assert ("AF", "admin1") in _kinds(gaz, "Kandahar")


def test_short_country_names_do_not_hide_towns(gaz):
    assert _kinds(gaz, "U.S.") == {("US", "country")}
    assert ("RU", "capital") in _kinds(gaz, "Moscow")
    assert ("RU", "country") not in _kinds(gaz, "Moscow")


def test_divisions_have_positions_inside_their_country(gaz):
    row = next(r for r in gaz.rows("Texas") if gaz.feature[r] == "admin1")
    assert 25 < gaz.lat[row] < 37 and -107 < gaz.lon[row] < -93
    assert gaz.admin1_names[("US", "TX")] == "Texas"
    assert not math.isnan(gaz.lat[gaz.country_row["RU"]])
