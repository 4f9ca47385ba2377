"""Loaders: junk removal, titles, printed dates, manifest handling, bad input."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from loaders.article import DateSource
from loaders.corpus import load_corpus
from loaders.datelines import find_calendar_dates, find_url_date, read_dateline
from loaders.readers import LoadError, decode_text, read_article

# The seed titles as SHA-1 prefixes: the test checks them exactly without copying third-party text here.
SEED_TITLE_SHA1 = {
    "000_f4f6b235870a0f7d.txt": "74eba6f256cd148d",
    "001_fc09b28566c7b3b3.txt": "5ee642ced96db47f",
    "002_58f1064d4f9f987d.txt": "6018da171c9c29be",
    "003_485ac5a49c7302f1.txt": "c6150850bb87b2e2",
    "004_bf69d6735c2988b0.txt": "acd796796a5363b9",
}
JUNK = ["icon bookmark", "LEAVE A REPLY", "Please enter your", "Editor in Chief", "Supervisor", "Logo Wide",
        "Dear readers", "Podcasts", "0:00", "24:18", "Helpful keywords", "has not verified the content",
        "Home World News", "Tue 26 Sep 2023", "By Ahmad"]


@pytest.mark.parametrize("name,digest", sorted(SEED_TITLE_SHA1.items()))
def test_read_text_seed_title(seeds_dir: Path, name: str, digest: str) -> None:
    title = read_article(seeds_dir / name).title
    assert hashlib.sha1(title.encode("utf-8")).hexdigest()[:16] == digest, title


def test_read_text_seed_junk_removed(seeds_dir: Path) -> None:
    for name in SEED_TITLE_SHA1:
        article = read_article(seeds_dir / name)
        for junk in JUNK:
            assert junk not in article.text, (name, junk)
        assert article.text.count(article.title) <= 1, name


def test_read_text_seed_story_kept(seeds_dir: Path) -> None:
    path = seeds_dir / "002_58f1064d4f9f987d.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    story = [line for line in lines if line.startswith(("On Tuesday,", "Prime Minister Azzam"))]
    article = read_article(path)
    assert len(story) == 3
    assert all(line in article.text for line in story)
    assert article.text.rstrip().endswith(story[-1])


@pytest.mark.parametrize("name,published,byline", [
    ("000_f4f6b235870a0f7d.txt", date(2023, 9, 26), "Ahmad El-Assasy"),
    ("004_bf69d6735c2988b0.txt", date(2025, 1, 29), None),
    ("001_fc09b28566c7b3b3.txt", None, None),
])
def test_read_text_seed_printed_date(seeds_dir: Path, name: str, published: date | None, byline: str | None) -> None:
    article = read_article(seeds_dir / name)
    assert article.published == published
    assert article.byline == byline


def test_read_text_offsets_trace_back_to_raw_file(seeds_dir: Path) -> None:
    path = seeds_dir / "004_bf69d6735c2988b0.txt"
    raw = path.read_text(encoding="utf-8")
    article = read_article(path)
    for seg in article.segments:
        assert article.text[seg.start:seg.start + seg.length] == raw[seg.raw_start:seg.raw_start + seg.length]
    at = article.text.index("Bogdanov led the Russian delegation")
    assert raw[article.raw_offset(at):].startswith("Bogdanov led the Russian delegation")


@pytest.mark.parametrize("line,expected", [
    ("Tue 26 Sep 2023 | 10:56 PM", date(2023, 9, 26)),
    ("29 Jan, 2025 00:38", date(2025, 1, 29)),
    ("Oct 21, 2015 12:00 am", date(2015, 10, 21)),
    ("Mon Dec 11, 2017 14:16:36", date(2017, 12, 11)),
    ("Tuesday, February 7, 2012", date(2012, 2, 7)),
    ("2013/09/05", date(2013, 9, 5)),
    ("15 Sep, 2021", date(2021, 9, 15)),
    ("The talks were held on 12 May 2020 in the Syrian capital after long delays", None),
    ("31 Feb 2020", None),
])
def test_read_dateline_shapes(line: str, expected: date | None) -> None:
    found = read_dateline(line)
    assert (found[0] if found else None) == expected


def test_find_calendar_dates_day_first_numeric() -> None:
    assert [f.value for f in find_calendar_dates("(Desk - 15.03.2024) ::")] == [date(2024, 3, 15)]


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/2019/10/22/putin-assad-call", date(2019, 10, 22)),
    ("https://example.org/news/20220221-visit.html", date(2022, 2, 21)),
    ("https://example.org/news/115742-russian-defense", None),
    (None, None),
])
def test_find_url_date(url: str | None, expected: date | None) -> None:
    assert find_url_date(url) == expected


def test_load_corpus_manifest_overrides_text(seeds_dir: Path) -> None:
    corpus = load_corpus(seeds_dir)
    by_id = {a.article_id: a for a in corpus.articles}
    assert len(by_id) == 5 and not corpus.skipped
    assert by_id["002_58f1064d4f9f987d.txt"].published == date(2021, 6, 23)
    assert by_id["002_58f1064d4f9f987d.txt"].outlet == "The Syrian Observer"
    assert by_id["002_58f1064d4f9f987d.txt"].published_source is DateSource.MANIFEST


def test_load_corpus_without_manifest_says_when_no_date(seeds_dir: Path) -> None:
    corpus = load_corpus(seeds_dir, use_manifest=False)
    undated = {a.article_id for a in corpus.articles if a.published is None}
    assert undated == {"001_fc09b28566c7b3b3.txt", "002_58f1064d4f9f987d.txt", "003_485ac5a49c7302f1.txt"}
    assert sum("no publication date" in n for n in corpus.notes) == 3


def test_load_corpus_bad_files_reported_rest_loaded(tmp_path: Path) -> None:
    good = ("Assad meets Putin\n\nSyrian President Bashar al-Assad met Russian President Vladimir Putin "
            "in Moscow on Tuesday.\n")
    (tmp_path / "good.txt").write_text(good, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "latin.txt").write_bytes(good.replace("Moscow", "Moscow\u2019s caf\u00e9").encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(good.replace("Tuesday", "Monday").encode("utf-16"))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "manifest.csv").write_text(
        "file,published,outlet,url\ngood.txt,2020-13-45,X,\nmissing.txt,2020-01-01,Y,\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    loaded = {a.article_id for a in corpus.articles}
    assert loaded == {"good.txt", "latin.txt", "utf16.txt"}
    reasons = {s.name: s.reason for s in corpus.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "unsupported" in reasons["image.png"]
    assert any("impossible date" in n for n in corpus.notes)
    assert any("missing.txt" in n for n in corpus.notes)
    latin = next(a for a in corpus.articles if a.article_id == "latin.txt")
    assert "café" in latin.text


def test_decode_text_rejects_oversize() -> None:
    with pytest.raises(LoadError, match="too large"):
        decode_text(b"a" * 5_000_001)


def test_load_files_reads_good_uploads_and_reports_bad_ones():
    from loaders.corpus import load_files

    good = ("note.txt", b"Moscow, 3 March 2021\n\nThe Syrian foreign minister met his Russian counterpart.\n")
    result = load_files([good, ("blob.txt", b"\x00\xff" * 64), ("scan.pdf", b"%PDF-1.4")])
    assert [a.article_id for a in result.articles] == ["note.txt"]
    assert {s.name for s in result.skipped} == {"blob.txt", "scan.pdf"}


PASTED_WITH_MENUS = """Skip to content
Home
World
Opinion
Talks on the coastal bases open in Damascus
By Staff Writer
2025-02-03 | 14:20
Share
Facebook
WhatsApp | Telegram
A Russian delegation held talks in Damascus on Tuesday with the new Syrian authorities about the bases.

The two sides agreed to meet again, a Syrian official said.

Read also:
Another story about something else
Tags: Russia Syria
"""


def test_read_text_menus_and_share_buttons_above_the_story_are_not_the_story(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_text(PASTED_WITH_MENUS, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Talks on the coastal bases open in Damascus"
    assert article.published == date(2025, 2, 3) and article.byline == "Staff Writer"
    assert article.text.startswith("A Russian delegation held talks")
    assert article.text.endswith("a Syrian official said.")


def test_read_text_a_menu_row_with_bars_is_not_the_title(tmp_path: Path) -> None:
    path = tmp_path / "menu.txt"
    path.write_text("News | Region | Gulf | Economy | Opinion\n\nEnvoy arrives in Damascus for talks\n\n"
                    "https://news.example.net/2024/05/02/envoy-arrives\n\nThe Russian envoy arrived in Damascus on "
                    "Thursday. Prices | wages | rents rose, a trader said.\n", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Envoy arrives in Damascus for talks"
    assert article.published == date(2024, 5, 2)
    assert "News | Region" not in article.text and "Prices | wages | rents rose" in article.text


def test_read_text_a_dateline_place_in_capitals_still_opens_the_story(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("Ministers meet in Moscow\n\nMOSCOW - Syrian and Russian ministers met on Tuesday to discuss "
                    "trade and energy.\n", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Ministers meet in Moscow" and article.text.startswith("MOSCOW - Syrian")


def test_read_markdown_a_short_first_heading_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Damascus talks\n\nRussian and Syrian officials met in Damascus on Tuesday to discuss trade, "
                    "the ministry said.\n", encoding="utf-8")
    assert read_article(path).title == "Damascus talks"


@pytest.mark.parametrize("tail,expected", [
    ("12 March 2019", date(2019, 3, 12)),
    ("Damascus, 12 March 2019", date(2019, 3, 12)),
    # a sentence that ends with a date, or a line with two dates, is no sign-off
    ("The next session is due on 12 March 2019", None),
    ("12 March 2019 - 14 March 2019", None),
    # besides the date, only places the gazetteer knows
    ("The Kremlin, Moscow, 12 March 2019", date(2019, 3, 12)),
    ("12 March 2019, Damascus.", date(2019, 3, 12)),
    ("Founded 18 January 2017", None),
    ("Updated 12 March 2019", None),
    ("Rami Odeh, 12 March 2019", None),
])
def test_plain_text_sign_off_date_is_the_publication_date(tail: str, expected: date | None) -> None:
    from loaders.plain import parse_plain_text
    text = ("Ministry statement on the consultations\n\nThe delegations of the two ministries held consultations on "
            "consular matters and agreed to meet again.\n\n" + tail + "\n")
    article = parse_plain_text(text, "statement.txt")
    assert article.published == expected
    assert expected is None or article.published_source is DateSource.TEXT


@pytest.mark.parametrize("body,expected", [
    # the story states a later day than the sign-off: the last line is no day of issue
    ("The two ministries signed a consular protocol in Moscow on 4 April 2019.", None),
    # an earlier day, or the same day, in the story leaves it the day of issue
    ("The two ministries recalled the consular protocol they signed on 4 April 2017.", date(2019, 3, 12)),
    ("The two ministries signed a consular protocol in Moscow on 12 March 2019.", date(2019, 3, 12)),
])
def test_plain_text_sign_off_date_is_not_before_a_day_the_story_states(body: str, expected: date | None) -> None:
    from loaders.plain import parse_plain_text
    text = "Ministry statement on the consultations\n\n" + body + "\n\nMoscow, 12 March 2019\n"
    assert parse_plain_text(text, "statement.txt").published == expected
