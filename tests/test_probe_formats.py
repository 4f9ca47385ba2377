"""Our own probe across the formats users bring (tests/fixtures/probe_formats): a saved news page, an AMP page, an
official readout with its date and time line, a state agency's page dated only by a <time>, a read-later Markdown
clip, pasted page text, a live blog, a feed export (one story relevant, one not, one another outlet's copy of the
saved page's story), a CSV export, a zip of two articles, a Windows-1256 page and a UTF-16 text. Each input must
load with the title and date a reader sees and no page junk; the events built from them are scored against
gold.jsonl, with floors at what the rules reach and no wrong date."""
from __future__ import annotations

from datetime import date

import pytest

from loaders.article import DateSource
from loaders.corpus import load_corpus
from tests.conftest import ROOT, score_probe

PROBE = ROOT / "tests" / "fixtures" / "probe_formats"
M, T, F = DateSource.METADATA, DateSource.TEXT, DateSource.MANIFEST

# article id, title, publication date, where it came from, outlet, story text kept, page junk absent
CASES = [
    ("01_news_page.html", "Assad meets Putin in the Kremlin as Moscow pushes Turkey talks", date(2024, 7, 25), M,
     "The Meridian Post", ["held talks with Russian President Vladimir Putin in the Kremlin on Wednesday",
                           "The two leaders last met in Moscow in March 2023."],
     ["cookies", "Subscribe", "Share this article", "Related stories", "Comments", "Nothing new will come",
      "Leave a comment", "Privacy policy", "Tags", "Photo: Kremlin pool", "Russian wheat exports"]),
    ("02_amp.html", "Syria's Shaibani holds first Moscow talks with Lavrov", date(2025, 7, 31), M, "Levant Wire",
     ["held talks with Russian Foreign Minister Sergei Lavrov in Moscow on Thursday", "was not mentioned in public"],
     ["Menu", "Advertisement", "Read more", "Syria buys more wheat", "Privacy"]),
    ("03_readout.html", "Talks with President of Syria Bashar al-Assad", date(2023, 3, 15), M, "President of Russia",
     ["Vladimir Putin held talks in the Kremlin with President of the Syrian Arab Republic Bashar al-Assad",
      "last met in the Kremlin in September 2021."],
     ["17:10", "Print version", "Persons", "Creative Commons", "Transcripts"]),
    ("04_agency.html", "Al-Sharaa receives Russian delegation headed by Bogdanov", date(2025, 1, 28), M, None,
     ["received on Tuesday a Russian delegation headed by Deputy Foreign Minister Mikhail Bogdanov",
      "and that contacts would continue."],
     ["views", "Latest News", "vaccination campaign", "All rights reserved", "Share"]),
    ("05_readlater.md", "Putin and al-Sharaa speak by phone for the first time", date(2025, 2, 12), M,
     "Caspian Courier", ["held a telephone conversation with Syria's interim president Ahmed al-Sharaa on Wednesday",
                         "the interests of its people."],
     ["Photo:", "Related", "Russian envoys visit", "Share on", "More from", "Oil prices"]),
    ("06_pasted.txt", "Assad flies to Sochi for talks with Putin on political settlement", date(2018, 5, 17), T,
     "Riverside Gazette", ["held talks with Russian President Vladimir Putin in the Black Sea resort of Sochi",
                           "without saying which countries he meant."],
     ["Skip to", "Sign in", "Middle East\n", "21:40", "By Omar", "WhatsApp", "Related", "Most read",
      "Football"]),
    ("07_liveblog.html", "Live: Lavrov and Borisov in Damascus – as it happened", date(2020, 9, 7), M,
     "Gulf Monitor", ["received the Russian delegation headed by Borisov and Lavrov at the presidential palace",
                      "spoke to reporters after their talks"],
     ["Last updated", "Key events", "Share on", "Have a tip", "Newsletters"]),
    ("08_feed.jsonl#1", "Putin visits Russian base in Syria, orders partial pullout", date(2017, 12, 11), M,
     "North Wire", ["where he was met by President Bashar al-Assad", "the Syrian presidency said."],
     ["Share on", "feedflare"]),
    ("08_feed.jsonl#2", "Egypt and Russia sign contracts for first nuclear power plant", date(2017, 12, 11), M,
     "North Wire", ["at El Dabaa on the Mediterranean coast"], ["appeared first on"]),
    ("08_feed.jsonl#3", "Kremlin hosts Assad for unannounced talks", date(2024, 7, 25), M, "Eastwind News",
     ["received Syrian President Bashar al-Assad in the Kremlin late on Wednesday"],
     ["Read more", "Ankara open to talks"]),
    ("09_export.csv#6", "Putin tells Assad of partial pullout from Syria in phone call", date(2016, 3, 14), M,
     "Southern Courier", ["in a telephone call on Monday", "followed the successes of the Syrian army."],
     ["Share this article"]),
    ("09_export.csv#11", "Assad in Moscow for talks with Putin on foreign troops", date(2021, 9, 14), M,
     "Southern Courier", ["in the Kremlin on Monday evening", "had achieved great results together."], ["Tags"]),
    ("10_archive.zip/assad_moscow_2015.txt", "Assad makes surprise trip to Moscow, first abroad since war began",
     date(2015, 10, 21), F, "Capital Wire", ["flew to Moscow on Tuesday evening for talks with Vladimir Putin",
                                             "until Assad had returned to Damascus."], ["Copyright"]),
    ("10_archive.zip/sochi_2017.html", "Assad visits Putin in Sochi before peace push", date(2017, 11, 21), M,
     "Black Sea Herald", ["in the Black Sea city of Sochi on Monday", "last met in Moscow in October 2015."],
     ["Most read", "Storm closes", "©"]),
    ("11_cp1256.html", "Russian Defence Minister Shoigu meets President al-Assad in Damascus", date(2022, 2, 15), M,
     None, ["President Bashar al-Assad (بشار الأسد) received on Tuesday Russian Defence Minister Sergei Shoigu",
            "practised strikes on sea targets."], ["الرئيسية", "محفوظة", "19:30"]),
    ("12_utf16.txt", "Putin makes first visit to Damascus, meets Assad at Russian command post", date(2020, 1, 7), F,
     "Northern Ledger", ["held talks with Syrian President Bashar al-Assad (بشار الأسد)",
                         "at the Hmeimim air base in December 2017."], ["\r", "\ufeff"]),
    ("13_readout_paste.txt", "Telephone conversation with President of Syria Ahmed al-Sharaa", date(2025, 2, 12), T,
     None, ["Vladimir Putin had a telephone conversation with President of the Syrian Arab Republic",
            "It was agreed to continue contacts."],
     ["President of Russia\n", "Transcripts", "18:05", "The Kremlin, Moscow", "Topics", "Print version"]),
]


@pytest.fixture(scope="module")
def loaded() -> dict:
    corpus = load_corpus(PROBE)
    assert not corpus.skipped
    return {a.article_id: a for a in corpus.articles}


def test_probe_formats_every_input_loaded(loaded: dict) -> None:
    assert sorted(loaded) == sorted(c[0] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_probe_formats_article_as_a_reader_sees_it(loaded: dict, case: tuple) -> None:
    article_id, title, published, source, outlet, kept, junk = case
    article = loaded[article_id]
    assert (article.title, article.published, article.published_source) == (title, published, source)
    assert article.outlet == outlet
    for text in kept:
        assert text in article.text, text
    for text in junk:
        assert text not in article.text, text


def test_probe_formats_without_manifest_dates_come_from_the_pages() -> None:
    corpus = load_corpus(PROBE, use_manifest=False)
    by_id = {a.article_id: a for a in corpus.articles}
    assert by_id["06_pasted.txt"].published == date(2018, 5, 17)
    assert by_id["13_readout_paste.txt"].published == date(2025, 2, 12)
    assert by_id["12_utf16.txt"].published is None  # its date was in the manifest only


@pytest.fixture(scope="module")
def probe_score() -> dict:
    return score_probe(PROBE)


def test_probe_formats_no_event_has_a_wrong_date(probe_score: dict) -> None:
    assert [r["gold"] for r in probe_score["rows"] if r["date"] == "wrong" and r["status"] == "required"] == []


def test_probe_formats_floors(probe_score: dict) -> None:
    assert probe_score["found"] >= 17
    assert probe_score["precision"] >= 0.95
    assert probe_score["date_exact"] >= 17
    assert probe_score["merges_ok"] >= 6
    assert probe_score["false_merges"] == 0
