"""The anchor every relative date is resolved against: the publication date, or one inferred from the text."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from events.gazetteer import Gazetteer
from events.model import DateBasis, EventDate, Precision
from events.timex_resolve import number
from events.timex_rules import load_vocabulary
from loaders.article import Article
from loaders.datelines import find_calendar_dates

# A landmark in the last month of its year says nothing of the publication year: articles cite a landmark for
# years, so one written "since the fall of the Assad government" (8 December 2024) is most likely from a later year.
OPEN_YEAR_END = timedelta(days=31)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


# Words that make the time said to have passed a guess: "nearly a year after" moves nothing.
_HEDGE = re.compile(r"\b(?:nearly|almost|about|around|some|roughly|less than|under)\s+$", re.I)


@cache
def _elapsed_before() -> re.Pattern[str]:
    """Time said to have passed since a landmark, just before it: "two years after", "a year since", "the first
    anniversary of"."""
    numbers = "|".join(sorted((re.escape(w) for w in load_vocabulary().numbers), key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?P<num>\d+|{numbers})\s+(?P<unit>day|week|month|year)s?\s+(?:after|since)"
        rf"|\b(?P<ord>{'|'.join(_ORDINALS)}|\d+(?:st|nd|rd|th))\s+anniversary\s+of)\s+(?:the\s+)?$", re.I)


def _elapsed_days(before: str) -> int:
    """Days that the words just before a landmark say have passed since it (0 when they say nothing)."""
    m = _elapsed_before().search(before)
    if m is None:
        return 0
    if m.group("ord"):
        word = m.group("ord").lower()
        return 365 * (int(word[:-2]) if word[0].isdigit() else _ORDINALS.index(word) + 1)
    if _HEDGE.search(before, 0, m.start("num")):
        return 0
    return int(number(m.group("num")) or 0) * _UNIT_DAYS[m.group("unit").lower()]


def find_landmarks(text: str, gazetteer: Gazetteer) -> tuple[tuple[str, date], ...]:
    """Landmark events the text refers to, as (id, the earliest day the text can have been written on).

    That day is the landmark's own, moved on by the time the text says has passed since it ("a year after the
    fall of the Assad government")."""
    found = []
    lowered = text.lower()
    for lm in gazetteer.landmarks:
        if lm.keywords and not any(k in lowered for k in lm.keywords):
            continue
        days = [_elapsed_days(text[max(0, m.start() - 60): m.start()])
                for p in lm.patterns for m in p.finditer(text)]
        if days:
            found.append((lm.landmark_id, lm.day + timedelta(days=max(days))))
    return tuple(found)


def _year_end(day: date) -> bool:
    """True for a day in the last month of its year (`OPEN_YEAR_END`)."""
    return date(day.year, 12, 31) - day < OPEN_YEAR_END


def publication_anchor(article: Article, gazetteer: Gazetteer) -> tuple[EventDate | None, str]:
    """The publication date as an anchor, and a note on where it came from.

    Without a known date, the article was written on or after the latest landmark or dated event it
    mentions; its year is taken as the publication year (precision year, basis inferred). An article
    with no such evidence gets no anchor, and neither does one whose latest evidence is a landmark in the
    last month of a year: an unknown date beats a wrong one.
    """
    if article.published:
        return EventDate(article.published, Precision.DAY, DateBasis.STATED), article.published_source.value
    evidence: list[tuple[date, bool, str]] = [(day, True, f"landmark {lid}")
                                              for lid, day in find_landmarks(article.text, gazetteer)]
    evidence += [(found.value, False, f"date {found.value.isoformat()} in text")
                 for found in find_calendar_dates(article.text)]
    if not evidence:
        return None, "no publication date and nothing in the text to infer one from"
    latest, is_landmark, why = max(evidence)
    if is_landmark and _year_end(latest):
        return None, f"no publication date: the latest evidence, {why} ({latest.isoformat()}), ends a year"
    return EventDate(date(latest.year, 1, 1), Precision.YEAR, DateBasis.INFERRED), f"year inferred from {why}"
