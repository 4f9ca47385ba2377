"""Case-insensitive patterns run case-sensitively over lower-cased text find the same spans (`events.casefold`)."""
from __future__ import annotations

import random
import re

import pytest

from events.casefold import fold_source, folded, lower_text
from events.timex import find_candidates
from events.timex_rules import compiled_rules

SENTENCES = (
    "On MONDAY, Sept. 30, 1998, the Minister said talks LAST WEEK went well; another round is due Next Month.",
    "The 3 p.m. GMT session of 14:50 UTC on Tuesday evening was moved to the following day, three years ago.",
    "In the first QUARTER of fiscal 1998 and the year-earlier period, sales rose; every Friday the board meets.",
    "Early May, the mid-1990s and the Nineties: a two-week visit, some months later, by year-end or Christmas.",
)


def test_fold_source_keeps_escapes_and_group_syntax() -> None:
    assert fold_source(r"(?P<Day>\D\S\W\B)Monday(?P=Day)\A\Z") == r"(?P<day>\D\S\W\B)monday(?P=day)\A\Z"


@pytest.mark.parametrize("source", [r"(?-i:May)", r"\N{LATIN SMALL LETTER A}"])
def test_fold_source_refuses_what_it_cannot_fold(source: str) -> None:
    with pytest.raises(ValueError):
        fold_source(source)


@pytest.mark.parametrize("trap", ["\u017f", "\u0131", "\u0130"])
def test_lower_text_refuses_letters_that_fold_differently(trap: str) -> None:
    assert lower_text("Monday" + trap) is None
    assert lower_text("MONDAY \u212a") == "monday k"  # the Kelvin sign lower-cases to the letter it matches


def test_every_timex_rule_folded_finds_the_same_spans() -> None:
    rng = random.Random(7)
    texts = list(SENTENCES)
    for sentence in SENTENCES:  # the same words in random case
        texts.append("".join(c.upper() if rng.random() < 0.5 else c.lower() for c in sentence))
    for rule in compiled_rules():
        for text in texts:
            lowered = lower_text(text)
            assert [m.span() for m in rule.pattern.finditer(text)] == \
                [m.span() for m in rule.folded.finditer(lowered)], (rule.name, text)


def test_candidates_are_the_same_with_and_without_folding() -> None:
    text = " ".join(SENTENCES)
    plain = find_candidates(text + " \u0131")  # a trap letter: the original patterns run over the text itself
    quick = find_candidates(text + " x")
    assert [(c[0], c[1], c[2], c[4].group()) for c in plain.matches] == \
        [(c[0], c[1], c[2], c[4].group()) for c in quick.matches]
    assert any(c[4].group() == "MONDAY, Sept. 30, 1998" for c in quick.matches)  # the text's own case


def test_folded_pattern_drops_only_ignorecase() -> None:
    pattern = folded(re.compile(r"\bMay\b", re.I | re.ASCII))
    assert pattern.flags & re.IGNORECASE == 0 and pattern.flags & re.ASCII
    assert pattern.search("early may") and not pattern.search("early MAY")


def test_every_trigger_pattern_folded_finds_the_same_spans() -> None:
    from events.gazetteer import load_gazetteer

    texts = ["Vladimir Putin MET Bashar al-Assad and SIGNED a deal; they Spoke By Phone and discussed AID.",
             "The Kremlin said Russian jets Struck Idlib; Lavrov Held Talks and will VISIT Damascus."]
    rules = [r for r in load_gazetteer().event_types if r.pattern is not None]
    assert rules and all(r.folded is not None for r in rules)
    for rule in rules:
        for text in texts:
            assert [m.span() for m in rule.pattern.finditer(text)] == \
                [m.span() for m in rule.folded.finditer(lower_text(text))], rule.name


def test_caseless_finds_the_spans_of_the_case_insensitive_pattern():
    from events.casefold import Caseless
    pattern = Caseless(r"\b(?:the|both) (?:presidents|leaders)\b")
    text = "Later THE Presidents spoke; both leaders agreed."
    lowered = lower_text(text)
    assert [m.span() for m in pattern.finditer(text, lowered)] == [m.span() for m in pattern.pattern.finditer(text)]
    assert pattern.search(text, lowered, 20).span() == pattern.pattern.search(text, 20).span()
    # a text that cannot be lower-cased safely ("İ" lower-cases to two characters) is searched with the pattern
    trapped = "THE PRESİDENTS met"
    assert lower_text(trapped) is None
    assert pattern.search(trapped, None).span() == (0, 14)
    assert pattern.search("the Presidents", None).group() == "the Presidents"


def test_a_sentence_holds_its_lower_cased_text_and_none_when_the_article_cannot_be():
    from events.sentences import split_sentences
    first, second = split_sentences("Putin Met Assad. They Talked.")
    assert (first.lower, second.lower) == ("putin met assad.", "they talked.")
    assert all(s.lower is None for s in split_sentences("Putin met Assad. The ſtory ends."))
