"""POLECAT and CAMEO exports read back with pandas, every value checked against the stored event."""

from __future__ import annotations

import pytest

from tests.analyst.roundtrip import check_cameo, check_polecat, exported


def test_store_polecat_round_trip(filled):
    frame = exported(filled, "polecat")
    assert check_polecat(filled, frame) == 5
    marzouk = frame.set_index("Event ID").loc["moscow-E1"]
    assert (marzouk["Actor Name"], marzouk["Actor Title"], marzouk["Recipient Name Raw"]) == (
        "Mousa Abu Marzouk",
        "official",
        "Sergey Lavrov",
    )
    assert marzouk["Story People"] == "Mousa Abu Marzouk; Sergey Lavrov"


def test_store_polecat_keeps_date_precision_and_leaves_unknowns_empty(filled):
    frame = exported(filled, "polecat").set_index("Event ID")
    assert frame.loc["doha-E1", "Event Date"] == "2023-03"  # a month stays a month, never a made-up day
    assert frame.loc["moscow-E3", "Event Date"] == ""  # FUTURE_REF is no calendar date
    assert frame.loc["paris-E1", "Publication Date"] == ""


def test_store_cameo_round_trip(filled):
    frame = exported(filled, "cameo")
    assert check_cameo(filled, frame) == 5
    assert frame.set_index("GLOBALEVENTID").loc["moscow-E1", "SQLDATE"] == "20240610"


def test_store_export_filters_are_the_store_filters(filled):
    assert list(exported(filled, "polecat", status="planned")["Event ID"]) == ["doha-E1"]
    with pytest.raises(ValueError, match="dyad"):
        exported(filled, "cameo", dyad="nobody")
