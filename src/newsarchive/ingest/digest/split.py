"""Split a digest's lines into article blocks: three or more blank lines end an article."""

from __future__ import annotations

from ...model.records import Block, Line

ARTICLE_GAP = 3  # blank lines that separate two articles; fewer separate paragraphs


def split_articles(lines: list[Line], gap: int = ARTICLE_GAP) -> list[Block]:
    """Return the article blocks, each trimmed of blank lines at its ends."""
    blocks: list[Block] = []
    current: list[Line] = []
    blank_run = 0
    for line in lines:
        if line.is_blank:
            blank_run += 1
            if current:
                current.append(line)
            continue
        if blank_run >= gap and current:
            blocks.append(_trimmed(current))
            current = []
        blank_run = 0
        current.append(line)
    if current:
        blocks.append(_trimmed(current))
    return blocks


def _trimmed(lines: list[Line]) -> Block:
    end = len(lines)
    while end and lines[end - 1].is_blank:
        end -= 1
    return Block(lines[:end])
