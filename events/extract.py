"""Turn one article into events: find contact sentences, then group the sentences about one contact."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from events.actors import COUNTRY_NAMES, Mention, find_mentions
from events.dates import Timex, find_dates
from events.gazetteer import Gazetteer
from events.model import DateBasis, EventDate, EventType, Modality, Precision
from events.sentences import Sentence, split_sentences

CONTACT_TYPES = {EventType.MEETING, EventType.CALL}
# Prepositions that put a date outside the event itself ("since 2018", "until 2030").
NON_EVENT_PREPOSITIONS = {"since", "until", "till", "before", "after", "by", "from"}
ANAPHORA = re.compile(r"\b(?:(?:the|that|this|their|during the|at the)\s+(?:meeting|talks|visit|session|discussions?|"
                      r"conversation|call|negotiations|consultations|summit)|the two (?:presidents|leaders|ministers|"
                      r"sides|men|officials|delegations))\b", re.I)
PRONOUN_SUBJECT = re.compile(r"^(?:[\"“]?\s*)?(?:His|Her)\b|\b(?:[Hh]e|[Ss]he)\s+[a-z]")
REMARKS = re.compile(r"\b(?:the|his|her|these|those|their)\s+(?:remarks|comments|statement|words)\b", re.I)
OFFICIAL_REFERENCE = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?P<nat>Syrian|Russian)\s+(?:official|minister|diplomat|envoy|leader)\b")
NARRATIVE_WINDOW = timedelta(days=8)


@dataclass(slots=True)
class Clause:
    """A sentence's contribution to an event: its parties, type, date and excerpt."""

    index: int
    sentence: Sentence
    event_type: EventType | None
    modality: Modality
    persons: dict[str, set[str]]          # country -> mention keys of the people taking part
    countries: set[str]                   # countries named as countries or through their bodies
    date: EventDate | None
    anaphoric: bool
    bodies: dict[str, set[str]] = field(default_factory=lambda: {"SY": set(), "RU": set()})
    remarks: bool = False                 # refers back to remarks: "made the remarks during his visit"


@dataclass(slots=True)
class Draft:
    """An event being assembled inside one article."""

    event_type: EventType
    modality: Modality
    persons: dict[str, set[str]]
    countries: set[str]
    clauses: list[Clause] = field(default_factory=list)
    date: EventDate | None = None
    bodies: dict[str, set[str]] = field(default_factory=lambda: {"SY": set(), "RU": set()})

    @property
    def last_index(self) -> int:
        return max(c.index for c in self.clauses)

    def distance(self, index: int) -> int:
        """How many sentences separate sentence `index` from the nearest sentence of this draft."""
        return min(abs(c.index - index) for c in self.clauses)


BACKGROUND = re.compile(r"\b(?:who|whom|whose|which|where|since|despite|amid|although|though|ousted|toppled)\b"
                        r"[^,;:]*", re.I)


def participants(mentions: list[Mention], sentence: Sentence) -> list[Mention]:
    """The parties a sentence makes of the people it names: not those inside a background clause
    ("... visit to Moscow, where al-Assad has lived in exile", "since al-Assad's ouster")."""
    spans = [(sentence.start + m.start(), sentence.start + m.end()) for m in BACKGROUND.finditer(sentence.text)]
    return [x for x in mentions if x.is_country or not any(s <= x.start < e for s, e in spans)]


def _sides(mentions: list[Mention]) -> tuple[dict[str, set[str]], set[str], dict[str, set[str]]]:
    """People per side, countries named as such, and bodies per side (which count as their country)."""
    persons: dict[str, set[str]] = {"SY": set(), "RU": set()}
    bodies: dict[str, set[str]] = {"SY": set(), "RU": set()}
    countries: set[str] = set()
    for m in mentions:
        if m.country not in persons:
            continue
        if m.is_country:
            countries.add(m.country)
        elif m.kind == "body":
            countries.add(m.country)
            bodies[m.country].add(m.key)
        else:
            persons[m.country].add(m.key)
    return persons, countries, bodies


def _has_side(persons: dict[str, set[str]], countries: set[str], iso: str) -> bool:
    return bool(persons[iso]) or iso in countries


# A trigger that is what was talked about ("briefed him on the summit") or a point of reference
# ("three weeks before the visit") is not the sentence's own event.
TOPIC_OF = re.compile(r"\b(?:on|about|over|regarding|of|before|ahead of|since)\s+"
                      r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:\w+\s+)?$", re.I)


def _event_type(text: str, gazetteer: Gazetteer) -> tuple[EventType | None, int]:
    """The sentence's event type by trigger priority; a trigger that is what was talked about
    ("briefed him on the summit between ...") does not count."""
    for rule in gazetteer.event_types:
        if rule.pattern is None:
            continue
        for m in rule.pattern.finditer(text):
            if not TOPIC_OF.search(text[max(0, m.start() - 30):m.start()]):
                return EventType(rule.name), m.start()
    return None, -1


def _clause_date(timexes: list[Timex], sentence: Sentence, trigger_at: int) -> EventDate | None:
    usable = [t for t in timexes if t.preposition not in NON_EVENT_PREPOSITIONS]
    if not usable:
        return None
    if trigger_at >= 0:
        at = sentence.start + trigger_at
        usable.sort(key=lambda t: (t.date.precision is Precision.YEAR, min(abs(t.start - at), abs(t.end - at))))
    return usable[0].date


def _persons_compatible(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    return all(not a[iso] or not b[iso] or a[iso] & b[iso] for iso in ("SY", "RU"))


def _dates_compatible(a: EventDate | None, b: EventDate | None) -> bool:
    return a is None or b is None or a.compatible(b)


def _merge_into(draft: Draft, clause: Clause, add_parties: bool, take_date: bool = True) -> None:
    draft.clauses.append(clause)
    if add_parties:
        for iso in ("SY", "RU"):
            draft.persons[iso] |= clause.persons[iso]
            draft.bodies[iso] |= clause.bodies[iso]
        draft.countries |= clause.countries
    if clause.date is not None and take_date:
        draft.date = clause.date if draft.date is None else draft.date.finer(clause.date)
    if add_parties and clause.event_type in CONTACT_TYPES and draft.event_type not in CONTACT_TYPES:
        draft.event_type = clause.event_type
    if clause.modality is Modality.REPORTED and clause.event_type in CONTACT_TYPES:
        draft.modality = Modality.REPORTED


def _shares(draft: Draft, clause: Clause) -> bool:
    """True when the clause names someone of the draft, or either names no one (only countries)."""
    if not any(clause.persons.values()) or not any(draft.persons.values()):
        return True
    return any(draft.persons[iso] & clause.persons[iso] for iso in ("SY", "RU"))


def _find_draft(drafts: list[Draft], clause: Clause) -> Draft | None:
    """The latest event this clause describes again, if any.

    First the same kind of event with the same people. Then a statement joins a meeting or call that the
    story is telling (within two sentences), and a meeting joins a statement only when it refers back to
    the remarks ("made the remarks on Wednesday during his visit") or they share a stated day.
    """
    usable = [d for d in reversed(drafts) if _dates_compatible(d.date, clause.date)]
    if clause.anaphoric:  # "the meeting was also attended by", "the two presidents discussed"
        for draft in usable:
            if draft.event_type in CONTACT_TYPES and draft.distance(clause.index) <= 3:
                return draft
    for draft in usable:
        if clause.event_type == draft.event_type and _persons_compatible(draft.persons, clause.persons) \
                and _shares(draft, clause):
            return draft
    for draft in usable:
        if not _persons_compatible(draft.persons, clause.persons) or not _shares(draft, clause):
            continue
        same_day = clause.date is not None and clause.date == draft.date
        if clause.event_type not in CONTACT_TYPES and draft.event_type in CONTACT_TYPES:
            if draft.distance(clause.index) <= 2 or same_day:
                return draft
        elif clause.event_type in CONTACT_TYPES and draft.event_type not in CONTACT_TYPES:
            if (clause.remarks and draft.distance(clause.index) <= 2) or same_day:
                return draft
    return None


def find_clauses(text: str, anchor: EventDate | None, gazetteer: Gazetteer) -> tuple[list[Clause], list[Mention]]:
    """Every sentence of an article with the parties, type and date it states."""
    day = anchor.value if anchor and anchor.precision is Precision.DAY else None
    sentences = split_sentences(text)
    mentions = list(find_mentions(text, gazetteer, day))
    timexes = list(find_dates(text, anchor))
    clauses: list[Clause] = []
    last_person: Mention | None = None
    last_by_country: dict[str, Mention] = {}
    for index, sentence in enumerate(sentences):
        inside = participants([m for m in mentions if sentence.start <= m.start < sentence.end], sentence)
        extra: list[Mention] = []
        if last_person and PRONOUN_SUBJECT.search(sentence.text):
            extra.append(last_person)
        for ref in OFFICIAL_REFERENCE.finditer(sentence.text):
            iso = "SY" if ref.group("nat") == "Syrian" else "RU"
            if iso in last_by_country and not any(m.country == iso and not m.is_country for m in inside):
                extra.append(last_by_country[iso])
        persons, countries, bodies = _sides(inside + extra)
        event_type, trigger_at = _event_type(sentence.text, gazetteer)
        planned = gazetteer.planned.search(sentence.text)
        date_ = _clause_date([t for t in timexes if sentence.start <= t.start < sentence.end], sentence, trigger_at)
        clauses.append(Clause(index, sentence, event_type, Modality.PLANNED if planned else Modality.REPORTED,
                              persons, countries, date_, bool(ANAPHORA.search(sentence.text)), bodies,
                              bool(REMARKS.search(sentence.text))))
        people = sorted((m for m in inside if not m.is_country and m.kind == "person"), key=lambda m: m.start)
        if people:
            last_person = people[0]
            for m in people:
                last_by_country.setdefault(m.country, m)
                last_by_country[m.country] = m
    return clauses, mentions


def _is_bilateral(clause: Clause) -> bool:
    return clause.event_type is not None and _has_side(clause.persons, clause.countries, "SY") \
        and _has_side(clause.persons, clause.countries, "RU")


def _continues(draft: Draft, clause: Clause) -> bool:
    """True when a one-sided sentence goes on about the draft's contact ("He also stressed ...")."""
    if not 0 < clause.index - draft.last_index <= 2 or not _dates_compatible(draft.date, clause.date):
        return False
    people = {k for iso in ("SY", "RU") for k in clause.persons[iso]}
    known = {k for iso in ("SY", "RU") for k in draft.persons[iso]}
    return (clause.anaphoric and draft.event_type in CONTACT_TYPES) or bool(people and people <= known)


def _new_draft(clause: Clause) -> Draft:
    return Draft(clause.event_type, clause.modality, {k: set(v) for k, v in clause.persons.items()},
                 set(clause.countries), [clause], clause.date, {k: set(v) for k, v in clause.bodies.items()})


def group_clauses(clauses: list[Clause]) -> list[Draft]:
    """One draft event per real contact: sentences about the same contact join one draft."""
    drafts: list[Draft] = []
    nameless: list[Clause] = []
    for clause in clauses:
        if _is_bilateral(clause):
            if not any(clause.persons.values()):
                nameless.append(clause)  # a lead naming only countries joins the contact it sums up, later
                continue
            draft = _find_draft(drafts, clause)
            if draft is None:
                drafts.append(_new_draft(clause))
            else:
                _merge_into(draft, clause, add_parties=clause.event_type in CONTACT_TYPES)
            continue
        latest = max(drafts, key=lambda d: d.last_index, default=None)
        if latest is not None and _continues(latest, clause):
            _merge_into(latest, clause, add_parties=False, take_date=False)
    for clause in nameless:
        draft = _find_draft(drafts, clause)
        if draft is None:
            drafts.append(_new_draft(clause))
        else:
            _merge_into(draft, clause, add_parties=False)
    for draft in drafts:
        draft.clauses.sort(key=lambda c: c.index)
    return drafts


def narrative_date(clauses: list[Clause], before: int, anchor: EventDate | None) -> EventDate | None:
    """The day the story is about: the latest day-precise date stated before sentence `before`, if it is news."""
    if anchor is None or anchor.value is None or anchor.precision is not Precision.DAY:
        return None
    for clause in reversed(clauses[:before]):
        d = clause.date
        if d and d.precision is Precision.DAY and timedelta(0) <= anchor.value - d.value <= NARRATIVE_WINDOW:
            return d
    return None


def default_date(anchor: EventDate | None) -> EventDate | None:
    """What an undated report gets: the month of publication (the year when only that is known)."""
    if anchor is None or anchor.value is None:
        return None
    basis = DateBasis.INFERRED if anchor.basis is DateBasis.INFERRED else DateBasis.PUBLICATION
    precision = Precision.YEAR if anchor.precision is Precision.YEAR else Precision.MONTH
    return EventDate(anchor.value, precision, basis)


def resolve_draft_date(draft: Draft, clauses: list[Clause], anchor: EventDate | None) -> EventDate | None:
    """The draft's own date, else the story's current day, else the publication month."""
    if draft.date is not None:
        return draft.date
    return narrative_date(clauses, draft.clauses[0].index + 1, anchor) or default_date(anchor)


def mention_names(mentions: list[Mention]) -> dict[str, Mention]:
    """The first mention of each key, to name and describe actors."""
    first: dict[str, Mention] = {}
    for m in mentions:
        first.setdefault(m.key, m)
    return first


def country_name(iso: str) -> str:
    """The display name of a country-level actor."""
    return COUNTRY_NAMES.get(iso, iso)


def _ymd(d: date) -> str:
    return d.isoformat()
