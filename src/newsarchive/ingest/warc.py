"""WARC and WARC.gz files (warcio): each HTML response record one article.

The record's offset in the file is its ``Record`` (``warcio extract --payload FILE OFFSET``
prints it), ``Record-SHA256`` is the SHA-256 of that payload (the page as served, after
HTTP transfer and content decoding), WARC-Target-URI the Original-URL and WARC-Date the
capture date.
"""

from __future__ import annotations

import zlib
from datetime import date, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..analysis.tagging.sources import SourceList
from ..model.problems import Problem, Severity
from ..model.records import Article, InputKind
from .digest.read import DigestResult, digest_name
from .html import build_article, extract_page, is_web_url, sha256_hex
from .limits import DEFAULT_MAX_RECORD_BYTES, MB

HTML_TYPES = ("text/html", "application/xhtml+xml")
CAPTURE_DATE_EVIDENCE = "WARC-Date (the capture date; the page gives no date of its own)"


def read_warc(
    path: Path, site_root: Path, sources: SourceList, max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
) -> DigestResult:
    """Stream the records one by one (a WARC file may be larger than memory), each at most ``max_record_bytes``."""
    shown = str(path)
    name = digest_name(path, site_root)
    articles: list[Article] = []
    problems: list[Problem] = []
    offset = 0
    seen = 0  # records read whole
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream, check_digests=False)
            for record in records:
                if record.rec_type is None:  # what warcio yields for a header cut short
                    raise EOFError("a record header is cut off")
                payload = record.content_stream().read(max_record_bytes + 1)
                too_large = len(payload) > max_record_bytes
                missing = 0 if too_large else getattr(record.raw_stream, "limit", 0)  # what Content-Length promised
                if missing:
                    raise EOFError(f"a record ends {missing} bytes early")
                offset = records.get_record_offset()  # reads the record to its end: after the payload
                seen += 1
                if too_large:
                    problems.append(Problem(
                        shown, 0, Severity.ERROR,
                        f"the record at offset {offset} is larger than {max_record_bytes / MB:.0f} MB; not imported "
                        f"(raise the limit with --max-input-mb)",
                    ))
                    continue
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                if content_type not in HTML_TYPES:
                    continue
                article, problem = _record_article(record, payload, offset, name, shown, sources)
                if article:
                    articles.append(article)
                if problem:
                    problems.append(problem)
    except OSError as exc:
        problems.append(Problem(shown, 0, Severity.ERROR, f"cannot be read: {exc.strerror or exc}"))
    except (ArchiveLoadFailed, EOFError, ValueError, Exception) as exc:  # noqa: B014 - warcio raises many kinds
        problems.append(Problem(shown, 0, Severity.ERROR, _damaged(seen, offset, _reason(exc))))
    if not any(p.severity is Severity.ERROR and not p.line for p in problems):
        cut = cut_gzip_member(path)  # warcio ends quietly at a gzip member cut short
        if cut is not None:
            reason = f"the gzip member at byte {cut} is cut off"
            problems.append(Problem(shown, 0, Severity.ERROR, _damaged(seen, offset, reason)))
    if not seen and not problems and path.stat().st_size:
        problems.append(Problem(shown, 0, Severity.ERROR, _damaged(0, 0, "no whole record in it")))
    elif not articles and not problems:
        problems.append(Problem(shown, 0, Severity.ERROR, "holds no HTML response record; nothing imported"))
    return DigestResult(path, articles, problems)


def cut_gzip_member(path: Path) -> int | None:
    """Where the first incomplete or damaged gzip member of a gzip file starts; None when all are whole.

    Streamed: each chunk is decompressed a bounded piece at a time and the output dropped.
    """
    piece = 1 << 20
    try:
        with path.open("rb") as stream:
            if stream.read(2) != b"\x1f\x8b":
                return None
            stream.seek(0)
            position, start, member = 0, 0, None
            while chunk := stream.read(piece):
                data = chunk
                while data:
                    if member is None:
                        member, start = zlib.decompressobj(16 + zlib.MAX_WBITS), position
                    member.decompress(data, piece)
                    while member.unconsumed_tail and not member.eof:
                        member.decompress(member.unconsumed_tail, piece)
                    if member.eof:
                        used = len(data) - len(member.unused_data)
                        position, data, member = position + used, member.unused_data, None
                    else:
                        position, data = position + len(data), b""
            return start if member is not None else None
    except zlib.error:
        return start
    except OSError:
        return None  # reported when the records are read


def _damaged(seen: int, offset: int, reason: str) -> str:
    where = f"after the record at offset {offset}" if seen else "in its first record"
    return (f"the WARC file is damaged or truncated {where} ({reason}); "
            f"the {seen} records before it were read, the rest not")


def _reason(exc: Exception) -> str:
    if isinstance(exc, AttributeError | TypeError):  # warcio on a header cut short
        return "a record header is cut off or is not WARC"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _record_article(record, payload: bytes, offset: int, name: str, shown: str, sources: SourceList):
    uri = record.rec_headers.get_header("WARC-Target-URI")
    page = extract_page(payload, url=uri if is_web_url(uri) else None)
    if page is None:
        message = f"the record at offset {offset} ({uri}) holds no article text; not imported"
        return None, Problem(shown, 0, Severity.ERROR, message)
    if is_web_url(uri):
        page.url = uri  # where it was captured, rather than the page's canonical link
    captured = _warc_date(record.rec_headers.get_header("WARC-Date"))
    evidence = None
    if page.date is None and captured is not None:
        page.date, evidence = captured, CAPTURE_DATE_EVIDENCE
    article = build_article(
        page,
        kind=InputKind.WARC,
        file=name,
        record=f"offset {offset}",
        sha256=sha256_hex(payload),
        sources=sources,
        fallback_title=uri or f"Record at offset {offset}",
        captured=captured,
        **({"date_evidence": evidence} if evidence else {}),
    )
    return article, None


def _warc_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None
