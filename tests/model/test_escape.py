"""Digest text renders exactly as written: Markdown and HTML characters are escaped."""

import html
import re

import markdown
import pytest

from newsarchive.model.article_file import escape_line, unescape_line

CASES = [
    "civil defense**actual defense",
    "*An article I wrote based on interviews:Article",
    "**bold?** and _under_ and `code`",
    "# not a heading",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "1. not a numbered list",
    "2024. A year.",
    "=====",
    "-----",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "![img](http://example.org/x.png)",
    "&amp; is five characters, &nbsp; too",
    "a <http://example.org> autolink",
    "back\\slash \\* escaped",
    "Fish & Chips Week: <b>record</b> queues",
    "at least\u00a070 civilians",
    "“Curly” quotes and ’apostrophes’",
    "trailing backslash \\",
    "{braces} (parens) !bang #hash",
]


def render(text: str) -> str:
    """What a reader sees: Python-Markdown with the site's settings, tags removed, entities decoded."""
    out = markdown.Markdown(extensions=[], output_format="html5").convert(text)
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


@pytest.mark.parametrize("text", CASES)
def test_rendered_text_is_exactly_the_input(text):
    assert render(escape_line(text)) == text


@pytest.mark.parametrize("text", CASES)
def test_rendered_html_has_no_markup_from_the_text(text):
    out = markdown.Markdown(extensions=[], output_format="html5").convert(escape_line(text))
    assert re.fullmatch(r"<p>[^<]*</p>", out), out


@pytest.mark.parametrize("text", CASES)
def test_unescape_inverts_escape(text):
    assert unescape_line(escape_line(text)) == text


def test_plain_prose_stays_readable():
    assert escape_line("The road reopened on Monday (at 6 p.m.) - finally.") == (
        "The road reopened on Monday (at 6 p.m.) - finally."
    )
