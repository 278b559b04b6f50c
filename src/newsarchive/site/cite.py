"""'Cite this': a BibTeX entry, a CSL-JSON record and an RIS record for each article, and
``citations.json``, the CSL-JSON array of every article (Zotero imports all three)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..incremental import write_output_file
from ..model import settings
from .names import PersonName, person_name
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
    authors: list[PersonName]
    source: object
    url: str  # the original article's when the input gives one, else the archive copy's
    archive: str  # the archive's name (SITENAME)
    archive_url: str  # the article's page in this archive (absolute when SITEURL is set)
    accessed: str | None  # ISO date the text was collected or captured: what the reader saw, and when
    provenance: object

    @classmethod
    def of(cls, article, page_url: str) -> _Cited:
        published = article.published
        original = getattr(article, "original_url", None)
        provenance = getattr(article, "provenance", None)
        return cls(
            key=article.slug + (f"-{published.iso[:4]}" if published.known else ""),
            authors=[person_name(a) for a in getattr(article, "authors", None) or ()],
            source=getattr(article, "source", None),
            url=original if is_web_url(original) else page_url,
            archive=str(article.settings.get("SITENAME", "")),
            archive_url=page_url,
            accessed=(provenance.collected or provenance.captured) if provenance else None,
            provenance=provenance,
        )

    @property
    def note(self) -> str:
        """Where the text was found, its hash, and the archive copy when the URL is the original's."""
        parts = []
        if self.url != self.archive_url:
            parts.append(f"Archived copy: {self.archive_url}" + (f" ({self.archive})" if self.archive else ""))
        if self.provenance:
            parts.append(f"{self.provenance.note}, SHA-256 {self.provenance.sha256}")
        return ". ".join(parts)


def citation(article, page_url: str) -> Citation:
    cited = _Cited.of(article, page_url)
    item = _csl_item(article, cited)
    return Citation(
        cited.key, bibtex_entry(article, cited), json.dumps([item], indent=2, ensure_ascii=False),
        ris_record(article, cited), item,
    )


def bibtex_entry(article, cited: _Cited) -> str:
    """``@article`` with ``journal`` (and biblatex's ``entrysubtype = {newspaper}``): see the README for why."""
    published = article.published
    fields: list[tuple[str, str]] = [("title", "{" + bibtex_escape(article.title) + "}")]
    if cited.authors:
        # a literal name in braces, so BibTeX never splits it; a split one as "Family, Given"
        fields.append(("author", " and ".join(
            bibtex_escape(a.inverted()) if a.split else "{" + bibtex_escape(a.literal) + "}" for a in cited.authors
        )))
    if cited.source:
        fields.append(("journal", bibtex_escape(cited.source)))
        fields.append(("entrysubtype", "newspaper"))
    if published.known:
        fields.append(("year", published.iso[:4]))
        if published.precision in ("day", "month"):
            fields.append(("month", MONTHS[article.date.month - 1]))  # a BibTeX macro: written unbraced
        if published.precision == "day":
            fields.append(("day", str(article.date.day)))
    fields.append(("url", cited.url))
    if cited.accessed:
        fields.append(("urldate", cited.accessed))
    if cited.note:
        fields.append(("note", bibtex_escape(cited.note)))
    unbraced = ("title", "month")  # the title carries its own braces (keeps its case); a month is a macro
    body = ",\n".join(
        f"  {name} = {value}" if name in unbraced else f"  {name} = {{{value}}}" for name, value in fields
    )
    return f"@article{{{cited.key},\n{body}\n}}"


def csl_item(article, page_url: str) -> dict:
    """The article's CSL-JSON item alone (``citations.json``), without the other forms."""
    return _csl_item(article, _Cited.of(article, page_url))


def _csl_date(iso: str) -> dict:
    return {"date-parts": [[int(p) for p in iso.split("-")]]}


def _csl_item(article, cited: _Cited) -> dict:
    published = article.published
    item: dict = {"id": cited.key, "type": "article-newspaper", "title": str(article.title)}
    if cited.authors:
        item["author"] = [a.csl() for a in cited.authors]
    if cited.source:
        item["container-title"] = str(cited.source)
    if published.known:
        item["issued"] = _csl_date(published.iso)
    item["URL"] = cited.url
    if cited.archive:
        item["archive"] = cited.archive
    if cited.url != cited.archive_url:
        item["archive_location"] = cited.archive_url  # URL is the original; the copy read is here
    if cited.accessed:
        item["accessed"] = _csl_date(cited.accessed)
    if cited.note:
        item["note"] = cited.note
    return item


def ris_record(article, cited: _Cited) -> str:
    """An RIS record (``TY  - NEWS`` ... ``ER  - ``), one tag per line."""
    published = article.published

    def line(tag: str, value: str) -> str:
        return f"{tag}  - {' '.join(str(value).split())}"

    lines = [line("TY", "NEWS"), line("ID", cited.key), line("TI", article.title)]
    lines += [line("AU", author.inverted()) for author in cited.authors]
    if cited.source:
        lines.append(line("T2", cited.source))
    if published.known:
        lines.append(line("PY", published.iso[:4]))
        parts = published.iso.split("-") + ["", ""]
        lines.append(line("DA", f"{parts[0]}/{parts[1]}/{parts[2]}/"))
    lines.append(line("UR", cited.url))
    if cited.url != cited.archive_url:
        lines.append(line("UR", cited.archive_url))
    if cited.archive:
        lines.append(line("DB", cited.archive))  # "name of database": Zotero's Archive field
    if cited.accessed:
        lines.append(line("Y2", cited.accessed.replace("-", "/")))  # access date
    if cited.note:
        lines.append(line("N1", cited.note))
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
    write_output_file(path, json.dumps(items, indent=2, ensure_ascii=False) + "\n")
