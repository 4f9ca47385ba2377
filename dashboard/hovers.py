"""Hover labels of the timeline: short, escaped, wrapped; article text never becomes markup."""
from __future__ import annotations

from collections.abc import Mapping

from dashboard.dataset import date_label
from dashboard.escaping import escape_label, to_hover_lines
from dashboard.reference import topic_label

WRAP = 72            # characters per hover line: labels never wrap on their own
TITLE_LIMIT = 140
EXCERPT_LIMIT = 240  # hover payload grows with every character; the details panel has the full text
OUTLET_LIMIT = 60
SOURCE_LIMIT = 150   # the source line: headline, outlet, publication day
ACTOR_LIMIT = 200


def actor_label(actor: Mapping) -> str:
    """An actor as "Name (role, country)", or "Name (country)" without a role."""
    name = str(actor.get("name") or "?")
    role = actor.get("role")
    country = actor.get("country") or "?"
    return f"{name} ({role}, {country})" if role else f"{name} ({country})"


def hover_text(row: Mapping) -> str:
    """The hover label of one event: date as written, title, actors with roles, topics, excerpt with outlet."""
    when = f"<b>{escape_label(row['date_label'])}</b> ({escape_label(row['date_precision'])} precision"
    if row.get("date_basis"):
        when += f", {escape_label(row['date_basis'])}"
    when += ")"
    lines = [
        when,
        f"<b>{to_hover_lines(row['title'] or '(untitled)', WRAP, limit=TITLE_LIMIT)}</b>",
        f"{escape_label(row['event_type'])} · {escape_label(row['modality'])}",
        "Actors: " + to_hover_lines("; ".join(actor_label(a) for a in row["actors"]) or "none named", WRAP,
                                    limit=ACTOR_LIMIT),
    ]
    if row.get("topics"):
        lines.append("Topics: " + to_hover_lines(", ".join(topic_label(t) for t in row["topics"]), WRAP))
    if row.get("excerpt"):
        lines.append("<i>" + to_hover_lines(f"“{row['excerpt']}”", WRAP, limit=EXCERPT_LIMIT) + "</i>")
    source = source_line(row)
    if source:
        sources = int(row.get("source_count") or 1)
        more = f" (+{sources - 1} more)" if sources > 1 else ""
        lines.append(to_hover_lines(source, WRAP, limit=SOURCE_LIMIT) + more)
    return "<br>".join(lines)


def source_line(row: Mapping) -> str:
    """The first source as plain text: "— “Headline” · Outlet · 21 Oct 2015" (file name without a headline)."""
    title = str(row.get("source_title") or "").strip()
    parts = [f"“{title}”" if title else str(row.get("article") or "").strip()]
    outlet = str(row.get("outlet") or "").strip()
    parts.append(outlet[:OUTLET_LIMIT] + ("…" if len(outlet) > OUTLET_LIMIT else ""))
    if row.get("published"):
        parts.append(date_label(str(row["published"]), "day"))
    kept = [p for p in parts if p]
    return "— " + " · ".join(kept) if kept else ""


def group_hover_text(count: int, period: str, lane: str, event_type: str, titles: list[str]) -> str:
    """The hover label of an aggregated marker: how many events, when, where, and a few titles."""
    lines = [f"<b>{count} events</b> · {escape_label(period)}",
             f"{escape_label(event_type)} · {lane}"]  # `lane` is already an escaped label
    lines += ["• " + to_hover_lines(t or "(untitled)", WRAP, limit=80) for t in titles[:3]]
    lines.append("Click to list them; narrow the years to see each event.")
    return "<br>".join(lines)
