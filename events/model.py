"""The event model: dates with precision and basis, actors, sources, events."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class Precision(enum.Enum):
    """How much of a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class DateBasis(enum.Enum):
    """Why the event carries its date."""

    STATED = "stated"            # an explicit calendar date in the text
    RELATIVE = "relative"        # "on Tuesday", "last month", resolved against the publication date
    PUBLICATION = "publication"  # nothing in the text: the publication date stands in
    INFERRED = "inferred"        # the publication date itself was inferred from the text


class EventType(enum.Enum):
    """Kinds of Syria–Russia contact."""

    MEETING = "meeting"
    CALL = "call"
    AGREEMENT = "agreement"
    STATEMENT = "statement"
    AID = "aid"
    MILITARY = "military"
    OTHER = "other"


class Modality(enum.Enum):
    """Whether the contact happened or is announced."""

    REPORTED = "reported"
    PLANNED = "planned"


PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2, Precision.UNKNOWN: 3}


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date as precise as the evidence allows: `value` is truncated to `precision` when shown."""

    value: date | None
    precision: Precision
    basis: DateBasis

    def __str__(self) -> str:
        if self.value is None or self.precision is Precision.UNKNOWN:
            return ""
        if self.precision is Precision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    def span(self) -> tuple[date, date] | None:
        """The first and last day the date may stand for."""
        if self.value is None or self.precision is Precision.UNKNOWN:
            return None
        y, m = self.value.year, self.value.month
        if self.precision is Precision.YEAR:
            return date(y, 1, 1), date(y, 12, 31)
        if self.precision is Precision.MONTH:
            nxt = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
            return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
        return self.value, self.value

    def compatible(self, other: EventDate) -> bool:
        """True when one date's span contains the other's (or either is unknown)."""
        a, b = self.span(), other.span()
        if a is None or b is None:
            return True
        return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])

    def finer(self, other: EventDate) -> EventDate:
        """The more precise of two compatible dates."""
        return self if PRECISION_RANK[self.precision] <= PRECISION_RANK[other.precision] else other


UNKNOWN_DATE = EventDate(None, Precision.UNKNOWN, DateBasis.PUBLICATION)


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to a contact: a person, a body, or a country standing for its government."""

    name: str
    country: str
    role: str | None = None
    actor_id: str | None = None  # registry slug
    qid: str | None = None
    kind: str = "person"         # person | body | country

    @property
    def is_country(self) -> bool:
        """True for a country-level actor ("Russia")."""
        return self.kind == "country"


@dataclass(frozen=True, slots=True)
class Source:
    """One article's report of an event, with the excerpt and its offsets in the article's clean text."""

    article: str
    title: str
    outlet: str | None
    url: str | None
    published: date | None
    excerpt: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """A dated contact between a Syrian and a Russian party, with every report of it."""

    event_id: str
    date: EventDate
    event_type: EventType
    modality: Modality
    title: str
    actors: tuple[Actor, ...]
    location: str | None
    topics: tuple[str, ...]
    sources: tuple[Source, ...]
    cameo: str | None = None               # CAMEO root code of the event type, to line up with GDELT/ICEWS
