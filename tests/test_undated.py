"""Articles without a publication date: what the text says about when it was written, and only that.

A confident wrong date is the worst outcome; every rule here leaves a date unknown or coarser rather than guess.
"""
from __future__ import annotations

from datetime import date

from loaders.datelines import find_calendar_dates
from loaders.readers import parse_plain_text


def test_a_slashed_date_that_reads_both_ways_is_no_date() -> None:
    # 03/04/2019 is 3 April in Damascus and 4 March in New York: neither can be taken
    assert find_calendar_dates("Filed 03/04/2019 08:15 by our correspondent") == ()
    assert [d.value for d in find_calendar_dates("Filed 23/04/2019, then 04.03.2019 and 05/05/2019")] == \
        [date(2019, 4, 23), date(2019, 3, 4), date(2019, 5, 5)]


def test_an_ambiguous_stamp_under_the_headline_is_not_the_publication_date() -> None:
    text = ("Envoys discuss the port lease in Damascus\nPosted 02/11/2021 9:40 AM ET\n\n"
            "The two delegations met on Tuesday to talk about the port lease, the ministry said.\n")
    assert parse_plain_text(text, "stamp.txt").published is None


def test_a_date_inside_the_first_sentence_is_not_the_publication_date() -> None:
    # the news of one day is often printed the day after: the sentence's date is the event's
    text = ("Envoys meet over the port lease\n\nThe Syrian and Russian envoys met in Tartus on 4 March 2019, "
            "the ministry said, to discuss the lease of the port.\n")
    assert parse_plain_text(text, "lead.txt").published is None


def test_a_dateline_opening_the_story_is_the_publication_date() -> None:
    for lead in ("TARTUS, 05.03.2019 - The Syrian and Russian envoys met on Monday to discuss the port.",
                 '"SNA" (Coast Desk - 05.03.2019) :: The Syrian and Russian envoys met on Monday in Tartus.'):
        assert parse_plain_text(f"Envoys meet over the port lease\n\n{lead}\n", "dl.txt").published == \
            date(2019, 3, 5)


_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Envoys inspect the port of Tartus</title>
{meta}</head><body><article><h1>Envoys inspect the port of Tartus</h1>
<p>The Syrian transport minister and the Russian ambassador toured the port of Tartus on Thursday and discussed
the dredging of the harbour, the ministry said in a statement issued in Damascus.</p>
<p>The two officials also talked about grain shipments through the port and the repair of its cranes, which have
been idle for months because of a shortage of spare parts, according to the statement.</p></article>
<footer><p>Copyright 2022 Coast Courier. All rights reserved.</p></footer></body></html>"""


def test_a_copyright_year_is_not_the_publication_date_of_a_page() -> None:
    from loaders.readers import read_bytes
    [article] = [a for a in read_bytes("port.html", _PAGE.format(meta="").encode()) if hasattr(a, "published")]
    assert article.published is None


def test_a_page_date_in_its_meta_tags_is_kept() -> None:
    from loaders.readers import read_bytes
    meta = '<meta property="article:published_time" content="2019-03-07T10:00:00+00:00">'
    [article] = [a for a in read_bytes("port.html", _PAGE.format(meta=meta).encode()) if hasattr(a, "published")]
    assert article.published == date(2019, 3, 7)


def _anchor(body: str):
    from events.gazetteer import load_gazetteer
    from events.published import publication_anchor
    return publication_anchor(parse_plain_text(f"Envoys meet in Latakia\n\n{body}\n", "undated.txt"), load_gazetteer())


def test_time_said_before_a_landmark_that_opens_with_since_moves_the_year() -> None:
    anchor, note = _anchor("Three years since Russia intervened in Syria, the envoy came to Latakia on Monday.")
    assert anchor is not None and str(anchor) == "2018" and "russian-intervention-2015" in note


def test_half_a_year_after_a_landmark_is_half_a_year() -> None:
    anchor, _ = _anchor("Half a year after the Astana talks began, the envoy came to Latakia on Monday.")
    assert anchor is not None and str(anchor) == "2017"  # 23 January 2017 + 182 days, not + a year


def test_a_landmark_cited_for_years_alone_leaves_the_year_open() -> None:
    anchor, note = _anchor("Ties have deepened since Russia intervened in Syria, and the envoy came to Latakia "
                           "on Monday.")
    assert anchor is None and "cited for years" in note


_FILLER = ("The envoy toured the harbour and the grain silos, and the governor asked for help with spare parts "
           "for the cranes, which have been idle for months. ") * 3


def test_a_full_date_in_the_background_gives_no_year() -> None:
    anchor, note = _anchor(f"The envoy came to Latakia on Monday for talks on the port.\n\n{_FILLER}\n\n"
                           "Russia has used the port under an agreement signed on 20 January 2017.")
    assert anchor is None and "nothing in the text" in note


def test_a_full_date_in_the_lead_gives_the_year() -> None:
    anchor, note = _anchor(f"The envoy came to Latakia on 4 March 2019 for talks on the port.\n\n{_FILLER}")
    assert anchor is not None and str(anchor) == "2019" and "2019-03-04 in the lead" in note


def test_a_lead_date_in_december_leaves_the_year_open() -> None:
    anchor, note = _anchor(f"The envoy came to Latakia on 22 December 2019 for talks on the port.\n\n{_FILLER}")
    assert anchor is None and "ends a year" in note


def test_a_later_year_named_in_the_text_leaves_the_year_open() -> None:
    anchor, note = _anchor("A year after the Putin-Biden summit, the envoy came to Latakia on Monday to review "
                           "the port deal the two sides signed in 2024.")
    assert anchor is None and "names 2024" in note


def test_a_report_dated_by_a_guessed_year_does_not_take_the_day_of_another() -> None:
    # an undated article inferred to be from 2017 says the two men met; another article dates a meeting of
    # theirs to a day of 2017: they may be two meetings, and the first must not inherit that day
    import dataclasses

    from events.merge import merge_events
    from events.model import DateBasis, EventDate, EventType, Precision
    from tests.test_merge import make_event

    dated = make_event(1, date(2017, 11, 20), Precision.DAY, EventType.MEETING, "Bashar al-Assad", "Vladimir Putin")
    guessed = dataclasses.replace(
        make_event(2, date(2017, 1, 1), Precision.YEAR, EventType.MEETING, "Bashar al-Assad", "Vladimir Putin"),
        date=EventDate(date(2017, 1, 1), Precision.YEAR, DateBasis.INFERRED))
    assert sorted(str(e.date) for e in merge_events([dated, guessed])) == ["2017", "2017-11-20"]
    stated_year = make_event(3, date(2017, 1, 1), Precision.YEAR, EventType.MEETING, "Bashar al-Assad",
                             "Vladimir Putin")
    assert [str(e.date) for e in merge_events([dated, stated_year])] == ["2017-11-20"]  # the text's own year


def test_an_address_pasted_above_the_story_dates_it() -> None:
    from loaders.corpus import apply_manifest
    text = ("Source: https://coastcourier.example/news/2019/03/05/envoys-port\nEnvoys meet over the port lease\n\n"
            "The Syrian and Russian envoys met on Tuesday in Tartus to discuss the lease of the port.\n\n"
            "Read more: https://coastcourier.example/news/2016/01/02/older-story\n")
    article = apply_manifest(parse_plain_text(text, "pasted.txt"), None)  # no manifest row: the URL's date
    assert article.url == "https://coastcourier.example/news/2019/03/05/envoys-port"
    assert article.published == date(2019, 3, 5)
    bare = text.replace("Source: ", "").replace("/news/", "/world/middle-east/politics/news/", 1)  # a long address
    assert apply_manifest(parse_plain_text(bare, "pasted.txt"), None).published == date(2019, 3, 5)


def test_a_link_below_the_story_is_not_its_address() -> None:
    text = ("Envoys meet over the port lease\n\nThe Syrian and Russian envoys met on Tuesday in Tartus to discuss "
            "the lease of the port.\n\nhttps://coastcourier.example/news/2016/01/02/older-story\n")
    article = parse_plain_text(text, "pasted.txt")
    assert article.url is None and article.published is None


def test_last_month_after_a_landmark_gives_the_next_month() -> None:
    anchor, note = _anchor("The envoy came to Latakia on Tuesday, his first trip since the fall of the Assad "
                           "government last month.")
    assert anchor is not None and str(anchor) == "2025-01" and anchor.precision.value == "month"
    assert "words after landmark fall-of-assad" in note
    anchor, _ = _anchor("The envoy came to Latakia on Tuesday, a trip planned since the Putin-Biden summit last year.")
    assert anchor is not None and str(anchor) == "2022"


def test_a_landmark_month_named_without_a_year_gives_the_months_after_it() -> None:
    # "in December" of a December landmark: written in one of the eleven months after it, all of the next year
    anchor, _ = _anchor("The envoy came to Latakia on Thursday, the first visit since the fall of the Assad "
                        "government in December.")
    assert anchor is not None and str(anchor) == "2025"
    # "in June" of a June landmark: July of that year to May of the next, no year
    anchor, note = _anchor("The envoy came to Latakia on Thursday, his first trip since the Putin-Biden summit "
                           "in June.")
    assert anchor is None and "leave the year open" in note
    # "in December 2024" dates the landmark, not the writing: December leaves the year open as before
    anchor, note = _anchor("The envoy came to Latakia on Thursday, the first visit since the fall of the Assad "
                           "government in December 2024.")
    assert anchor is None


def test_a_yearless_wire_dateline_takes_the_inferred_year() -> None:
    anchor, note = _anchor("LATAKIA, Jul 3 (Wire) - The envoy came to Latakia on Monday, a year after the "
                           "Putin-Biden summit, to review the port deal.")
    assert anchor is not None and str(anchor) == "2022-07-03" and "dateline" in note
    # a dateline before the landmark's day in the year inferred: written in a later year, which is unknown
    anchor, note = _anchor("LATAKIA, Feb. 3 - The envoy came to Latakia on Monday, after the death of the "
                           "foreign minister Walid al-Muallem, to review the port deal.")
    assert anchor is None and "dateline" in note
    anchor, _ = _anchor("LATAKIA, Dec 3 - The envoy came to Latakia on Monday, after the death of the "
                        "foreign minister Walid al-Muallem, to review the port deal.")
    assert anchor is not None and str(anchor) == "2020-12-03"


def test_a_slashed_stamp_with_a_us_time_zone_reads_month_first() -> None:
    anchor, note = _anchor("Posted 02/11/2021 9:40 AM ET\n\nThe envoy came to Latakia on Tuesday.")
    assert anchor is not None and str(anchor) == "2021-02-11" and "month first" in note
    # without one, the order stays unknown but the year does not
    anchor, _ = _anchor("Posted 02/11/2021 09:40\n\nThe envoy came to Latakia on Tuesday.")
    assert anchor is not None and str(anchor) == "2021" and anchor.precision.value == "year"


def test_the_2023_earthquake_is_recalled_for_years_and_dates_only_with_the_words_after_it() -> None:
    # anniversaries and reconstruction stories name it for years: alone it leaves the year open
    anchor, note = _anchor("The envoy came to Latakia on Monday to see the damage of the earthquake that struck "
                           "southern Turkey and northern Syria.")
    assert anchor is None and "turkey-syria-earthquake-2023" in note
    anchor, note = _anchor("The envoy saw the damage of the earthquake that struck southern Turkey and northern Syria "
                           "last month.")
    assert str(anchor) == "2023-03"


def test_a_us_time_stamp_earlier_than_a_landmark_named_is_not_the_day() -> None:
    anchor, note = _anchor("Posted 01/07/2020 11:05 AM ET. Lavrov met Shaibani after the fall of the Assad government "
                           "last month.")
    assert anchor is None and "disagree" in note
    anchor, _ = _anchor("Posted 01/07/2020 11:05 AM ET. Lavrov met Mekdad in Moscow.")
    assert str(anchor) == "2020-01-07"
