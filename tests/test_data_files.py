"""The curated data files themselves: ids, aliases, roles, QIDs, keywords."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import combinations

import pytest

from events.gazetteer import RegistryActor, load_gazetteer

# Offices that one person at a time holds for each country; two registry entries holding one on the same day
# would make "the Syrian foreign minister" ambiguous and is a dating error.
SINGLE_HOLDER_OFFICES = {
    "president", "head-of-administration", "prime-minister", "foreign-minister", "defence-minister",
    "interior-minister", "finance-minister", "economy-minister", "trade-minister", "energy-minister", "oil-minister",
    "health-minister", "chief-of-staff", "ambassador-to-syria", "ambassador-to-russia", "un-ambassador",
}

# The office vocabulary documented in the header of actors.toml.
OFFICES = SINGLE_HOLDER_OFFICES | {
    "deputy-prime-minister", "deputy-foreign-minister", "deputy-defence-minister", "security-chief",
    "intelligence-chief", "envoy", "spokesperson", "speaker", "group-leader",
}

# Spellings that news text uses for the same people; each must be an alias of exactly that actor.
REQUIRED_SPELLINGS = {
    "walid-al-muallem": ["Muallem", "Moallem", "Muallim", "Walid al-Moallem", "Walid Muallem"],
    "faisal-mekdad": ["Mekdad", "Mikdad", "Miqdad", "Faisal al-Miqdad", "Fayssal Mekdad"],
    "sergey-lavrov": ["Sergei Lavrov", "Lavrov"],
    "yury-borisov": ["Yuri Borisov", "Yuriy Borisov"],
    "sergei-shoigu": ["Sergey Shoigu", "Sergei Shoygu", "Shoigu", "Shoygu"],
    "ahmed-al-sharaa": ["Ahmad al-Sharaa", "Ahmed al-Shara", "al-Sharaa", "al-Shara", "al-Julani", "al-Jolani",
                        "al-Golani", "Abu Mohammed al-Jolani", "Abu Mohammad al-Julani", "Abu Mohammed al-Julani"],
    "asaad-al-shaibani": ["Shaibani", "Shaybani", "al-Shibani", "Asaad al-Shibani", "Asaad al-Shaybani"],
    "alexander-lavrentiev": ["Lavrentiev", "Lavrentyev", "Alexander Lavrentyev"],
    "mikhail-bogdanov": ["Bogdanov"],
    "vasily-nebenzia": ["Nebenzia", "Nebenzya", "Vassily Nebenzia", "Vasily Nebenzya"],
    "maria-zakharova": ["Zakharova"],
    "dmitry-peskov": ["Peskov", "Dmitri Peskov"],
    "yuri-ushakov": ["Ushakov", "Yury Ushakov"],
    "andrei-belousov": ["Belousov", "Andrey Belousov"],
    "alexander-yefimov": ["Efimov", "Yefimov", "Alexander Efimov"],
    "bashar-al-assad": ["Assad", "Bashar Assad", "Bashar al-Asad"],
}

# One-word aliases that are common words, common first names or other people's names in this news domain.
AMBIGUOUS_BARE_ALIASES = {
    "Abbas", "Ali", "Hassan", "Mohammed", "Ahmed", "Khattab", "Ghanem", "Khamis", "Shaaban", "Azzam", "Ayoub",
    "Ayyoub", "Touma", "Mamluk", "Duma", "Jalali", "Shaar", "Turkmani", "Ivanov", "Makarov", "Lebedev", "Badr",
    "Saleh", "Mustafa", "Tlass", "Haddad", "Sabbagh", "Habib",
}


def _people() -> list[RegistryActor]:
    return [a for a in load_gazetteer().actors if a.kind == "person"]


def test_actors_ids_unique_and_enough() -> None:
    gaz = load_gazetteer()
    ids = Counter(a.actor_id for a in gaz.actors)
    assert not [i for i, n in ids.items() if n > 1]
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", a.actor_id) for a in gaz.actors)
    assert len(gaz.actors) >= 80
    assert {a.country for a in gaz.actors} <= {"SY", "RU"}
    assert {a.kind for a in gaz.actors} <= {"person", "body"}
    for iso in ("SY", "RU"):
        assert sum(a.country == iso and a.kind == "person" for a in gaz.actors) >= 40, iso


def test_actors_no_alias_shared() -> None:
    owners: dict[str, set[str]] = {}
    for actor in load_gazetteer().actors:
        for alias in {actor.name, *actor.aliases}:
            owners.setdefault(alias, set()).add(actor.actor_id)
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}


def test_no_ambiguous_bare_alias() -> None:
    bare = {alias: actor.actor_id for actor in load_gazetteer().actors for alias in actor.aliases
            if " " not in alias and "-" not in alias.removeprefix("al-")}
    short = {a for a in bare if len(a) < 4 and not a.isupper()}  # acronyms such as HTS, SDF, FSB are fine
    assert {a: i for a, i in bare.items() if a in AMBIGUOUS_BARE_ALIASES or a in short} == {}


@pytest.mark.parametrize("actor_id", sorted(REQUIRED_SPELLINGS))
def test_required_transliterations(actor_id: str) -> None:
    actor = load_gazetteer().by_id[actor_id]
    missing = [s for s in REQUIRED_SPELLINGS[actor_id] if s not in {actor.name, *actor.aliases}]
    assert missing == []


def test_qids_well_formed_and_unique() -> None:
    qids = [a.qid for a in load_gazetteer().actors if a.qid]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids), qids
    assert [q for q, n in Counter(qids).items() if n > 1] == []
    assert len(qids) >= 90


def test_people_have_roles_bodies_none() -> None:
    gaz = load_gazetteer()
    assert [a.actor_id for a in gaz.actors if a.kind == "person" and not a.roles] == []
    assert [a.actor_id for a in gaz.actors if a.kind == "body" and a.roles] == []


def test_office_words_in_vocabulary() -> None:
    assert set(load_gazetteer().lexicon["offices"].values()) - OFFICES == set()


def test_actors_roles_in_order() -> None:
    for actor in load_gazetteer().actors:
        for role in actor.roles:
            assert role.title and role.start, actor.actor_id
            assert role.end is None or role.start < role.end, actor.actor_id
            assert date(1960, 1, 1) <= role.start <= date(2026, 12, 31), actor.actor_id
            assert role.office == "" or role.office in OFFICES, (actor.actor_id, role.office)


def test_single_holder_offices_do_not_overlap() -> None:
    spans: dict[tuple[str, str], list[tuple[str, date, date]]] = {}
    for actor in _people():
        for role in actor.roles:
            if role.office in SINGLE_HOLDER_OFFICES:
                spans.setdefault((actor.country, role.office), []).append(
                    (actor.actor_id, role.start, role.end or date.max))
    clashes = [(key, a[0], b[0]) for key, held in spans.items() for a, b in combinations(held, 2)
               if a[0] != b[0] and a[1] < b[2] and b[1] < a[2]]
    assert clashes == []


def test_actor_role_on_date() -> None:
    by_id = load_gazetteer().by_id
    sharaa = by_id["ahmed-al-sharaa"]
    assert sharaa.role_on(date(2019, 5, 1)).office == "group-leader"
    assert sharaa.role_on(date(2024, 12, 20)).office == "head-of-administration"
    assert sharaa.role_on(date(2025, 1, 28)).office == "head-of-administration"
    assert sharaa.role_on(date(2025, 1, 29)).office == "president"
    assert sharaa.role_on(date(2025, 10, 15)).office == "president"
    assert by_id["bashar-al-assad"].role_on(date(2024, 12, 7)).office == "president"
    assert "Former" in by_id["bashar-al-assad"].role_on(date(2025, 10, 15)).title
    assert by_id["sergey-lavrov"].role_on(date(2003, 6, 1)).office == "un-ambassador"
    assert by_id["anas-khattab"].role_on(date(2025, 1, 10)).office == "intelligence-chief"


@pytest.mark.parametrize(("country", "office", "day", "holder"), [
    ("SY", "foreign-minister", date(2013, 9, 9), "walid-al-muallem"),
    ("SY", "foreign-minister", date(2022, 8, 22), "faisal-mekdad"),
    ("SY", "foreign-minister", date(2025, 7, 31), "asaad-al-shaibani"),
    ("SY", "president", date(2025, 2, 1), "ahmed-al-sharaa"),
    ("SY", "president", date(2010, 1, 1), "bashar-al-assad"),
    ("SY", "interior-minister", date(2025, 6, 1), "anas-khattab"),
    ("SY", "ambassador-to-russia", date(2024, 3, 13), "bashar-al-jaafari"),
    ("RU", "defence-minister", date(2017, 9, 12), "sergei-shoigu"),
    ("RU", "defence-minister", date(2025, 1, 1), "andrei-belousov"),
    ("RU", "foreign-minister", date(2003, 1, 1), "igor-ivanov"),
    ("RU", "president", date(2011, 8, 4), "dmitry-medvedev"),
    ("RU", "ambassador-to-syria", date(2016, 1, 1), "alexander-kinshchak"),
    ("RU", "ambassador-to-syria", date(2021, 1, 1), "alexander-yefimov"),
    ("RU", "economy-minister", date(2021, 1, 1), "maxim-reshetnikov"),
    ("RU", "un-ambassador", date(2005, 1, 1), "andrey-denisov"),
])
def test_office_holder_on_date(country: str, office: str, day: date, holder: str) -> None:
    found = load_gazetteer().holder(country, office, day)
    assert found is not None and found.actor_id == holder


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


def test_every_landmark_pattern_holds_one_of_its_keywords() -> None:
    """The keywords are a quick check before the patterns run: a pattern without one would never be tried."""
    for lm in load_gazetteer().landmarks:
        for pattern in lm.patterns:
            assert not lm.keywords or any(k in pattern.pattern.lower() for k in lm.keywords), (lm.landmark_id,
                                                                                                 pattern.pattern)


def test_topics_cover_the_required_list() -> None:
    keys = {t.key for t in load_gazetteer().topics}
    required = {"military", "counter-terrorism", "economy", "energy", "reconstruction", "sanctions", "humanitarian",
                "health", "diplomacy", "peace process", "sovereignty", "elections", "asylum", "transport",
                "refugees"}
    assert required <= keys
