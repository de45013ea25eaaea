"""Which addresses a URL input may reach: public internet hosts only, unless an allow-list says otherwise.

Anyone who may submit a URL (the API with a token, the web form, a CLI input list written by someone else)
could otherwise make the server fetch its own loopback services, the private network or a cloud metadata
endpoint, and store the answer where anyone can read it. The check runs where the socket is opened, on every
address the name resolves to, so a redirect into the private network or a DNS answer that changes between
check and use (rebinding) is refused as well: the connection goes to the very address that was checked.

`TACITUS_FETCH_ALLOW` (comma-separated host names, addresses or networks such as `10.1.0.0/16`) opens
chosen internal hosts, e.g. an intranet news archive.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field

import httpcore

ALLOW_ENV = "TACITUS_FETCH_ALLOW"
BLOCKED_MESSAGE = "this address is not on the public internet and may not be fetched"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class BlockedAddress(Exception):
    """A URL's host cannot be resolved, or resolves to an address the fetcher may not reach."""


@dataclass(frozen=True)
class AllowList:
    """Hosts and networks that may be fetched although they are not public."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = field(default_factory=tuple)

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AllowList:
        hosts, networks = set(), []
        for entry in (e.strip() for e in entries):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                hosts.add(entry.lower().rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    @classmethod
    def from_env(cls) -> AllowList:
        return cls.parse(os.environ.get(ALLOW_ENV, "").split(","))

    def allows(self, host: str, address: IPAddress) -> bool:
        return host.lower().rstrip(".") in self.hosts or any(address in n for n in self.networks)


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address (not loopback, private, link-local, metadata, reserved…)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to (a literal address, in any spelling the C library accepts, included)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise BlockedAddress(f"cannot resolve host name {host!r}") from error
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def checked_addresses(host: str, port: int, allow: AllowList) -> list[IPAddress]:
    """The addresses of `host` if every one of them may be reached; else `BlockedAddress`.

    All answers must pass, not just one: a name with one public and one private answer is refused."""
    addresses = resolve(host, port)
    if not addresses:
        raise BlockedAddress(f"cannot resolve host name {host!r}")
    for address in addresses:
        if not (is_public(address) or allow.allows(host, address)):
            raise BlockedAddress(BLOCKED_MESSAGE)
    return addresses


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to checked addresses (and to exactly those)."""

    def __init__(self, allow: AllowList):
        self.allow = allow

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = checked_addresses(host, port, self.allow)
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last = error
        raise last  # type: ignore[misc]  # addresses is never empty

    def connect_unix_socket(self, *args, **kwargs):
        raise BlockedAddress("unix sockets may not be fetched")


def guarded_transport(allow: AllowList | None = None):
    """An httpx transport whose every connection (redirects included) passes the address check."""
    import httpx

    transport = httpx.HTTPTransport(trust_env=False)
    pool = transport._pool
    transport._pool = httpcore.ConnectionPool(
        ssl_context=pool._ssl_context,
        max_connections=pool._max_connections,
        max_keepalive_connections=pool._max_keepalive_connections,
        keepalive_expiry=pool._keepalive_expiry,
        network_backend=GuardedBackend(allow if allow is not None else AllowList.from_env()),
    )
    return transport
