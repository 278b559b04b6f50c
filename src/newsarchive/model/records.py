"""The records that flow from a digest to an article file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


@dataclass(frozen=True)
class Line:
    """One line of a digest: its 1-based number and its text without the line end."""

    number: int
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Block:
    """An article's lines as split from a digest (blank lines inside included)."""

    lines: list[Line]

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number


@dataclass
class Attribution:
    source: str | None = None
    source_derived: str | None = None  # "url": from the URL's domain; "bare-line": an unknown outlet line
    authors: list[str] = field(default_factory=list)
    byline_role: str | None = None
    original_url: str | None = None


class BodyKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"


@dataclass
class BodyBlock:
    """A paragraph or a subheading; ``lines`` keeps a hard-wrapped paragraph's lines."""

    kind: BodyKind
    lines: list[str]
    first_line: int
    last_line: int

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ArticleDate:
    """A publication date known to some precision; ``value`` is a sort key only."""

    value: date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN
    evidence: str | None = None

    @property
    def iso(self) -> str | None:
        """The date as ISO 8601 cut to its precision: 2016-09-05, 2016-08 or 2016."""
        if self.value is None:
            return None
        if self.precision is DatePrecision.MONTH:
            return self.value.strftime("%Y-%m")
        if self.precision is DatePrecision.YEAR:
            return f"{self.value.year:04d}"
        return self.value.isoformat()


# Inputs other than digests (newsarchive.ingest).
class InputKind(StrEnum):
    DIGEST = "digest"
    HTML = "html"
    FEED = "feed"
    WARC = "warc"


@dataclass(frozen=True)
class Provenance:
    """One place an article was found: the input file, the record in it and its hash.

    ``record`` is a digest's line span ("51-69"), "offset 1234" in a WARC file, "entry <id>"
    in a feed, and None for an HTML page (the whole file). ``captured`` is when the record
    was captured (WARC-Date) or, for a digest, the digest's own date.
    """

    kind: InputKind
    file: str
    record: str | None
    sha256: str
    captured: date | None = None

    @property
    def key(self) -> tuple[str, str | None, str]:
        return (self.file, self.record, self.sha256)


@dataclass
class Article:
    """One article parsed from a digest, with its provenance."""

    title: str
    attribution: Attribution
    body: list[BodyBlock]
    digest: str  # the digest's path as recorded (relative to the site root, or its name)
    first_line: int
    last_line: int
    digest_sha256: str
    date: ArticleDate = field(default_factory=ArticleDate)
    tags: list[str] = field(default_factory=list)
    slug: str = ""
    collected: date | None = None  # the digest's own date, when known
    # for HTML, feed and WARC inputs ``digest`` names the input file, first_line and
    # last_line are 0 and ``digest_sha256`` is the record's hash; ``also_found`` lists the
    # other places a merged duplicate was found.
    input_kind: InputKind = InputKind.DIGEST
    record: str | None = None
    captured: date | None = None
    also_found: list[Provenance] = field(default_factory=list)
    # the input file and a fingerprint of the text at first import: what a re-import matches
    # (never the title, never the position among same-titled siblings); see ``identity``
    identity: str = ""
    # slugs of articles from other outlets with near-identical text (syndicated copies)
    same_text_as: list[str] = field(default_factory=list)

    @property
    def provenance(self) -> Provenance:
        """Where this article was first found."""
        if self.input_kind is InputKind.DIGEST:
            span = f"{self.first_line}-{self.last_line}"
            return Provenance(self.input_kind, self.digest, span, self.digest_sha256, self.collected)
        return Provenance(self.input_kind, self.digest, self.record, self.digest_sha256, self.captured)

    @property
    def paragraphs(self) -> list[BodyBlock]:
        return [b for b in self.body if b.kind is BodyKind.PARAGRAPH]

    @property
    def subheadings(self) -> list[BodyBlock]:
        return [b for b in self.body if b.kind is BodyKind.HEADING]
