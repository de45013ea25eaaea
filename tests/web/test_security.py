"""Pages stay inert whatever the store holds: no script URL becomes a link, every response carries the
security headers, an unknown Host is refused (DNS rebinding), and /docs loads nothing from another host."""

from __future__ import annotations

import http.client
from urllib.parse import urlparse

import pytest

from tacitus.api import create_app
from tacitus.api.background import background
from tacitus.store import Store
from tacitus.web.links import safe_href
from tests.web.cluster_reports import cluster_reports

EVIL_URLS = [
    "javascript:alert(document.domain)",
    " JaVa\tScRiPt:alert(1)",
    "data:text/html,<script>x</script>",
]


@pytest.fixture(scope="module")
def evil_server(tmp_path_factory):
    """The two cluster reports, stored with script URLs where their links should be."""
    url = f"sqlite:///{tmp_path_factory.mktemp('evil') / 'tacitus.db'}"
    with Store(url) as store:
        for document, bad in zip(cluster_reports(), EVIL_URLS, strict=False):
            store.save(
                document.model_copy(update={"article": document.article.model_copy(update={"url": bad})})
            )
    with background(create_app(url)) as base:
        yield base


def _get(base: str, path: str, host: str | None = None) -> http.client.HTTPResponse:
    parsed = urlparse(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    conn.putrequest("GET", path, skip_host=host is not None)
    if host is not None:
        conn.putheader("Host", host)
    conn.endheaders()
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


@pytest.mark.parametrize("url", EVIL_URLS + ["https:/\\evil", "//evil.example/x", "vbscript:msgbox"])
def test_script_and_odd_urls_are_never_links(url):
    assert safe_href(url) is None


@pytest.mark.parametrize("url", ["https://news.example.org/a?b=1", "HTTP://x.example/"])
def test_web_urls_stay_links(url):
    assert safe_href(url) == url


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles",
        "/articles/tass-lavrov",
        "/clusters",
        "/docs",
        "/openapi.json",
        "/api/events",
        "/api/articles?format=csv",
        "/static/app.css",
        "/no-such-page",
        "/api/articles/none",
    ],
)
def test_every_response_carries_the_security_headers(evil_server, path):
    response = _get(evil_server, path)
    assert "script-src 'self'" in response.getheader("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy", "")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("Referrer-Policy") == "no-referrer"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example", ""])
def test_unknown_host_is_refused(evil_server, host):
    response = _get(evil_server, "/api/events", host=host)
    assert response.status == 400
    assert response.getheader("X-Frame-Options") == "DENY"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost:{port}", "[::1]:{port}", "LOCALHOST."])
def test_loopback_hosts_are_served(evil_server, host):
    port = urlparse(evil_server).port
    assert _get(evil_server, "/api/events", host=host.format(port=port)).status == 200


def test_configured_host_is_served(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'h.db'}", allowed_hosts=("news.example.org",))
    with background(app) as base:
        assert _get(base, "/api/stats", host="news.example.org:8000").status == 200
        assert _get(base, "/api/stats", host="other.example.org").status == 400


@pytest.mark.parametrize("path", ["/articles/tass-lavrov", "/articles/reuters-lavrov", "/clusters/1"])
def test_script_urls_are_not_rendered_as_links_in_the_browser(browser, evil_server, path):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        response = page.goto(evil_server + path)
        assert response.status == 200
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
        for link in page.query_selector_all("a.url, span.url"):
            link.click(no_wait_after=True)
        assert "javascript:alert(document.domain)" in page.content() or path != "/articles/tass-lavrov"
        assert dialogs == []
    finally:
        page.close()


def test_docs_loads_nothing_from_another_host(browser, evil_server):
    page = browser.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        response = page.goto(evil_server + "/docs")
        assert response.status == 200
        page.wait_for_load_state("networkidle")
        assert "/api/events" in page.content() and "GET" in page.content()
        assert requested and all(url.startswith(evil_server) for url in requested), requested
    finally:
        page.close()
