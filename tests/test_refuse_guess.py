"""What the pipeline and the CLI do with input they must not guess about: another language than English, a
numeric date without its order, a publication date without a day."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tacitus import pipeline
from tacitus.cli import main
from tacitus.contract import Article, Document
from tacitus.ingest import article_from_input

FIXTURES = Path(__file__).parent / "fixtures"
GERMAN = FIXTURES / "ingest" / "german.txt"
STORY = "Russia and Ukraine signed a ceasefire in Istanbul on Monday, Turkish officials said."


def test_non_english_article_is_kept_without_english_extraction():
    article = article_from_input(GERMAN.read_text(encoding="utf-8"), source="german.txt")
    [document] = pipeline.process_many([article])
    assert document.article.language == "de" and document.article.text == article.text
    assert not (document.sentences or document.actors or document.events or document.timexes)
    assert not (document.quotes or document.claims or document.places)
    assert "not-extracted: the text is in 'de' and only English is extracted" in document.article.warnings
    Document.model_validate_json(document.to_json())


def test_english_article_is_still_extracted():
    document = pipeline.process(Article(id="x", text=STORY, language="en", published="2024-06-11"))
    assert document.sentences and document.actors
    assert not any(warning.startswith("not-extracted") for warning in document.article.warnings)


@pytest.mark.parametrize(
    ("published", "day"), [("2024-06-11", "2024-06-11"), ("2024-06", None), ("2024", None)]
)
def test_relative_dates_are_anchored_only_to_a_known_day(published, day):
    article = Article(id="x", text=STORY, language="en", published=published)
    assert str(pipeline.publication_date(article)) == str(day)
    document = pipeline.process(article)
    monday = [timex for timex in document.timexes if timex.text == "Monday"]
    assert monday and (monday[0].value.startswith("2024-06") if day else "XXXX" in monday[0].value)


def test_cli_warns_naming_a_non_english_input_and_exits_0():
    result = CliRunner().invoke(main, ["extract", str(GERMAN)])
    assert result.exit_code == 0
    assert f"warning: {GERMAN}: not-extracted" in result.stderr


def test_cli_refuses_an_ambiguous_published_date_unless_told_the_order(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY + "\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["extract", str(story), "--published", "11.06.2024"])
    assert refused.exit_code == 2 and "ambiguous" in refused.stderr and "--published" in refused.stderr
    told = CliRunner().invoke(main, ["extract", str(story), "--published", "11.06.2024", "--dayfirst"])
    assert told.exit_code == 0 and '"published": "2024-06-11"' in told.stdout


def test_library_extract_takes_the_order_of_a_numeric_date():
    import tacitus
    from tacitus.errors import InputError

    with pytest.raises(InputError, match="ambiguous"):
        tacitus.extract(STORY, published="03/04/2024")
    assert tacitus.extract(STORY, published="03/04/2024", dayfirst=True).article.published == "2024-04-03"
