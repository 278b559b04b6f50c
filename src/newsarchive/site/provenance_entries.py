"""Where an article came from: digest file, line span and hash, as one object for templates."""

from __future__ import annotations

from dataclasses import dataclass

from pelican.contents import Article

from ..incremental import Kind, declare
from ..model.article_file import read_provenance
from ..model.records import InputKind

# Made from the file's header; only the article's page shows them.
declare("provenance_entries", Kind.PAGE_ONLY | Kind.FROM_FILE)
declare("provenance", Kind.PAGE_ONLY | Kind.FROM_FILE)

KIND_LABELS = {"digest": "Digest", "html": "HTML page", "feed": "Feed", "warc": "WARC file"}


@dataclass(frozen=True)
class ProvenanceEntry:
    """One place the article was found, as its page shows it (``records.Provenance`` is the same place
    as the import side records it); ``lines`` is a digest's line span, ``record`` any other's."""

    digest: str
    lines: str
    sha256: str
    collected: str | None = None
    # HTML pages, feeds and WARC files
    kind: str = "digest"
    record: str | None = None
    captured: str | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def note(self) -> str:
        """One sentence for citations: where the text was found."""
        if self.kind == "digest":
            return f"From digest {self.digest}, lines {self.lines}"
        where = f", {self.record}" if self.record else ""
        captured = f", captured {self.captured}" if self.captured else ""
        return f"From {self.kind_label.lower()} {self.digest}{where}{captured}"


def attach_provenance(content) -> None:
    if not isinstance(content, Article):
        return
    # every place the article was found (``Digest``, ``Digest-2`` ...), the first one
    # also as ``provenance``
    entries = [
        ProvenanceEntry(
            digest=entry.file,
            lines=entry.record or "" if entry.kind is InputKind.DIGEST else "",
            sha256=entry.sha256,
            collected=entry.captured.isoformat() if entry.captured and entry.kind is InputKind.DIGEST else None,
            kind=entry.kind.value,
            record=entry.record if entry.kind is not InputKind.DIGEST else None,
            captured=entry.captured.isoformat() if entry.captured and entry.kind is not InputKind.DIGEST else None,
        )
        for entry in read_provenance(content.metadata)
    ]
    content.provenance_entries = entries
    content.provenance = entries[0] if entries else None
