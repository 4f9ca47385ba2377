"""Read each sentence of an article: who takes part, what kind of contact, when, and whether it is planned.

A sentence that reports several dated happenings ("signed on January 18, after the Duma ratified it on
December 21"; "will visit Moscow on Monday, the ministry said Thursday") gives one clause per date, each
typed by the trigger nearest to its date and holding the people named in its own part of the sentence.
"""
from __future__ import annotations

import dataclasses
import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import pairwise

from events.actors import Mention, country_mention, find_mentions, holder_on
from events.casefold import Caseless, lower_text
from events.dates import Timex, find_dates
from events.timex import find_candidates
from loaders.datelines import MONTHS
from events.gazetteer import Gazetteer
from events.model import DateBasis, EventDate, EventType, Modality, Precision
from events.sentences import Sentence, split_sentences
from events.timex_context import FUTURE_MARKERS, PAST_VERB, SAID_BEFORE, clause_tense
from events.topics import place_country
from events.trie import trie_alternation

CONTACT_TYPES = {EventType.MEETING, EventType.CALL}
# Prepositions that put a date outside the event itself ("since 2018", "until 2030").
NON_EVENT_PREPOSITIONS = {"since", "until", "till", "before", "after", "by", "from"}
ANAPHORA = Caseless(r"\b(?:(?:the|that|this|their|during the|at the)\s+(?:(?:Russian|Syrian)\s+(?=delegation))?(?:meeting|talks|visit|session|discussions?|"
                    r"conversation|call|negotiations|consultations|summit|delegation)|the (?:two|(?:Russian|Syrian) "
                    r"and (?:Russian|Syrian)) (?:presidents|leaders|(?:foreign |defen[cs]e )?ministers|sides|men|"
                    r"officials|delegations|heads of state)|(?:the|both) (?:presidents|leaders|"
                    r"(?:foreign |defen[cs]e )?ministers|sides|delegations)|^they (?:also )?(?:discussed|agreed|exchanged|reviewed|addressed|"
                    r"touched|focused|stressed|emphasi[sz]ed|underlined|noted))\b")
REMARKS = Caseless(r"\b(?:the|his|her|these|those|their)\s+(?:remarks|comments|statement|words)\b")
PART_OPENING = re.compile(r"[\s;,]*(?:and\s+|but\s+|then\s+)?")  # what may come before a pronoun opening a part
SPAN_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+[a-z]")  # "he was received": a subject pronoun anywhere
# "After seeing Assad on Monday, he told reporters": whom a fronted participle names is not its subject, who is
# the pronoun after it.
FRONTED_PARTICIPLE = re.compile(r"(?:After|Before|While|Upon|On|Having|Since)\s+[a-z]+ing\b")
PRONOUN_SUBJECT = re.compile(r"^(?:[\"“]?\s*)?(?:His|Her)\b|" + SPAN_PRONOUN.pattern)
# "the two men met again", "the two leaders last spoke in May": the Syrian and the Russian last named together
# (not "no date is set yet for the two presidents to speak again": they are only talked about).
PAIR_REFERENCE = re.compile(r"\b[Tt]he two (?:men|women|leaders|presidents|heads of state|(?:foreign |defen[cs]e )?"
                            r"ministers|envoys)\s+(?:(?:also|again|later|then|last|first|had|have)\s+)*"
                            r"(?:met|held|talked|spoke|discussed|agreed|signed|exchanged|reviewed|had (?:a|an|their))\b")
# "the two Russian officials held talks with al-Shaibani": the last two people of that side named before.
NATIONAL_PAIR = re.compile(r"\b[Tt]he two (?P<nat>Syrian|Russian) (?:officials|ministers|diplomats|envoys|leaders|men|"
                           r"women|generals|officers|visitors|guests|deputy ministers|deputy prime ministers)\b")
# "The Syrian delegation was led by Ayman Sousan. On Wednesday it held a bilateral meeting with ...": "it" is the
# delegation just named, and its people take part.
DELEGATION_OF = re.compile(r"\b(?P<nat>Syrian|Russian)\s+(?:[\w-]+\s+){0,2}?delegation\b", re.I)
# (not "the ministry said it held": "it" is then the one who speaks)
# "it" opens the sentence, or follows a fronted time or place ("On Wednesday, the first day of the round, it
# held"): not "Russia said on Tuesday it received", "On Monday, Gazprom announced it signed".
DELEGATION_SUBJECT = Caseless(r"^(?:(?:on|in|at|during|later|earlier|then|afterwards|after|before)\b"
                              r"(?:(?!said|says|announc|told|report|stated|added)[^;:]){0,60}?(?:,\s*|\s+))?it\s+(?:also\s+|later\s+|then\s+|first\s+)?"
                              r"(?:held|met|meets|holds|signed|received|hosted|conducted)\b")
OFFICIAL_REFERENCE = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?P<nat>Syrian|Russian)\s+(?:official|minister|diplomat|envoy|leader)\b")
# People named inside these clauses are background, not parties: "..., where al-Assad has lived in exile"; but
# "the delegation, which also included the envoy", "Mekdad, who accompanied Assad" name members of the party.
BACKGROUND = Caseless(r"\b(?:(?:who|which)(?!\s+(?:also\s+)?(?:includ|compris|accompan|join)|"
                      # "Abu Qasra, who held separate talks with Evkurov": another contact, told in passing
                      r"\s+(?:also\s+)?(?:held\s+(?:separate|parallel)|separately\s+(?:met|held)))|whom|whose|"
                      # "stopped at Hmeimim, where he met Assad" tells the contact itself
                      r"where(?!\s+(?:he|she|they)\s+(?:also\s+|later\s+|then\s+)?(?:met|held|received|hosted|signed)\b)|since|despite|amid|although|though|ousted|toppled|"
                      # "on instructions from Putin", "on behalf of Putin" ("on Putin's instructions": `_possessed`)
                      r"instructions?\s+(?:from|of)|behalf\s+of|"
                      # "weeks after Assad met Putin": an earlier contact, told to place this one in time
                      r"(?:days|weeks|months|years|shortly|soon|long|a\s+(?:day|week|month|year))\s+(?:after|before))"
                      r"\b[^,;:]*"
                      # "demanded that Moscow hand over the former president, Bashar al-Assad": who is to be handed
                      # over is talked about, with the apposition that names him
                      r"|\b(?:hand(?:s|ed|ing)?\s+over|extradit(?:e|es|ed|ing|ion)|surrender(?:s|ed|ing)?)\b"
                      r"(?:[^,;:]*,)?[^,;:]*")
# "Putin told him ..., the Kremlin said on Tuesday": an attribution after the reported words dates the report.
TRAILING_ATTRIBUTION = re.compile(r"[,”\"]\s*(?:[\w.'’-]+\s+){1,6}(?:said|says|told(?:\s+[\w.-]+){1,2}?|added|noted|"
                                  r"reported|stated)(?:\s+in\s+a\s+statement)?(?:\s+on)?\s*$", re.I)
SINCE = Caseless(r"\bsince\b")
ACCORDING_TO = Caseless(r"\baccording\s+to\b")
# "did not specify whether he was still in Moscow on Wednesday": what follows is not asserted.
HYPOTHETICAL = Caseless(r"\b(?:whether|if|anniversary)\b")  # "... the anniversary of relations set up in 1944"
# The speaker's own "today" inside a quotation is rhetorical ("today Syria stands ..."); "yesterday" is not.
SPEAKERS_NOW = re.compile(r"\b(?:today|tonight|now|these days|this (?:week|month|year))\b", re.I)
# "The text of the agreement says ...": a document that says or provides something is not a party speaking.
DOCUMENT_SUBJECT = re.compile(r"^(?:[\"“]?\s*)(?:the|this|that|its|under the|according to the)\s+(?:\w+\s+){0,2}?"
                              r"(?:text|agreement|deal|treaty|document|accord|protocol|memorandum|law|decree|"
                              r"contract|resolution)\b", re.I)
DOCUMENT_TYPES = {EventType.STATEMENT, EventType.MILITARY, EventType.AID}
# "Putin told him": an object pronoun after a contact or speech verb is the other side's last-named person.
OBJECT_PRONOUN = re.compile(r"\b(?:told|met|meets|received|hosted|thanked|invited|urged|assured|called|briefed|"
                            r"congratulated|welcomed|asked|informed|phoned|gave|handed|showed|granted|offered)\s+"
                            r"(?:him|her|them)\b")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# "the two countries signed": Syria and Russia when the sentences just before were about the two of them.
# How many sentences back the two were last named together for "the two countries" to be them.
PAIR_REACH, PAIR_REACH_NAMED = 3, 5
BOTH_COUNTRIES = Caseless(r"\b(?:the two|both) (?:countries|nations|states|governments|capitals)\b")
# "talks on Syria", "discussed Syria", "discussed the war in Syria": the country is what was talked about.
_SUBJECT_MATTER = (r"(?:situation|crisis|war|conflict|settlement|developments|events|fighting|violence)"
                   r"\s+(?:in|around|for|of)\s+")
# ... also with a word or two before the noun: "discussed the escalating fighting in Syria's Idlib province".
TALKED_ABOUT = re.compile(r"\b(?:about|on|over|regarding|concerning|discuss(?:ed|es|ing)?)\s+(?:the\s+|an?\s+)?(?:"
                          r"(?:[\w-]+\s+){0,2}?" + _SUBJECT_MATTER + r")?(?:the\s+)?$", re.IGNORECASE)
SPOKESPEOPLE = re.compile(r"spokes|press secretary", re.I)
# (the title's own name, not someone named after the spokesman's verb: "spokesman Dmitry Peskov said Putin ...")
SPOKESPERSON_TITLE = re.compile(r"(?:spokes(?:man|woman|person)|press secretary)\s+"
                                r"(?:(?!(?:said|says|told|added|noted|stated)\b)[\w.'’-]+\s+){0,3}$", re.I)
# A trigger that is what was talked about ("briefed him on the summit") or a point of reference
# ("three weeks before the visit") is not the sentence's own event.
# "condemned the Israeli air strikes": what a statement judges is its object, not a second event.
JUDGED = Caseless(r"\b(?:condemn|denounc|criticis|criticiz|prais|welcom|hail|reject|deplor|slamm?|blam|"
                  r"protest)\w*\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+|these\s+)?(?:[\w-]+\s+){0,3}$")
# "did not meet", "has never visited", "had no plans to meet": a contact said not to happen is no event.
NEGATED = Caseless(r"\b(?:(?:did|does|do|has|have|had|was|were|is|are|will|would|could)(?:\s+not|n['’]t)|never|"
                   r"no\s+(?:plans?|intention|immediate plans?)\s+(?:to|for)|not\s+(?:planning|expected|scheduled)"
                   r"\s+to|ruled\s+out(?:\s+an?)?|no)(?:\s+(?:yet|been|be|any|a|an|the|formally|officially|"
                   r"personally|directly|ever|such|those|these|take\s+part\s+in|part\s+of|present\s+(?:at|for)|"
                   r"involved\s+in|\w+day['’]s))*\s+$")
# "The Kremlin denied reports that Putin met Assad": what is denied did not happen, as far as the text says.
DENIAL = Caseless(r"\b(?:denied|denies|deny|dismissed|refuted|rejected)\s+(?:(?:the\s+|media\s+|press\s+)?"
                  r"(?:reports?|claims?|rumou?rs?|allegations?|speculation)\s+)?(?:that|of)\b"
                  # "An earlier version of this story incorrectly said that the talks took place on Tuesday"
                  r"|\b(?:incorrectly|wrongly|erroneously|mistakenly)\s+(?:said|stated|reported|gave|described)\b")
# "Zakharova on Thursday condemned": a day after the preposition dates the verb, it does not make it a topic.
# "discussed the implementation of the agreements signed": an earlier deal carried out is what was talked about.
TOPIC_OF = Caseless(r"\b(?:on|about|over|regarding|before|ahead of|since|(?:subject|issue|topic|question|matter|"
                    r"results?|outcome|prospects|preparations?|agenda|framework|sidelines|margins|eve|"
                    r"implementation|implementing|execution|terms|text) of)\s+"
                    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?"
                    r"(?:(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|today\b|yesterday\b)\w+\s+)?$")
# "held separate talks", "met separately with": another contact than the one at hand, not more of it.
SEPARATE = Caseless(r"\b(?:held\s+(?:a\s+)?separate|separately\s+(?:met|held|talked|spoke)|(?:met|talked|spoke)\s+"
                    r"separately)\b")
# "faced each other for years", "has supplied arms for decades", "spent nine years bombing", "the campaign that
# kept Assad in power": a state that lasts, not a happening.
DURATIVE = Caseless(r"\bfor\s+(?:many\s+|several\s+|some\s+)?(?:years|decades|a\s+decade)\b"
                    r"|\bspent\s+(?:[\w-]+\s+){0,2}?(?:years|decades|a\s+decade)\b"
                    r"|\b(?:kept|keep|keeps|keeping)\s+(?:[\w'’-]+\s+){1,5}?in\s+power\b")
# A dateline opening the story ("MOSCOW, Sept 5 (RIA Novosti) –", "(Desk - 15.03.2024) ::") dates the report.
# ... also without the agency: "DAMASCUS, Feb 27 —", "New Delhi, August 1, 2025 —"
DATELINE = re.compile(r"^[^\n]{0,80}?\([^()\n]{1,60}\)\s*(?:::|--|[-–—])\s+|^[A-Z][A-Z-]{2,}(?:,[^\n:]{0,30})?:\s+"
                      r"|^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
                      r"(?:,?\s+\d{4})?\s*[-–—]+\s+")
# A sentence that tells of an earlier contact than the one at hand: "Earlier, on 12 February, the two presidents
# spoke", "The two leaders last met in May", "their previous call". Its date is never the date of an undated lead;
# "earlier today", "earlier on Tuesday", "earlier this week" stay within the story's days.
EARLIER_CONTACT = Caseless(
    r"^\W*(?:earlier|previously|before that|prior to that)\b(?!\s+(?:today|tonight|this\s+week|in\s+the\s+day|on\s+\w+day))"
    r"|\blast\s+(?:met|spoke|talked|held\s+talks|visited|came|went|travell?ed)\b|\bprevious\s+(?:meeting|call|conversation|visit|talks|round)\b")
# "Patrols began on Thursday, a day after commanders met in Qamishli": the part after it tells of another
# happening, dated by counting back (or on) from the sentence's day.
RELATIVE_EVENT = re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|\d)\s+days?|the\s+day)\s+(?P<dir>after|before)\s+",
                            re.I)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "the implementation of the Moscow agreement of March 5": the date names the document, not this event.
DOCUMENT_OF = re.compile(r"\b(?:agreement|accord|deal|memorandum|treaty|protocol|resolution|decree|declaration|"
                         r"ceasefire|truce)\s+of\s+$", re.I)
# A reported contact is not later than its report: a day named without its year ("February 12 — the two leaders
# speak by phone") in a sentence that does not look ahead is the last such day before publication.
LOOKS_AHEAD = re.compile(r"\b(?:will|shall|would|is to|are to|next|upcoming|coming|expected|due|scheduled|plans?|"
                         r"planned|to be|invit\w*)\b", re.I)
YEAR_DIGITS = re.compile(r"\d{4}")
# A live blog's or a timeline's entry opens with its time or day and a dash ("22:05 —", "14:30 GMT -", "July 31 —",
# "8 December 2024 –"): each entry tells its own happening, so no event runs from one entry into the next.
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
ENTRY_HEAD = re.compile(r"(?:(?P<clock>\d{1,2}[:.]\d{2})(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|"
                        + _MONTHS + r"\s+\d{1,2}(?:,?\s+\d{4})?|"
                        r"\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?)\s*(?:[—–]|--?)\s+")
SPLIT_AT = re.compile(r"[,;]\s+|\s+(?:as|while|after|and then|but)\s+")


@dataclass(slots=True)
class Clause:
    """A sentence's (or part of a sentence's) contribution to an event."""

    index: int
    sentence: Sentence
    event_type: EventType | None
    modality: Modality
    persons: dict[str, set[str]]          # country -> mention keys of the people taking part
    countries: set[str]                   # countries named as countries or through their bodies
    date: EventDate | None
    anaphoric: bool = False               # refers back to a contact: "the meeting was also attended by"
    bodies: dict[str, set[str]] = field(default_factory=lambda: {"SY": set(), "RU": set()})
    remarks: bool = False                 # refers back to remarks: "made the remarks during his visit"
    weak_date: bool = False               # the date is when it was reported ("the Kremlin said on Thursday")
    joiners: dict[str, set[str]] = field(default_factory=lambda: {"SY": set(), "RU": set()})
    earlier: bool = False                 # tells of an earlier contact: "Earlier, on 12 February, they spoke"
    denies: bool = False                  # denies a contact: "The Kremlin denied reports that Putin met Assad"
    entry: int = -1                       # the live-blog or timeline entry it is told in (-1: none, `entries`)
    clock: bool = False                   # that entry opens with a time of day ("22:05 —"), not a day
    journey: bool = False                 # a meeting told only as a journey: "arrived in Moscow"
    # the part of the sentence that tells this clause's own happening, as offsets in the text, when narrower than
    # the sentence: "Putin received Assad in Moscow on Tuesday; the two leaders last met in Damascus in January
    # 2020" gives each date its part, and the place of each happening is looked for there first
    part: tuple[int, int] | None = None
    dated_at: tuple[int, int] | None = None  # where its own date is, when its part is the clause break around it
    day_of_year: tuple[int, int] | None = None  # (month, day) of an undated clause's "on 28 December" with no year
    # an undated relative clause telling what came next ("Al-Shibani, who was later received by Putin, told
    # reporters"): dated only by the story told in the sentences before, never by its own sentence's date or the
    # publication's (`events.extract.resolve_draft_date`)
    background: bool = False


@dataclass(frozen=True, slots=True)
class _Trigger:
    event_type: EventType
    start: int
    end: int
    rank: int = 0  # the type's place in the gazetteer's priority order


def clause_part(clause: Clause) -> tuple[int, int] | None:
    """The part of its sentence that tells the clause's own happening (`Clause.part`), as offsets in the sentence
    text; None when that is the whole sentence."""
    sentence = clause.sentence
    if clause.part is not None:
        lo, hi = clause.part[0] - sentence.start, clause.part[1] - sentence.start
    elif clause.dated_at is not None:
        lo, hi = _segment(sentence, *clause.dated_at)
    else:
        return None
    return None if lo <= 0 and hi >= len(sentence.text) else (lo, hi)


def participants(mentions: list[Mention], sentence: Sentence, gazetteer: Gazetteer) -> list[Mention]:
    """The parties a sentence makes of the people it names: not those inside a background clause, nor those named
    only as the owner of someone or of a request (`_possessed`: "Putin's special envoy", "at Putin's request")."""
    if all(x.is_country for x in mentions):
        return list(mentions)  # countries are parties wherever they are named
    spans = [(sentence.start + m.start(), sentence.start + m.end())
             for m in BACKGROUND.finditer(sentence.text, sentence.lower)]
    owned = _possessed(gazetteer) if "'s" in sentence.text or "’s" in sentence.text else None
    rule_of = _rule_of(gazetteer) if " of " in sentence.text else None  # once per sentence, not per mention
    return [x for x in mentions if x.is_country or not (
        any(s <= x.start < e for s, e in spans)
        or (owned is not None and x.kind == "person"
            and owned.match(sentence.text, x.end - sentence.start) is not None)
        or (x.kind == "person" and rule_of is not None
            and rule_of.search(sentence.text, max(0, x.start - sentence.start - 30), x.start - sentence.start)))]


@cache
def _rule_of(gazetteer: Gazetteer) -> re.Pattern[str]:
    """A noun of the lexicon's `rule_of` and "of" ending right before a name: "the rule of", "the fall of the
    former president"; the person stands for his rule."""
    nouns = trie_alternation(gazetteer.lexicon["rule_of"]["nouns"])
    return re.compile(r"\b(?:" + nouns + r")\s+of\s+(?:(?:the\s+)?(?:former|ousted|late|deposed)\s+|president\s+)*$",
                      re.I)


@cache
def _possessed(gazetteer: Gazetteer) -> re.Pattern[str]:
    """"'s" and up to two words, then a noun of the lexicon's `possessive.not_party` ("'s special envoy")."""
    nouns = trie_alternation(gazetteer.lexicon["possessive"]["not_party"])
    return re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:" + nouns + r")\b", re.I)


def sides(mentions: list[Mention]) -> tuple[dict[str, set[str]], set[str], dict[str, set[str]]]:
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


def find_triggers(text: str, lower: str | None, gazetteer: Gazetteer, denial: re.Match[str] | None,
                  prefixes: list[tuple[str, ...] | None] | None = None,
                  negated: list[_Trigger] | None = None) -> list[_Trigger]:
    """Every trigger word of every event type in `text`, skipping topics of talk, reference points and
    contacts that are denied (after `denial`, the first `DENIAL` in the text) or said not to have happened.

    `lower` is the text lower-cased (`events.casefold`), or None; `prefixes`, if given, holds for each event type
    the prefixes of its patterns that occur in the whole article (`article_prefixes`): a prefix it lacks is not
    looked for in its sentences. The contact triggers said not to have happened are added to `negated`, if given."""
    found = []
    denied_from = denial.end() if denial else len(text)
    for rank, rule in enumerate(gazetteer.event_types):
        # a pattern's match holds one of its prefixes in the lower-cased text
        wanted = rule.prefixes if prefixes is None else prefixes[rank]
        if rule.pattern is None or (lower is not None and wanted is not None and not any(p in lower for p in wanted)):
            continue
        event_type = EventType(rule.name)
        is_statement = event_type is EventType.STATEMENT
        for m in rule.folded.finditer(lower) if lower is not None else rule.pattern.finditer(text):
            lo = max(0, m.start() - 40)
            before, before_lower = text[lo:m.start()], lower[lo:m.start()] if lower is not None else None
            topic = TOPIC_OF.search(before, before_lower)
            if topic is not None and not _subject_named(text, lo + topic.start(), m.start()):
                continue
            if not is_statement and (JUDGED.search(before, before_lower) or m.start() >= denied_from):
                continue
            if not is_statement and NEGATED.search(before, before_lower):
                if negated is not None and event_type in CONTACT_TYPES:
                    negated.append(_Trigger(event_type, m.start(), m.end(), rank))
                continue
            found.append(_Trigger(event_type, m.start(), m.end(), rank))
    return found


# "before Lavrov met Muallem": "before"/"after" opening a clause whose subject is named, not a happening
# used as a point of reference ("before the visit")
SUBJECT_AFTER = re.compile(r"(?:before|after)\s+[A-Z][\w'’-]*\s+$")


def _subject_named(text: str, lo: int, at: int) -> bool:
    """True when text[lo:at] is "before" or "after" and a capitalised name, and the trigger at `at` is a verb."""
    return SUBJECT_AFTER.fullmatch(text, lo, at) is not None and FINITE_VERB.match(text, at) is not None


def article_prefixes(lower: str | None, gazetteer: Gazetteer) -> list[tuple[str, ...] | None] | None:
    """For each event type, the prefixes of its patterns that occur in an article lower-cased as `lower` (None:
    each type's own prefixes, as for an article that could not be lower-cased). A sentence is a part of the
    article, so one holds no prefix the article lacks."""
    if lower is None:
        return None
    return [None if rule.prefixes is None else tuple(p for p in rule.prefixes if p in lower)
            for rule in gazetteer.event_types]


def _main_type(triggers: list[_Trigger]) -> _Trigger | None:
    """The trigger of the type listed first in the gazetteer's priority, the leftmost of that type."""
    return min(triggers, key=lambda t: (t.rank, t.start), default=None)


def _nearest(triggers: list[_Trigger], timex: Timex, offset: int) -> _Trigger:
    return min(triggers, key=lambda t: min(abs(t.start + offset - timex.end), abs(t.end + offset - timex.start)))


def _to_clause_break(sentence: Sentence, pattern: Caseless, from_end: bool) -> list[tuple[int, int]]:
    """The stretches from each match of `pattern` (its start, or its end with `from_end`) to the next clause break,
    as offsets in the text. The breaks are found once, so a long sentence of many matches stays linear."""
    breaks = [m.start() for m in SPLIT_AT.finditer(sentence.text)]
    spans = []
    for m in pattern.finditer(sentence.text, sentence.lower):
        i = bisect_left(breaks, m.end())
        stop = breaks[i] if i < len(breaks) else len(sentence.text)
        spans.append((sentence.start + (m.end() if from_end else m.start()), sentence.start + stop))
    return spans


# "Muallem, who would die two months later": a relative clause telling what became of someone later; its time is
# that fate's, not the contact's.
LATER_FATE = Caseless(r"\b(?:who|which)\s+(?:would|was\s+to|were\s+to)\s+")


# "Syria, which lost its supply line when Assad fled in December, received ...": a relative clause with a time of its
# own ("when ...") tells background; its date is not the main clause's.
RELATIVE_WHEN = Caseless(r",\s+(?:which|who)\s+[^,;]*?\bwhen\b[^,;]*")


def _later_fate_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """The relative clauses of a sentence that tell a later fate ("Muallem, who would die two months later",
    `LATER_FATE`) or a time of their own ("Syria, which lost its supply line when Assad fled", `RELATIVE_WHEN`)."""
    lower = sentence.lowered
    if "who" not in lower and "which" not in lower:
        return []  # both kinds open with a relative pronoun
    later = "would" in lower or "was" in lower or "were" in lower  # the words `LATER_FATE` needs
    spans = _to_clause_break(sentence, LATER_FATE, from_end=False) if later else []
    if " when " in lower:
        spans += [(sentence.start + m.start(), sentence.start + m.end())
                  for m in RELATIVE_WHEN.finditer(sentence.text, sentence.lower)]
    return spans


def own_time_words(sentence: Sentence) -> bool:
    """True when a sentence has words for a time of its own, outside a relative clause of later fate
    (`LATER_FATE`): "two weeks later" tells a time even when it cannot be dated."""
    fates = _later_fate_spans(sentence) if "would" in sentence.lowered or " to " in sentence.lowered else []
    return any(not any(a <= sentence.start + start < b for a, b in fates)
               for start, *_ in find_candidates(sentence.text).matches)


def _since_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """The stretches "since ..." up to the next clause break: "his first visit since the fall of the government
    in December" dates the fall, not the visit."""
    return _to_clause_break(sentence, SINCE, from_end=False)


def _semicolon_after(text: str, at: int) -> int:
    """Where the clause holding text[at] ends at a semicolon (the text's end if none follows)."""
    end = text.find(";", at)
    return end if end >= 0 else len(text)


COUNTED_TO_STATED = 30  # at most this many characters between a counted span and the day it is told to be
MONTH_TO_DAY = 8  # at most this many characters between a month and its day after it ("That June, on the 3rd")


def _event_timexes(timexes: list[Timex], dateline_end: int, quotes: list[tuple[int, int]],
                   hypotheticals: list[tuple[int, int]], sentence: Sentence | None = None) -> list[Timex]:
    """The dates of a sentence that may date its event: not "since 2018", not the dateline, and not "today"
    inside a quotation (it is the speaker's rhetorical today, not a day), nor one after "did not say whether"."""
    usable = [t for t in timexes if (t.preposition not in NON_EVENT_PREPOSITIONS or t.bound) and t.start >= dateline_end
              and not any(a <= t.start < b for a, b in hypotheticals)
              and not (t.date.basis is not DateBasis.STATED and SPEAKERS_NOW.search(t.text)
                       and any(a <= t.start < b for a, b in quotes))]
    if any(t.date.precision is not Precision.YEAR for t in usable):  # "in 2015" is background beside a day
        usable = [t for t in usable if t.date.precision is not Precision.YEAR] or usable
    days = [t for t in usable if t.date.precision is Precision.DAY]
    if days and any(t.date.precision is Precision.MONTH for t in usable):
        # "That June, on the 3rd": a month said on the way to its day, right before it
        usable = [t for t in usable if t.date.precision is not Precision.MONTH or not any(
            0 <= d.start - t.end <= MONTH_TO_DAY and t.date.compatible(d.date) for d in days)]
    stated_days = [t for t in usable if t.type != "DURATION" and t.date.precision is Precision.DAY]
    if stated_days:
        # "Three weeks later, on the evening of 20 October": the day stated right after beats the day counted
        usable = [t for t in usable if t.type != "DURATION" or not any(
            0 <= d.start - t.end <= COUNTED_TO_STATED and (sentence is None or ";" not in sentence.text[
                t.end - sentence.start:d.start - sentence.start]) for d in stated_days)]
    distinct: dict[str, Timex] = {}
    for t in usable:
        distinct.setdefault(str(t.date), t)
    return list(distinct.values())


@dataclass(slots=True)
class _Context:
    """What earlier sentences tell about pronouns and "the Russian official"."""

    last_person: Mention | None = None
    last_by_country: dict[str, Mention] = field(default_factory=dict)
    both_sides_at: int = -100  # the last sentence naming a Syrian and a Russian party
    last_pair: list[Mention] = field(default_factory=list)  # the first Syrian and Russian person of that sentence
    recent: dict[str, list[Mention]] = field(default_factory=dict)  # the last two people named of each side
    delegation: tuple[int, list[Mention]] = (-100, [])  # the last sentence naming a delegation's people
    day: date | None = None  # the article's day, for the roles people hold
    last_leaders: list[Mention] = field(default_factory=list)  # the last Syrian and Russian heads named together
    subject: Mention | None = None  # the person a pronoun opening the current sentence's subject stands for

    def resolve(self, index: int, sentence: Sentence, inside: list[Mention]) -> list[Mention]:
        extra = []
        # each pattern is only searched for when what it finds could be used
        # ... a little further back when the sentence names one of the two itself ("the two states then agreed to
        # let Russia keep its port")
        reach = PAIR_REACH_NAMED if {m.country for m in inside} & {"SY", "RU"} else PAIR_REACH
        pair = BOTH_COUNTRIES.search(sentence.text, sentence.lower) if index - self.both_sides_at <= reach else None
        if pair and {m.country for m in inside} != {"SY", "RU"}:
            start, end = sentence.start + pair.start(), sentence.start + pair.end()
            # the words from the text itself: the match was found in its lower-cased copy
            extra += [country_mention(start, end, sentence.text[pair.start():pair.end()], iso) for iso in ("SY", "RU")]
        at, members = self.delegation
        if 0 < index - at <= 2 and DELEGATION_SUBJECT.search(sentence.text, sentence.lower):
            # "it held a bilateral meeting": the delegation named just before, whose people are not named here
            extra += [m for m in members if m.country not in {x.country for x in inside if not x.is_country}]
        pronoun = PRONOUN_SUBJECT.search(sentence.text) if self.last_person else None
        if self.last_person and pronoun and (not any(
                not m.is_country and m.start < sentence.start + pronoun.start() for m in inside)
                or FRONTED_PARTICIPLE.match(sentence.text)):
            extra.append(self.last_person)  # "Assad fled ..., where he was granted asylum": he is Assad
            # "He flew to Damascus ... and met Assad. In 2020 he was back": a pronoun before anyone is named is
            # the subject, and the next "he" is still that person, not the one named after it
            self.subject = self.last_person
        if not self.last_by_country:
            return extra
        # "Russia has granted them asylum": a country alone names its side too
        named = {m.country for m in inside if not m.is_country} or {m.country for m in inside}
        if len(named) == 1 and OBJECT_PRONOUN.search(sentence.text):
            other = "RU" if "SY" in named else "SY"
            if other in self.last_by_country:
                extra.append(self.last_by_country[other])
        # "the two leaders met", also beside one of them ("Putin said the two leaders agreed"), never beside
        # someone else of the two sides
        ref = PAIR_REFERENCE.search(sentence.text) if self.last_pair else None
        # "the two leaders" are the heads last named together, though a minister was named with one of them since
        pair = self.last_leaders if ref and self.last_leaders and LEADERS.search(ref.group(0)) else self.last_pair
        if ref and {m.key for m in inside if not m.is_country} <= {m.key for m in pair}:
            extra += [m for m in pair if m not in inside]
        for ref in NATIONAL_PAIR.finditer(sentence.text):
            iso = "SY" if ref.group("nat") == "Syrian" else "RU"
            if not any(m.country == iso and not m.is_country for m in inside):
                extra += self.recent.get(iso, [])
        for ref in OFFICIAL_REFERENCE.finditer(sentence.text):
            iso = "SY" if ref.group("nat") == "Syrian" else "RU"
            last = self.last_by_country.get(iso)
            # "the Syrian minister" is not the president named last: only "the Syrian leader" may be a head of state
            if last is not None and not any(m.country == iso and not m.is_country for m in inside) \
                    and (ref.group(0).endswith("leader") or not _is_head(last, self.day)):
                extra.append(last)
        return extra

    def remember(self, index: int, inside: list[Mention], sentence: Sentence | None = None) -> None:
        if sentence is not None and "delegation" in sentence.lowered:
            nat = DELEGATION_OF.search(sentence.text)
            iso = ("SY" if nat.group("nat").lower() == "syrian" else "RU") if nat else None
            members = [m for m in inside if m.country == iso and m.kind == "person"]
            if members:
                self.delegation = (index, members)
        if {m.country for m in inside} >= {"SY", "RU"}:
            self.both_sides_at = index
        people = sorted((m for m in inside if m.kind == "person"), key=lambda m: m.start)
        pair = [next((m for m in people if m.country == iso), None) for iso in ("SY", "RU")]
        if pair[0] and pair[1]:
            self.last_pair = [pair[0], pair[1]]
        heads = [next((m for m in people if m.country == iso and _is_head(m, self.day)), None) for iso in ("SY", "RU")]
        if heads[0] and heads[1]:
            self.last_leaders = [heads[0], heads[1]]
        subject, self.subject = self.subject, None
        if people:
            self.last_person = subject or people[0]
            for m in people:
                self.last_by_country[m.country] = m
                recent = [r for r in self.recent.get(m.country, []) if r.key != m.key]
                self.recent[m.country] = (recent + [m])[-2:]


LEADERS = re.compile(r"\b(?:leaders|presidents|heads of state)\b")
HEAD_OFFICES = {"president", "prime-minister"}


def _is_head(mention: Mention, day: date | None) -> bool:
    """True for a head of state or government: by the role held on `day` (any role when the day is unknown)."""
    if mention.registry is None:
        return bool(mention.role and re.search(r"\b(?:President|Prime Minister)\b", mention.role)
                    and not re.search(r"\b(?:Vice|Deputy)\b", mention.role))
    roles = [mention.registry.role_on(day)] if day else list(mention.registry.roles)
    return any(r is not None and r.office in HEAD_OFFICES for r in roles)


def _part(sentence: Sentence, lo: int, hi: int) -> tuple[str, str | None]:
    """sentence.text[lo:hi] and its lower-cased copy, if the sentence has one."""
    return sentence.text[lo:hi], sentence.lower[lo:hi] if sentence.lower is not None else None


def _segment(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence that holds text[start:end] (a date, a trigger), as offsets within the sentence
    text (`start` and `end` are offsets within the text)."""
    at, until = start - sentence.start, end - sentence.start
    breaks = list(SPLIT_AT.finditer(sentence.text))
    return (max((m.end() for m in breaks if m.end() <= at), default=0),
            min((m.start() for m in breaks if m.start() >= until), default=len(sentence.text)))


COORDINATION = re.compile(r"\s+and\s+")
# "Borisov signed a protocol on Monday and held talks with Assad on Tuesday": a part that goes on with the verb
# has the sentence's subject.
SAME_SUBJECT = re.compile(r"\W*and\s+(?:(?:then|later|also|subsequently)\s+)?$", re.I)


def _spans(sentence: Sentence, anchors: list[_Trigger]) -> list[tuple[int, int]]:
    """Split a sentence into one part per trigger, at the last clause break before each next trigger."""
    cuts = [0]
    for prev, nxt in zip(anchors, anchors[1:]):
        breaks = [m.start() for m in SPLIT_AT.finditer(sentence.text, prev.end, nxt.start)] or \
            [m.start() for m in COORDINATION.finditer(sentence.text, prev.end, nxt.start)]
        cuts.append(breaks[-1] if breaks else (prev.end + nxt.start) // 2)
    cuts.append(len(sentence.text))
    return [(sentence.start + a, sentence.start + b) for a, b in zip(cuts, cuts[1:])]


def _spokesperson_tells(sentence: Sentence, people: list[Mention], triggers: list[_Trigger], main: _Trigger,
                        timexes: list[Timex]) -> _Trigger:
    """"Peskov said ..., adding that the question would be discussed with whoever governs Syria": a contact still
    to come whose only named people are the spokespeople who tell of it is what they said (the statement trigger
    before it); else `main`."""
    said = [t for t in triggers if t.event_type is EventType.STATEMENT and t.end <= main.start]
    persons = [m for m in people if not m.is_country]
    day = timexes[0].date.value if timexes else None
    if not said or not persons or not all(_is_spokesperson(m, day, sentence) for m in persons):
        return main
    return min(said, key=lambda t: t.start)


@cache
def _invitation(gazetteer: Gazetteer) -> Caseless:
    """"invited al-Shaibani to visit Moscow": an invitation to one of the lexicon's `invitation` verbs."""
    verbs = trie_alternation(gazetteer.lexicon["invitation"]["verbs"])
    return Caseless(r"\binvit(?:ed|es|ing)\s+(?:[\w'’-]+\s+){0,5}?to\s+(?:" + verbs + r")\b")


def _invitation_told(sentence: Sentence, triggers: list[_Trigger], main: _Trigger, gazetteer: Gazetteer) -> _Trigger:
    """"The presidency said Putin had voiced support for Syria's unity and invited al-Shaibani to visit Moscow": a
    visit still to come that is only an invitation, in a sentence that tells what was said, is that statement (the
    first statement trigger other than the reporting verbs); else `main`."""
    if not any(m.start() <= main.start < m.end() for m in _invitation(gazetteer).finditer(sentence.text, sentence.lower)):
        return main
    said = [t for t in triggers if t.event_type is EventType.STATEMENT
            and sentence.text[t.start:t.end].lower() not in REPORTING]
    return min(said, key=lambda t: t.start) if said else main


def _is_spokesperson(mention: Mention, day, sentence: Sentence) -> bool:
    """True for a spokesperson: by the role held on `day` (any role when the day is unknown) or the title."""
    if SPOKESPERSON_TITLE.search(sentence.text[max(0, mention.start - sentence.start - 60):mention.start - sentence.start]):
        return True
    if mention.registry is not None:
        roles = [mention.registry.role_on(day)] if day else list(mention.registry.roles)
        return any(r and r.office == "spokesperson" for r in roles)
    return bool(mention.role and SPOKESPEOPLE.search(mention.role))


# "From Damascus, Putin will fly to Ankara": a clause opening with where a journey starts names no party.
DEPARTURE = re.compile(r"(?:^|[,;:]\s*)(?:from|leaving|after leaving|departing from)\s+(?:the\s+)?$", re.I)


def _departure(mention: Mention, sentence: Sentence) -> bool:
    """True for a country or capital named as the starting point of a journey at the head of a clause."""
    return bool(DEPARTURE.search(sentence.text[max(0, mention.start - sentence.start - 30):mention.start - sentence.start]))


def _talked_about(mention: Mention, sentence: Sentence) -> bool:
    """True for a country named as the subject of talks ("about Syria", "on the situation in Syria")."""
    before = sentence.text[max(0, mention.start - sentence.start - 70):mention.start - sentence.start]
    return bool(TALKED_ABOUT.search(before))


# "Ushakov said Putin and al-Sharaa would meet": the one who tells of the contact, right before the verb.
REPORTER = re.compile(r"\s+(?:said|says|told|announced|added|noted|stated|confirmed|reported)\b")


def _reporters(people: list[Mention], sentence: Sentence) -> set[Mention]:
    """The speakers of a sentence that tells of a contact between others: a person right before a reporting verb
    when a person of the same side is named after the verb (the speaker who is one of the parties stays)."""
    out = set()
    for m in people:
        if m.is_country or not REPORTER.match(sentence.text, m.end - sentence.start):
            continue
        # a person, not a body: "al-Sharaa told Putin ..., the Syrian presidency said" keeps al-Sharaa
        if any(o.country == m.country and o.kind == "person" and o.key != m.key and o.start > m.end for o in people):
            out.add(m)
    return out


@dataclass(frozen=True, slots=True)
class _Refers:
    """What a sentence refers back to, looked for once per sentence: a contact ("the meeting", its match),
    remarks ("the remarks") and an earlier contact than the one at hand ("Earlier, on 12 February, ..."); and
    where it denies what follows."""

    anaphor: re.Match[str] | None
    remarks: bool
    earlier: bool
    denial: re.Match[str] | None = None  # "denied reports that": a contact told after it did not happen


def _clause(index: int, sentence: Sentence, event_type: EventType | None, planned: bool, people: list[Mention],
            date: EventDate | None, weak: bool, joiners: list[Mention], refers: _Refers) -> Clause:
    if event_type is not None and event_type is not EventType.STATEMENT:
        # "Kremlin spokesman Dmitry Peskov said the presidents met": the spokesman reports, he is not a party
        day = date.value if date else None
        people = [m for m in people if m.is_country or not _is_spokesperson(m, day, sentence)]
        if "according to" in sentence.lowered:
            # "Russia and Syria signed an agreement, according to the text released by the Russian government":
            # the source of the report (a statement's "according to" names the one who says it)
            sources = [(sentence.start + a, sentence.start + b)
                       for a, b in _to_clause_break(sentence, ACCORDING_TO, from_end=False)]
            people = [m for m in people if m.is_country or not any(a <= m.start < b for a, b in sources)]
    if event_type in CONTACT_TYPES:  # "Putin spoke with Erdogan about Syria": Syria is what they talked about
        speakers = _reporters(people, sentence)
        people = [m for m in people if not (m.is_country and (_talked_about(m, sentence) or _departure(m, sentence)))
                  and m not in speakers]
    persons, countries, bodies = sides(people)
    # "The two presidents heard reports ..., spokesman Dmitry Peskov said": the one who tells is not joining
    day = date.value if date else None
    join_persons, _, _ = sides([m for m in joiners if not REPORTER.match(sentence.text, m.end - sentence.start)
                                and not _is_spokesperson(m, day, sentence)])
    return Clause(index, sentence, event_type, Modality.PLANNED if planned else Modality.REPORTED, persons,
                  countries, date, refers.anaphor is not None, bodies, refers.remarks, weak, join_persons,
                  refers.earlier)


# What may stand between "after seeing" and the person seen: "the", a title ("Syrian President", "Foreign Minister").
SEEN_TITLE = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}")


def _seeing_someone(sentence: Sentence, triggers: list[_Trigger], people: list[Mention]) -> list[_Trigger]:
    """The triggers less an "after seeing" that sees no one: the participle tells a meeting only when a person of
    one side is named right after the verb and a party of the other side is in the sentence ("After seeing Assad
    on Monday, Putin said"; not "After seeing the damage in Aleppo, Putin said", "After seeing the report, Lavrov
    said")."""
    def sees(t: _Trigger) -> bool:
        for m in people:
            if m.kind == "person" and m.country in ("SY", "RU") and \
                    SEEN_TITLE.fullmatch(sentence.text, t.end, m.start - sentence.start) is not None:
                other = "RU" if m.country == "SY" else "SY"
                return any(x.country == other and not x.is_country for x in people)
        return False
    return [t for t in triggers if sentence.text[t.start:t.end].lower() != "after seeing" or sees(t)]


def _not_lasting(sentence: Sentence, triggers: list[_Trigger]) -> list[_Trigger]:
    """The triggers outside a part of the sentence that tells what went on for years (`DURATIVE`) or that marks
    a time from which something holds ("since ...")."""
    lower = sentence.lowered
    if "years" in lower or "decade" in lower or "in power" in lower:  # substring tests skip most sentences at once
        breaks = list(SPLIT_AT.finditer(sentence.text))
        starts, ends = [m.start() for m in breaks], [m.end() for m in breaks]
        spans = []
        for lasting in DURATIVE.finditer(sentence.text, sentence.lower):  # its clause, as `_segment` finds it
            i, j = bisect_right(ends, lasting.start()), bisect_left(starts, lasting.end())
            spans.append((ends[i - 1] if i else 0, starts[j] if j < len(starts) else len(sentence.text)))
        spans = _merged(spans)
        triggers = [t for t in triggers if not _within(t.start, spans)]
    if "since" not in lower:
        return triggers
    # "had not seen Assad since he arrived in Moscow": what follows "since" marks a time, it is not told as news
    since = _merged([(lo - sentence.start, hi - sentence.start) for lo, hi in _since_spans(sentence)])
    return [t for t in triggers if t.event_type is EventType.STATEMENT or not _within(t.start, since)]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` as sorted stretches that do not overlap."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _within(at: int, merged: list[tuple[int, int]]) -> bool:
    """True when `at` lies in one of the stretches `merged` (`_merged`)."""
    i = bisect_right(merged, (at, sys.maxsize)) - 1
    return i >= 0 and merged[i][0] <= at < merged[i][1]


# The verbs that only report what someone said, with no stance of their own.
REPORTING = {"said", "says", "told", "added", "noted", "stated"}


def _only_reports(sentence: Sentence, triggers: list[_Trigger]) -> bool:
    """True when every trigger of a sentence is a reporting verb ("said", "told")."""
    return all(t.event_type is EventType.STATEMENT and sentence.text[t.start:t.end].lower() in REPORTING
               for t in triggers)


def _held_contact(sentence: Sentence, triggers: list[_Trigger], gazetteer: Gazetteer) -> _Trigger | None:
    """A meeting or call told in a clause of its own that looks back, in a sentence about something planned, or
    in the participle that opens it ("After seeing Assad on Monday, he said a deal would be signed")."""
    fronted = FRONTED_PARTICIPLE.match(sentence.text)
    for t in sorted(triggers, key=lambda t: (t.rank, t.start)):
        if t.event_type not in CONTACT_TYPES:
            continue
        if fronted is not None and t.start < fronted.end():
            return t
        lo, hi = _segment(sentence, sentence.start + t.start, sentence.start + t.end)
        if not gazetteer.planned.search(*_part(sentence, lo, hi)):
            return t
    return None


def _document_speaks(sentence: Sentence, people: list[Mention], main: _Trigger) -> bool:
    """True when the sentence's subject is a document ("The agreement provides ...") and no person precedes
    the verb: it describes a text, it is not a party's act."""
    if not DOCUMENT_SUBJECT.search(sentence.text):
        return False
    return not any(not m.is_country and m.start - sentence.start < main.start for m in people)


def _cargo_arrival(sentence: Sentence, people: list[Mention], triggers: list[_Trigger],
                   arrival: _Trigger) -> tuple[_Trigger, list[_Trigger]]:
    """"A shipment of wheat arrived at Latakia": what arrives is aid when an aid word comes before the verb and
    no person does; else the arrival stays a visit."""
    carried = [t for t in triggers if t.event_type is EventType.AID and t.start < arrival.start]
    if not carried or any(not m.is_country and m.start - sentence.start < arrival.start for m in people):
        return arrival, triggers
    rest = [t for t in triggers if t is not arrival]
    return _main_type(rest), rest


# How someone comes rather than whom he sees: "arrived in Moscow", "flew to Damascus", "travelled to", "a trip to".
JOURNEY_STARTS = ("arriv", "flew ", "trave", "trip ")


def _journey(sentence: Sentence, trigger: _Trigger) -> bool:
    """True for a meeting trigger that tells a journey, not a contact with anyone."""
    return trigger.event_type is EventType.MEETING and \
        sentence.text[trigger.start:trigger.start + 5].lower().startswith(JOURNEY_STARTS)


def _refuge(sentence: Sentence, triggers: list[_Trigger], journey: _Trigger) -> tuple[_Trigger, list[_Trigger]]:
    """"He arrives in Moscow and is granted asylum": a journey that ends in asylum is the asylum (aid), when the
    sentence tells no contact besides the journey."""
    asylum = [t for t in triggers if t.event_type is EventType.AID and "asylum" in sentence.text[t.start:t.end].lower()]
    if not asylum or any(t.event_type is EventType.MEETING and not _journey(sentence, t) for t in triggers):
        return journey, triggers
    rest = [t for t in triggers if t.event_type is not EventType.MEETING]
    return asylum[0], rest


def _relative_clauses(index: int, sentence: Sentence, people: list[Mention], everyone: list[Mention],
                      timexes: list[Timex], triggers: list[_Trigger], gazetteer: Gazetteer,
                      refers: _Refers) -> list[Clause] | None:
    """Two clauses for "X happened on Thursday, a day after Y happened": X on the sentence's day, Y that many days
    before (after); None when the sentence is not of that shape."""
    if len(timexes) != 1 or timexes[0].date.precision is not Precision.DAY or timexes[0].date.value is None:
        return None
    timex = timexes[0]
    rel = RELATIVE_EVENT.search(sentence.text, timex.end - sentence.start)
    if rel is None:
        return None
    stop = SPLIT_AT.search(sentence.text, rel.end())
    lo, hi = rel.end(), stop.start() if stop else len(sentence.text)
    tail = _main_type([t for t in triggers if lo <= t.start < hi and t.event_type is not EventType.STATEMENT])
    head = _main_type([t for t in triggers if t.start < rel.start()])
    if tail is None or head is None:
        return None
    days = _COUNTS.get((rel.group("n") or "a").lower()) or int(rel.group("n"))
    shift = timedelta(days=-days if rel.group("dir").lower() == "after" else days)
    when = EventDate(timex.date.value + shift, Precision.DAY, timex.date.basis)
    inside = [m for m in everyone if lo <= m.start - sentence.start < hi]
    outside = [m for m in people if not lo <= m.start - sentence.start < hi]

    def as_countries(mentions: list[Mention]) -> list[Mention]:
        return [m.as_country() for m in mentions]

    planned = bool(gazetteer.planned.search(*_part(sentence, 0, rel.start())))
    head_clause = _clause(index, sentence, head.event_type, planned, outside + as_countries(inside), timex.date,
                          False, [], refers)
    tail_clause = _clause(index, sentence, tail.event_type, False, inside + as_countries(outside), when, False, [],
                          _Refers(None, False, True))
    head_clause.part = (sentence.start, sentence.start + rel.start())
    tail_clause.part = (sentence.start + lo, sentence.start + hi)
    return [head_clause, tail_clause]


# ", who had talks with Lavrov in Moscow that summer,": a relative clause about the person just named.
WHO_CLAUSE = re.compile(r",\s+who\s+[^,;:]*")
# An undated relative clause of contact tells background of no one day: "who met Lavrov many times", "who once held
# talks with Lavrov", "who had met Putin before". Only one telling what came next in the story ("who was later
# received by Putin") is a contact of its own, dated by the story told before.
WHO_NEXT = re.compile(r"\b(?:later|then|afterwards|subsequently)\b")
WHO_HABITUAL = re.compile(r"\b(?:once|twice|\w+\s+times|often|repeatedly|previously|regularly|frequently|"
                          r"occasions|in\s+the\s+past|before|ever|has|have|had|used\s+to)\b")


def _who_contact(index: int, sentence: Sentence, people: list[Mention], everyone: list[Mention],
                 timexes: list[Timex], triggers: list[_Trigger], gazetteer: Gazetteer,
                 refers: _Refers) -> tuple[Clause | None, tuple[int, int]] | None:
    """The contact a relative clause tells of the person right before it ("Mekdad, who held talks with Lavrov in
    Moscow that summer, later lost his post", "Al-Shibani, who was later received by Putin, told reporters"):
    a clause of that person and the people the relative clause names, with its own date if it has one, and the
    relative clause's span in the sentence text; None when the sentence has no such clause. The people of a
    relative clause are no parties of the rest of the sentence (`BACKGROUND`). An undated relative clause takes
    neither the date of the rest of the sentence nor the publication's: it is no clause (None with its span) unless
    it tells what came next without a habitual word (`WHO_NEXT`, `WHO_HABITUAL`), and then it is `background`."""
    for rel in WHO_CLAUSE.finditer(sentence.text):
        lo, hi = rel.start() + 1, rel.end()
        contact = _main_type([t for t in triggers if lo <= t.start < hi and t.event_type in CONTACT_TYPES])
        if contact is None:
            continue
        at = sentence.start + rel.start()
        # (also someone named in a background clause: "Since Assad's fall the file has passed to Novak, who was
        # received by al-Sharaa in September")
        antecedent = next((m for m in everyone if not m.is_country and m.kind == "person" and m.end == at), None)
        # not who it names in a background clause of its own ("who is touring Syria on instructions from Putin")
        # or as an owner ("Putin's envoy")
        nested = [(sentence.start + b.start(), sentence.start + b.end())
                  for b in BACKGROUND.finditer(sentence.text, sentence.lower, lo + 4, hi)]
        owned = _possessed(gazetteer)
        inside = [m for m in everyone if sentence.start + lo <= m.start < sentence.start + hi
                  and not any(a <= m.start < b for a, b in nested)
                  and not (m.kind == "person" and owned.match(sentence.text, m.end - sentence.start))]
        if antecedent is None or not any(m.country != antecedent.country and m.kind == "person" for m in inside):
            continue  # "Borisov, who is leading a delegation visiting Syria": the contact the sentence tells
        if not any(s <= lo + 2 < e for s, e in ((b.start(), b.end()) for b in
                                                BACKGROUND.finditer(sentence.text, sentence.lower))):
            continue  # "X, who also joined the talks": a member of the party, not a clause of its own
        own = [t for t in timexes if sentence.start + lo <= t.start < sentence.start + hi]
        told = sentence.lowered[lo:hi]
        if not own and (WHO_HABITUAL.search(told) or not WHO_NEXT.search(told)):
            return None, (lo, hi)  # "Mekdad, who met Lavrov many times, criticised Turkey": of no one day
        planned = bool(gazetteer.planned.search(*_part(sentence, lo, hi)))
        clause = _clause(index, sentence, contact.event_type, planned, [antecedent, *inside],
                         own[0].date if own else None, False, [], _Refers(None, False, refers.earlier))
        clause.part = (sentence.start + lo, sentence.start + hi)
        clause.background = not own
        return clause, (lo, hi)
    return None


# ", whose soldiers hold ground in northern Syria": what a relative clause tells of the one just named.
WHOSE_CLAUSE = re.compile(r",\s+whose\s+[^,;:]*")


def _not_of_others(sentence: Sentence, triggers: list[_Trigger], everyone: list[Mention]) -> list[_Trigger]:
    """The triggers outside a "whose" clause about someone of neither side ("to open a plant with Erdogan, whose
    soldiers are stationed in the north of Syria": Turkey's soldiers are no Syria–Russia matter)."""
    spans = [(w.start(), w.end()) for w in WHOSE_CLAUSE.finditer(sentence.text)
             if not any(not m.is_country and m.end == sentence.start + w.start() for m in everyone)]
    return [t for t in triggers if not any(a <= t.start < b for a, b in spans)] if spans else triggers


def _sentence_clauses(index: int, sentence: Sentence, people: list[Mention], timexes: list[Timex],
                      gazetteer: Gazetteer, refers: _Refers, everyone: list[Mention],
                      prefixes: list[tuple[str, ...] | None] | None = None,
                      skip: tuple[int, int] | None = None) -> list[Clause]:
    """The clauses of one sentence; `people`: its parties with those it refers back to, `everyone`: all it names;
    `prefixes`: the trigger prefixes its article holds (`article_prefixes`); `skip`: a stretch of the sentence
    (offsets in its text) told by a clause of its own (`_who_contact`), whose triggers and dates are not the
    rest's."""
    negated: list[_Trigger] = []
    triggers = find_triggers(sentence.text, sentence.lower, gazetteer, refers.denial, prefixes, negated)
    if triggers:
        triggers = _not_lasting(sentence, triggers)
    if triggers and "after seeing" in sentence.lowered:
        triggers = _seeing_someone(sentence, triggers, people)
    if triggers and "whose" in sentence.lowered:
        triggers = _not_of_others(sentence, triggers, everyone)
    if skip is not None:
        triggers = [t for t in triggers if not skip[0] <= t.start < skip[1]]
    elif triggers and "who" in sentence.lowered:
        told = _who_contact(index, sentence, people, everyone, timexes, triggers, gazetteer, refers)
        if told is not None:
            clause, (lo, hi) = told
            rest = [t for t in timexes if not sentence.start + lo <= t.start < sentence.start + hi]
            # nor are the countries it names the rest's parties ("who held talks with Lavrov in Moscow, said")
            people = [m for m in people if not sentence.start + lo <= m.start < sentence.start + hi]
            return [*([clause] if clause is not None else []), *_sentence_clauses(index, sentence, people, rest, gazetteer, refers, everyone, prefixes,
                                               (lo, hi))]
    if negated and _only_reports(sentence, triggers) and \
            {m.country for m in people if not m.is_country and m.kind == "person"} != {"SY", "RU"}:
        # "Novak was not part of the talks, a spokesman said": what is said is that no contact took place; a denial
        # is news when it names who did not meet ("Peskov said Putin had not met Assad")
        triggers = []
    relative = _relative_clauses(index, sentence, people, everyone, timexes, triggers, gazetteer,
                                 refers) if len(timexes) == 1 and triggers else None
    if relative is not None:
        return relative
    anaphor = refers.anaphor
    joiners = [m for m in people if anaphor and m.start >= sentence.start + anaphor.end()]
    main = _main_type(triggers)
    if main and main.event_type is EventType.MEETING and sentence.text[main.start:main.start + 5].lower() == "arriv":
        main, triggers = _cargo_arrival(sentence, people, triggers, main)
    if main and main.event_type is EventType.AGREEMENT and sentence.text[main.start:main.start + 6].lower() == "agreed":
        # "held talks on Tuesday and agreed to expand trade": a meeting with an outcome is a meeting (a deal signed
        # stays an agreement)
        held = [t for t in triggers if t.event_type is EventType.MEETING and not _journey(sentence, t)]
        if held and not any(t.event_type is EventType.AGREEMENT and sentence.text[t.start:t.start + 6].lower()
                            != "agreed" for t in triggers):
            main = min(held, key=lambda t: t.start)
            triggers = [t for t in triggers if t.event_type is not EventType.AGREEMENT]
    journey = main is not None and _journey(sentence, main)
    if journey:
        main, triggers = _refuge(sentence, triggers, main)
        journey = main.event_type is EventType.MEETING and all(
            _journey(sentence, t) for t in triggers if t.event_type is EventType.MEETING)
    if main and main.event_type in DOCUMENT_TYPES and _document_speaks(sentence, people, main):
        main, triggers = None, []
    planned = bool(gazetteer.planned.search(sentence.text, sentence.lower))
    if planned and main is not None and main.event_type in CONTACT_TYPES:
        main = _spokesperson_tells(sentence, people, triggers, main, timexes)
        if main.event_type in CONTACT_TYPES and "invit" in sentence.lowered:
            main = _invitation_told(sentence, triggers, main, gazetteer)
        planned = main.event_type is not EventType.STATEMENT  # what they said, they said
    if len(timexes) <= 1 or not triggers:
        date = timexes[0].date if timexes else None
        before = sentence.text[:timexes[0].start - sentence.start] if timexes else ""
        weak = bool(timexes and main and SAID_BEFORE.search(before) and (
            main.event_type is not EventType.STATEMENT or TRAILING_ATTRIBUTION.search(before)))
        if main is not None and main.event_type in CONTACT_TYPES and (" before " in sentence.text
                                                                      or " after " in sentence.text):
            parts = _contact_then_contact(sentence, people, triggers)
            if parts is not None:
                out = []
                for (trigger, own_people, part) in parts:
                    out.append(_clause(index, sentence, trigger.event_type, planned, own_people, date, weak, joiners,
                                       refers))
                    out[-1].part = part
                return out
        own = _own_coordinate(sentence, people, triggers, main) if main is not None \
            and main.event_type in CONTACT_TYPES and (", and " in sentence.text or "; " in sentence.text) else None
        clause = _clause(index, sentence, main.event_type if main else None, planned,
                         own[0] if own else people, date, weak, joiners, refers)
        if own:
            clause.part = own[1]
        clause.journey = journey
        if timexes and not weak:  # the clause break around its date ("...; the two leaders last met in Damascus in
            # January 2020"), not around a date of the report ("the Kremlin said on Tuesday in Moscow"): found when
            # asked for (`clause_part`)
            clause.dated_at = (timexes[0].start, timexes[0].end)
        held = _held_contact(sentence, triggers, gazetteer) if planned and main else None
        if held is None or held.event_type is main.event_type:
            return [clause]
        # "said a contract would be signed within a week, after talks with Assad": the talks were held
        return [clause, _clause(index, sentence, held.event_type, False, people, date, weak, joiners, refers)]
    paired: dict[_Trigger, Timex] = {}
    repeats: set[_Trigger] = set()  # the contacts told again by "again" ("and again on May 17")
    again = "again" in sentence.lowered
    follows = []  # the dates that come after a verb of their clause: they take it first
    for timex in timexes:
        lo, hi = _segment(sentence, timex.start, timex.end)
        follows.append(any(lo <= t.start < hi and t.end + sentence.start <= timex.start for t in triggers))
    # "landed on the 14th of March and was received by Putin the following day": the reception is on the day after
    for timex in [t for t, f in zip(timexes, follows, strict=True) if f] + \
            [t for t, f in zip(timexes, follows, strict=True) if not f]:
        # a date pairs with a trigger of its own clause ("which was signed on January 18")
        lo, hi = _segment(sentence, timex.start, timex.end)
        own = [t for t in triggers if lo <= t.start < hi and not _of_another_noun(sentence, t, timex)]
        if again and _pair_again(sentence, timex, timexes, triggers, paired, lo, repeats):
            continue
        if own:
            # "signed a protocol on Monday and held talks on Tuesday": a date follows the verb it dates
            before = [t for t in own if t.end + sentence.start <= timex.start]
            trigger = _nearest(before or own, timex, sentence.start)
            if trigger.event_type is EventType.STATEMENT and not planned and SAID_BEFORE.search(
                    sentence.text[:timex.start - sentence.start]):
                # "hosted Assad on Wednesday, the Kremlin press service said today": the date of the report of
                # a contact, not an event (an announcement of a planned visit is one, and stays)
                continue
            paired.setdefault(trigger, timex)
    if len(paired) <= 1:
        dated = list(paired.values()) or timexes[:1]
        return _sentence_clauses(index, sentence, people, dated[:1], gazetteer, refers, everyone, prefixes, skip)
    anchors = sorted(paired.items(), key=lambda kv: kv[0].start)
    subject = [m for m in people if not m.is_country and m.start < sentence.start + anchors[0][0].start]
    clauses = []
    told: list[Mention] = []  # the people of the part before
    for (trigger, timex), (start, end) in zip(anchors, _spans(sentence, [a for a, _ in anchors])):
        own = [m for m in people if start <= m.start < end and not m.is_country]
        if trigger in repeats:  # "and again on Thursday": the same parties, unless this part names its own
            named = {m.country for m in own}
            own = [m for m in told if m.country not in named] + own
        if start == sentence.start:  # "The two presidents last met ... and spoke ...": those it refers back to
            own = [m for m in subject if m.start < sentence.start] + own
        if start > sentence.start and SAME_SUBJECT.match(sentence.text[start - sentence.start:trigger.start]):
            named = {m.country for m in own}
            own = [m for m in subject if m.country not in named] + own
        pronoun = SPAN_PRONOUN.search(sentence.text, start - sentence.start, end - sentence.start)
        if pronoun:
            # "A meeting on 13 September 2021 followed Assad's re-election, and on 15 March 2023 he was received
            # in Moscow": "he" is the person named last before this part of the sentence (of a side not named in it);
            # a "he" opening a part after a semicolon goes on with the sentence's subject ("Assad landed ... and was
            # received by Putin ...; he came back in July")
            before = [m for m in people if m.start < start and not m.is_country]
            if subject and PART_OPENING.fullmatch(sentence.text, start - sentence.start, pronoun.start()) \
                    and sentence.text.rfind(";", 0, pronoun.start()) >= subject[0].start - sentence.start:
                before = subject[:1]
            if before and before[-1].country not in {m.country for m in own}:
                own = [before[-1], *own]
        # the other people of the sentence still say which countries are involved
        others = [m.as_country() for m in people if not (start <= m.start < end) or m.is_country]
        part_planned = trigger.event_type is not EventType.STATEMENT and bool(
            gazetteer.planned.search(*_part(sentence, start - sentence.start, end - sentence.start)))
        clauses.append(_clause(index, sentence, trigger.event_type, part_planned, own + others, timex.date, False,
                               [m for m in joiners if start <= m.start < end], refers))
        clauses[-1].part = (start, end)
        told = own
    return clauses


# ", and earlier that year Mamlouk had met ...", "; Lavrov then met ...": a coordinate clause of its own.
FINITE_VERB = re.compile(r"\b(?:[a-z]+ed|was|were|is|are|has|have|had|did|does|will|would|said|told|met|held|made|"
                         r"took|gave|went|came|spoke|sent|led|saw|began|flew|left|became|sat)\b")
COORDINATE_BREAK = re.compile(r",\s+and\s+|;\s+")


def _own_coordinate(sentence: Sentence, people: list[Mention], triggers: list[_Trigger],
                    main: _Trigger) -> tuple[list[Mention], tuple[int, int]] | None:
    """"A ceasefire negotiated by Erdogan and Putin, and earlier that year Mamlouk had met Turkey's spy chief in
    Moscow": the contact told in a coordinate clause with a subject of its own, after a part that tells no contact,
    has the people of its own clause (those before stand for their countries) and that clause as its part; None
    when the sentence is not of that shape."""
    breaks = [b for b in COORDINATE_BREAK.finditer(sentence.text) if b.end() <= main.start]
    if not breaks:
        return None
    cut = breaks[-1]
    if any(t.event_type in CONTACT_TYPES and t.start < cut.start() for t in triggers) \
            or not FINITE_VERB.search(sentence.text, 0, cut.start()):
        return None  # "Lavrov, on his first trip since 2012, and Borisov were received": one subject, no clause
    start = sentence.start + cut.end()
    if not any(not m.is_country and start <= m.start < sentence.start + main.start for m in people):
        return None  # "..., and then met Assad": the subject of the sentence goes on
    return ([m if m.is_country or m.start >= start else m.as_country() for m in people],
            (start, sentence.end))


# "both were seen by Assad before Lavrov met Muallem": one contact, then another.
SEQUENCE = re.compile(r"\s+(?:before|after)\s+")


def _contact_then_contact(sentence: Sentence, people: list[Mention], triggers: list[_Trigger]) \
        -> list[tuple[_Trigger, list[Mention], tuple[int, int]]] | None:
    """Two contacts told one after the other, the second with a subject of its own after "before" or "after" ("were
    seen by Assad before Lavrov met Muallem"): each contact's trigger, its people (those of the other
    part standing for their countries) and its part of the sentence; None when the sentence is not of that shape."""
    contacts = sorted((t for t in triggers if t.event_type in CONTACT_TYPES), key=lambda t: t.start)
    for first, second in pairwise(contacts):
        link = SEQUENCE.search(sentence.text, first.end, second.start)
        if link is None:
            continue
        cut = sentence.start + link.start()
        subject = [m for m in people if not m.is_country and sentence.start + link.end() <= m.start
                   < sentence.start + second.start]
        before = [m for m in people if not m.is_country and m.start < cut]
        after = [m for m in people if not m.is_country and m.start >= cut]
        if not subject or {m.country for m in before} != {"SY", "RU"} or {m.country for m in after} != {"SY", "RU"}:
            continue
        return [(first, [m if m.start < cut else m.as_country() for m in people], (sentence.start, cut)),
                (second, [m if m.start >= cut else m.as_country() for m in people], (cut, sentence.end))]
    return None


RELATIVE_PRONOUN = re.compile(r"\s+(?:that|which)\s+")


def _of_another_noun(sentence: Sentence, trigger: _Trigger, timex: Timex) -> bool:
    """True when the date lies in a "that"/"which" clause about another noun than the trigger, after it: "the
    first trip by a minister of the cabinet that took office last December" (not "the visit that took
    place in December"; what a statement says "that ..." is its own)."""
    if trigger.event_type is EventType.STATEMENT or trigger.end + sentence.start > timex.start:
        return False
    rel = RELATIVE_PRONOUN.search(sentence.text, trigger.end, timex.start - sentence.start)
    return rel is not None and bool(sentence.text[trigger.end:rel.start()].strip())


# "met Putin in Sochi on November 20, 2017, and again in Sochi on May 17, 2018": a clause with a date and no verb
# of its own that repeats the contact told before it.
AGAIN = re.compile(r"\bagain\b", re.I)


def _pair_again(sentence: Sentence, timex: Timex, timexes: list[Timex], triggers: list[_Trigger],
                paired: dict[_Trigger, Timex], lo: int, repeats: set[_Trigger]) -> bool:
    """Pair a date told after "again" ("met Putin on Monday and again on Thursday", "..., and again in Sochi on
    May 17"), in its clause (from `lo`, an offset in the sentence) and after the last trigger before it, with a
    copy of the meeting or call trigger told before "again" (added to `repeats`); that trigger, if still
    unpaired, takes the last unpaired date before "again": each time is a contact of its own. False when the
    date is not of that shape."""
    at = timex.start - sentence.start
    since = max((t.end for t in triggers if t.end <= at), default=0)
    found = AGAIN.search(sentence.text, max(lo, since), at)
    if found is None:
        return False
    told = [t for t in triggers if t.event_type in CONTACT_TYPES and t.end <= found.start()]
    if not told:
        return False
    first = max(told, key=lambda t: t.start)
    if first not in paired:
        taken = {id(t) for t in paired.values()}
        earlier = [t for t in timexes if t.end <= sentence.start + found.start() and id(t) not in taken]
        if not earlier:
            return False
        paired[first] = earlier[-1]
    repeat = _Trigger(first.event_type, found.start(), found.end(), first.rank)
    repeats.add(repeat)
    paired.setdefault(repeat, timex)
    return True


def find_clauses(text: str, anchor: EventDate | None, gazetteer: Gazetteer) -> tuple[list[Clause], list[Mention]]:
    """Every sentence of an article with the parties, type and date it states (none for an article that names
    no Syrian or no Russian party)."""
    day = anchor.value if anchor and anchor.precision is Precision.DAY else None
    mentions = list(find_mentions(text, gazetteer, day))
    if not {"SY", "RU"} <= {m.country for m in mentions}:
        # every party a clause has is a mention or stands for one, so an article that names only one side (most
        # of a news archive) holds no contact: its dates and sentences need not be read
        return [], mentions
    timexes = list(find_dates(text, anchor))
    lowered = lower_text(text)
    prefixes = article_prefixes(lowered, gazetteer)
    dateline = DATELINE.match(text)
    dateline_end = dateline.end() if dateline else 0
    clauses: list[Clause] = []
    context = _Context(day=day)
    mention_starts = [m.start for m in mentions]  # both lists run left to right
    timex_starts = [t.start for t in timexes]
    sentences = split_sentences(text, lowered)
    entry_of = entries(text, sentences)
    dead = dead_people(text, lowered, mentions, gazetteer)
    for index, sentence in enumerate(sentences):
        lo_m, hi_m = bisect_left(mention_starts, sentence.start), bisect_left(mention_starts, sentence.end)
        lo, hi = bisect_left(timex_starts, sentence.start), bisect_left(timex_starts, sentence.end)
        dated = _sentence_timexes(sentence, timexes[lo:hi], dateline_end, gazetteer, day) if hi > lo else []
        if day is not None and any(t.date.value is not None and t.date.value > day for t in dated):
            dated = _not_after(dated, day, sentence, gazetteer)
        if dated and any(m.office for m in mentions[lo_m:hi_m]):
            # "In 2008 the Russian president flew to Damascus": the office's holder on the day the sentence tells
            for i in range(lo_m, hi_m):
                if mentions[i].office:
                    near = min(dated, key=lambda t: abs(t.start - mentions[i].start))
                    mentions[i] = holder_on(mentions[i], near.date, gazetteer)
        inside = participants(mentions[lo_m:hi_m], sentence, gazetteer)
        if dead and not dated:
            # "Lavrov praised Muallem as a friend of Russia": someone the article says has died takes part in
            # nothing it tells without a date (that would be dated by the story's own day), and is no one's "he"
            inside = [m for m in inside if m.key not in dead]
        people = inside + context.resolve(index, sentence, inside)
        if dead and not dated:
            people = [m for m in people if m.key not in dead]
        anaphor = ANAPHORA.search(sentence.text, sentence.lower)
        if anaphor and SEPARATE.search(sentence.text, sentence.lower):
            anaphor = None  # "The delegation also included X, who held separate talks with Y": a contact of its own
        if people or dated or anaphor:
            refers = _Refers(anaphor, REMARKS.search(sentence.text, sentence.lower) is not None,
                             EARLIER_CONTACT.search(sentence.text, sentence.lower) is not None,
                             DENIAL.search(sentence.text, sentence.lower))
            found = _sentence_clauses(index, sentence, people, dated, gazetteer, refers,
                                      mentions[lo_m:hi_m] + [m for m in people if m.is_country], prefixes)
            if "both " in sentence.lowered:
                found = [part for clause in found for part in _each_of_both(clause, mentions[lo_m:hi_m], gazetteer)]
            if _denies_contact(sentence.text, refers.denial, gazetteer):
                for clause in found:
                    clause.denies = True
            unread = _unread_day(sentence, timexes[lo:hi]) if day is None and any(
                c.date is None and c.event_type for c in found) else None
            for clause in found:
                clause.entry, clause.clock = entry_of[index]
                if clause.date is None:
                    clause.day_of_year = unread
                if clause.event_type is EventType.AID or (clause.event_type is EventType.MILITARY and any(
                        act in sentence.lowered for act in gazetteer.lexicon["strikes"]["words"])):
                    _destination_side(clause, gazetteer)
            clauses.extend(found)
        else:
            clauses.append(_idle_clause(index, sentence, *entry_of[index]))
        context.remember(index, inside + [m for m in people if m.is_country], sentence)
    return clauses, mentions


BOTH = re.compile(r"\bboth\s+")
AND_BETWEEN = re.compile(r"\s+and\s+")


# what may stand between a contact verb and its object: "received by both", "held talks with both", "met both"
TO_OBJECT = re.compile(r"\s+(?:(?:by|with)\s+)?$")


@lru_cache(maxsize=4)
def _contact_matches(sentence: Sentence, gazetteer: Gazetteer) -> tuple[tuple[int, int], ...]:
    """Where the meeting and call patterns match in a sentence (offsets in its text), found once for the several
    checks that ask (`_sentence_timexes`, `_each_of_both`)."""
    return tuple((m.start(), m.end()) for rule in gazetteer.event_types if rule.name in ("meeting", "call")
                 and rule.pattern for m in rule.pattern.finditer(sentence.text))


def _each_of_both(clause: Clause, mentions: list[Mention], gazetteer: Gazetteer) -> list[Clause]:
    """"Al-Shaibani was received by both Lavrov and Putin": one contact with each of the two people of one side
    named after "both" right after a meeting or call verb in the clause's part of the sentence; the clause itself
    otherwise (not "met Assad, and both Lavrov and Shoigu praised him")."""
    sentence = clause.sentence
    if clause.event_type not in CONTACT_TYPES:
        return [clause]
    lo, hi = clause.part or (sentence.start, sentence.end)
    contacts = _contact_matches(sentence, gazetteer)
    for both in BOTH.finditer(sentence.text, lo - sentence.start, hi - sentence.start):
        window = max(0, both.start() - 40)
        if not any(TO_OBJECT.fullmatch(sentence.text, end, both.start()) for start, end in contacts
                   if window <= start and end <= both.start()):
            continue
        at = sentence.start + both.end()
        first = next((m for m in mentions if m.start == at and m.kind == "person"), None)
        second = next((m for m in mentions if first is not None and m.start > first.end), None)
        if first is None or second is None or second.kind != "person" or second.country != first.country \
                or not AND_BETWEEN.fullmatch(sentence.text, first.end - sentence.start, second.start - sentence.start):
            continue
        iso, other = first.country, "RU" if first.country == "SY" else "SY"
        if not {first.key, second.key} <= clause.persons[iso] or not clause.persons[other]:
            continue
        return [dataclasses.replace(clause, persons={**clause.persons, iso: clause.persons[iso] - {drop.key}})
                for drop in (second, first)]
    return [clause]


# "after the death of his predecessor Walid al-Muallem", "the late Syrian foreign minister", "X, who died in
# November": a person the article says is dead (the words: lexicon.toml [death]). Not "the death of Assad's mother"
# (a possessive follows the name).
POSSESSIVE = re.compile(r"['’]s?\b")


@dataclass(frozen=True)
class _Death:
    cues: tuple[str, ...]  # one of these is in any article a pattern finds a death in
    before: re.Pattern[str]  # ends right before the name
    after: re.Pattern[str]  # matches right after the name


@cache
def _death(gazetteer: Gazetteer) -> _Death:
    """The patterns of a death told before or after a name, and the words an article must hold for either."""
    spec = gazetteer.lexicon["death"]
    # the words of a title, not the small words inside one ("Minister of Defence"): "the death of the soldiers
    # of the unit and Putin" names no one dead
    words = {w for w in gazetteer.lexicon["titles"]["words"] if w not in {"'s", "of", "for", "to", "and", "in", "on"}}
    between = r"(?:(?:" + trie_alternation(words | set(spec["between"])) + r"|[A-Z][\w'’-]*)\s+){0,4}"
    before = re.compile(r"\b(?:(?i:" + trie_alternation(spec["nouns"]) + r")\s+of\s+|[Tt]he\s+late\s+)"
                        + between + "$")
    after = re.compile(r"(?:,\s+who)?\s+(?:had\s+)?(?:" + "|".join(
        r"\s+".join(map(re.escape, phrase.split())) for phrase in spec["after"]) + r")\b", re.I)
    # every word a pattern needs, so that an article without any is skipped at once
    cues = tuple(sorted({*spec["nouns"], "late ", *(phrase.split()[-1] for phrase in spec["after"])}))
    return _Death(cues, before, after)


def dead_people(text: str, lowered: str | None, mentions: list[Mention], gazetteer: Gazetteer) -> set[str]:
    """The keys of the people an article says have died (lexicon.toml [death])."""
    lower = lowered if lowered is not None else text.lower()
    death = _death(gazetteer)
    if not any(cue in lower for cue in death.cues):
        return set()
    return {m.key for m in mentions if m.kind == "person" and not POSSESSIVE.match(text, m.end) and (
        death.before.search(text, max(0, m.start - 80), m.start) or death.after.match(text, m.end))}


def _unread_day(sentence: Sentence, read: list[Timex]) -> tuple[int, int] | None:
    """The month and day a sentence names without a year that could not be read for want of a publication date
    ("came on 28 December" in an article of unknown year; `read`: the sentence's dates that were): still a day,
    just not the day of any other month."""
    spans = {(t.start - sentence.start, t.end - sentence.start) for t in read}
    days = [(MONTHS[m.group("month").lower()], int(m.group("day")))
            for start, end, _order, name, m in find_candidates(sentence.text).matches
            if name == "month_day" and (start, end) not in spans and m.group("month")[0].isupper()
            and 1 <= int(m.group("day")) <= 31]
    return days[0] if len(set(days)) == 1 else None


def _destination_side(clause: Clause, gazetteer: Gazetteer) -> None:
    """"A cargo of Russian wheat docked at Latakia": where aid of one side goes names the other side; so does where
    one side's forces strike (lexicon.toml [strikes]: "Russian jets based at Hmeimim were flying their first strikes")."""
    named = {iso for iso in ("SY", "RU") if clause.persons[iso] or clause.bodies[iso] or iso in clause.countries}
    if len(named) == 1:
        iso = place_country(clause.sentence.text, gazetteer)
        if iso in ("SY", "RU") and iso not in named:
            clause.countries.add(iso)


def _denies_contact(text: str, denial: re.Match[str] | None, gazetteer: Gazetteer) -> bool:
    """True for a sentence that denies (`denial`: its first `DENIAL`) a meeting or call ("denied reports that
    Putin had met Assad")."""
    return denial is not None and any(rule.name in {"meeting", "call"} and rule.pattern is not None
                                      and rule.pattern.search(text, denial.end()) for rule in gazetteer.event_types)


# Where what follows (to the next clause break) is what a statement is about ("congratulated Assad on his victory
# in the May election", "thanked Russia for the aid it sent in 2015") or what an event builds on ("building on the
# talks held in Damascus last month", "in the wake of the 2023 earthquake"), so a date there is that thing's.
TOPIC_DATE = Caseless(r"\b(?:congratulat\w*\s+(?:[\w.'’-]+\s+){0,4}?on|thank(?:s|ed|ing)?\s+(?:[\w.'’-]+\s+){0,4}?for)"
                      r"\s+(?=(?:his|her|their|its|the|a|an|winning|being)\b)")
BUILDS_ON = Caseless(r"\b(?:building\s+on|in\s+the\s+wake\s+of|on\s+the\s+heels\s+of)\s+")
# A month or year that qualifies the noun of another happening after "the" ("aid after the February earthquake",
# "the 2011 uprising"; the nouns are in the lexicon's `happenings`), not "the January 2024 round of talks".
_ATTRIBUTIVE_AFTER = re.compile(r"\s+(?P<noun>[a-z][a-z-]+)\b")
_THE_BEFORE = re.compile(r"\b(?:the|its|his|her|their)\s+$", re.I)


def _topic_date_spans(sentence: Sentence, told: list[int], remark: Caseless) -> list[tuple[int, int]]:
    """The stretches of a sentence after `BUILDS_ON`, and after `TOPIC_DATE` or a remark's "noted that" (`remark`)
    unless a contact is told there (`told`: where the sentence's contact words start, sorted; "thanked Putin for the
    hospitality during their talks on 3 March"), each up to the next clause break."""
    about = [(a, b) for a, b in _to_clause_break(sentence, TOPIC_DATE, from_end=True)
             + _to_clause_break(sentence, remark, from_end=True) if bisect_left(told, b) == bisect_left(told, a)]
    return about + _to_clause_break(sentence, BUILDS_ON, from_end=True)


@cache
def _remark_that(verbs: tuple[str, ...]) -> Caseless:
    """A verb of the lexicon's `remarks` followed by "that": what follows is a fact brought up."""
    return Caseless(r"\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs) + r")\s+that\s+")


@cache
def _happening_told(nouns: tuple[str, ...]) -> tuple[Caseless, Caseless]:
    """A happening's noun followed by a relative clause that tells of it ("the earthquake that struck Syria ... in
    February"), and followed by a preposition a date may come after ("the earthquake in February")."""
    noun = r"\b(?:" + "|".join(re.escape(n) for n in nouns) + r")\s+"
    return Caseless(noun + r"(?:that|which)\b"), Caseless(noun + r"(?:in|of|on)\s+")


def _happening_dates(sentence: Sentence, gazetteer: Gazetteer) -> tuple[list[tuple[int, int]], set[int]]:
    """Where a sentence tells of a happening of the lexicon's `happenings` (an earthquake, an election): the
    stretches of relative clauses about one, to the next clause break, and the offsets right after "the
    earthquake in" — a date there is the happening's."""
    relative, preposition = _happening_told(tuple(gazetteer.lexicon["happenings"]["nouns"]))
    right_after = {sentence.start + m.end() for m in preposition.finditer(sentence.text, sentence.lower)}
    return _to_clause_break(sentence, relative, from_end=True), right_after


def _attributive(timex: Timex, sentence: Sentence, gazetteer: Gazetteer) -> bool:
    """True for a month or year used to qualify the noun of another happening ("the February earthquake")."""
    if timex.date.precision is Precision.DAY:
        return False
    at, end = timex.start - sentence.start, timex.end - sentence.start
    noun = _ATTRIBUTIVE_AFTER.match(sentence.text, end)
    return noun is not None and noun.group("noun") in gazetteer.lexicon["happenings"]["nouns"] and \
        _THE_BEFORE.search(sentence.text, max(0, at - 8), at) is not None


def _sentence_timexes(sentence: Sentence, timexes: list[Timex], dateline_end: int,
                      gazetteer: Gazetteer, day: date | None = None) -> list[Timex]:
    """The dates of a sentence that may date its event (`timexes`: the sentence's own; `day`: the publication day,
    if known)."""
    quotes = [(sentence.start + q.start(), sentence.start + q.end()) for q in QUOTED.finditer(sentence.text)]
    # each up to the next semicolon: "...; he came back on 24 July" is a clause of its own
    hypotheticals = [(sentence.start + h.start(), sentence.start + _semicolon_after(sentence.text, h.end()))
                     for h in HYPOTHETICAL.finditer(sentence.text, sentence.lower)]
    lower = sentence.lowered
    topics: list[tuple[int, int]] = []
    remark = _remark_that(tuple(gazetteer.lexicon["remarks"]["verbs"]))
    if "congratulat" in lower or "thank" in lower or "building on" in lower or " wake of" in lower or "heels" in lower \
            or (" that " in lower and remark.search(sentence.text, sentence.lower)):
        told = sorted(sentence.start + start for start, _ in _contact_matches(sentence, gazetteer))
        topics = _topic_date_spans(sentence, told, remark)
    happenings, right_after = _happening_dates(sentence, gazetteer)
    fates = _later_fate_spans(sentence)
    if fates:
        # "Muallem, who would die two months later": not the contact's day, but counted from it; a contact told there
        # keeps its day ("Lavrov, who would meet Assad on 3 May, ...")
        contacts = [sentence.start + start for start, _ in _contact_matches(sentence, gazetteer)]
        fates = [(a, b) for a, b in fates if not any(a <= c < b for c in contacts)]
        timexes = [dataclasses.replace(t, date=t.base, type="DATE")
                   if t.base and any(a <= t.start < b for a, b in fates) else t for t in timexes]
        fates = [(a, b) for a, b in fates if not any(a <= t.start < b and t.base for t in timexes)]
    backgrounds = _since_spans(sentence) + topics + happenings + fates
    timexes = [t for t in timexes if not any(a <= t.start < b for a, b in backgrounds) and t.start not in right_after
               and not (
        t.preposition == "of" and DOCUMENT_OF.search(sentence.text, max(0, t.start - sentence.start - 60),
                                                     t.start - sentence.start))
        and not _attributive(t, sentence, gazetteer)]
    if "by" in lower:
        timexes = [by_bound(t, sentence, day) if t.preposition == "by" else t for t in timexes]
    return _event_timexes(timexes, dateline_end, quotes, hypotheticals, sentence)


# What makes a sentence look ahead or tell an intention, so that "by March" is a deadline ("agreed to withdraw by
# March", "is expected to be finished by March", "would be delivered by March"), not the time a thing was done by.
_AHEAD_OF_BY = Caseless(r"\b(?:would|should|must|could|might|can|may|deadline|pledg\w*|promis\w*|vow\w*|aim\w*|"
                        r"target\w*|goal|ultimatum|intend\w*|hop(?:e|es|ed|ing))\b")
# An infinitive before the date ("ordered the troops to leave by March"), not "to the base", "to Latakia"
# (case-sensitive); one after it does not depend on it ("by late January he was the first official to meet her").
_INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|our|some|all|date)\b)"
                         r"[a-z]+\b")


def by_bound(timex: Timex, sentence: Sentence, day: date | None) -> Timex:
    """A date after "by" in a sentence that tells the past ("By late January, Russia had delivered", "the troops
    left by early March") is the time the happening was over by: it dates that happening, to the bound's month at
    most ("by 5 March" gives March), with the basis of the expression. "By" gives an upper bound only, but news
    tells what was done "by" a time of the period it reports on; a day would claim more than the words say.
    Unchanged (and so not an event's date) when the sentence looks ahead or tells an intention ("agreed to
    withdraw by March", "will be delivered by late January"), or when the expression has no year and the
    publication day (`day`) is not known."""
    text, when = sentence.text, timex.date.value
    at, end = timex.start - sentence.start, timex.end - sentence.start
    # what the date may bear on: all that comes before it, and after it its own clause ("By late January, Russia
    # had ...", past the comma that closes a fronted date), not a later one ("..., the first official to meet her")
    stop = SPLIT_AT.search(text, end)
    if stop is not None and not text[end:stop.start()].strip():
        stop = SPLIT_AT.search(text, stop.end())
    reach = stop.start() if stop is not None else len(text)
    if when is None or FUTURE_MARKERS.search(text, 0, reach) or _AHEAD_OF_BY.search(text, sentence.lower, 0, reach) \
            or _INFINITIVE.search(text, 0, at) or not PAST_VERB.search(text):
        return timex
    if timex.date.basis is not DateBasis.STATED:
        # "by early March" without its year was read as a deadline ahead; told in the past it is the last such time
        # before publication (`day`), which must be known to the day
        if day is None:
            return timex
        if when > day and not (when.month == 2 and when.day == 29):
            when = when.replace(year=when.year - 1)
        if when > day:
            return timex
    precision = Precision.MONTH if timex.date.precision is Precision.DAY else timex.date.precision
    if precision is Precision.MONTH:
        when = when.replace(day=1)
    return dataclasses.replace(timex, date=EventDate(when, precision, timex.date.basis), bound=True)


def _not_after(timexes: list[Timex], day, sentence: Sentence, gazetteer: Gazetteer) -> list[Timex]:
    """The sentence's dates with a day named without its year that lies after publication (`day`) moved to the
    year before when it heads a timeline's entry or is told in the past, unless the sentence looks ahead."""
    if LOOKS_AHEAD.search(sentence.text) or gazetteer.planned.search(sentence.text, sentence.lower):
        return timexes
    out = []
    head = ENTRY_HEAD.match(sentence.text)
    for t in timexes:
        when = t.date.value
        at = t.start - sentence.start
        if when is not None and when > day and t.date.precision is Precision.DAY and t.date.basis \
                is not DateBasis.STATED and any(c.isdigit() for c in t.text) and not YEAR_DIGITS.search(t.text) \
                and not (when.month == 2 and when.day == 29) and (
                    # a timeline's entry head ("February 12 —") or a day told in the past: not one still to come
                    (head is not None and at < head.end())
                    or clause_tense(sentence.text, at, t.end - sentence.start) == "past"):
            t = dataclasses.replace(t, date=EventDate(when.replace(year=when.year - 1), t.date.precision,
                                                      t.date.basis))
        out.append(t)
    return out


def entries(text: str, sentences: tuple[Sentence, ...]) -> list[tuple[int, bool]]:
    """For each sentence, the entry of a live blog or timeline it belongs to (`ENTRY_HEAD`: the paragraph that
    opens with a time or day and a dash), numbered by the sentence that opens it, and whether that opening is a
    time of day; (-1, False) outside any entry, and for every sentence of an article with fewer than two entries
    (one such opening is a dateline)."""
    out: list[tuple[int, bool]] = []
    current, heads = (-1, False), 0
    for index, sentence in enumerate(sentences):
        head = ENTRY_HEAD.match(sentence.text) if sentence.text[:1].isalnum() else None
        if head:
            current, heads = (index, head.group("clock") is not None), heads + 1
        elif index and "\n\n" in text[sentences[index - 1].end:sentence.start]:
            current = (-1, False)  # a paragraph without a heading is no part of the entry before it
        out.append(current)
    return out if heads >= 2 else [(-1, False)] * len(sentences)


def _idle_clause(index: int, sentence: Sentence, entry: int = -1, clock: bool = False) -> Clause:
    """The clause of a sentence that names no party, states no date and refers back to no contact: nothing in it
    can make, join or date an event (`group_clauses` and `narrative_date` skip it), so its triggers are not
    looked for and it has no type."""
    return Clause(index, sentence, None, Modality.REPORTED, {"SY": set(), "RU": set()}, set(), None, entry=entry,
                  clock=clock)
