"""Export records (from a .jsonl file or a corpus folder) as one pandas DataFrame for the dashboard."""
from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT / "sample_corpus"
SOURCE_ENV = "TIMELINE_SOURCE"

COLUMNS = (
    "event_id", "date", "date_precision", "date_basis", "date_label", "when", "start", "end", "year",
    "event_type", "modality", "title", "actors", "actor_names", "syrian_actors", "russian_actors",
    "location", "topics", "excerpt", "outlet", "outlets", "article", "source_title", "published", "source_count",
    "search_text", "record",
)

STORE_SUFFIXES = {".sqlite", ".db"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Dataset:
    """The events of one source as a frame, with the pipeline's report lines (empty for a .jsonl file)."""

    frame: pd.DataFrame
    report: tuple[str, ...] = ()


def resolve_source(argv: Sequence[str], environ: Mapping[str, str], default: Path = DEFAULT_SOURCE) -> Path:
    """The source to show: `--source PATH` on the command line, else $TIMELINE_SOURCE, else the sample corpus."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--source", default=None)
    # parse_known_args: under pytest/AppTest, sys.argv holds pytest's own arguments.
    args, _ = parser.parse_known_args(list(argv))
    chosen = args.source or environ.get(SOURCE_ENV) or None
    return Path(chosen).expanduser() if chosen else default


def source_stamp(source: Path) -> float:
    """The latest modification time under `source` (0.0 if missing), so a cache can notice edits."""
    if not source.exists():
        return 0.0
    if source.is_file():
        return source.stat().st_mtime
    return max((p.stat().st_mtime for p in source.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(source).parts)),
               default=source.stat().st_mtime)  # hidden folders (the store) do not count


def load_dataset(source: Path) -> Dataset:
    """Read a .jsonl export, or build the events of a corpus folder with the pipeline."""
    source = Path(source)
    if not source.exists():
        raise FileNotFoundError(f"no such file or folder: {source}")
    if source.is_dir():
        return _build_folder(source)
    if source.suffix.lower() in STORE_SUFFIXES:
        from events.store import load_records

        return Dataset(to_frame(load_records(source)))
    from events.records import read_records

    return Dataset(to_frame(read_records(source)))


def _build_folder(source: Path) -> Dataset:
    """A corpus folder through its store (CORPUS/.timeline/store.sqlite, as `python -m events build` keeps it),
    so reopening an unchanged corpus extracts nothing; a temporary store when that folder cannot be written."""
    import sqlite3

    from events.pipeline import build  # lazy: reading a .jsonl file must not need the pipeline
    from events.store import default_store_path

    try:
        result = build(source, store=default_store_path(source))
    except (OSError, sqlite3.Error) as exc:
        result = build(source)
        return Dataset(to_frame(result.records), (f"note: store not kept ({exc})", *result.report))
    return Dataset(to_frame(result.records), tuple(result.report))


def load_events(source: Path) -> pd.DataFrame:
    """The events of a .jsonl export file or of a corpus folder, one row per event."""
    return load_dataset(source).frame


def date_label(date: str | None, precision: str | None) -> str:
    """A date as written for its precision: '28 Jan 2025', 'Sep 2023', '2011'; 'undated' when unknown."""
    if not date:
        return "undated"
    parts = str(date).split("-")
    try:
        if precision == "day" and len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if precision == "month" and len(parts) >= 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return str(date)
    return parts[0] if precision == "year" else str(date)


def plot_time(date: str | None, precision: str | None) -> pd.Timestamp:
    """Where an event sits on a time axis: the day itself, mid-month (15th) or mid-year (1 July); NaT if unknown."""
    if not date:
        return pd.NaT
    parts = str(date).split("-")
    try:
        year = int(parts[0])
        if precision == "day" and len(parts) == 3:
            return pd.Timestamp(year, int(parts[1]), int(parts[2]))
        if precision == "month" and len(parts) >= 2:
            return pd.Timestamp(year, int(parts[1]), 15)
        if precision == "year":
            return pd.Timestamp(year, 7, 1)
    except (ValueError, IndexError):
        return pd.NaT
    return pd.NaT


def date_span(date: str | None, precision: str | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The days a date may mean, as [start, end): one day, a whole month or a whole year; NaT if unknown."""
    middle = plot_time(date, precision)
    if pd.isna(middle):
        return pd.NaT, pd.NaT
    if precision == "day":
        return middle, middle + pd.Timedelta(days=1)
    if precision == "month":
        start = middle.replace(day=1)
        return start, start + pd.DateOffset(months=1)
    start = middle.replace(month=1, day=1)
    return start, start + pd.DateOffset(years=1)


def _times(dates: pd.Series, precisions: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """`plot_time` and `date_span` for a whole column at once (50,000 rows one by one take seconds)."""
    text = dates.astype("string").fillna("")
    is_day = (precisions == "day") & text.str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    is_month = (precisions == "month") & text.str.fullmatch(r"\d{4}-\d{2}")
    is_year = (precisions == "year") & text.str.fullmatch(r"\d{4}")

    def parse(suffix: str, where: pd.Series) -> pd.Series:
        return pd.to_datetime((text + suffix).where(where.fillna(False).astype(bool)), format="%Y-%m-%d",
                              errors="coerce")

    day, month, year = parse("", is_day), parse("-01", is_month), parse("-01-01", is_year)
    start = day.fillna(month).fillna(year)
    end = (day + pd.Timedelta(days=1)).fillna(month.dt.to_period("M").dt.end_time.dt.normalize()
                                              + pd.Timedelta(days=1))
    end = end.fillna(year.dt.to_period("Y").dt.end_time.dt.normalize() + pd.Timedelta(days=1))
    when = day.fillna(month + pd.Timedelta(days=14)).fillna(parse("-07-01", is_year))
    return when.astype("datetime64[ns]"), start.astype("datetime64[ns]"), end.astype("datetime64[ns]")


def _row(record: dict) -> dict:
    actors = list(record.get("actors") or [])
    sources = list(record.get("sources") or [])
    first = sources[0] if sources else {}
    names = [str(a.get("name") or "") for a in actors]
    outlets = list(dict.fromkeys(str(s.get("outlet")) for s in sources if s.get("outlet")))
    # Free-text search looks at titles and excerpts of every source, and at actor names.
    words = [record.get("title") or "", *(str(s.get(k) or "") for s in sources for k in ("title", "excerpt")), *names]
    return {
        "event_id": record.get("event_id") or "",
        "date": record.get("date"),
        "date_precision": record.get("date_precision") or "unknown",
        "date_basis": record.get("date_basis") or "",
        "date_label": date_label(record.get("date"), record.get("date_precision")),
        "when": pd.NaT,   # the three times and the year are computed for all rows at once in to_frame
        "start": pd.NaT,
        "end": pd.NaT,
        "year": None,
        "event_type": record.get("event_type") or "other",
        "modality": record.get("modality") or "",
        "title": record.get("title") or "",
        "actors": actors,
        "actor_names": names,
        "syrian_actors": [n for n, a in zip(names, actors, strict=True) if a.get("country") == "SY"],
        "russian_actors": [n for n, a in zip(names, actors, strict=True) if a.get("country") == "RU"],
        "location": record.get("location"),
        "topics": list(record.get("topics") or []),
        "excerpt": first.get("excerpt") or "",
        "outlet": first.get("outlet") or "",
        "outlets": outlets,
        "article": first.get("article") or "",
        "source_title": first.get("title") or "",
        "published": first.get("published") or "",
        "source_count": len(sources),
        "search_text": "\n".join(w for w in words if w).casefold(),
        "record": record,
    }


def to_frame(records: Iterable[dict]) -> pd.DataFrame:
    """Export records as a DataFrame, one row per event, in date order (undated last)."""
    rows = [_row(r) for r in records]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["when"], frame["start"], frame["end"] = _times(frame["date"], frame["date_precision"])
    frame["year"] = frame["when"].dt.year.astype("Int64")
    frame["source_count"] = frame["source_count"].astype("int64")
    frame = frame.sort_values(["when", "event_id"], na_position="last", kind="stable")
    return frame.reset_index(drop=True)


def combine(base: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """`base` with the events of `extra` whose ids it lacks, in date order (undated last)."""
    if extra.empty:
        return base
    if base.empty:
        return extra
    fresh = extra[~extra["event_id"].isin(set(base["event_id"]))]
    frame = pd.concat([base, fresh], ignore_index=True)
    frame = frame.sort_values(["when", "event_id"], na_position="last", kind="stable")
    return frame.reset_index(drop=True)


def table_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader wants in the events table, lists joined into text."""
    return pd.DataFrame({
        "Date": df["date_label"],
        "Type": df["event_type"],
        "Modality": df["modality"],
        "Title": df["title"],
        "Syrian side": df["syrian_actors"].map("; ".join),
        "Russian side": df["russian_actors"].map("; ".join),
        "Topics": df["topics"].map(", ".join),
        "Location": df["location"].fillna(""),
        "Outlets": df["outlets"].map("; ".join),
        "Sources": df["source_count"],
        "Event id": df["event_id"],
    }).reset_index(drop=True)
