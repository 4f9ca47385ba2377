"""News feed exports: JSON Lines, JSON (an array, or an object holding one) and CSV; one article per item."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Collection, Iterable, Iterator
from datetime import UTC, date, datetime

from loaders.article import Article, DateSource
from loaders.clean import story_paragraphs
from loaders.datelines import ambiguous_date
from loaders.markdown import parse_date
from loaders.options import FEED_FIELDS, ReadOptions
from loaders.plain import is_headline, title_from_text
from loaders.report import LoadError, Note, Skipped

_SAMPLE = 200  # items looked at to decide which column holds which field
_LIST_KEYS = ("articles", "items", "entries", "data", "results", "posts", "stories", "news", "documents",
              "messages")
_CSV_DELIMITERS = ",;\t|"
csv.field_size_limit(max(csv.field_size_limit(), 100_000_000))  # a long story in one cell is still a story


def _norm_key(key: str) -> str:
    return re.sub(r"[\s_:-]+", "_", key.strip().lower())  # RSS names keep their namespace: dc:creator


def column_named(names: Iterable[str], keys: Iterable[str], taken: Collection[str] = ()) -> str | None:
    """The first of `keys` (not taken) that spells one of `names`, ignoring case, spaces, dashes and underscores."""
    by_norm = {_norm_key(k): k for k in keys if k not in taken}
    by_flat = {n.replace("_", ""): k for n, k in by_norm.items()}
    return next((found for name in names
                 if (found := by_norm.get(name) or by_flat.get(name.replace("_", "")))), None)


def resolve_columns(keys: Iterable[str], options: ReadOptions) -> dict[str, str]:
    """Which column of the file fills each article field: the user's `--fields` first, then common names."""
    keys = list(dict.fromkeys(keys))
    by_norm = {_norm_key(k): k for k in keys}
    chosen: dict[str, str] = {}
    for field, column in options.fields:
        if column in keys:
            chosen[field] = column
        elif _norm_key(column) in by_norm:
            chosen[field] = by_norm[_norm_key(column)]
    for field, names in FEED_FIELDS.items():
        if field not in chosen:
            found = column_named(names, keys, taken=set(chosen.values()))
            if found:
                chosen[field] = found
    if "text" not in chosen:
        wanted = dict(options.fields).get("text")
        asked = f"no column {wanted!r}; " if wanted else ""
        raise LoadError(f"no text column ({asked}looked for {', '.join(FEED_FIELDS['text'])}; "
                        f"columns are {', '.join(keys) or 'none'}; map one with --fields text=COLUMN)")
    return chosen


def _as_text(value: object) -> str:
    """A feed value as text: a nested source or author object gives its name, a list is joined."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title") or value.get("id"))
    if isinstance(value, list):
        return ", ".join(filter(None, (_as_text(v) for v in value)))
    return str(value).strip()


_TAG = re.compile(r"<[^>]+>")
_HIDDEN = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BLOCK = re.compile(r"<\s*/?\s*(?:br|hr|p|div|h\d|li|ul|ol|dl|dt|dd|blockquote|pre|table|tr|td|th|section|article|"
                    r"figure|figcaption|header|footer|aside|nav)\b[^>]*>", re.I)


def body_paragraphs(text: str) -> list[str]:
    """The paragraphs of a feed item's body; HTML markup in it is reduced to text. A block element breaks the
    line; an inline one (<a>, <em>) adds nothing, so no space lands before the punctuation that follows it."""
    if _TAG.search(text):
        text = html.unescape(_TAG.sub("", _BLOCK.sub("\n", _HIDDEN.sub("", text))))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def rich_text(value: object) -> str:
    """A text field as text: a list of fragments, plain or marked up (Telegram exports write
    `["plain ", {"type": "bold", "text": "Headline"}]`), is joined as written; other values as `_as_text`."""
    if isinstance(value, list) and value and all(isinstance(v, str) or (isinstance(v, dict) and "text" in v)
                                                 for v in value):
        return "".join(v if isinstance(v, str) else _as_text(v["text"]) for v in value).strip()
    return _as_text(value)


def _item_date(value: object) -> date | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds or seconds since 1970
        try:
            return datetime.fromtimestamp(seconds, UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = _as_text(value)
    if text.isdigit() and len(text) in (10, 13):
        return _item_date(int(text))
    return parse_date(text) if text else None


def _field_value(item: dict, field: str, columns: dict[str, str], mapped: frozenset[str]) -> object:
    """The item's value for a field: its column's, or, when that is empty in this item and the user mapped
    no column, the first common name this item fills (feeds merged from several sources mix their names)."""
    value = item.get(columns[field]) if field in columns else None
    if _as_text(value) or field in mapped:
        return value
    filled = [k for k in item if _as_text(item[k])]
    key = column_named(FEED_FIELDS[field], filled, taken={c for f, c in columns.items() if f != field})
    return item[key] if key is not None else value


# "... [+1234 chars]": the cut-off mark of feed APIs that send the first part of a story.
_TRUNCATION_MARK = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


def item_article(item: dict, columns: dict[str, str], item_id: str, mapped: frozenset[str] = frozenset(),
                 defaults: dict[str, str] | None = None) -> Iterator[Article | Skipped | Note]:
    """The article of one feed item, or why it was skipped; `defaults`: field values for items that give none
    (a Telegram channel's name as the outlet of its posts)."""
    defaults = defaults or {}
    text = _TRUNCATION_MARK.sub("", rich_text(_field_value(item, "text", columns, mapped)))
    paragraphs = body_paragraphs(text)
    if not paragraphs:
        yield Skipped(item_id, f"no text in column {columns['text']!r}")
        return
    paragraphs = story_paragraphs(paragraphs)
    if not paragraphs:
        yield Skipped(item_id, f"column {columns['text']!r} holds only page junk")
        return
    title = _as_text(_field_value(item, "title", columns, mapped)) or None
    if title is None and len(paragraphs) > 1 and is_headline(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]  # a post that opens with its headline
    body = "\n\n".join(paragraphs)
    raw_date = _field_value(item, "date", columns, mapped)
    published = _item_date(raw_date) if raw_date not in (None, "") else None
    if raw_date not in (None, "") and published is None:
        why = "reads as day/month or month/day" if ambiguous_date(_as_text(raw_date)) else "is not a date"
        yield Note(item_id, f"date {_as_text(raw_date)!r} {why}; ignored")

    def get(field: str) -> str | None:
        return _as_text(_field_value(item, field, columns, mapped)) or defaults.get(field)

    yield Article(
        article_id=item_id,
        path=item_id,
        title=title or title_from_text(body),
        text=body,
        published=published,
        published_source=DateSource.METADATA if published else DateSource.NONE,
        outlet=get("outlet"),
        byline=get("author"),
        url=get("url"),
    )


def _read_items(items: Iterable[tuple[str, object]], name: str, options: ReadOptions,
                defaults: dict[str, str] | None = None) -> Iterator[Article | Skipped | Note]:
    """Articles of numbered feed items; the columns are decided from the first items."""
    pending: list[tuple[str, object]] = []
    columns: dict[str, str] | None = None
    iterator = iter(items)
    for label, item in iterator:
        pending.append((label, item))
        if len(pending) >= _SAMPLE:
            break
    keys = [k for _, item in pending if isinstance(item, dict) for k in item]
    if not keys:
        broken = next((item for _, item in pending if isinstance(item, Skipped)), None)
        if broken is not None:
            raise LoadError(f"no readable item ({broken.reason})")
        raise LoadError("no items in this feed export" if not pending else "feed items are not objects")
    columns = resolve_columns(keys, options)
    mapped = frozenset(field for field, _ in options.fields)
    for label, item in [*pending, *iterator]:
        item_id = f"{name}#{label}"
        if isinstance(item, Skipped):
            yield item
        elif not isinstance(item, dict):
            yield Skipped(item_id, "item is not an object")
        else:
            yield from item_article(item, columns, item_id, mapped, defaults)


def _jsonl_items(text: str, name: str) -> Iterator[tuple[str, object]]:
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield str(line_no), json.loads(line)
        except json.JSONDecodeError as exc:
            yield str(line_no), Skipped(f"{name}#{line_no}", f"not JSON ({exc.msg})")


def read_jsonl_text(text: str, name: str, options: ReadOptions) -> Iterator[Article | Skipped | Note]:
    """Articles of a JSON Lines feed export, one object per line."""
    return _read_items(_jsonl_items(text, name), name, options)


def read_json_text(text: str, name: str, options: ReadOptions) -> Iterator[Article | Skipped | Note]:
    """Articles of a JSON feed export: an array of objects, or an object holding one (`{"articles": [...]}`)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"not JSON (line {exc.lineno}: {exc.msg})") from exc
    except RecursionError as exc:
        raise LoadError("not JSON (nested too deeply)") from exc
    if isinstance(data, dict) and isinstance(data.get("messages"), list) and \
            str(data.get("type", "")).endswith(("channel", "group", "chat", "supergroup")):
        return _read_telegram(data, name, options)
    if isinstance(data, dict):
        lists = {k: v for k, v in data.items() if isinstance(v, list) and any(isinstance(i, dict) for i in v)}
        key = next((k for k in _LIST_KEYS if k in lists), next(iter(lists), None))
        single = any(_norm_key(k) in FEED_FIELDS["text"] for k in data)  # one article as an object
        data = lists[key] if key is not None else [data] if single else []
    if not isinstance(data, list):
        raise LoadError("JSON holds no list of articles")
    return _read_items(((str(i), item) for i, item in enumerate(data, start=1)), name, options)


def _read_telegram(data: dict, name: str, options: ReadOptions) -> Iterator[Article | Skipped | Note]:
    """Posts of a Telegram export (`result.json` of a channel or group): messages only, the channel's name as
    the outlet; service entries (channel created, message pinned) are not posts."""
    messages = [m for m in data["messages"] if not (isinstance(m, dict) and m.get("type") == "service")]
    if len(messages) < len(data["messages"]):
        yield Note(name, f"{len(data['messages']) - len(messages)} Telegram service message(s) left out")
    channel = _as_text(data.get("name"))
    items = ((str(m.get("id", i)) if isinstance(m, dict) else str(i), m) for i, m in enumerate(messages, start=1))
    yield from _read_items(items, name, options, {"outlet": channel} if channel else None)


def csv_delimiter(text: str) -> str:
    """The delimiter of a CSV export, from its header line: comma, or semicolon (spreadsheets set to a
    decimal comma write it), tab or bar when the header holds more of those."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _CSV_DELIMITERS}
    best = max(_CSV_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def read_csv_text(text: str, name: str, options: ReadOptions) -> Iterator[Article | Skipped | Note]:
    """Articles of a CSV feed export with a header row (comma, semicolon, tab or bar between fields)."""
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise LoadError(f"not a readable CSV file ({exc})") from exc
    if not header:
        raise LoadError("CSV file without a header row")
    resolve_columns(header, options)  # a missing text column is reported for the file, not once per row

    def rows() -> Iterator[tuple[str, object]]:
        try:
            for row in reader:
                yield str(reader.line_num), {k: v for k, v in row.items() if k is not None}
        except csv.Error as exc:
            yield str(reader.line_num), Skipped(f"{name}#{reader.line_num}", f"broken CSV row ({exc})")

    return _read_items(rows(), name, options)
