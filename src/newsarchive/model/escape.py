"""Escape digest text so that Python-Markdown renders it exactly as written.

Digests are plain text: a ``*`` or ``**`` in them is an asterisk, ``<script>`` is seven
characters, ``&amp;`` is five. We escape only where Markdown would act, so that the
article files stay readable for the people who edit them:

- anywhere: ``\\ ` * _ [ ]`` get a backslash; ``&`` and ``<`` become entities, so neither
  raw HTML nor an entity can form;
- at the start of a line: ``#`` (heading), ``>`` (quote), ``+``/``-`` (list, rule,
  underline), ``1.`` (numbered list) get a backslash; ``=`` (underline) an entity.

This assumes the Markdown settings of ``pelicanconf.py`` (no ``extra`` extension, whose
tables, footnotes and attribute lists would read ``|``, ``[^`` and ``{:``).
"""

from __future__ import annotations

import re

# Python-Markdown's ESCAPED_CHARS: a backslash before any of these yields the character.
BACKSLASH_ESCAPED = frozenset("\\`*_{}[]()>#+-.!")
INLINE = frozenset("\\`*_[]")
ENTITIES = {"&": "&amp;", "<": "&lt;"}
LINE_START = frozenset("#>+-")
NUMBERED = re.compile(r"^(\d+)\.")


INLINE_TABLE = str.maketrans({**{c: "\\" + c for c in INLINE}, **ENTITIES})


def escape_line(text: str) -> str:
    escaped = text.translate(INLINE_TABLE)
    if escaped[:1] in LINE_START:
        return "\\" + escaped
    if escaped[:1] == "=":
        return "&#61;" + escaped[1:]
    return NUMBERED.sub(r"\1\\.", escaped, count=1)


def unescape_line(text: str) -> str:
    """The inverse of :func:`escape_line` (used to check that no text was lost)."""
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in BACKSLASH_ESCAPED:
            out.append(text[index + 1])
            index += 2
            continue
        for entity, raw in (("&amp;", "&"), ("&lt;", "<"), ("&#61;", "=")):
            if text.startswith(entity, index):
                out.append(raw)
                index += len(entity)
                break
        else:
            out.append(char)
            index += 1
    return "".join(out)
