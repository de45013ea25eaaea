"""Resolution with context: the prior, "Town, State", demonyms, distance."""

from __future__ import annotations

from tacitus.places.resolve import Name, km, resolve


def _where(gaz, result):
    row, _ = result
    return gaz.name[row], gaz.country[row], gaz.admin1_names.get((gaz.country[row], gaz.admin1[row]))


def test_prior_prefers_the_capital(gaz):
    assert _where(gaz, resolve([Name("Paris")], gaz)[0])[:2] == ("Paris", "FR")


def test_town_state_pattern_keeps_the_town_in_the_state(gaz):
    found = resolve([Name("Paris", qualifier="Texas"), Name("Texas")], gaz)
    assert _where(gaz, found[0]) == ("Paris", "US", "Texas")
    assert _where(gaz, resolve([Name("Alexandria", qualifier="La.")], gaz)[0]) == (
        "Alexandria",
        "US",
        "Louisiana",
    )


def test_demonym_resolves_to_its_country(gaz):
    row, _ = resolve([Name("Syrian", demonym="SYR")], gaz)[0]
    assert gaz.feature[row] == "country" and gaz.country[row] == "SY"


def test_unknown_name_has_no_row(gaz):
    assert resolve([Name("Kelleyland")], gaz) == [(None, 0.0)]


def test_km_is_great_circle_distance():
    assert 340 < km(48.8566, 2.3522, 51.5074, -0.1278) < 350  # Paris to London
