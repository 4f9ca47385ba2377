"""Topics and places named in an event's own excerpts."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from events.gazetteer import Gazetteer, Place


def find_topics(texts: Iterable[str], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Topic keys whose keywords occur in `texts`, in the order of the topic file."""
    joined = "\n".join(texts)
    return tuple(t.key for t in gazetteer.topics if t.pattern is not None and t.pattern.search(joined))


@cache
def _place_pattern(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, Place]]:
    surface = {}
    for place in gazetteer.places:
        for name in (place.name, *place.aliases):
            surface.setdefault(name.lower(), place)
    alternation = "|".join(re.escape(s) for s in sorted(surface, key=len, reverse=True))
    pattern = re.compile(r"\b(?P<prep>in|at|to|from|inside|near|into)\s+(?:the\s+)?(?P<place>" + alternation + r")(?![\w-])", re.I)
    return pattern, surface


def find_location(texts: Iterable[str], gazetteer: Gazetteer) -> str | None:
    """The first place an excerpt puts the contact in ("in Damascus", "at the Kremlin", "to Moscow")."""
    pattern, surface = _place_pattern(gazetteer)
    for text in texts:
        m = pattern.search(text)
        if m:
            return surface[m.group("place").lower()].name
    return None
