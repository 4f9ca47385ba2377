"""Group an article's clauses into draft events: one draft per real contact, however many sentences tell it."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import timedelta

from events.actors import COUNTRY_NAMES, Mention
from events.clauses import CONTACT_TYPES, Clause, own_time_words
from events.model import DateBasis, EventDate, EventType, Modality, Precision

NARRATIVE_WINDOW = timedelta(days=8)
# An undated sentence naming only the two countries is an event by itself only when it tells of a contact or a
# deal ("Russia and Syria signed ..."); "Russia's air base in Syria ..." is background.
# "signed the deal", "ratified this agreement": a reference back to an agreement already named.
DEAL_ANAPHORA = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:deal|agreement|accord|treaty|pact|protocol|memorandum)\b",
                           re.IGNORECASE)
# "arrived in Moscow on Sunday ... On Monday he held talks with Lavrov": one visit, within this reach.
ARRIVAL_DAYS = timedelta(days=3)
ARRIVAL_SENTENCES = 4
# A military act one side's leader orders or announces is an event of its own, even when told during a visit.
ACTS = {EventType.MILITARY}
ACT_VERB = re.compile(r"\b(?:order(?:ed|s)?|announc(?:ed|es)|launch(?:ed|es)|decid(?:ed|es)|began|begins|"
                      r"start(?:ed|s)|complet(?:ed|es))\b", re.IGNORECASE)
# "... should withdraw once it started": a verb of a time or condition clause tells when, not an act done.
ACT_IN_CONDITION = re.compile(r"\b(?:once|when|if|until|unless|before|after)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def tells_an_act(text: str) -> bool:
    """True when the sentence has an act verb (`ACT_VERB`) outside a time or condition clause."""
    return any(not ACT_IN_CONDITION.search(text, max(0, m.start() - 30), m.start()) for m in ACT_VERB.finditer(text))
# A sentence whose subject is the party of the contact just told: "The delegation, which ..., is due to meet".
PARTY_REFERENCE = re.compile(r"\W*(?:the|this|that)\s+(?:\w+\s+){0,2}?(?:delegation|visitors?|guests?)\b", re.I)
# A simple present of contact in the body of a story tells what a country does as a rule, not a contact: "Moscow
# now talks to the people it once bombed". (Headlines are written in the present and stay.)
HABITUAL = re.compile(r"\b(?:talks|speaks|meets|deals|negotiates|signs)\s+(?:to|with|regularly|often)\b", re.I)
# "Mekdad and Shoigu later joined the talks": people who come into a contact already told.
JOINING = re.compile(r"\b(?:join(?:s|ed)?|attend(?:s|ed)?|took part|take part|participated|were present|was present)\b",
                     re.I)
# "Newspapers had reported that the two men met": a claim told by others, which the article may have denied.
CLAIMED = re.compile(r"\b(?:reported|reports|claimed|claims|alleged|rumou?red|speculat\w*)\b", re.I)
# "Assad, who is in Russia on an official visit", "is visiting Damascus", "is currently in Moscow": the contact
# goes on as the story is written, so an undated report of it is of the day of publication.
UNDER_WAY = re.compile(r"\b(?:(?:is|are)\s+(?:currently\s+)?(?:in\s+[A-Z][\w-]+\s+)?on\s+an?\s+(?:official\s+|"
                       r"working\s+|state\s+|two-day\s+|three-day\s+)?visit|(?:is|are)\s+(?:currently\s+)?visiting|"
                       r"(?:is|are)\s+currently\s+in\s+[A-Z])")
# "..., he said.": the words of the one just quoted.
SAID_AFTER = re.compile(r",\s+(?:he|she|they)\s+(?:said|says|added|noted)\W*$")
# An undated statement between exactly the people of a contact told this many sentences before is said there.
COVERED_REACH = 4
STANDALONE_TYPES = {EventType.MEETING, EventType.CALL, EventType.AGREEMENT}


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
    weak_date: bool = False
    entry: int = -1  # the live-blog or timeline entry that tells it (`events.clauses.entries`)

    @property
    def last_index(self) -> int:
        return max(c.index for c in self.clauses)

    def distance(self, index: int) -> int:
        """How many sentences separate sentence `index` from the nearest sentence of this draft."""
        return min(abs(c.index - index) for c in self.clauses)


def _has_side(persons: dict[str, set[str]], countries: set[str], iso: str) -> bool:
    return bool(persons[iso]) or iso in countries


def _persons_compatible(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    return all(not a[iso] or not b[iso] or a[iso] & b[iso] for iso in ("SY", "RU"))


def _dates_compatible(draft: Draft, clause: Clause) -> bool:
    """True when the dates may be one day; a reporting date ("said on Thursday") never rules a merge out."""
    if clause.date is None and clause.day_of_year is not None and draft.date is not None and not draft.weak_date \
            and draft.date.precision in (Precision.DAY, Precision.MONTH) and draft.date.value is not None:
        # "came on 28 December" with no year known is no part of a contact of 5 March (or of March)
        if draft.date.precision is Precision.MONTH:
            return draft.date.value.month == clause.day_of_year[0]
        return (draft.date.value.month, draft.date.value.day) == clause.day_of_year
    if draft.weak_date or clause.weak_date or draft.date is None or clause.date is None:
        return True
    return draft.date.compatible(clause.date)


def _merge_into(draft: Draft, clause: Clause, add_parties: bool, take_date: bool = True) -> None:
    draft.clauses.append(clause)
    if clause.modality is Modality.PLANNED and draft.modality is Modality.REPORTED:
        # who is invited or due to come ("Putin invited Syria's foreign minister to visit") is no party of a contact
        # already held, and when a deal is to be signed ("expected to be signed in December") is not its day
        add_parties, take_date = False, False
        clause = dataclasses.replace(clause, joiners={"SY": set(), "RU": set()})
    for iso in ("SY", "RU"):  # "the meeting was also attended by ..." names more participants
        draft.persons[iso] |= clause.joiners[iso]
    if add_parties:
        for iso in ("SY", "RU"):
            draft.persons[iso] |= clause.persons[iso]
            draft.bodies[iso] |= clause.bodies[iso]
        draft.countries |= clause.countries
    if clause.date is not None and take_date:
        if draft.date is None or (draft.weak_date and not clause.weak_date):
            draft.date, draft.weak_date = clause.date, clause.weak_date
        elif not clause.weak_date:
            draft.date = draft.date.finer(clause.date) if draft.date.compatible(clause.date) else draft.date
    if add_parties and clause.event_type in CONTACT_TYPES and draft.event_type not in CONTACT_TYPES:
        draft.event_type = clause.event_type
    if clause.event_type is EventType.AID and draft.event_type is EventType.MEETING and _granted_asylum(clause) \
            and all(c.journey for c in draft.clauses if c.event_type is EventType.MEETING):
        draft.event_type = EventType.AID  # "Assad arrived in Moscow. Russia granted him asylum": the asylum
    if clause.modality is Modality.REPORTED and clause.event_type in CONTACT_TYPES:
        draft.modality = Modality.REPORTED


def _granted_asylum(clause: Clause) -> bool:
    """True for an aid clause that tells of asylum given."""
    return "asylum" in clause.sentence.lowered


def _shares(draft: Draft, clause: Clause) -> bool:
    """True when the clause names someone of the draft, or either names no one (only countries)."""
    if not any(clause.persons.values()) or not any(draft.persons.values()):
        return True
    return any(draft.persons[iso] & clause.persons[iso] for iso in ("SY", "RU"))


def _covers(draft: Draft, clause: Clause) -> bool:
    """True when the clause names people of both sides and all of them take part in the draft."""
    return all(clause.persons[iso] and clause.persons[iso] <= draft.persons[iso] for iso in ("SY", "RU"))


def _find_draft(drafts: list[Draft], clause: Clause, last_told: int = -1) -> Draft | None:
    """The latest event this clause describes again, if any.

    First the same kind of event with the same people. Then a statement joins a meeting or call that the
    story is telling (within two sentences), and a meeting joins a statement only when it refers back to
    the remarks ("made the remarks on Wednesday during his visit") or they share a stated day. A dated
    clause that tells of an earlier contact ("Earlier, on 12 February, ...") joins no undated draft. An undated
    statement between the very people of a contact joins it a few sentences on when nothing else was told in
    between (`last_told`: the sentence of the last clause with a type before this one).
    """
    usable = [d for d in reversed(drafts) if _dates_compatible(d, clause)]
    if clause.modality is Modality.REPORTED:
        # told as held ("the visit came a week after ..."), it goes on about a contact held before one still planned
        usable.sort(key=lambda d: d.modality is Modality.PLANNED)
    if clause.earlier and clause.date is not None:
        usable = [d for d in usable if d.date is not None]  # an earlier contact never dates the undated lead
    if clause.anaphoric:  # "the meeting was also attended by", "the two presidents discussed"
        # "Later, the two Russian officials held talks with al-Shaibani": a clause naming other people of both sides
        # than a contact's (those who join it aside) tells of another contact
        own = {iso: clause.persons[iso] - clause.joiners[iso] for iso in ("SY", "RU")}
        if all(own.values()) and not JOINING.search(clause.sentence.text):
            usable = [d for d in usable if _persons_compatible(d.persons, own)]
        # an undated sentence goes on about the contact at hand, not one told as background ("he last came in 2017")
        for draft in sorted(usable, key=lambda d: clause.date is None and _told_as_earlier(d)):
            if draft.event_type in CONTACT_TYPES and draft.distance(clause.index) <= 3:
                return draft
        contacts = [d for d in drafts if d.event_type in CONTACT_TYPES]
        if len(contacts) == 1 and contacts[0] in usable and not clause.earlier:
            return contacts[0]  # "... later joined the talks", however far down: the only contact told so far
    for draft in usable:
        if clause.event_type == draft.event_type and _persons_compatible(draft.persons, clause.persons) \
                and _shares(draft, clause):
            return draft
    if clause.event_type not in CONTACT_TYPES and SAID_AFTER.search(clause.sentence.text):
        # "Russia had offered its base for aid deliveries, he said": more of what the speaker just quoted said
        for draft in usable:
            if draft.event_type is EventType.STATEMENT and draft.distance(clause.index) <= 1 \
                    and _persons_compatible(draft.persons, clause.persons):
                return draft
    for draft in usable:
        if not _persons_compatible(draft.persons, clause.persons) or not _shares(draft, clause):
            continue
        same_day = clause.date is not None and clause.date == draft.date
        if clause.event_type not in CONTACT_TYPES and draft.event_type in CONTACT_TYPES:
            if clause.event_type in ACTS and clause.date is None and sum(map(bool, clause.persons.values())) == 1 \
                    and tells_an_act(clause.sentence.text):
                continue  # "Putin said he had ordered the pull-out": an act of its own, told during the visit
            if draft.distance(clause.index) <= 2 or same_day or (clause.weak_date and _covers(draft, clause)):
                return draft
            if clause.event_type is EventType.STATEMENT and clause.date is None and _covers(draft, clause) \
                    and draft.distance(clause.index) <= COVERED_REACH and draft.last_index >= last_told \
                    and not _told_as_earlier(draft):
                return draft  # "Al-Sharaa told Putin ...", a few sentences on: what was said at the meeting
        elif clause.event_type in CONTACT_TYPES and draft.event_type not in CONTACT_TYPES:
            if (clause.remarks and draft.distance(clause.index) <= 2) or same_day:
                return draft
    return None


def _told_as_earlier(draft: Draft) -> bool:
    """True for a draft told only in clauses about an earlier contact than the one at hand."""
    return all(c.earlier for c in draft.clauses)


def _is_bilateral(clause: Clause) -> bool:
    return clause.event_type is not None and _has_side(clause.persons, clause.countries, "SY") \
        and _has_side(clause.persons, clause.countries, "RU")


def _continues(draft: Draft, clause: Clause) -> bool:
    """True when a one-sided sentence goes on about the draft's contact ("He also stressed ...")."""
    reach = 3 if clause.anaphoric else 2
    if not 0 < clause.index - draft.last_index <= reach or not _dates_compatible(draft, clause):
        return False
    if clause.earlier and clause.date is not None and draft.date is None:
        return False  # "Earlier, on 3 June, ...": another contact than the undated one at hand
    people = {k for iso in ("SY", "RU") for k in clause.persons[iso]}
    known = {k for iso in ("SY", "RU") for k in draft.persons[iso]}
    return (clause.anaphoric and draft.event_type in CONTACT_TYPES) or bool(people and people <= known)


def _next_contact_side(draft: Draft, clause: Clause) -> str | None:
    """The side a one-sided contact clause takes from the contact told just before, when it refers back to that
    contact's party but gives another day ("A Russian delegation arrived on Tuesday. The delegation is due to
    meet al-Sharaa on Wednesday"): the missing side, else None."""
    if not PARTY_REFERENCE.match(clause.sentence.text) or clause.event_type not in CONTACT_TYPES \
            or draft.event_type not in CONTACT_TYPES:
        return None
    if clause.date is None or clause.weak_date or clause.earlier or not 0 < clause.index - draft.last_index <= 2 \
            or _dates_compatible(draft, clause):
        return None
    missing = [iso for iso in ("SY", "RU") if not _has_side(clause.persons, clause.countries, iso)]
    if len(missing) != 1 or not draft.persons[missing[0]]:
        return None
    return missing[0]


def _new_draft(clause: Clause) -> Draft:
    persons = {iso: clause.persons[iso] | clause.joiners[iso] for iso in ("SY", "RU")}
    return Draft(clause.event_type, clause.modality, persons, set(clause.countries), [clause], clause.date,
                 {k: set(v) for k, v in clause.bodies.items()}, clause.weak_date, clause.entry)


def _with_deal_sides(clause: Clause, deal_sides: set[str]) -> Clause:
    """ "Putin signed the deal": an agreement clause naming one side and referring back to a Syria–Russia
    agreement the article has told of takes the other side from it."""
    if clause.event_type is not EventType.AGREEMENT or not deal_sides or not DEAL_ANAPHORA.search(clause.sentence.text):
        return clause
    missing = {iso for iso in deal_sides if not _has_side(clause.persons, clause.countries, iso)}
    if len(missing) != 1:
        return clause
    return dataclasses.replace(clause, countries=clause.countries | missing)


def _arrival_of(visit: Draft, talks: Draft) -> bool:
    """True when `visit` ("Mekdad arrived in Moscow on Sunday") names one side's people and only the other
    country, and `talks` is a meeting of the same people with named hosts a few days and sentences later."""
    if visit.event_type is not EventType.MEETING or talks.event_type is not EventType.MEETING or visit is talks:
        return False
    if visit.modality is not talks.modality or visit.entry != talks.entry \
            or talks.distance(visit.last_index) > ARRIVAL_SENTENCES:
        return False
    named = [iso for iso in ("SY", "RU") if visit.persons[iso]]
    if len(named) != 1 or not all(talks.persons[iso] for iso in ("SY", "RU")):
        return False
    if not visit.persons[named[0]] <= talks.persons[named[0]]:
        return False
    if visit.date is None or talks.date is None:
        return False
    gap = (talks.date.value - visit.date.value) if talks.date.value and visit.date.value else None
    return gap is not None and timedelta(0) <= gap <= ARRIVAL_DAYS and visit.date.precision is Precision.DAY


def _absorb_arrivals(drafts: list[Draft]) -> list[Draft]:
    """A visit's arrival and the talks held during it are one contact, dated by the talks."""
    kept = []
    for draft in drafts:
        talks = next((t for t in drafts if _arrival_of(draft, t)), None)
        if talks is None:
            kept.append(draft)
        else:
            talks.clauses.extend(draft.clauses)
    return kept


def _is_denied(clause: Clause, denied: list[dict[str, set[str]]]) -> bool:
    """True for a contact told as others' claim between people of both sides whose contact the article denied."""
    if not all(clause.persons.values()) or not CLAIMED.search(clause.sentence.text):
        return False
    return any(all(clause.persons[iso] <= persons[iso] for iso in ("SY", "RU")) for persons in denied)


def group_clauses(clauses: list[Clause]) -> list[Draft]:
    """One draft event per real contact: sentences about the same contact join one draft."""
    drafts: list[Draft] = []
    nameless: list[Clause] = []
    deal_sides: set[str] = set()
    denied: list[dict[str, set[str]]] = []  # the people of each contact the article denies
    last_told = -1  # the sentence of the last clause with a type
    for position, clause in enumerate(clauses):
        if position and clauses[position - 1].event_type is not None:
            last_told = clauses[position - 1].index
        clause = _with_deal_sides(clause, deal_sides)
        if clause.denies:
            denied.append(clause.persons)
        elif clause.event_type in CONTACT_TYPES and _is_denied(clause, denied):
            continue  # "The Kremlin denied that Putin met Assad. ... Newspapers had reported that the two men met"
        if clause.event_type is EventType.AGREEMENT and _is_bilateral(clause):
            deal_sides = {"SY", "RU"}
        # a live blog's or timeline's entry tells its own happenings: an event never runs across entries
        told = [d for d in drafts if d.entry == clause.entry]
        if _is_bilateral(clause):
            if not any(clause.persons.values()) and clause.date is None:
                nameless.append(clause)  # an undated lead naming only countries joins the contact it sums up
                continue
            draft = _find_draft(told, clause, last_told)
            if draft is None:
                drafts.append(_new_draft(clause))
            else:
                _merge_into(draft, clause, add_parties=clause.event_type in CONTACT_TYPES
                            or (clause.event_type is draft.event_type and not any(draft.persons.values())))
            continue
        # a sentence told as held ("the visit came a week after ...") goes on about a contact held, not one planned
        latest = max(told, key=lambda d: (clause.date is not None or not _told_as_earlier(d),
                                          clause.modality is not Modality.REPORTED or d.modality is not Modality.PLANNED,
                                          d.last_index), default=None)
        if latest is not None and _continues(latest, clause):
            # "The Kremlin said the meeting took place on Wednesday" dates the meeting it refers to
            # (a contact's day does not date a statement: "had reported that the two men met on Monday")
            _merge_into(latest, clause, add_parties=False, take_date=clause.anaphoric and not clause.weak_date and (
                latest.event_type in CONTACT_TYPES or clause.event_type is latest.event_type))
        elif latest is not None and (side := _next_contact_side(latest, clause)) is not None:
            # "The delegation is due to meet al-Sharaa on Wednesday": another contact of the same party
            drafts.append(_new_draft(dataclasses.replace(
                clause, persons={**clause.persons, side: set(latest.persons[side])})))
    for clause in nameless:
        draft = _find_draft([d for d in drafts if d.entry == clause.entry], clause)
        if draft is not None:
            _merge_into(draft, clause, add_parties=False)
        elif clause.event_type in STANDALONE_TYPES and clause.modality is Modality.REPORTED \
                and (clause.index == 0 or not HABITUAL.search(clause.sentence.text)):
            drafts.append(_new_draft(clause))
    drafts = _absorb_arrivals(drafts)
    for draft in drafts:
        draft.clauses.sort(key=lambda c: c.index)
    return drafts


def narrative_date(clauses: list[Clause], before: int, anchor: EventDate | None) -> EventDate | None:
    """The day the story is about: the latest day-precise date stated before sentence `before`, if it is news."""
    if anchor is None or anchor.value is None or anchor.precision is not Precision.DAY:
        return None
    for clause in reversed(clauses):  # a sentence may give several clauses: `before` counts sentences
        if clause.index >= before:
            continue
        d = clause.date
        if d and not clause.weak_date and d.precision is Precision.DAY \
                and timedelta(0) <= anchor.value - d.value <= NARRATIVE_WINDOW:
            return d
    return None


def background_date(clauses: list[Clause], first: Clause, anchor: EventDate | None) -> EventDate | None:
    """The date of the sentence right before an undated report, when that sentence tells of the past before the
    news: "Rebels took Damascus in December 2024. Assad fled and was granted asylum in Russia" goes on about
    December 2024, not the day of publication. None when the report is planned, names a time of its own, or the
    date before is a reporting one."""
    news = anchor.span() if anchor is not None else None
    if news is None or first.modality is Modality.PLANNED or first.index == 0:
        return None
    # before the days a story of known day looks back on (`narrative_date`), or before its month or year
    news_from = news[0] - NARRATIVE_WINDOW if anchor.precision is Precision.DAY else news[0]
    for clause in clauses:
        if clause.index != first.index - 1 or clause.date is None or clause.weak_date \
                or clause.date.basis is not DateBasis.STATED:
            continue
        told = clause.date.span()
        # the report's own words for a time ("two weeks later"), even one that cannot date it, rule this out
        if told is not None and told[1] < news_from and not own_time_words(first.sentence):
            return clause.date
    return None


def default_date(anchor: EventDate | None) -> EventDate | None:
    """What an undated report gets: the month of publication (the year when only that is known)."""
    if anchor is None or anchor.value is None:
        return None
    basis = DateBasis.INFERRED if anchor.basis is DateBasis.INFERRED else DateBasis.PUBLICATION
    precision = Precision.YEAR if anchor.precision is Precision.YEAR else Precision.MONTH
    return EventDate(anchor.value, precision, basis)


def resolve_draft_date(draft: Draft, clauses: list[Clause], anchor: EventDate | None) -> EventDate | None:
    """The draft's own date, else the day of a live blog whose entry opens with a time of day ("22:05 —") or of a
    contact told as under way ("who is in Moscow on a visit"), else that of the past told just before it, else the
    story's current day, else the publication month. A draft told by an undated relative clause (`Clause.background`)
    takes only the story's day or the past told before it, else none."""
    if draft.date is not None:
        return draft.date
    if any(c.background for c in draft.clauses):
        # "Al-Shibani, who was later received by Putin, told reporters": the day the story told before, or none
        # (not the day the rest of its sentence tells, nor the publication's)
        return narrative_date(clauses, draft.clauses[0].index, anchor) \
            or background_date(clauses, draft.clauses[0], anchor)
    if anchor is not None and anchor.value is not None and anchor.precision is Precision.DAY and (
            draft.clauses[0].clock or any(UNDER_WAY.search(c.sentence.text) for c in draft.clauses)):
        return EventDate(anchor.value, Precision.DAY, DateBasis.PUBLICATION)
    return background_date(clauses, draft.clauses[0], anchor) \
        or narrative_date(clauses, draft.clauses[0].index + 1, anchor) or default_date(anchor)


def mention_names(mentions: list[Mention]) -> dict[str, Mention]:
    """The first mention of each key, to name and describe actors."""
    first: dict[str, Mention] = {}
    for m in mentions:
        first.setdefault(m.key, m)
    return first


def country_name(iso: str) -> str:
    """The display name of a country-level actor."""
    return COUNTRY_NAMES.get(iso, iso)

