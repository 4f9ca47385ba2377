"""Guards against false or wrongly dated contacts found in review, on sentences we wrote ourselves."""
from __future__ import annotations

from datetime import date

import pytest

from tests.test_extract_rules import events_of, names


@pytest.mark.parametrize("text", [
    "After seeing the damage in Aleppo on Monday, Vladimir Putin said Russia would send more aid to Syria.",
    "After seeing the report, Sergey Lavrov said Syria must hold elections soon.",
    # the one seen is of the same side as the one who saw him
    "After seeing Sergey Lavrov on Monday, Vladimir Putin said Syria would get more wheat.",
])
def test_after_seeing_something_or_someone_of_the_same_side_is_no_meeting(text: str) -> None:
    assert [e for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting"] == []


@pytest.mark.parametrize("text", [
    "After seeing Bashar al-Assad in Moscow on Monday, Vladimir Putin said a deal would be signed.",
    "After seeing Syrian President Bashar al-Assad on Monday, Vladimir Putin said a deal would be signed.",
])
def test_after_seeing_someone_of_the_other_side_is_a_meeting(text: str) -> None:
    (event,) = [e for e in events_of(text, date(2019, 7, 25)) if e.event_type.value == "meeting"]
    assert event.modality.value == "reported" and str(event.date) == "2019-07-22"
    assert names(event) == {"Vladimir Putin", "Bashar al-Assad"}


def _dead(text: str) -> set[str]:
    from events.actors import find_mentions
    from events.clauses import dead_people
    from events.gazetteer import load_gazetteer
    mentions = list(find_mentions(text, load_gazetteer(), date(2020, 12, 1)))
    return dead_people(text, text.lower(), mentions, load_gazetteer())


@pytest.mark.parametrize("text", [
    "After the death of three Russian pilots Putin vowed revenge.",
    "After the killing of two soldiers near Idlib Putin spoke of revenge.",
    "The funeral of many victims in Aleppo Assad attended was filmed.",
])
def test_plain_words_between_a_death_and_a_name_mark_no_one_dead(text: str) -> None:
    assert _dead(text) == set()


@pytest.mark.parametrize("noun", ["death", "funeral", "passing", "assassination", "murder", "killing"])
def test_every_death_noun_marks_the_person_named_after_it_dead(noun: str) -> None:
    # each noun is also a cue, or an article holding only it would be skipped before the pattern is tried
    assert _dead(f"Mekdad spoke of the {noun} of former Syrian Foreign Minister Walid al-Muallem.") \
        == {"walid-al-muallem"}


def test_a_long_serving_predecessor_named_after_a_death_is_dead() -> None:
    assert _dead("Bassam Sabbagh spoke at the funeral of his long-serving predecessor Walid al-Muallem.") \
        == {"walid-al-muallem"}


def test_the_living_leader_after_a_death_of_others_keeps_his_meeting() -> None:
    events = events_of("After the death of three Russian pilots Vladimir Putin vowed revenge. Putin met Bashar "
                       "al-Assad in the Kremlin, the Kremlin said.", date(2025, 11, 20))
    meetings = [e for e in events if e.event_type.value == "meeting"]
    assert len(meetings) == 1 and names(meetings[0]) == {"Vladimir Putin", "Bashar al-Assad"}


@pytest.mark.parametrize("text", [
    "Bashar al-Assad would later meet Vladimir Putin in Sochi in May 2018.",
    "Bashar al-Assad met Vladimir Putin in Moscow in 2015. He would again meet Putin in Sochi on 17 May 2018.",
    "Bashar al-Assad would eventually visit Moscow in October 2015 to meet Vladimir Putin.",
    "A lease that would subsequently be signed by Bashar al-Assad and Vladimir Putin in 2017 was discussed.",
])
def test_would_telling_what_came_next_is_reported(text: str) -> None:
    events = events_of(text, date(2025, 11, 20))
    assert events and all(e.modality.value == "reported" for e in events)


@pytest.mark.parametrize("text", [
    "Sergey Lavrov said Bashar al-Assad would meet Vladimir Putin in Sochi next week.",
    "Sergey Lavrov said a deal would be signed by Ahmed al-Sharaa and Vladimir Putin next month.",
    # "later", "again" in what someone says is still to come
    "Sergey Lavrov said on Monday he would later travel to Damascus to meet Ahmed al-Sharaa.",
    "Vladimir Putin said he would again visit Syria next year to meet Ahmed al-Sharaa.",
    "Sergey Lavrov said on Monday, in Moscow, that a deal would later be signed with Ahmed al-Sharaa.",
])
def test_would_after_a_saying_verb_stays_planned(text: str) -> None:
    events = events_of(text, date(2025, 11, 20))
    assert [e.modality.value for e in events if e.event_type.value != "statement"] == ["planned"]


@pytest.mark.parametrize("text", [
    "Syrian Foreign Minister Faisal Mekdad, who met Sergey Lavrov many times, criticised Turkey.",
    "Syrian Foreign Minister Faisal Mekdad, who once held talks with Sergey Lavrov in Moscow, said on Monday that "
    "Turkey must withdraw.",
    "Syrian Foreign Minister Faisal Mekdad, who held talks with Sergey Lavrov in Moscow, said on Monday that Turkey "
    "must withdraw.",
    "Syrian Foreign Minister Faisal Mekdad, who had often spoken to Sergey Lavrov by phone, praised Russia's role "
    "on Tuesday.",
])
def test_an_undated_relative_clause_of_contact_is_background_of_no_day(text: str) -> None:
    events = events_of(text, date(2025, 11, 20))
    assert [e for e in events if e.event_type.value in ("meeting", "call")] == []
    # neither the day of the rest of the sentence nor the publication's
    assert not [e for e in events if {"Faisal Mekdad", "Sergey Lavrov"} <= names(e)]


def test_a_relative_clause_of_contact_with_its_own_date_keeps_it() -> None:
    (event,) = [e for e in events_of(
        "Syrian Foreign Minister Faisal Mekdad, who held talks with Sergey Lavrov in Moscow in August 2022, said on "
        "Monday that Turkey must withdraw.", date(2025, 11, 20)) if e.event_type.value == "meeting"]
    assert names(event) == {"Faisal Mekdad", "Sergey Lavrov"} and str(event.date) == "2022-08"


def test_a_relative_clause_of_what_came_next_with_no_story_before_makes_no_event() -> None:
    assert [e for e in events_of("Asaad al-Shaibani, who was later received by Vladimir Putin, told reporters on "
                                 "Monday that the old agreements would be reviewed.", date(2025, 11, 20))
            if e.event_type.value == "meeting"] == []
