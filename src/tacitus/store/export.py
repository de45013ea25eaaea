"""Write list rows as an aligned text table, CSV, JSON Lines or Parquet, to a path or an open stream.

A list field stays a list in JSON Lines and Parquet (a list<string> column); CSV and the table have no lists,
so there (only) its items are joined by '; ' (`JOIN`), the one documented joined form.
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields, is_dataclass
from pathlib import Path
from typing import IO

from tacitus.store.cells import safe_record
from tacitus.store.rows import JOIN

FORMATS = ("table", "csv", "jsonl", "parquet")
TABLE_CELL_WIDTH = 60  # long evidence and quote texts are cut in the table view only, never in exports


def write_rows(rows: Iterable, fmt: str, out: IO | str | Path, *, row_type: type | None = None) -> int:
    """Write `rows` (dataclass rows from the store) in `fmt` to `out`; returns the number of rows written.

    `row_type` gives the columns when `rows` may be empty (a Parquet file or a CSV header still needs them).
    A text stream is accepted for Parquet when it has a binary `.buffer` (as `sys.stdout` has).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows = list(rows)
    if rows and not is_dataclass(rows[0]):
        raise TypeError(f"write_rows expects store rows (dataclasses), got {type(rows[0]).__name__}")
    row_type = type(rows[0]) if rows else row_type
    columns = [f.name for f in fields(row_type)] if row_type else []
    records = [asdict(row) for row in rows]
    if isinstance(out, str | Path):
        mode = "wb" if fmt == "parquet" else "w"
        with open(out, mode, **({} if fmt == "parquet" else {"encoding": "utf-8", "newline": ""})) as stream:
            return write_rows(rows, fmt, stream, row_type=row_type)
    if fmt == "parquet":
        _write_parquet(records, row_type, _binary(out))
    else:
        text = _text(out)
        {"table": _write_table, "csv": _write_csv, "jsonl": _write_jsonl}[fmt](records, columns, text)
        text.flush()
        if text is not out:
            text.detach()
    return len(rows)


def _text(out: IO) -> IO[str]:
    if isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
        return out
    return io.TextIOWrapper(out, encoding="utf-8", newline="")


def _binary(out: IO) -> IO[bytes]:
    if isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
        if hasattr(out, "buffer"):
            out.flush()
            return out.buffer
        raise TypeError("parquet needs a binary stream or a path, not a text stream")
    return out


def _flat(value):
    """A list as its items joined by '; ' (None when empty), for the writers without lists."""
    if isinstance(value, list | tuple):
        return JOIN.join(str(item) for item in value) or None
    return value


def _write_csv(records: Sequence[dict], columns: list[str], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_record({key: _flat(value) for key, value in record.items()}) for record in records)


def _write_jsonl(records: Sequence[dict], columns: list[str], out: IO[str]) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_table(records: Sequence[dict], columns: list[str], out: IO[str]) -> None:
    cells = [[_cell(_flat(record[c])) for c in columns] for record in records]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    out.write(line.rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        value = f"{value:g}"
    text = " ".join(str(value).split())
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "…"


def _write_parquet(records: Sequence[dict], row_type: type | None, out: IO[bytes]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if row_type is None:
        raise ValueError("parquet export of no rows needs row_type to know the columns")
    hints = typing.get_type_hints(row_type)
    schema = pa.schema([(f.name, _arrow_type(hints[f.name])) for f in fields(row_type)])
    pq.write_table(pa.Table.from_pylist(list(records), schema=schema), out)


def _arrow_type(annotation):
    """`int | None` → int64, `list[str]` → list<string> and so on; anything else (str, Literal) is a string."""
    import pyarrow as pa

    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is list:
        return pa.list_(_arrow_type(typing.get_args(annotation)[0]))
    return {bool: pa.bool_(), int: pa.int64(), float: pa.float64()}.get(annotation, pa.string())


__all__ = ["FORMATS", "write_rows"]
