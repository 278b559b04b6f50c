"""The normal form and its map back to the original, against a character-by-character reference."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.analysis.tagging.normalize import (
    _LONG_SPACE_RUN,
    _SPACE_RUN,
    DASHES,
    _article_spans,
    _base_letters,
    _join_ascii_spaces,
    _one_space_per_run,
    normalize,
)


def reference(text: str) -> tuple[str, str, list[int]]:
    """The normal form built one character at a time, as the module's rules say (slow, plain)."""
    chars, offsets = [], []
    for index, char in enumerate(text):
        for piece in _base_letters(char):
            chars.append(piece)
            offsets.append(index)
    chars, offsets = _reference_article(chars, offsets)
    cased, kept = [], []
    for char, offset in zip(chars, offsets, strict=True):
        space = char.isspace() or char in DASHES
        if space and cased and cased[-1] == " ":
            continue  # a run of white space and dashes goes on: it is one space, where it started
        cased.append(" " if space else char)
        kept.append(offset)
    folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in cased)
    return "".join(cased), folded, kept + [len(text)]


def _reference_article(chars: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    text = "".join(chars)
    spaced = re.compile(r"(?<![\w'])el(?=[ -]\w)", re.IGNORECASE)
    hyphened = re.compile(r"(?<![\w'])[ae](?:sh|th|dh|[dnrstz])(?=-\w)", re.IGNORECASE)
    spans = sorted([m.span() for m in spaced.finditer(text)] + [m.span() for m in hyphened.finditer(text)])
    out_chars, out_offsets, position = [], [], 0
    for start, end in spans:
        out_chars += chars[position:start] + ["A" if chars[start].isupper() else "a", "l"]
        out_offsets += offsets[position:start] + [offsets[start], offsets[start + 1]]
        position = end
    return out_chars + chars[position:], out_offsets + offsets[position:]


# Letters and marks each step treats specially: decomposed, expanded, dropped, dashes, spaces, the article.
TRICKY = st.text(
    alphabet="aelshzdnrtAELSH -\u2013\u2014'\u2019\u02bf\u02be\u00df\u0130\u03a3\u03c3\u00e6\ufb01\u1e24"
    "\u0101\u0301\u0131\u017f\u212a\n\t\u00a0\u3000x.",
    max_size=40,
)


@given(TRICKY)
def test_normal_form_and_offsets_match_the_character_by_character_rules(text):
    norm = normalize(text)
    assert (norm.cased, norm.folded, norm.offsets) == reference(text)


@given(TRICKY)
def test_one_space_per_run_is_the_space_run_pattern(text):
    assert _one_space_per_run(text) == _SPACE_RUN.sub(" ", text)


@given(st.text(alphabet="aelshzdnrtAELSHZDNRT -'x\u00e9_1", max_size=30))
def test_article_pattern_is_the_case_insensitive_rule(text):
    spaced = re.compile(r"(?<![\w'])el(?=[ -]\w)", re.IGNORECASE)
    hyphened = re.compile(r"(?<![\w'])[ae](?:sh|th|dh|[dnrstz])(?=-\w)", re.IGNORECASE)
    expected = sorted([m.span() for m in spaced.finditer(text)] + [m.span() for m in hyphened.finditer(text)])
    assert _article_spans(text) == expected


@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1f-ab", max_size=30))
def test_ascii_spaces_are_joined_as_the_space_run_pattern_joins_them(text):
    joined, offset_map = _join_ascii_spaces(text)
    assert joined == _SPACE_RUN.sub(" ", text)
    runs = [m.span() for m in _LONG_SPACE_RUN.finditer(text)]
    assert (offset_map is None) == (not runs)
    if offset_map:  # each run of two or more starts where it started in the text
        assert [offset_map.source(index) for index in range(len(joined))] == [
            index for index in range(len(text)) if not any(start < index < end for start, end in runs)]


@pytest.mark.parametrize(
    ("text", "found", "original"),
    [
        ("In Ḥamā today", "hama", "Ḥamā"),  # combining marks dropped, one character each
        ("Straße  und   Ḥamā", "hama", "Ḥamā"),  # "ß" is two characters, runs of spaces one
        ("the ʿAyn al–Arab\n\nfront", "ayn al arab", "Ayn al–Arab"),  # a dropped mark before the span
        ("EL-Bab and ash-Shaddadi", "al shaddadi", "ash-Shaddadi"),  # the article: "ash" becomes "al"
        ("ﬁne words — Dayr ez-Zawr", "dayr al zawr", "Dayr ez-Zawr"),  # a ligature expands before it
        ("İzmir  and  Idlib", "idlib", "Idlib"),  # "İ" stays one character, folded or not
    ],
)
def test_a_span_of_the_normal_form_maps_back_to_the_original(text, found, original):
    norm = normalize(text)
    start = norm.folded.index(found)
    begin, end = norm.original_span(start, start + len(found))
    assert text[begin:end] == original


def test_text_without_changes_of_length_needs_no_map():
    norm = normalize("“Quoted” plain-text, single spaces")
    assert norm.maps == ()
    assert norm.offsets == list(range(len(norm.cased) + 1))
