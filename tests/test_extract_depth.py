"""Extraction rules found by the depth probe (tests/fixtures/probe_depth), on sentences we wrote ourselves."""
from __future__ import annotations

from datetime import date

import pytest

from tests.test_extract_rules import events_of, names


@pytest.mark.parametrize(("text", "expected"), [
    # the owner of an envoy, a chief or a request is no party; the one who acts is
    ("In spring 2019 Sergei Shoigu travelled to Damascus on Putin's instructions and met Bashar al-Assad.",
     {"Sergei Shoigu", "Bashar al-Assad"}),
    ("On Monday Sergey Lavrov held talks with Bashar al-Assad in Damascus at Putin's request.",
     {"Sergey Lavrov", "Bashar al-Assad"}),
    ("On Monday Ali Mamlouk, Assad's long-serving security chief, held talks with Sergey Lavrov in Moscow.",
     {"Ali Mamlouk", "Sergey Lavrov"}),
    # a contact noun keeps its owner a party
    ("Putin's talks with Bashar al-Assad on Monday lasted three hours.", {"Vladimir Putin", "Bashar al-Assad"}),
])
def test_someone_named_only_as_an_owner_is_no_party(text: str, expected: set[str]) -> None:
    (event,) = events_of(text, date(2019, 7, 25))
    assert names(event) == expected


def test_on_behalf_of_someone_is_still_no_party() -> None:
    (event,) = events_of("On behalf of Vladimir Putin, Sergey Lavrov met Bashar al-Assad in Damascus on Monday.",
                         date(2019, 7, 25))
    assert names(event) == {"Sergey Lavrov", "Bashar al-Assad"}


@pytest.mark.parametrize(("text", "expected"), [
    ("In June 2009 Bashar al-Assad travelled north, flying to the Black Sea to see Dmitry Medvedev after the summit.",
     {"Bashar al-Assad", "Dmitry Medvedev"}),
    ("On 2 March 2016 Bashar al-Assad was flown to Moscow, a trip kept secret for days, to thank Putin in person.",
     {"Bashar al-Assad", "Vladimir Putin"}),
    ("On 4 February 2025 Mikhail Bogdanov was the first Russian diplomat to sit down with Ahmed al-Sharaa.",
     {"Mikhail Bogdanov", "Ahmed al-Sharaa"}),
    ("On 9 May 2020 Sergei Shoigu went back to Damascus to talk to Bashar al-Assad about the ceasefire.",
     {"Sergei Shoigu", "Bashar al-Assad"}),
])
def test_a_journey_made_to_see_someone_is_a_meeting(text: str, expected: set[str]) -> None:
    (event,) = events_of(text, date(2025, 7, 25))
    assert event.event_type.value == "meeting"
    assert names(event) == expected


def test_coming_to_see_someone_as_something_is_no_meeting() -> None:
    assert [e.event_type.value for e in events_of(
        "Over the years the Kremlin came to see Bashar al-Assad as a liability.", date(2025, 7, 25))] != ["meeting"]


def test_a_pronoun_subject_stays_the_person_the_paragraph_is_about() -> None:
    found = events_of("Sergei Shoigu was the Russian minister Bashar al-Assad knew best. He flew to Damascus on "
                      "3 May 2017 and met Assad. On 9 June 2019 he returned to the Syrian capital to talk to Assad. "
                      "His next meeting with Assad came on 4 April 2021.", date(2025, 7, 25))
    assert [(str(e.date), names(e)) for e in found] == [
        ("2017-05-03", {"Sergei Shoigu", "Bashar al-Assad"}), ("2019-06-09", {"Sergei Shoigu", "Bashar al-Assad"}),
        ("2021-04-04", {"Sergei Shoigu", "Bashar al-Assad"})]
    assert found[1].location == "Damascus"  # "the Syrian capital"


def test_a_fronted_participle_tells_a_held_contact_and_not_the_subject() -> None:
    (event,) = events_of("Yury Borisov ran the contracts. After seeing Assad on 3 June 2019 he said a port lease "
                         "would be signed within a week.", date(2025, 7, 25))
    assert event.event_type.value == "meeting" and event.modality.value == "reported"
    assert names(event) == {"Yury Borisov", "Bashar al-Assad"} and str(event.date) == "2019-06-03"


@pytest.mark.parametrize(("text", "place"), [
    # the clause after the event's own clause that goes on about it
    ("It was Putin's first trip to the Syrian capital; he last came to Syria in May 2016, when he stopped at the "
     "Hmeimim air base to meet Bashar al-Assad.", "Hmeimim"),
    # not a clause telling something else: the trip to Moscow came before the campaign's month
    ("Bashar al-Assad flew to Moscow weeks after the campaign began in October 2016, met Vladimir Putin in Sochi "
     "in 2018, and came back to the Kremlin in 2021.", "Moscow"),
    ("On 4 May 2021 Sergei Shoigu held talks with Bashar al-Assad in the Syrian capital.", "Damascus"),
])
def test_place_of_the_event_clause_and_what_goes_on_about_it(text: str, place: str) -> None:
    assert events_of(text, date(2025, 7, 25))[0].location == place


def test_a_contact_told_in_a_relative_clause_has_the_person_it_is_about() -> None:
    (event,) = events_of("Faisal Mekdad, who held talks with Sergey Lavrov in Moscow in May 2021, was replaced in "
                         "September 2024 by Bassam Sabbagh.", date(2025, 7, 25))
    assert names(event) == {"Faisal Mekdad", "Sergey Lavrov"} and str(event.date) == "2021-05"
    assert event.location == "Moscow"


def test_a_relative_clause_contact_and_the_main_clause_are_two_happenings() -> None:
    found = events_of("On Thursday Asaad al-Shaibani and Sergey Lavrov had talks in Moscow. Al-Shaibani, who was "
                      "later received in the Kremlin by Vladimir Putin, told reporters that the old agreements would "
                      "be reviewed.", date(2025, 7, 25))
    meetings = sorted((str(e.date), tuple(sorted(names(e)))) for e in found if e.event_type.value == "meeting")
    assert meetings == [("2025-07-24", ("Asaad al-Shaibani", "Sergey Lavrov")),
                        ("2025-07-24", ("Asaad al-Shaibani", "Vladimir Putin"))]


def test_a_relative_clause_of_the_same_side_is_no_contact_of_its_own() -> None:
    (event,) = events_of("On Monday Bashar al-Assad received Sergei Shoigu, who is touring Syria on "
                         "instructions from Vladimir Putin.", date(2020, 3, 25))
    assert names(event) == {"Bashar al-Assad", "Sergei Shoigu"}
    assert event.sources[0].excerpt.count("Shoigu") == 1  # the sentence is quoted once


def test_received_by_both_of_two_people_is_a_contact_with_each() -> None:
    found = events_of("Asaad al-Shaibani travelled to Moscow on 3 July and was received by both Sergey Lavrov and "
                      "Vladimir Putin.", date(2025, 7, 25))
    assert sorted(tuple(sorted(names(e))) for e in found) == [("Asaad al-Shaibani", "Sergey Lavrov"),
                                                              ("Asaad al-Shaibani", "Vladimir Putin")]
    assert len({e.event_id for e in found}) == 2


def test_both_as_the_subject_of_another_verb_splits_nothing() -> None:
    (event,) = events_of("On Monday Sergey Lavrov met Bashar al-Assad, and both Lavrov and Shoigu praised him.",
                         date(2025, 7, 25))
    assert names(event) == {"Bashar al-Assad", "Sergey Lavrov", "Sergei Shoigu"}


def test_a_contact_still_to_come_told_only_by_a_spokesman_is_his_statement() -> None:
    (event,) = events_of("Dmitry Peskov, the Kremlin spokesman, said on Monday it was premature to speak of the "
                         "bases in Syria, adding that the matter would be discussed with the new rulers in Damascus.",
                         date(2024, 12, 10))
    assert event.event_type.value == "statement" and event.modality.value == "reported"
    assert "Dmitry Peskov" in names(event) and str(event.date) == "2024-12-09"


def test_a_spokesman_telling_of_a_leaders_coming_meeting_keeps_the_meeting() -> None:
    found = events_of("Kremlin spokesman Dmitry Peskov said Vladimir Putin would meet Syrian leaders in Moscow.",
                      date(2024, 12, 10))
    assert [(e.event_type.value, e.modality.value) for e in found] == [("meeting", "planned")]


def test_what_a_whose_clause_tells_of_someone_of_neither_side_is_no_event() -> None:
    assert events_of("Vladimir Putin is due in Ankara on Wednesday to open a plant with Turkish President Tayyip "
                     "Erdogan, whose soldiers are stationed in northern Syria.", date(2020, 1, 8)) == ()


def test_a_whose_clause_about_a_party_still_tells_of_him() -> None:
    (event,) = events_of("On Monday Vladimir Putin praised Bashar al-Assad, whose troops were deployed near Idlib "
                         "with Russian support.", date(2020, 1, 8))
    assert names(event) == {"Vladimir Putin", "Bashar al-Assad"}


def test_the_source_of_a_report_is_no_party_of_the_contact() -> None:
    (event,) = events_of("Russia and Syria signed a trade accord on Monday, according to a text the Russian "
                         "government published.", date(2021, 3, 10))
    assert {(a.name, a.country) for a in event.actors} == {("Russia", "RU"), ("Syria", "SY")}


def test_according_to_names_the_speaker_of_a_statement() -> None:
    (event,) = events_of("Russia stressed its support for Syria's unity, according to Russian Foreign Minister "
                         "Sergey Lavrov on Monday.", date(2021, 3, 10))
    assert event.event_type.value == "statement" and "Sergey Lavrov" in names(event)


def test_a_relative_clause_contact_of_someone_named_in_a_since_clause() -> None:
    (event,) = events_of("Since the change of power the energy file has passed to Alexander Novak, who was received "
                         "by Ahmed al-Sharaa in early June.", date(2025, 7, 25))
    assert names(event) == {"Alexander Novak", "Ahmed al-Sharaa"} and str(event.date) == "2025-06"


def test_a_role_description_is_the_holder_on_the_day_the_sentence_tells() -> None:
    (event,) = events_of("In May 2018 the Syrian president flew to Sochi to see Vladimir Putin.", date(2025, 9, 20))
    assert names(event) == {"Bashar al-Assad", "Vladimir Putin"}
    assert {a.name: a.role for a in event.actors}["Bashar al-Assad"] == "President of Syria"
    (event,) = events_of("On 3 March 2025 the Syrian president held talks with Sergey Lavrov in Damascus.",
                         date(2025, 9, 20))
    assert names(event) == {"Ahmed al-Sharaa", "Sergey Lavrov"}


def test_the_two_governments_in_a_sentence_naming_one_of_them() -> None:
    found = events_of("Vladimir Putin spoke to Bashar al-Assad on 2 March 2016. The first jets left the next day. "
                      "The drawdown was partial. Bases followed. On 9 June 2017 the two governments signed a deal "
                      "letting Russia use the port for 49 years.", date(2025, 7, 25))
    deal = [e for e in found if e.event_type.value == "agreement"]
    assert [str(e.date) for e in deal] == ["2017-06-09"]
    assert {a.country for a in deal[0].actors} == {"SY", "RU"}


def test_a_meeting_without_a_place_after_one_of_the_same_day_and_people_was_held_there() -> None:
    found = events_of("Sergey Lavrov was received by Bashar al-Assad in Damascus on Monday. Lavrov later held talks "
                      "with Walid al-Muallem.", date(2020, 9, 8))
    assert [(e.location, tuple(sorted(names(e)))) for e in found] == [
        ("Damascus", ("Bashar al-Assad", "Sergey Lavrov")), ("Damascus", ("Sergey Lavrov", "Walid al-Muallem"))]


@pytest.mark.parametrize("text", [
    "On Monday Sergey Lavrov held talks with Walid al-Muallem. They discussed the situation in Syria, including in "
    "Idlib, and the work of the constitutional committee in Geneva.",
])
def test_a_place_talked_about_or_the_seat_of_a_body_is_no_meeting_place(text: str) -> None:
    (event,) = events_of(text, date(2020, 9, 8))
    assert event.location is None


def test_a_date_in_a_clause_about_another_noun_does_not_date_the_trigger() -> None:
    (event,) = events_of("On Thursday Asaad al-Shaibani and Sergey Lavrov had talks in Moscow, the first such trip by "
                         "a minister of the cabinet that took office last December.",
                         date(2025, 8, 2))
    assert names(event) == {"Asaad al-Shaibani", "Sergey Lavrov"} and str(event.date) == "2025-07-31"


def test_a_date_in_a_clause_about_the_trigger_dates_it() -> None:
    found = events_of("Assad recalled the visit to Moscow that took place in March 2015, the Kremlin said on "
                      "Thursday.", date(2025, 8, 2))
    assert "2015-03" in [str(e.date) for e in found]


def test_someone_named_for_his_rule_is_no_party() -> None:
    (event,) = events_of("On Thursday Asaad al-Shaibani and Sergey Lavrov had talks in Moscow, a first for a "
                         "minister of the cabinet that ended the rule of Bashar al-Assad.", date(2025, 8, 2))
    assert names(event) == {"Asaad al-Shaibani", "Sergey Lavrov"}


def test_a_contact_in_a_coordinate_clause_of_its_own_has_its_own_people() -> None:
    (event,) = events_of("On 5 March 2020 a truce was agreed by Erdogan and Vladimir Putin, and earlier Ali Mamlouk "
                         "had met Turkey's spy chief in Moscow.", date(2020, 3, 8))
    assert names(event) == {"Ali Mamlouk", "Russia"} and event.location == "Moscow"


def test_two_people_coordinated_as_one_subject_stay_parties() -> None:
    (event,) = events_of("On Monday, Sergey Lavrov, on his first trip in years, and Yury Borisov were received by "
                         "Bashar al-Assad in Damascus.", date(2020, 9, 8))
    assert names(event) == {"Sergey Lavrov", "Yury Borisov", "Bashar al-Assad"}


def test_a_contact_then_another_with_its_own_subject_are_two_contacts() -> None:
    found = events_of("Sergey Lavrov came with Yury Borisov, and the two were received by Bashar al-Assad on Monday "
                      "before Lavrov sat down with Walid al-Muallem.", date(2020, 9, 8))
    assert sorted(tuple(sorted(names(e))) for e in found) == [
        ("Bashar al-Assad", "Sergey Lavrov", "Yury Borisov"), ("Sergey Lavrov", "Walid al-Muallem")]


def test_before_a_happening_is_still_a_point_of_reference() -> None:
    (event,) = events_of("Vladimir Putin met Bashar al-Assad in the Kremlin on Tuesday, three weeks before the Astana "
                         "talks.", date(2020, 9, 8))
    assert str(event.date) == "2020-09-08"


def test_strikes_flown_from_a_place_of_the_other_side_name_that_side() -> None:
    found = events_of("Vladimir Putin spoke to the Syrian army. On 2 October 2016 Russian jets based at Hmeimim were "
                      "flying their first strikes.", date(2016, 10, 5))
    strikes = [e for e in found if e.event_type.value == "military"]
    assert [(str(e.date), e.location) for e in strikes] == [("2016-10-02", "Hmeimim")]
    assert {a.country for a in strikes[0].actors} == {"SY", "RU"}


def test_a_base_a_side_keeps_in_the_other_country_names_no_side() -> None:
    assert [e for e in events_of("Al-Sharaa met officials in Idlib. On 3 May 2025 the future of Russia's air base at "
                                 "Hmeimim was discussed by experts.", date(2025, 5, 5))
            if e.event_type.value == "military"] == []


@pytest.mark.parametrize(("text", "kind"), [
    ("On 2 April 2025 Syria received its first cargo of Russian wheat at Latakia.", "aid"),
    ("On 2 April 2025 Ahmed al-Sharaa received a Russian delegation in Damascus.", "meeting"),
])
def test_goods_received_are_aid_not_a_meeting(text: str, kind: str) -> None:
    assert [e.event_type.value for e in events_of(text, date(2025, 4, 8))] == [kind]


def test_a_meeting_without_a_place_the_day_after_one_of_the_same_visitor_was_held_there() -> None:
    found = events_of("On Monday Sergey Lavrov held talks in Moscow with Walid al-Muallem. The following day, "
                      "Muallem met Valentina Matviyenko.", date(2013, 9, 12))
    assert [e.location for e in found] == ["Moscow", "Moscow"]


def test_an_invitation_told_beside_what_was_said_is_a_statement() -> None:
    (event,) = events_of("On Monday Vladimir Putin voiced support for Syria's unity and invited Asaad al-Shaibani to "
                         "visit Moscow, the Syrian presidency said.", date(2025, 2, 13))
    assert (event.event_type.value, event.modality.value) == ("statement", "reported")
    assert "Vladimir Putin" in names(event)


def test_an_invitation_alone_stays_a_visit_still_to_come() -> None:
    (event,) = events_of("On Monday Vladimir Putin invited Asaad al-Shaibani to visit Moscow.", date(2025, 2, 13))
    assert (event.event_type.value, event.modality.value) == ("meeting", "planned")


@pytest.mark.parametrize("text", [
    "The Kremlin spent six years bombing rebel-held districts so as to keep Bashar al-Assad in power.",
    "Qassem Soleimani planned the campaign that kept Bashar al-Assad in power alongside Russia.",
])
def test_what_kept_someone_in_power_for_years_is_no_happening(text: str) -> None:
    assert events_of(text, date(2020, 1, 8)) == ()


@pytest.mark.parametrize("verb", ["would take part in", "will take part in", "would participate in"])
def test_taking_part_still_to_come_is_planned(verb: str) -> None:
    text = f"Sergey Lavrov said he hoped Ahmed al-Sharaa {verb} the Russia-Arab summit in Moscow next month."
    (event,) = events_of(text, date(2025, 8, 2))
    assert event.modality.value == "planned"
    assert names(event) == {"Sergey Lavrov", "Ahmed al-Sharaa"}


def test_a_visit_told_as_held_goes_on_about_the_contact_held_not_the_one_planned() -> None:
    text = ("Asaad al-Shaibani held talks with Sergey Lavrov in Moscow on Thursday. Lavrov said he hoped Ahmed "
            "al-Sharaa would take part in a summit in Moscow in October. Analysts said the visit came a week after "
            "the Syrian minister's trip to Paris.")
    events = events_of(text, date(2025, 8, 2))
    planned = [e for e in events if e.modality.value == "planned"]
    held = [e for e in events if e.modality.value == "reported" and e.event_type.value == "meeting"]
    assert len(planned) == 1 and names(planned[0]) == {"Sergey Lavrov", "Ahmed al-Sharaa"}
    assert len(held) == 1 and names(held[0]) == {"Asaad al-Shaibani", "Sergey Lavrov"}
    assert len(held[0].sources[0].excerpt) > len("Asaad al-Shaibani held talks with Sergey Lavrov in Moscow on Thursday.")


def test_the_syrian_minister_is_not_the_president_named_last() -> None:
    text = ("Asaad al-Shaibani held talks with Sergey Lavrov in Moscow on Thursday. Lavrov said Moscow hoped "
            "Ahmed al-Sharaa would take part in a summit in October. The Syrian minister also met Alexander Novak.")
    events = events_of(text, date(2025, 8, 2))
    assert not [e for e in events if {"Ahmed al-Sharaa", "Alexander Novak"} <= names(e)]
