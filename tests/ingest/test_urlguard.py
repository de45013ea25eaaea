"""The fetch guard: no loopback, private, link-local or metadata address, no redirect or DNS answer into one,
and one error for every refusal so a caller cannot map which internal ports are open."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tacitus.errors import InputError
from tacitus.ingest import read_inputs
from tacitus.ingest.fetch import fetch_url
from tacitus.ingest.urlguard import ALLOW_ENV, BLOCKED_MESSAGE, AllowList, is_public

PAGE = (
    b"<html><body><article><p>Internal admin page: secret configuration values.</p></article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802 (http.server's naming)
        Handler.hits += 1
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", "http://" + self.path[len("/to/") :])
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def port():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_allow_list(monkeypatch):
    monkeypatch.delenv(ALLOW_ENV, raising=False)


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "0.0.0.0", "2130706433", "0x7f.1", "127.1", "[::1]", "[::ffff:127.0.0.1]"],
)
def test_loopback_in_any_spelling_is_refused_before_connecting(port, host):
    before = Handler.hits
    [error] = read_inputs([f"http://{host}:{port}/admin"])
    assert isinstance(error, InputError) and error.reason == BLOCKED_MESSAGE
    assert Handler.hits == before  # the internal server never saw a request


@pytest.mark.parametrize(
    "address",
    ["10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "fd00:ec2::254", "fe80::1"],
)
def test_private_link_local_and_metadata_addresses_are_not_public(address):
    assert not is_public(ipaddress.ip_address(address))


def test_public_addresses_pass():
    assert is_public(ipaddress.ip_address("93.184.215.14")) and is_public(
        ipaddress.ip_address("2606:4700::1")
    )


def test_metadata_endpoint_is_refused():
    with pytest.raises(InputError, match="not on the public internet"):
        fetch_url("http://169.254.169.254/latest/meta-data/", timeout=2)


def test_closed_and_open_ports_give_the_same_error(port):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    errors = [e.reason for e in read_inputs([f"http://127.0.0.1:{p}/" for p in (port, closed_port)])]
    assert errors[0] == errors[1] == BLOCKED_MESSAGE


def test_allowed_host_can_still_not_redirect_into_a_refused_one(port, monkeypatch):
    monkeypatch.setenv(ALLOW_ENV, "localhost")
    [article] = read_inputs([f"http://localhost:{port}/page"])
    assert "Internal admin page" in article.text  # the allow-list opens the named host
    before = Handler.hits
    [error] = read_inputs([f"http://localhost:{port}/to/127.0.0.1:{port}/admin"])
    assert isinstance(error, InputError) and error.reason == BLOCKED_MESSAGE
    assert Handler.hits == before + 1  # the redirect was answered, its target never asked


def test_dns_answers_are_checked_all_of_them(monkeypatch):
    """A public-looking name whose answers include a private address is refused (rebinding, split DNS)."""
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):
        if host == "news.example.org":
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(InputError, match="not on the public internet"):
        fetch_url("http://news.example.org/story", timeout=2)


def test_allow_list_parses_hosts_and_networks():
    allow = AllowList.parse(["intranet.example", " 10.1.0.0/16 ", "", "192.168.3.4"])
    assert allow.allows("Intranet.Example.", ipaddress.ip_address("10.9.9.9"))
    assert allow.allows("x", ipaddress.ip_address("10.1.200.3"))
    assert allow.allows("x", ipaddress.ip_address("192.168.3.4"))
    assert not allow.allows("x", ipaddress.ip_address("192.168.3.5"))


def test_api_refuses_to_fetch_an_internal_page_and_stores_nothing(port, tmp_path):
    from fastapi.testclient import TestClient

    from tacitus.api import create_app

    client = TestClient(create_app(f"sqlite:///{tmp_path / 's.db'}", api_token="t"))
    response = client.post(
        "/api/articles", json={"url": f"http://127.0.0.1:{port}/admin"}, headers={"Authorization": "Bearer t"}
    )
    assert response.status_code == 422 and BLOCKED_MESSAGE in response.json()["detail"]
    assert str(port) not in response.json()["detail"].replace(f"127.0.0.1:{port}", "")
    assert client.get("/api/articles").json()["total"] == 0
