import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from tacitus.store import ActorRow, EventRow, write_rows
from tacitus.store.rows import column_names


def test_store_export_csv_has_a_header_and_every_row(filled, tmp_path):
    out = tmp_path / "events.csv"
    assert write_rows(filled.events(), "csv", out) == 5
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == column_names(EventRow)
    assert [r["event_id"] for r in rows] == ["E1", "E1", "E1", "E2", "E3"]
    assert rows[2]["source_names"] == "Mousa Abu Marzouk"


def test_store_export_jsonl_keeps_types_and_unicode(filled):
    out = io.StringIO()
    write_rows(filled.actors(country="FRA"), "jsonl", out)
    record = json.loads(out.getvalue().splitlines()[0])
    assert record["name"] == "Émile Ölund" and record["mentions"] == 0 and record["kb_id"] is None
    assert "Émile" in out.getvalue()


def test_store_export_parquet_reads_back(filled, tmp_path):
    out = tmp_path / "events.parquet"
    write_rows(filled.events(), "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 5
    assert table.column_names == column_names(EventRow)
    assert str(table.schema.field("confidence").type) == "double"
    assert table.column("place").to_pylist() == ["Paris", "Doha", "Moscow", None, None]


def test_store_export_parquet_to_a_binary_stream(filled):
    out = io.BytesIO()
    write_rows(filled.quotes(), "parquet", out)
    out.seek(0)
    table = pq.read_table(out)
    assert table.column("direct").to_pylist() == [False, True]  # Doha (2023) before Moscow (2024)


def test_store_export_empty_result_keeps_the_columns(filled, tmp_path):
    write_rows(filled.actors(country="CHN"), "parquet", tmp_path / "none.parquet", row_type=ActorRow)
    assert pq.read_table(tmp_path / "none.parquet").column_names == column_names(ActorRow)
    text = io.StringIO()
    write_rows([], "csv", text, row_type=ActorRow)
    assert text.getvalue().strip() == ",".join(column_names(ActorRow))


def test_store_export_table_is_aligned_and_cut(filled):
    out = io.StringIO()
    write_rows(filled.events(article="moscow"), "table", out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("article_id  event_id  type")
    assert set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + 3
    assert all(len(cell) <= 60 for line in lines[2:] for cell in line.split("  "))


def test_store_export_text_format_to_a_binary_stream(filled):
    out = io.BytesIO()
    write_rows(filled.articles(), "jsonl", out)
    assert [json.loads(line)["article_id"] for line in out.getvalue().decode("utf-8").splitlines()] == [
        "doha",
        "moscow",
        "paris",
    ]


def test_store_export_unknown_format_is_an_error(filled):
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        write_rows(filled.articles(), "xlsx", io.StringIO())


def test_store_event_actor_keys_are_lists_in_jsonl_and_parquet_and_joined_in_csv(filled, tmp_path):
    """Events carry their actors' keys (the identity `tacitus actors` lists), so they join to actors."""
    rows = filled.events(dyad="Marzouk:Russia")
    keys = {row.key for row in filled.actors(actor="Marzouk")}
    assert len(rows) == 1 and set(rows[0].source_keys) == keys and len(rows[0].target_keys) == 1
    lines = io.StringIO()
    write_rows(rows, "jsonl", lines)
    record = json.loads(lines.getvalue())
    assert record["source_keys"] == rows[0].source_keys and isinstance(record["target_keys"], list)
    write_rows(rows, "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert str(table.schema.field("source_keys").type).startswith("list<")
    assert table.column("source_keys").to_pylist() == [rows[0].source_keys]
    text = io.StringIO()
    write_rows(filled.events(actor="Marzouk"), "csv", text)
    joined = [r["source_keys"] for r in csv.DictReader(io.StringIO(text.getvalue()))]
    assert joined and all(value and not value.startswith("[") for value in joined)
