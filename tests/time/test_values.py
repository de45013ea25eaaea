"""The TIMEX3 value grammar: valid forms of each type pass, malformed ones are named and refused."""

from __future__ import annotations

import pytest

from tacitus.time import invalid_reason, is_valid


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("19", "DATE"),
        ("199", "DATE"),
        ("2024", "DATE"),
        ("0424", "DATE"),
        ("2024-06", "DATE"),
        ("2024-06-11", "DATE"),
        ("2024-W23", "DATE"),
        ("2024-W23-2", "DATE"),
        ("2024-W23-WE", "DATE"),
        ("2024-SU", "DATE"),
        ("2024-Q2", "DATE"),
        ("2024-H1", "DATE"),
        ("XXXX-11", "DATE"),
        ("XXXX-WXX-5", "DATE"),
        ("XXXX-XX-XX", "DATE"),
        ("PAST_REF", "DATE"),
        ("2024-06-11T18:40", "TIME"),
        ("2024-06-11T18:40:05Z", "TIME"),
        ("2007-10-17T18:40+08", "TIME"),
        ("2024-06-11TNI", "TIME"),
        ("XXXX-XX-XXT08:00", "TIME"),
        ("P3D", "DURATION"),
        ("P2.5Y", "DURATION"),
        ("PXW", "DURATION"),
        ("P1DE", "DURATION"),
        ("PT30M", "DURATION"),
        ("P1DT2H", "DURATION"),
        ("P1W", "SET"),
        ("XXXX-WXX-1", "SET"),
        ("XXXX-XX-XXTMO", "SET"),
    ],
)
def test_values_valid_forms_pass(value, kind):
    assert invalid_reason(value, kind) is None
    assert is_valid(value)


@pytest.mark.parametrize(
    ("value", "kind", "says"),
    [
        ("202", "DURATION", "not a TIMEX3 duration"),
        ("TMO", "SET", "not a TIMEX3 set"),
        ("2024-13", "DATE", "month 13"),
        ("2023-02-29", "DATE", "no such day"),
        ("2024-W54", "DATE", "week 54"),
        ("-481", "DATE", "not a TIMEX3 date"),
        ("P", "DURATION", "not P followed"),
        ("2024-06-11", "TIME", "no T"),
        ("T18:00", "TIME", "needs its day"),
        ("2024-06-11T25:00", "TIME", "clock time"),
        ("", "DATE", "empty"),
    ],
)
def test_values_malformed_forms_are_named(value, kind, says):
    reason = invalid_reason(value, kind)
    assert reason is not None and says in reason, reason


def test_values_without_a_type_accept_any_form():
    assert is_valid("P3D") and is_valid("2024-06") and not is_valid("June")
