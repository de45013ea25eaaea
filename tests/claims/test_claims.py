"""Claims: numbers with value, qualifier, unit and attribution."""

from __future__ import annotations

import pytest

from tacitus.claims import parse_value


def _claim(document, value):
    found = [c for c in document.claims if c.quantity and c.quantity.value == value]
    assert found, f"no claim of {value} among {[c.quantity for c in document.claims]}"
    return found[0]


def test_sample_hostage_claim_is_attributed_to_israel(sample_who):
    claim = _claim(sample_who, 130)
    assert (claim.quantity.qualifier, claim.quantity.unit) == ("more than", "hostage")
    assert sample_who.actor(claim.attribution).name == "Israel"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("130", 130),
        ("1,200", 1200),
        ("2.5 million", 2_500_000),
        ("two", 2),
        ("$3 billion", 3e9),
        ("twenty-five", 25),
        ("about 40", 40),
        ("none", None),
    ],
)
def test_parse_value_reads_digits_words_and_scales(text, value):
    assert parse_value(text) == value


def test_claim_in_reported_speech_is_attributed_to_the_speaker(who):
    document = who("The health ministry said that at least 35 people were killed in the strike.")
    claim = _claim(document, 35)
    assert claim.quantity.qualifier == "at least" and claim.quantity.unit == "people"


def test_claim_inside_a_quote_takes_the_quote_speaker(who):
    document = who("“We have lost nearly 300 soldiers,” said Zelensky.")
    claim = _claim(document, 300)
    assert document.actor(claim.attribution).name == "Volodymyr Zelensky"
    assert claim.quantity.qualifier == "nearly"


def test_percentages_and_money_have_units(who):
    document = who("Inflation rose 12 percent, and the government pledged $2 billion in aid.")
    assert _claim(document, 12).quantity.unit == "percent"
    assert _claim(document, 2e9).quantity.unit == "$"


def test_dates_and_bare_counts_are_not_claims(who):
    document = who("The two met on March 3, 2006, and the one-sided talks ended.")
    assert document.claims == []


def test_claim_evidence_is_its_sentence(who):
    text = "Officials said 40 trucks entered Gaza. Aid groups disagreed."
    document = who(text)
    claim = _claim(document, 40)
    assert text[claim.evidence.start : claim.evidence.end] == "Officials said 40 trucks entered Gaza."
