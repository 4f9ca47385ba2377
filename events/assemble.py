"""Draft events to finished `Event`s: actors with roles on the day, title, topics, place, sources."""
from __future__ import annotations

import hashlib
import re
from datetime import timedelta

from events.actors import COUNTRY_NAMES, Mention
from events.clauses import clause_part, find_clauses
from events.extract import Draft, country_name, group_clauses, mention_names, resolve_draft_date
from events.gazetteer import Gazetteer, RegistryActor
from events.model import UNKNOWN_DATE, Actor, Event, EventDate, EventType, Modality, Precision, Source
from events.published import publication_anchor
from events.topics import dateline_place, find_location, find_topics
from loaders.article import Article


def event_id(*parts: object) -> str:
    """A stable id from the parts that identify an event."""
    return "ev-" + hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def to_actor(key: str, names: dict[str, Mention], gazetteer: Gazetteer, when: EventDate | None) -> Actor:
    """The exported actor for a mention key, with the role held on the event's date."""
    if key.startswith("country:"):
        iso = key.split(":", 1)[1]
        return Actor(country_name(iso), iso, kind="country")
    mention = names[key]
    if mention.registry is not None:
        actor = mention.registry
        role = actor.role_on(when.value if when and when.value else None, mention.role)
        return Actor(actor.name, actor.country, role.title if role else None, actor.actor_id, actor.qid, actor.kind)
    return Actor(mention.name, mention.country, printed_role(mention.role, mention.country), None, None, mention.kind)


_NATIONALITY = re.compile(r"^(?:Syrian|Russian|Syria['’]s|Russia['’]s)\s+", re.I)
_NAMES_A_COUNTRY = re.compile(r"\b(?:Syria|Russia|Moscow|Damascus|Kremlin)\b", re.I)


def printed_role(title: str | None, iso: str) -> str | None:
    """An unregistered official's printed title in the registry's form: "Syrian health minister" → "Health
    minister of Syria", "Syria's ambassador to Russia" → "Ambassador to Russia"."""
    if not title:
        return None
    role = _NATIONALITY.sub("", title)
    role = role[:1].upper() + role[1:]
    return role if _NAMES_A_COUNTRY.search(role) or iso not in COUNTRY_NAMES else f"{role} of {COUNTRY_NAMES[iso]}"


# "Assad flew to Moscow for talks in the Kremlin": where the Russian head of state receives visitors.
IN_THE_KREMLIN = re.compile(r"\b(?:in|at|to|inside)\s+the\s+kremlin\b")


def _holder_throughout(gazetteer: Gazetteer, iso: str, office: str, when: EventDate | None) -> RegistryActor | None:
    """The one holder of an office on every day the date may stand for."""
    span = when.span() if when is not None else None
    if span is None:
        return None
    first = gazetteer.holder(iso, office, span[0])
    return first if first is not None and gazetteer.holder(iso, office, span[1]) is first else None


def kremlin_host(draft: Draft, gazetteer: Gazetteer, when: EventDate | None) -> RegistryActor | None:
    """The Russian president, for a meeting of the Syrian head of state held in the Kremlin that names no Russian:
    a head of state is received there by the head of state ("Assad flew to Moscow for talks in the Kremlin")."""
    if draft.event_type is not EventType.MEETING or draft.persons["RU"] or draft.bodies["RU"] \
            or not draft.persons["SY"]:
        return None
    guest = _holder_throughout(gazetteer, "SY", "president", when)
    if guest is None or guest.actor_id not in draft.persons["SY"]:
        return None
    if not any(IN_THE_KREMLIN.search(c.sentence.lowered) for c in draft.clauses):
        return None
    return _holder_throughout(gazetteer, "RU", "president", when)


SAME_DAY_REACH = 3  # sentences
NEXT_DAY = timedelta(days=1)  # "The following day, after a meeting with Naryshkin": the visitor is still there


def same_day_place(draft: Draft, when: EventDate | None, placed: list[tuple[Draft, EventDate, str]]) -> str | None:
    """"Lavrov was received by Assad in Damascus on Monday. Lavrov later held talks with Muallem": a meeting told
    without a place, a few sentences after one of the same day or the day before (`placed`: the earlier ones with
    a place) that one of its people took part in, was held in the same place."""
    if when is None or when.precision is not Precision.DAY or draft.event_type is not EventType.MEETING:
        return None
    start = draft.clauses[0].index
    for earlier, day, place in reversed(placed):
        if timedelta(0) <= when.value - day.value <= NEXT_DAY and 0 < start - earlier.last_index <= SAME_DAY_REACH \
                and earlier.event_type is EventType.MEETING \
                and any(earlier.persons[iso] & draft.persons[iso] for iso in ("SY", "RU")):
            return place
    return None


def side_actors(draft: Draft, iso: str, names: dict[str, Mention], gazetteer: Gazetteer,
                when: EventDate | None) -> tuple[Actor, ...]:
    """The actors of one side in order of first mention; the country itself when no one is named (the Russian
    president when the Syrian one is received in the Kremlin, `kremlin_host`)."""
    keys = sorted(draft.persons[iso] or draft.bodies[iso], key=lambda k: names[k].start)
    if not keys:
        host = kremlin_host(draft, gazetteer, when) if iso == "RU" else None
        if host is not None:
            role = host.role_on(when.value if when else None)
            return (Actor(host.name, host.country, role.title if role else None, host.actor_id, host.qid, host.kind),)
        return (Actor(country_name(iso), iso, kind="country"),)
    return tuple(to_actor(k, names, gazetteer, when) for k in keys)


def _names(actors: tuple[Actor, ...]) -> str:
    shown = [a.name for a in actors[:2]]
    return " and ".join(shown) + (" et al." if len(actors) > 2 else "")


def make_title(event_type: EventType, modality: Modality, syria: tuple[Actor, ...], russia: tuple[Actor, ...],
               location: str | None, first_speaker: str) -> str:
    """A one-line summary: "Bashar al-Assad meets Yury Borisov in Damascus"."""
    sy, ru = _names(syria), _names(russia)
    where = f" in {location}" if location else ""
    if event_type is EventType.MEETING:
        text = f"{sy} {'meet' if len(syria) > 1 else 'meets'} {ru}{where}"  # "Assad and Mekdad meet Lavrentiev"
    elif event_type is EventType.CALL:
        text = f"{sy} and {ru} speak by phone"
    elif event_type is EventType.AGREEMENT:
        text = f"Agreement between {sy} and {ru}{where}"
    elif event_type is EventType.AID:
        text = f"{ru} aid or support to {sy}"
    elif event_type is EventType.MILITARY:
        text = f"Military matter: {ru} and {sy}{where}"
    elif event_type is EventType.STATEMENT:
        speaker, other = (sy, ru) if first_speaker == "SY" else (ru, sy)
        text = f"{speaker} on {other}"
    else:
        text = f"{sy} and {ru}{where}"
    return ("Planned: " if modality is Modality.PLANNED else "") + text


def extract_events(article: Article, gazetteer: Gazetteer, anchor: EventDate | None = None) -> tuple[Event, ...]:
    """Every Syria–Russia contact an article reports, one event per contact; `anchor` is the publication
    date to resolve against (found with `publication_anchor` when not given)."""
    if anchor is None:
        anchor, _ = publication_anchor(article, gazetteer)
    clauses, mentions = find_clauses(article.text, anchor, gazetteer)
    names = mention_names(mentions)
    filed_from = dateline_place(article.text, gazetteer)
    events = []
    taken: set[str] = set()  # the event ids given so far
    placed: list[tuple[Draft, EventDate, str]] = []  # the meetings placed so far, with their day
    for draft in group_clauses(clauses):
        when = resolve_draft_date(draft, clauses, anchor)
        if when is None and any(c.background for c in draft.clauses):
            continue  # an undated relative clause the story told before does not date (`Clause.background`)
        syria = side_actors(draft, "SY", names, gazetteer, when)
        russia = side_actors(draft, "RU", names, gazetteer, when)
        texts = [c.sentence.text for c in draft.clauses]
        part = clause_part(draft.clauses[0]) if draft.event_type is not EventType.CALL else None
        # a call joins two places and happens in neither: the places its sentences name are what was discussed
        if draft.event_type is EventType.CALL:
            location = None
        elif draft.event_type is EventType.STATEMENT:
            location = find_location(texts, gazetteer, travel=False, part=part)
        else:  # a contact told in the sentence after a wire dateline took place where the story was filed,
            # unless that sentence says otherwise
            location = find_location(texts, gazetteer, dateline=filed_from[0] if filed_from and
                                     draft.clauses[0].sentence.start <= filed_from[1] else None, part=part) \
                or same_day_place(draft, when, placed)
            if location is not None and when is not None and when.precision is Precision.DAY:
                placed.append((draft, when, location))
        first = draft.clauses[0]
        first_people = [m for m in mentions if first.sentence.start <= m.start < first.sentence.end]
        speaker = first_people[0].country if first_people else "SY"
        # a sentence that tells two clauses of one contact ("received Borisov, who is leading a delegation visiting
        # Syria") is quoted once
        excerpt_clauses = list({id(c.sentence): c for c in reversed(draft.clauses)}.values())[::-1][:3]
        start, end = excerpt_clauses[0].sentence.start, excerpt_clauses[-1].sentence.end
        source = Source(article.article_id, article.title, article.outlet, article.url, article.published,
                        " … ".join(c.sentence.text for c in excerpt_clauses), start, end)
        ident = event_id(article.article_id, first.sentence.start, draft.event_type.value, when or "")
        if ident in taken:  # "received by both Lavrov and Putin": two contacts told by one sentence on one day
            ident = event_id(article.article_id, first.sentence.start, draft.event_type.value, when or "",
                             *sorted(a.name for a in syria + russia))
        taken.add(ident)
        events.append(Event(
            event_id=ident,
            date=when or UNKNOWN_DATE,
            event_type=draft.event_type,
            modality=draft.modality,
            title=make_title(draft.event_type, draft.modality, syria, russia, location, speaker),
            actors=syria + russia,
            location=location,
            topics=find_topics(texts, gazetteer),
            sources=(source,),
            cameo=gazetteer.cameo(draft.event_type.value),
        ))
    return tuple(sorted(events, key=lambda e: e.sources[0].start))
