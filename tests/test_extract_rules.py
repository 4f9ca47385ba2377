"""Extraction rules on short texts we wrote ourselves."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from events.assemble import extract_events, printed_role
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


def test_extract_deal_anaphora_takes_the_other_side_from_the_named_agreement() -> None:
    found = events_of(
        "The Syria-Russia accord on the port of Latakia was signed in Damascus on March 2.\n\n"
        "On Thursday Russian President Vladimir Putin signed the deal into law.")
    by_date = {str(e.date): e for e in found}
    signing = by_date["2024-07-25"]  # the publication day is a Thursday
    assert signing.event_type.value == "agreement"
    assert {(a.name, a.country) for a in signing.actors} == {("Vladimir Putin", "RU"), ("Syria", "SY")}
    assert "2024-03-02" in by_date


def test_extract_one_sided_signing_without_a_named_deal_is_not_an_event() -> None:
    assert events_of("On Thursday Russian President Vladimir Putin signed the budget into law.") == ()


def test_extract_document_describing_itself_is_not_a_statement() -> None:
    found = events_of(
        "Syrian Foreign Minister Walid al-Muallem and Russian Foreign Minister Sergei Lavrov signed a transit "
        "agreement in Moscow on Monday.\n\n"
        "The text of the transit agreement, published by Moscow and Damascus, says it runs for ten years.")
    assert [e.event_type.value for e in found] == ["agreement"]


def test_extract_trailing_attribution_date_does_not_split_the_meeting() -> None:
    (event,) = events_of(
        "Russian President Vladimir Putin hosted Syrian President Bashar al-Assad in Moscow on Monday.\n\n"
        "Trade was on the agenda, aides said.\n\n"
        "Officials spoke of grain and fuel.\n\n"
        "Putin told him that reconstruction must speed up, the Kremlin said on Tuesday.")
    assert event.event_type.value == "meeting"
    assert str(event.date) == "2024-07-22"
    assert len(event.sources[0].excerpt) > 0


def test_extract_report_told_to_an_agency_dates_the_report_not_the_visit() -> None:
    (event,) = events_of(
        "Syrian President Bashar al-Assad visited Moscow on Monday and met Russian President Vladimir Putin.\n\n"
        "Assad is back in Damascus after his talks with Putin, the Syrian presidency told AFP on Wednesday.")
    assert str(event.date) == "2024-07-22"


def test_extract_quoted_yesterday_dates_the_event_but_a_whether_clause_does_not() -> None:
    (event,) = events_of(
        '"Yesterday, the Syrian president Bashar al-Assad came to Moscow," Kremlin spokesman Dmitry Peskov said, '
        "adding that he met Putin, without saying whether he was still in Russia on Thursday.")
    assert str(event.date) == "2024-07-24"
    assert "Dmitry Peskov" not in names(event)


def test_extract_spokesman_reporting_aid_is_not_a_party() -> None:
    (event,) = events_of("Kremlin spokesman Dmitry Peskov said Russia delivered 20,000 tonnes of wheat to Syria "
                         "on Monday.")
    assert event.event_type.value == "aid"
    assert "Dmitry Peskov" not in names(event)


def test_extract_country_only_background_sentence_is_not_an_event() -> None:
    assert events_of("Russia's air base in Syria's Latakia province remains its main foothold in the region.") == ()


def test_extract_hoped_for_deal_is_not_a_reported_event() -> None:
    found = events_of("Russia hopes to negotiate a long-term deal with Syria to keep its bases.")
    assert all(e.modality.value == "planned" for e in found)


def test_extract_events_carry_cameo_codes_from_the_trigger_data() -> None:
    (event,) = events_of("Syrian President Bashar al-Assad met Russian President Vladimir Putin in Sochi on Monday.")
    assert event.cameo == load_gazetteer().cameo("meeting") == "04"


def test_extract_two_events_of_one_sentence_have_distinct_ids() -> None:
    found = events_of("The Russia-Syria agreement, signed on January 18, was ratified by the Russian parliament "
                      "on July 2.")
    assert len(found) == 2
    assert len({e.event_id for e in found}) == 2


def test_extract_arrival_and_talks_of_one_visit_are_one_event() -> None:
    (event,) = events_of(
        "Syrian Foreign Minister Faisal Mekdad arrived in Moscow on Sunday for a working visit. "
        "On Monday he held talks with Russian Foreign Minister Sergey Lavrov.", published=date(2021, 12, 14))
    assert str(event.date) == "2021-12-13"
    assert names(event) == {"Faisal Mekdad", "Sergey Lavrov"}


def test_extract_arrival_and_a_later_separate_meeting_stay_apart() -> None:
    found = events_of(
        "Syrian Foreign Minister Faisal Mekdad arrived in Moscow on December 6. "
        "He met Russian Foreign Minister Sergey Lavrov on December 13.", published=date(2021, 12, 14))
    assert len(found) == 2


@pytest.mark.parametrize("verb", ["is expected to meet", "is also expected to meet", "will meet", "will then meet"])
def test_extract_planned_meeting_with_or_without_an_adverb(verb: str) -> None:
    (event,) = events_of(f"Syrian Foreign Minister Faisal Mekdad {verb} Russian Deputy Prime Minister "
                         "Alexander Novak on Wednesday.", published=date(2021, 12, 14))
    assert event.modality.value == "planned"


def test_extract_the_russian_and_syrian_presidents_refers_back_to_the_meeting() -> None:
    (event,) = events_of(
        "Syrian President Ahmed al-Sharaa met Russian President Vladimir Putin at the Kremlin on Wednesday. "
        "The Russian and Syrian presidents discussed wheat supplies.", published=date(2025, 10, 16))
    assert event.event_type.value == "meeting" and "humanitarian" in event.topics


def test_extract_pronoun_after_a_named_person_is_that_person() -> None:
    found = events_of(
        "Syrian President Ahmed al-Sharaa met Russian President Vladimir Putin at the Kremlin on Wednesday.\n\n"
        "Bashar al-Assad fled to Moscow in December 2024, where he was granted asylum.", published=date(2025, 10, 16))
    asylum = next(e for e in found if e.event_type.value == "aid")
    assert "Ahmed al-Sharaa" not in names(asylum)


@pytest.mark.parametrize("sentence", [
    "Russian Foreign Ministry spokeswoman Maria Zakharova on Thursday condemned the Israeli air strikes on Syria.",
    "Russian Foreign Ministry spokeswoman Maria Zakharova condemned on Thursday the air strikes on Syrian territory.",
])
def test_extract_what_a_statement_condemns_is_not_the_event_type(sentence: str) -> None:
    (event,) = events_of(sentence, published=date(2025, 5, 2))
    assert event.event_type.value == "statement"
    assert "Maria Zakharova" in names(event)
    assert str(event.date) == "2025-05-01"


def test_extract_the_two_countries_after_a_syria_russia_sentence_are_both_sides() -> None:
    found = events_of("In September 2015 Russia began air strikes in Syria at the request of President Bashar "
                      "al-Assad. In January 2017 the two countries signed an agreement on the port of Tartus.")
    deal = next(e for e in found if e.event_type.value == "agreement")
    assert str(deal.date) == "2017-01" and {a.country for a in deal.actors} == {"SY", "RU"}


def test_extract_the_two_countries_without_syria_and_russia_before_is_no_one() -> None:
    assert events_of("Turkey and Iran met in Ankara. In January 2017 the two countries signed an agreement.") == ()


@pytest.mark.parametrize(("sentence", "place"), [
    ("Russian Deputy Foreign Minister Mikhail Bogdanov visited Damascus on Monday and met Syrian President "
     "Bashar al-Assad.", "Damascus"),
    ("Syrian President Bashar al-Assad flew from Damascus to Moscow on Monday to meet Russian President "
     "Vladimir Putin.", "Moscow"),
])
def test_extract_location_from_visit_verbs_not_from_departure(sentence: str, place: str) -> None:
    (event,) = events_of(sentence)
    assert event.location == place


@pytest.mark.parametrize(("sentence", "syrian_role"), [
    ("Syria's ambassador to Russia Karim Nasser met Russian Deputy Defence Minister Ruslan Tsalikov in Moscow "
     "on Monday.", "Ambassador to Russia"),
    ("Syria's envoy to Moscow, Karim Nasser, held talks on Monday with Russian Deputy Defence Minister "
     "Ruslan Tsalikov.", "Envoy to Moscow"),
    ("Karim Nasser, Syria's ambassador to Russia, met on Monday with Ruslan Tsalikov, the Russian deputy "
     "defence minister.", "Ambassador to Russia"),
])
def test_extract_unregistered_officials_with_their_posts(sentence: str, syrian_role: str) -> None:
    (event,) = events_of(sentence)
    by_name = {a.name: a for a in event.actors}
    assert by_name["Karim Nasser"].country == "SY" and by_name["Karim Nasser"].role == syrian_role
    assert by_name["Ruslan Tsalikov"].country == "RU"
    assert by_name["Ruslan Tsalikov"].role.lower() == "deputy defence minister of russia"


def test_extract_a_comma_after_a_foreign_name_does_not_make_it_russian() -> None:
    assert events_of("Russian President Vladimir Putin met Recep Tayyip Erdogan, Russian media reported on "
                     "Monday.") == ()


def test_extract_the_syrian_ambassador_is_the_syrian_side() -> None:
    (event,) = events_of("The Syrian ambassador in Moscow met Russian Deputy Foreign Minister Mikhail Bogdanov "
                         "on Monday.")
    assert {a.country for a in event.actors} == {"SY", "RU"}


@pytest.mark.parametrize(("text", "published", "who"), [
    ("Al-Sharaa met Russian Foreign Minister Sergei Lavrov in Damascus on Monday.", date(2005, 3, 10),
     "Farouk al-Sharaa"),
    ("Al-Sharaa met Russian President Vladimir Putin in Moscow on Wednesday.", date(2025, 10, 16),
     "Ahmed al-Sharaa"),
    ("Syrian Vice President Farouk al-Sharaa flew to Moscow. On Monday al-Sharaa met Russian Foreign Minister "
     "Sergei Lavrov.", date(2008, 3, 10), "Farouk al-Sharaa"),
    ("Assad met Russian President Vladimir Putin in Moscow on Wednesday.", date(2015, 10, 22), "Bashar al-Assad"),
])
def test_extract_bare_surname_is_the_person_of_the_article_and_its_date(text: str, published: date,
                                                                          who: str) -> None:
    (event,) = events_of(text, published=published)
    assert who in names(event)


@pytest.mark.parametrize(("title", "role"), [
    ("Russian Deputy Foreign Minister", "Deputy Foreign Minister of Russia"),
    ("Russian President's Special Envoy for the Middle East", "Special Presidential Envoy"),
])
def test_extract_role_printed_is_the_one_the_article_names_when_two_are_held(title: str, role: str) -> None:
    (event,) = events_of(f"Syrian President Bashar al-Assad received {title} Mikhail Bogdanov in Damascus on "
                         "Monday.", published=date(2019, 3, 10))
    bogdanov = next(a for a in event.actors if a.name == "Mikhail Bogdanov")
    assert bogdanov.role.startswith(role)


def test_extract_report_of_a_contact_is_not_a_second_event_but_an_announcement_is() -> None:
    (meeting,) = events_of("Russian President Vladimir Putin hosted Syrian President Bashar al-Assad at the "
                           "Kremlin on Wednesday evening, the Kremlin press service said today.")
    assert meeting.event_type.value == "meeting" and str(meeting.date) == "2024-07-24"
    found = events_of("Syrian Foreign Minister Faisal Mekdad will visit Moscow on Monday for talks with Russian "
                      "Foreign Minister Sergey Lavrov, the Russian Foreign Ministry said Thursday.")
    assert {(e.event_type.value, e.modality.value) for e in found} >= {("meeting", "planned")}
    assert any(e.event_type.value == "statement" and str(e.date) == "2024-07-25" for e in found)


def test_extract_an_anniversary_year_does_not_date_the_visit() -> None:
    (event,) = events_of("Syrian President Bashar al-Assad met Russian President Vladimir Putin at the Kremlin "
                         "on Wednesday. He noted that the visit came around the anniversary of relations "
                         "between the two countries in 1944.")
    assert str(event.date) == "2024-07-24"


def test_extract_possessive_topic_is_not_a_party() -> None:
    assert events_of("Russian President Vladimir Putin's announcement coincided with peace talks in Geneva "
                     "dominated by a disagreement over Bashar al-Assad's future.") == ()


def test_extract_an_ordered_pull_out_told_during_a_visit_is_its_own_event() -> None:
    found = events_of("Russian President Vladimir Putin visited the Hmeimim air base in Syria on Monday and met "
                      "Syrian President Bashar al-Assad. Speaking to the troops at the base, Putin said he had "
                      "ordered the military to withdraw a large part of the Russian contingent from Syria.",
                      published=date(2017, 12, 11))
    assert sorted(e.event_type.value for e in found) == ["meeting", "military"]
    assert all(str(e.date) == "2017-12-11" for e in found)


def test_extract_a_remark_about_the_military_during_a_visit_stays_with_the_visit() -> None:
    (event,) = events_of("Russian President Vladimir Putin hosted Syrian President Bashar al-Assad in Sochi on "
                         "Monday. Putin said the military operation in Syria was coming to an end.",
                         published=date(2017, 11, 21))
    assert event.event_type.value == "meeting"


def test_extract_aid_flown_in_by_a_russian_plane() -> None:
    (event,) = events_of("A Russian plane carrying 30 tons of humanitarian aid landed at Damascus airport on Sunday, "
                         "the Syrian health ministry said.", published=date(2023, 2, 13))
    assert event.event_type.value == "aid" and str(event.date) == "2023-02-12"
    assert {a.country for a in event.actors} == {"SY", "RU"}


def test_extract_joint_exercise_of_both_armies() -> None:
    (event,) = events_of("Russian and Syrian military officers held a joint exercise near Latakia on Thursday.",
                         published=date(2021, 1, 15))
    assert event.event_type.value == "military" and str(event.date) == "2021-01-14"


def test_extract_the_subject_of_discussion_is_not_a_meeting() -> None:
    found = events_of("The Kremlin said on Monday the future of Russia's bases in Syria would be the subject of "
                      "discussion with the new authorities.", published=date(2024, 12, 9))
    assert all(e.event_type.value != "meeting" for e in found)


def test_extract_a_date_after_since_dates_the_past_event_not_the_visit() -> None:
    found = events_of("Syria's foreign minister Asaad al-Shaibani arrived in Moscow on Wednesday on his first visit "
                      "since the fall of the former government in December, and met Russian Foreign Minister Sergei "
                      "Lavrov.", published=date(2025, 8, 1))
    assert [str(e.date) for e in found] == ["2025-07-30"]


@pytest.mark.parametrize("sentence", [
    "Putin spoke by phone with Turkish President Recep Tayyip Erdogan about Syria on Tuesday.",
    "Russia and Turkey held talks on the situation in Syria on Tuesday.",
    "Putin and Turkish President Tayyip Erdogan discussed the situation in Syria's Idlib province in a phone call "
    "on Wednesday.",
    "The Russian and Turkish foreign ministers discussed Syria when they met in Antalya on Friday.",
    "Putin held a call with the Iranian president on Monday to discuss the fighting in Syria.",
    "Erdogan and Putin discussed the escalating fighting in Syria's northwestern Idlib province in a phone call on "
    "Wednesday.",
    "Putin and the Turkish president spoke by phone on Monday about the deteriorating humanitarian situation in Syria.",
])
def test_extract_contact_with_a_third_party_about_syria_is_not_an_event(sentence: str) -> None:
    assert events_of(sentence) == ()


def test_extract_a_contact_in_damascus_has_a_syrian_side() -> None:
    (event,) = events_of("Russian Foreign Minister Sergey Lavrov held talks in Damascus on Monday.")
    assert {a.country for a in event.actors} == {"SY", "RU"} and event.location == "Damascus"


@pytest.mark.parametrize("follow_up", [
    "The ministers discussed the future of the Russian bases on the coast.",
    "Both sides discussed the future of the Russian bases on the coast.",
    "They also discussed the future of the Russian bases on the coast.",
])
def test_extract_the_participants_named_again_add_to_the_meeting(follow_up: str) -> None:
    (event,) = events_of("Russian Foreign Minister Sergey Lavrov held talks with his Syrian counterpart Asaad "
                         "al-Shaibani in Moscow on Thursday. " + follow_up, published=date(2025, 8, 1))
    assert str(event.date) == "2025-07-31" and "military" in event.topics
    assert follow_up in " ".join(s.excerpt for s in event.sources)


@pytest.mark.parametrize(("title", "iso", "role"), [
    ("Syrian Health Minister", "SY", "Health Minister of Syria"),
    ("Russian deputy defence minister", "RU", "Deputy defence minister of Russia"),
    ("Syria's ambassador to Russia", "SY", "Ambassador to Russia"),
    (None, "SY", None),
])
def test_printed_role_of_an_unregistered_official_names_the_country_once(title, iso, role) -> None:
    assert printed_role(title, iso) == role


@pytest.mark.parametrize("sentence", [
    "A Russian Il-76 plane loaded with 30 tons of food landed at Damascus airport on Thursday, the ministry said.",
    "Russian trucks carrying flour and medicines reached Damascus on Thursday.",
])
def test_extract_a_cargo_of_relief_is_aid(sentence: str) -> None:
    (event,) = events_of(sentence)
    assert event.event_type.value == "aid" and str(event.date) == "2024-07-25"


@pytest.mark.parametrize("sentence", [
    "Kremlin spokesman Dmitry Peskov said on Monday that Putin had no plans to meet Assad.",
    "The Kremlin denied reports that Putin met Assad in Moscow last week.",
    "Syrian Foreign Minister Faisal Mekdad has not yet met Lavrov this year, the ministry said on Monday.",
])
def test_extract_a_contact_said_not_to_happen_is_not_a_contact(sentence: str) -> None:
    assert all(e.event_type.value not in {"meeting", "call"} for e in events_of(sentence))


@pytest.mark.parametrize("sentence", [
    "Russia intervened militarily in Syria in September 2015 to support Assad.",
    "Russian warplanes struck rebel positions in Idlib on Tuesday in support of the Syrian army.",
])
def test_extract_military_action_on_the_side_of_the_other(sentence: str) -> None:
    (event,) = events_of(sentence)
    assert event.event_type.value == "military"


def test_extract_who_is_to_be_handed_over_is_not_a_party() -> None:
    (event,) = events_of("Russian Deputy Foreign Minister Mikhail Bogdanov held talks in Damascus with Ahmed al-Sharaa "
                         "on Tuesday. The Syrian side demanded that Moscow hand over the former president, Bashar "
                         "al-Assad, a source said.", published=date(2025, 1, 30))
    assert {a.name for a in event.actors} == {"Mikhail Bogdanov", "Ahmed al-Sharaa"}


@pytest.mark.parametrize(("sentence", "day"), [
    ("In December 2017, Putin flew to the Hmeimim air base and was greeted by Assad.", "2017-12"),
    ("Al-Shaibani travelled to Moscow on Wednesday for talks with Lavrov.", "2025-03-19"),
])
def test_extract_travel_to_the_other_side_is_a_meeting(sentence: str, day: str) -> None:
    (event,) = events_of(sentence, published=date(2025, 3, 20))
    assert event.event_type.value == "meeting" and str(event.date) == day


def test_extract_talks_on_carrying_out_earlier_agreements_are_a_meeting() -> None:
    (event,) = events_of("Syrian Prime Minister Hussein Arnous discussed with Russian Ambassador Alexander Yefimov on "
                         "Monday the implementation of the agreements signed between the two countries.",
                         published=date(2022, 3, 10))
    assert event.event_type.value == "meeting" and str(event.date) == "2022-03-07"


@pytest.mark.parametrize("sentence", [
    "Deputy Prime Minister Yury Borisov said on Friday that an agreement with Syria on the port would be signed next month.",
    "A Russian official said on Friday that a new trade accord with Damascus will soon be signed.",
])
def test_extract_a_deal_that_will_be_signed_is_planned(sentence: str) -> None:
    found = [e for e in events_of(sentence, published=date(2019, 4, 5)) if e.event_type.value == "agreement"]
    assert found and all(e.modality.value == "planned" for e in found)


@pytest.mark.parametrize("sentence", [
    "A ship carrying 6,000 tons of Russian wheat docked at Latakia on Tuesday, the Syrian transport ministry said.",
    "A tanker loaded with Russian oil reached the Baniyas refinery on Tuesday, Syrian officials said.",
])
def test_extract_goods_of_one_side_delivered_to_the_other_are_aid(sentence: str) -> None:
    (event,) = events_of(sentence, published=date(2025, 4, 2))
    assert event.event_type.value == "aid" and str(event.date) == "2025-04-01"
    assert {a.country for a in event.actors} == {"SY", "RU"}


@pytest.mark.parametrize("sentence", [
    "Assad received on Monday the Special Envoy of the Russian President for Syria Alexander Lavrentiev.",
    "Assad received on Monday Alexander Lavrentiev, special representative of the Russian president.",
])
def test_extract_an_office_inside_another_persons_title_is_not_its_holder(sentence: str) -> None:
    (event,) = events_of(sentence, published=date(2023, 1, 17))
    assert names(event) == {"Bashar al-Assad", "Alexander Lavrentiev"} and str(event.date) == "2023-01-16"


@pytest.mark.parametrize("sentence", [
    "Kremlin aide Yuri Ushakov said Putin and al-Sharaa would hold talks in Moscow on October 15.",
    "Lavrov told reporters Putin had met Assad in the Kremlin on Wednesday.",
])
def test_extract_who_tells_of_a_contact_between_others_is_not_a_party(sentence: str) -> None:
    (event,) = events_of(sentence, published=date(2025, 10, 9))
    assert event.event_type.value == "meeting" and len(event.actors) == 2
    assert names(event) <= {"Vladimir Putin", "Ahmed al-Sharaa", "Bashar al-Assad"}


@pytest.mark.parametrize(("texts", "place"), [
    (["A ship with Russian wheat docked at the port of Latakia on Tuesday."], "Latakia"),
    (["Putin spoke by phone with al-Sharaa, according to the Kremlin readout."], None),
    (["Zakharova said Moscow was in touch with the new authorities in Damascus."], None),
    (["Lavrov held talks in Damascus with the Syrian leadership."], "Damascus"),
])
def test_find_location_skips_a_source_and_a_government_named_by_its_seat(texts: list[str], place) -> None:
    from events.topics import find_location
    assert find_location(texts, load_gazetteer()) == place


@pytest.mark.parametrize(("text", "health"), [
    ("Al-Shaibani thanked the Russian side for its hospitality.", False),
    ("Russia will rebuild two hospitals in Aleppo.", True),
])
def test_find_topics_hospitality_is_not_health(text: str, health: bool) -> None:
    from events.topics import find_topics
    assert ("health" in find_topics([text], load_gazetteer())) is health


@pytest.mark.parametrize("sentence", [
    "From Damascus, Putin will fly to Turkey, where he is due to meet President Recep Tayyip Erdogan on Wednesday.",
    "After leaving Moscow, the Syrian foreign minister will travel to Beijing for talks on Friday.",
])
def test_extract_where_a_journey_starts_is_not_a_party(sentence: str) -> None:
    assert all(e.event_type.value not in {"meeting", "call"} for e in events_of(sentence, published=date(2020, 1, 7)))


def test_extract_talks_held_told_in_a_sentence_about_a_deal_to_come() -> None:
    found = events_of("Deputy Prime Minister Yury Borisov said on Saturday that the port lease would be signed "
                      "within days, after talks with Bashar al-Assad in Damascus.", published=date(2019, 4, 21))
    talks = [e for e in found if e.event_type.value == "meeting" and e.modality.value == "reported"]
    assert len(talks) == 1 and str(talks[0].date) == "2019-04-20" and talks[0].location == "Damascus"


def test_make_title_verb_agrees_with_two_syrian_participants() -> None:
    from events.assemble import make_title
    from events.model import Actor, EventType, Modality
    sy = (Actor("Bashar al-Assad", "SY"), Actor("Faisal Mekdad", "SY"))
    ru = (Actor("Alexander Lavrentiev", "RU"),)
    assert make_title(EventType.MEETING, Modality.REPORTED, sy, ru, "Damascus", "SY") == \
        "Bashar al-Assad and Faisal Mekdad meet Alexander Lavrentiev in Damascus"
    assert make_title(EventType.MEETING, Modality.REPORTED, sy[:1], ru, None, "SY") == \
        "Bashar al-Assad meets Alexander Lavrentiev"


def test_extract_the_two_men_are_the_last_syrian_and_russian_named() -> None:
    found = events_of("In October 2015, Bashar al-Assad flew to Moscow to meet Vladimir Putin at the Kremlin. "
                      "In March 2023, the two men met again in the Kremlin.")
    assert sorted((str(e.date), frozenset(names(e))) for e in found) == [
        ("2015-10", frozenset({"Bashar al-Assad", "Vladimir Putin"})),
        ("2023-03", frozenset({"Bashar al-Assad", "Vladimir Putin"}))]


def test_extract_the_two_presidents_talked_about_are_not_a_new_contact() -> None:
    found = events_of("Vladimir Putin and Bashar al-Assad spoke by phone on Tuesday. Kremlin spokesman Dmitry Peskov "
                      "gave details later.\n\nMarkets were calm. The weather was mild. Traffic was light.\n\n"
                      "No date is set yet for the two presidents to speak again, the spokesman said.")
    assert len(found) == 1 and found[0].event_type.value == "call"


def test_extract_a_live_blog_entry_is_dated_by_its_time_stamp() -> None:
    (event,) = events_of("12:05 GMT - Syrian President Bashar al-Assad has arrived at the Kremlin for talks with "
                         "Russian President Vladimir Putin, state television showed.")
    assert str(event.date) == "2024-07-25" and event.date.precision.value == "day"


def test_extract_earlier_contact_does_not_date_the_undated_lead() -> None:
    events = events_of("Vladimir Putin spoke by telephone with Syrian President Ahmed al-Sharaa about energy and "
                       "reconstruction. The two presidents agreed to keep in touch. Earlier, on 3 June, the two "
                       "presidents had their first call since the change of power in Damascus.",
                       published=date(2025, 7, 14))
    assert sorted((str(e.date), e.date.precision.value) for e in events) == [("2025-06-03", "day"),
                                                                             ("2025-07", "month")]
    assert all(e.event_type.value == "call" and e.location is None for e in events)


def test_extract_the_talks_joined_later_are_the_only_contact_told() -> None:
    (event,) = events_of("Vladimir Putin received Bashar al-Assad in the Kremlin on Tuesday. The visit was not "
                         "announced. Putin praised the army. He spoke of reconstruction. Assad thanked Moscow for "
                         "wheat. Syrian Foreign Minister Faisal Mekdad and Russian Defence Minister Sergei Shoigu "
                         "later joined the talks.")
    assert names(event) == {"Vladimir Putin", "Bashar al-Assad", "Faisal Mekdad", "Sergei Shoigu"}


def test_extract_the_delegation_due_to_meet_on_another_day_is_a_contact_of_its_own() -> None:
    events = events_of("A Russian delegation led by Deputy Foreign Minister Mikhail Bogdanov arrived in Damascus on "
                       "Tuesday. The delegation is due to meet Ahmed al-Sharaa on Wednesday, a diplomat said.",
                       published=date(2025, 1, 28))
    by_day = {str(e.date): e for e in events}
    assert set(by_day) == {"2025-01-28", "2025-01-29"}
    assert names(by_day["2025-01-29"]) == {"Ahmed al-Sharaa", "Mikhail Bogdanov"}
    assert by_day["2025-01-29"].modality.value == "planned"


def test_extract_members_named_in_a_which_included_clause_take_part() -> None:
    (event,) = events_of("The Syrian delegation, which included Defence Minister Murhaf Abu Qasra, met Russian "
                         "Defence Minister Andrei Belousov in Moscow on Tuesday.")
    assert names(event) == {"Murhaf Abu Qasra", "Andrei Belousov"}


def test_extract_expected_in_a_city_is_planned() -> None:
    (event,) = events_of("Syrian President Ahmed al-Sharaa is expected in Moscow on Friday for talks with "
                         "Vladimir Putin.", published=date(2025, 10, 13))
    assert event.modality.value == "planned" and str(event.date) == "2025-10-17"


def test_extract_a_tour_with_the_host_is_a_meeting() -> None:
    (event,) = events_of("On 7 January 2020 Vladimir Putin toured the old city of Damascus with Bashar al-Assad.")
    assert event.event_type.value == "meeting" and str(event.date) == "2020-01-07"


def test_extract_what_a_country_does_as_a_rule_is_no_event() -> None:
    assert events_of("The analysis begins here. Moscow now talks to the people it once fought, and Damascus "
                     "listens to Moscow.", published=date(2025, 3, 1)) == ()


def test_extract_location_is_not_a_place_only_talked_about() -> None:
    (event,) = events_of("Bashar al-Assad received Russian envoy Alexander Lavrentiev on Monday. The meeting dealt "
                         "with the situation in Idlib and attacks on civilians in Aleppo.")
    assert event.location is None


@pytest.mark.parametrize("dateline", ["DAMASCUS, July 22 (Example News) - ", "MOSCOW, July 22. /TASS/. "])
def test_extract_contact_after_a_wire_dateline_took_place_where_the_story_was_filed(dateline: str) -> None:
    (event,) = events_of(dateline + "Syrian Foreign Minister Faisal Mekdad held talks with Russian Deputy Foreign "
                         "Minister Mikhail Bogdanov on Monday. They discussed the situation in Idlib.")
    assert event.location == dateline.split(",")[0].title()


def test_extract_wire_dateline_gives_way_to_a_place_the_lead_names() -> None:
    (event,) = events_of("MOSCOW, July 22 (Example News) - Syrian Foreign Minister Faisal Mekdad held talks with "
                         "Russian envoy Alexander Lavrentiev in Damascus on Monday.")
    assert event.location == "Damascus"


def test_extract_a_contact_told_to_place_another_in_time_is_background() -> None:
    events = events_of("Sergey Lavrov met Syrian Foreign Minister Faisal Mekdad in Sochi on Tuesday. The ministers "
                       "last held talks in Moscow in April, weeks after Bashar al-Assad met Vladimir Putin in the "
                       "Kremlin.")
    assert all(names(e) != {"Bashar al-Assad", "Vladimir Putin"} for e in events)
    assert "2024-07-23" in {str(e.date) for e in events}


def test_extract_he_in_the_second_part_of_a_sentence_is_the_person_named_before() -> None:
    events = events_of("Talks in the Kremlin on 2 May 2019 followed Bashar al-Assad's visit to Sochi, and on 9 June "
                       "2021 he was received by Vladimir Putin in Moscow.")
    by_day = {str(e.date): e for e in events}
    assert names(by_day["2021-06-09"]) == {"Bashar al-Assad", "Vladimir Putin"}


def test_extract_a_settlement_for_syria_is_what_others_discuss() -> None:
    assert events_of("Vladimir Putin was due to host the presidents of Iran and Turkey in Sochi on Wednesday to "
                     "discuss a settlement for Syria.") == ()


def test_extract_was_due_to_is_planned() -> None:
    (event,) = events_of("Vladimir Putin was due to host Bashar al-Assad in Sochi on Wednesday.")
    assert event.modality.value == "planned"


def test_extract_speaker_before_a_body_of_the_same_side_stays_a_party() -> None:
    # "the Syrian presidency said" names a body, not a second Syrian person: al-Sharaa is a party, not a reporter
    (event,) = events_of("Syria's interim president Ahmed al-Sharaa told Vladimir Putin in a phone call on Tuesday "
                         "that relations had to be rebuilt on a new basis, the Syrian presidency said.")
    assert event.event_type.value == "call"
    assert names(event) >= {"Ahmed al-Sharaa", "Vladimir Putin"}


def test_extract_the_two_russian_officials_are_the_last_two_russians_named() -> None:
    found = events_of(
        "Syrian President Ahmed al-Sharaa received Russian Deputy Prime Minister Alexander Novak and deputy defence "
        "minister Yunus-Bek Yevkurov in Damascus on Wednesday.\n\n"
        "Later on Wednesday, the two Russian officials held talks with Defence Minister Murhaf Abu Qasra.",
        published=date(2025, 9, 11))
    assert {frozenset(names(e)) for e in found} == {
        frozenset({"Ahmed al-Sharaa", "Alexander Novak", "Yunus-Bek Yevkurov"}),
        frozenset({"Murhaf Abu Qasra", "Alexander Novak", "Yunus-Bek Yevkurov"})}
    assert all(str(e.date) == "2025-09-10" for e in found)


def test_extract_a_day_after_dates_the_earlier_happening() -> None:
    found = events_of("Russian and Syrian troops started joint patrols near Manbij on Sunday, two days after "
                      "Russian and Syrian officers met in the town to agree on the routes.", published=date(2019, 10, 21))
    by_type = {e.event_type.value: str(e.date) for e in found}
    assert by_type == {"military": "2019-10-20", "meeting": "2019-10-18"}


def test_extract_two_verbs_with_their_own_days_are_two_events() -> None:
    found = events_of("Russian Foreign Minister Sergey Lavrov signed a consular agreement with Syrian Foreign Minister "
                      "Faisal Mekdad in Moscow on Monday and held talks with Syrian President Bashar al-Assad on "
                      "Wednesday.", published=date(2021, 6, 4))
    by_type = {e.event_type.value: (str(e.date), names(e)) for e in found}
    assert by_type["agreement"] == ("2021-05-31", {"Sergey Lavrov", "Faisal Mekdad"})
    assert by_type["meeting"] == ("2021-06-02", {"Sergey Lavrov", "Bashar al-Assad"})


def test_extract_a_format_named_after_a_city_is_not_the_place() -> None:
    (event,) = events_of("On July 22 Deputy Foreign Minister Mikhail Bogdanov received Syrian ambassador Bashar "
                         "al-Jaafari. The two diplomats discussed the next round of talks in the Astana format.")
    assert event.event_type.value == "meeting"
    assert event.location is None


def test_extract_aid_as_the_name_of_an_arrangement_is_not_aid() -> None:
    (event,) = events_of("Syrian envoy Bassam Sabbagh praised Russia on Friday and said any aid mechanism must respect "
                         "the sovereignty of his country.")
    assert event.event_type.value == "statement"


def test_extract_a_cancelled_deal_is_an_agreement_matter() -> None:
    (event,) = events_of("The Syrian government on Monday cancelled the contract that let the Russian firm "
                         "Stroytransgaz run the phosphate mines near Palmyra.")
    assert event.event_type.value == "agreement"


def test_extract_an_invitation_adds_no_party_to_the_contact_held() -> None:
    found = events_of("Vladimir Putin spoke by phone with Syrian President Ahmed al-Sharaa on Monday. The Kremlin said "
                      "the conversation was useful and that Putin had invited Syria's foreign minister to visit Moscow.",
                      published=date(2025, 2, 12))
    call = next(e for e in found if e.event_type.value == "call")
    assert names(call) == {"Vladimir Putin", "Ahmed al-Sharaa"}


def test_extract_no_such_meeting_is_a_denial_not_a_meeting() -> None:
    (event,) = events_of("Kremlin spokesman Dmitry Peskov said on Tuesday that no such meeting between Vladimir Putin "
                         "and Bashar al-Assad had taken place.", published=date(2024, 12, 18))
    assert event.event_type.value == "statement"


def test_extract_a_sides_presence_makes_it_a_party() -> None:
    (event,) = events_of("Syrian Defence Minister Murhaf Abu Qasra said on Sunday that any Russian presence on the "
                         "coast must serve Syrian interests.", published=date(2025, 6, 2))
    assert {a.country for a in event.actors} == {"SY", "RU"}


def test_extract_a_reported_contact_does_not_date_the_statement_before_it() -> None:
    (event,) = events_of(
        "The Kremlin on Wednesday rejected reports that Vladimir Putin had received Bashar al-Assad.\n\n"
        "Spokesman Dmitry Peskov told reporters that no such meeting had taken place.\n\n"
        "A tabloid had reported that the two men met in Moscow on Sunday.", published=date(2024, 12, 19))
    assert event.event_type.value == "statement" and str(event.date) == "2024-12-18"


def test_extract_the_two_leaders_go_on_about_the_visit_at_hand_not_the_background_one() -> None:
    found = events_of(
        "Vladimir Putin held talks with Bashar al-Assad in Damascus on Tuesday. He last came to Syria in December "
        "2017, when he met Assad at Hmeimim. The two leaders inspected a parade, spokesman Dmitry Peskov said.",
        published=date(2020, 1, 8))
    by_date = {str(e.date): names(e) for e in found}
    assert by_date["2020-01-07"] == {"Vladimir Putin", "Bashar al-Assad"}
    assert by_date["2017-12"] == {"Vladimir Putin", "Bashar al-Assad"}
    assert len(by_date["2020-01-07"]) == 2  # the spokesman who tells of it is not a party
    (main,) = [e for e in found if str(e.date) == "2020-01-07"]
    assert len(main.sources[0].excerpt) > len("Vladimir Putin held talks with Bashar al-Assad in Damascus on Tuesday.")


def test_two_contacts_of_the_pair_referred_back_to_both_keep_the_pair() -> None:
    found = events_of("Vladimir Putin hosted Bashar al-Assad in Moscow on Wednesday. The two leaders had last met "
                      "in Sochi on 17 May 2018 and talked by phone in February this year.")
    by_date = {str(e.date): e for e in found}
    assert set(by_date) == {"2024-07-24", "2018-05-17", "2024-02"}
    assert by_date["2018-05-17"].event_type.value == "meeting" and by_date["2024-02"].event_type.value == "call"
    assert names(by_date["2018-05-17"]) == names(by_date["2024-02"]) == {"Vladimir Putin", "Bashar al-Assad"}


def test_undated_report_right_after_a_past_date_goes_on_about_that_past() -> None:
    text = ("Rebels entered Damascus in December 2024. Bashar al-Assad left the country and Russia gave him asylum.\n\n"
            "Ahmed al-Sharaa met Vladimir Putin in Moscow on Wednesday.")
    by_type = {e.event_type.value: e for e in events_of(text, date(2025, 10, 17))}
    assert str(by_type["aid"].date) == "2024-12"  # not the day or month of publication
    assert str(by_type["meeting"].date) == "2025-10-15"


def test_undated_report_after_recent_news_or_with_a_time_word_of_its_own_is_not_dated_by_the_past() -> None:
    recent = events_of("Talks were held in Damascus on 14 October 2025. Bashar al-Assad left the country and Russia "
                       "gave him asylum.", date(2025, 10, 17))
    assert [str(e.date) for e in recent] == ["2025-10-14"]  # the story's current day, as before
    own = events_of("Rebels entered Damascus in December 2024. Bashar al-Assad left the country and Russia gave him "
                    "asylum two weeks later.", date(2025, 10, 17))
    assert [str(e.date) for e in own] == ["2025-10"]


def test_narrative_day_is_read_from_every_clause_of_the_sentences_before() -> None:
    from events.clauses import Clause
    from events.extract import narrative_date
    from events.model import DateBasis, EventDate, Modality, Precision
    from events.sentences import Sentence

    def clause(index: int, day: date | None) -> Clause:
        when = EventDate(day, Precision.DAY, DateBasis.STATED) if day else None
        return Clause(index, Sentence(index * 10, index * 10 + 9, "x"), None, Modality.REPORTED,
                      {"SY": set(), "RU": set()}, set(), when)

    anchor = EventDate(date(2024, 7, 25), Precision.DAY, DateBasis.STATED)
    # the first sentence gives two clauses: the day stated in the second sentence still counts
    clauses = [clause(0, None), clause(0, None), clause(1, date(2024, 7, 23)), clause(2, None)]
    assert narrative_date(clauses, 2, anchor) == clauses[2].date
    assert narrative_date(clauses, 1, anchor) is None


# --- probe10 rules (sentences of our own) ---

def test_dateline_without_agency_does_not_date_the_event() -> None:
    (event,) = events_of("TARTUS, Mar 6 — A shipment of Russian flour arrived at Tartus port on Tuesday, "
                         "Syrian port officials said.", published=date(2025, 3, 6))
    assert event.event_type.value == "aid"
    assert str(event.date) == "2025-03-04"


def test_dateline_with_place_and_full_date_does_not_date_the_event() -> None:
    (event,) = events_of("Cairo, March 6, 2025 — Syrian Foreign Minister Asaad al-Shaibani held talks with "
                         "Sergei Lavrov in Moscow on Monday.", published=date(2025, 3, 6))
    assert str(event.date) == "2025-03-03"


def test_aid_sent_to_a_syrian_port_names_the_syrian_side() -> None:
    # (the story names Syria elsewhere: an article naming one side only is not read)
    (event,) = events_of("A freighter loaded with Russian wheat unloaded at Latakia on Sunday, port workers said. "
                         "Bread has been scarce in Syria for months.", published=date(2025, 5, 13))
    assert event.event_type.value == "aid"
    assert {a.country for a in event.actors} == {"SY", "RU"}
    assert str(event.date) == "2025-05-11"


def test_reported_day_named_without_year_is_not_after_publication() -> None:
    (event,) = events_of("March 3 — Sergei Lavrov and Asaad al-Shaibani speak by phone about the coast.",
                         published=date(2025, 11, 20))
    assert str(event.date) == "2025-03-03"


def test_day_without_year_ahead_of_publication_stays_when_the_sentence_looks_ahead() -> None:
    found = events_of("Sergei Lavrov will receive Asaad al-Shaibani in Moscow on March 3.",
                      published=date(2025, 11, 20))
    assert [str(e.date) for e in found] == ["2026-03-03"]


def test_deputy_ministers_of_a_list_of_countries_are_not_the_ministers() -> None:
    found = events_of("Deputy foreign ministers of Russia, Iran and Syria met in Geneva on Monday.",
                      published=date(2023, 6, 14))
    assert all(not ({"Faisal Mekdad", "Sergey Lavrov"} & names(e)) for e in found)


def test_someone_said_not_to_be_part_of_the_talks_is_no_party() -> None:
    found = events_of("Russian Deputy Prime Minister Alexander Novak was not part of Friday's talks with the "
                      "Syrian side, his office said.", published=date(2025, 6, 14))
    assert all(e.event_type.value != "meeting" for e in found)


def test_correction_of_a_wrong_day_is_not_a_contact_on_that_day() -> None:
    found = events_of("An earlier version of this story incorrectly said that Bashar al-Assad met Vladimir Putin "
                      "on Monday. Assad and Putin met on Tuesday.", published=date(2023, 3, 16))
    assert [str(e.date) for e in found if e.event_type.value == "meeting"] == ["2023-03-14"]


def test_where_he_met_tells_the_contact_itself() -> None:
    (event,) = events_of("Vladimir Putin flew to Hmeimim on Monday, where he met Bashar al-Assad.",
                         published=date(2017, 12, 12))
    assert names(event) == {"Vladimir Putin", "Bashar al-Assad"}


def test_date_of_a_named_agreement_does_not_date_the_talks() -> None:
    found = events_of("Bashar al-Assad received Sergei Shoigu in Damascus on Monday. Talks dealt with the "
                      "situation in northeast Syria and the implementation of the Moscow agreement of September 17.",
                      published=date(2019, 10, 1))
    assert [str(e.date) for e in found] == ["2019-09-30"]


def test_russian_delegation_included_joins_the_meeting_just_told() -> None:
    (event,) = events_of("Ahmed al-Sharaa received Mikhail Bogdanov in Damascus on Tuesday. The Russian delegation "
                         "included envoy Alexander Lavrentiev.", published=date(2025, 1, 29))
    assert {"Ahmed al-Sharaa", "Mikhail Bogdanov", "Alexander Lavrentiev"} <= names(event)


def test_plan_that_fell_through_is_not_a_reported_contact() -> None:
    found = events_of("Faisal Mekdad had been due to meet Sergei Lavrov in Moscow on Wednesday, but the trip was "
                      "put off.", published=date(2023, 3, 16))
    assert all(e.modality.value == "planned" for e in found)


def test_deal_expected_later_does_not_date_the_meeting_told_before_it() -> None:
    found = events_of("Sergei Lavrov held talks with Walid al-Muallem in Damascus on Monday. Earlier in the day, "
                      "Lavrov and Yury Borisov were received by Bashar al-Assad. At a news conference, Borisov said the "
                      "sides were preparing an agreement on energy projects, which he expected to be signed during "
                      "his next visit to Damascus in December.",
                      published=date(2020, 9, 8))
    assert {str(e.date) for e in found if e.event_type.value == "meeting"} == {"2020-09-07"}


# --- extract11 rules (sentences of our own) ---

LIVE_BLOG = ("19:40 — State media in Russia say Syrian leader Bashar al-Assad and his relatives have arrived in "
             "Moscow. Russia has granted them asylum, an official said.\n\n"
             "15:20 — In a statement, the Russian Foreign Ministry says Assad has resigned after negotiations with "
             "rebel commanders.\n\n"
             "11:00 — Rebels say they have reached the outskirts of the capital.")


def test_live_blog_entries_are_not_chained_into_one_event() -> None:
    events = events_of(LIVE_BLOG, published=date(2024, 12, 8))
    assert len(events) == 2
    for event in events:  # each event is told by the sentences of one entry only
        assert event.sources[0].excerpt.count("—") == 1
        assert str(event.date) == "2024-12-08" and event.date.precision.value == "day"


def test_arrival_followed_by_asylum_is_aid() -> None:
    events = events_of(LIVE_BLOG, published=date(2024, 12, 8))
    (asylum,) = [e for e in events if "asylum" in e.sources[0].excerpt]
    assert asylum.event_type.value == "aid" and names(asylum) == {"Bashar al-Assad", "Russia"}
    (event,) = events_of("The deposed Syrian president Bashar al-Assad flew to Moscow on Sunday and was granted "
                         "asylum there.", published=date(2024, 12, 10))
    assert event.event_type.value == "aid"


def test_arrival_for_talks_stays_a_meeting_beside_asylum_words() -> None:
    (event,) = events_of("Syrian Foreign Minister Asaad al-Shaibani arrived in Moscow on Monday for talks with "
                         "Sergey Lavrov on the fate of those granted asylum in Russia.", published=date(2025, 7, 30))
    assert event.event_type.value == "meeting"


def test_timeline_entries_do_not_take_the_place_of_an_intro_plan() -> None:
    events = events_of("Ahead of Syrian President Ahmed al-Sharaa's expected trip to Moscow, we look back.\n\n"
                       "March 3, 2025 — Russian Deputy Foreign Minister Mikhail Bogdanov meets al-Sharaa in "
                       "Damascus.\n\nApril 9, 2025 — Vladimir Putin and al-Sharaa talk by phone.",
                       published=date(2025, 10, 1))
    (meeting,) = [e for e in events if "Mikhail Bogdanov" in names(e)]
    assert meeting.location == "Damascus" and str(meeting.date) == "2025-03-03"
    (plan,) = [e for e in events if e.modality.value == "planned"]
    assert "Mikhail Bogdanov" not in names(plan)


def test_one_dated_opening_is_a_dateline_not_a_timeline() -> None:
    from events.clauses import entries
    from events.sentences import split_sentences

    text = "May 5 — Putin met Assad in Sochi. They talked.\n\nThe talks lasted hours."
    assert entries(text, split_sentences(text)) == [(-1, False)] * 3
    text += "\n\nMay 6 — Lavrov met Mekdad."
    assert [e for e, _ in entries(text, split_sentences(text))] == [0, 0, -1, 3]


def test_may_travel_is_a_plan_not_the_month() -> None:
    (event,) = events_of("Syrian officials said President Ahmed al-Sharaa may still travel to Moscow to meet "
                         "Vladimir Putin this week.", published=date(2025, 10, 14))
    assert event.modality.value == "planned"
    (event,) = events_of("Vladimir Putin recalled Ahmed al-Sharaa's May visit to Moscow on Tuesday.",
                         published=date(2025, 10, 14))
    assert event.modality.value == "reported"


def test_separate_talks_told_in_a_relative_clause_are_a_contact_of_their_own() -> None:
    events = events_of("Syrian Foreign Minister Asaad al-Shaibani held talks with Sergey Lavrov in Moscow on Monday. "
                       "The Syrian delegation also included Defence Minister Murhaf Abu Qasra, who held separate "
                       "talks on Monday with Russian Defence Minister Andrei Belousov, a diplomat said.",
                       published=date(2025, 7, 30))
    pairs = sorted(tuple(sorted(names(e))) for e in events)
    assert pairs == [("Andrei Belousov", "Murhaf Abu Qasra"), ("Asaad al-Shaibani", "Sergey Lavrov")]
    assert all(str(e.date) == "2025-07-28" for e in events)


def test_someone_said_not_to_take_part_is_no_statement() -> None:
    assert events_of("Russian Deputy Prime Minister Alexander Novak, who handles trade with Syria, did not take "
                     "part in Monday's talks, an official said.", published=date(2025, 7, 30)) == ()
    # a denial that names who did not meet is news
    (event,) = events_of("Kremlin spokesman Dmitry Peskov said on Monday that no meeting between Vladimir Putin "
                         "and Bashar al-Assad had taken place.", published=date(2025, 7, 30))
    assert event.event_type.value == "statement"


def test_it_after_a_delegation_is_that_delegation() -> None:
    (event,) = events_of("Talks on Syria opened in Geneva on Monday. The Syrian delegation was headed by Deputy "
                         "Foreign Minister Ayman Sousan. On Tuesday it held a bilateral meeting with Russian envoy "
                         "Alexander Lavrentiev, a diplomat said.", published=date(2024, 1, 26))
    assert names(event) == {"Ayman Sousan", "Alexander Lavrentiev"}
    assert event.event_type.value == "meeting" and str(event.date) == "2024-01-23"


def test_sitting_across_the_table_is_a_meeting_and_what_was_said_there_joins_it() -> None:
    (event,) = events_of("On Tuesday Syrian President Ahmed al-Sharaa sat across the table from Vladimir Putin in the "
                         "Kremlin. The Syrian foreign minister came along. Officials of both sides were present. "
                         "Al-Sharaa told Putin that Syria would keep its word.", published=date(2025, 10, 16))
    assert event.event_type.value == "meeting" and str(event.date) == "2025-10-14"
    assert "told Putin" in event.sources[0].excerpt


def test_what_went_on_for_years_is_no_event() -> None:
    assert events_of("HTS fighters led by Abu Mohammed al-Jolani and Russian troops faced each other for years "
                     "around Idlib; a truce agreed by Moscow and Ankara in March 2020 held until November.",
                     published=date(2025, 10, 16)) == ()


def test_a_contact_after_since_marks_a_time_and_the_rest_is_a_statement() -> None:
    (event,) = events_of("Vladimir Putin said on Thursday he had not yet seen Bashar al-Assad since the former "
                         "Syrian leader arrived in Moscow, but intended to talk to him. Russia had offered its air "
                         "base for aid deliveries, he said.", published=date(2024, 12, 19))
    assert event.event_type.value == "statement" and names(event) == {"Vladimir Putin", "Bashar al-Assad"}
    assert str(event.date) == "2024-12-19"


def test_talks_that_agree_on_something_are_a_meeting_a_signed_deal_is_an_agreement() -> None:
    (event,) = events_of("Vladimir Putin and Bashar al-Assad held talks in Sochi on Tuesday and agreed to expand "
                         "trade.")
    assert event.event_type.value == "meeting"
    (event,) = events_of("Vladimir Putin and Bashar al-Assad held talks in Sochi on Tuesday and signed an accord "
                         "on trade.")
    assert event.event_type.value == "agreement"


def test_a_date_of_what_a_statement_is_about_does_not_date_the_statement() -> None:
    text = ("Title\n\nRussian President Vladimir Putin received Syrian President Bashar al-Assad in Sochi on "
            "Thursday. Putin congratulated Assad on his victory in the June election. Assad thanked Russia for "
            "the wheat it had sent in 2019.")
    found = events_of(text, date(2021, 9, 10))
    assert found and all(str(e.date) == "2021-09-09" for e in found)


def test_a_month_that_qualifies_another_happening_does_not_date_the_event() -> None:
    text = ("Title\n\nRussian President Vladimir Putin held talks with Syrian President Bashar al-Assad in Moscow "
            "on Tuesday. The two leaders discussed reconstruction after the February floods.")
    found = events_of(text, date(2023, 3, 16))
    assert {str(e.date) for e in found} == {"2023-03-14"}


def test_what_a_contact_builds_on_is_not_its_date() -> None:
    text = ("Title\n\nRussian President Vladimir Putin spoke by telephone with Syrian President Ahmed al-Sharaa on "
            "Wednesday. The two leaders discussed trade, building on the talks a Russian delegation held in "
            "Damascus last month, and agreed to stay in contact.")
    found = events_of(text, date(2025, 2, 13))
    assert {str(e.date) for e in found} == {"2025-02-12"}


def test_an_undated_contact_told_as_under_way_is_of_the_day_of_publication() -> None:
    under_way = ("Title\n\nVladimir Putin held talks with Syrian President Bashar al-Assad, who is in Moscow on an "
                 "official visit.")
    assert {str(e.date) for e in events_of(under_way, date(2023, 3, 15))} == {"2023-03-15"}
    # without the cue an undated report keeps the month of publication
    told = "Title\n\nVladimir Putin held talks with Syrian President Bashar al-Assad in Moscow."
    assert {str(e.date) for e in events_of(told, date(2023, 3, 15))} == {"2023-03"}


def test_the_two_leaders_are_the_heads_last_named_together_not_a_minister_named_since() -> None:
    text = ("Title\n\nSyrian President Bashar al-Assad met Russian President Vladimir Putin in Sochi on Monday. "
            "Assad was also introduced to the Russian defence minister. The two leaders had last met in Moscow in "
            "October 2015.")
    earlier = [e for e in events_of(text, date(2017, 11, 21)) if str(e.date) == "2015-10"]
    assert earlier and names(earlier[0]) == {"Bashar al-Assad", "Vladimir Putin"}


def test_extract_syrian_president_in_the_kremlin_is_received_by_the_russian_president() -> None:
    (event,) = events_of("Bashar al-Assad went to Moscow on 3 March 2011 for talks in the Kremlin.")
    assert names(event) == {"Bashar al-Assad", "Dmitry Medvedev"}  # the president of the day, not a name remembered
    (event,) = events_of("Bashar al-Assad went to Moscow on 3 March 2019 for talks in the Kremlin.")
    assert names(event) == {"Bashar al-Assad", "Vladimir Putin"}


def test_extract_kremlin_host_needs_the_head_of_state_and_the_kremlin() -> None:
    (minister,) = events_of("Syrian Foreign Minister Faisal Mekdad held talks in the Kremlin on 3 March 2022.")
    assert names(minister) == {"Faisal Mekdad", "Russia"}  # a minister may be received by an aide
    (elsewhere,) = events_of("Bashar al-Assad went to Moscow on 3 March 2019 for talks with Russian officials.")
    assert names(elsewhere) == {"Bashar al-Assad", "Russia"}


def test_extract_a_verb_of_a_time_clause_in_what_a_leader_said_at_a_meeting_is_no_act() -> None:
    text = ("Vladimir Putin received Bashar al-Assad in Sochi on Tuesday. Putin said the army's gains meant that "
            "foreign armed forces should withdraw from Syria once a settlement started.")
    (event,) = events_of(text)
    assert event.event_type.value == "meeting"
    text = ("Vladimir Putin received Bashar al-Assad in Sochi on Tuesday. Putin said he had ordered the Russian "
            "troops in Syria to start coming home.")
    assert sorted(e.event_type.value for e in events_of(text)) == ["meeting", "military"]


@pytest.mark.parametrize("text,expected", [
    # a day still to come is not moved a year back when the sentence looks ahead
    ("Peskov said a meeting between Putin and Assad would take place in Moscow on August 3.", "2024-08-03"),
    ("Putin invited Assad to Moscow for talks on August 3, the Kremlin said.", "2024-08-03"),
    # "post-2011" is a bound, not when the talks were held
    ("Lavrov met al-Shaibani in Moscow to discuss Syria's post-2011 debts to Russia.", "2024-07"),
    # a count after a date is not a second day ("on March 9 and 12 soldiers")
    ("Lavrov met Mekdad in Moscow on March 9 and 12 soldiers were wounded in Idlib. The next day, Putin phoned "
     "Assad.", "2024-03-09 2024-03-10"),
    # "planned for Monday" told as past goes back, not ahead
    ("Talks between Lavrov and Mekdad, planned for Monday, took place in Moscow.", "2024-07-22"),
    # the month May, not "may"
    ("During a May 2018 visit to Sochi, Assad met Putin.", "2018-05"),
    # "in exile" is no contact under way
    ("Putin has met Assad, who is currently in exile in Moscow, only once since his fall, sources said.", "2024-07"),
    # the round's month is the contact's; the talks a thanks is about keep their day
    ("Lavrov met Mekdad on the sidelines of the January 2024 round of Astana talks.", "2024-01"),
    ("Assad thanked Putin for the hospitality during their talks in the Kremlin on 3 March.", "2024-03-03"),
])
def test_review_cases_keep_the_right_date(text: str, expected: str) -> None:
    found = events_of("Title\n\n" + text, date(2024, 7, 24))
    assert " ".join(sorted(str(e.date) for e in found)) == expected


def test_it_is_the_delegation_only_as_the_sentence_subject() -> None:
    before = "The Syrian delegation was headed by Foreign Minister Asaad al-Shaibani. "
    for after in ("Russia said on Tuesday it received no request to extradite Bashar al-Assad.",
                  "On Wednesday, Russia's Gazprom announced it signed a gas deal with Turkey."):
        assert not events_of("Title\n\n" + before + after, date(2025, 7, 23))


def test_a_meeting_held_separately_from_other_talks_keeps_who_attended_it() -> None:
    text = ("Title\n\nPutin received Assad in the Kremlin on 12 March 2024. The meeting, held separately from the "
            "Astana talks, was also attended by Defence Minister Sergei Shoigu.")
    (event,) = events_of(text, date(2024, 3, 13))
    assert "Sergei Shoigu" in names(event)


def test_a_date_told_of_a_happening_is_not_the_contacts() -> None:
    text = ("Title\n\nPutin held talks with Assad in Moscow on Wednesday. Assad thanked Russia for its help after the "
            "earthquake that struck Syria and Turkey in February and said the visit would open a new stage.")
    assert {str(e.date) for e in events_of(text, date(2023, 3, 16))} == {"2023-03-15"}
    text = "Title\n\nPutin held talks with Assad in Moscow after the earthquake in February."
    assert {str(e.date) for e in events_of(text, date(2023, 3, 16))} == {"2023-03"}


def test_a_place_behind_the_word_for_its_kind_and_words_before_it() -> None:
    text = ("Title\n\nRussian President Vladimir Putin received Syrian President Bashar al-Assad in the Black Sea "
            "resort of Sochi on Thursday. The meeting was their first since December 2017, when Putin visited the "
            "Hmeimim air base.")
    (event,) = [e for e in events_of(text, date(2018, 5, 18)) if str(e.date) == "2018-05-17"]
    assert event.location == "Sochi"


@pytest.mark.parametrize("text, expected", [
    # each happening of a sentence takes the place named in its own clause
    ("Putin received Assad in Moscow on Tuesday; the two leaders last met in Damascus in January 2020.",
     {"2024-07-23": "Moscow", "2020-01": "Damascus"}),
    ("Assad's trip to Sochi was his third this year; he had met Putin in Hmeimim on 11 December 2017.",
     {"2017-12-11": "Hmeimim"}),
    # a clause of its own that names no place leaves the sentence's place
    ("On Tuesday, Putin received Assad in Sochi. No statement followed the talks.", {"2024-07-23": "Sochi"}),
    # the clause of a report date ("said on Monday in Moscow") does not place the contact
    ("Putin hosted Assad in Sochi, the Kremlin said on Monday in Moscow.", {"2024-07-22": "Sochi"}),
])
def test_extract_place_comes_from_the_clause_of_the_event(text: str, expected: dict[str, str]) -> None:
    found = {str(e.date): e.location for e in events_of(text) if e.event_type.value == "meeting"}
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    # told in the past, "by" gives the time the happening was over by, no finer than its month
    ("By late January, Russia had delivered 40,000 tonnes of wheat to Syria. The ships docked at Tartus.",
     ("2024-01", "month", "relative")),
    ("Russian military police pulled out of Syria's Tal Rifaat by early March, the Syrian army said. "
     "The base was handed over.", ("2024-03", "month", "relative")),
    ("By the end of 2015, Russia had deployed 50 warplanes to Syria. They flew from Hmeimim.",
     ("2015", "year", "stated")),
    ("By mid-2016 Russia had sent military advisers to the Syrian army. Their number was not given.",
     ("2016", "year", "stated")),
    ("Russia had delivered wheat to Syria by 5 March, the ministry said. More is on the way.",
     ("2024-03", "month", "relative")),
    # a deadline still ahead, or an intention, is no date of the happening
    ("Russia agreed to withdraw its troops from Syria by the end of 2015. Damascus welcomed the deal.", None),
    ("Russia will deliver 40,000 tonnes of wheat to Syria by late January. Damascus welcomed it.", None),
    ("Putin ordered Russian troops to leave Syria by early March. The order surprised Damascus.", None),
])
def test_extract_by_a_time_told_in_the_past_dates_the_happening(text: str, expected) -> None:
    dates = {(str(e.date), e.date.precision.value, e.date.basis.value) for e in events_of(text)
             if e.date.basis.value != "publication"}
    assert dates == ({expected} if expected else set())


@pytest.mark.parametrize("text, expected", [
    # "again" with a date of its own tells the contact once more: one event per time, each with its place
    ("Lavrov met Mekdad in Moscow on 3 March, and again in Sochi on 10 May. Both talks were closed.",
     {("2024-03-03", "Moscow"), ("2024-05-10", "Sochi")}),
    ("Putin spoke with Assad by phone on Monday and again on Thursday. The Kremlin gave no details.",
     {("2024-07-22", None), ("2024-07-25", None)}),
    ("Putin received Assad in Moscow on 20 November 2017; Assad was back in Sochi again on 17 May 2018. "
     "Few details were given.", {("2017-11-20", "Moscow"), ("2018-05-17", "Sochi")}),
    # one date after "again" is the day of that contact, not a second one
    ("Putin and Assad met again on Monday in Sochi. Few details were given.", {("2024-07-22", "Sochi")}),
])
def test_extract_a_contact_told_again_with_its_own_date(text: str, expected: set) -> None:
    events = events_of(text)
    assert {(str(e.date), e.location) for e in events} == expected
    assert all({a.country for a in e.actors if a.kind == "person"} == {"SY", "RU"} for e in events)


def test_extract_someone_said_to_have_died_is_no_party_of_undated_news() -> None:
    # the praise of a dead minister is said at the meeting: it does not split the story into another statement
    events = events_of(
        "Russian Foreign Minister Sergei Lavrov held talks with Syrian Foreign Minister Faisal Mekdad in Moscow on "
        "Monday. Mekdad succeeded the late Walid al-Muallem in November. Lavrov praised Muallem as a loyal partner "
        "and said Russia would keep helping Syria. Mekdad said Damascus counted on Moscow at the United Nations.")
    assert [(e.event_type.value, str(e.date)) for e in events] == [("meeting", "2024-07-22")]
    assert names(events[0]) == {"Sergey Lavrov", "Faisal Mekdad"}


def test_extract_someone_who_died_keeps_the_contacts_dated_before() -> None:
    events = events_of("Walid al-Muallem, who died in 2020, had met Sergei Lavrov in Sochi on 14 May 2015. "
                       "The talks were about the war.")
    assert [(e.event_type.value, str(e.date), e.location) for e in events] == [("meeting", "2015-05-14", "Sochi")]
    assert names(events[0]) == {"Walid al-Muallem", "Sergey Lavrov"}


@pytest.mark.parametrize("text, dead", [
    ("Mekdad took over after the death of his predecessor Walid al-Muallem.", {"walid-al-muallem"}),
    ("Putin paid tribute to the late Syrian Foreign Minister Walid al-Muallem.", {"walid-al-muallem"}),
    ("Walid al-Muallem, who died in November, was mourned in Moscow.", {"walid-al-muallem"}),
    ("Putin offered Assad condolences on the death of Assad's mother.", set()),
    ("Lavrov held late evening talks with Walid al-Muallem.", set()),
])
def test_dead_people(text: str, dead: set[str]) -> None:
    from events.actors import find_mentions
    from events.clauses import dead_people
    mentions = list(find_mentions(text, load_gazetteer(), date(2020, 12, 1)))
    assert dead_people(text, text.lower(), mentions, load_gazetteer()) == dead


@pytest.mark.parametrize("text,expected", [
    # a day stated beside a span counted from the story's date is the event's day
    ("On 2 May 2016 Russian bombers hit targets near Palmyra.\n\nTwo weeks later, on the morning of 15 May, "
     "Bashar al-Assad flew to Moscow to meet Vladimir Putin.", ("2016-05-15", "day")),
    # a span of weeks counted from a day gives only the month it reaches
    ("On 2 May 2016 Russian bombers hit targets near Palmyra.\n\nTwo weeks later Bashar al-Assad flew to Moscow to "
     "meet Vladimir Putin.", ("2016-05", "month")),
    # a year-less day after "a fortnight later" is the one near the story's date, not near publication
    ("On 2 March 2019 the Kremlin named a new envoy.\n\nA fortnight later, on 17 March, Sergei Lavrov met Walid "
     "al-Muallem in Sochi.", ("2019-03-17", "day")),
    # a span counted from an event of the story's past ("three weeks after the first raids") reaches its month,
    # and an approximate one ("nearly six months into") only its year
    ("On 2 May 2016 Russian bombers hit targets near Palmyra.\n\nThree weeks after the first raids, Bashar al-Assad "
     "flew to Moscow to meet Vladimir Putin.", ("2016-05", "month")),
    ("On 2 May 2016 Russian bombers hit targets near Palmyra.\n\nNearly six months into the campaign, Bashar al-Assad "
     "flew to Moscow to meet Vladimir Putin.", ("2016", "year")),
    # "That June, on the 3rd": the month of the year the story reached, and its day
    ("On 9 January 2018 the two navies held a drill.\n\nThat June, on the 3rd, Vladimir Putin hosted Bashar al-Assad "
     "in Sochi.", ("2018-06-03", "day")),
])
def test_extract_narrative_dates_follow_the_story(text: str, expected: tuple[str, str]) -> None:
    (event,) = [e for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting"]
    assert (str(event.date), event.date.precision.value) == expected


_AIR_CAMPAIGN = "Russia began its air campaign in Syria on 30 September 2015.\n\n"


@pytest.mark.parametrize("sentence", [
    # what "after" or "into" names is a happening of its own, not the campaign the date told
    "Three months after Assad fled, Asaad al-Shaibani met Sergei Lavrov in Moscow.",
    "Ten days into the new government, Sergei Lavrov met Asaad al-Shaibani in Moscow.",
    "The day after the fall of Assad, Russian diplomats met Asaad al-Shaibani in Damascus.",
])
def test_extract_a_span_from_a_happening_of_its_own_does_not_count_from_an_old_date(sentence: str) -> None:
    (event,) = [e for e in events_of(_AIR_CAMPAIGN + sentence, date(2025, 11, 20)) if e.event_type.value == "meeting"]
    assert not str(event.date).startswith("2015")


def test_extract_a_span_from_the_happening_last_dated_counts_from_its_date() -> None:
    text = _AIR_CAMPAIGN + "Two weeks into the campaign, Walid al-Muallem met Sergei Lavrov in Sochi."
    (event,) = [e for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting"]
    assert (str(event.date), event.date.precision.value) == ("2015-10", "month")


def test_extract_a_span_does_not_count_from_a_date_told_far_back() -> None:
    filler = "Officials in both capitals gave differing accounts of what the bombing had achieved so far. " * 18
    text = _AIR_CAMPAIGN + filler + "\n\nTwo weeks into the campaign, Walid al-Muallem met Sergei Lavrov in Sochi."
    (event,) = [e for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting"]
    assert not str(event.date).startswith("2015")


def test_extract_a_remark_about_the_past_does_not_date_the_talks() -> None:
    # what "noted that" brings up is a fact of its own: its year dates neither the remark nor the talks
    text = ("Vladimir Putin received Bashar al-Assad in the Kremlin, where the guest is on an official visit.\n\n"
            "Putin recalled that the first trade accord between the two states had been signed back in 1955.")
    (event,) = events_of(text, date(2025, 11, 20))
    assert str(event.date) == "2025-11-20"


def test_extract_a_remark_that_tells_a_contact_keeps_its_date() -> None:
    text = "Dmitry Peskov noted that Vladimir Putin had met Bashar al-Assad in Sochi on 3 November."
    (event,) = [e for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting"]
    assert str(event.date) == "2025-11-03"


def test_extract_a_later_fate_in_a_relative_clause_does_not_date_the_contact() -> None:
    # "who would resign a year later" tells what became of him; the talks are on the day the story is at
    text = ("The runway at Hmeimim was reopened on 4 April 2017 after repairs.\n\nSergei Shoigu held talks in Damascus "
            "with Fahd Jassem al-Freij, who would lose his post three months later.")
    (event,) = [e for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting"]
    assert (str(event.date), event.date.precision.value) == ("2017-04-04", "day")


def test_extract_a_date_after_its_verb_dates_it_before_one_ahead_of_the_verb() -> None:
    # the arrival day comes before "received"; "the following day" after it is the day of the reception
    text = ("Walid al-Muallem reached Moscow on 22 June 2016 and was received by Sergei Lavrov the following day.")
    (event,) = [e for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting"]
    assert str(event.date) == "2016-06-23"


def test_extract_an_anniversary_covers_only_its_own_clause() -> None:
    # "the fifth anniversary of ..." makes no date after it a contact's day, but only up to the semicolon
    text = ("Vladimir Putin received Bashar al-Assad on 30 September 2020, the fifth anniversary of the campaign; "
            "Sergei Lavrov met Faisal Mekdad on 12 October 2020 in Moscow.")
    dates = sorted(str(e.date) for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting")
    assert dates == ["2020-09-30", "2020-10-12"]


def test_extract_a_pronoun_after_a_semicolon_goes_on_with_the_subject() -> None:
    # "he" after the semicolon is Mekdad, the sentence's subject, not Lavrov, named last
    text = ("Faisal Mekdad held talks with Sergei Lavrov in Moscow on 3 May 2021; he returned on 9 August 2021 for "
            "talks with Russian officials.")
    events = {str(e.date): names(e) for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting"}
    assert "Faisal Mekdad" in events["2021-08-09"]


def test_extract_a_yearless_day_without_publication_date_is_no_part_of_another_day() -> None:
    # with no publication day "on 14 November" cannot be read, but it is not 9 June either: the ministers' meeting
    # is told apart from the truce before it
    text = ("Relations have been cold for years. The last attempt to mend them, on the 9th of June 2019, was a truce "
            "in Daraa brokered by Vladimir Putin, and earlier that year Ali Mamlouk had met Turkish envoys in "
            "Moscow.\n\nThe clearest sign of change came on 14 November, when the defence ministers, Ali Abdullah "
            "Ayyoub and Sergei Shoigu, met in Moscow.")
    events = events_of(text, None)
    (shoigu,) = [e for e in events if "Sergei Shoigu" in names(e)]
    assert "Vladimir Putin" not in names(shoigu) and str(shoigu.date) != "2019-06-09"


def test_a_contact_told_in_a_clause_of_later_fate_keeps_its_day() -> None:
    from events.clauses import find_clauses
    from events.model import DateBasis, EventDate, Precision
    text = ("Sergei Lavrov, who would hold talks with Walid al-Muallem in Sochi on 9 June 2019, first spoke to "
            "reporters in Moscow.")
    clauses, _ = find_clauses(text, EventDate(date(2025, 11, 20), Precision.DAY, DateBasis.PUBLICATION),
                              load_gazetteer())
    assert [str(c.date) for c in clauses if c.event_type is not None] == ["2019-06-09"]


def test_extract_a_day_told_in_the_past_that_would_lie_ahead_follows_the_story() -> None:
    # the paragraph before tells of February 2016; "On 20 December" in the past is that year's, not last year's
    text = ("On 3 February 2016 Russian and Syrian officials signed a protocol on wheat in Moscow.\n\n"
            "On 20 December Sergei Lavrov met Walid al-Muallem in Moscow.")
    (event,) = [e for e in events_of(text, date(2025, 11, 20)) if e.event_type.value == "meeting"]
    assert str(event.date) == "2016-12-20"


def test_extract_a_relative_clause_with_its_own_when_does_not_date_the_main_clause() -> None:
    from events.clauses import find_clauses
    from events.model import DateBasis, EventDate, Precision
    # "when Assad fled ... in December" is what the relative clause tells; the delivery is undated
    text = ("Syria, which lost its grain supplies when Bashar al-Assad fled to Moscow in December, received a Russian "
            "aid convoy, officials said.")
    clauses, _ = find_clauses(text, EventDate(date(2025, 4, 8), Precision.DAY, DateBasis.PUBLICATION),
                              load_gazetteer())
    assert [c.date for c in clauses if c.event_type is not None] == [None]
    # a contact told in such a clause keeps its day
    text = ("Sergei Lavrov, who met Bashar al-Assad when he visited Damascus on 3 March, said the talks went well.")
    clauses, _ = find_clauses(text, EventDate(date(2025, 4, 8), Precision.DAY, DateBasis.PUBLICATION),
                              load_gazetteer())
    assert "2025-03-03" in [str(c.date) for c in clauses if c.event_type is not None]
