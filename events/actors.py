"""Find the Syrian and Russian parties an article names: registry officials, titled officials not in the
registry, role descriptions ("the Syrian president"), and the countries themselves."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from events.gazetteer import Gazetteer, RegistryActor
from events.trie import trie_alternation

COUNTRY_NAMES = {"SY": "Syria", "RU": "Russia"}
APOSTROPHES = "'’"
APOSTROPHE_S = ("'s", "’s")


@dataclass(frozen=True, slots=True)
class Mention:
    """A party named in the text: a registry actor, an official known by title, or a country."""

    start: int
    end: int
    text: str
    key: str           # registry id, "name:<printed name>", or "country:<ISO>"
    name: str
    country: str
    kind: str          # person | body | country
    role: str | None = None   # the printed title of an official not in the registry
    registry: RegistryActor | None = None
    office: str | None = None  # for a role description ("the Syrian president"): the office, held on some day

    @property
    def is_country(self) -> bool:
        """True for a country-level mention."""
        return self.kind == "country"

    def as_country(self) -> Mention:
        """The same words standing for the mention's country ("Putin" for Russia)."""
        return country_mention(self.start, self.end, self.text, self.country)


def _variants(alias: str, arabic: bool) -> set[str]:
    """Spellings of an alias as printed: "Al-" at a sentence start, curly apostrophes, and for Arabic
    names the surname with and without "al-" ("Faisal al-Mikdad" / "Faisal Mikdad")."""
    out = {alias}
    if arabic:
        if re.search(r"(^|\s)al-", alias):
            out.add(re.sub(r"(^|\s)al-", r"\1", alias))
        elif re.fullmatch(r"(?:[A-Z][\w'’-]+\s+)*[A-Z][a-z]+", alias) and len(alias.split()) <= 3:
            words = alias.split()
            out.add(" ".join([*words[:-1], "al-" + words[-1]]))
    for a in tuple(out):  # a copy: the loop adds to `out`
        out.add(re.sub(r"(^|\s)al-", lambda m: m.group(1) + "Al-", a))
        out.add(a.replace("'", "’"))
    return out


def _alternation(words, word_start: bool = False) -> str:
    """The words as one regex, longest first, shaped as a trie (fast on thousands of aliases); with `word_start`,
    matching only where no word character or hyphen comes before (`trie_alternation`)."""
    return trie_alternation(set(words), word_start)


@dataclass(frozen=True, slots=True)
class _Patterns:
    registry: re.Pattern[str]
    surface: dict[str, str]
    titled: re.Pattern[str]
    country_nouns: re.Pattern[str]
    noun_country: dict[str, str]
    party_phrase: re.Pattern[str]
    bilateral: re.Pattern[str]
    role_phrase: re.Pattern[str]
    office_of: re.Pattern[str]
    offices: dict[str, str]
    appositive: re.Pattern[str]
    owners: dict[str, tuple[str, ...]]
    title_before: re.Pattern[str]
    title_ends: tuple[str, ...]  # the title words, for a quick test before `title_before` is searched


NAME = (r"(?:Dr\.?\s+)?(?P<name>[A-Z][a-z]+(?:[-'][A-Za-z]+)?"
        r"(?:\s+(?:(?:al|el|Al|El|bin|Abu|Abd|Abdul|de|von|van)[-\s])?[A-Z][a-z]+(?:-[A-Za-z]+)*){1,3})")
BARE_SURNAME = re.compile(r"(?:[Aa]l-)?[\w'’-]+")
# "the Assad regime", "Assad's future": the name stands for a regime or a topic, not a party to a contact.
NAME_AS_ADJECTIVE = re.compile(r"['’]?s?\s+(?:regime|government|family|era|administration|loyalists|clan|"
                               r"rule|years|camp|forces|supporters|future|fate|departure|ouster|overthrow|fall|"
                               r"downfall|removal|exit|legacy|survival)\b")
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# "Deputy foreign ministers of ...": a lower office than the one that follows
DEPUTY_BEFORE = re.compile(r"\b(?:deputy|vice)[\s-]+$", re.I)
NOT_NAMES = {"The", "A", "An", "In", "On", "At", "For", "But", "And", "President", "Minister", "Prime", "Deputy",
             "Foreign", "Russian", "Syrian", "Moscow", "Damascus", "Kremlin", "Syria", "Russia", "This", "That",
             "Their", "His", "Her", "Its", "When", "After", "Before", "Since", "While", "Meanwhile", "According"}
_OFFICE_WORD = re.compile(r"minister|president|ambassador|envoy|spokes|chief|head|representative|general|"
                          r"director|commander|secretary|speaker|premier|chairman|governor", re.I)


# "Syrian", "Russia's" as a whole word (`trie_alternation` with `word_start`).
NATIONALITY = trie_alternation(["Syrian", "Russian", "Syria's", "Russia's", "Syria’s", "Russia’s"], word_start=True)
# Syria or Russia in a list of countries ("of Russia, Iran, Turkey and Syria").
COUNTRY_IN_LIST = re.compile(r"(?<![\w-])(?:Syria|Russia)(?![\w'’-])")
# "Special Envoy of the Russian President", "aide to the Syrian president": the office is part of another
# person's title, not its holder as a party.
TITLE_OF = re.compile(r"\b(?:" + _OFFICE_WORD.pattern + r"|aide|advis[eo]r|assistant|office|administration|"
                      r"press service)\w*\s+(?:of|to)\s+$", re.I)


@cache
def _patterns(gazetteer: Gazetteer) -> _Patterns:
    surface: dict[str, str] = {}
    for actor in gazetteer.actors:
        for alias in (actor.name, *actor.aliases):  # the registry's own spellings first
            surface.setdefault(alias, actor.actor_id)
    for actor in gazetteer.actors:
        for alias in (actor.name, *actor.aliases):
            for variant in _variants(alias, actor.country == "SY" and actor.kind == "person"):
                surface.setdefault(variant, actor.actor_id)
    registry = re.compile(r"(?:" + _alternation(surface, word_start=True) + r")(?![\w-]|['’][a-rt-z])")
    # a bare surname ("al-Sharaa") may be any registry person whose name ends with it (Ahmed or Farouk)
    owners: dict[str, tuple[str, ...]] = {}
    for bare in (x for x in surface if BARE_SURNAME.fullmatch(x)):
        others = {actor_id for full, actor_id in surface.items()
                  if full.endswith(" " + bare) and gazetteer.by_id[actor_id].kind == "person"} - {surface[bare]}
        owners[bare] = (surface[bare], *sorted(others))  # the alias's own actor first
    lex = gazetteer.lexicon
    title_words = [w for w in lex["titles"]["words"] if w not in {"'s"}]
    nationality = r"(?P<nat>" + NATIONALITY + ")"
    title = r"(?P<title>(?:(?:" + _alternation(title_words) + r")(?:['’]s)?[\s,]+){1,12})"
    titled = re.compile(nationality + r"\s+" + title + NAME + r"(?![\w-])")
    title_before = re.compile(title + r"$")
    noun_country = {}
    for iso, spec in lex["country"].items():
        for noun in spec["nouns"]:
            noun_country[noun] = iso
    country_nouns = re.compile(r"(?:" + _alternation(noun_country, word_start=True) + r")(?![\w-])")
    party_nouns = _alternation(lex["party"]["nouns"])
    party_phrase = re.compile(r"(?P<nat>" + _alternation(["Syrian", "Russian"], word_start=True) + r")\s+"
                              r"(?:[\w-]+\s+){0,2}?(?:" + party_nouns + r")(?![\w-])")
    bilateral = re.compile(r"(?:" + _alternation(["Syrian", "Syria", "Russian", "Russia"], word_start=True)
                           + r")(?:\s*[-–]\s*|\s+and\s+)(?:Syrian|Syria|Russian|Russia)(?![\w-])")
    offices = dict(lex["offices"])
    role_phrase = re.compile(
        nationality + r"\s+(?P<office>" + _alternation([*offices, *(o.title() for o in offices), "counterpart"])
        + r")(?![\w-])")
    # "the foreign ministers of Russia, Iran, Turkey and Syria": each country's holder of the office is a party
    plain_offices = [o for o in offices if not re.search(r"\b(?:of|to|in)\b", o)]
    office_forms = [f for o in plain_offices for f in (o, o + "s", o.title(), o.title() + "s")]
    country_word = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    office_of = re.compile(r"(?P<office>" + _alternation(office_forms, word_start=True) + r")\s+of\s+(?:the\s+)?"
                           r"(?P<list>" + country_word + r"(?:\s*,\s*(?:and\s+)?" + country_word + r"|\s+and\s+"
                           + country_word + r")*)")
    # "Bashar Sabagh, who led the Syrian team": a name whose nationality an apposition gives.
    # ... or "Karim Nasser, Syria's ambassador to Russia": nationality and an office right after the comma.
    appositive = re.compile(r"(?<![\w-])" + NAME + r",\s+(?:(?:who|the|a|an)\s+[^,.;]{0,60}?\b"
                            r"(?P<nat>Syrian|Russian|Syria['’]s|Russia['’]s)\b(?P<office1>\s+(?:[\w-]+\s+){0,3}?(?:"
                            + _OFFICE_WORD.pattern + r")\w*)?|(?P<nat2>Syria['’]s|Russia['’]s|Syrian|"
                            r"Russian)\s+(?P<office>(?:[\w-]+\s+){0,3}?(?:" + _OFFICE_WORD.pattern + r")\w*"
                            r"(?:\s+(?:to|in)\s+(?:Russia|Syria|Moscow|Damascus))?))")
    return _Patterns(registry, surface, titled, country_nouns, noun_country, party_phrase, bilateral,
                     role_phrase, office_of, offices, appositive, owners, title_before,
                     tuple(title_words) + tuple(w + s for w in title_words for s in APOSTROPHE_S))


def _determiner_start(text: str, start: int, determiners: tuple[str, ...]) -> int:
    """Where a determiner ("the", "his") that opens the phrase at text[start] begins, else `start`: one of
    `determiners` as a whole word, then whitespace, right before it. (Looked for here rather than as the optional
    head of the phrase's pattern, which would make `re` try that pattern at every place of the text.)"""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == start:
        return start
    for word in determiners:
        begin = end - len(word)
        if begin >= 0 and text.startswith(word, begin) and not (
                begin and (text[begin - 1].isalnum() or text[begin - 1] in "_-")):
            return begin
    return start


def _printed_title(text: str, start: int, pats: _Patterns) -> re.Match[str] | None:
    """The title printed right before the name at text[start] ("Deputy Foreign Minister "), if any.

    A title ends with a title word (or its "'s") and then spaces or commas, so where the text before the name does
    not, the slower search of `title_before` is skipped."""
    end = start
    while end > 0 and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end == start or not text.endswith(pats.title_ends, max(0, start - 120), end):
        return None
    return pats.title_before.search(text, max(0, start - 120), start)


def _iso(nationality: str) -> str:
    return "SY" if nationality.lower().startswith("syria") else "RU"


class _Taken:
    """The characters already claimed by a mention, so later patterns cannot claim them again."""

    __slots__ = ("mask",)

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size)

    def overlaps(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) != -1

    def claim(self, mention: Mention) -> Mention:
        self.mask[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        return mention


def _active_near(actor: RegistryActor, day: date) -> bool:
    """True when the actor held a role within a year of `day`."""
    slack = timedelta(days=365)
    return any(r.start - slack <= day and (r.end is None or day <= r.end + slack) for r in actor.roles)


def _bare_surname_owner(owners: tuple[str, ...], named_at: dict[str, int], gazetteer: Gazetteer,
                        day: date | None) -> RegistryActor | None:
    """Whom a bare surname means: the owner named last before it in the article, else the alias's own actor
    (Ahmed al-Sharaa) when active around the article's date, else the one other owner active then (Farouk
    al-Sharaa in 2005); None when that cannot be told."""
    named = [o for o in owners if o in named_at]
    if named:
        return gazetteer.by_id[max(named, key=named_at.__getitem__)]
    default, *others = (gazetteer.by_id[o] for o in owners)
    if day is None or not default.roles or _active_near(default, day):
        return default
    active = [a for a in others if _active_near(a, day)]
    return active[0] if len(active) == 1 else None


def _clean_title(title: str) -> str:
    return " ".join(title.replace(",", " ").split()).strip()


def country_mention(start: int, end: int, text: str, iso: str) -> Mention:
    """A country-level mention of `iso` by the words `text` at [start, end)."""
    return Mention(start, end, text, "country:" + iso, COUNTRY_NAMES.get(iso, iso), iso, "country")


def holder_on(mention: Mention, when, gazetteer: Gazetteer) -> Mention:
    """A role description ("the Syrian president", `Mention.office`) as the one holder of its office on every day
    of `when` (an `EventDate`: the date its sentence tells), when that is someone else than the holder on the
    article's day; else the mention itself."""
    span = when.span() if mention.office is not None and when is not None else None
    if span is None:
        return mention
    holder = gazetteer.holder(mention.country, mention.office, span[0])
    if holder is None or holder.actor_id == mention.key or gazetteer.holder(mention.country, mention.office,
                                                                            span[1]) is not holder:
        return mention
    return Mention(mention.start, mention.end, mention.text, holder.actor_id, holder.name, holder.country,
                   holder.kind, registry=holder, office=mention.office)


def find_mentions(text: str, gazetteer: Gazetteer, day: date | None) -> tuple[Mention, ...]:
    """Every party named in `text` (a whole article), left to right, without overlaps."""
    pats = _patterns(gazetteer)
    found: list[Mention] = []
    taken = _Taken(len(text))
    named_at: dict[str, int] = {}  # registry actor -> where it was last named, for bare surnames
    for m in pats.registry.finditer(text):
        actor = gazetteer.by_id[pats.surface[m.group(0)]]
        if actor.kind == "person" and NAME_AS_ADJECTIVE.match(text, m.end()):
            continue  # "the Assad regime", "the Putin era": not the person
        if m.group(0) in pats.owners:
            actor = _bare_surname_owner(pats.owners[m.group(0)], named_at, gazetteer, day)
            if actor is None:
                continue
        printed = _printed_title(text, m.start(), pats) \
            if actor.kind == "person" else None  # "Deputy Foreign Minister Mikhail Bogdanov": the role it prints
        named_at[actor.actor_id] = m.start()
        found.append(taken.claim(Mention(m.start(), m.end(), m.group(0), actor.actor_id, actor.name, actor.country,
                                         actor.kind, role=_clean_title(printed.group(0)) if printed else None,
                                         registry=actor)))
    known_surnames: dict[str, Mention] = {}
    for m in pats.titled.finditer(text):
        name_start, name_end = m.start("name"), m.end("name")
        if taken.overlaps(name_start, name_end) or not _OFFICE_WORD.search(m.group("title")):
            continue
        name = m.group("name")
        if name.split()[0] in NOT_NAMES or any(
                tok in {"Federation", "Ministry", "Foreign", "Defense", "Defence"} for tok in name.split()):
            continue
        mention = Mention(m.start(), name_end, m.group(0), "name:" + name, name, _iso(m.group("nat")),
                          "person", role=_clean_title(m.group("title")))
        found.append(taken.claim(mention))
        known_surnames[name.split()[-1]] = mention
    for m in pats.appositive.finditer(text):
        name = m.group("name")
        if taken.overlaps(m.start("name"), m.end("name")) or name.split()[0] in NOT_NAMES \
                or THE_BEFORE.search(text, max(0, m.start("name") - 5), m.start("name")):
            continue  # "at the United Nations, Russia's ambassador ...": a name after "the" is no person's
        nationality = m.group("nat") or m.group("nat2")
        office = m.group("office") or m.group("office1")
        role = _clean_title(f"{nationality} {office}") if office else None
        mention = Mention(m.start("name"), m.end("name"), name, "name:" + name, name, _iso(nationality), "person",
                          role=role)
        found.append(taken.claim(mention))
        known_surnames[name.split()[-1]] = mention
    if known_surnames:
        surname_re = re.compile(r"(?:" + _alternation(known_surnames, word_start=True) + r")(?![\w-])")
        for m in surname_re.finditer(text):
            if not taken.overlaps(m.start(), m.end()):
                ref = known_surnames[m.group(0)]
                found.append(taken.claim(Mention(m.start(), m.end(), m.group(0), ref.key, ref.name, ref.country,
                                                 "person", role=ref.role)))
    for m in pats.role_phrase.finditer(text):
        start = _determiner_start(text, m.start(), ("the", "his", "her", "their"))
        following = text[m.end():m.end() + 6]
        if taken.overlaps(start, m.end()) or re.match(r"\s*,?\s*(?:Dr\.?\s+)?[A-Z][a-z]|['’]s\b", following) \
                or TITLE_OF.search(text, max(0, start - 40), start):
            continue  # a name follows (the titled pattern's case), or "Russian President's Special Representative"
        office_words = m.group("office").lower()
        country = _iso(m.group("nat"))
        office = pats.offices.get(office_words)
        holder = gazetteer.holder(country, office, day) if office else None
        if holder:
            found.append(taken.claim(Mention(start, m.end(), text[start:m.end()], holder.actor_id, holder.name,
                                             holder.country, holder.kind, registry=holder, office=office)))
    for m in pats.office_of.finditer(text):
        if DEPUTY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Deputy foreign ministers of Russia, Turkey, Iran and Syria" are not the ministers
        office = pats.offices.get(re.sub(r"s$", "", m.group("office").lower()))
        for country in COUNTRY_IN_LIST.finditer(text, m.start("list"), m.end("list")):
            iso = "SY" if country.group(0) == "Syria" else "RU"
            holder = gazetteer.holder(iso, office, day) if office else None
            if holder and not taken.overlaps(country.start(), country.end()):
                # the mention is the country's place in the list: "Syria" in "the foreign ministers of ... Syria"
                found.append(taken.claim(Mention(country.start(), country.end(), country.group(0), holder.actor_id,
                                                 holder.name, holder.country, holder.kind, registry=holder)))
    for m in pats.bilateral.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            for iso in ("SY", "RU"):
                found.append(taken.claim(country_mention(m.start(), m.end(), m.group(0), iso)))
    for m in pats.party_phrase.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            iso = _iso(m.group("nat"))
            found.append(taken.claim(country_mention(m.start(), m.end(), m.group(0), iso)))
    for m in pats.country_nouns.finditer(text):
        start = _determiner_start(text, m.start(), ("the",))
        if not taken.overlaps(start, m.end()):
            iso = pats.noun_country[m.group(0)]
            found.append(taken.claim(country_mention(start, m.end(), text[start:m.end()], iso)))
    return tuple(sorted(found, key=lambda x: (x.start, x.end)))
