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
# "half a year after": half the unit, not a whole one
_HALF = re.compile(r"\bhalf[\s-]+$", re.I)
# A landmark pattern may itself open with the word that tells time has passed ("since Russia intervened in
# Syria"): the amount before it ("two years since ...") still counts.
_LEADING_LINK = re.compile(r"(?:after|since)\s+", re.I)


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
    days = int(number(m.group("num")) or 0) * _UNIT_DAYS[m.group("unit").lower()]
    return days // 2 if _HALF.search(before, 0, m.start("num")) else days


def _words_before(text: str, m: re.Match[str]) -> str:
    """The words before a landmark's mention, with the 'since' or 'after' that opens the mention itself."""
    link = _LEADING_LINK.match(m.group())
    return text[max(0, m.start() - 60): m.start()] + (link.group() if link else "")


def _landmark_mentions(text: str, gazetteer: Gazetteer) -> list[tuple[str, date, bool]]:
    """(id, earliest day of writing, whether time said to have passed moved it) for each landmark named."""
    found = []
    lowered = text.lower()
    for lm in gazetteer.landmarks:
        if lm.keywords and not any(k in lowered for k in lm.keywords):
            continue
        days = [_elapsed_days(_words_before(text, m)) for p in lm.patterns for m in p.finditer(text)]
        if days:
            found.append((lm, max(days)))
    return [(lm.landmark_id, lm.day + timedelta(days=moved), lm.cited_for_years and not moved)
            for lm, moved in found]


def find_landmarks(text: str, gazetteer: Gazetteer) -> tuple[tuple[str, date], ...]:
    """Landmark events the text refers to, as (id, the earliest day the text can have been written on).

    That day is the landmark's own, moved on by the time the text says has passed since it ("a year after the
    fall of the Assad government")."""
    return tuple((lid, day) for lid, day, _ in _landmark_mentions(text, gazetteer))


def _year_end(day: date) -> bool:
    """True for a day in the last month of its year (`OPEN_YEAR_END`)."""
    return date(day.year, 12, 31) - day < OPEN_YEAR_END


# The lead: the opening of the story, where news tells the day it is about. A full date further down is
# background ("under a lease signed on January 18, 2017") and says nothing of when the article was written.
LEAD_CHARS = 300


def lead(text: str) -> str:
    """The story's first paragraph, and the next ones while the lead is shorter than `LEAD_CHARS`."""
    end = 0
    while end < min(LEAD_CHARS, len(text)):
        nxt = text.find("\n\n", end + 1)
        end = len(text) if nxt < 0 else nxt
    return text[:end]


# A year the text names ("in 2019", "the 2021 election"), not part of a larger number or an amount.
_NAMED_YEAR = re.compile(r"(?<![\d,.$£€/-])\b((?:19|20)\d\d)\b(?![,.]?\d|\s*%)")


def publication_anchor(article: Article, gazetteer: Gazetteer) -> tuple[EventDate | None, str]:
    """The publication date as an anchor, and a note on where it came from.

    Without a known date, the article was written on or after the latest landmark it mentions or the latest
    full date its lead states; that year is taken as the publication year (precision year, basis inferred).
    An article gets no anchor, an unknown date beating a wrong one, when it holds no such evidence; when the
    latest evidence leaves the year open (a day in the last month of a year, a landmark cited for years with
    no time said to have passed); or when the text names a later year than the evidence gives.
    """
    if article.published:
        return EventDate(article.published, Precision.DAY, DateBasis.STATED), article.published_source.value
    evidence: list[tuple[date, bool, str]] = [(day, open_, f"landmark {lid}")
                                              for lid, day, open_ in _landmark_mentions(article.text, gazetteer)]
    evidence += [(found.value, False, f"date {found.value.isoformat()} in the lead")
                 for found in find_calendar_dates(lead(article.text))]
    if not evidence:
        return None, "no publication date and nothing in the text to infer one from"
    latest, open_, why = max(evidence)
    if _year_end(latest):
        return None, f"no publication date: the latest evidence, {why} ({latest.isoformat()}), ends a year"
    if open_:
        return None, f"no publication date: the latest evidence, {why} ({latest.isoformat()}), is cited for years"
    later = sorted({int(y) for y in _NAMED_YEAR.findall(article.text) if int(y) > latest.year})
    if later:
        return None, f"no publication date: the text names {later[-1]}, later than {why} ({latest.isoformat()})"
    return EventDate(date(latest.year, 1, 1), Precision.YEAR, DateBasis.INFERRED), f"year inferred from {why}"
