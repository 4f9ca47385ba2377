"""dashboard.filters: which rows each FilterState keeps."""
from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from dashboard import dataset, reference
from dashboard.filters import (
    NO_PLACE,
    FilterState,
    active_filters,
    actor_options,
    apply_filters,
    filter_options,
    list_options,
    no_match_message,
    year_bounds,
)
from dashboard.reference import Era

REPO = Path(__file__).resolve().parent.parent


def _record(event_id, date, precision, event_type, actors, modality="reported", title="t", excerpt="",
            topics=(), outlets=("O",), more=""):
    sources = [{"article": "a.txt", "title": title, "outlet": outlet, "url": None, "published": None,
                "excerpt": excerpt, "start": 0, "end": len(excerpt)} for outlet in outlets]
    if more:
        sources.append({"article": "b.txt", "title": "second report", "outlet": "Later Post", "url": None,
                        "published": None, "excerpt": more, "start": 0, "end": len(more)})
    return {
        "event_id": event_id, "date": date, "date_precision": precision, "date_basis": "stated",
        "event_type": event_type, "modality": modality, "title": title,
        "actors": [{"name": n, "country": c, "role": None, "id": None} for n, c in actors],
        "location": None, "topics": list(topics), "sources": sources,
    }


RECORDS = [
    _record("e1", "2015-10-20", "day", "meeting", [("Bashar al-Assad", "SY"), ("Vladimir Putin", "RU")],
            title="Assad meets Putin in Moscow", topics=("military", "diplomacy"), outlets=("Wire A", "Daily B")),
    _record("e2", "2018", "year", "agreement", [("Syria", "SY"), ("Russia", "RU")], excerpt="Tartus lease",
            topics=("bases",)),
    _record("e3", "2020-09", "month", "call", [("Faisal Mekdad", "SY"), ("Sergey Lavrov", "RU")],
            more="They spoke about wheat shipments."),
    _record("e4", "2025-01-28", "day", "meeting", [("Ahmed al-Sharaa", "SY"), ("Mikhail Bogdanov", "RU")],
            modality="planned", outlets=("Daily B",)),
    _record("e5", None, "unknown", "statement", [("Syria", "SY"), ("Vladimir Putin", "RU")]),
    _record("e6", "2024-12", "month", "statement", [("Dmitry Peskov", "RU")], topics=("diplomacy",)),
    _record("e7", "2024-12-07", "day", "call", [("Syria", "SY")]),
    _record("e8", "2024", "year", "aid", [("Russia", "RU")]),
]

ERAS = (Era("assad", "Assad era", None, date(2024, 12, 8)), Era("transition", "Transition", date(2024, 12, 8), None))


@pytest.fixture(scope="module")
def frame():
    return dataset.to_frame(RECORDS)


ALL = {"e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"}


@pytest.mark.parametrize(("state", "expected"), [
    (FilterState(), ALL),
    (FilterState(actors=("Vladimir Putin",)), {"e1", "e5"}),
    (FilterState(actors=("Vladimir Putin", "Sergey Lavrov")), {"e1", "e3", "e5"}),
    (FilterState(actors=("Nobody",)), set()),
    (FilterState(years=(2015, 2018)), {"e1", "e2"}),
    (FilterState(years=(2018, 2018)), {"e2"}),           # inclusive at both ends
    (FilterState(years=(2020, 2015)), {"e1", "e2", "e3"}),  # reversed range is the same range
    (FilterState(years=(2019, 2019)), set()),
    (FilterState(years=(2000, 2030)), ALL - {"e5"}),  # undated events have no year
    (FilterState(event_types=("meeting",)), {"e1", "e4"}),
    (FilterState(event_types=("meeting", "call")), {"e1", "e3", "e4", "e7"}),
    (FilterState(modalities=("planned",)), {"e4"}),
    (FilterState(query="tartus"), {"e2"}),
    (FilterState(query="  MOSCOW "), {"e1"}),
    (FilterState(query="lavrov"), {"e3"}),               # actor names are searched too
    (FilterState(query="(a+"), set()),                   # plain text, not a regex
    (FilterState(actors=("Vladimir Putin",), years=(2010, 2016)), {"e1"}),
    (FilterState(actors=("Vladimir Putin",), event_types=("call",)), set()),
    (FilterState(side="SY"), ALL - {"e6", "e8"}),
    (FilterState(side="RU"), ALL - {"e7"}),
    (FilterState(side="RU", actors=("Syria",)), {"e2", "e5"}),
    # The boundary is 8 Dec 2024: 7 Dec is Assad era; Dec 2024 and 2024 straddle it, so count in both.
    (FilterState(eras=("assad",)), {"e1", "e2", "e3", "e6", "e7", "e8"}),
    (FilterState(eras=("transition",)), {"e4", "e6", "e8"}),
    (FilterState(eras=("assad", "transition")), ALL - {"e5"}),
    (FilterState(topics=("diplomacy",)), {"e1", "e6"}),
    (FilterState(topics=("bases", "military")), {"e1", "e2"}),
    (FilterState(outlets=("Daily B",)), {"e1", "e4"}),
    (FilterState(outlets=("Later Post",)), {"e3"}),      # any source's outlet, not only the first
    (FilterState(query="WHEAT"), {"e3"}),                # excerpts of every source are searched
    (FilterState(query="second  report"), {"e3"}),       # source titles too; spaces collapsed
    (FilterState(eras=("transition",), event_types=("aid",), side="RU"), {"e8"}),
])
def test_filters_apply_filters_keeps_expected_rows(frame, state, expected):
    assert set(apply_filters(frame, state, ERAS)["event_id"]) == expected


def test_filters_default_eras_come_from_the_landmark_data(frame):
    with open(REPO / "events" / "data" / "landmarks.toml", "rb") as fh:
        fall = next(m for m in tomllib.load(fh)["landmark"] if m["id"] == reference.ERA_BOUNDARY_LANDMARK)
    assert reference.era_boundary() == date.fromisoformat(fall["date"])
    assert [(e.start, e.end) for e in reference.eras()] == [(None, reference.era_boundary()),
                                                            (reference.era_boundary(), None)]
    kept = apply_filters(frame, FilterState(eras=("transition",)))
    assert set(kept["event_id"]) == set(apply_filters(frame, FilterState(eras=("transition",)), ERAS)["event_id"])


def test_filters_apply_filters_keeps_columns_and_order(frame):
    out = apply_filters(frame, FilterState(event_types=("meeting", "agreement")))
    assert list(out.columns) == list(frame.columns)
    assert list(out["event_id"]) == ["e1", "e2", "e4"]


def test_filters_list_options_most_frequent_first(frame):
    assert list_options(frame["outlets"]) == ["O", "Daily B", "Later Post", "Wire A"]
    assert list_options(frame["topics"])[:1] == ["diplomacy"]


def test_filters_apply_filters_on_empty_frame():
    empty = dataset.to_frame([])
    assert apply_filters(empty, FilterState(actors=("x",), years=(1, 2), query="q")).empty


def test_filters_state_is_frozen():
    with pytest.raises(AttributeError):
        FilterState().actors = ("x",)  # type: ignore[misc]


def test_filters_year_bounds(frame):
    assert year_bounds(frame) == (2015, 2025)
    assert year_bounds(dataset.to_frame(RECORDS[4:5])) is None


def test_filters_actor_options_syrian_side_first(frame):
    options = actor_options(frame)
    assert sorted(options) == sorted({"Bashar al-Assad", "Vladimir Putin", "Syria", "Russia", "Faisal Mekdad",
                                      "Sergey Lavrov", "Ahmed al-Sharaa", "Mikhail Bogdanov", "Dmitry Peskov"})
    assert options[0] == "Syria"  # three events: most frequent Syrian actor first
    assert options.index("Ahmed al-Sharaa") < options.index("Vladimir Putin")


def test_filters_filter_options_offer_every_value(frame):
    options = filter_options(frame, ("meeting", "call", "statement"))
    assert options.actors == tuple(actor_options(frame))
    assert dict(options.countries)["Dmitry Peskov"] == "RU"
    assert options.years == (2015, 2025)
    assert options.event_types == ("meeting", "call", "statement", "agreement", "aid")
    assert set(options.topics) == {"military", "diplomacy", "bases"}
    assert options.outlets[0] == "O" and "Later Post" in options.outlets
    assert options.modalities == ("planned", "reported")


def _placed(event_id, location, precision="day", date="2020-01-02"):
    record = _record(event_id, date if precision != "unknown" else None, precision, "meeting",
                     [("Syria", "SY"), ("Russia", "RU")])
    record["location"] = location
    return record


@pytest.fixture(scope="module")
def placed():
    return dataset.to_frame([_placed("p1", "Moscow"), _placed("p2", "Damascus", "month", "2020-01"),
                             _placed("p3", None, "year", "2020"), _placed("p4", "Moscow", "unknown"),
                             _placed("p5", "", "day")])


@pytest.mark.parametrize(("state", "expected"), [
    (FilterState(locations=("Moscow",)), ["p1", "p4"]),
    (FilterState(locations=("Damascus", NO_PLACE)), ["p2", "p3", "p5"]),
    (FilterState(precisions=("month", "year")), ["p2", "p3"]),
    (FilterState(precisions=("unknown",)), ["p4"]),
    (FilterState(locations=("Moscow",), precisions=("day",)), ["p1"]),
    (FilterState(locations=("Damascus",), precisions=("day",)), []),
])
def test_filters_location_and_precision(placed, state, expected):
    assert sorted(apply_filters(placed, state)["event_id"]) == expected


def test_filters_location_and_precision_options(placed):
    options = filter_options(placed)
    assert options.locations == ("Moscow", "Damascus", NO_PLACE)
    assert options.precisions == ("day", "month", "year", "unknown")
    some = placed[placed["event_id"].isin(["p1", "p2"])]
    assert filter_options(some).locations == ("Damascus", "Moscow")  # nowhere-placed only if present


def test_filters_no_match_message_names_the_filters_in_use():
    state = FilterState(actors=("Vladimir Putin",), years=(2015, 2016), locations=("Sochi",), query="  wheat ")
    assert active_filters(state) == ["actors", "years", "places", "search"]
    assert no_match_message(state).startswith("No event matches these filters (actors, years, places, search).")
    assert active_filters(FilterState(query="   ")) == []
    assert "(" not in no_match_message(FilterState()).split(".")[0]
