"""Merging reports of one contact across articles."""
from __future__ import annotations

import dataclasses
import random
from datetime import date

from events.merge import candidate_pairs, merge_events, same_contact
from events.model import Actor, DateBasis, Event, EventDate, EventType, Modality, Precision, Source

PEOPLE = {"SY": ["Bashar al-Assad", "Faisal Mekdad", "Walid al-Muallem"],
          "RU": ["Vladimir Putin", "Sergey Lavrov", "Sergei Shoigu"]}


def make_event(n: int, day: date, precision: Precision, kind: EventType, sy: str | None, ru: str | None,
               location: str | None = None) -> Event:
    actors = tuple(Actor(name, iso, actor_id=name) if name else Actor(iso, iso, kind="country")
                   for iso, name in (("SY", sy), ("RU", ru)))
    source = Source(f"a{n}.txt", "t", None, None, None, "x", 0, 1)
    return Event(f"e{n}", EventDate(day, precision, DateBasis.STATED), kind, Modality.REPORTED, "t", actors,
                 location, (), (source,))


def test_merge_same_meeting_from_two_articles() -> None:
    a = make_event(1, date(2015, 10, 20), Precision.DAY, EventType.MEETING, "Bashar al-Assad", "Vladimir Putin")
    b = make_event(2, date(2015, 10, 1), Precision.MONTH, EventType.MEETING, "Bashar al-Assad", "Vladimir Putin")
    (merged,) = merge_events([a, b])
    assert len(merged.sources) == 2 and str(merged.date) == "2015-10-20"


def test_merge_keeps_different_places_and_days_apart() -> None:
    a = make_event(1, date(2015, 10, 20), Precision.DAY, EventType.MEETING, "Bashar al-Assad", "Vladimir Putin",
                   "Moscow")
    b = make_event(2, date(2015, 10, 20), Precision.DAY, EventType.MEETING, "Bashar al-Assad", "Vladimir Putin",
                   "Sochi")
    c = make_event(3, date(2015, 10, 21), Precision.DAY, EventType.MEETING, "Bashar al-Assad", "Vladimir Putin")
    assert len(merge_events([a, b, c])) == 3


def test_merge_candidate_pairs_cover_every_mergeable_pair() -> None:
    """The bucketed search finds exactly the pairs a comparison of every pair would merge."""
    rng = random.Random(7)
    events = []
    for n in range(400):
        precision = rng.choice([Precision.DAY, Precision.DAY, Precision.MONTH, Precision.YEAR])
        day = date(2015, rng.randint(1, 3), rng.randint(1, 28))
        kind = rng.choice([EventType.MEETING, EventType.CALL, EventType.STATEMENT])
        sy = rng.choice([*PEOPLE["SY"], None])
        ru = rng.choice([*PEOPLE["RU"], None])
        events.append(make_event(n, day, precision, kind, sy, ru))
    every = {(i, j) for i in range(len(events)) for j in range(i + 1, len(events))
             if same_contact(events[i], events[j])}
    found = {(i, j) for i, j in candidate_pairs(events) if same_contact(events[i], events[j])}
    assert every and found == every


def _dated(event: Event, basis: DateBasis) -> Event:
    return dataclasses.replace(event, date=dataclasses.replace(event.date, basis=basis))


def test_merge_one_sided_act_dated_by_both_texts() -> None:
    a = make_event(1, date(2016, 3, 14), Precision.DAY, EventType.MILITARY, None, "Vladimir Putin")
    b = make_event(2, date(2016, 3, 14), Precision.DAY, EventType.MILITARY, None, "Vladimir Putin")
    assert len(merge_events([a, b])) == 1
    assert len(merge_events([a, _dated(b, DateBasis.PUBLICATION)])) == 2   # an undated report stays apart
    year = make_event(3, date(2016, 1, 1), Precision.YEAR, EventType.MILITARY, None, "Vladimir Putin")
    assert len(merge_events([a, year])) == 2


def test_merge_never_joins_two_events_of_one_article_through_a_third() -> None:
    # one article tells two meetings of Mekdad on one day (with Lavrov, then with Putin); another sums both up
    # in one event naming the two Russians: the two stay apart, and the summary joins one of them
    day = date(2021, 5, 4)
    lavrov = make_event(1, day, Precision.DAY, EventType.MEETING, "Faisal Mekdad", "Sergey Lavrov")
    putin = dataclasses.replace(make_event(1, day, Precision.DAY, EventType.MEETING, "Faisal Mekdad",
                                           "Vladimir Putin"), event_id="e1b")
    both = make_event(2, day, Precision.DAY, EventType.MEETING, "Faisal Mekdad", "Sergey Lavrov")
    both = dataclasses.replace(both, actors=both.actors + (Actor("Vladimir Putin", "RU", actor_id="Vladimir Putin"),))
    merged = merge_events([lavrov, putin, both])
    assert len(merged) == 2
    assert all(len({s.article for s in e.sources}) == len(e.sources) for e in merged)


def test_merge_keeps_a_planned_contact_apart_from_a_reported_one() -> None:
    done = make_event(1, date(2025, 3, 4), Precision.DAY, EventType.MEETING, "Faisal Mekdad", "Sergey Lavrov")
    plan = dataclasses.replace(make_event(2, date(2025, 3, 1), Precision.MONTH, EventType.MEETING, "Faisal Mekdad",
                                          "Sergey Lavrov"), modality=Modality.PLANNED)
    assert not same_contact(done, plan)
    assert len(merge_events([done, plan])) == 2
