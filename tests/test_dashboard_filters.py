"""dashboard.filters: which rows each FilterState keeps."""
from __future__ import annotations

import pytest

from dashboard import dataset
from dashboard.filters import FilterState, actor_options, apply_filters, year_bounds


def _record(event_id, date, precision, event_type, actors, modality="reported", title="t", excerpt=""):
    return {
        "event_id": event_id, "date": date, "date_precision": precision, "date_basis": "stated",
        "event_type": event_type, "modality": modality, "title": title,
        "actors": [{"name": n, "country": c, "role": None, "id": None} for n, c in actors],
        "location": None, "topics": [],
        "sources": [{"article": "a.txt", "title": title, "outlet": "O", "url": None, "published": None,
                     "excerpt": excerpt, "start": 0, "end": len(excerpt)}],
    }


RECORDS = [
    _record("e1", "2015-10-20", "day", "meeting", [("Bashar al-Assad", "SY"), ("Vladimir Putin", "RU")],
            title="Assad meets Putin in Moscow"),
    _record("e2", "2018", "year", "agreement", [("Syria", "SY"), ("Russia", "RU")], excerpt="Tartus lease"),
    _record("e3", "2020-09", "month", "call", [("Faisal Mekdad", "SY"), ("Sergey Lavrov", "RU")]),
    _record("e4", "2025-01-28", "day", "meeting", [("Ahmed al-Sharaa", "SY"), ("Mikhail Bogdanov", "RU")],
            modality="planned"),
    _record("e5", None, "unknown", "statement", [("Syria", "SY"), ("Vladimir Putin", "RU")]),
]


@pytest.fixture(scope="module")
def frame():
    return dataset.to_frame(RECORDS)


@pytest.mark.parametrize(("state", "expected"), [
    (FilterState(), {"e1", "e2", "e3", "e4", "e5"}),
    (FilterState(actors=("Vladimir Putin",)), {"e1", "e5"}),
    (FilterState(actors=("Vladimir Putin", "Sergey Lavrov")), {"e1", "e3", "e5"}),
    (FilterState(actors=("Nobody",)), set()),
    (FilterState(years=(2015, 2018)), {"e1", "e2"}),
    (FilterState(years=(2018, 2018)), {"e2"}),           # inclusive at both ends
    (FilterState(years=(2020, 2015)), {"e1", "e2", "e3"}),  # reversed range is the same range
    (FilterState(years=(2019, 2019)), set()),
    (FilterState(years=(2000, 2030)), {"e1", "e2", "e3", "e4"}),  # undated events have no year
    (FilterState(event_types=("meeting",)), {"e1", "e4"}),
    (FilterState(event_types=("meeting", "call")), {"e1", "e3", "e4"}),
    (FilterState(modalities=("planned",)), {"e4"}),
    (FilterState(query="tartus"), {"e2"}),
    (FilterState(query="  MOSCOW "), {"e1"}),
    (FilterState(query="lavrov"), {"e3"}),               # actor names are searched too
    (FilterState(query="(a+"), set()),                   # plain text, not a regex
    (FilterState(actors=("Vladimir Putin",), years=(2010, 2016)), {"e1"}),
    (FilterState(actors=("Vladimir Putin",), event_types=("call",)), set()),
])
def test_filters_apply_filters_keeps_expected_rows(frame, state, expected):
    assert set(apply_filters(frame, state)["event_id"]) == expected


def test_filters_apply_filters_keeps_columns_and_order(frame):
    out = apply_filters(frame, FilterState(event_types=("meeting", "agreement")))
    assert list(out.columns) == list(frame.columns)
    assert list(out["event_id"]) == ["e1", "e2", "e4"]


def test_filters_apply_filters_on_empty_frame():
    empty = dataset.to_frame([])
    assert apply_filters(empty, FilterState(actors=("x",), years=(1, 2), query="q")).empty


def test_filters_state_is_frozen():
    with pytest.raises(AttributeError):
        FilterState().actors = ("x",)  # type: ignore[misc]


def test_filters_year_bounds(frame):
    assert year_bounds(frame) == (2015, 2025)
    assert year_bounds(dataset.to_frame(RECORDS[4:])) is None


def test_filters_actor_options_syrian_side_first(frame):
    options = actor_options(frame)
    assert sorted(options) == sorted({"Bashar al-Assad", "Vladimir Putin", "Syria", "Russia", "Faisal Mekdad",
                                      "Sergey Lavrov", "Ahmed al-Sharaa", "Mikhail Bogdanov"})
    assert options[0] == "Syria"  # two events: most frequent Syrian actor first
    assert options.index("Ahmed al-Sharaa") < options.index("Vladimir Putin")
