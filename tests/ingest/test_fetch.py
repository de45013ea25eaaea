"""URL inputs against a local HTTP server on 127.0.0.1 (no other network is touched).

The loopback address is opened through the fetch allow-list, as a deployment would open an intranet host."""

from __future__ import annotations

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tacitus.contract import Article
from tacitus.errors import InputError
from tacitus.ingest import read_inputs
from tacitus.ingest.fetch import USER_AGENT, fetch_url

STORY = "The foreign ministers met in Geneva on Tuesday to discuss the grain corridor, officials said."
PAGE = f"<html><head><title>Geneva talks</title></head><body><article><p>{STORY}</p></article></body></html>"


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/text": (200, "text/plain", STORY.encode("cp1252")),
            "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
        }
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        status, content_type, body = routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up first
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(autouse=True)
def allow_loopback(monkeypatch):
    monkeypatch.setenv("TACITUS_FETCH_ALLOW", "127.0.0.1")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_page_is_fetched_and_extracted(server):
    [article] = read_inputs([f"{server}/page"], published="2024-06-11")
    assert isinstance(article, Article)
    assert article.text == STORY
    assert article.url == f"{server}/page" and article.published == "2024-06-11"
    assert article.source  # the site name, else the URL


def test_polite_user_agent_names_tacitus(server):
    list(read_inputs([f"{server}/page"]))
    assert Handler.seen_agents[-1] == USER_AGENT and USER_AGENT.startswith("Tacitus/")


def test_redirect_followed_and_final_url_kept(server):
    [article] = read_inputs([f"{server}/redirect"])
    assert article.url == f"{server}/page"


def test_plain_text_url_decoded(server):
    [article] = read_inputs([f"{server}/text"])
    assert article.text == STORY


def test_http_error_is_one_input_error_and_the_batch_goes_on(server):
    error, article = read_inputs([f"{server}/missing", f"{server}/page"])
    assert isinstance(error, InputError) and error.source == f"{server}/missing"
    assert "HTTP 404" in error.reason
    assert isinstance(article, Article)


def test_binary_content_type_refused(server):
    [error] = read_inputs([f"{server}/image"])
    assert isinstance(error, InputError) and "image/png" in error.reason


def test_size_limit_stops_the_download(server):
    with pytest.raises(InputError, match="too large"):
        fetch_url(f"{server}/big", max_bytes=1000)


def test_timeout_is_reported(server):
    with pytest.raises(InputError, match="timed out"):
        fetch_url(f"{server}/slow", timeout=0.5)


def test_unreachable_host_is_reported():
    # Port 9 on the loopback address: nothing listens there, the connection is refused at once.
    [error] = read_inputs(["http://127.0.0.1:9/page"])
    assert isinstance(error, InputError) and "cannot fetch" in error.reason
