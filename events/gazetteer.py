"""Curated knowledge loaded once from `events/data/`: actors with roles, places, topics, landmarks, lexicon."""
from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from events.casefold import Caseless, folded

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Role:
    """A role held between two dates (`end` None: still held)."""

    title: str
    office: str
    start: date
    end: date | None

    def held_on(self, day: date) -> bool:
        """True when the role was held on `day`."""
        return self.start <= day and (self.end is None or day < self.end)


def _title_words(title: str) -> set[str]:
    return {w for w in re.findall(r"\w+", title.lower()) if len(w) > 3}


@dataclass(frozen=True, slots=True)
class RegistryActor:
    """An official or body from the registry."""

    actor_id: str
    name: str
    qid: str | None
    country: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_on(self, day: date | None, hint: str | None = None) -> Role | None:
        """The role held on `day` (None if none or unknown); of several, the one whose title shares most words
        with `hint`, the title the article prints ("Deputy Foreign Minister"), else the latest begun."""
        if day is None or not self.roles:
            return None
        held = [r for r in self.roles if r.held_on(day)]
        if not held:
            return None
        if hint and len(held) > 1:
            words = _title_words(hint)
            return max(held, key=lambda r: (len(words & _title_words(r.title)), r.start))
        return held[-1]


@dataclass(frozen=True, slots=True)
class Place:
    """A place with coordinates."""

    name: str
    country: str
    lat: float
    lon: float
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Landmark:
    """An event that articles mention by description rather than date."""

    landmark_id: str
    day: date
    label: str
    patterns: tuple[re.Pattern[str], ...]
    keywords: tuple[str, ...] = ()  # one of these is in every match (lower case); empty: no quick check
    cited_for_years: bool = False  # articles name it long after: alone it bounds the publication date, no year


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic and the keywords that signal it."""

    key: str
    label: str
    pattern: re.Pattern[str]
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventTypeRule:
    """Trigger patterns of one event type."""

    name: str
    cameo: str
    pattern: re.Pattern[str] | None
    # lower-case text every match begins with, one per pattern (None: some pattern has none), so that a
    # lower-cased sentence holding none of them is not scanned
    prefixes: tuple[str, ...] | None = None
    folded: re.Pattern[str] | None = None  # the pattern for lower-cased text (`events.casefold`)


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    """Everything curated, immutable."""

    actors: tuple[RegistryActor, ...]
    places: tuple[Place, ...]
    topics: tuple[Topic, ...]
    landmarks: tuple[Landmark, ...]
    event_types: tuple[EventTypeRule, ...]  # in priority order
    planned: Caseless
    lexicon: dict
    by_id: dict[str, RegistryActor]

    def cameo(self, event_type: str) -> str | None:
        """The CAMEO root code the trigger data gives an event type, if any."""
        return next((rule.cameo or None for rule in self.event_types if rule.name == event_type), None)

    def holder(self, country: str, office: str, day: date | None) -> RegistryActor | None:
        """The registry person holding `office` for `country` on `day`, if exactly one does."""
        if day is None:
            return None
        found = [a for a in self.actors if a.country == country and a.kind == "person"
                 and any(r.office == office and r.held_on(day) for r in a.roles)]
        return found[0] if len(found) == 1 else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def _words_pattern(words: list[str]) -> re.Pattern[str] | None:
    """A case-insensitive whole-word pattern; a trailing * in a keyword matches any ending."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        stem = word.rstrip("*")
        body = re.escape(stem).replace(r"\ ", r"\s+")
        parts.append(body + (r"\w*" if word.endswith("*") else ""))
    if not parts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)


_REGEX_META = set("()[]{}|.\\^$?*+")
_QUANTIFIERS = set("?*+{")


def _has_top_level_branch(pattern: str) -> bool:
    """True when a regular expression is an alternation at its top level ("met|greeted")."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: "]" right after "[" or "[^" is a member
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += 1 if pattern[i:i + 1] == "]" else 0
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def literal_prefix(pattern: str) -> str:
    """The literal text every match of a regular expression begins with, lower case ("" when none):
    "phone (call|talks?)" gives "phone ", "air ?strikes?" gives "air", "met|greeted" gives ""."""
    if _has_top_level_branch(pattern):
        return ""
    out = []
    for i, ch in enumerate(pattern):
        if ch in _REGEX_META or pattern[i + 1:i + 2] in _QUANTIFIERS:
            break
        out.append(ch)
    return "".join(out).lower()


def trigger_prefixes(patterns: list[str]) -> tuple[str, ...] | None:
    """The fewest prefixes one of which begins every match of `patterns`; None when a pattern has none."""
    found = {literal_prefix(p) for p in patterns}
    if "" in found:
        return None
    return tuple(sorted(p for p in found if not any(q != p and p.startswith(q) for q in found)))


def _load_toml(name: str, folder: Path) -> dict:
    with open(folder / name, "rb") as fh:
        return tomllib.load(fh)


def load_actors(folder: Path) -> tuple[RegistryActor, ...]:
    """The actor registry from actors.toml."""
    actors = []
    for entry in _load_toml("actors.toml", folder)["actor"]:
        roles = tuple(Role(r["title"], r.get("office", ""), _day(r["start"]), _day(r.get("end")))
                      for r in entry.get("roles", ()))
        actors.append(RegistryActor(entry["id"], entry["name"], entry.get("qid") or None, entry["country"],
                                    entry.get("kind", "person"), tuple(entry.get("aliases", ())),
                                    tuple(sorted(roles, key=lambda r: r.start))))
    return tuple(actors)


def load_places(folder: Path) -> tuple[Place, ...]:
    """Places from places.csv."""
    with open(folder / "places.csv", encoding="utf-8", newline="") as fh:
        return tuple(Place(row["name"], row["country"], float(row["lat"]), float(row["lon"]),
                           tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()))
                     for row in csv.DictReader(fh))


def _event_type_rule(name: str, spec: dict) -> EventTypeRule:
    """One event type's triggers from its table in the triggers file."""
    if not spec["patterns"]:
        return EventTypeRule(name, spec.get("cameo", ""), None)
    pattern = re.compile(r"\b(?:" + "|".join(spec["patterns"]) + r")\b", re.I)
    return EventTypeRule(name, spec.get("cameo", ""), pattern, trigger_prefixes(spec["patterns"]), folded(pattern))


@cache
def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Load every curated data file once."""
    folder = folder or DATA_DIR
    topics_data = _load_toml("topics.toml", folder)["topic"]
    topics = tuple(Topic(key, spec.get("label", key), _words_pattern(spec["keywords"]), tuple(spec["keywords"]))
                   for key, spec in topics_data.items())
    landmarks = tuple(Landmark(entry["id"], _day(entry["date"]), entry.get("label", entry["id"]),
                               tuple(re.compile(p, re.I) for p in entry["patterns"]),
                               tuple(k.lower() for k in entry.get("keywords", ())),
                               bool(entry.get("cited_for_years", False)))
                      for entry in _load_toml("landmarks.toml", folder)["landmark"])
    triggers = _load_toml("triggers.toml", folder)
    types = tuple(_event_type_rule(name, triggers["type"][name]) for name in triggers["priority"])
    planned = Caseless(r"\b(?:" + "|".join(triggers["modality"]["planned"]) + r")\b")
    actors = load_actors(folder)
    return Gazetteer(actors, load_places(folder), topics, landmarks, types, planned,
                     _load_toml("lexicon.toml", folder), {a.actor_id: a for a in actors})
