"""Point 7 of the foundation issue: each bad input is one `InputError` naming it; the rest is processed."""

from __future__ import annotations

import json

import pytest

from tacitus.contract import Article
from tacitus.errors import InputError
from tacitus.ingest import MAX_INPUT_BYTES, article_from_input, read_inputs

STORY = (
    "The foreign ministers met in Geneva on Tuesday to discuss the grain corridor, officials said. "
    "A second round of talks is planned for April, according to a joint statement."
)


def _read(*paths, **options) -> list:
    return list(read_inputs([str(path) for path in paths], **options))


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _one_error_then_good(items, bad_source: str) -> InputError:
    assert len(items) == 2, items
    error, article = items
    assert isinstance(error, InputError), error
    assert error.source == bad_source
    assert isinstance(article, Article) and article.text == STORY
    return error


def test_empty_file(tmp_path, good):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    error = _one_error_then_good(_read(bad, good), str(bad))
    assert "empty" in error.reason


def test_whitespace_only_file(tmp_path, good):
    bad = tmp_path / "blank.txt"
    bad.write_bytes(b"  \n\n\t \n")
    assert "empty" in _one_error_then_good(_read(bad, good), str(bad)).reason


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        bytes(range(256)) * 8,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    ],
)
def test_binary_file(tmp_path, good, data):
    bad = tmp_path / "picture.txt"
    bad.write_bytes(data)
    assert "binary" in _one_error_then_good(_read(bad, good), str(bad)).reason


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_non_utf8_text_is_decoded(tmp_path, encoding):
    text = (
        "Le ministre a déclaré mardi à Genève que les négociations reprendraient en avril, "
        "selon un communiqué commun des deux gouvernements."
    )
    if encoding == "cp1252":
        text = "The minister said the talks were \u201cconstructive\u201d and would resume in Genève in April, officials said."
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    [article] = _read(path)
    assert isinstance(article, Article)
    assert ("Genève" in article.text) and ("\ufffd" not in article.text)
    if encoding != "utf-16":
        assert any(warning.startswith("decoded-from:") for warning in article.warnings)


def test_html_declared_charset_is_used(tmp_path):
    html = (
        '<html><head><meta charset="iso-8859-1"><title>T</title></head><body><article><p>'
        + STORY.replace("Geneva", "Genève")
        + "</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("iso-8859-1"))
    [article] = _read(path)
    assert "Genève" in article.text


def test_html_cut_off_in_its_head_is_an_error(tmp_path, good):
    bad = tmp_path / "cut.html"
    bad.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Minis', encoding="utf-8")
    assert "no article text" in _one_error_then_good(_read(bad, good), str(bad)).reason


def test_html_cut_off_in_its_body_is_read_and_flagged(tmp_path, ingest_fixtures):
    html = (ingest_fixtures / "article.html").read_text(encoding="utf-8")
    cut = html[: html.index("Shipping companies")]
    path = tmp_path / "cut.html"
    path.write_text(cut, encoding="utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert "truncated-html" in article.warnings
    assert "The foreign ministers of Turkey and Ukraine" in article.text


def test_twenty_megabyte_page_is_rejected_with_the_limit(tmp_path, good):
    bad = tmp_path / "huge.html"
    paragraph = b"<p>" + STORY.encode() + b"</p>\n"
    with bad.open("wb") as stream:
        stream.write(b"<html><body>")
        stream.write(paragraph * (20 * 1024 * 1024 // len(paragraph) + 1))
        stream.write(b"</body></html>")
    assert bad.stat().st_size > 20 * 1024 * 1024
    error = _one_error_then_good(_read(bad, good), str(bad))
    assert "too large" in error.reason and f"{MAX_INPUT_BYTES // 1_048_576} MiB" in error.reason


def test_body_over_the_parser_limit_is_rejected():
    with pytest.raises(InputError, match="too long"):
        article_from_input("\n\n".join(f"{number}. {STORY}" for number in range(6_000)), source="long.txt")


def test_malformed_jsonl_line_is_one_error_and_the_other_lines_are_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "1", "text": STORY}),
                '{"id": "2", "text": "unterminated',
                json.dumps(["not", "an", "object"]),
                json.dumps({"id": "4"}),
                "",
                json.dumps({"id": "6", "text": STORY.replace("Geneva", "Vienna")}),
            ]
        ),
        encoding="utf-8",
    )
    items = _read(path)
    assert [type(item).__name__ for item in items] == [
        "Article",
        "InputError",
        "InputError",
        "InputError",
        "Article",
    ]
    assert [item.source for item in items if isinstance(item, InputError)] == [
        f"{path}:line 2",
        f"{path}:line 3",
        f"{path}:line 4",
    ]
    assert "malformed JSON" in items[1].reason
    assert [item.id for item in items if isinstance(item, Article)] == ["1", "6"]


def test_jsonl_line_with_unparseable_date_is_one_error(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "1", "published": "the day after", "text": STORY})
        + "\n"
        + json.dumps({"id": "2", "text": STORY})
        + "\n",
        encoding="utf-8",
    )
    error, article = _read(path)
    assert isinstance(error, InputError) and error.source == f"{path}:line 1: published"
    assert article.id == "2"


def test_unparseable_published_option_reported_once_and_the_batch_read(good):
    items = _read(good, good, published="next Tuesday-ish")
    assert isinstance(items[0], InputError) and items[0].source == "--published"
    assert [type(item).__name__ for item in items[1:]] == ["Article", "Article"]
    assert items[1].published is None


def test_unparseable_published_argument_raises_naming_the_option():
    with pytest.raises(InputError) as error:
        article_from_input(STORY, published="someday")
    assert error.value.source == "--published"


def test_error_message_is_one_line_naming_the_input(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    [error] = _read(bad)
    assert str(error) == f"{bad}: {error.reason}" and "\n" not in str(error)
