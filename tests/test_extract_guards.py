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
