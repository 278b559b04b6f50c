"""A bare line between title and body: a known source, an unknown outlet read with a warning,
a line that may be one kept as body text with a warning, a dateline never an outlet. Never silent."""

import pytest

from newsarchive.ingest.digest.attribution import outlet_guess
from newsarchive.ingest.digest.decode import split_lines
from newsarchive.ingest.digest.parse import parse_block
from newsarchive.ingest.digest.split import split_articles


def parse(text, sources):
    block = split_articles(split_lines(text))[0]
    return parse_block(block, "d.txt", "d.txt", sources)


@pytest.mark.parametrize(("line", "guess"), [
    ("Syrian Coalition (Etilaf)", "outlet"),
    ("Syrian Observatory for Human Rights", "outlet"),
    ("Anadolu Agency", "outlet"),
    ("Kurdistan 24 TV", "outlet"),
    ("Levant Times", "outlet"),
    ("Orient Radio (OR)", "outlet"),
    ("Daraa Martyrs Brigade", "unsure"),
    ("Enab Baladi", "unsure"),
    ("DAMASCUS", None),  # a dateline
    ("ALEPPO -", None),
    ("ALEPPO, Syria -", None),
    ("Damascus", None),  # a gazetteer place
    ("Homs Countryside News.", None),  # sentence punctuation
    ("the army said it had advanced", None),
    ("Emergency UNSC meeting", None),
    ("Breaking News", None),  # a heading of outlet words alone
    ("Press Release", None),
    ("Latest World News Update", None),
])
def test_what_an_unknown_bare_line_is(line, guess):
    assert outlet_guess(line) == guess


def test_unknown_outlet_line_is_the_source_with_a_warning(sources):
    result = parse("Coalition condemns shelling\n\nSyrian Coalition (Etilaf)\nThe coalition said on Monday.\n", sources)
    a = result.article
    assert (a.attribution.source, a.attribution.source_derived) == ("Syrian Coalition (Etilaf)", "bare-line")
    assert [b.text for b in a.body] == ["The coalition said on Monday."]
    (problem,) = result.problems
    assert str(problem) == (
        "d.txt:3: warning: 'Syrian Coalition (Etilaf)' read as the source (Source-Derived: bare-line): it looks "
        "like an outlet's name but is not in sources.yaml; add it there to make this permanent"
    )


def test_a_line_that_may_be_an_outlet_is_kept_as_body_text_with_a_warning(sources):
    result = parse("Fighting in the south\n\nDaraa Martyrs Brigade\nThe brigade said on Monday.\n", sources)
    a = result.article
    assert a.attribution.source is None
    assert a.body[0].lines[0] == "Daraa Martyrs Brigade"
    (problem,) = result.problems
    assert str(problem).startswith("d.txt:3: warning: 'Daraa Martyrs Brigade' may name the outlet, but is not in "
                                   "sources.yaml; kept as body text")


def test_a_dateline_is_never_an_outlet_and_needs_no_warning(sources):
    result = parse("Shelling in the capital\n\nDAMASCUS\nMortars fell on the old city.\n", sources)
    assert result.article.attribution.source is None
    assert result.article.body[0].lines[0] == "DAMASCUS"
    assert result.problems == []


def test_a_known_source_needs_no_warning(sources):
    result = parse("Harbour news\n\nHarbour Gazette\nThe harbour reopened.\n", sources)
    assert (result.article.attribution.source, result.article.attribution.source_derived) == ("Harbour Gazette", None)
    assert result.problems == []
