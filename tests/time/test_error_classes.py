"""The error classes of issue 16, each with several shapes (publication day: Tuesday 11 June 2024 unless
a case says otherwise)."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from tacitus import nlp
from tacitus.time import find_timexes, is_valid


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # A running report's clock time is the report's day, not a date named sentences before.
        (
            "The siege began on June 3. Police arrived at 7:15 p.m.",
            "2024-06-13",
            "7:15 p.m.",
            "2024-06-13T19:15",
        ),
        (
            "Talks opened on May 30. By 2 p.m. no deal was in sight.",
            "2024-06-11",
            "2 p.m.",
            "2024-06-11T14:00",
        ),
        (
            "The vote of June 3 was annulled. Crowds gathered at 18:00 GMT.",
            "2024-06-13",
            "18:00 GMT",
            "2024-06-13T18:00Z",
        ),
        # A day named in the clock time's own sentence, or right after it, is its day.
        ("On June 3 at 7:15 p.m., police arrived.", "2024-06-13", "7:15 p.m.", "2024-06-03T19:15"),
        ("Stocks closed at 4 p.m. on Monday.", "2024-06-13", "4 p.m.", "2024-06-10T16:00"),
        (
            "The plane landed at 6:40 p.m. (GMT +8) in Singapore.",
            "2024-06-13",
            "6:40 p.m. (GMT +8)",
            "2024-06-13T18:40+08",
        ),
    ],
)
def test_clock_times_take_the_reports_day(tag, text, published, expression, value):
    assert tag(text, published)[expression][1] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The mission will last 2,500 days.", "2,500 days", "P2500D"),
        ("The dynasty ruled for 1,200 years.", "1,200 years", "P1200Y"),
        ("The church was built 1,600 years ago.", "1,600 years ago", "0424"),
        ("Humans arrived 15,000 years ago.", "15,000 years ago", "PAST_REF"),
    ],
)
def test_thousands_separators_keep_the_whole_number(tag, text, expression, value):
    assert tag(text)[expression][1] == value


@pytest.mark.parametrize(
    ("text", "expression", "kind", "value"),
    [
        ("Prices will rise over the next decade.", "over the next decade", "DURATION", "P10Y"),
        ("Seas will rise in the coming century.", "the coming century", "DURATION", "P100Y"),
        ("Growth slowed over the past decade.", "over the past decade", "DURATION", "P10Y"),
        ("Growth will pick up early next decade.", "early next decade", "DATE", "203"),
        ("He runs every morning.", "every morning", "SET", "XXXX-XX-XXTMO"),
        ("Patrols go out every night.", "every night", "SET", "XXXX-XX-XXTNI"),
        ("The bar hosts nightly shows.", "nightly", "SET", "XXXX-XX-XXTNI"),
        ("The feud has lasted decades.", None, None, None),
    ],
)
def test_decades_and_vague_spans_are_valid(tag, text, expression, kind, value):
    found = tag(text)
    assert all(is_valid(v, k) for k, v in found.values() if v is not None), found
    if expression is not None:
        assert found[expression] == (kind, value)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("August Landmesser refused to salute.", "August"),
        ("The author August Wilson died in 2005.", "August"),
        ("June Carter sang at the fair.", "June"),
        ("The protest was led by the March 23 Movement.", "March 23"),
        ("Rebels of the M23, or March 23 Movement, seized Goma.", "March 23"),
        ("Thousands joined the Women's March in Washington.", "March"),
        ("Britain's May met Merkel.", "May"),
        ("Theresa May spoke to reporters.", "May"),
        ("US stock markets tumble on Black Monday anniversary.", "Monday"),
        ("Voters head to the polls on Super Tuesday.", "Tuesday"),
        ("Shops expect crowds on Cyber Monday.", "Monday"),
    ],
)
def test_names_that_look_like_dates_are_not_dates(tag, text, name):
    assert name not in tag(text)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Sales rose in August, May and June.", "August", "2023-08"),
        ("The March meeting of the Fed was tense.", "March", "2024-03"),
        ("On March 23 President Biden signed the bill.", "March 23", "2024-03-23"),
        ("The company's March report was late.", "March", "2024-03"),
    ],
)
def test_months_beside_names_are_still_dates(tag, text, expression, value):
    assert tag(text)[expression][1] == value


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # Past tense goes back, also in participle clauses (published Monday 10 June 2024).
        ("He left on Wednesday.", "2024-06-10", "Wednesday", "2024-06-05"),
        ("The ship, having left port on Wednesday, sank.", "2024-06-10", "Wednesday", "2024-06-05"),
        ("Left on Wednesday, the boy was found on Friday.", "2024-06-10", "Wednesday", "2024-06-05"),
        (
            "Speaking on Saturday, the minister said talks would resume.",
            "2024-06-10",
            "Saturday",
            "2024-06-08",
        ),
        ("The talks, held on Wednesday, failed.", "2024-06-10", "Wednesday", "2024-06-05"),
        # "next Friday" on a Thursday is next week's Friday; "this Friday" and "on Friday" are tomorrow.
        ("The team will arrive next Friday.", "2024-06-13", "next Friday", "2024-06-21"),
        ("The team will arrive next Monday.", "2024-06-13", "next Monday", "2024-06-17"),
        ("The team will arrive this Friday.", "2024-06-13", "this Friday", "2024-06-14"),
        ("The team will arrive on Friday.", "2024-06-13", "Friday", "2024-06-14"),
    ],
)
def test_tense_of_weekdays_and_next(tag, text, published, expression, value):
    assert tag(text, published)[expression][1] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Earlier this year, the government cut taxes.", "Earlier this year", "2024"),
        ("The government cut taxes earlier this year.", "earlier this year", "2024"),
        ("The 2019 elections were disputed.", "2019", "2019"),
        ("Turnout in the 2019 elections was low.", "2019", "2019"),
        ("After the 2008 riots, the city changed.", "2008", "2008"),
        ("He won the 2000 elections.", "2000", "2000"),
    ],
)
def test_earlier_this_year_and_years_inside_noun_phrases(tag, text, expression, value):
    assert tag(text)[expression][1] == value


@pytest.mark.parametrize(
    "text",
    [
        "The plant employs 2000 workers.",
        "Militants still hold 1500 hostages.",
        "The 2000 workers walked out.",
    ],
)
def test_counts_before_plural_nouns_stay_numbers(tag, text):
    assert not tag(text)


def test_invalid_value_is_dropped_with_a_warning(monkeypatch, caplog):
    from tacitus.time import relative

    monkeypatch.setattr(relative.cal, "shift", lambda *args: "-481")  # a resolver gone wrong
    warnings: list[str] = []
    with caplog.at_level(logging.WARNING, logger="tacitus.time.tagger"):
        found = find_timexes(nlp.parse("The city fell three years ago."), date(2024, 6, 11), warnings)
    assert not any(t.text == "three years ago" for t in found)
    assert len(warnings) == 1 and "'three years ago'" in warnings[0] and "'-481'" in warnings[0]
    assert "dropped" in caplog.text


def test_annotate_puts_the_warning_on_the_article(monkeypatch):
    from tacitus.analysis import Analysis
    from tacitus.contract import Article, Document
    from tacitus.time import annotate, relative

    monkeypatch.setattr(relative.cal, "shift", lambda *args: "-481")
    text = "The city fell three years ago. Talks resume on Friday."
    document = Document(article=Article(id="t", text=text, published="2024-06-11"))
    annotate(Analysis(doc=nlp.parse(text), published=date(2024, 6, 11), parts=[]), document)
    texts = [t.text for t in document.timexes]
    assert "three years ago" not in texts and "Friday" in texts  # a shorter valid reading may remain
    assert any("'three years ago' dropped" in w for w in document.article.warnings)
