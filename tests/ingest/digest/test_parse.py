"""Parsing an article block: title, attribution in any order, body, subheadings, repeats."""

import pytest

from newsarchive.ingest.digest.decode import split_lines
from newsarchive.ingest.digest.parse import block_sha256, parse_block
from newsarchive.ingest.digest.split import split_articles
from newsarchive.model.records import BodyKind


def parse(text, sources):
    block = split_articles(split_lines(text))[0]
    return parse_block(block, "d.txt", "d.txt", sources)


def test_title_then_attribution_in_any_order_then_body(sources):
    result = parse("Title here\n\nBy Jane Roe\nSource: Northern Wire\nFirst paragraph.\n\nSecond.\n", sources)
    a = result.article
    assert a.title == "Title here"
    assert (a.attribution.source, a.attribution.authors) == ("Northern Wire", ["Jane Roe"])
    assert [b.text for b in a.body] == ["First paragraph.", "Second."]
    assert (a.first_line, a.last_line) == (1, 7)


def test_attribution_with_role(sources):
    a = parse("T\n\nBy on the ground journalist Afraa Dagher\nLede.\n", sources).article
    assert a.attribution.authors == ["Afraa Dagher"]
    assert a.attribution.byline_role == "on the ground journalist"


def test_bare_url_becomes_original_url_and_derives_source(sources):
    a = parse("Interview\n\nhttps://youtu.be/abc\n", sources).article
    assert a.attribution.original_url == "https://youtu.be/abc"
    assert (a.attribution.source, a.attribution.source_derived) == ("YouTube", "url")
    assert a.body == []


def test_explicit_source_wins_over_url_domain(sources):
    a = parse("T\nSource: Harbour Gazette\nhttps://www.youtube.com/watch?v=x\nLede.\n", sources).article
    assert (a.attribution.source, a.attribution.source_derived) == ("Harbour Gazette", None)


def test_unknown_domain_gives_the_domain_as_derived_source(sources):
    a = parse("T\n\nhttps://www.example.org/a/b\n", sources).article
    assert (a.attribution.source, a.attribution.source_derived) == ("example.org", "url")


@pytest.mark.parametrize(
    "lede",
    [
        "By the end of the day, the bridge had reopened to traffic.",
        "Source: officials said the count would finish on Friday.",
        "The council met on Monday.",
    ],
)
def test_negative_cases_stay_body_text(sources, lede):
    a = parse(f"Title\n\n{lede}\n\nMore text follows here.\n", sources).article
    assert a.attribution.authors == [] and a.attribution.source is None
    assert a.body[0].text == lede


def test_source_line_inside_body_is_body(sources):
    a = parse("T\nSource: Northern Wire\nLede.\n\nSource: officials said more.\n", sources).article
    assert a.attribution.source == "Northern Wire"
    assert a.body[1].text == "Source: officials said more."


def test_subheading_between_paragraphs(sources):
    a = parse("T\n\nFirst.\n\nReaction from residents\n\nSecond.\n", sources).article
    assert [b.kind for b in a.body] == [BodyKind.PARAGRAPH, BodyKind.HEADING, BodyKind.PARAGRAPH]


@pytest.mark.parametrize(
    "text",
    [
        "T\n\nFirst.\n\nA full sentence on its own line.\n\nSecond.\n",  # ends with a full stop
        "T\n\nFirst.\n\nLast line without stop\n",  # not between paragraphs
        "T\n\nno capital letter here\n\nSecond.\n",  # the lede is never a subheading
        "T\n\nFirst.\n\nA line that is far too long to be a heading because it goes on and on and on\n\nX.\n",
    ],
)
def test_not_subheadings(sources, text):
    assert all(b.kind is BodyKind.PARAGRAPH for b in parse(text, sources).article.body)


def test_exact_repeat_of_previous_paragraph_is_collapsed_with_warning(sources):
    result = parse("T\n\nSame words.\n\nSame words.\n\nOther.\n", sources)
    assert [b.text for b in result.article.body] == ["Same words.", "Other."]
    assert [str(p) for p in result.problems] == [
        "d.txt:5: warning: the paragraph at line 5 repeats the paragraph at line 3 word for word; kept one copy"
    ]


def test_non_adjacent_repeat_is_kept(sources):
    result = parse("T\n\nSame.\n\nOther.\n\nSame.\n", sources)
    assert len(result.article.body) == 3 and not result.problems


def test_hard_wrapped_paragraph_keeps_its_lines(sources):
    a = parse("T\n\nOne line\nand the next.\n", sources).article
    assert a.body[0].lines == ["One line", "and the next."]
    assert (a.body[0].first_line, a.body[0].last_line) == (3, 4)


@pytest.mark.parametrize("first", ["Source: Northern Wire", "By Jane Roe", "https://example.org/x"])
def test_attribution_without_title_is_an_error(sources, first):
    result = parse(f"{first}\nSome text.\n", sources)
    assert result.article is None
    assert result.problems[0].severity.value == "error"
    assert str(result.problems[0]).startswith("d.txt:1: error: expected a title line before the")


def test_title_only_is_a_warning(sources):
    result = parse("Just a title\n", sources)
    assert result.article.title == "Just a title"
    assert "nothing else" in result.problems[0].message


def test_hash_covers_the_exact_lines():
    import hashlib

    block = split_articles(split_lines("A\r\n\r\nb\r\n"))[0]
    assert block_sha256(block) == hashlib.sha256(b"A\n\nb\n").hexdigest()
