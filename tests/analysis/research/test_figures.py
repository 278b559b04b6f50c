"""Figures with attribution: a table of sentences and the figures that must (or must not) come out."""

from __future__ import annotations

import re
import sys

import pytest

from newsarchive.analysis.research.figures import (
    _CASE_TWINS,
    OUTCOMES,
    extract_figures,
    figures_in_sentence,
    may_hold_figure,
    parse_number,
    split_sentences,
)

# sentence -> [(value, qualifier, what, outcome, speaker)]
CASES = [
    ("Russia says 62 Syrian forces have been killed in airstrikes.", [(62, None, "Syrian forces", "killed", "Russia")]),
    (
        "The UK-based Syrian Observatory for Human Rights says at least 80 soldiers were killed in the attacks.",
        [(80, "at least", "soldiers", "killed", "The UK-based Syrian Observatory for Human Rights")],
    ),
    (
        "In al Hasaka, a motorcycle was detonated, killing 5 and injuring 2.",
        [(5, None, None, "killed", None), (2, None, None, "injured", None)],
    ),
    (
        "Sixty-two Syrian soldiers were killed and a hundred others were injured in these strikes.",
        [(62, None, "Syrian soldiers", "killed", None), (100, None, "others", "injured", None)],
    ),
    ("At least 40 homes were flooded, the council said.", [(40, "at least", "homes", "flooded", "the council")]),
    (
        "Forty-two homes were flooded, said a statement from the council.",
        [(42, None, "homes", "flooded", "a statement from the council")],
    ),
    (
        "Nearly 150 people were evacuated, according to the county emergency planning team.",
        [(150, "nearly", "people", "evacuated", "the county emergency planning team")],
    ),
    ("Some 120 residents were evacuated to the hall.", [(120, "some", "residents", "evacuated", None)]),
    (
        "The fire service says more than 60 homes were flooded.",
        [(60, "more than", "homes", "flooded", "The fire service")],
    ),
    ("Over 1,200 people were displaced.", [(1200, "over", "people", "displaced", None)]),
    (
        "A US airstrike reportedly killed at least 70 civilians, mostly women.",
        [(70, "at least", "civilians", "killed", None)],
    ),
]
NOT_FIGURES = [
    "Warplanes carried out four airstrikes today against Syrian forces.",
    "No one was killed in the fire.",
    "Librarians said that more than 300 people signed up for library cards.",
    "The work will cost an estimated £4.2 million.",
]


@pytest.mark.parametrize("sentence, expected", CASES)
def test_figure_with_qualifier_what_and_speaker(sentence, expected):
    found = extract_figures([sentence])
    assert [(f.value, f.qualifier, f.what, f.outcome, f.speaker) for f in found] == expected


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_a_figure(sentence):
    assert figures_in_sentence(sentence) == []


def test_agents_are_not_counted_as_victims():
    found = extract_figures(["Six bombings murdered 40 Syrians and wounded dozens more."])
    assert [(f.value, f.what, f.outcome) for f in found] == [(40, "Syrians", "killed")]


def test_quotation_is_attributed_to_the_speaker_named_in_its_paragraph():
    paragraph = (
        "“Warplanes carried out four airstrikes,” the Russia army said in a statement. "
        "“Sixty-two Syrian soldiers were killed in these strikes.”"
    )
    (figure,) = extract_figures([paragraph])
    assert (figure.value, figure.speaker) == (62, "the Russia army")


@pytest.mark.parametrize(
    "text, value",
    [
        ("62", 62),
        ("Sixty-two", 62),
        ("a hundred", 100),
        ("1,200", 1200),
        ("a dozen", 12),
        ("two hundred and fifty", 250),
        ("one", 1),
    ],
)
def test_number_words(text, value):
    assert parse_number(text) == value


def test_figures_know_their_paragraph():
    found = extract_figures(["Nothing here.", "Then 3 people were injured."])
    assert [(f.paragraph, f.sentence) for f in found] == [(2, "Then 3 people were injured.")]


def test_every_outcome_word_holds_a_stem_of_the_quick_check():
    for word in OUTCOMES:
        assert may_hold_figure(f"Then 5 were {word}."), word
        assert may_hold_figure(f"Then 5 were {word.upper()}."), word


def test_sentences_without_an_outcome_word_are_skipped():
    assert not may_hold_figure("The council met 12 times in March.")


def test_the_quick_check_knows_every_letter_the_patterns_take_for_an_ascii_letter():
    """A letter that re.IGNORECASE matches with an ASCII letter must lower-case to it, or be a twin."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        if letter.fullmatch(char) and not char.lower().isascii():
            assert _CASE_TWINS.search(char), hex(code)


def test_an_outcome_written_with_a_dotless_i_is_still_checked_by_the_patterns():
    assert may_hold_figure("Five people were \u0131njured.")


@pytest.mark.parametrize(
    "paragraph",
    [
        "One. Two! Three? “Four.” “Five.” Six… Seven",
        "He said: “No.” “Yes,” she said.” 5 were killed. a. B",
        "End.”“Next. 3 dead.’ Then",
    ],
)
def test_sentence_split_is_the_plain_pattern(paragraph):
    plain = re.compile(r"(?<=[.!?…])[”\"’]?\s+(?=[“\"‘]?[A-Z0-9])|(?<=[.!?]”)(?=\s*“)")
    assert split_sentences(paragraph) == [s.strip() for s in plain.split(paragraph) if s.strip()]


@pytest.mark.parametrize("word", ["ınjured", "İnjured", "kılled"])
def test_an_outcome_spelled_with_an_i_that_only_matches_case_insensitively_is_read_not_a_crash(word):
    figures = extract_figures([f"Officials said 12 people were {word} in the blast."])
    assert [(f.value, f.outcome) for f in figures] == [(12, "injured" if "njured" in word else "killed")]
