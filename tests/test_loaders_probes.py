"""Pages, pastes and exports of kinds the loaders had not seen, written for these tests: each must load with the
title, outlet, byline and date a reader would expect, and a body with no page junk and no story line lost."""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from loaders.article import Article, DateSource
from loaders.corpus import load_files
from loaders.decoding import decode_bytes
from loaders.options import ReadOptions
from loaders.readers import read_bytes
from loaders.report import LoadError

PROBES = Path(__file__).parent / "fixtures" / "loaders" / "probes"
PINNED = ReadOptions(max_date=date(2026, 1, 1))
M, T, N = DateSource.METADATA, DateSource.TEXT, DateSource.NONE


def _load(name: str, data: bytes | None = None) -> tuple[list[Article], list[str]]:
    """The articles of a probe file, and the report lines (notes and skips) it gave."""
    items = list(read_bytes(name, data if data is not None else (PROBES / name).read_bytes(), PINNED))
    lines = [i.line() for i in items if not isinstance(i, Article)]
    return [i for i in items if isinstance(i, Article)], lines


# file, title, outlet, byline, date, date source, story lines kept, junk absent
HTML_CASES = [
    ("wordpress.html", "Russian delegation arrives in Latakia for port talks", "Levant Daily Monitor", "Rana Haddad",
     date(2023, 6, 14), M, ["A Russian government delegation led by Deputy Prime Minister Yuri Vasilchenko",
                            "Neither side gave figures for the investment"],
     ["Advertisement", "Leave a Reply", "Related Posts", "Tags", "About Rana Haddad", "Previous Post", "Facebook",
      "Save my name", "Proudly powered", "Home"]),
    ("amp.html", "Syrian minister holds talks with Russian counterpart in Sochi", "North Wire", "Oleg Marchenko",
     date(2022, 9, 8), M, ["to discuss supplies of spare parts for Syrian power stations",
                           "The Syrian side asked for faster deliveries of turbines"],
     ["Advertisement", "Menu", "Photo: North Wire", "Privacy", "All rights reserved"]),
    ("jsonld_only.html", "Moscow and Damascus sign health cooperation memorandum", "Eastern Gazette",
     "Mikhail Terentyev", date(2021, 2, 17), M, ["signed a memorandum on cooperation in medicine",
                                                 "more joint projects were being prepared"],
     ["Front page", "Multimedia", "Reproduction only"]),
    ("time_only.html", "Russian Su-34 jets strike positions in Idlib countryside", None, "Karim Nassar",
     date(2019, 5, 27), M, ["Russian warplanes carried out a series of strikes", "adding to the number of people"],
     ["Published", "All materials"]),
    ("relative_date.html", "Lavrov receives Syrian envoy in Moscow", "Metro Courier", None, date(2024, 3, 5), M,
     ["received the Syrian ambassador in Moscow", "according to the short readout"], ["hours ago", "Updated"]),
    ("arabic_digits.html", "Syrian-Russian committee discusses electricity projects", "Al-Sharq English", None,
     date(2020, 11, 9), M, ["Damascus — The joint Syrian-Russian committee", "several agreements had already been"],
     ["٢٠٢٠", "العربية", "محفوظة"]),
    ("og_title.html", "Moscow studies Syrian request for more wheat on credit", "Capital Ledger",
     "Natalia Greaves; Omar Fayed", date(2018, 10, 30), M,
     ["Officials in Moscow are studying a request from Damascus.", "did not respond to a request for comment"],
     ["Moscow studies Syrian request for more wheat on credit", "By Natalia", "World News", "Markets"]),
    ("cp1251.html", "Russia and Syria hold naval exercise off Tartus", None, "Pavel Zorin", date(2017, 8, 15), M,
     ["held a joint exercise in the eastern Mediterranean", "would be held regularly in the future"],
     ["15.08.2017", "Главная", "Ð", "Морской"]),
    ("cp1256.html", "Syrian parliament speaker meets Russian Duma delegation", None, None, date(2019, 6, 24), M,
     ["received a delegation of the Russian State Duma", "had not changed, the statement added"],
     ["الرئيسية", "Ç", "24/06/2019"]),
    ("cookie_newsletter.html", "Putin and Assad discuss reconstruction by phone", "Frontline Dispatch", "Sami Khoury",
     date(2020, 12, 21), M, ["talked by telephone on Monday about the rebuilding", "Assad thanked Putin for wheat",
                             "The last publicly reported conversation"],
     ["cookies", "newsletter", "Sign up", "unsubscribe", "privacy"]),
    ("liveblog.html", "Live: Russian foreign minister visits Damascus — updates", "Regional Live Desk", None,
     date(2023, 2, 11), M, ["was received by President Bashar al-Assad at the presidential palace",
                            "plane landed at Damascus International Airport", "Talks with Assad"],
     ["Share your tips"]),
    ("print.html", "Syria, Russia agree on customs cooperation", "The Orient Herald", "Hani Mourad",
     date(2017, 4, 13), M, ["The customs services of Syria and Russia signed a cooperation protocol",
                            "arriving at the ports of Latakia and Tartus."],
     ["Print", "URL of this article", "Copyright", "By Hani Mourad", "Close window"]),
    ("word.htm", "Shoigu’s visit to Damascus", None, None, date(2024, 1, 9), M,
     ["Russian Defence Minister Sergei Shoigu travelled to Damascus on 6 January 2024",
      "had not weakened despite the war in Ukraine."],
     ["Briefing note", "Prepared", "MsoNormal", "o:p", "Shoigu’s visit to Damascus\n"]),
]


@pytest.mark.parametrize("name,title,outlet,byline,published,source,kept,junk", HTML_CASES,
                         ids=[c[0] for c in HTML_CASES])
def test_probe_pages_load_as_a_reader_sees_them(name: str, title: str, outlet: str | None, byline: str | None,
                                                published: date, source: DateSource, kept: list[str],
                                                junk: list[str]) -> None:
    [article], _ = _load(name)
    assert (article.title, article.outlet, article.byline) == (title, outlet, byline)
    assert (article.published, article.published_source) == (published, source)
    for line in kept:
        assert line in article.text, line
    for line in junk:
        assert line not in article.text, line


def test_probe_page_url_from_a_labelled_line_and_canonical_link() -> None:
    [printed], _ = _load("print.html")
    assert printed.url == "https://orientherald.example/news/2017/04/13/customs-protocol.html"
    [amp], _ = _load("amp.html")
    assert amp.url == "https://www.northwire.example/world/syria-russia-sochi-talks-8812"


def test_probe_page_in_a_legacy_code_page_says_which() -> None:
    _, lines = _load("cp1251.html")
    assert "note: cp1251.html: not UTF-8: read as Windows-1251" in lines
    _, lines = _load("cp1256.html")
    assert "note: cp1256.html: not UTF-8: read as Windows-1256" in lines
    _, lines = _load("word.htm")
    assert "note: word.htm: not UTF-8: read as Windows-1252 (declared by the page)" in lines


def test_probe_page_of_many_short_blocks_is_read_quickly() -> None:
    story = ("Russian Deputy Foreign Minister Mikhail Bogdanov met the Syrian ambassador in Moscow on 3 May 2018 to "
             "discuss the political settlement, the ministry said. ")
    page = ("<html><head><title>Bogdanov meets Syrian ambassador</title></head><body>"
            + "<div class='menu'><span>item</span></div>" * 8000
            + f"<article><h1>Bogdanov meets Syrian ambassador</h1><p>{story * 3}</p><p>{story}</p></article>"
            + "</body></html>")
    started = time.perf_counter()
    [article], lines = _load("minified.html", page.encode())
    assert time.perf_counter() - started < 20  # ten minutes for a page like this before
    assert article.title == "Bogdanov meets Syrian ambassador" and article.text.startswith("Russian Deputy")
    assert any("very large page" in line for line in lines)


# bytes, what the report must say
BINARY_CASES = [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a zip container"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "an old Word or Excel document"),
    (b"\x1f\x8b\x08\x00" + bytes(range(1, 200)), "gzip-compressed data"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
]


@pytest.mark.parametrize("data,kind", BINARY_CASES, ids=[c[1] for c in BINARY_CASES])
def test_probe_binary_file_named_for_what_it_is(data: bytes, kind: str) -> None:
    with pytest.raises(LoadError, match=f"binary file, not text \\({kind}"):
        decode_bytes(data)


STORY = ("Bogdanov meets Syrian ambassador\n\nRussian Deputy Foreign Minister Mikhail Bogdanov met the Syrian "
         "ambassador in Moscow on 3 May 2018 to discuss the political settlement, the ministry said.\n")


# bytes, decoded text expected to hold, note expected
TEXT_CASES = [
    ("stray NUL", STORY.replace("ambassador in", "ambassador\x00 in").encode(), "ambassador in Moscow",
     "1 NUL byte(s) removed"),
    ("UTF-16 BE", STORY.encode("utf-16-be"), "ambassador in Moscow", "UTF-16 text without byte-order mark"),
    ("UTF-32", STORY.encode("utf-32"), "ambassador in Moscow", "UTF-32 text"),
    ("mixed", STORY.encode() + "The envoy’s café talk\n".encode("cp1252") + "A curly ’ quote\n".encode(),
     "The envoy’s café talk\nA curly ’ quote", "mixed encodings: 1 line(s) read as Windows-1252, the rest as UTF-8"),
    ("cp1251", (STORY + "Главная страница новостей\n").encode("cp1251"), "Главная страница",
     "not UTF-8: read as Windows-1251"),
    ("cp1256", (STORY + "الصفحة الرئيسية للأخبار\n").encode("cp1256"), "الصفحة الرئيسية",
     "not UTF-8: read as Windows-1256"),
    ("cp1252", (STORY + "The envoy’s café — “fine”\n").encode("cp1252"), "café — “fine”",
     "not UTF-8: read as Windows-1252"),
]


@pytest.mark.parametrize("data,holds,note", [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
def test_probe_text_decoded_with_a_note(data: bytes, holds: str, note: str) -> None:
    text, said = decode_bytes(data)
    assert holds in text and said == note


def test_probe_hostile_files_reported_rest_loaded() -> None:
    good = STORY.encode()
    files = [("good.txt", good), ("zero.html", b""), ("fake.html", BINARY_CASES[0][0]),
             ("nul.txt", STORY.replace("Moscow", "Mos\x00cow on 4 May").encode()),
             ("deep.json", b"[" * 100_000 + b"]" * 100_000), ("strings.json", b'["one", "two"]')]
    loaded = load_files(files)
    assert [a.article_id for a in loaded.articles] == ["good.txt", "nul.txt"]
    reasons = {s.name: s.reason for s in loaded.skipped}
    assert reasons["zero.html"] == "empty file"
    assert reasons["fake.html"].startswith("binary file, not text (a PDF document")
    assert reasons["deep.json"] == "not JSON (nested too deeply)"
    assert reasons["strings.json"] == "feed items are not objects"
    assert "nul.txt: 2 NUL byte(s) removed" in loaded.notes or "nul.txt: 1 NUL byte(s) removed" in loaded.notes



def test_probe_pasted_text_junk_lines_removed_story_kept() -> None:
    [article], _ = _load("pasted.txt")
    assert article.title == "Syria and Russia agree to extend flights between Damascus and Moscow"
    assert (article.byline, article.outlet) == ("Leila Mansour", None)  # "Published:" is a label, not an outlet
    assert (article.published, article.published_source) == (date(2022, 2, 2), T)
    assert article.text.startswith("Syrian and Russian aviation officials agreed on Tuesday")
    assert article.text.endswith("at Russian aviation schools, the statement added.")
    assert "Officials said the new flights would be operated by Syrian Air" in article.text
    for junk in ("Share this article", "Photo", "Advertisement", "Read also", "Iraqi carrier", "Follow us",
                 "YouTube", "Tags", "Politics"):
        assert junk not in article.text, junk


def test_probe_read_later_markdown_front_matter() -> None:
    [article], _ = _load("readlater.md")
    assert article.title == "Mekdad and Lavrov hold talks in Moscow"
    assert (article.outlet, article.byline) == ("The Levant Observer", "Yusuf Karam")
    assert article.url == "https://levantobserver.example/news/mekdad-lavrov-moscow"
    assert (article.published, article.published_source) == (date(2021, 12, 13), M)
    assert article.text.startswith("Syrian Foreign Minister Faisal Mekdad held talks")
    assert "thanked Moscow for its support at the United Nations." in article.text
    for junk in ("Related", "wheat shipment", "Share on", "Photo: Levant", "clippings", "[["):
        assert junk not in article.text, junk


def test_probe_markdown_front_matter_lists_and_links() -> None:
    text = ("---\ntitle: Envoy in Damascus\nauthor:\n  - \"[[Yusuf Karam]]\"\n  - \"[[people/rami|Rami Odeh]]\"\n"
            "site: https://example.org/envoy\ntags: [syria, russia]\n---\n\n" + STORY.split("\n\n", 1)[1])
    [article], _ = _load("list.md", text.encode())
    assert (article.byline, article.url, article.outlet) == ("Yusuf Karam, Rami Odeh", "https://example.org/envoy", None)


def test_probe_rss_items_in_json_lines() -> None:
    first, second = _load("feed_rss.jsonl")[0]
    assert (first.byline, first.outlet, first.published) == ("Amal Rifai", "Wire Example", date(2019, 10, 30))
    assert first.text.endswith('the committee to work without outside interference.')
    assert "Share on Facebook" not in first.text and "<" not in first.text
    assert second.published == date(2019, 11, 4)
    assert second.text == ("The Syrian prime minister received a Russian trade delegation in Damascus on Monday and "
                           "discussed projects in energy and transport.")


def test_probe_csv_with_bom_semicolons_and_a_multi_line_body() -> None:
    (first, second), lines = _load("feed_bom.csv")
    assert (first.title, first.byline, first.url) == ("Russian military police patrol in Daraa", "Ibrahim Saleh",
                                                      "https://south.example/daraa-patrols")
    assert first.published is None  # 12/07/2018 reads both ways: no date rather than a wrong one
    assert any("'12/07/2018' reads as day/month or month/day" in line for line in lines)
    assert first.text.count("\n\n") == 1 and first.text.endswith("brokered by Russian officers.")
    assert (second.title, second.published, second.byline) == ("Syrian and Russian officers meet in Quneitra",
                                                               date(2018, 7, 20), None)


def test_probe_telegram_channel_export() -> None:
    articles, lines = _load("telegram.json")
    assert [a.article_id for a in articles] == ["telegram.json#2", "telegram.json#4"]
    first, second = articles
    assert first.title == "Syrian foreign minister arrives in Moscow"
    assert first.text.startswith("Syrian Foreign Minister Faisal Mekdad arrived in Moscow on Wednesday")
    assert "#Syria" not in first.text and "t.me" not in first.text
    assert {a.outlet for a in articles} == {"Damascus Bulletin"}
    assert (first.published, second.published) == (date(2022, 3, 2), date(2022, 3, 3))
    assert "Subscribe" not in second.text and second.text.endswith("the Russian ministry said in a statement.")
    assert "note: telegram.json: 1 Telegram service message(s) left out" in lines
    assert "skipped telegram.json#5: column 'text' holds only page junk" in lines


def test_probe_csv_cell_longer_than_the_csv_module_default() -> None:
    story = STORY.split("\n\n", 1)[1].strip()
    long_story = " ".join([story] * 1500)  # ~230,000 characters in one cell
    [article], _ = _load("long.csv", f'title,text\nLong one,"{long_story}"\n'.encode())
    assert article.title == "Long one" and len(article.text) == len(long_story)


READOUT_LEAD = ("Vladimir Putin had a telephone conversation with President of the Syrian Arab Republic Ahmed "
                "al-Sharaa, who thanked him for the wheat supplies.\n\nThe two presidents agreed to continue "
                "contacts.\n")
READOUT_TITLE = "Telephone conversation with President of Syria Ahmed al-Sharaa"

# layout of the header above the story: an official readout's date and time line with its place, pasted
READOUT_LAYOUTS = [
    ("under the site's name", "President of Russia\nNews | Transcripts | Trips\n\n" + READOUT_TITLE
     + "\n\nFebruary 12, 2025, 18:05 — The Kremlin, Moscow\n\n"),
    ("place on its own line", READOUT_TITLE + "\n\nFebruary 12, 2025, 18:05\n\nThe Kremlin, Moscow\n\n"),
    ("time on its own line", READOUT_TITLE + "\nFebruary 12, 2025\n18:05\nThe Kremlin, Moscow\n"),
    ("date above the title", "February 12, 2025, 18:05\n\n" + READOUT_TITLE + "\n\nThe Kremlin, Moscow\n\n"),
    ("a long place", READOUT_TITLE + "\n\nFebruary 12, 2025, 18:05 — The Kremlin, Moscow, St Catherine Hall of "
     "the Grand Kremlin Palace\n\n"),
    ("12-hour clock", READOUT_TITLE + "\n\n12 February 2025, 6:05 pm — Novo-Ogaryovo, Moscow Region\n\n"),
]


@pytest.mark.parametrize("header", [c[1] for c in READOUT_LAYOUTS], ids=[c[0] for c in READOUT_LAYOUTS])
def test_probe_readout_date_and_time_line_is_the_publication_date(header: str) -> None:
    [article], _ = _load("readout.txt", (header + READOUT_LEAD).encode())
    assert (article.title, article.published, article.published_source) == (READOUT_TITLE, date(2025, 2, 12), T)
    assert article.outlet is None  # "The Kremlin, Moscow" is a place, not an outlet
    assert article.text.startswith("Vladimir Putin had a telephone conversation")
    for junk in ("18:05", "6:05", "Kremlin, Moscow", "President of Russia", "Novo-Ogaryovo"):
        assert junk not in article.text, junk


def test_probe_readout_stamp_run_into_the_story() -> None:
    raw = READOUT_TITLE + "\n\nFebruary 12, 2025, 18:05 — The Kremlin, Moscow — " + READOUT_LEAD
    [article], _ = _load("readout.txt", raw.encode())
    assert (article.published, article.published_source) == (date(2025, 2, 12), T)
    assert article.text.startswith("The Kremlin, Moscow — Vladimir Putin had a telephone conversation")
    for seg in article.segments:
        assert article.text[seg.start:seg.start + seg.length] == raw[seg.raw_start:seg.raw_start + seg.length]


def test_probe_site_name_and_deck_above_a_dateline() -> None:
    story = ("Russian Deputy Foreign Minister Mikhail Bogdanov met the Syrian ambassador in Moscow to discuss the "
             "political settlement, the ministry said.\n")
    # a deck under the headline stays with the story, and the date under it is still read
    deck = "Bogdanov meets Syrian ambassador\n\nTalks focused on the constitutional committee and aid\n\n" \
           "Tue 26 Sep 2023 | 10:56 PM\n\n"
    [article], _ = _load("deck.txt", (deck + story).encode())
    assert (article.title, article.published) == ("Bogdanov meets Syrian ambassador", date(2023, 9, 26))
    assert article.text.startswith("Talks focused on the constitutional committee and aid\n\nRussian Deputy")
    # a headline under a site's name and over its byline
    named = "The Levant Courier\n\nBogdanov meets Syrian ambassador in Moscow\n\nBy Rana Haddad\n\n"
    [article], _ = _load("named.txt", (named + story).encode())
    assert (article.title, article.byline) == ("Bogdanov meets Syrian ambassador in Moscow", "Rana Haddad")
    assert article.text.startswith("Russian Deputy")
    # with nothing of the header after it, a second headline-like line opens the story as before
    [article], _ = _load("plain.txt", ("Bogdanov meets Syrian ambassador\n\nTalks in Moscow on the settlement\n\n"
                                       + story).encode())
    assert article.text.startswith("Talks in Moscow on the settlement\n\nRussian Deputy")


def test_probe_page_lead_kept_beside_the_story_body() -> None:
    page = ("<html><head><title>Talks with President of Syria</title></head><body><div class='content'>"
            "<h1>Talks with President of Syria</h1><p class='read__place'>March 15, 2023, 17:10 — The Kremlin, "
            "Moscow</p><div class='read__lead'><p>Vladimir Putin held talks in the Kremlin with President of the "
            "Syrian Arab Republic Bashar al-Assad, who is in Russia on an official visit.</p></div>"
            "<div class='entry-content'><p>The talks began in a restricted format and continued with the "
            "participation of the two delegations, the Kremlin said.</p><p>The sides discussed trade and economic "
            "cooperation and humanitarian aid after the February earthquake.</p></div>"
            "<aside><p class='card__summary'>An unrelated teaser that reads as a full sentence of another story "
            "entirely.</p></aside></div></body></html>")
    [article], _ = _load("readout.html", page.encode())
    assert article.text.startswith("Vladimir Putin held talks in the Kremlin")
    assert "The talks began in a restricted format" in article.text and "teaser" not in article.text
    assert article.published == date(2023, 3, 15)


@pytest.mark.parametrize("line", ["Share on Facebook Share on X", "Share on Facebook | Share on Telegram",
                                  "Last updated", "Updated:", "Published on"])
def test_probe_share_rows_and_bare_date_labels_are_junk(line: str) -> None:
    from loaders.clean import is_junk_line
    assert is_junk_line(line)
    assert not is_junk_line("Updated figures released on Monday showed the talks had gone on for hours.")


def test_live_blog_posts_open_with_their_time_oldest_first() -> None:
    [article], _ = _load("liveblog.html")
    heads = [p.split(" — ", 1)[0] for p in article.text.split("\n\n") if " — " in p[:8]]
    assert heads == ["07:00", "10:05", "13:10", "15:42"]
    assert "13:10 — Talks with Assad. The Russian minister was received" in article.text


def test_a_page_with_one_timed_post_is_no_live_blog() -> None:
    from loaders.webpage import live_entries
    page = ("<html><body><div><time datetime='2024-01-01T10:00'>10:00</time><p>Only one post here, about a "
            "visit.</p></div><p>Body.</p></body></html>")
    assert live_entries(page, ["Body."]) is None


def test_probe_timeline_entries_opening_with_a_date_and_time_are_kept() -> None:
    raw = ("Putin and Assad: a timeline of meetings\n\nDecember 8, 2024 — Moscow\n\n"
           "The Syrian president met his Russian counterpart several times before his fall.\n\n"
           "July 24, 2024, 11:40 — Putin receives Assad in the Kremlin\n\n"
           "The two leaders discussed the situation in the Middle East, the Kremlin said.\n\n"
           "March 15, 2023, 17:10 — The Kremlin, Moscow\n\n"
           "Talks in a restricted format were followed by talks between the two delegations, the ministry said.\n")
    [article], _ = _load("timeline.txt", raw.encode())
    assert article.published == date(2024, 12, 8)
    # an event of the story, though the rest of its line is no full sentence
    assert "July 24, 2024, 11:40 — Putin receives Assad in the Kremlin\n\nThe two leaders" in article.text
    assert not any("Putin receives Assad" in line for line in article.removed_lines)
    # a date and time with only a place after it is still a readout's header line, in the story as above it
    assert "March 15, 2023, 17:10 — The Kremlin, Moscow" in article.removed_lines
    assert "The Kremlin, Moscow" not in article.text


def test_live_entries_keeps_every_post_of_a_long_blog() -> None:
    # posts were once told apart by the id() of lxml's element proxies, which Python reuses once a proxy is freed:
    # a post could then pass for one already read and be dropped, at random from run to run
    from loaders.webpage import live_entries
    posts = "".join(f'<article><time datetime="2020-09-07T{h:02d}:{m:02d}">{h:02d}:{m:02d}</time>'
                    f"<h3>Update {h}{m}</h3><p>Talks went on in room {h * 60 + m}.</p></article>"
                    for h in range(6, 18) for m in (0, 20, 40))
    page = f"<html><body><main>{posts}</main></body></html>"
    for _ in range(20):
        entries = live_entries(page, [])
        assert entries is not None and len(entries) == 36
        assert entries[0].startswith("06:00 — Update 60.") and entries[-1].startswith("17:40 — ")
