"""Saved web pages: main text, title, author, date and site name found by trafilatura (dates by htmldate); the
extracted text then goes through the same header and junk reading as pasted text."""
from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from loaders.article import Article, DateSource
from loaders.clean import load_junk_rules, looks_like_prose
from loaders.datelines import find_calendar_dates
from loaders.markdown import parse_date
from loaders.options import ReadOptions
from loaders.plain import parse_plain_text, title_from_text
from loaders.report import LoadError, Note

# Above this many tags trafilatura runs without its fallback extractors: jusText's paragraph revision takes
# time quadratic in the number of short blocks (a 2 MB page of 60,000 menu items took ten minutes).
MANY_TAGS = 15_000


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def page_paragraphs(text: str, title: str | None) -> list[str]:
    """The paragraphs of extracted page text, without a first line that repeats the title."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if paragraphs and title and _norm(paragraphs[0]) == _norm(title):
        paragraphs = paragraphs[1:]
    return paragraphs


def printed_in_page(day: date, html: str) -> bool:
    """True when the page prints `day` (a meta tag, a <time>, a URL path, a visible date). A page date found
    nowhere is a guess: htmldate's wider search turns a copyright line ("© 2024") into 1 January 2024."""
    forms = {f"{day:%Y-%m-%d}", f"{day:%Y/%m/%d}", f"{day:%Y%m%d}", f"{day:%d.%m.%Y}", f"{day:%d-%m-%Y}"}
    if day.day > 12 or day.day == day.month:  # a slashed date that reads one way only
        forms |= {f"{day:%d/%m/%Y}", f"{day:%m/%d/%Y}"}
    return any(form in html for form in forms) or any(f.value == day for f in find_calendar_dates(html))


_TAG = re.compile(r"<[^>]+>")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_WORD_TITLE = re.compile(r"<p\b[^>]*\bclass=[\"']?MsoTitle\b[^>]*>(.*?)</p\s*>", re.I | re.S)
_TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—:•·»-]|::)\s+")
_OUTLET_WORDS = 5


def _element_text(fragment: str) -> str:
    return " ".join(html_lib.unescape(_TAG.sub(" ", fragment)).split())


def page_headline(html: str) -> str | None:
    """The headline the page shows: its only <h1>, or the Title paragraph of a Word document saved as HTML."""
    found = [t for t in (_element_text(m) for m in _H1.findall(html)) if t]
    if len(found) == 1:
        return found[0]
    word = [t for t in (_element_text(m) for m in _WORD_TITLE.findall(html)) if t]
    return word[0] if len(word) == 1 else None


def outlet_from_title_tag(html: str, title: str | None) -> str | None:
    """The site name a page's <title> adds to the headline ("Headline - Metro Courier"), when it adds one."""
    m = _TITLE_TAG.search(html)
    if not m or not title:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(_element_text(m.group(1))) if p.strip()]
    if len(parts) < 2:
        return None
    for head, site in ((parts[0], parts[-1]), (parts[-1], parts[0])):
        if _norm(head) == _norm(title) and len(site.split()) <= _OUTLET_WORDS and _norm(site) != _norm(title):
            return site
    return None


def clean_title(title: str | None) -> str | None:
    """A page title without the prefix a print view or a site adds to it ("Print: ...")."""
    if not title:
        return None
    for pattern in load_junk_rules().title_prefix:
        m = pattern.match(title)
        if m and m.end() < len(title):
            title = title[m.end():]
            break
    return " ".join(title.split()) or None


# The class of the element holding a page's lead (standfirst) paragraph: "read__lead", "entry-summary",
# "article-intro", "standfirst". Extractors keep the element marked as the story body and may leave out the
# lead standing beside it, above the body: the one sentence that tells what happened. The value is read within
# its own quotes (an unquoted one up to a space or an "="), so that no two attributes are read as one and a page
# full of "class=" is read once, not once from each of them to its end (a 64 KB run of them took seconds).
_LEAD_CLASS = re.compile(r"""\bclass\s*=\s*(?:"[^">]*?|'[^'>]*?|[^\s"'=>]*?)"""
                         r"""(?<![a-z])(?:lead|standfirst|summary|intro|dek)(?![a-z])""", re.I)
_LEAD_TAGS = frozenset({"p", "div", "section", "span", "h2"})
_OUTSIDE_STORY = frozenset({"nav", "aside", "footer", "form"})


@lru_cache(maxsize=1)
def _html_tree(html: str):
    """The page parsed by lxml (None if it cannot be), once for the lead and the live-blog readers of one page."""
    import lxml.html  # installed with trafilatura

    try:
        return lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def _lead_class(element) -> bool:
    return bool(_LEAD_CLASS.search(f'class="{element.get("class") or ""}"'))


def page_lead(html: str, paragraphs: list[str]) -> str | None:
    """The page's lead paragraph when the extracted text left it out or moved it below the story (extractors
    keep the element marked as the body, and may add what stands beside it at the end): the text of an element
    marked as the lead, after the headline and before the first extracted paragraph, that reads as prose. Pages
    with no element so marked are not parsed again."""
    if not paragraphs or not _LEAD_CLASS.search(html):
        return None
    tree = _html_tree(html)
    if tree is None:
        return None
    first = _norm(paragraphs[0])
    headline_seen = not _H1.search(html)
    lead = None
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "h1":
            headline_seen = True
            continue
        if tag not in _LEAD_TAGS:
            continue
        text = _norm(element.text_content())
        if text == first:
            return lead
        if headline_seen and lead is None and text and first not in text and _lead_class(element) and \
                looks_like_prose(text) and \
                not any(a.tag in _OUTSIDE_STORY for a in element.iterancestors() if isinstance(a.tag, str)):
            lead = " ".join(element.text_content().split())
    return None


_ENTRY_TAGS = frozenset({"article", "li", "div", "section"})
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?")


def live_entries(html: str, paragraphs: list[str]) -> list[str] | None:
    """A live blog's paragraphs as entries that open with their time ("15:20 — Press conference. Lavrov said ..."),
    oldest first, with the paragraphs above the first entry kept before them; None for a page that is not a live
    blog (fewer than two posts that open with a clock time in a `<time>` element).

    Extractors keep a post's paragraphs and drop its time and heading, which leaves a day's happenings run
    together; `events.clauses.entries` reads an opening time and a dash as the start of an entry."""
    if html.count("<time") < 2:
        return None
    tree = _html_tree(html)
    if tree is None:
        return None
    entries: list[tuple[str, str, str]] = []  # (datetime attribute or "", clock, text)
    seen: set = set()  # the posts themselves: held here, their proxies live on, so an id is never reused
    for stamp in tree.iter("time"):
        clock = " ".join(stamp.text_content().split())
        if not _CLOCK.fullmatch(clock):
            continue
        post = next((a for a in stamp.iterancestors() if isinstance(a.tag, str) and a.tag.lower() in _ENTRY_TAGS),
                    None)
        if post is None or post in seen or any(
                isinstance(a.tag, str) and a.tag.lower() in _OUTSIDE_STORY for a in post.iterancestors()):
            continue
        text = " ".join(post.text_content().split())
        if not text.startswith(clock):
            continue  # the time does not open the post: a byline's or an update stamp's
        seen.add(post)
        parts = [" ".join(block.text_content().split()) for block in post if isinstance(block.tag, str)
                 and block is not stamp and block.tag.lower() != "time"]
        parts = [p.rstrip(".") + "." if p and p[-1].isalnum() else p for p in parts if p]
        if parts:
            entries.append((stamp.get("datetime") or "", clock, " ".join(parts)))
    if len(entries) < 2:
        return None
    if entries[0][0] and entries[-1][0] and entries[0][0] > entries[-1][0]:
        entries.reverse()  # newest first, as live pages show them: the story runs the other way
    told = {_norm(text) for *_, text in entries}
    before = [p for p in paragraphs if not any(_norm(p) in t for t in told)]
    return before + [f"{clock} — {text}" for _, clock, text in entries]


def read_html_text(html: str, name: str, options: ReadOptions) -> Iterator[Article | Note]:
    """The article of a web page; LoadError when the page holds no article."""
    import trafilatura  # lazy: only pages need it, and it takes a moment to import

    cap = (options.max_date or date.today()).isoformat()
    tags = html.count("<")
    fast = tags > MANY_TAGS
    if fast:
        yield Note(name, f"very large page ({tags:,} tags): main text found without the fallback extractors")
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, fast=fast,
        date_extraction_params={"original_date": True, "extensive_search": True, "max_date": cap},
    )
    if doc is None:
        raise LoadError("no article found in the page")
    title = clean_title(doc.title)
    paragraphs = page_paragraphs(doc.text or "", title)
    headline = page_headline(html)
    if paragraphs and headline and _norm(paragraphs[0]) == _norm(headline):
        title, paragraphs = headline, paragraphs[1:]  # the headline the reader sees, over a title made for sharing
    if not fast and (lead := page_lead(html, paragraphs)):
        paragraphs = [lead, *(p for p in paragraphs if _norm(p) != _norm(lead))]
    if not fast and (entries := live_entries(html, paragraphs)):
        paragraphs = entries
    if not any(looks_like_prose(p) for p in paragraphs):
        raise LoadError("no article found in the page (no paragraph of running text)")
    body = parse_plain_text("\n\n".join(paragraphs), name, name, known_title=title, cut_tail=False)
    if not body.text:
        raise LoadError("no article found in the page (only page junk)")
    published = parse_date(doc.date) if doc.date else None
    if published is not None and not printed_in_page(published, html):
        published = None
    source = DateSource.METADATA if published else body.published_source
    yield Article(
        article_id=name,
        path=name,
        title=title or title_from_text(body.text),
        text=body.text,
        published=published or body.published,
        published_source=source,
        outlet=doc.sitename or outlet_from_title_tag(html, title) or body.outlet or doc.hostname or None,
        byline=doc.author or body.byline,
        url=doc.url or body.url,
        removed_lines=body.removed_lines,
    )
