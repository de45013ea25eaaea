"""`article_from_input`: HTML vs plain text, metadata, ids and hashes, language, the sample end to end."""

from __future__ import annotations

import pytest

from tacitus.contract import Article
from tacitus.errors import InputError
from tacitus.ingest import article_from_input
from tacitus.ingest.html import looks_like_html, strip_site_from_title
from tacitus.ingest.normalise import content_hash


@pytest.fixture(scope="module")
def html_article(ingest_fixtures) -> Article:
    return article_from_input(
        (ingest_fixtures / "article.html").read_text(encoding="utf-8"), source="article.html"
    )


def test_html_page_gives_title_author_date_and_site(html_article):
    assert html_article.title == "Ministers meet in Geneva to discuss grain corridor"
    assert html_article.author == "Maria Jensen"
    assert html_article.published == "2024-03-05"
    assert html_article.source == "The Harbour Times"
    assert (
        html_article.subtitle == "Talks on shipping safety in the Black Sea resumed after a month-long pause."
    )


def test_html_body_is_the_article_only(html_article):
    assert html_article.text.startswith("The foreign ministers of Turkey and Ukraine met in Geneva")
    for furniture in (
        "Skip to main content",
        "Related stories",
        "Wheat prices",
        "newsletter",
        "All rights",
        "Ministers meet in Geneva",
        "By Maria Jensen",
    ):
        assert furniture not in html_article.text
    assert '"constructive"' in html_article.text


def test_html_figure_caption_kept_apart_with_credit(html_article):
    assert [(c.text, c.credit) for c in html_article.captions] == [
        ("Foreign ministers arrive for the talks in Geneva on Tuesday.", "ANNA BERG/Reuters")
    ]


def test_published_argument_wins_over_the_page_date(ingest_fixtures):
    html = (ingest_fixtures / "article.html").read_text(encoding="utf-8")
    assert article_from_input(html, published="June 11, 2024").published == "2024-06-11"


def test_id_defaults_to_the_content_hash_prefix(sample_text):
    article = article_from_input(sample_text)
    assert article.content_hash == content_hash(article.text)
    assert article.id == article.content_hash[:16]
    assert article_from_input(sample_text, id="art-1").id == "art-1"


def test_content_hash_ignores_whitespace_differences():
    text = "The ministers met in Geneva on Tuesday to discuss the grain corridor, officials said."
    assert (
        article_from_input(text).content_hash
        == article_from_input(text.replace(" ", "  ") + "\n").content_hash
    )


def test_sample_article_meets_the_acceptance_line(sample_text):
    article = article_from_input(sample_text, published="2024-06-11")
    assert article.title == "Hamas official in Russia, talks hostages, seeks Moscow mediation in cease-fire"
    assert article.published == "2024-06-11"
    assert article.language == "en" and article.warnings == []
    for furniture in ("Skip to main content", "Related Topics", "Radical Palestinian group", "KADOBNOV"):
        assert furniture not in article.text
    assert article.captions[0].credit == "YURI KADOBNOV/AFP via Getty Images"


def test_non_english_article_is_kept_and_flagged(ingest_fixtures):
    article = article_from_input((ingest_fixtures / "german.txt").read_text(encoding="utf-8"))
    assert article.language == "de"
    assert "non-english" in article.warnings
    assert article.text.startswith("Die Regierung")


def test_scraped_text_fixture_is_cleaned(ingest_fixtures):
    article = article_from_input(
        (ingest_fixtures / "scraped.txt").read_text(encoding="utf-8"), source="s.txt"
    )
    assert article.title == "Parliament approves budget after all-night session"
    assert article.subtitle.startswith("Opposition parties walked out")
    assert article.author == "Tom Reyes" and article.published == "2024-06-11"
    assert article.text.startswith("The national parliament approved")
    assert article.text.endswith("the finance minister told lawmakers before the vote.")
    assert "Advertisement" not in article.text and "Budget\n" not in article.text
    assert article.captions[0].credit == "Photo by Lena Park/AFP via Getty Images"
    assert article.source == "s.txt"


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_input_raises_input_error(text):
    with pytest.raises(InputError, match="empty"):
        article_from_input(text, source="empty.txt")


def test_page_of_furniture_only_raises_input_error():
    with pytest.raises(InputError, match="no article text"):
        article_from_input("Skip to main content\n\nShare\n\nSubscribe\n\nRelated Topics", source="nav.txt")


def test_html_detection():
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("  <html lang='en'><head><title>x</title></head>")
    assert not looks_like_html("The council said <b> was not a tag in its report.")


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Losing face: masks stolen | The Japan Times", "The Japan Times", "Losing face: masks stolen"),
        ("Crash kills two - WSVN 7News | Miami News, Weather", "WSVN 7News", "Crash kills two"),
        ("BBC News - Floods hit the north", "BBC News", "Floods hit the north"),
        ("Floods - what we know", "The Guardian", "Floods - what we know"),
    ],
)
def test_site_name_stripped_from_title(title, site, expected):
    assert strip_site_from_title(title, site, None) == expected
