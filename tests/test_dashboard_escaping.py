"""dashboard.escaping: untrusted text made inert for Plotly labels and Streamlit markdown."""
from __future__ import annotations

import pytest

from dashboard.escaping import escape_label, escape_markdown, shorten, to_hover_lines


@pytest.mark.parametrize(("text", "expected"), [
    ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
    ('<a href="https://example.com">x</a>', "&lt;a href=&#34;https://example.com&#34;&gt;x&lt;/a&gt;"),
    ("R&D", "R&amp;D"),
    ("&lt;", "&amp;lt;"),
    ("it's", "it&#39;s"),
    (None, ""),
])
def test_escaping_escape_label(text, expected):
    assert escape_label(text) == expected


def test_escaping_hover_lines_wrap_before_escaping():
    text = "&" * 100
    lines = to_hover_lines(text, width=80).split("<br>")
    assert [line.count("&amp;") for line in lines] == [80, 20]


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("short", 10, "short"),
    ("a  b\n\tc", 10, "a b c"),
    ("abcdefghijk", 5, "abcd…"),
])
def test_escaping_shorten(text, limit, expected):
    assert shorten(text, limit) == expected


@pytest.mark.parametrize("text", [
    "![tracker](https://tracker.example/p.png)",
    "[link](javascript:alert(1))",
    "**bold** _it_ `code` # heading",
    ":red[red] $x^2$ <b>raw</b>",
    "1. list\n- item\n> quote",
])
def test_escaping_markdown_leaves_no_unescaped_syntax(text):
    out = escape_markdown(text)
    for char in "![]()*_`#:$<>-.":
        assert all(out[i - 1] == "\\" for i, c in enumerate(out) if c == char)
    assert "\n" not in out
