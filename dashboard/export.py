"""Downloads of exactly the rows shown: spreadsheet-safe CSV and JSON Lines."""
from __future__ import annotations

import pandas as pd

from events.records import neutralise_cell, to_csv, to_jsonl

__all__ = ["neutralise_cell", "to_csv_bytes", "to_jsonl_bytes"]


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """The rows of `df` as CSV: header, every field quoted, formula cells neutralised, UTF-8 with BOM."""
    # The BOM makes Excel open the file as UTF-8 (Arabic and Cyrillic names stay readable).
    return to_csv(df["record"]).encode("utf-8-sig")


def to_jsonl_bytes(df: pd.DataFrame) -> bytes:
    """The original export records of the rows of `df`, one JSON object per line, UTF-8."""
    return to_jsonl(df["record"]).encode("utf-8")
