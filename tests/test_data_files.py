"""The curated data files themselves: ids, aliases, roles, keywords."""
from __future__ import annotations

from collections import Counter
from datetime import date

from events.gazetteer import load_gazetteer


def test_actors_ids_unique_and_enough() -> None:
    gaz = load_gazetteer()
    ids = Counter(a.actor_id for a in gaz.actors)
    assert not [i for i, n in ids.items() if n > 1]
    assert len(gaz.actors) >= 80
    assert {a.country for a in gaz.actors} <= {"SY", "RU"}


def test_actors_no_alias_shared() -> None:
    owners: dict[str, set[str]] = {}
    for actor in load_gazetteer().actors:
        for alias in {actor.name, *actor.aliases}:
            owners.setdefault(alias, set()).add(actor.actor_id)
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}


def test_actors_roles_in_order() -> None:
    for actor in load_gazetteer().actors:
        for role in actor.roles:
            assert role.title and role.start, actor.actor_id
            assert role.end is None or role.start <= role.end, actor.actor_id


def test_actor_role_on_date() -> None:
    sharaa = load_gazetteer().by_id["ahmed-al-sharaa"]
    assert sharaa.role_on(date(2025, 1, 28)).office == "head-of-administration"
    assert sharaa.role_on(date(2025, 10, 15)).office == "president"


def test_topics_have_keywords() -> None:
    gaz = load_gazetteer()
    assert all(t.pattern is not None for t in gaz.topics)
    keys = {t.key for t in gaz.topics}
    assert {"military", "economy", "energy", "health", "asylum", "diplomacy"} <= keys


def test_places_and_landmarks_load() -> None:
    gaz = load_gazetteer()
    names = {p.name for p in gaz.places}
    assert {"Moscow", "Damascus"} <= names
    assert all(lm.patterns for lm in gaz.landmarks)
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in gaz.places)
