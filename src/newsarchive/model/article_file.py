"""An Article record as a Markdown file with a Pelican metadata header, and back."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .escape import escape_line
from .problems import Problem, Severity
from .provenance import provenance_fields
from .records import Article, BodyKind, DatePrecision

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
    return _with_import_hash(text)


def import_hash(text: str) -> str:
    kept = [line for line in text.splitlines(keepends=True) if not line.startswith(IMPORT_HASH_FIELD + ":")]
    return hashlib.sha256("".join(kept).encode("utf-8")).hexdigest()


def _with_import_hash(text: str) -> str:
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
        return [slug.strip() for slug in self.header.get("same-text-as", "").split(";") if slug.strip()]


def read_header(text: str) -> dict[str, str]:
    """The metadata header as lower-cased keys (as Pelican reads them)."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        name, sep, value = line.partition(":")
        if sep:
            header[name.strip().lower()] = value.strip()
    return header


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
