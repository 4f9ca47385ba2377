"""Make untrusted article text inert before it reaches a Plotly label or Streamlit markdown."""
from __future__ import annotations

import html
import re
import textwrap

_WHITESPACE = re.compile(r"\s+")
# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
# Streamlit's markdown gives meaning to (links, images, emphasis, headings, lists, tables, LaTeX,
# `:color[...]`, raw HTML).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&\"'])")


def shorten(text: str, limit: int) -> str:
    """`text` with whitespace collapsed, cut to at most `limit` characters with an ellipsis."""
    flat = _WHITESPACE.sub(" ", str(text or "")).strip()
    if len(flat) <= limit:
        return flat
    return flat[: max(limit - 1, 0)].rstrip() + "…"


def escape_label(text: str) -> str:
    """Escape text for a Plotly label: no tag can form and every entity is one Plotly decodes."""
    # Plotly decodes &lt; &gt; &amp; and numeric entities, but shows &quot; literally.
    escaped = html.escape(str(text or ""), quote=False)
    return escaped.replace('"', "&#34;").replace("'", "&#39;")


def to_hover_lines(text: str, width: int = 80, limit: int | None = None) -> str:
    """Untrusted text as a Plotly label: shortened, wrapped at `width` with <br>, then escaped."""
    flat = shorten(text, limit) if limit else _WHITESPACE.sub(" ", str(text or "")).strip()
    # Wrap before escaping so an entity is never split and widths count visible characters.
    lines = textwrap.wrap(flat, width=width, break_long_words=True, break_on_hyphens=False) or [""]
    return "<br>".join(escape_label(line) for line in lines)


def escape_markdown(text: str) -> str:
    """Untrusted text as literal Streamlit markdown: one line, every special character backslashed."""
    flat = _WHITESPACE.sub(" ", str(text or "")).strip()
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
