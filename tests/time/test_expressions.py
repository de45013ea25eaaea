"""Small cases, each a real parse: tense, datelines, durations, sets, parts of day, unknown dates."""

from __future__ import annotations

import pytest

# Publication day for all cases unless stated: Tuesday 11 June 2024.


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Hamas released three hostages in November.", "November", "2023-11"),
        ("The summit will be held in November.", "November", "2024-11"),
        ("The ministers met on Friday.", "Friday", "2024-06-07"),
        ("The ministers will meet on Friday.", "Friday", "2024-06-14"),
        ("Talks are scheduled to resume on Thursday.", "Thursday", "2024-06-13"),
        ("He resigned in June.", "June", "2024-06"),
        ("He will step down in May.", "May", "2025-05"),
        ("The treaty was signed on December 20.", "December 20", "2023-12-20"),
        ("The vote is expected on July 4.", "July 4", "2024-07-04"),
        ("The agreement signed in March collapsed.", "March", "2024-03"),
    ],
)
def test_tense_decides_direction(tag, text, expression, value):
    assert tag(text)[expression][1] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("MOSCOW, June 11 (Reuters) - Russia said it would help.", "June 11", "2024-06-11"),
        ("WASHINGTON, Dec. 30 (AP) — The talks ended.", "Dec. 30", "2023-12-30"),
        ("The accord of 12 March 2019 still holds.", "12 March 2019", "2019-03-12"),
        ("It was signed on Sept. 5, 2001.", "Sept. 5, 2001", "2001-09-05"),
        ("The memo was dated 2024-05-02.", "2024-05-02", "2024-05-02"),
        ("It was dated 7/8/07 by the clerk.", "7/8/07", "2007-07-08"),
        ("The war started in May 2022.", "May 2022", "2022-05"),
        ("Growth slowed in the 1990s.", "the 1990s", "199"),
        ("On Monday, June 10, 2024, they met.", "Monday, June 10, 2024", "2024-06-10"),
    ],
)
def test_absolute_dates_and_datelines(tag, text, expression, value):
    assert tag(text)[expression][1] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("He arrived yesterday.", "yesterday", "2024-06-10"),
        ("She leaves tomorrow.", "tomorrow", "2024-06-12"),
        ("Officials met last week.", "last week", "2024-W23"),
        ("Officials meet next week.", "next week", "2024-W25"),
        ("Prices rose last month.", "last month", "2024-05"),
        ("Elections are due next year.", "next year", "2025"),
        ("Sales fell 3% last year.", "last year", "2023"),
        ("The talks ended three days ago.", "three days ago", "2024-06-08"),
        ("The law passed two years ago.", "two years ago", "2022"),
        ("The vote is later this year.", "later this year", "2024"),
        ("The economy is weak now.", "now", "PRESENT_REF"),
        ("Violence has risen in recent months.", "recent months", "PAST_REF"),
        ("Talks may resume in the coming weeks.", "the coming weeks", "FUTURE_REF"),
        ("They met on May 3. Two days later, they signed.", "Two days later", "2024-05-05"),
        ("They met on May 3. The next day, they signed.", "The next day", "2024-05-04"),
        ("Results came in the fourth quarter of 2009.", "the fourth quarter of 2009", "2009-Q4"),
        ("The plant closes this summer.", "this summer", "2024-SU"),
        ("Lawmakers return on Monday.", "Monday", "2024-06-10"),
    ],
)
def test_relative_expressions(tag, text, expression, value):
    assert tag(text)[expression][1] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The ceasefire lasted three days.", "three days", "P3D"),
        ("He served for 27 years.", "27 years", "P27Y"),
        ("The 12-hour flight landed.", "12-hour", "PT12H"),
        ("The strike lasted two and a half years.", "two and a half years", "P2.5Y"),
        ("It took 18 months to build.", "18 months", "P18M"),
        ("They negotiated for thirty minutes.", "thirty minutes", "PT30M"),
        ("Talks lasted several weeks.", "several weeks", "PXW"),
        ("Three years have passed.", "Three years", "P3Y"),
        ("The war has lasted for years.", "years", "PXY"),
    ],
)
def test_durations(tag, text, expression, value):
    assert tag(text)[expression] == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The council meets every Monday.", "every Monday", "XXXX-WXX-1"),
        ("Protests happen daily.", "daily", "P1D"),
        ("The weekly briefing was cancelled.", "weekly", "P1W"),
        ("The annual summit opened.", "annual", "P1Y"),
        ("They meet twice a year.", "twice a year", "P1Y"),
        ("Markets close on Sundays.", "on Sundays", "XXXX-WXX-7"),
    ],
)
def test_sets(tag, text, expression, value):
    assert tag(text)[expression] == ("SET", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Shelling resumed on Friday morning.", "Friday morning", "2024-06-07TMO"),
        ("The strike hit the city last night.", "last night", "2024-06-10TNI"),
        ("He will speak tonight.", "tonight", "2024-06-11TNI"),
        ("The minister spoke this morning.", "this morning", "2024-06-11TMO"),
        ("He died yesterday afternoon.", "yesterday afternoon", "2024-06-10TAF"),
        ("The market opened at 18:00 UTC.", "18:00 UTC", "2024-06-11T18:00Z"),
        ("The blast came at 3 p.m.", "3 p.m.", "2024-06-11T15:00"),
    ],
)
def test_parts_of_day_and_clock_times(tag, text, expression, value):
    assert tag(text)[expression] == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Hamas released three hostages in November.", "November", "XXXX-11"),
        ("The ministers met on Friday.", "Friday", "XXXX-WXX-5"),
        ("They met on June 3.", "June 3", "XXXX-06-03"),
        ("The accord of March 3, 2006 still holds.", "March 3, 2006", "2006-03-03"),
        ("Abbas visited Russia in 2021.", "2021", "2021"),
        ("Prices rose last month.", "last month", "XXXX-XX"),
        ("Sales fell last year.", "last year", "XXXX"),
        ("The ceasefire lasted three days.", "three days", "P3D"),
    ],
)
def test_unknown_publication_date_never_guesses_a_year(tag, text, expression, value):
    assert tag(text, published=None)[expression][1] == value


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May met the president.",
        "Officials may meet again.",
        "The 2000 workers went on strike.",
        "The fall in prices hurt farmers.",
        "We want peace, said the 2nd speaker.",
        "Two Russians and 130 hostages remain.",
        "He marched in the Arab Spring protests.",
        "She won a second term.",
        "The senator, in his 70s, retired.",
    ],
)
def test_not_a_time_expression(tag, text):
    found = tag(text)
    assert not found, found


def test_headline_weekday_does_not_swallow_the_dateline(tag):
    found = tag("Markets to stay closed until Friday\n\nSeptember 18, 2008\n\nTrading halted.", "2008-09-18")
    assert found["Friday"] == ("DATE", "2008-09-19")
    assert found["September 18, 2008"] == ("DATE", "2008-09-18")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Given the current weakened state of the economy, firms cut jobs.", "current", "PRESENT_REF"),
        ("The recent downturn hurt carmakers.", "recent", "PAST_REF"),
        ("Ministers will decide very soon.", "very soon", "FUTURE_REF"),
        ("Stocks hit their highest level in years.", "years", "PXY"),
        ("Sales rose at the beginning of the year.", "the beginning of the year", "2024"),
        ("Prices will stay high for the rest of the month.", "the rest of the month", "2024-06"),
        ("The deal ends after October of next year.", "October", "2025-10"),
        ("Car sales rebounded in the last week of March.", "the last week of March", "2024-W13"),
        ("The talks open in the first week of May 2025.", "the first week of May 2025", "2025-W19"),
    ],
)
def test_vague_references_and_periods_of_the_report(tag, text, expression, value):
    assert tag(text)[expression][1] == value


@pytest.mark.parametrize(
    "text",
    [
        "Its most recent model sold well.",
        "The current account deficit widened.",
        "Call me as soon as possible.",
        "The now-cancelled deal was signed.",
        "Apple unveils iLife '11 software.",
        "He was named man of the year.",
    ],
)
def test_not_a_time_expression_either(tag, text):
    found = tag(text)
    assert not found, found
