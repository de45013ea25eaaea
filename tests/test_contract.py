import json

import jsonschema
import pytest
from pydantic import ValidationError

from tacitus.contract import SCHEMA_ID, Article, Document, Span, json_schema, load_schema


def test_committed_schema_is_current():
    assert load_schema() == json.loads(json.dumps(json_schema(), sort_keys=True)), (
        "src/tacitus/schema/document-1.json is stale: run `make schema`"
    )


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(load_schema())


def test_sample_document_validates_against_schema(sample_document):
    data = json.loads(sample_document.to_json())
    jsonschema.validate(data, load_schema())
    assert data["schema"] == SCHEMA_ID


def test_document_round_trips_through_json(sample_document):
    again = Document.from_json(sample_document.to_json())
    assert again == sample_document


@pytest.mark.parametrize("field", ["actors", "events", "quotes", "claims", "timexes", "sentences"])
def test_sample_document_has_every_section(sample_document, field):
    assert isinstance(getattr(sample_document, field), list)


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Article(id="a", text="x", colour="red")


def test_offsets_must_not_be_negative():
    with pytest.raises(ValidationError):
        Span(start=-1, end=3)


def test_every_body_span_indexes_article_text(sample_document):
    text = sample_document.article.text
    for actor in sample_document.actors:
        for mention in actor.mentions:
            if mention.part is None and mention.text is not None:
                assert text[mention.start : mention.end] == mention.text
    for timex in sample_document.timexes:
        if timex.part is None:
            assert text[timex.start : timex.end] == timex.text


def test_caption_spans_index_their_caption(sample_document):
    captions = [caption.text for caption in sample_document.article.captions]
    for actor in sample_document.actors:
        for mention in actor.mentions:
            if mention.part and mention.text is not None:
                index = int(mention.part.split(":")[1])
                assert captions[index][mention.start : mention.end] == mention.text
