"""Topics and places named in an event's own excerpts."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from events.gazetteer import Gazetteer, Place
from events.keywords import KeywordIndex, build_keyword_index


@cache
def _topic_index(gazetteer: Gazetteer) -> KeywordIndex:
    return build_keyword_index((t.key, t.keywords) for t in gazetteer.topics)


def find_topics(texts: Iterable[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Topic keys whose keywords occur in `texts`, in the order of the topic file."""
    found = _topic_index(gazetteer).find("\n".join(texts))
    return tuple(t.key for t in gazetteer.topics if t.key in found)


@cache
def _place_pattern(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, Place]]:
    surface = {}
    for place in gazetteer.places:
        for name in (place.name, *place.aliases):
            surface.setdefault(name.lower(), place)
    alternation = "|".join(re.escape(s) for s in sorted(surface, key=len, reverse=True))
    # "at the port of Latakia", "in the city of Aleppo", "in the Black Sea resort of Sochi": the place behind a noun
    # naming its kind, with up to two words before it
    kind = (r"(?:(?:[\w'’-]+\s+){0,2}?(?:port|city|town|village|province|governorate|region|outskirts|countryside|"
            r"resort|capital)\s+of\s+)?")
    pattern = re.compile(r"\b(?P<prep>in|at|to|inside|near|into|visit(?:ed|ing|s)?|tour(?:ed|ing|s)?)\s+(?:the\s+)?" + kind
                         + r"(?P<place>" + alternation + r")(?![\w-])"
                         # "contacts in the Astana format": a format of talks named after a city, not a place
                         + r"(?!\s+(?:format|process|group|formula|guarantors?)\b)", re.I)
    return pattern, surface


# "according to the Kremlin" cites a source; "the new authorities in Damascus" names a government by its seat, and
# so does "the change of power in Damascus"; "the situation in Idlib" (", including in Idlib") is what was talked about.
NOT_A_PLACE = re.compile(r"(?:\baccording|\b(?:authorities|government|leadership|rulers|regime|administration|"
                         # a body by its seat: "the work of the Constitutional Committee in Geneva"
                         r"committee|council|commission|court|mission|headquarters|"
                         r"officials|embassy|leaders|power|situation|developments|fighting|attacks|escalation|war|"
                         r"crisis|conflict|offensive|operations|events|violence|clashes|tensions|unrest|civilians|"
                         r"people|residents|refugees|"
                         # "views on the situation in Syria, including in the Idlib zone": one more thing talked about
                         r"including|notably|particularly|especially))\s+$", re.I)


# "DAMASCUS, March 4 (SANA) -", "Damascus, 17 February 2020 (SANA) –", "MOSCOW, June 3. /TASS/.": the city a
# wire story was filed from, when a known place.
DATELINE_CITY = re.compile(r"\s*(?P<city>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*[,(][^\n]{0,60}?"
                           r"(?:\([^()\n]{1,40}\)|/[A-Z]{2,}/)\.?\s*(?:(?:::|--|[-–—])\s*)?")


def dateline_place(text: str, gazetteer: Gazetteer) -> tuple[str, int] | None:
    """The known place a wire dateline at the start of `text` names, with the offset where the dateline ends."""
    m = DATELINE_CITY.match(text)
    if m is None:
        return None
    place = _place_pattern(gazetteer)[1].get(m.group("city").lower())
    return (place.name, m.end()) if place else None


def _place_in(text: str, gazetteer: Gazetteer, travel: bool, lo: int = 0, hi: int | None = None) -> str | None:
    """The first place `text` (or text[lo:hi]) puts something in."""
    pattern, surface = _place_pattern(gazetteer)
    for m in pattern.finditer(text, lo, len(text) if hi is None else hi):
        if NOT_A_PLACE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if travel or m.group("prep").lower() in {"in", "at"}:
            return surface[m.group("place").lower()].name
    return None


def place_country(text: str, gazetteer: Gazetteer) -> str | None:
    """The country of the first place `text` puts something in or sends it to ("docked at Latakia")."""
    pattern, surface = _place_pattern(gazetteer)
    for m in pattern.finditer(text):
        if not NOT_A_PLACE.search(text, max(0, m.start() - 30), m.start()):
            return surface[m.group("place").lower()].country
    return None


# What goes on about the happening just told: ", when he stopped at ...", ", where ...", ", landing at ...".
ELABORATION = re.compile(r"\s*,\s*(?:when|where|[a-z]+ing)\b")


def find_location(texts: list[str], gazetteer: Gazetteer, travel: bool = True,
                  dateline: str | None = None, part: tuple[int, int] | None = None) -> str | None:
    """The first place an excerpt puts the contact in ("in Damascus", "at the Kremlin", "to Moscow", "visited
    Hama"); with `travel` false (a statement is made where the speaker is, not where a visit goes), only
    "in" and "at" count. `part` (offsets in the first excerpt) is the clause that tells the contact, when the
    sentence tells more than one happening: a place named there comes first ("It was his first visit to Moscow
    since 2015; the two leaders last met in Damascus in January 2020" puts the January meeting in Damascus), then
    one in the clause after it that goes on about it (`ELABORATION`).
    When the first excerpt names no place, the city of its `dateline` comes before the places of later excerpts,
    which mostly tell what was discussed."""
    own = _place_in(texts[0], gazetteer, travel, *part) if texts and part else None
    if own:
        return own
    if texts and part and ELABORATION.match(texts[0], part[1]):
        # "...; his previous trip was in May 2016, when he stopped at Hmeimim", "..., landing at Hmeimim": a
        # clause that goes on about the happening of the part (not "flew to Moscow weeks after the campaign began
        # in 2015, met Putin in Sochi")
        own = _place_in(texts[0], gazetteer, travel, part[1])
        if own:
            return own
    first = _place_in(texts[0], gazetteer, travel) if texts else None
    if first or dateline:
        return first or dateline
    return next(filter(None, (_place_in(t, gazetteer, travel) for t in texts[1:])), None)
