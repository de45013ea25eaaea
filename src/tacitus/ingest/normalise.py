"""Character clean-up that keeps every offset valid: each change swaps one character for one character.

Stages index `article.text` by character offset and the quotes stage matches quotation marks, so no-break
spaces become spaces and typographic quotes become ASCII quotes *in place*; nothing is inserted or deleted.
"""

from __future__ import annotations

import hashlib

# One character in, one character out: str.translate with single-character values never changes a length.
_ONE_FOR_ONE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u200a": " ",  # hair space
        "\u2002": " ",  # en space
        "\u2003": " ",  # em space
        "\t": " ",
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark (also the typographic apostrophe)
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",
        "\u2032": "'",  # prime, often typed for an apostrophe
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',
        "\u2033": '"',  # double prime
    }
)


def normalise_chars(text: str) -> str:
    """No-break spaces → spaces, curly quotes → straight quotes; `len(result) == len(text)` always."""
    return text.translate(_ONE_FOR_ONE)


def normalise_newlines(text: str) -> str:
    """CRLF/CR → LF and drop a byte-order mark; only used before the body exists (it changes lengths)."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def content_hash(body: str) -> str:
    """sha256 of the body with whitespace runs collapsed, so re-scraped copies of one article match."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()
