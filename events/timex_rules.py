"""The patterns that find temporal expressions, built from the vocabulary in `events/data/timex.toml`."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from events.casefold import folded
from events.trie import trie_alternation
from loaders.datelines import MONTHS

VOCABULARY_PATH = Path(__file__).parent / "data" / "timex.toml"
LEXICON_PATH = Path(__file__).parent / "data" / "lexicon.toml"  # its [happenings] nouns are happenings of their own
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Word lists from the vocabulary file, keyed by lower-case words."""

    numbers: dict[str, int]
    units: dict[str, tuple[str, bool]]
    approximators: tuple[str, ...]
    reference_blockers: frozenset[str]
    adjective_references: frozenset[str]
    parts_of_day: dict[str, str]
    weekday_plain_parts: frozenset[str]
    generic_today: frozenset[str]
    seasons: dict[str, str]
    references: dict[str, tuple[str, str | None]]
    sets: dict[str, str]
    holidays: dict[str, tuple[int, ...]]
    feasts: dict[str, tuple[str, int, str]]
    unit_multiples: dict[str, tuple[str, int]]
    own_happenings: dict[str, tuple[str, ...]]  # noun -> the words besides its stem that tell it ("fall": "fell")


@cache
def load_vocabulary(path: Path = VOCABULARY_PATH) -> Vocabulary:
    """Read the temporal vocabulary once."""
    with path.open("rb") as f:
        raw = tomllib.load(f)
    refs = {k: (v, None) if isinstance(v, str) else (v[0], v[1]) for k, v in raw["references"].items()}
    with LEXICON_PATH.open("rb") as f:
        happenings = tomllib.load(f)["happenings"]["nouns"]
    own = {noun: () for noun in happenings} | {k: tuple(v) for k, v in raw["own_happenings"].items()}
    return Vocabulary(
        numbers=dict(raw["numbers"]), units={k: (v[0], bool(v[1])) for k, v in raw["units"].items()},
        approximators=tuple(raw["modifiers"]["approximators"]),
        reference_blockers=frozenset(raw["modifiers"]["reference_blockers"]),
        adjective_references=frozenset(raw["modifiers"]["adjective_references"]),
        parts_of_day=dict(raw["parts_of_day"]), weekday_plain_parts=frozenset(raw["modifiers"]["weekday_plain_parts"]),
        generic_today=frozenset(raw["modifiers"]["generic_today"]),
        seasons=dict(raw["seasons"]), references=refs,
        sets=dict(raw["sets"]), holidays={k: tuple(v) for k, v in raw["holidays"].items()},
        feasts={k: (v[0], int(v[1]), v[2]) for k, v in raw["feasts"].items()},
        unit_multiples={k: (v[0], int(v[1])) for k, v in raw["unit_multiples"].items()}, own_happenings=own)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace.

    Shaped as a trie (`events.trie`): the rules are tried all over the text near trigger words, and a plain
    alternation makes the regex engine try every word in turn at each place.
    """
    return trie_alternation(words).replace(r"\ ", r"\s+")


def _unit_alt(units: dict[str, tuple[str, bool]]) -> str:
    forms = []
    for unit in units:
        plural = unit[:-1] + "ies" if unit.endswith("y") and unit not in {"day", "holiday"} else unit + "s"
        forms += [plural, unit]
    return _alt(forms)


def _hint_words(phrases: Iterable[str]) -> str | None:
    """A hint for an alternation of `phrases`: one lower-case word of each (None if one has no word)."""
    words = set()
    for phrase in phrases:
        pieces = re.findall(r"[a-z]+", phrase.lower())
        if not pieces:
            return None
        words.add(max(pieces, key=len))
    return "|".join(sorted(words))


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern for temporal expressions: its name tells `events.timex` how to read a match; its group, which
    words a match holds (`RULE_GROUPS`); its hint, if any, a pattern every match holds a match of in the
    lower-cased text (a stretch of text without one cannot hold a match, so the rule need not run over it)."""

    name: str
    group: str
    pattern: re.Pattern[str]
    hint: re.Pattern[str] | None
    folded: re.Pattern[str]  # the pattern for the lower-cased text (`events.casefold`)


def day_word() -> str:
    """The pattern of a day a clock time may name: a weekday, "today" and the like, or a month and day
    (groups `dayword`, `dmonth`, `dday`)."""
    return (r"(?:(?P<dayword>" + _alt(WEEKDAYS) + r"|today|tonight|tomorrow|yesterday)|(?P<dmonth>"
            + _alt(MONTHS) + r")\.?\s+(?P<dday>[0-3]?\d)\b)")


@cache
def compiled_rules() -> tuple[Rule, ...]:
    """Every rule, in order: where two matches are equally long and start together, the earlier rule wins."""
    v = load_vocabulary()
    year_hint = r"1[6-9]|20"  # every year a rule reads begins so
    month = r"(?P<month>" + _alt(MONTHS) + r")\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[6-9]|20)\d\d)"
    wd_prefix = r"(?:(?:" + _alt(WEEKDAYS) + r"|(?:mon|tues?|wed|thu|thurs|fri|sat|sun)\.?),?\s+)?"
    weekday = r"(?P<wd>" + _alt(WEEKDAYS) + r")"
    part = r"(?P<part>" + _alt(v.parts_of_day) + r")"
    num = r"(?P<num>\d+(?:\.\d+)?|" + _alt(k for k in v.numbers if k not in {"some"}) + r")"
    unit = r"(?P<unit>" + _unit_alt(v.units) + r")"
    approx = r"(?:(?P<approx>" + _alt(v.approximators) + r")\s+)?"
    season = r"(?P<season>" + _alt(v.seasons) + r")"
    dayword = day_word()
    # a year said aloud, as in broadcast transcripts: "nineteen ninety-six", "two thousand and one"
    spelled = (r"(?P<cent>nineteen|two\s+thousand(?:\s+and)?)[\s-]+(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|"
               r"eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
               r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)\b"
               r"(?!\s+(?:percent|people|dollars))")
    edge = r"(?![\w%])"
    # the year of a month and day told by a word: "on the 28th of January this year", "on 5 May that year"
    year_words = r"(?P<rel>this|last|next|that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year"
    year_word = r"(?:,?\s+(?:of\s+)?" + year_words + r"\b)?"
    # (name, pattern, hint): the hint is what every match holds, in lower case (words of the pattern no match goes
    # without, or a year's first two digits); None where the words near which the rule is tried nearly always hold it
    rules = (
        ("full_date", wd_prefix + month + r"\s+" + day + r",?\s+" + year + edge, year_hint),
        ("full_date", wd_prefix + day + r"\s+(?:of\s+)?" + month + r",?\s+" + year + edge, year_hint),
        ("iso_date", r"\b" + year + r"(?P<sep>[/-])(?P<mnum>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)\b", None),
        ("iso_date", r"\b(?P<day>[0-3]?\d)(?P<sep>[./])(?P<mnum>[01]?\d)(?P=sep)" + year + r"\b", None),
        ("month_day", wd_prefix + r"(?:(?P<mod>early|late|mid-?)\s*)?" + month + r"\s+" + day + r"(?![\w%:,.]\d|\d)"
         + year_word, r"\d"),
        ("month_day", wd_prefix + r"(?:the\s+)?" + day + r"\s+(?:of\s+)?" + month + r"\b" + year_word, r"\d"),
        ("month_year", r"(?:(?P<mod>early|late|mid-?|the end of|the beginning of)\s*)?" + month + r",?\s+(?:of\s+)?"
         r"(?:" + year + edge + "|" + spelled + ")", year_hint + "|nineteen|thousand"),
        ("month", r"(?:(?P<mod>early|late|mid-?)\s*)?(?:(?P<which>last|this|next|this past|this coming|that)\s+)?"
         + month + r"(?:\s+(?:of\s+)?" + year_words + r")?\b", None),
        ("year", r"(?<![\w$£€.,/:'-])(?:(?P<mod>early|late|mid-|mid|pre-|post-|fiscal|calendar|the\s+(?:end|beginning|start|"
         r"middle)\s+of)[\s-]*)?" + year
         + r"(?![\w%]|[.,]\d|-\d|\s*-\s*\d|\s*to\s*(?!(?:1[6-9]|20)\d\d\b)\d|\s+(?:percent|people|troops|soldiers|tons|km|"
         r"miles)\b)", None),
        ("spelled_year", r"\b(?:(?P<mod>early|late|mid-?)\s*)?" + spelled, "nineteen|thousand"),
        ("year", r"\bthe\s+year\s+" + year + edge, None),
        ("spelled_year", r"\bthe\s+year\s+(?P<cent>two\s+thousand)(?P<rest>)(?![\s-]+(?:and\s+)?[a-z]*(?:one|two|"
         r"three|four|five|six|seven|eight|nine|ten|teen|ty)\b)", "thousand"),
        ("decade", r"\bthe\s+(?:(?P<mod>early|late|mid-?)\s*)?(?:nineteen[\s-]+)?(?P<word>twenties|thirties|forties|"
         r"fifties|sixties|seventies|eighties|nineties)\b",
         "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"),
        ("century", r"\b(?:the\s+)?(?:(?P<mod>early|late|mid-?)\s*)?(?P<n>[12]?\d)(?:st|nd|rd|th)[\s-]+century\b",
         "century"),
        ("decade", r"(?:the\s+)?(?:(?P<mod>early|late|mid-?)\s*)?(?:(?P<cent>1[6-9]|20)(?P<dec>\d)0s|"
         r"'(?P<dec2>\d)0s)\b", "0s"),
        ("weekday", r"(?:(?P<which>last|next|this|this past|this coming|the previous|the following|the next)\s+)?"
         r"(?:(?P<mod>early|late)\s+)?" + weekday
         + r"(?:\s+" + part + r"(?P<plural>s)?)?\b", None),
        ("clock", r"\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.m\b\.?|[ap]m\b)"
         r"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC)\b)?(?:,?\s+" + dayword + r")?", None),
        # a 24-hour time is only one with its time zone ("14:50 GMT"): "12.30" alone may be a score or a sum
        ("clock", r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)\s*(?P<tz>[ECMP][SD]T|GMT|UTC)\b"
         r"(?:,?\s+" + dayword + r")?", r"gmt|utc|[ecmp][sd]t"),
        ("clock", r"(?<=\bat\s)(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s+(?P<ampm>in\s+the\s+(?:morning|afternoon|"
         r"evening)|at\s+night)\b", "morning|afternoon|evening|night"),
        ("clock", r"\b(?P<named>noon|midnight|midday)(?:\s+" + dayword + r")?\b", "noon|midnight|midday"),
        ("deictic", r"\b(?:(?P<mod>late|early|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|"
         r"the\s+day\s+after\s+tomorrow|today|tonight|tomorrow|yesterday)(?:\s+" + part + r")?\b",
         "today|tonight|tomorrow|yesterday"),
        ("deictic", r"\b(?:(?P<mod>late|early|earlier|later)\s+)?(?P<w>this|last)\s+" + part + r"\b",
         _hint_words(v.parts_of_day)),
        ("deictic", r"\bmid-?\s*(?P<part>morning|afternoon|evening)(?:\s+(?P<w>yesterday|today|tomorrow))?\b",
         "morning|afternoon|evening"),
        ("reference", r"\b(?P<ref>" + _alt(v.references) + r")\b", _hint_words(v.references)),
        ("set", r"\b(?P<set>" + _alt(v.sets) + r")\b", _hint_words(v.sets)),
        ("set", r"\b(?:every|each)\s+" + weekday + r"\b", "every|each"),
        ("set", r"\b(?:every|each)\s+(?P<smonth>" + _alt(MONTHS) + r")\b(?!\.?\s+\d)", "every|each"),
        ("set", r"\b" + weekday + r"s(?:\s+(?P<parts>mornings|afternoons|evenings|nights))?\b",
         _hint_words(wd + "s" for wd in WEEKDAYS)),
        ("relative", r"\b(?:(?P<mod>early|late|earlier|later|mid-?)\s+(?:in\s+)?)?(?P<which>last|this|next|this past|"
         r"the past|the last|the next|the coming|the current|the previous|the latest|the)"
         r"\s+(?:(?P<smod>early|late|mid-?)\s*)?(?P<unit>year|month|week|weekend|decade|century|" + _alt(v.seasons)
         + r")\b(?!-)", None),
        ("ago", r"\b" + approx + num + r"(?P<half>\s+(?:1/2|and\s+a\s+half))?[\s-]+" + unit
         + r"(?P<half_after>\s+and\s+a\s+half)?"
         + r"(?:(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from now)(?P<today>\s+today\b)?|"
         r"(?=\s+(?P<rel>before|after|into)\b))",
         "ago|earlier|later|now|before|after|into"),
        ("duration", r"\b(?:(?P<the>the|its|a|an)\s+)?(?:(?P<which>past|last|next|first|coming|latest|previous|final|"
         r"same|initial|remaining|following|prior|year-earlier|year-ago)\s+)?" + approx + num
         + r"(?P<half>\s+(?:1/2|and\s+a\s+half))?[\s-]+"
         r"(?:(?:more|additional|extra|further|straight|consecutive|trading|business|working)\s+)?"
         + unit + r"(?:-long)?\b(?!-old)(?P<half_after>\s+and\s+a\s+half\b)?", None),
        ("duration", r"\b(?:(?P<the>the)\s+)?(?:(?P<which>past|last|next|coming|previous|recent)\s+)?(?P<vague>several|"
         r"few|many|some|recent|the past few|the last few|a few)\s+" + unit + r"\b(?!-)", None),
        # a bare plural after "for", "within", "in" ("the first time in years"), or "over the": a span of unknown length
        ("duration", r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\bover\s)the\s+)(?P<bare>years|months|weeks|"
         r"decades|days|hours)\b(?!-|\s+(?:of|before|after|ago|earlier|later)\b)", None),
        ("duration", r"\b(?P<long>hour|day|week|month|year|hours|days|weeks|months|years|decades)-long\b", None),
        ("quarter", r"\b(?:(?P<pre>the|this year's|last year's|next year's|the year-ago|the year-earlier|"
         r"the comparable year-ago|the same|this|last|next|the latest|the current|the previous|the past)\s+)?"
         r"(?:" + year + r"\s+)?(?:(?P<fiscal>fiscal)[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
         r"[\s-]+)?(?:fiscal[\s-]+)?(?P<q>quarter|period)(?!s|-)\b(?:\s+of\s+(?:(?P<ypost>(?:1[6-9]|20)\d\d)|"
         r"(?P<yrel>this|last|next)\s+year|fiscal\s+(?P<fy>(?:1[6-9]|20)\d\d)))?", "quarter|period"),
        ("the_period", r"\b(?P<w>the\s+(?:(?P<which>full|fiscal|current|latest|calendar|current\s+fiscal|"
         r"latest\s+fiscal|previous|past)\s+)?(?P<unit>year|week)|year-(?P<adj>earlier|ago))\b(?!-)", None),
        # "the first half of 1990"; "the first two quarters of 1990" is that half too
        ("half", r"\b(?:(?P<the>the)\s+)?(?P<ord>first|second|last|latter)\s+(?:half|(?P<quarters>two\s+quarters))"
         r"(?:\s+of\s+(?:(?P<ypost>(?:1[6-9]|20)\d\d)\b|(?P<yrel>this|last|next)\s+year|the\s+(?P<year>year)))?",
         "half|quarters"),
        ("season", r"\b(?:the\s+)?(?:(?P<mod>early|late)\s+)?" + season + r"\s+(?:of\s+)?(?:" + year + edge + "|"
         + spelled + ")", _hint_words(v.seasons)),
        ("holiday", r"\b(?:(?P<which>last|this|next)\s+)?(?P<holiday>" + _alt([*v.holidays, *v.feasts]) + r")\b",
         _hint_words([*v.holidays, *v.feasts])),
        ("anaphoric", r"\b(?P<w>(?:the\s+)?(?:following|next|previous|same)\s+(?:day|morning|evening|night|week|month|"
         r"year)|(?:earlier|later)\s+that\s+(?:day|week|month|year)"
         r"|that\s+(?:day|night|morning|evening|week|month|year)|a\s+day\s+(?:earlier|later))\b", None),
        ("period_ago", r"\b(?:the|that)\s+(?:(?:same|comparable|corresponding)\s+)?(?:quarter|period)\s+"
         r"(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year)\b", "quarter|period"),
        ("year_end", r"\b(?P<prep>(?:by|at|since|before|until|till|through|toward|towards|near)\s+)?"
         r"(?P<around>around\s+)?year(?:-|\s+|['’]s\s+)end\b(?!-)", "end"),
        # phrases around "the" + a day or week, one rule so that one pass finds them all (`read_day_phrase`):
        # "in the morning" (the part of the day the story is at; not "the morning of March 3"); "it's the second day
        # of the strike" (the day of writing); "the day after his death" (the day after the latest day told),
        # "Oct. 12, the day before the plunge" (that day again), "the day before last Tuesday's hearing"; "the week of
        # March 6" (the calendar week holding that day)
        ("day_phrase", r"\b(?:(?:in|during)\s+the\s+(?P<part>morning|afternoon|evening)\b(?!\s+of\b)|the\s+(?:"
         r"(?P<nth>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
         r"(?:straight\s+|consecutive\s+)?day\b"
         r"|day\s+(?P<dir>before|after)\b(?:\s+(?:(?P<which>last|next|this)\s+)?" + weekday + r"\b)?"
         r"|week\s+of\s+" + month + r"\s+" + day + r"(?:,?\s+" + year + r")?(?![\w%:,.]\d|\d)))",
         "day|week|morning|afternoon|evening"),
        # "That November, on the 20th": a day of the month a narrative cue just named
        ("day_of_month", r"\bon\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of|day|century|anniversary|floor|"
         r"time|round|minute|hour|year|week|month|place|session|amendment|parallel)\b|-)", "on the"),
    )
    compiled = [(name, group, re.compile(pattern, re.I), re.compile(hint) if hint else None)
                for (name, pattern, hint), group in zip(rules, RULE_GROUPS, strict=True)]
    return tuple(Rule(name, group, pattern, hint, folded(pattern)) for name, group, pattern, hint in compiled)


# The kind of word every match of a rule holds, in the order of the rules above: a rule is only tried near
# such a word ("month": a month name, "weekday", "unit": a calendar unit or part of the day, "number": a year
# or a clock time, "word": a deictic, reference, repetition or holiday word).
RULE_GROUPS = ("month", "month", "number", "number", "month", "month", "month", "month", "number", "word", "number",
               "word", "word", "unit", "number", "weekday", "number", "number", "unit", "word", "word", "unit",
               "unit", "word", "word", "weekday", "month", "weekday", "unit", "unit", "unit", "unit", "unit", "unit",
               "unit", "unit", "unit", "unit", "word", "unit", "unit", "unit", "unit", "month")
_STOP = {"the", "in", "a", "at", "right", "just", "of", "day", "eve"}


@cache
def trigger_words() -> dict[str, frozenset[str]]:
    """Lower-case word -> the rule groups it can open (month names, weekdays, units, vocabulary words)."""
    v = load_vocabulary()
    table: dict[str, set[str]] = {}

    def add(word: str, group: str) -> None:
        table.setdefault(word, set()).add(group)
    for month in MONTHS:
        add(month, "month")
    for wd in WEEKDAYS:
        add(wd, "weekday")
        add(wd + "s", "weekday")
    for unit in [*v.units, *v.seasons, *v.parts_of_day, "weekend", "period", "half"]:
        for form in (unit, unit + "s", unit[:-1] + "ies", unit + "ly"):
            add(form, "unit")
    for feast in v.feasts:  # every moveable feast's name holds "easter": the one word that opens a search for them
        for word in re.findall(r"[a-z]+", feast):
            if all(word in other.split() for other in v.feasts):
                add(word, "word")
    for phrase in [*v.references, *v.sets, *v.holidays, "nineteen", "thousand", "twenties", "thirties", "forties",
                   "fifties", "sixties", "seventies", "eighties", "nineties", "today", "tonight", "tomorrow",
                   "yesterday", "noon",
                   "midnight", "midday", "every", "each"]:
        for word in re.findall(r"[a-z]+", phrase):
            if word not in _STOP and len(word) > 2:
                add(word, "word")
    return {k: frozenset(g) for k, g in table.items()}
