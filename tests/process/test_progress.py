"""A long build says what it is doing: a line per step, a count every few seconds."""

from __future__ import annotations

import re

from newsarchive.process import progress


def collecting(every: float) -> tuple[progress.Progress, list[str]]:
    lines: list[str] = []
    return progress.Progress(write=lines.append, every=every), lines


def test_a_step_is_one_line_with_the_seconds_since_the_start():
    shown, lines = collecting(every=10)
    shown.step("finding story clusters")
    assert len(lines) == 1
    assert re.fullmatch(r"\[ +\d+ s\] finding story clusters", lines[0])


def test_a_count_is_shown_at_most_once_every_few_seconds():
    shown, lines = collecting(every=3600)
    for done in range(1, 1001):
        shown.count("parsed {done} of {total} articles", done, 1000)
    assert lines == [], "the first count comes after `every` seconds, not at once"
    shown, lines = collecting(every=0)
    for done in (1, 2):
        shown.count("parsed {done} of {total} articles", done, 2)
    assert [line.split("] ")[1] for line in lines] == ["parsed 1 of 2 articles", "parsed 2 of 2 articles"]


def test_a_count_waits_for_its_own_first_call_not_the_start_of_the_build():
    shown, lines = collecting(every=60)
    shown.started -= 3600  # the build has run an hour
    shown.count("parsed {done} of {total} articles", 1, 100)
    assert lines == [], "the step has only begun"


def test_each_count_has_its_own_clock():
    shown, lines = collecting(every=0)
    shown.count("wrote {done} pages", 5)
    shown.count("search index: {done} of {total} parts", 1, 8)
    assert [line.split("] ")[1] for line in lines] == ["wrote 5 pages", "search index: 1 of 8 parts"]


def test_nothing_is_shown_when_no_progress_is_installed(capsys):
    progress.show(None)
    progress.step("finding story clusters")
    progress.count("wrote {done} pages", 1)
    assert capsys.readouterr() == ("", "")


def test_a_progress_line_is_never_read_as_a_problem():
    shown, lines = collecting(every=0)
    shown.step("search index: 3 of 8 parts left")
    assert not re.match(r"[^\s\[][^:]*:\d+: ", lines[0]), "problems are `path:line: message`"
