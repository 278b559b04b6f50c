"""Which reader an input file needs, by its content first and its extension second.

``.txt`` is always a digest. Otherwise the first bytes decide when they are clear (a WARC
header, gzip holding one, an ``<rss>``/``<feed>``/``<rdf:RDF>`` root, an HTML document);
when they are not (a damaged file), the extension does; anything else is a digest.
"""

from __future__ import annotations

import gzip
import re
import zlib
from datetime import date
from pathlib import Path

from ..analysis.tagging.sources import SourceList
from ..model.records import InputKind
from .digest.read import DigestResult, read_digest
from .limits import DEFAULT_MAX_INPUT_BYTES, refusal

SNIFF_BYTES = 4096
FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
BY_EXTENSION = {
    ".warc": InputKind.WARC, ".warc.gz": InputKind.WARC,
    ".rss": InputKind.FEED, ".atom": InputKind.FEED, ".xml": InputKind.FEED,
    ".html": InputKind.HTML, ".htm": InputKind.HTML, ".xhtml": InputKind.HTML,
}


def _extension(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(SNIFF_BYTES)
    except OSError:
        return b""
    if data.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)[:SNIFF_BYTES]
        except (zlib.error, gzip.BadGzipFile):
            return b""
    return data


def detect_kind(path: Path) -> InputKind:
    extension = _extension(path)
    if extension == ".txt":
        return InputKind.DIGEST
    head = _head(path)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"WARC/"):
        return InputKind.WARC
    if FEED_ROOT.search(head[:SNIFF_BYTES]) and not HTML_ROOT.search(head[:200]):
        return InputKind.FEED
    if HTML_ROOT.search(head):
        return InputKind.HTML
    return BY_EXTENSION.get(extension, InputKind.DIGEST)


def read_input(
    path: Path,
    site_root: Path,
    sources: SourceList,
    digest_date: date | None = None,
    source_orders: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
) -> DigestResult:
    """Read any input kind into articles and problems; refuse what is not a regular file or too large."""
    refused = refusal(path, None)  # before sniffing: reading a pipe's first bytes could wait forever
    if refused is None:
        kind = detect_kind(path)
        refused = refusal(path, None if kind is InputKind.WARC else max_bytes)
    if refused is not None:
        return DigestResult(path, [], [refused])
    if kind is InputKind.HTML:
        from .html import read_html

        return read_html(path, site_root, sources)
    if kind is InputKind.FEED:
        from .feeds import read_feed

        return read_feed(path, site_root, sources)
    if kind is InputKind.WARC:
        from .warc import read_warc

        return read_warc(path, site_root, sources, max_record_bytes=max_bytes)
    return read_digest(path, site_root, sources, digest_date, source_orders)
