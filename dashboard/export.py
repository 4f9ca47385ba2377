"""Downloads of exactly the rows shown: spreadsheet-safe CSV and JSON Lines."""
from __future__ import annotations

import csv
import io
import json

import pandas as pd

from events.records import CSV_COLUMNS, to_csv_row

# OWASP CSV injection: spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise_cell(value: object) -> str:
    """A CSV cell as text, with a leading `'` if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """The rows of `df` as CSV: header, every field quoted, formula cells neutralised, UTF-8 with BOM."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in df["record"]:
        row = to_csv_row(record)
        writer.writerow([neutralise_cell(row.get(column)) for column in CSV_COLUMNS])
    # The BOM makes Excel open the file as UTF-8 (Arabic and Cyrillic names stay readable).
    return buffer.getvalue().encode("utf-8-sig")


def to_jsonl_bytes(df: pd.DataFrame) -> bytes:
    """The original export records of the rows of `df`, one JSON object per line, UTF-8."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in df["record"]).encode("utf-8")
