"""Calendar dates printed with a year ("Tue 26 Sep 2023", "Oct 21, 2015", "15.03.2024"), and datelines."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_RE = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
YEAR_RE = r"(?P<year>(?:19|20)\d\d)"

_FULL_DATE_PATTERNS = (
    # 26 Sep 2023, 29 Jan, 2025, 16 September 2024, Tue 26 Sep 2023
    re.compile(WEEKDAY_RE + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_RE + r",?\s+" + YEAR_RE + r"\b",
               re.I),
    # Oct 21, 2015; Tuesday, February 7, 2012; Feb. 7, 2012
    re.compile(WEEKDAY_RE + MONTH_RE + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + YEAR_RE + r"\b", re.I),
    # 2013/09/05, 2023-09-26
    re.compile(r"\b" + YEAR_RE + r"[/-](?P<mnum>[01]?\d)[/-](?P<day>[0-3]?\d)\b"),
    # 15.03.2024, 15/03/2024 (day first, as printed outside the US)
    re.compile(r"\b(?P<day>[0-3]?\d)(?P<sep>[./])(?P<mnum>[01]?\d)[./]" + YEAR_RE + r"\b"),
)
_DAY_FIRST = 3  # the index of the day-first pattern above


def ambiguous_order(day: int, month: int, separator: str) -> bool:
    """True for a slashed date that reads both ways ("01/07/2020": 1 July in Europe, 7 January in the US).
    Dotted dates ("01.07.2020") are printed day first; a day above 12 or a day equal to the month settles it."""
    return separator == "/" and day <= 12 and month <= 12 and day != month


_SLASHED = re.compile(r"\s*([0-3]?\d)/([01]?\d)/(?:19|20)\d\d\b")


def ambiguous_date(text: str) -> bool:
    """True for a text that opens with a slashed date readable both ways ("12/07/2018")."""
    m = _SLASHED.match(text)
    return bool(m) and ambiguous_order(int(m.group(1)), int(m.group(2)), "/")


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A full calendar date found in text, with its span."""

    start: int
    end: int
    value: date


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_BEFORE_YEAR = 48  # the longest "Wednesday, 31st of September, " that can precede a year
_AFTER_YEAR = 7    # "-09-26" after a year


def _matches(pattern: re.Pattern[str], text: str, year_first: bool) -> list[re.Match[str]]:
    """The pattern's matches, looked for only around the years the text prints (a scan of the whole text
    with these patterns costs more than everything else that reads a page)."""
    found: list[re.Match[str]] = []
    for year in _YEAR.finditer(text):
        # one character more than the date, so that a closing \b sees what follows it
        lo, hi = (year.start(), year.end() + _AFTER_YEAR + 1) if year_first else \
            (max(0, year.start() - _BEFORE_YEAR), year.end() + 1)
        pos = lo
        while (m := pattern.search(text, pos, hi)) and m.start() < hi:
            if not found or m.start() >= found[-1].end():
                found.append(m)
            pos = m.end() if m.end() > m.start() else m.start() + 1
    return found


# Arabic-Indic and Persian digits ("٢٠٢٠/١١/٠٩"), read as ASCII digits; one character for one, so spans hold.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


def find_calendar_dates(text: str) -> tuple[CalendarDate, ...]:
    """Every full date with day, month and year printed in `text`, left to right, without overlaps."""
    if not text.isascii():
        text = text.translate(_DIGITS)
    found: list[CalendarDate] = []
    for n, pattern in enumerate(_FULL_DATE_PATTERNS):
        for m in _matches(pattern, text, year_first=n == 2):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            month = MONTHS[m.group("month").lower()] if "month" in m.groupdict() and m.group("month") \
                else int(m.group("mnum"))
            if n == _DAY_FIRST and ambiguous_order(int(m.group("day")), month, m.group("sep")):
                continue  # a wrong day is worse than none
            try:
                value = date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                continue
            found.append(CalendarDate(m.start(), m.end(), value))
    return tuple(sorted(found, key=lambda f: f.start))


# A label before the date of a header line ("Published: 02 Feb 2022"): not the name of an outlet.
_DATE_LABEL = re.compile(r"^(?:(?:first |last )?(?:published|updated|posted|modified|created)(?: on| at)?|date|"
                         r"prepared|dated)\b\s*", re.I)
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\b|\b[ap]m\b|\bGMT\b|\bUTC\b|[|,:;–—-]", re.I)


def read_dateline(line: str) -> tuple[date, str] | None:
    """The date of a header line that is mostly a date ("Tue 26 Sep 2023 | 10:56 PM"), and what else it says."""
    if len(line) > 80:
        return None
    dates = find_calendar_dates(line)
    if len(dates) != 1:
        return None
    found = dates[0]
    rest = _TIME_RE.sub(" ", line[: found.start] + " " + line[found.end:])
    rest = _DATE_LABEL.sub("", " ".join(rest.split()))
    if len(rest.split()) > 4:
        return None
    return found.value, rest


# The time of day right after a date that opens a line, and the dash or bar that closes the stamp:
# "March 15, 2023, 17:10 — The Kremlin, Moscow", "15 October 2025 at 2:20 pm | Novo-Ogaryovo".
_STAMP_TIME = re.compile(r",?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
                         r"(?:\s*(?:GMT|UTC|MSK)(?:\s*[+-]\d{1,2})?)?\s*(?:[-–—|]\s*|$)", re.I)
_STAMP_HEAD = 40  # a date opening a line ends within this many characters ("Wednesday, 15th of September 2025")


def read_time_stamp(line: str) -> tuple[date, int] | None:
    """The date of a line that opens with a date and a time of day, as an official readout prints it above the
    story ("March 15, 2023, 17:10 — The Kremlin, Moscow"), and where the rest of the line (a place, or the story
    run into it) starts; None for any other line."""
    if not line[:1].isalnum() or ":" not in line[:_STAMP_HEAD + 20]:
        return None
    dates = find_calendar_dates(line[:_STAMP_HEAD])
    if not dates or dates[0].start != 0:
        return None
    m = _STAMP_TIME.match(line, dates[0].end)
    return (dates[0].value, m.end()) if m else None


_DATE_BAR = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s", re.I)


def is_date_bar(line: str) -> bool:
    """True for a site's "today" bar ("Monday, 16 September 2024" above the headline): a full weekday and a
    date with no time of day. Seen before the headline, it tells the day of the visit, not of publication."""
    found = read_dateline(line)
    return bool(found and _DATE_BAR.match(line.strip()) and not found[1] and not re.search(r"\d:\d", line))


_URL_DATE_PATTERNS = (
    re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$|[^\d])"),
    re.compile(r"[/_-]((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)(?:[/_.-]|$)"),
)


def find_url_date(url: str | None) -> date | None:
    """A publication date written in a URL path: /2019/10/22/ or 20220221."""
    if not url:
        return None
    for pattern in _URL_DATE_PATTERNS:
        m = pattern.search(url)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None
