"""Extraction rules on short texts we wrote ourselves."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from events.assemble import extract_events
from events.gazetteer import load_gazetteer
from loaders.article import DateSource
from loaders.readers import parse_plain_text


def events_of(text: str, published: date | None = date(2024, 7, 25)):
    article = parse_plain_text("Title line\n\n" + text, "t.txt")
    article = dataclasses.replace(article, published=published,
                                  published_source=DateSource.MANIFEST if published else DateSource.NONE)
    return extract_events(article, load_gazetteer())


def names(event) -> set[str]:
    return {a.name for a in event.actors}


def test_extract_meeting_with_weekday_and_place() -> None:
    (event,) = events_of("Russian President Vladimir Putin received Syrian President Bashar al-Assad "
                         "at the Kremlin on Wednesday, the Kremlin said.")
    assert event.event_type.value == "meeting"
    assert str(event.date) == "2024-07-24" and event.date.basis.value == "relative"
    assert names(event) == {"Vladimir Putin", "Bashar al-Assad"}
    assert event.location == "Moscow"


def test_extract_third_party_contact_is_not_an_event() -> None:
    assert events_of("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi "
                     "on Tuesday to discuss the Black Sea.") == ()


def test_extract_unknown_official_recognised_by_title() -> None:
    (event,) = events_of("Russian Deputy Emergency Situations Minister Ivan Petrovsky held talks in Damascus "
                         "with Syrian Minister of Local Administration Omar Halabi on Monday.")
    by_name = {a.name: a for a in event.actors}
    assert by_name["Ivan Petrovsky"].country == "RU"
    assert by_name["Omar Halabi"].country == "SY"
    assert "Minister" in by_name["Omar Halabi"].role


def test_extract_country_side_when_no_person_named() -> None:
    (event,) = events_of("Syrian Foreign Minister Faisal Mekdad said on Monday that Damascus needs Russia's support "
                         "at the Security Council.")
    assert event.event_type.value == "statement"
    assert {(a.name, a.country) for a in event.actors} >= {("Russia", "RU")}


def test_extract_two_sessions_same_day_stay_two_events() -> None:
    found = events_of(
        "On Tuesday, Syria's President Bashar al-Assad hosted Yury Borisov, Russia's deputy premier, in Damascus. "
        "Assad thanked Russia for its support.\n\n"
        "Separately, Syrian Prime Minister Hussein Arnous held talks with Borisov on Tuesday at the cabinet office.")
    assert len(found) == 2
    assert {frozenset(names(e)) for e in found} == {frozenset({"Bashar al-Assad", "Yury Borisov"}),
                                                   frozenset({"Hussein Arnous", "Yury Borisov"})}


def test_extract_planned_visit_has_planned_modality() -> None:
    (event,) = events_of("Syrian Foreign Minister Asaad al-Shaibani will visit Moscow next week for talks with "
                         "Russian Foreign Minister Sergey Lavrov, the ministry said.")
    assert event.modality.value == "planned"


@pytest.mark.parametrize("text", ["", "Nothing about either country here.", "<<<>>> ;;; \x00"])
def test_extract_no_events_from_empty_or_hostile_text(text: str) -> None:
    assert events_of(text) == ()
