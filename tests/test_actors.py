"""Finding the parties an article names (`events.actors.find_mentions`) and the shortcut for one-sided articles."""
from __future__ import annotations

from datetime import date

import pytest

from events.actors import find_mentions
from events.clauses import find_clauses
from events.gazetteer import load_gazetteer
from events.model import DateBasis, EventDate, Precision

GAZETTEER = load_gazetteer()
DAY = date(2021, 3, 4)


def _mentions(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.country, m.kind) for m in find_mentions(text, GAZETTEER, DAY)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials said the Kremlin was informed.", ("the Kremlin", "RU", "country")),
    ("Officials said the\n\n   Kremlin was informed.", ("the\n\n   Kremlin", "RU", "country")),
    ("They went to Moscow.", ("Moscow", "RU", "country")),
    ("The bathe Kremlin party.", ("Kremlin", "RU", "country")),  # "the" inside a word is no determiner
])
def test_country_noun_takes_its_determiner(text: str, expected: tuple[str, str, str]) -> None:
    assert _mentions(text) == [expected]


def test_role_phrase_takes_its_determiner_and_stays_a_party() -> None:
    found = find_mentions("Lavrov later called the Syrian president.", GAZETTEER, DAY)
    role = [m for m in found if m.country == "SY"]
    assert [(m.text, m.start, m.kind) for m in role] == [("the Syrian president", 20, "person")]


def test_name_inside_a_word_is_not_a_mention() -> None:
    assert [m for m in _mentions("The xPutin and pro-Moscow groups met.") if m[0].endswith("Putin")] == []


@pytest.mark.parametrize(("text", "role"), [
    ("Russian Deputy Foreign Minister Mikhail Bogdanov arrived.", "Russian Deputy Foreign Minister"),
    ("He met Deputy Foreign Minister, Mikhail Bogdanov, on Monday.", "Deputy Foreign Minister"),
    ("Talks with Mikhail Bogdanov went on.", None),
    ("The Minister's Mikhail Bogdanov went on.", "Minister's"),  # "the" is a title word, "The" not
])
def test_printed_title_before_a_registry_name(text: str, role: str | None) -> None:
    bogdanov = [m for m in find_mentions(text, GAZETTEER, DAY) if m.text == "Mikhail Bogdanov"]
    assert bogdanov and bogdanov[0].role == role


def test_article_naming_one_side_only_has_no_clauses() -> None:
    anchor = EventDate(DAY, Precision.DAY, DateBasis.PUBLICATION)
    one_sided = "Vladimir Putin met the Turkish president in Sochi on Monday. They discussed gas prices."
    clauses, mentions = find_clauses(one_sided, anchor, GAZETTEER)
    assert clauses == [] and mentions
    both = "Vladimir Putin met Bashar al-Assad in Sochi on Monday."
    clauses, _ = find_clauses(both, anchor, GAZETTEER)
    assert clauses and clauses[0].date is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("The foreign ministers of Russia, Iran, Turkey and Syria met in Moscow.",
     [("Russia", "Sergey Lavrov"), ("Syria", "Faisal Mekdad")]),
    ("The Presidents of Syria and Russia spoke on Monday.",
     [("Syria", "Bashar al-Assad"), ("Russia", "Vladimir Putin")]),
    ("The defence minister of Iran met the envoy.", []),
])
def test_office_of_a_list_of_countries_names_each_holder(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.text, m.name) for m in find_mentions(text, GAZETTEER, date(2023, 5, 10)) if m.kind == "person"]
    assert found == expected


def test_office_of_a_country_needs_the_day_to_name_its_holder() -> None:
    found = find_mentions("The foreign minister of Syria arrived.", GAZETTEER, None)
    assert [(m.text, m.kind) for m in found] == [("Syria", "country")]


@pytest.mark.parametrize("text,key", [
    ("Ahmad al-Chareh arrived in Moscow.", "ahmed-al-sharaa"),
    ("Sergej Lavrov spoke to reporters.", "sergey-lavrov"),
])
def test_french_and_german_transliterations_are_aliases(text: str, key: str) -> None:
    # the whole name is the mention, not only the surname after it
    assert (0, key) in {(m.start, m.key) for m in find_mentions(text, load_gazetteer(), None)}


def test_body_named_after_the_is_no_person_of_the_apposition() -> None:
    found = _mentions("Elsewhere at the Arab League, Russia's envoy Ivan Petrovsky spoke about Gaza.")
    assert not any("Arab League" in str(m) for m in found)
