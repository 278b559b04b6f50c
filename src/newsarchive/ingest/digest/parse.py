"""Parse one article block: title, attribution lines, then body paragraphs and subheadings."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ...analysis.tagging.sources import SourceList
from ...model.problems import Problem, Severity
from ...model.records import Article, Attribution, Block, BodyBlock, BodyKind, Line
from .attribution import AttributionKind, AttributionLine, classify, outlet_guess

MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 90
HEADING_END = ".!?;:,…\"”’'"
LONG_TITLE = 250
# A line where a URL would stand that is not one we would link: javascript:, data:, "https://".
NOT_A_WEB_URL = re.compile(r"^(?:(?!https?:)[a-z][a-z0-9+.-]{1,15}:(?!\s)\S+|https?://(?:\S*\s.*)?)$", re.IGNORECASE)


@dataclass
class ParseResult:
    article: Article | None
    problems: list[Problem] = field(default_factory=list)


def block_sha256(block: Block) -> str:
    """SHA-256 of the block's lines, each ended by LF: ``sed -n 'A,Bp' digest | sha256sum``."""
    data = "".join(line.text + "\n" for line in block.lines).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def parse_block(block: Block, digest: str, path: str, sources: SourceList) -> ParseResult:
    """Parse ``block``; ``digest`` is the name recorded in the article, ``path`` the one in problems."""
    problems: list[Problem] = []
    title_line = block.lines[0]
    title = title_line.text.strip()
    misplaced = classify(title, sources, allow_outlet=False)
    if misplaced is not None:
        problems.append(
            Problem(
                path,
                title_line.number,
                Severity.ERROR,
                f"expected a title line before the {_describe(misplaced)} {title!r}; "
                f"article at lines {block.first_line}-{block.last_line} not imported",
            )
        )
        return ParseResult(None, problems)
    if len(title) > LONG_TITLE:
        problems.append(
            Problem(path, title_line.number, Severity.WARNING,
                    f"title is {len(title)} characters long; is a blank line missing after it?")
        )

    attribution, body_start = _read_attribution(block.lines[1:], sources, path, problems)
    body = _read_body(body_start, path, problems)
    if not body and attribution.original_url is None and not attribution.source and not attribution.authors:
        problems.append(Problem(path, title_line.number, Severity.WARNING, "article has a title and nothing else"))
    article = Article(
        title=title,
        attribution=attribution,
        body=body,
        digest=digest,
        first_line=block.first_line,
        last_line=block.last_line,
        digest_sha256=block_sha256(block),
    )
    return ParseResult(article, problems)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(line: AttributionLine) -> str:
    return {
        AttributionKind.SOURCE: "source line",
        AttributionKind.BYLINE: "byline",
        AttributionKind.URL: "URL",
        AttributionKind.OUTLET: "outlet name",
    }[line.kind]


def _read_attribution(
    lines: list[Line], sources: SourceList, path: str, problems: list[Problem]
) -> tuple[Attribution, list[Line]]:
    """Consume attribution lines after the title; return them and the lines left for the body."""
    attribution = Attribution()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.is_blank:
            index += 1
            continue
        found = classify(line.text, sources, allow_outlet=attribution.source is None)
        if found is None or not _fits(attribution, found):
            text = line.text.strip()
            if NOT_A_WEB_URL.match(text):
                problems.append(
                    Problem(path, line.number, Severity.WARNING,
                            f"{_short(text)!r} is not an http(s) URL with a host; kept as body text")
                )
            elif attribution.source is None and outlet_guess(text) == "unsure":
                problems.append(
                    Problem(path, line.number, Severity.WARNING,
                            f"{text!r} may name the outlet, but is not in sources.yaml; kept as body text "
                            f"(if it is the source, add it to taxonomy/sources.yaml or write 'Source: {text}')")
                )
            break
        if found.guessed:
            problems.append(
                Problem(path, line.number, Severity.WARNING,
                        f"{line.text.strip()!r} read as the source (Source-Derived: bare-line): it looks like an "
                        f"outlet's name but is not in sources.yaml; add it there to make this permanent")
            )
            attribution.source_derived = "bare-line"
        _apply(attribution, found)
        index += 1
    if attribution.source is None and attribution.original_url:
        entry = sources.by_url(attribution.original_url)
        attribution.source = entry.name if entry else _domain(attribution.original_url)
        attribution.source_derived = "url"
    return attribution, lines[index:]


def _fits(attribution: Attribution, found: AttributionLine) -> bool:
    """A second line of a kind that takes one value (a source, a URL) is body text."""
    if found.kind in (AttributionKind.SOURCE, AttributionKind.OUTLET):
        return attribution.source is None
    if found.kind is AttributionKind.URL:
        return attribution.original_url is None
    return not (found.role and attribution.byline_role)


def _apply(attribution: Attribution, found: AttributionLine) -> None:
    if found.source:
        attribution.source = found.source
    if found.url:
        attribution.original_url = found.url
    for author in found.authors:
        if author not in attribution.authors:
            attribution.authors.append(author)
    if found.role:
        attribution.byline_role = found.role


def _domain(url: str) -> str:
    return (urlsplit(url).hostname or url).lower().removeprefix("www.")


def _read_body(lines: list[Line], path: str, problems: list[Problem]) -> list[BodyBlock]:
    groups: list[list[Line]] = []
    for line in lines:
        if line.is_blank:
            if groups and groups[-1]:
                groups.append([])
            continue
        if not groups:
            groups.append([])
        groups[-1].append(line)
    groups = [g for g in groups if g]

    blocks: list[BodyBlock] = []
    for position, group in enumerate(groups):
        texts = [line.text.strip() for line in group]
        block = BodyBlock(BodyKind.PARAGRAPH, texts, group[0].number, group[-1].number)
        previous = blocks[-1] if blocks else None
        if previous is not None and previous.lines == block.lines:
            problems.append(
                Problem(
                    path,
                    block.first_line,
                    Severity.WARNING,
                    f"the paragraph at line {block.first_line} repeats the paragraph at line "
                    f"{previous.first_line} word for word; kept one copy",
                )
            )
            continue
        is_between = previous is not None and previous.kind is BodyKind.PARAGRAPH and position < len(groups) - 1
        if is_between and is_subheading(texts):
            block.kind = BodyKind.HEADING
        blocks.append(block)
    return blocks


def is_subheading(texts: list[str]) -> bool:
    """A short single line, capitalised, with no end punctuation: "Emergency UNSC meeting"."""
    if len(texts) != 1:
        return False
    text = texts[0]
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    if text[-1] in HEADING_END or re.match(r"(?:https?://|www\.)", text, re.IGNORECASE):
        return False
    first = text[0]
    return first.isupper() or first.isdigit()
