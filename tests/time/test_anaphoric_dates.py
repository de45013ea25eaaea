"""Expressions whose date comes from another one in the text: 'the same period last year', a bare
'September 11' after 'September 11, 2001', and a military clock with the day written after it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        (
            "Sales rose 43% in May compared to the same period last year.",
            "2024-06-11",
            "the same period last year",
            "2023-05",
        ),
        (
            "The bank lost $2 billion in the third quarter of 2009. In the same period a year earlier, "
            "it gained $704 million.",
            "2009-10-16",
            "the same period a year earlier",
            "2008-Q3",
        ),
        (
            "Exports fell in January, compared to the same month a year ago.",
            "2009-02-03",
            "the same month a year ago",
            "2008-01",
        ),
        (
            "Profit doubled in the second quarter from the same quarter of 2022.",
            "2024-08-01",
            "the same quarter of 2022",
            "2022-Q2",
        ),
        # A month named, the quarter asked for: the month's quarter.
        ("Orders slumped in February from the same quarter last year.", "2024-03-05", None, "2023-Q1"),
        # The period of a report published the next year is compared with the year before it.
        (
            "Profits rose in the last quarter, which ended December 30, 2006, against the same period of "
            "the previous year.",
            "2007-01-18",
            None,
            "2005-Q4",
        ),
        # No publication date: the words still say which year.
        (
            "Sales rose in May 2023 compared to the same period last year.",
            None,
            "the same period last year",
            "2022-05",
        ),
    ],
)
def test_the_same_period_is_the_period_named_before(tag, text, published, expression, value):
    found = tag(text, published)
    if expression is None:
        expression = next(words for words in found if words.startswith("the same"))
    assert found[expression] == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Nothing named before: no guessed period, the shorter "last year" stays.
        ("Sales rose compared to the same period last year.", ("last year", ("DATE", "2023"))),
        # A quarter named, a month asked for: which month is not said.
        ("Sales in the first quarter fell from the same month a year ago.", ("a year ago", ("DATE", "2023"))),
    ],
)
def test_the_same_period_without_an_antecedent_guesses_nothing(tag, text, kept):
    found = tag(text)
    assert not any(words.startswith("the same") and "year" in words for words in found)
    assert found[kept[0]] == kept[1]


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        (
            "Hang Seng fell 5.5 percent, its biggest fall since the September 11, 2001, attacks. Traders "
            "recalled the September 11 attacks.",
            "2008-01-21",
            "September 11",
            "2001-09-11",
        ),
        (
            "The accord of 4 June 1989 was broken. Since June 4 nobody has spoken.",
            "2024-06-11",
            "June 4",
            "1989-06-04",
        ),
        # Without a publication date the written year still holds.
        (
            "The attacks of September 11, 2001 killed thousands. After September 11, rules tightened.",
            None,
            "September 11",
            "2001-09-11",
        ),
    ],
)
def test_a_bare_day_takes_the_year_the_text_wrote_for_it(tag, text, published, expression, value):
    assert tag(text, published)[expression] == ("DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "The September 11 attacks changed everything.",  # the text never wrote the year
        "Elections were held on May 2, 2019 and May 2, 2021. Results of May 2 were contested.",  # two years
    ],
)
def test_a_bare_day_without_one_written_year_is_resolved_as_before(tag, text):
    found = tag(text, "2024-06-11")
    bare = [value for words, (_, value) in found.items() if words in ("September 11", "May 2")]
    assert bare and all(value.startswith(("2023", "2024")) for value in bare)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The ceasefire takes effect at 0800 GMT tomorrow.", "0800 GMT tomorrow", "2024-06-12T08:00Z"),
        ("Troops will withdraw by 1200 GMT Thursday.", "1200 GMT Thursday", "2024-06-13T12:00Z"),
        ("Shelling stopped at 2200 hours yesterday.", "2200 hours yesterday", "2024-06-10T22:00"),
        ("The vote ended at 1600 GMT on Monday.", "1600 GMT", "2024-06-10T16:00Z"),
        ("At 0800 UTC, the banks announced a plan.", "0800 UTC", "2024-06-11T08:00Z"),
    ],
)
def test_a_military_clock_takes_the_day_written_after_it(tag, text, expression, value):
    assert tag(text)[expression] == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        (
            "The company cut its costs to $118.3 billion last year, $19.8 billion less than the year previous.",
            "2010-01-28",
            "the year previous",
            "2008",
        ),
        (
            "Revenue was $7.1 billion in 2006, up from $5.8 billion in 2005. Profit had doubled the previous year.",
            "2007-01-18",
            "the previous year",
            "2004",
        ),
        (
            "The treaty was signed in 1995. The following year, elections were held.",
            None,
            "The following year",
            "1996",
        ),
        ("Prices rose in 2004; that year, wages fell.", "2024-06-11", "that year", "2004"),
        (
            "He resigned on March 3, 2008, and left the country the day after.",
            "2024-06-11",
            "the day after",
            "2008-03-04",
        ),
    ],
)
def test_an_anchored_year_counts_from_the_last_year_named(tag, text, published, expression, value):
    assert tag(text, published)[expression] == ("DATE", value)


def test_the_day_before_an_event_is_not_a_date_on_its_own(tag):
    assert not any(words.startswith("the day") for words in tag("Talks stalled the day before the vote."))


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "Ford said on Tuesday that sales rose. Its stock hit a high in morning trading.",
            "morning",
            "2010-03-02TMO",
        ),
        ("Shares slipped in afternoon trade.", "afternoon", "2010-03-03TAF"),
        ("Oil fell in early-morning trading in Asia.", "early-morning", "2010-03-03TMO"),
    ],
)
def test_a_trading_session_is_that_part_of_the_reports_day(tag, text, expression, value):
    assert tag(text, "2010-03-03")[expression] == ("TIME", value)


@pytest.mark.parametrize("text", ["He spent the evening trading stories.", "The morning session was calm."])
def test_a_part_of_day_before_trading_without_a_preposition_is_left_out(tag, text):
    assert not tag(text, "2010-03-03")


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        (
            "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.",
            "2006-01-27",
            "2005",
        ),
        ("The firm expects a profit for the full year.", "2006-01-27", "2006"),
        ("Revenue in 2019 grew 4%. Over the whole year, margins fell.", "2024-06-11", "2019"),
        ("The firm expects a profit for the full year.", None, "XXXX"),
    ],
)
def test_the_whole_year_is_the_year_reported_on(tag, text, published, value):
    found = tag(text, published)
    expression = next(words for words in found if words.endswith(" year") and words.startswith("the "))
    assert found[expression] == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It had, at one point, set an intraday low.", True),
        ("At one point the Dow fell 400 points.", True),
        ("At one point, he will have to choose.", False),  # not a past clause
        ("The rate rose one point.", False),
    ],
)
def test_at_one_point_is_the_past_in_a_past_clause(tag, text, found):
    assert (tag(text).get("one point") == ("DATE", "PAST_REF")) is found


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("This is not a day anybody can be prepared for.", None),
        ("If there ever came a day when I could not serve, I would resign.", None),
        ("It was a year we will never forget.", None),
        ("The strike lasted a day.", "a day"),
        ("He was jailed for a year and then freed.", "a year"),
        ("She waited a month, they said.", "a month"),
    ],
)
def test_a_day_described_by_a_relative_clause_is_not_a_duration(tag, text, duration):
    durations = [words for words, (kind, _) in tag(text).items() if kind == "DURATION"]
    assert durations == ([duration] if duration else [])
