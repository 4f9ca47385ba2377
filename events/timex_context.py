"""The tense of the clause around a temporal expression: past, future, or neutral."""
from __future__ import annotations

import re

FUTURE_MARKERS = re.compile(
    r"\b(will|shall|'ll|is to|are to|is due to|are due to|is expected to|are expected to|plans? to|planned to|"
    r"is scheduled to|are scheduled to|is set to|are set to|next|upcoming|to visit|to meet|to hold|"
    r"hopes? to|intends? to|planning to|scheduled|slated|set to|due to|(?<!than-)(?<!than )expected|expects?|"
    r"anticipated|anticipates?|forecasts?)\b", re.I)  # "lower-than-expected earnings" looks back
PAST_VERB = re.compile(r"\b(?:\w+ed|said|told|met|held|made|took|gave|went|came|spoke|sent|led|saw|began|wrote|"
                       r"won|left|paid|flew|brought|thought|sought|struck|fought|was|were|had|did|got|fell|rose|"
                       r"sold|bought|lost|hit|set|put|cut|shot|found|became|ago)\b", re.I)
# A past verb right before a date ("signed on January 18", "ended Oct. 31") dates something done, however near
# ahead of the document date the day falls; "set", "put", "cut" are also present forms ("has set Nov. 10").
DIRECT_PAST_BEFORE = re.compile(r"\b(?:\w+ed|said|told|met|held|made|took|gave|went|came|spoke|sent|led|saw|began|"
                                r"wrote|won|left|paid|flew|brought|fell|rose|sold|bought|lost|found|became)"
                                r"\s+(?:on|in|at)?\s*$", re.I)
_FRONTED_BEFORE = re.compile(r"\s*(?:(?:on|in|by|since|early|late)\s+)?", re.I)
# A deadline looks ahead whatever the verb: "extended the offer until Nov. 20", "by Friday".
DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|as early as|as soon as|as late as|no later than|expires?|expiring|"
                             r"payable|effective|of record|extended to|postponed to|delayed to|moved to|pushed back to|"
                             r"deadline of|due)\s+(?:on\s+)?$", re.I)
# The day something is set for: "the summit, planned for 15 October", "talks scheduled for Monday".
# Not "set on": "its record high set on Aug. 6" was reached then.
# A place may come between, named with capitals (case-sensitive inside the pattern): "planned in Damascus for", "the
# summit, planned in the Russian capital for the 15th of October"; not "set at the summit for", "expected in the
# north for".
SCHEDULED_FOR = re.compile(r"\b(?:(?:planned|scheduled|slated|set|due|expected|pencil+ed\s+in|timed)"
                           r"(?:\s+(?:in|at)\s+(?:the\s+)?(?-i:[A-Z][\w'-]*\s+){1,3}?(?:(?:capital|city)\s+)?)?"
                           r"\s*for|due\s+on)\s+(?:(?:early|late|mid-?)\s*)?$", re.I)
# A date right after a verb of saying is when it was said, whatever the words said look ahead to: "the Kremlin
# said Monday it plans to send aid", "announced on Tuesday that talks would resume", "told reporters Friday",
# "said in a statement on Thursday". Clause reading uses it too: such a date dates the report, not the contact.
SAID_BEFORE = re.compile(r"\b(?:said|says|told(?:\s+(?:the\s+)?[\w.-]+){0,2}?|announced|reported|stated|declared|"
                         r"confirmed|added|noted|insisted|warned|claimed|denied|acknowledged|disclosed|revealed)"
                         r"(?:\s+in\s+a\s+statement)?(?:\s+(?:on|early|late))?\s*$", re.I)
# "since August": a starting point behind us whatever else the sentence says.
SINCE_BEFORE = re.compile(r"\b(?:since|ever since)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
# A present tense that schedules, in a clause with no past verb: "the ministers meet Friday", "talks resume on
# Monday", "the law takes effect Saturday". Only verbs that are seldom nouns.
SCHEDULED_PRESENT = re.compile(r"\b(?:meets?|begins?|convenes?|resumes?|arrives?|opens|starts|ends|closes|expires|"
                               r"takes effect|take effect|heads? to|travels? to|kicks? off|gets? under ?way)\b", re.I)
_PERFECT = re.compile(r"\bhad\b", re.I)
_WOULD = re.compile(r"\bwould\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_SEGMENT_EDGE = re.compile(r"[,;:]|\b(?:that|and|who|which|since|when|because|while|where|although|but|saying|"
                           r"adding)\b")


# How far a sentence is looked for around an expression: a text with no sentence ends (hostile or broken input)
# must not make every expression read the whole text.
SENTENCE_REACH = 1000


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence holding text[start:end] (at most SENTENCE_REACH characters away)."""
    floor = max(0, start - SENTENCE_REACH)
    sentence_start = max(text.rfind(". ", floor, start) + 1, text.rfind("\n", floor, start) + 1, floor)
    ceiling = min(len(text), end + SENTENCE_REACH)
    m = _SENTENCE_END.search(text, end, ceiling)
    return sentence_start, m.start() if m else ceiling


def clause_tense(text: str, start: int, end: int) -> str:
    """'future' when the clause around text[start:end] speaks of the future ("will visit Moscow on Monday"),
    'past' when it has a past verb ("the Kremlin said on Monday that talks would follow"), else 'neutral'."""
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    if SINCE_BEFORE.search(text, max(0, start - 20), start) or SAID_BEFORE.search(text, max(0, start - 40), start):
        return "past"
    edges = [e.end() for e in _SEGMENT_EDGE.finditer(text, sentence_start, start)]
    seg_start = max(edges, default=sentence_start)
    if DEADLINE_BEFORE.search(text, max(0, start - 20), start):
        # "until Thursday, they had not ...", "had been due to expire Friday": a deadline behind us; a perfect
        # in another clause ("the sale, which had been expected, ... by February") says nothing
        return "past" if _PERFECT.search(text, seg_start, sentence_end) else "future"
    nxt = _SEGMENT_EDGE.search(text, end, sentence_end)
    seg_end = nxt.start() if nxt else sentence_end
    segment = text[seg_start:seg_end]
    scheduled = SCHEDULED_FOR.search(text, max(seg_start, start - 60), start)
    if scheduled and not _PERFECT.search(segment) and not PAST_VERB.search(text, seg_start, scheduled.start()) \
            and not PAST_VERB.search(text, end, sentence_end):
        # "the summit, planned for 15 October" looks ahead, though "planned" is a past form; not when the clause
        # tells it as past ("the talks were scheduled for Monday", "had been planned for March") or the sentence
        # goes on in the past ("the talks, planned for Monday, took place in Moscow")
        return "future"
    if _PERFECT.search(segment):
        return "past"  # "had been due to expire Friday"
    if FUTURE_MARKERS.search(segment):
        return "future"
    if PAST_VERB.search(segment):
        # "said the talks would be held in June" looks ahead; "suggested in June Russia would" does not
        return "future" if _WOULD.search(text, seg_start, start) else "past"
    if _WOULD.search(segment):
        return "future"
    if seg_start == sentence_start and nxt is not None:
        # a fronted date ("On December 11, the president ordered ...") takes the tense of the main clause
        after = _SEGMENT_EDGE.search(text, nxt.end(), sentence_end)
        if PAST_VERB.search(text, nxt.end(), after.start() if after else sentence_end):
            return "past"
    if FUTURE_MARKERS.search(text, sentence_start, sentence_end) or _WOULD.search(text, sentence_start, sentence_end):
        return "future"
    if SCHEDULED_PRESENT.search(segment):
        return "future"
    return "neutral"


def told_as_past(text: str, start: int, end: int) -> bool:
    """True when a past verb tells what happened at text[start:end]: right before it ("was signed on January
    18"), or in the main clause after it when it opens the sentence ("On Dec. 15, the fleet sailed")."""
    if DIRECT_PAST_BEFORE.search(text, max(0, start - 25), start):
        return True
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    if not _FRONTED_BEFORE.fullmatch(text, sentence_start, start) or not text.startswith(",", end):
        return False
    after = _SEGMENT_EDGE.search(text, end + 1, sentence_end)
    return PAST_VERB.search(text, end + 1, after.start() if after else sentence_end) is not None
