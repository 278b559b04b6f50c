"""'Figures reported': paragraph anchors in the article body and the figures found in it.

Runs on ``content_object_init``, once Pelican has the rendered (escaped) body: each ``<p>``
gets an ``id`` ("para-3") so that a figure can link to the sentence it came from, and the
figures are read from the paragraphs' text. Only the opening tag changes; the text inside
is left exactly as Markdown escaped it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import quote

from pelican.contents import Article

from ..analysis.research.figures import Figure, extract_figures
from ..incremental import Kind, Packed, declare, file_key, holds_packed, memo, pack_object, pack_text, unpacked

PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
FRAGMENT_WORDS = 4  # words at each end of a sentence in a text fragment link


@dataclass(frozen=True)
class ReportedFigure:
    figure: Figure
    article: object  # the Pelican article it was reported in
    anchor: str  # id of its paragraph: "para-3"

    @property
    def fragment(self) -> str:
        """``para-3:~:text=start,end``: browsers that know text fragments highlight the sentence,
        the others go to the paragraph."""
        words = self.figure.sentence.split()
        if len(words) <= 2 * FRAGMENT_WORDS:
            directive = _fragment_text(" ".join(words))
        else:
            start, end = " ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])
            directive = f"{_fragment_text(start)},{_fragment_text(end)}"
        return f"{self.anchor}:~:text={directive}"


def _fragment_text(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")


def paragraph_anchor(number: int) -> str:
    return f"para-{number}"


def anchor_paragraphs(body: str) -> tuple[str, list[str]]:
    """The body with an id on each bare ``<p>``, and each paragraph's text (unescaped, tags removed)."""
    texts: list[str] = []

    def add_id(match: re.Match) -> str:
        texts.append(html.unescape(TAG.sub("", match.group(1))))
        return f'<p id="{paragraph_anchor(len(texts))}">{match.group(1)}</p>'

    return PARAGRAPH.sub(add_id, body), texts


def figures_of_body(body: str) -> tuple[str, str, list[Figure]]:
    """The body with paragraph anchors, its plain text, and its figures: what ``attach_figures`` sets."""
    anchored, paragraphs = anchor_paragraphs(body)
    return anchored, "\n\n".join(paragraphs), extract_figures(paragraphs)


def figures_entry(body: str) -> tuple[tuple[Packed, Packed, Packed], str]:
    """What the parse cache keeps of a rendered body (``figures_of_body``, its texts packed), and
    the plain text."""
    anchored, plain, figures = figures_of_body(body)
    return (pack_text(anchored), pack_text(plain), pack_object(figures)), plain


FIGURES = "figures"  # the memo kind of a body's ``figures_entry``, keyed by the body's SHA-256


def body_figures(body: str) -> tuple[Packed, Packed, Packed]:
    """``figures_entry`` of a rendered body, kept by the speed layer."""
    return memo(FIGURES, file_key(body.encode("utf-8")), lambda: figures_entry(body)[0])


def reported_figures(article, figures: list[Figure]) -> list[ReportedFigure]:
    return [ReportedFigure(figure, article, paragraph_anchor(figure.paragraph)) for figure in figures]


# The body (anchored) and its plain text come from the file; the figures too, read through
# ``reported_figures``; all three are bulky and kept packed.
declare("body_text", Kind.PAGE_ONLY | Kind.FROM_FILE | Kind.PACKED)
declare("figures", Kind.FROM_FILE | Kind.PACKED, unpack=reported_figures)


def attach_figures(content) -> None:
    """``content_object_init``: paragraph anchors in the body, its plain text and its figures."""
    if not isinstance(content, Article):
        return
    anchored, plain, figures = body_figures(getattr(content, "_content", None) or "")
    # packed on an article whose class keeps packed fields (the speed layer's); unpacked on any other
    if holds_packed(content):
        content._content, content.body_text, content.figures = anchored, plain, figures
    else:
        content._content, content.body_text = unpacked(anchored), unpacked(plain)
        content.figures = reported_figures(content, unpacked(figures))
