"""Where an article came from: digest file, line span and hash, as one object for templates."""

from __future__ import annotations

from dataclasses import dataclass

from pelican.contents import Article


@dataclass(frozen=True)
class Provenance:
    digest: str
    lines: str
    sha256: str
    collected: str | None = None


def attach_provenance(content) -> None:
    if not isinstance(content, Article):
        return
    meta = content.metadata
    if "digest" in meta:
        content.provenance = Provenance(
            digest=str(meta["digest"]),
            lines=str(meta.get("digest-lines", "")),
            sha256=str(meta.get("digest-sha256", "")),
            collected=meta.get("collected"),
        )
    else:
        content.provenance = None
