"""The same article saved twice: identical clean text, or the same URL."""
from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit


def content_hash(text: str) -> str:
    """A hash of an article's clean text that ignores differences in whitespace."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def url_key(url: str | None) -> str | None:
    """A URL reduced to what names the page: no scheme, `www.`, fragment, tracking parameters or trailing slash."""
    if not url or "://" not in url:
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(("utm_", "fbclid"))])
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


class DuplicateFilter:
    """Remembers the articles kept so far and says when another one is the same article."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._urls: dict[str, str] = {}

    def check(self, article_id: str, text_hash: str, url: str | None) -> str | None:
        """A note when the article repeats one already kept (then it should be dropped); None when it is new."""
        first = self._texts.get(text_hash)
        if first is not None:
            return f"same text as {first}; loaded once"
        key = url_key(url)
        if key and key in self._urls:
            return f"same URL as {self._urls[key]}; loaded once"
        self._texts[text_hash] = article_id
        if key:
            self._urls[key] = article_id
        return None
