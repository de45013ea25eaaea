"""Inputs that used to lose a batch, hang or blow up: each now gives one clear error line (or the right
articles) and the inputs after it are still read."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tacitus.contract import Article
from tacitus.errors import InputError
from tacitus.ingest import read_inputs
from tacitus.ingest.decode import MAX_INPUT_BYTES, decode_bytes
from tacitus.ingest.readers import count_inputs, iter_files

STORY = "The foreign ministers met in Geneva on Tuesday to discuss the grain corridor, officials said."


def _line(n: int) -> bytes:
    return json.dumps({"id": f"a{n}", "text": f"{STORY} Report number {n}."}).encode() + b"\n"


def test_truncated_gzip_reports_an_error_and_the_later_inputs_are_read(tmp_path):
    whole = gzip.compress(b"".join(_line(n) for n in range(200)))
    broken = tmp_path / "feed.jsonl.gz"
    broken.write_bytes(whole[: len(whole) * 2 // 3])
    after = tmp_path / "after.txt"
    after.write_text(STORY)
    items = list(read_inputs([str(broken), str(after)]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "truncated or corrupt" in errors[0].reason
    assert str(broken) in errors[0].source
    assert isinstance(items[-1], Article) and items[-1].text == STORY
    assert sum(isinstance(i, Article) for i in items) > 1  # the whole lines before the cut were read
    assert count_inputs([str(broken), str(after)]) >= 2


def test_lone_surrogate_escape_fails_one_line_not_the_run(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"id": "bad", "text": "Lavrov met Hamas \\ud800 in Moscow."}\n' + _line(2))
    bad, good = read_inputs([str(feed)])
    assert isinstance(bad, InputError) and "surrogate" in bad.reason and bad.source.endswith("line 1")
    assert isinstance(good, Article) and good.id == "a2"


def test_symlink_loops_end_and_each_file_is_read_once(tmp_path):
    root = tmp_path / "pages"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "story.txt").write_text(STORY)
    (root / "top.txt").write_text(STORY + " Again.")
    for n in range(6):  # loops at two levels, and a second name for a file
        (root / "a" / "b" / f"up{n}").symlink_to(root)
        (root / "a" / f"self{n}").symlink_to(root / "a")
    (root / "alias.txt").symlink_to(root / "top.txt")
    (root / "dangling.txt").symlink_to(tmp_path / "nowhere")
    started = time.monotonic()
    files = list(iter_files(root))
    assert sorted(f.name for f in files) == ["alias.txt", "story.txt"] or sorted(f.name for f in files) == [
        "story.txt",
        "top.txt",
    ]
    assert count_inputs([str(root)]) == 2
    assert len(list(read_inputs([str(root)]))) == 2
    assert time.monotonic() - started < 10


def _run_with_timeout(fn, seconds: float = 10):
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "hung on a FIFO"
    return result["value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_named_like_jsonl_never_hangs(tmp_path):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "more.jsonl")
    (folder / "story.txt").write_text(STORY)
    assert _run_with_timeout(lambda: count_inputs([str(fifo), str(folder)])) == 2
    items = _run_with_timeout(lambda: list(read_inputs([str(fifo), str(folder)])))
    assert isinstance(items[0], InputError) and "not a regular file" in items[0].reason
    assert [type(i) for i in items[1:]] == [Article]


def test_one_huge_compressed_line_is_refused_without_holding_it(tmp_path):
    huge = b'{"text": "' + b"a" * (6 * MAX_INPUT_BYTES) + b'"}\n'
    feed = tmp_path / "huge.jsonl.gz"
    feed.write_bytes(gzip.compress(huge + _line(2), compresslevel=1))
    del huge
    warm = tmp_path / "warm.jsonl"
    warm.write_bytes(_line(1))
    list(read_inputs([str(warm)]))  # imports done before memory is traced
    tracemalloc.start()
    try:
        bad, good = read_inputs([str(feed)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(bad, InputError) and "too large" in bad.reason
    assert isinstance(good, Article) and good.id == "a2"
    assert peak < 4 * MAX_INPUT_BYTES  # about one line at the limit, not the 60 MiB line


def test_one_stray_byte_does_not_turn_utf8_into_a_legacy_code_page():
    text = ("\u201cWe want peace\u201d \u2014 the minister said in Gen\u00e8ve. " * 20).encode()
    data = text[:300] + b"\xff" + text[300:]
    decoded, encoding = decode_bytes(data, "story.txt")
    assert encoding.startswith("utf-8") and "1 invalid" in encoding
    assert decoded.count("\u2014") == 20 and decoded.count("\u201c") == 20 and "Gen\u00e8ve" in decoded


def test_a_legacy_file_is_still_detected_as_legacy():
    data = ("The minister said in Gen\u00e8ve that the caf\u00e9 talks were \u2018useful\u2019. " * 5).encode(
        "cp1252"
    )
    decoded, encoding = decode_bytes(data, "old.txt")
    assert "Gen\u00e8ve" in decoded and not encoding.startswith("utf-8")


class Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        body = f"<html><body><article><p>{STORY} Page {self.path}.</p></article></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_file_of_urls_is_a_list_of_articles_to_fetch(tmp_path, monkeypatch):
    monkeypatch.setenv("TACITUS_FETCH_ALLOW", "127.0.0.1")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        urls = tmp_path / "urls.txt"
        urls.write_text(f"# two stories\n{base}/one\n\n{base}/two\n")
        assert count_inputs([str(urls)]) == 2
        one, two = read_inputs([str(urls)])
        assert one.url == f"{base}/one" and "Page /one" in one.text
        assert two.url == f"{base}/two"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_prose_that_mentions_a_url_is_still_one_article(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text(f"{STORY}\nhttps://example.org/source\n")
    [article] = read_inputs([str(page)])
    assert isinstance(article, Article) and "grain corridor" in article.text
