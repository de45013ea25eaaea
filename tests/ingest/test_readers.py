"""`read_inputs`: files, directories, gzip, stdin and JSONL, in order, with `source`s naming each input."""

from __future__ import annotations

import gzip
import io
import json
import shutil

from tacitus.contract import Article
from tacitus.errors import InputError
from tacitus.ingest import read_inputs

STORY = (
    "The ministers met in Geneva on Tuesday to discuss the grain corridor, officials from both sides said."
)


def _jsonl(*records) -> str:
    return "\n".join(record if isinstance(record, str) else json.dumps(record) for record in records) + "\n"


def test_directory_read_recursively_skipping_hidden_files(tmp_path, ingest_fixtures):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    shutil.copy(ingest_fixtures / "article.html", tmp_path / "sub" / "page.html")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".secret.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".hidden" / "b.txt").write_text(STORY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert all(isinstance(item, Article) for item in items)
    assert [item.source for item in items] == [str(tmp_path / "a.txt"), "The Harbour Times"]


def test_gzip_file_read_as_its_inner_file(tmp_path, ingest_fixtures):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((ingest_fixtures / "article.html").read_bytes()))
    [article] = read_inputs([str(path)])
    assert article.title == "Ministers meet in Geneva to discuss grain corridor"


def test_jsonl_file_one_article_per_line_with_line_ids(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        _jsonl(
            {
                "id": "a1",
                "url": "https://example.org/a1",
                "title": "Geneva talks",
                "published": "2024-06-11",
                "text": STORY,
            },
            {
                "id": "a2",
                "html": "<html><body><article><p>"
                + STORY.replace("Geneva", "Vienna")
                + "</p></article></body></html>",
            },
        ),
        encoding="utf-8",
    )
    first, second = read_inputs([str(path)])
    assert (first.id, first.title, first.published, first.url) == (
        "a1",
        "Geneva talks",
        "2024-06-11",
        "https://example.org/a1",
    )
    assert first.source == "https://example.org/a1"
    assert second.id == "a2" and "Vienna" in second.text
    assert second.source == f"{path}:line 2"


def test_jsonl_line_date_wins_over_the_default_date(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(_jsonl({"id": "x", "published": "2020-01-02", "text": STORY}, {"id": "y", "text": STORY}))
    first, second = read_inputs([str(path)], published="2024-06-11")
    assert first.published == "2020-01-02" and second.published == "2024-06-11"


def test_stdin_text_is_one_article():
    [article] = read_inputs(["-"], stdin=io.StringIO(STORY), published="11 June 2024")
    assert article.text == STORY and article.published == "2024-06-11" and article.source == "<stdin>"


def test_stdin_bytes_as_jsonl():
    data = _jsonl({"id": "s1", "text": STORY}, {"id": "s2", "text": STORY.replace("Tuesday", "Friday")})
    items = list(read_inputs(["-"], jsonl=True, stdin=io.BytesIO(data.encode("utf-8"))))
    assert [item.id for item in items] == ["s1", "s2"]


def test_inputs_keep_their_order_and_errors_do_not_stop_the_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "missing.txt"), str(good)]))
    assert isinstance(items[0], InputError) and items[0].reason == "no such file or directory"
    assert items[0].source == str(tmp_path / "missing.txt")
    assert isinstance(items[1], Article)


def test_count_inputs_counts_what_read_inputs_yields_for_the_progress_eta(tmp_path):
    from tacitus.ingest import count_inputs

    (tmp_path / "folder" / "deeper").mkdir(parents=True)
    (tmp_path / "folder" / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / "folder" / "deeper" / "b.html").write_text("<p>Another.</p>", encoding="utf-8")
    (tmp_path / "folder" / ".hidden").write_text("skipped", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "x"}\n\n{"text": "y"}\nnot json\n', encoding="utf-8")
    packed = tmp_path / "packed.jsonl.gz"
    packed.write_bytes(gzip.compress(b'{"text": "z"}\n'))
    inputs = [
        str(tmp_path / "folder"),
        str(feed),
        str(packed),
        "https://example.org/a",
        str(tmp_path / "missing.txt"),
    ]
    assert count_inputs(inputs) == len(list(read_inputs(inputs[:3] + inputs[4:]))) + 1 == 8
    assert count_inputs(["-"]) is None  # stdin cannot be counted without reading it


def test_jsonl_numeric_date_needs_its_order_and_a_line_can_give_it(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        _jsonl(
            {"id": "a", "published": "11.06.2024", "text": STORY},
            {"id": "b", "published": "11.06.2024", "dayfirst": True, "text": STORY},
            {"id": "c", "published": "11.06.2024", "dayfirst": "yes", "text": STORY},
        ),
        encoding="utf-8",
    )
    first, second, third = read_inputs([str(path)])
    assert isinstance(first, InputError) and first.source == f"{path}:line 1: published"
    assert "ambiguous" in first.reason
    assert second.published == "2024-06-11"
    assert isinstance(third, InputError) and "'dayfirst'" in third.reason


def test_batch_dayfirst_reads_the_default_date_and_the_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(_jsonl({"id": "a", "published": "03.04.2024", "text": STORY}), encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    line, plain = read_inputs(
        [str(path), str(tmp_path / "story.txt")], published="01.02.2024", dayfirst=False
    )
    assert line.published == "2024-03-04" and plain.published == "2024-01-02"
    refused, *rest = read_inputs([str(tmp_path / "story.txt")], published="01.02.2024")
    assert isinstance(refused, InputError) and refused.source == "--published"
    assert rest[0].published is None


def test_partial_publication_date_is_kept_partial(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(_jsonl({"id": "a", "published": "June 2024", "text": STORY}), encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert article.published == "2024-06"
