"""Splitting a digest into article blocks, with line numbers, whatever the line ends."""

import codecs

import pytest

from newsarchive.ingest.digest.decode import decode_digest, split_lines
from newsarchive.ingest.digest.split import split_articles


def spans(text: str) -> list[tuple[int, int]]:
    return [(b.first_line, b.last_line) for b in split_articles(split_lines(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A\n\nbody\n\n\n\nB\nbody\n", [(1, 3), (7, 8)], id="three-blank-lines-split"),
        pytest.param("A\n\nbody\n\n\nstill A\n", [(1, 6)], id="two-blank-lines-do-not-split"),
        pytest.param("A\n\n\n\n\n\n\n\n\n\n\n\nB\n", [(1, 1), (13, 13)], id="ten-blank-lines-split-once"),
        pytest.param("\n\n\nA\nbody\n\n\n\n", [(4, 5)], id="leading-and-trailing-blanks-trimmed"),
        pytest.param("A\n \t\n\u00a0\n\nB\n", [(1, 1), (5, 5)], id="whitespace-only-lines-are-blank"),
        pytest.param("", [], id="empty"),
        pytest.param("\n\n\n", [], id="only-blank-lines"),
    ],
)
def test_split_articles_on_three_blank_lines(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_every_line_end_numbers_lines_alike(end):
    text = end.join(["Title", "", "Body.", "", "", "", "Second", "Body."]) + end
    assert spans(text) == [(1, 3), (7, 8)]


def test_utf8_bom_is_dropped():
    decoded = decode_digest(codecs.BOM_UTF8 + b"Title\n", "d.txt")
    assert decoded.lines[0].text == "Title"
    assert not decoded.problems


def test_invalid_utf8_is_read_as_cp1252_with_a_warning():
    decoded = decode_digest("Caf\u00e9 \u201cquoted\u201d\n".encode("cp1252"), "d.txt")
    assert decoded.lines[0].text == "Caf\u00e9 \u201cquoted\u201d"
    assert [str(p) for p in decoded.problems] == [
        "d.txt: warning: not valid UTF-8; read as cp1252 (save digests as UTF-8 to be sure)"
    ]


def test_binary_file_is_refused():
    decoded = decode_digest(b"\x89PNG\r\n\x00\x00", "image.txt")
    assert decoded.refused
    assert "binary" in decoded.problems[0].message
