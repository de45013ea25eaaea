"""Inputs to articles: files, directories, stdin, JSONL and URLs, each failure one `InputError`, never a stop.

`read_inputs` yields an `Article` or an `InputError` per item in input order, so the caller can report one
clear line per bad item and carry on with the batch.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import stat
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from tacitus.contract import Article
from tacitus.errors import InputError
from tacitus.ingest.article import article_from_input
from tacitus.ingest.dates import parse_published
from tacitus.ingest.decode import MAX_INPUT_BYTES, decode_bytes, too_large
from tacitus.ingest.fetch import fetch_url, is_url

JSONL_SUFFIXES = (".jsonl", ".ndjson")
# A text file whose every non-blank line is one address (lines starting with # are comments) is a list of URLs
# to fetch, not an article; looked at only when it is small enough to be a list.
MAX_URL_LIST_BYTES = 1024 * 1024
_URL_LINE = re.compile(rb"^\s*https?://\S+\s*$", re.IGNORECASE)
_UNWRITABLE = re.compile(r"[\x00\ud800-\udfff]")


def read_inputs(
    inputs: Sequence[str],
    *,
    jsonl: bool = False,
    published: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    dayfirst: bool | None = None,
) -> Iterator[Article | InputError]:
    """Articles from every input in order; each failure is yielded as an `InputError` and reading goes on.

    `published` is the default publication date: it wins over a page's own date, while a JSONL line's
    `published` wins over it. An unparseable `published` is reported once and then ignored. `dayfirst`
    says how numeric dates ("11.06.2024") in `published` and in JSONL lines are written (None: not known, so
    one that reads both ways is an error); a JSONL line's own `dayfirst` field wins over it.
    """
    if published:
        try:
            published = parse_published(published, "--published", dayfirst=dayfirst)
        except InputError as error:
            yield error
            published = None
    for name in inputs:
        try:
            yield from _read_one(name, jsonl=jsonl, published=published, stdin=stdin, dayfirst=dayfirst)
        except InputError as error:
            yield error
        except OSError as error:
            yield InputError(name, f"cannot read: {error.strerror or error}")
        except (EOFError, zlib.error) as error:
            yield InputError(name, f"truncated or corrupt compressed data: {error}")


def count_inputs(inputs: Sequence[str], *, jsonl: bool = False) -> int | None:
    """How many items `read_inputs` will yield, for a progress bar's ETA; None when it cannot be known cheaply
    (stdin). JSONL files are counted by their non-blank lines (a quick pass, no parsing)."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        if is_url(name):
            total += 1
            continue
        path = Path(name)
        files = list(iter_files(path)) if path.is_dir() else [path]
        for file in files:
            total += _count_file(file)
    return total


def _count_file(path: Path) -> int:
    """Items in one file; a FIFO, device or socket is never opened here (opening a FIFO waits for a writer)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return 1  # it will be one error line
    except OSError:
        return 1
    if not path.name.removesuffix(".gz").lower().endswith(JSONL_SUFFIXES):
        urls = _url_list(path)
        return len(urls) if urls is not None else 1
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            return sum(1 for line, _size in _bounded_lines(stream) if line is None or line.strip())
    except (OSError, EOFError, zlib.error):
        return 1  # unreadable: it will be one error line


def _read_one(
    name: str, *, jsonl: bool, published: str | None, stdin, dayfirst: bool | None = None
) -> Iterator[Article | InputError]:
    if name == "-":
        data = _read_stream(stdin if stdin is not None else sys.stdin)
        if jsonl:
            yield from read_jsonl(io.BytesIO(data), "<stdin>", published=published, dayfirst=dayfirst)
        else:
            yield _article_from_bytes(data, "<stdin>", published=published)
    elif is_url(name):
        data, content_type, final_url = fetch_url(name)
        yield _article_from_bytes(data, name, published=published, url=final_url, content_type=content_type)
    else:
        path = Path(name)
        if path.is_dir():
            for file in iter_files(path):
                try:
                    yield from _read_file(file, published=published, dayfirst=dayfirst)
                except InputError as error:
                    yield error
                except OSError as error:
                    yield InputError(str(file), f"cannot read: {error.strerror or error}")
        elif path.is_file():
            yield from _read_file(path, published=published, dayfirst=dayfirst)
        elif path.exists():
            raise InputError(name, "not a regular file or directory")
        else:
            raise InputError(name, "no such file or directory")


def iter_files(directory: Path, _seen: set[tuple[int, int]] | None = None) -> Iterator[Path]:
    """Every non-hidden regular file under `directory`, recursively, in a stable (sorted) order.

    Each directory and each file is visited once however many links lead to it, so a symbolic-link loop ends
    at once instead of listing the same paths over and over; FIFOs, devices and sockets are left out."""
    seen = _seen if _seen is not None else set()
    try:
        info = directory.stat()
    except OSError:
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith("."):
            continue
        try:
            info = entry.stat()
        except OSError:  # a dangling link
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from iter_files(entry, seen)
        elif stat.S_ISREG(info.st_mode) and (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            yield entry


def _read_file(
    path: Path, *, published: str | None, dayfirst: bool | None = None
) -> Iterator[Article | InputError]:
    name = str(path)
    inner = path.name.removesuffix(".gz")
    if inner.lower().endswith(JSONL_SUFFIXES):
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rb") as stream:
            yield from read_jsonl(stream, name, published=published, dayfirst=dayfirst)
        return
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputError(name, too_large(size))
    urls = _url_list(path)
    if urls is not None:
        for url in urls:
            try:
                data, content_type, final_url = fetch_url(url)
                yield _article_from_bytes(
                    data, url, published=published, url=final_url, content_type=content_type
                )
            except InputError as error:
                yield error
        return
    data = _read_gzip(path) if path.name.endswith(".gz") else path.read_bytes()
    yield _article_from_bytes(data, name, published=published)


def _url_list(path: Path) -> list[str] | None:
    """The addresses in `path` when it is a plain list of URLs (one per line), else None."""
    if path.name.endswith(".gz") or path.stat().st_size > MAX_URL_LIST_BYTES:
        return None
    lines = [line.strip() for line in path.read_bytes().splitlines()]
    lines = [line for line in lines if line and not line.startswith(b"#")]
    if not lines or not all(_URL_LINE.match(line) for line in lines):
        return None
    return [line.decode("utf-8", "replace") for line in lines]


def _read_gzip(path: Path) -> bytes:
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(str(path), f"not a readable gzip file: {error}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(str(path), too_large(len(data), "uncompressed "))
    return data


def _read_stream(stream) -> bytes:
    binary = getattr(stream, "buffer", stream)
    data = binary.read()
    return data.encode("utf-8") if isinstance(data, str) else data


def _article_from_bytes(
    data: bytes, name: str, *, published: str | None, url: str | None = None, content_type: str | None = None
) -> Article:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(name, too_large(len(data)))
    text, encoding = decode_bytes(data, name, content_type=content_type)
    article = article_from_input(text, published=published, url=url, source=name)
    if encoding not in ("utf-8", "ascii"):
        article.warnings.append(f"decoded-from:{encoding}")
    return article


def read_jsonl(
    stream: BinaryIO, name: str, *, published: str | None = None, dayfirst: bool | None = None
) -> Iterator[Article | InputError]:
    """One article per line: `{"id", "url", "title", "published", "dayfirst", "text" | "html"}`; bad lines
    are reported.

    A line over the size limit is skipped without being held in memory; a compressed file that ends early
    is reported after its last whole line, and the inputs after it are still read."""
    number = 0
    try:
        for number, (raw, size) in enumerate(_bounded_lines(stream), start=1):
            where = f"{name}:line {number}"
            if raw is None:
                yield InputError(where, too_large(size))
                continue
            if not raw.strip():
                continue
            try:
                yield _article_from_record(raw, where, published, dayfirst)
            except InputError as error:
                yield error
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        yield InputError(f"{name}:line {number + 1}", f"truncated or corrupt compressed data: {error}")


def _bounded_lines(stream: BinaryIO, limit: int = MAX_INPUT_BYTES) -> Iterator[tuple[bytes | None, int]]:
    """(line, size) for each line, or (None, size) for a line longer than `limit`, read in pieces."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(1024 * 1024)
            if not line:
                break
            size += len(line)
        yield None, size


def _article_from_record(
    raw: bytes | str, where: str, published: str | None, dayfirst: bool | None = None
) -> Article:
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(where, too_large(len(raw)))
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(where, f"malformed JSON: {error}") from None
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
    for key, value in record.items():
        if isinstance(value, str) and _UNWRITABLE.search(value):
            raise InputError(
                where, f"{key!r} holds a NUL or a lone surrogate escape (\\ud800…): not valid text"
            )
    content = record.get("text") if record.get("text") is not None else record.get("html")
    if not isinstance(content, str) or not content.strip():
        raise InputError(where, "no 'text' or 'html' field with content")
    line_date = record.get("published")
    if line_date is not None and not isinstance(line_date, str):
        raise InputError(where, f"'published' must be a string, got {line_date!r}")
    line_dayfirst = record.get("dayfirst", dayfirst)
    if line_dayfirst is not None and not isinstance(line_dayfirst, bool):
        raise InputError(where, f"'dayfirst' must be true, false or null, got {line_dayfirst!r}")
    if line_date:
        line_date = parse_published(line_date, f"{where}: published", dayfirst=line_dayfirst)
    else:
        line_date = published
    fields = {key: _string(record, key, where) for key in ("id", "url", "title", "source")}
    article = article_from_input(
        content, published=line_date, url=fields["url"], id=fields["id"], title=fields["title"], source=where
    )
    if article.source == where:  # no site name in the page: the record's own source or URL says more
        article.source = fields["source"] or fields["url"] or where
    return article


def _string(record: dict, key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and key == "id":
        return str(value)
    if not isinstance(value, str):
        raise InputError(where, f"{key!r} must be a string, got {value!r}")
    return value
