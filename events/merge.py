"""One real event reported by several articles becomes one event with several sources."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

from events.assemble import event_id
from events.clauses import CONTACT_TYPES
from events.model import PRECISION_RANK, Actor, DateBasis, Event, Precision

TEXT_BASES = {DateBasis.STATED, DateBasis.RELATIVE}


def _people(event: Event, iso: str) -> set[str]:
    return {a.actor_id or a.name for a in event.actors if a.country == iso and not a.is_country}


def _guessed_year(event: Event) -> bool:
    """True for a report dated only by the year its article was inferred to be from: two contacts of one pair
    in that year ("Assad met Putin" twice in 2017) cannot be told apart, so it lends no one its day or month."""
    return event.date.basis is DateBasis.INFERRED and event.date.precision is Precision.YEAR


def same_contact(a: Event, b: Event) -> bool:
    """True when two reports from different articles describe one contact."""
    if {s.article for s in a.sources} & {s.article for s in b.sources}:
        return False
    # a contact announced or expected is told apart from one reported: a plan may not be carried out as told
    if a.modality is not b.modality:
        return False
    if a.event_type != b.event_type or a.date.span() is None or b.date.span() is None or not a.date.compatible(b.date):
        return False
    if a.location and b.location and a.location != b.location:
        return False
    if a.date.precision is not b.date.precision and any(_guessed_year(e) for e in (a, b)):
        return False
    shared = 0
    for iso in ("SY", "RU"):
        pa, pb = _people(a, iso), _people(b, iso)
        if pa and pb:
            if not pa & pb:
                return False
            shared += 1
    if shared == 2 or (shared == 1 and a.event_type in CONTACT_TYPES):
        return True
    # one named party on one side ("Putin ordered the pull-out from Syria"): the same act only when both
    # articles date it from their own words to the month or the day
    return shared == 1 and all(e.date.basis in TEXT_BASES and e.date.precision is not Precision.YEAR for e in (a, b))


def _combine(group: list[Event]) -> Event:
    best = min(group, key=lambda e: (PRECISION_RANK[e.date.precision], -len(e.actors)))
    actors: dict[tuple[str, str], Actor] = {}
    for e in [best, *group]:
        for actor in e.actors:
            actors.setdefault((actor.country, actor.actor_id or actor.name), actor)
    for iso in ("SY", "RU"):  # a country stands in only when no one of that side is named
        if any(a.country == iso and not a.is_country for a in actors.values()):
            actors = {k: a for k, a in actors.items() if not (a.country == iso and a.is_country)}
    sources = tuple(s for e in group for s in e.sources)
    topics = tuple(dict.fromkeys(t for e in group for t in e.topics))
    return dataclasses.replace(
        best,
        event_id=event_id(*sorted(f"{s.article}:{s.start}" for s in sources)),
        actors=tuple(sorted(actors.values(), key=lambda a: a.country != "SY")),
        location=best.location or next((e.location for e in group if e.location), None),
        topics=topics,
        sources=sources,
    )


def candidate_pairs(events: list[Event]) -> Iterator[tuple[int, int]]:
    """Index pairs that may be one contact: same type, a person in common and overlapping date spans.

    `same_contact` needs a shared person on at least one side, so events are bucketed by (type, person) and,
    inside a bucket sorted by date, compared only while their spans overlap: near-linear on large corpora.
    """
    buckets: dict[tuple[str, str], list[tuple[date, date, int]]] = {}
    for i, e in enumerate(events):
        span = e.date.span()
        if span is None:
            continue
        for iso in ("SY", "RU"):
            for person in sorted(_people(e, iso)):  # sorted: the pairs, and so the groups, the same on every run
                buckets.setdefault((e.event_type.value, person), []).append((span[0], span[1], i))
    for items in buckets.values():  # a pair sharing two people comes twice: the caller's union-find skips it
        items.sort()
        for k, (_, end, i) in enumerate(items):
            for start2, _, j in items[k + 1:]:
                if start2 > end:
                    break
                yield min(i, j), max(i, j)


def merge_events(events: list[Event]) -> list[Event]:
    """Events with reports of the same contact merged; order by date, then title."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # the articles of each group: two events one article tells apart stay apart, also when a third article's
    # report of both ("met Lavrov and Putin") would chain them
    articles = [{s.article for s in e.sources} for e in events]
    for i, j in candidate_pairs(events):
        ri, rj = root(i), root(j)
        if ri != rj and not articles[ri] & articles[rj] and same_contact(events[i], events[j]):
            parent[rj] = ri
            articles[ri] |= articles[rj]
    groups: dict[int, list[Event]] = {}
    for i, e in enumerate(events):
        groups.setdefault(root(i), []).append(e)
    merged = [g[0] if len(g) == 1 else _combine(g) for g in groups.values()]
    return sorted(merged, key=lambda e: (str(e.date) or "9999", e.title))
