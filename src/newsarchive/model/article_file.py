"""The article file: an Article record as a Markdown file with a Pelican metadata header, and back.

One module holds the whole format, so that what the import writes and what everything else reads
cannot drift apart: the header fields (``header_fields``, ``render_article``), the one header
parser (``header_lines``; ``read_header`` and the tagger's ``text_to_scan`` are built on it), lists
in a header (``metadata_list``), the escaping of the body and the provenance fields.

Escaping. Digest text is escaped so that Python-Markdown renders it exactly as written.
Digests are plain text: a ``*`` or ``**`` in them is an asterisk, ``<script>`` is seven
characters, ``&amp;`` is five. We escape only where Markdown would act, so that the
article files stay readable for the people who edit them:

- anywhere: ``\\ ` * _ [ ]`` get a backslash; ``&`` and ``<`` become entities, so neither
  raw HTML nor an entity can form;
- at the start of a line: ``#`` (heading), ``>`` (quote), ``+``/``-`` (list, rule,
  underline), ``1.`` (numbered list) get a backslash; ``=`` (underline) an entity.

This assumes the Markdown settings of ``pelicanconf.py`` (no ``extra`` extension, whose
tables, footnotes and attribute lists would read ``|``, ``[^`` and ``{:``).

Provenance. The first entry keeps the fields a digest article always had; each further entry (a merged
duplicate found elsewhere) repeats the same fields with ``-2``, ``-3``, ... appended:

    Digest: digests/2024-03-18.txt        Digest-2: inputs/harbour.html
    Digest-Lines: 5-19                    Input-Kind-2: html
    Digest-SHA256: <hash of the lines>    Record-SHA256-2: <hash of the file>

A digest entry has ``Digest``, ``Digest-Lines``, ``Digest-SHA256`` (and its date in
``Collected``); any other has ``Digest`` (the input file), ``Input-Kind`` (html, feed or
warc), ``Record`` ("offset 1234" or "entry <id>"; none for a whole HTML page),
``Record-SHA256`` and ``Captured``. The first entry's ``Collected`` stays where it was.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .problems import Problem, Severity
from .records import Article, BodyKind, DatePrecision, InputKind, Provenance

# ---- escaping ----

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


# ---- provenance fields ----

def _suffix(number: int) -> str:
    return "" if number == 1 else f"-{number}"


def provenance_fields(entry: Provenance, number: int) -> list[tuple[str, str | None]]:
    """The header fields of the ``number``-th entry (1-based); None values are left out."""
    s = _suffix(number)
    if entry.kind is InputKind.DIGEST:
        fields = [("Digest" + s, entry.file), ("Digest-Lines" + s, entry.record), ("Digest-SHA256" + s, entry.sha256)]
        if number > 1:
            fields.append(("Collected" + s, entry.captured.isoformat() if entry.captured else None))
        return fields
    return [
        ("Digest" + s, entry.file),
        ("Input-Kind" + s, entry.kind.value),
        ("Record" + s, entry.record),
        ("Record-SHA256" + s, entry.sha256),
        ("Captured" + s, entry.captured.isoformat() if entry.captured else None),
    ]


def read_provenance(header: Mapping[str, object]) -> list[Provenance]:
    """Every entry of a header whose keys are lower-cased (as Pelican and ``read_header`` give them)."""
    entries = []
    number = 1
    while (file := header.get("digest" + _suffix(number).lower())) is not None:
        s = _suffix(number)

        def get(name: str, s: str = s) -> str | None:
            value = header.get(name + s)
            return str(value).strip() if value is not None and str(value).strip() else None

        try:
            kind = InputKind(get("input-kind") or InputKind.DIGEST.value)
        except ValueError:
            kind = InputKind.DIGEST
        if kind is InputKind.DIGEST:
            captured = get("collected")
            entry = Provenance(kind, str(file), get("digest-lines"), get("digest-sha256") or "", _date(captured))
        else:
            entry = Provenance(kind, str(file), get("record"), get("record-sha256") or "", _date(get("captured")))
        entries.append(entry)
        number += 1
    return entries


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# ---- the header, both ways ----

IMPORT_HASH_FIELD = "Import-SHA256"
LIST_SEPARATOR = "; "


def article_path(content_dir: Path, article: Article) -> Path:
    """``articles/<year>/<slug>.md``, or ``articles/undated/<slug>.md``."""
    folder = f"{article.date.value.year:04d}" if article.date.value else "undated"
    return content_dir / "articles" / folder / f"{article.slug}.md"


def header_fields(article: Article) -> list[tuple[str, str]]:
    a = article.attribution
    fields: list[tuple[str, str | None]] = [
        ("Title", article.title),
        ("Date", article.date.value.isoformat() if article.date.value else None),
        ("Date-Precision", article.date.precision.value if article.date.value else DatePrecision.UNKNOWN.value),
        ("Date-Evidence", article.date.evidence),
        ("Collected", article.collected.isoformat() if article.collected else None),
        ("Source", a.source),
        ("Source-Derived", a.source_derived),
        ("Authors", _metadata_list(a.authors)),
        ("Byline-Role", a.byline_role),
        ("Original-URL", a.original_url),
        ("Same-Text-As", _metadata_list(article.same_text_as)),
        ("Tags", _metadata_list(article.tags)),
        # one group of provenance fields per place the article was found
        *(
            item
            for number, entry in enumerate([article.provenance, *article.also_found], start=1)
            for item in provenance_fields(entry, number)
        ),
        ("Slug", article.slug),
        ("Identity", article.identity),
    ]
    return [(name, _one_line(value)) for name, value in fields if value]


def _metadata_list(values: list[str]) -> str | None:
    """Pelican splits on ``;`` when there is one, else on ``,``: always give it a ``;``."""
    if not values:
        return None
    joined = LIST_SEPARATOR.join(values)
    return joined if len(values) > 1 else joined + ";"


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) if value else value


def render_body(article: Article) -> str:
    parts = []
    for block in article.body:
        lines = [escape_line(line) for line in block.lines]
        if block.kind is BodyKind.HEADING:
            parts.append("## " + " ".join(lines))
        else:
            parts.append("\n".join(lines))
    return "\n\n".join(parts)


def render_article(article: Article) -> str:
    """The whole file, ending with the hash that tells a hand edit from an import."""
    header = "".join(f"{name}: {value}\n" for name, value in header_fields(article))
    body = render_body(article)
    text = header + "\n" + (body + "\n" if body else "")
    return with_import_hash(text)


def import_hash(text: str) -> str:
    kept = [line for line in text.splitlines(keepends=True) if not line.startswith(IMPORT_HASH_FIELD + ":")]
    return hashlib.sha256("".join(kept).encode("utf-8")).hexdigest()


def with_import_hash(text: str) -> str:
    header, _, body = text.partition("\n\n")
    return f"{header}\n{IMPORT_HASH_FIELD}: {import_hash(text)}\n\n{body}"


@dataclass
class ArticleFile:
    """An article file already in ``content/``: its header and whether a person edited it."""

    path: Path
    text: str
    header: dict[str, str]

    @property
    def edited_by_hand(self) -> bool:
        stored = self.header.get(IMPORT_HASH_FIELD.lower())
        return stored is None or stored != import_hash(self.text)

    @property
    def slug(self) -> str:
        return self.header.get("slug") or self.path.stem

    @property
    def digest(self) -> str | None:
        return self.header.get("digest")

    @property
    def identity(self) -> str | None:
        return self.header.get("identity")

    @property
    def title(self) -> str:
        return self.header.get("title", "")

    @property
    def same_text_as(self) -> list[str]:
        return same_text_slugs(self.header.get("same-text-as", ""))


@dataclass(frozen=True)
class HeaderLine:
    """One line of the metadata header: its 1-based number, and its field when it has a ``:``."""

    number: int
    line: str
    name: str  # as written, before the ':' ("" when the line has none)
    value: str  # stripped
    has_field: bool

    @property
    def key(self) -> str:
        """The field's name lower-cased, as Pelican gives it."""
        return self.name.strip().lower()


def header_lines(text: str) -> list[HeaderLine]:
    """The header's lines: every line before the first blank one (split on ``\n``, as Markdown does)."""
    lines = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            break
        name, sep, value = line.partition(":")
        lines.append(HeaderLine(number, line, name if sep else "", value.strip(), bool(sep)))
    return lines


def read_header(text: str) -> dict[str, str]:
    """The metadata header as lower-cased keys (as Pelican reads them)."""
    return {line.key: line.value for line in header_lines(text) if line.has_field}


def same_text_slugs(value: object) -> list[str]:
    """The slugs of a ``Same-Text-As`` value, as the import writes it (always with a ``;``)."""
    return [slug.strip() for slug in str(value).split(";") if slug.strip()]


def metadata_list(value: str) -> list[str]:
    """A header list read as Pelican reads it: split on ``;`` when there is one, else on ``,``."""
    parts = value.split(";") if ";" in value else value.split(",")
    return [p.strip() for p in parts if p.strip()]


def read_article_file(path: Path) -> ArticleFile:
    text = path.read_text(encoding="utf-8")
    return ArticleFile(path, text, read_header(text))


def existing_articles(content_dir: Path, problems: list[Problem] | None = None) -> list[ArticleFile]:
    """The article files in ``content_dir``; one that cannot be read is left out (and named in ``problems``)."""
    folder = content_dir / "articles"
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*.md")):
        try:
            found.append(read_article_file(path))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8"
            if problems is not None:
                problems.append(Problem(str(path), 0, Severity.ERROR,
                                        f"cannot be read ({reason}); left alone, and its article not matched"))
    return found
