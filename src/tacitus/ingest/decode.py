"""Bytes to text: UTF-8 first, then the page's declared charset, then charset-normalizer; binaries refused."""

from __future__ import annotations

import codecs
import re

from tacitus.errors import InputError

# 10 MiB: a long news page with inline scripts weighs 1–3 MB; above this it is a dump or a binary, and
# trafilatura (whose own ceiling is 20 MB) would spend seconds on its tree. Rejected with a clear reason.
MAX_INPUT_BYTES = 10 * 1024 * 1024

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\x1f\x8b": "gzip-compressed data (name the file *.gz)",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"{\\rtf": "an RTF document",
}
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 8192


def too_large(size: int, what: str = "") -> str:
    return (
        f"{what}input too large ({size / 1_048_576:.1f} MiB; the limit is "
        f"{MAX_INPUT_BYTES / 1_048_576:.0f} MiB per article)"
    )


def decode_bytes(data: bytes, name: str, content_type: str | None = None) -> tuple[str, str]:
    """(text, encoding name); raises `InputError(name, …)` for empty or binary input."""
    if not data.strip():
        raise InputError(name, "empty input: no text")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(name, f"binary file ({what}), not text or HTML")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(name, "binary file (contains NUL bytes), not text or HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for declared in (_charset_from_content_type(content_type), _declared_charset(data)):
        text = _try_decode(data, declared)
        if text is not None:
            return text, codecs.lookup(declared).name
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    return _detect(data, name)


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few stray bytes replaced, when the text is clearly UTF-8 otherwise.

    A detector guesses a legacy code page for a file with one bad byte (`mac_iceland` for a news story) and so
    garbles every dash and quote; a legacy-encoded file, on the other hand, almost never holds valid multi-byte
    UTF-8 sequences. So: at least three valid multi-byte characters for every invalid byte sequence."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    if invalid <= 0 or multibyte < 3 * invalid:
        return None
    return text, f"utf-8 ({invalid} invalid byte sequence{'s' if invalid > 1 else ''} replaced)"


def _detect(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = _prefer_windows_1252(from_bytes(data))
    if best is None:
        raise InputError(name, "binary file (no text encoding fits), not text or HTML")
    text = str(best)
    # A binary that happens to decode still reads as control characters, not words.
    controls = sum(1 for char in text[:_SNIFF_BYTES] if ord(char) < 32 and char not in "\n\r\t\f")
    if controls > len(text[:_SNIFF_BYTES]) * 0.05:
        raise InputError(name, "binary file (mostly control characters), not text or HTML")
    return text, best.encoding


def _prefer_windows_1252(matches):
    """On a tie, windows-1252: short Western text fits cp1250 just as well ("Genève" → "Genčve"), and
    windows-1252 is what unlabelled legacy web text is (the WHATWG encoding standard's default)."""
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if (
            match.encoding in ("cp1252", "latin_1")
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence - 0.01
        ):
            return match
    return best


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii", "ignore") if match else None


def _charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _try_decode(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
