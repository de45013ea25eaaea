"""A short text's detected language does not outweigh its English function words (`too_short_to_tell`)."""

import pytest

from tacitus.contract import Article
from tacitus.ingest.language import too_short_to_tell
from tacitus.pipeline import extracted


@pytest.mark.parametrize(
    "text",
    [
        "Mousa Abu Marzouk met Mikhail Bogdanov in the Russian capital.",
        "Serbia refused to hand over the suspects to the tribunal.",
        "Hamas said the talks would go on.",
    ],
)
def test_short_english_is_extracted_whatever_was_detected(text):
    assert too_short_to_tell(text)
    assert extracted(Article(id="a", text=text, language="bcl"))


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung kündigte am Dienstag Widerstand gegen den Plan an.",
        "Le gouvernement a annoncé mardi son opposition au projet.",
    ],
)
def test_short_foreign_text_is_not(text):
    assert not too_short_to_tell(text)
    assert not extracted(Article(id="a", text=text, language="de"))


def test_a_long_text_goes_by_its_detected_language():
    text = " ".join(["The minister said the talks with the rebels would resume."] * 8)
    assert not too_short_to_tell(text)
