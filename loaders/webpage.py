"""Saved web pages: main text, title, author, date and site name found by trafilatura (dates by htmldate)."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from loaders.article import Article, DateSource
from loaders.clean import looks_like_prose
from loaders.datelines import find_calendar_dates
from loaders.markdown import parse_date
from loaders.options import ReadOptions
from loaders.plain import title_from_text
from loaders.report import LoadError


def page_paragraphs(text: str, title: str | None) -> list[str]:
    """The paragraphs of extracted page text, without a first line that repeats the title."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if paragraphs and title and paragraphs[0].casefold() == " ".join(title.split()).casefold():
        paragraphs = paragraphs[1:]
    return paragraphs


def printed_in_page(day: date, html: str) -> bool:
    """True when the page prints `day` (a meta tag, a <time>, a URL path, a visible date). A page date found
    nowhere is a guess: htmldate's wider search turns a copyright line ("© 2024") into 1 January 2024."""
    forms = {f"{day:%Y-%m-%d}", f"{day:%Y/%m/%d}", f"{day:%Y%m%d}", f"{day:%d.%m.%Y}", f"{day:%d-%m-%Y}"}
    if day.day > 12 or day.day == day.month:  # a slashed date that reads one way only
        forms |= {f"{day:%d/%m/%Y}", f"{day:%m/%d/%Y}"}
    return any(form in html for form in forms) or any(f.value == day for f in find_calendar_dates(html))


def read_html_text(html: str, name: str, options: ReadOptions) -> Iterator[Article]:
    """The article of a web page; LoadError when the page holds no article."""
    import trafilatura  # lazy: only pages need it, and it takes a moment to import

    cap = (options.max_date or date.today()).isoformat()
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"original_date": True, "extensive_search": True, "max_date": cap},
    )
    if doc is None:
        raise LoadError("no article found in the page")
    title = (doc.title or "").strip() or None
    paragraphs = page_paragraphs(doc.text or "", title)
    if not any(looks_like_prose(p) for p in paragraphs):
        raise LoadError("no article found in the page (no paragraph of running text)")
    body = "\n\n".join(paragraphs)
    published = parse_date(doc.date) if doc.date else None
    if published is not None and not printed_in_page(published, html):
        published = None
    yield Article(
        article_id=name,
        path=name,
        title=title or title_from_text(body),
        text=body,
        published=published,
        published_source=DateSource.METADATA if published else DateSource.NONE,
        outlet=(doc.sitename or doc.hostname or None),
        byline=doc.author or None,
        url=doc.url or None,
    )
