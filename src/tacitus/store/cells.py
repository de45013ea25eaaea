"""Spreadsheet-safe cells for CSV and TSV exports.

Article text, titles, names and URLs come from whoever wrote the news page or the input file. A cell starting
with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by Excel, LibreOffice and Google Sheets
(`=HYPERLINK(…)` exfiltrates, `@SUM(…)`, DDE payloads run commands). Such a cell gets a leading apostrophe,
which the spreadsheet shows as text and does not display; plain numbers (`-3.5`, `+1`) are left as they are.
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")


def safe_cell(value):
    """`value`, with an apostrophe in front when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def safe_record(record: dict) -> dict:
    return {key: safe_cell(value) for key, value in record.items()}
