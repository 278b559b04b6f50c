"""Saved article pages: main text and metadata extracted with trafilatura, made into an Article.

Also the pieces the feed and WARC readers share: turning an HTML fragment into paragraphs,
and turning extracted text and metadata into an ``Article`` record. Body text is kept as
plain text; ``model.article_file.render_body`` escapes it like a digest's, so it renders literally.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import trafilatura

from ..analysis.tagging.sources import SourceList
from ..model.problems import Problem, Severity
from ..model.records import Article, ArticleDate, Attribution, BodyBlock, BodyKind, DatePrecision, InputKind
from .digest.read import DigestResult, digest_name, read_input_bytes

# Only the page's own metadata: htmldate's extensive search guesses from the text and URL.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
PAGE_DATE_EVIDENCE = "page metadata date (article:published_time and the like)"
BLOCK_TAGS = frozenset(
    "p div section article main header footer aside blockquote pre ul ol li dl dt dd table tr "
    "figure figcaption address h1 h2 h3 h4 h5 h6 hr".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
DROPPED_TAGS = frozenset("script style noscript template iframe object embed".split())


@dataclass
class PageText:
    """What was extracted from one page: metadata as found and the body as plain text blocks."""

    title: str | None
    authors: list[str] = field(default_factory=list)
    date: date | None = None
    sitename: str | None = None
    url: str | None = None
    body: list[BodyBlock] = field(default_factory=list)


def sha256_hex(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def is_web_url(url: str | None) -> bool:
    """Only http and https URLs become Original-URL (no javascript:, file:, data: ...)."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def one_line(text: str | None) -> str | None:
    joined = " ".join(text.split()) if text else ""
    return joined or None


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(part.split()) for part in text.split("\n")) if line]


def extract_page(data: bytes | str, url: str | None = None) -> PageText | None:
    """The article in a whole HTML page; None when the page holds no article text."""
    xml = trafilatura.extract(
        data,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_images=False,
        favor_precision=True,  # an archive wants the article, not menus and teasers
        date_extraction_params=DATE_PARAMS,
    )
    if not xml:
        return None
    doc = lxml.etree.fromstring(xml.encode("utf-8"))
    title = one_line(doc.get("title"))
    page = PageText(
        title=title,
        authors=[a for a in (one_line(x) for x in (doc.get("author") or "").split(";")) if a],
        date=_iso_date(doc.get("date")),
        sitename=one_line(doc.get("sitename")),
        url=doc.get("url"),
    )
    main = doc.find("main")
    for element in main if main is not None else []:
        page.body.extend(_xml_blocks(element))
    # the page's own <h1> repeats the title
    if page.body and page.body[0].kind is BodyKind.HEADING and page.body[0].text == title:
        page.body.pop(0)
    return page if page.body else None


def _xml_blocks(element) -> list[BodyBlock]:
    """Blocks of one child of trafilatura's ``<main>``: p, head, list, quote, table ..."""
    if element.tag == "head":
        lines = _lines(_xml_text(element))
        return [_block(BodyKind.HEADING, [" ".join(lines)])] if lines else []
    if element.tag == "list":
        return [_block(BodyKind.PARAGRAPH, lines) for item in element if (lines := _lines(_xml_text(item)))]
    if element.tag == "table":
        rows = [" | ".join(" ".join(_xml_text(cell).split()) for cell in row) for row in element]
        return [_block(BodyKind.PARAGRAPH, [r for r in rows if r.strip(" |")])] if any(rows) else []
    lines = _lines(_xml_text(element))
    return [_block(BodyKind.PARAGRAPH, lines)] if lines else []


def _xml_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _xml_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _block(kind: BodyKind, lines: list[str]) -> BodyBlock:
    return BodyBlock(kind, lines, 0, 0)


def fragment_blocks(fragment: str, is_html: bool = True) -> list[BodyBlock]:
    """Clean text paragraphs from a snippet of HTML (a feed entry's content)."""
    if not is_html:
        paragraphs = [p for p in fragment.replace("\r\n", "\n").split("\n\n") if p.strip()]
        return [_block(BodyKind.PARAGRAPH, lines) for p in paragraphs if (lines := _lines(p))]
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return []
    segments: list[tuple[BodyKind, list[str]]] = [(BodyKind.PARAGRAPH, [])]
    _walk(root, segments)
    return [_block(kind, lines) for kind, parts in segments if (lines := _lines("".join(parts)))]


def _walk(element, segments: list[tuple[BodyKind, list[str]]]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in DROPPED_TAGS or not tag:
        segments[-1][1].append(element.tail or "")
        return
    if tag in BLOCK_TAGS:
        segments.append((BodyKind.HEADING if tag in HEADING_TAGS else BodyKind.PARAGRAPH, []))
    if tag == "br":
        segments[-1][1].append("\n")
    segments[-1][1].append(element.text or "")
    for child in element:
        _walk(child, segments)
    if tag in BLOCK_TAGS:
        segments.append((BodyKind.PARAGRAPH, []))
    segments[-1][1].append(element.tail or "")


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def build_article(
    page: PageText,
    *,
    kind: InputKind,
    file: str,
    record: str | None,
    sha256: str,
    sources: SourceList,
    fallback_title: str,
    date_evidence: str = PAGE_DATE_EVIDENCE,
    captured: date | None = None,
) -> Article:
    """An Article from extracted text and metadata, with its provenance."""
    attribution = Attribution(authors=list(dict.fromkeys(page.authors)))
    if is_web_url(page.url):
        attribution.original_url = page.url.strip()
    host = (urlsplit(attribution.original_url or "").hostname or "").lower().removeprefix("www.")
    # trafilatura gives the host name as the site name when the page names none
    if page.sitename and page.sitename.lower().removeprefix("www.") != host:
        attribution.source = sources.canonical(page.sitename)
    elif attribution.original_url:
        entry = sources.by_url(attribution.original_url)
        attribution.source = entry.name if entry else host or None
        attribution.source_derived = "url" if attribution.source else None
    published = ArticleDate(page.date, DatePrecision.DAY, date_evidence) if page.date else ArticleDate()
    return Article(
        title=page.title or fallback_title,
        attribution=attribution,
        body=page.body,
        digest=file,
        first_line=0,
        last_line=0,
        digest_sha256=sha256,
        date=published,
        input_kind=kind,
        record=record,
        captured=captured,
    )


def read_html(path: Path, site_root: Path, sources: SourceList) -> DigestResult:
    """One saved page, one article."""
    shown = str(path)
    data = read_input_bytes(path)
    if isinstance(data, DigestResult):
        return data
    page = extract_page(data)
    if page is None:
        message = "no article text found in this HTML page (only navigation or boilerplate?); not imported"
        return DigestResult(path, [], [Problem(shown, 0, Severity.ERROR, message)])
    problems = []
    if not page.title:
        problems.append(Problem(shown, 0, Severity.WARNING, f"the page has no title; titled {path.stem!r}"))
    article = build_article(
        page, kind=InputKind.HTML, file=digest_name(path, site_root), record=None,
        sha256=sha256_hex(data), sources=sources, fallback_title=path.stem,
    )
    return DigestResult(path, [article], problems)
