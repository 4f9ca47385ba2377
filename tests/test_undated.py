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
