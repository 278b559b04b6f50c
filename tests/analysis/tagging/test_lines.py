"""Where a hit is: its line in the file, and whether that line is written in title case."""

import pytest

from newsarchive.analysis.tagging.article import bisect_line, starts_of_lines
from newsarchive.analysis.tagging.tagger import _TITLE_SMALL_WORDS, _title_case


def test_starts_of_lines_and_the_line_of_an_offset():
    text = "one\n\nthree\nfour"
    starts = starts_of_lines(text)
    assert starts == [0, 4, 5, 11]
    assert [bisect_line(starts, i) for i in (0, 3, 4, 5, 10, 11, 14)] == [1, 1, 2, 3, 3, 4, 4]


def _plain_rule(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    big = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return len(big) >= 3 and sum(w[0].isupper() for w in big) >= 0.8 * len(big)


@pytest.mark.parametrize(
    "line",
    [
        "Fighting Resumes in the Outskirts of Aleppo",
        "Fighting Resumes In Aleppo and Idlib as Talks stall",  # 1 of 6 big words in lower case: still title case
        "Fighting Resumes in Aleppo as talks stall",  # 2 of 6: not
        "the army said that it had taken the town of Aleppo and the villages around it " * 5,
        "Army Says It Took The Town " * 4 + "but the rest of this long line is prose " * 3,
        "1 2 3 Aleppo Idlib Hama",
        "",
    ],
)
def test_title_case_line_is_the_eighty_percent_rule(line):
    assert _title_case(line + "\nnext line", 0) == _plain_rule(line)
