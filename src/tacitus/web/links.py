"""Which stored URLs may become links: only http(s) ones.

An article's URL comes from whoever wrote the input (a JSONL `url` field, a form); rendered as `href` a
`javascript:` or `data:` URL would run script in the reader's session when clicked. Anything else is shown as
text, never as a link.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_SAFE_SCHEME = re.compile(r"^https?://[^/\\]", re.IGNORECASE)


def safe_href(url: str | None) -> str | None:
    """`url` if a browser would open it as an http(s) address, else None.

    Browsers drop tabs, newlines and leading control characters before reading the scheme
    (`java\\tscript:`), so the check does the same."""
    if not url:
        return None
    return url if _SAFE_SCHEME.match(_CONTROL.sub("", url)) else None
