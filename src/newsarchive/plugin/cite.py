"""'Cite this': a BibTeX entry and a CSL-JSON record for each article."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .sources import is_web_url

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


def bibtex_escape(text: str) -> str:
    return "".join(BIBTEX_SPECIALS.get(char, char) for char in " ".join(str(text).split()))


def citation(article, page_url: str) -> Citation:
    published = article.published
    source = getattr(article, "source", None)
    authors = [str(a) for a in getattr(article, "authors", None) or ()]
    original = getattr(article, "original_url", None)
    url = original if is_web_url(original) else page_url
    key = article.slug + (f"-{published.iso[:4]}" if published.known else "")

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
    provenance = getattr(article, "provenance", None)
    if provenance:
        fields.append(("note", bibtex_escape(f"From digest {provenance.digest}, lines {provenance.lines}")))
    body = ",\n".join(f"  {name} = {{{value}}}" if name != "title" else f"  {name} = {value}" for name, value in fields)
    bibtex = f"@article{{{key},\n{body}\n}}"

    item: dict = {"id": key, "type": "article-newspaper", "title": str(article.title)}
    if authors:
        item["author"] = [{"literal": a} for a in authors]
    if source:
        item["container-title"] = str(source)
    if published.known:
        parts = [int(p) for p in published.iso.split("-")]
        item["issued"] = {"date-parts": [parts]}
    item["URL"] = url
    return Citation(key, bibtex, json.dumps([item], indent=2, ensure_ascii=False))
