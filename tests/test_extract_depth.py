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
