"""Events to export records (JSON Lines) and flat CSV rows, and back."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

from events.model import Event

CSV_COLUMNS = (
    "event_id", "date", "date_precision", "date_basis", "event_type", "cameo", "modality", "title",
    "syrian_actors", "russian_actors", "actors", "location", "topics",
    "source_count", "outlets", "headlines", "published", "articles", "urls", "excerpt",
)


def to_record(event: Event) -> dict:
    """The export record of one event (see "Export format" in README.md)."""
    return {
        "event_id": event.event_id,
        "date": str(event.date) or None,
        "date_precision": event.date.precision.value,
        "date_basis": event.date.basis.value,
        "event_type": event.event_type.value,
        "cameo": event.cameo,
        "modality": event.modality.value,
        "title": event.title,
        "actors": [{"name": a.name, "country": a.country, "role": a.role, "id": a.qid or None}
                   for a in event.actors],
        "location": event.location,
        "topics": list(event.topics),
        "sources": [{"article": s.article, "title": s.title, "outlet": s.outlet, "url": s.url,
                     "published": s.published.isoformat() if s.published else None,
                     "excerpt": s.excerpt, "start": s.start, "end": s.end} for s in event.sources],
    }


def _actor_label(actor: dict) -> str:
    role = actor.get("role")
    return f"{actor.get('name')} ({role})" if role else str(actor.get("name"))


def to_csv_row(record: dict) -> dict[str, str]:
    """One export record flattened into a CSV row of strings."""
    actors = record.get("actors") or []
    sources = record.get("sources") or []

    def side(country: str) -> str:
        return "; ".join(a["name"] for a in actors if a.get("country") == country)

    def unique(key: str) -> str:
        return "; ".join(dict.fromkeys(str(s.get(key)) for s in sources if s.get(key)))

    return {
        "event_id": record.get("event_id") or "",
        "date": record.get("date") or "",
        "date_precision": record.get("date_precision") or "",
        "date_basis": record.get("date_basis") or "",
        "event_type": record.get("event_type") or "",
        "cameo": record.get("cameo") or "",
        "modality": record.get("modality") or "",
        "title": record.get("title") or "",
        "syrian_actors": side("SY"),
        "russian_actors": side("RU"),
        "actors": "; ".join(_actor_label(a) for a in actors),
        "location": record.get("location") or "",
        "topics": "; ".join(record.get("topics") or []),
        "source_count": str(len(sources)),
        "outlets": unique("outlet"),
        "headlines": unique("title"),
        "published": unique("published"),
        "articles": unique("article"),
        "urls": unique("url"),
        "excerpt": sources[0].get("excerpt", "") if sources else "",
    }


# OWASP CSV injection: spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise_cell(value: object) -> str:
    """A CSV cell as text, with a leading `'` if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_jsonl(records: Iterable[dict]) -> str:
    """Records as JSON Lines text."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _write_csv(records: Iterable[dict], fh) -> int:
    writer = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for record in records:
        row = to_csv_row(record)
        writer.writerow([neutralise_cell(row[column]) for column in CSV_COLUMNS])
        count += 1
    return count


def to_csv(records: Iterable[dict]) -> str:
    """Records as CSV text: a header row, every field quoted, cells that would start a formula neutralised."""
    buffer = io.StringIO(newline="")
    _write_csv(records, buffer)
    return buffer.getvalue()


def write_records(records: Iterable[dict], path: Path) -> int:
    """Write records as JSON Lines or CSV, chosen by the file's suffix, one at a time (a stream from the store is
    never held in memory); returns how many were written."""
    suffix = path.suffix.lower()
    if suffix not in {".jsonl", ".csv"}:
        raise ValueError(f"unknown export format {suffix!r}: use .jsonl or .csv")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if suffix == ".csv":
            return _write_csv(records, fh)
        count = 0
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count


def read_records(path: Path) -> list[dict]:
    """Export records from a JSON Lines file; a malformed line raises ValueError naming it."""
    records = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name} line {line_no}: not JSON ({exc.msg})") from exc
    return records
