"""'Cite this': a BibTeX entry, a CSL-JSON record and an RIS record for each article, and
``citations.json``, the CSL-JSON array of every article (Zotero imports all three)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import settings
from .source_pages import is_web_url

BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Citation:
    key: str
    bibtex: str
    csl_json: str
    ris: str = ""
    csl: dict = field(default_factory=dict)  # the CSL-JSON item itself


def bibtex_escape(text: str) -> str:
    return "".join(BIBTEX_SPECIALS.get(char, char) for char in " ".join(str(text).split()))


@dataclass(frozen=True)
class _Cited:
    """What every form of an article's citation is made of."""

    key: str
    authors: list[str]
    source: object
    url: str
    provenance: object

    @classmethod
    def of(cls, article, page_url: str) -> _Cited:
        published = article.published
        original = getattr(article, "original_url", None)
        return cls(
            key=article.slug + (f"-{published.iso[:4]}" if published.known else ""),
            authors=[str(a) for a in getattr(article, "authors", None) or ()],
            source=getattr(article, "source", None),
            url=original if is_web_url(original) else page_url,
            provenance=getattr(article, "provenance", None),
        )


def citation(article, page_url: str) -> Citation:
    cited = _Cited.of(article, page_url)
    key, authors, source, url, provenance = cited.key, cited.authors, cited.source, cited.url, cited.provenance
    published = article.published

    fields: list[tuple[str, str]] = [("title", "{" + bibtex_escape(article.title) + "}")]
    if authors:
        fields.append(("author", " and ".join("{" + bibtex_escape(a) + "}" for a in authors)))
    if source:
        fields.append(("journal", bibtex_escape(source)))
    if published.known:
        fields.append(("year", published.iso[:4]))
        if published.precision in ("day", "month"):
            fields.append(("month", MONTHS[article.date.month - 1]))
        if published.precision == "day":
            fields.append(("day", str(article.date.day)))
    fields.append(("url", url))
    if provenance:
        fields.append(("note", bibtex_escape(provenance.note)))
    body = ",\n".join(f"  {name} = {{{value}}}" if name != "title" else f"  {name} = {value}" for name, value in fields)
    bibtex = f"@article{{{key},\n{body}\n}}"
    item = _csl_item(article, cited)
    ris = ris_record(key, article, authors, source, url, provenance)
    return Citation(key, bibtex, json.dumps([item], indent=2, ensure_ascii=False), ris, item)


def csl_item(article, page_url: str) -> dict:
    """The article's CSL-JSON item alone (``citations.json``), without the other forms."""
    return _csl_item(article, _Cited.of(article, page_url))


def _csl_item(article, cited: _Cited) -> dict:
    published = article.published
    item: dict = {"id": cited.key, "type": "article-newspaper", "title": str(article.title)}
    if cited.authors:
        item["author"] = [{"literal": a} for a in cited.authors]
    if cited.source:
        item["container-title"] = str(cited.source)
    if published.known:
        parts = [int(p) for p in published.iso.split("-")]
        item["issued"] = {"date-parts": [parts]}
    item["URL"] = cited.url
    if cited.provenance:
        item["note"] = cited.provenance.note
    return item


def ris_record(key: str, article, authors: list[str], source, url: str, provenance) -> str:
    """An RIS record (``TY  - NEWS`` ... ``ER  - ``), one tag per line."""
    published = article.published

    def line(tag: str, value: str) -> str:
        return f"{tag}  - {' '.join(str(value).split())}"

    lines = [line("TY", "NEWS"), line("ID", key), line("TI", article.title)]
    lines += [line("AU", author) for author in authors]
    if source:
        lines.append(line("T2", source))
    if published.known:
        lines.append(line("PY", published.iso[:4]))
        parts = published.iso.split("-") + ["", ""]
        lines.append(line("DA", f"{parts[0]}/{parts[1]}/{parts[2]}/"))
    lines.append(line("UR", url))
    if provenance:
        lines.append(line("N1", provenance.note))
    lines.append("ER  - ")
    return "\n".join(lines)


def write_citations_json(generator, writer=None) -> None:
    """``citations.json``: a CSL-JSON array of every published article, in site order."""
    name = settings.get(generator.settings, "NEWSARCHIVE_CITATIONS_JSON")
    if not name:
        return
    siteurl = generator.settings.get("SITEURL", "")
    items = []
    for article in generator.articles:
        made = vars(article).get("citation")  # made for its page; else only the item, not every form
        items.append(made.csl if made is not None else csl_item(article, f"{siteurl}/{article.url}"))
    path = Path(generator.output_path) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(items, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
