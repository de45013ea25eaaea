"""The line cleaner on the sample article and on small scraped texts built in the tests."""

from __future__ import annotations

import pytest

from tacitus.ingest.boilerplate import Kind, classify, split_credit
from tacitus.ingest.cleaner import clean_text
from tacitus.ingest.normalise import normalise_chars

SAMPLE_TITLE = "Hamas official in Russia, talks hostages, seeks Moscow mediation in cease-fire"


@pytest.fixture(scope="module")
def cleaned_sample(sample_text):
    return clean_text(sample_text)


def test_sample_title_is_exact(cleaned_sample):
    assert cleaned_sample.title == SAMPLE_TITLE


def test_sample_subtitle_is_the_standfirst(cleaned_sample):
    assert cleaned_sample.subtitle.startswith("Russia is seeking the release of two of its citizens")
    assert cleaned_sample.subtitle.endswith("earlier this year.")


def test_sample_body_has_no_page_furniture(cleaned_sample):
    for furniture in (
        "Skip to main content",
        "Related Topics",
        "Radical Palestinian group",
        "KADOBNOV",
        "Getty Images",
        SAMPLE_TITLE,
        "Russia is seeking the release",
    ):
        assert furniture not in cleaned_sample.body


def test_sample_body_starts_and_ends_with_the_story(cleaned_sample):
    assert cleaned_sample.body.startswith("Senior Hamas official Mousa Abu Marzouk called on Russia")
    assert cleaned_sample.body.endswith("has been postponed.")


def test_sample_repeated_caption_kept_once_with_its_credit(cleaned_sample):
    assert len(cleaned_sample.captions) == 1
    caption = cleaned_sample.captions[0]
    assert caption.text.startswith("Radical Palestinian group, Hamas chief, Khaled Meshaal")
    assert caption.text.endswith("during their talks in Moscow, March 3, 2006.")
    assert caption.credit == "YURI KADOBNOV/AFP via Getty Images"


def test_sample_paragraphs_separated_by_one_blank_line(cleaned_sample):
    paragraphs = cleaned_sample.body.split("\n\n")
    assert len(paragraphs) == 17
    assert all(paragraph.strip() == paragraph and "\n" not in paragraph for paragraph in paragraphs)


def test_sample_quotes_and_no_break_spaces_normalised(cleaned_sample):
    for char in "\u00a0\u2018\u2019\u201c\u201d":
        assert char not in cleaned_sample.body
    assert '"guarantor"' in cleaned_sample.body
    assert "Hamas' foreign relations" in cleaned_sample.body


@pytest.mark.parametrize("text", ["“Quote” ‘single’ it’s", "a\u00a0b\u202fc", "„low“ ‚x‘", "plain ascii"])
def test_normalise_chars_keeps_every_offset(text):
    out = normalise_chars(text)
    assert len(out) == len(text)
    assert all(a == b or not a.isalnum() for a, b in zip(text, out, strict=True))


def test_byline_gives_author_and_date():
    text = (
        "Town council votes to close the old bridge\n\nBy Jane Doe | March 2, 2023\n\n"
        + "The council voted on Thursday to close the bridge to traffic after engineers found cracks. " * 2
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Town council votes to close the old bridge"
    assert cleaned.author == "Jane Doe"
    assert cleaned.published == "2023-03-02"
    assert "Jane Doe" not in cleaned.body


def test_credit_on_its_own_line_makes_the_line_above_a_caption():
    text = (
        "Flood waters rise in the valley after three days of rain\n\n"
        "Rescue teams carry residents to boats in the flooded town centre.\n"
        "(Maria Lopez / Valley Herald)\n\n"
        + "Emergency services evacuated hundreds of residents on Sunday as the river burst its banks. "
        * 2
    )
    cleaned = clean_text(text)
    assert [(c.text, c.credit) for c in cleaned.captions] == [
        ("Rescue teams carry residents to boats in the flooded town centre.", "Maria Lopez / Valley Herald")
    ]
    assert "Rescue teams" not in cleaned.body and "Valley Herald" not in cleaned.body


def test_share_subscribe_cookie_and_advert_lines_dropped():
    body = "The minister resigned on Friday after weeks of pressure over the contracts, her office said."
    text = "\n\n".join(
        [
            "Minister resigns over contracts row",
            "Share on Facebook",
            "Sign up for our politics newsletter",
            body,
            "Advertisement",
            "We use cookies to improve your experience. Accept all",
            body.replace("Friday", "Monday"),
        ]
    )
    cleaned = clean_text(text)
    assert cleaned.body == body + "\n\n" + body.replace("Friday", "Monday")


def test_related_topics_ends_the_article():
    story = "Talks between the two governments resumed on Monday in Doha, officials said. " * 2
    cleaned = clean_text(
        f"Talks resume in Doha\n\n{story}\n\nRelated Topics\n\n{story.replace('Doha', 'Cairo')}"
    )
    assert "Cairo" not in cleaned.body and "Related" not in cleaned.body


def test_hard_wrapped_lines_joined_into_one_paragraph():
    text = (
        "The committee said on Wednesday that the report would be\npublished next month, after the"
        "\nministers had read it.\n\nA second paragraph follows here with more words in it."
    )
    assert clean_text(text).body.split("\n\n")[0] == (
        "The committee said on Wednesday that the report would be published next month, after the "
        "ministers had read it."
    )


def test_text_without_a_title_line_keeps_its_first_paragraph():
    text = "Protesters gathered outside parliament on Tuesday, demanding new elections and the end of the curfew."
    cleaned = clean_text(text)
    assert cleaned.title is None
    assert cleaned.body == text


def test_known_title_is_removed_from_the_body_start():
    text = (
        "Budget passes\n\nThe budget passed on Tuesday by a narrow margin, the speaker said after the vote."
    )
    cleaned = clean_text(text, title="Budget passes")
    assert cleaned.body.startswith("The budget passed")


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Leaders meet in Rome. — JOHN SMITH/AFP via Getty Images",
            "Leaders meet in Rome.",
            "JOHN SMITH/AFP via Getty Images",
        ),
        (
            "Troops patrol the border. (Photo by Ann Lee/Getty Images)",
            "Troops patrol the border.",
            "Photo by Ann Lee/Getty Images",
        ),
        (
            "Voters queue in Lagos. Photograph: Sam Obi/Reuters",
            "Voters queue in Lagos.",
            "Photograph: Sam Obi/Reuters",
        ),
        (
            "The president speaks in Kyiv. Credit: Olena Shevchenko",
            "The president speaks in Kyiv.",
            "Credit: Olena Shevchenko",
        ),
    ],
)
def test_split_credit_separates_caption_and_credit(line, caption, credit):
    assert split_credit(line) == (caption, credit)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Skip to main content", Kind.BOILER),
        ("Related Topics", Kind.TAIL),
        ("Subscribe to our newsletter", Kind.BOILER),
        ("By Jane Doe and John Roe", Kind.BYLINE),
        ("June 11, 2024", Kind.DATE),
        ("Updated 3:45 PM EDT, Tue June 11, 2024", Kind.DATE),
        ("Getty Images", Kind.CREDIT),
        ("Ministers agree on new sanctions package", Kind.SHORT),
        ("The ministers agreed on Monday to impose a new package of sanctions.", Kind.PROSE),
    ],
)
def test_classify_line_kinds(line, kind):
    assert classify(line) == kind


def test_stray_credit_in_extracted_body_drops_only_the_credit():
    from tacitus.ingest.cleaner import clean_extracted

    first = "Coal use fell again last year as utilities switched to gas and wind, the agency said."
    second = "Cleaning up the grid is a first step towards cleaning up transport and heating."
    cleaned = clean_extracted(f"{first}\n(Credit: Jane Doe / Grist)\n{second}")
    assert cleaned.body == f"{first}\n\n{second}"
    assert cleaned.captions == []


def test_extracted_body_moves_the_article_figure_caption_out():
    from tacitus.ingest.cleaner import clean_extracted

    story = "The ministers met in Geneva on Tuesday to discuss the grain corridor, officials said."
    caption = "Ministers arrive in Geneva. — ANNA BERG/Reuters"
    cleaned = clean_extracted(
        f"Geneva talks\n{caption}\n{story}", title="Geneva talks", figure_captions=[caption]
    )
    assert cleaned.body == story
    assert [(c.text, c.credit) for c in cleaned.captions] == [
        ("Ministers arrive in Geneva.", "ANNA BERG/Reuters")
    ]
