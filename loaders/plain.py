"""Pasted page text to an `Article`: header (title, dateline, byline), story, and junk lines set aside."""
from __future__ import annotations

import csv
import re
from datetime import date
from functools import cache
from pathlib import Path

from loaders.article import Article, DateSource, Segment
from loaders.clean import (
    is_cut_off,
    is_junk_line,
    is_tail_marker,
    load_junk_rules,
    looks_like_prose,
    read_byline,
)
from loaders.datelines import find_calendar_dates, is_date_bar, read_dateline, read_time_stamp


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, body))
        pos += len(line)
    return out


_TITLE_MAX = 200
# Above the story, a line of one or two words that is not a sentence is navigation ("Home", "Opinion",
# "Share") or a dateline place alone ("MOSCOW"), not a headline.
_TITLE_MIN_WORDS = 3
_TITLE_SNIPPET = 110
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s")


def title_from_text(text: str) -> str:
    """A title made from the first sentence when a page prints none."""
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    if len(first) <= _TITLE_SNIPPET:
        return first
    return first[:_TITLE_SNIPPET].rsplit(" ", 1)[0] + "…"


def is_headline(line: str) -> bool:
    """A line that reads as a headline: a few words, not a sentence of the story."""
    return not looks_like_prose(line) and len(line.split()) >= _TITLE_MIN_WORDS and len(line) <= _TITLE_MAX


# A date that opens the story as its dateline: 'MOSCOW, 15.03.2024 -', '"VAN" (Desk - 15.03.2024) ::'. It
# stands near the start and is closed by a dash, colon or bar, not by the rest of a sentence.
_DATELINE_START = 60
_DATELINE_END = re.compile(r"\s*[)\]]?\s*(?:[-–—|:]|$)")


def lead_dateline(lead: str) -> date | None:
    """The date of a dateline opening the story's first paragraph; a date inside its first sentence ("met
    Putin in Sochi on 20 November 2017, the Kremlin said") is the day of the news, not of publication."""
    for found in find_calendar_dates(lead[:160]):
        if found.start <= _DATELINE_START and _DATELINE_END.match(lead, found.end):
            return found.value
        break
    return None


# The page's address pasted above the story, bare or labelled ("Source: https://..."). Only above the story:
# a link below it ("Read more: https://...") is another article's.
_URL_LINE = re.compile(r"^(?:(?:source|url|link|original|address)\s*:\s*)?(https?://\S+)$", re.I)


# A labelled link to the article itself ("URL of this article: https://..."), read wherever it stands.
_OWN_URL_LINE = re.compile(r"^(?:url|link|address|permalink|web address)\s+(?:of|to|for)\s+this\s+"
                           r"(?:article|page|story|report)\s*:\s*(https?://\S+)$", re.I)


def _norm(line: str) -> str:
    return " ".join(line.lower().split())


# A header line that closes with its byline: "The Orient Herald  Thursday, 13 April 2017  By Hani Mourad".
_TRAILING_BYLINE = re.compile(r"\s(?:[|·•,–—-]\s*)?(?=(?:by|written by)\s)", re.I)


def split_byline(line: str) -> tuple[str, str | None]:
    """A header line without the byline it ends with, and the author it names (None when it names none)."""
    for m in reversed(list(_TRAILING_BYLINE.finditer(line))):
        name = read_byline(line[m.end():])
        if name:
            return line[:m.start()].rstrip(), name
    return line, None


_PLACE_WORDS = 5
_SITE_NAME_WORDS = 3  # "President of Russia", "The Syrian Observer": a site's name, shorter than its headlines
_HELD_LINES = 3


def is_place_line(line: str) -> bool:
    """A short line of capitalised words with no sentence in it ("The Kremlin, Moscow", "Novo-Ogaryovo, Moscow
    Region"): under a date line, where a readout prints it, the place, not the story."""
    words = line.split()
    return len(words) <= _PLACE_WORDS and not line.endswith(_PLACE_ENDS) and \
        all(w[:1].isupper() or w.lower() in _PLACE_SMALL for w in words)


_PLACE_ENDS = (".", "!", "?", ":", '"', "”")
_PLACE_SMALL = frozenset({"of", "the", "de", "al", "el", "-", "–", "—"})


# The places a sign-off may name besides its date: the gazetteer's places and their other names (the loaders read
# the file itself; they do not load the gazetteer).
PLACES_PATH = Path(__file__).resolve().parents[1] / "events" / "data" / "places.csv"
_SIGN_OFF_SEPARATORS = re.compile(r"[\s,.]*,[\s,.]*|[\s.]*$|^[\s,.]*")


@cache
def known_places() -> frozenset[str]:
    """The lower-case names and other names of the gazetteer's places ("moscow", "kremlin", "russian capital")."""
    with PLACES_PATH.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return frozenset(" ".join(name.lower().split()) for row in rows
                     for name in [row["name"], *(row.get("aliases") or "").split(";")] if name.strip())


def sign_off_date(line: str) -> date | None:
    """The date a statement or press release signs off with, on a last line of its own: a full date alone or with
    known places ("8 September 2020", "Moscow, 8 September 2020", "The Kremlin, Moscow, 8 September 2020"); not
    "Founded 18 January 2017", a fact about the writer."""
    found = find_calendar_dates(line)
    if len(found) != 1 or len(line) > 40:
        return None
    rest = line[:found[0].start] + " , " + line[found[0].end:]
    names = [" ".join(part.lower().removeprefix("the ").split()) for part in _SIGN_OFF_SEPARATORS.split(rest)]
    return found[0].value if all(name in known_places() for name in names if name) else None


def parse_plain_text(text: str, article_id: str, path: str = "", known_title: str | None = None,
                     cut_tail: bool = True) -> Article:
    """Split pasted page text into header (title, dateline, byline), story and junk. `known_title`: the title
    when it is known already (a page's metadata); `cut_tail`: drop short unfinished lines at the end (pasted text
    ends with links and teasers; a page's extracted text does not)."""
    rules = load_junk_rules()
    title = byline = outlet = url = None
    published = None
    removed: list[str] = []
    kept: list[tuple[int, str]] = []
    in_story = after_dateline = False
    # Headline-like lines after the first one, above the story: the headline under a site's name ("President of
    # Russia") and a menu row, or a deck under the headline. Held until the next line tells: a date or a byline
    # after them belongs to the header; a story line, to the story, as they did before.
    held: list[tuple[int, str]] = []

    def settle() -> None:
        nonlocal title
        if held and title and len(title.split()) <= _SITE_NAME_WORDS < len(held[-1][1].split()):
            removed.append(title)  # the site's name above the headline, and a menu row between them
            removed.extend(line for _, line in held[:-1])
            title = held[-1][1]
        else:
            kept.extend(held)  # a deck: the story's, as before
        held.clear()

    for raw_start, line in _lines_with_offsets(text):
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        if in_story and is_tail_marker(stripped, rules):
            break
        dateline, named = None, None
        if not in_story:
            dated, named = split_byline(stripped)
            dateline = read_dateline(dated)
        if dateline and title is None and is_date_bar(stripped):
            removed.append(stripped)  # the site's date of the visit, above the headline
            continue
        if dateline:
            published = published or dateline[0]
            byline = byline or named
            if not outlet and dateline[1][:1].isupper() and len(dateline[1].split()) <= 4 and dateline[1] in dated:
                outlet = dateline[1]  # a name printed as one run of words; "The Kremlin, Moscow" is a place
            removed.append(stripped)
            after_dateline = True
            settle()
            continue
        stamp = read_time_stamp(stripped)
        rest = stripped[stamp[1]:] if stamp else ""
        # a readout's "March 15, 2023, 17:10 — The Kremlin, Moscow, St Catherine Hall", wherever a page put it; in
        # the story, only with a place after it: "July 24, 2024, 11:40 — Putin receives Assad in the Kremlin" in a
        # pasted timeline is an event of the story, and a date and time alone there dates the entry under it
        if stamp and ((rest.strip() != "" and is_place_line(rest)) if in_story else not looks_like_prose(rest)):
            if not in_story:
                settle()
                published = published or stamp[0]
                after_dateline = True
            removed.append(stripped)
            continue
        if stamp and not in_story and published is None:
            settle()  # the stamp run into the story's first sentence: the date, and the story kept
            published = stamp[0]
            removed.append(stripped[:stamp[1]].strip())
            lead, stripped = lead + stamp[1], stripped[stamp[1]:]
        if not in_story and after_dateline and (title or known_title) and is_place_line(stripped) and \
                not read_byline(stripped):
            removed.append(stripped)  # the place under a readout's date line: "The Kremlin, Moscow"
            continue
        if (link := _OWN_URL_LINE.match(stripped)) or (not in_story and (link := _URL_LINE.match(stripped))):
            url = url or link.group(1)
            removed.append(stripped)
            continue
        if is_junk_line(stripped, rules):
            removed.append(stripped)
            continue
        if (title or known_title) and _norm(stripped) in (_norm(title or ""), _norm(known_title or "")):
            title = title or stripped  # the headline, seen: a date after it is no longer the site's date bar
            removed.append(stripped)
            continue
        if not in_story:
            name = read_byline(stripped)
            if name:
                byline = byline or name
                removed.append(stripped)
                settle()
                continue
            if not looks_like_prose(stripped):
                words = len(stripped.split())
                if words < _TITLE_MIN_WORDS:
                    removed.append(stripped)  # a menu item or a share button above the story: "Home", "WhatsApp"
                    continue
                if title is None and known_title is None and len(stripped) <= _TITLE_MAX:
                    title = stripped
                    continue
                if len(held) < _HELD_LINES and title is not None and known_title is None and \
                        len(stripped) <= _TITLE_MAX:
                    held.append((raw_start + lead, stripped))
                    continue
                if stripped.isupper() and words <= 4:  # a dateline place: "MOSCOW"
                    removed.append(stripped)
                    continue
            in_story = True
        kept.extend(held)
        held.clear()
        after_dateline = False
        kept.append((raw_start + lead, stripped))
    kept.extend(held)
    last, signed = True, None
    while cut_tail and kept and is_cut_off(kept[-1][1]):
        line = kept.pop()[1]
        removed.append(line)
        if last and published is None:
            signed = sign_off_date(line)  # "8 September 2020" closing a press release: the day it was issued
        last = False
    if signed is not None and all(found.value <= signed for _, line in kept for found in find_calendar_dates(line)):
        published = signed  # not before a day the story itself states: that sign-off is no day of issue
    segments, parts, pos = [], [], 0
    for raw_start, line in kept:
        segments.append(Segment(pos, raw_start, len(line)))
        parts.append(line)
        pos += len(line) + 2
    body = "\n\n".join(parts)
    if published is None and parts:
        published = lead_dateline(parts[0])
    return Article(
        article_id=article_id,
        path=path,
        title=known_title or title or title_from_text(body),
        text=body,
        published=published,
        published_source=DateSource.TEXT if published else DateSource.NONE,
        outlet=outlet,
        byline=byline,
        url=url,
        segments=tuple(segments),
        removed_lines=tuple(removed),
    )
