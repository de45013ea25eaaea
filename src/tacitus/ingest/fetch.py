"""URL inputs: one polite GET with timeouts, a size cap and a user agent that names Tacitus.

Only public addresses are reached (`urlguard`), redirects included; errors say what went wrong without
telling a caller which internal ports are open.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tacitus import __version__
from tacitus.errors import InputError
from tacitus.ingest.decode import MAX_INPUT_BYTES, too_large
from tacitus.ingest.urlguard import AllowList, BlockedAddress, guarded_transport

USER_AGENT = f"Tacitus/{__version__} (news event extraction; one request per article)"
if TYPE_CHECKING:
    import httpx

TIMEOUT_SECONDS, CONNECT_TIMEOUT_SECONDS = 20.0, 10.0
MAX_REDIRECTS = 5
_TEXT_TYPES = re.compile(r"^(?:text/|application/(?:xhtml\+xml|xml|json|x-ndjson|jsonl?)\b)", re.IGNORECASE)


def is_url(name: str) -> bool:
    return bool(re.match(r"^https?://", name, re.IGNORECASE))


def fetch_url(
    url: str,
    *,
    timeout: httpx.Timeout | float | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    allow: AllowList | None = None,
) -> tuple[bytes, str | None, str]:
    """(body bytes, content type, final URL); raises `InputError(url, …)` on any failure.

    `allow` opens non-public hosts (default: $TACITUS_FETCH_ALLOW); everything else must be public."""
    import httpx  # only URL inputs pay for the HTTP client's import

    if timeout is None:
        timeout = httpx.Timeout(TIMEOUT_SECONDS, connect=CONNECT_TIMEOUT_SECONDS)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
    }
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers=headers,
                transport=guarded_transport(allow),
                trust_env=False,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
            content_type = response.headers.get("content-type")
            if content_type and not _TEXT_TYPES.match(content_type):
                raise InputError(url, f"not a web page or text (content type {content_type.split(';')[0]})")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(url, too_large(int(declared)))
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(url, too_large(size) + " (download stopped)")
                chunks.append(chunk)
            return b"".join(chunks), content_type, str(response.url)
    except httpx.TimeoutException:
        raise InputError(url, "timed out") from None
    except BlockedAddress as error:
        raise InputError(url, str(error)) from None
    except httpx.TooManyRedirects:
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects") from None
    except (httpx.ConnectError, httpx.NetworkError, httpx.RemoteProtocolError):
        # One message for refused, reset and unreachable alike: the reason would map the remote ports.
        raise InputError(url, "cannot fetch: no answer from this address") from None
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as error:
        raise InputError(url, f"cannot fetch: {type(error).__name__}") from None
