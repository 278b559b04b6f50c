"""Turn the public gold sets into a local folder for ``make eval-tags GOLD=folder``.

The texts are Reuters' (CoNLL-2003) and other publishers' (GeoWebNews, LGL): they are read
from git mirrors of the repositories named in ``benchmarks/tags/README.md`` at fixed
commits and written only to the folder given, never into this repository.

    python -m benchmarks.tags.prepare GOLD --ner-git DIR --geo-git DIR
    python -m benchmarks.tags.prepare GOLD --conll FILE --gwn FILE [--lgl FILE]

Each output file is JSON lines, one document each: ``{"id", "title", "text", ...gold}``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CONLL = ("davidsbatista/NER-datasets", "dcb6c7439a7de43abc2448bad5b1d81a47f26c0d", "CONLL2003/test.txt")
GWN = ("milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation", "6947d464da1904e5ce68e90ea906997eb02ea73f",
       "data/GWN.xml")
LGL = (GWN[0], GWN[1], "data/Corpora/lgl.xml")

# GeoWebNews types that are not a place named in the text (phrases around a toponym, homonyms,
# languages); a modifier is an adjective ("Russian") or a noun ("Syria peace talks").
_NOT_PLACES = {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym", "Homonym", "Language"}


def git_show(git_dir: Path, commit: str, path: str) -> str:
    found = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], capture_output=True,
                           check=False)
    if found.returncode:
        sys.exit(f"{git_dir}: cannot read {path} at {commit}: {found.stderr.decode().strip()}")
    return found.stdout.decode("utf-8")


def detokenize(tokens: list[str]) -> str:
    """CoNLL's tokens as running text: no space before closing punctuation or after an opening one."""
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?)\]%'])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return text.replace(" 's", "'s").replace(" n't", "n't").replace('" ', '"', 1)


def conll_documents(text: str) -> list[dict]:
    """Each ``-DOCSTART-`` document: its sentences (one a paragraph) and its PER/ORG/LOC/MISC names."""
    documents: list[dict] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []

    def close_document() -> None:
        if current:
            sentences.append(list(current))
            current.clear()
        if sentences:
            documents.append(_conll_document(len(documents), sentences))
            sentences.clear()

    for line in text.splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(list(current))
                current.clear()
        elif parts[0] == "-DOCSTART-":
            close_document()
        else:
            current.append((parts[0], parts[-1]))
    close_document()
    return documents


def _conll_document(number: int, sentences: list[list[tuple[str, str]]]) -> dict:
    entities: dict[str, list[str]] = {"PER": [], "ORG": [], "LOC": [], "MISC": []}
    for sentence in sentences:
        kind, words = None, []
        for token, label in [*sentence, ("", "O")]:
            prefix, _, label_kind = label.partition("-")
            if words and (prefix != "I" or label_kind != kind):
                entities[kind].append(detokenize(words))
                kind, words = None, []
            if prefix in ("B", "I"):
                kind = label_kind
                words.append(token)
    lines = [detokenize([t for t, _ in s]) for s in sentences]
    return {"id": f"conll-test-{number + 1}", "title": lines[0], "text": "\n\n".join(lines[1:]),
            "people": entities["PER"], "organizations": entities["ORG"], "locations": entities["LOC"]}


def gwn_documents(text: str) -> list[dict]:
    """Each GeoWebNews article with the GeoNames ids of its toponyms, demonyms and adjectives apart."""
    documents = []
    for article in ET.fromstring(text).iter("article"):
        places, adjectives, embedded, alone, demonyms = set(), set(), set(), set(), []
        for toponym in article.iter("toponym"):
            kind = toponym.findtext("type") or ""
            name = toponym.findtext("extractedName") or ""
            geonames_id = (toponym.findtext("geonamesID") or "").strip()
            if kind == "Demonym":
                demonyms.append(name)
            elif kind not in _NOT_PLACES and geonames_id:
                adjective = (toponym.findtext("modifierType") or "") == "Adjective"
                (adjectives if adjective else places).add(int(geonames_id))
                # inside another name ("Washington Post", "Cambridge Analytica") or not
                (embedded if kind.startswith("Embedded_") else alone).add(int(geonames_id))
        documents.append({"id": f"gwn-{article.get('file')}", "title": article.findtext("title") or "",
                          "text": article.findtext("text") or "", "places": sorted(places),
                          "adjective_places": sorted(adjectives - places),
                          "embedded_places": sorted(embedded - alone), "alone_places": sorted(alone),
                          "demonyms": sorted(set(demonyms))})
    return documents


def lgl_documents(text: str) -> list[dict]:
    """Each LGL article with the GeoNames ids of its toponyms."""
    documents = []
    for article in ET.fromstring(text).iter("article"):
        ids = {int(tag.get("geonameid")) for tag in article.iter("gaztag") if tag.get("geonameid")}
        documents.append({"id": f"lgl-{article.get('docid')}", "title": article.findtext("title") or "",
                          "text": article.findtext("text") or "", "places": sorted(ids), "adjective_places": [],
                          "demonyms": []})
    return documents


def write(folder: Path, name: str, documents: list[dict]) -> None:
    with (folder / name).open("w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
    print(f"{folder / name}: {len(documents)} documents")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="folder to write (outside the repository)")
    parser.add_argument("--ner-git", type=Path, help=f"git dir of a mirror of {CONLL[0]}")
    parser.add_argument("--geo-git", type=Path, help=f"git dir of a mirror of {GWN[0]}")
    parser.add_argument("--conll", type=Path, help=f"{CONLL[2]} as a local file instead")
    parser.add_argument("--gwn", type=Path, help=f"{GWN[2]} as a local file instead")
    parser.add_argument("--lgl", type=Path, help=f"{LGL[2]} as a local file instead")
    args = parser.parse_args()
    if not (args.ner_git or args.conll) or not (args.geo_git or args.gwn):
        parser.error("give --ner-git or --conll, and --geo-git or --gwn")
    args.gold.mkdir(parents=True, exist_ok=True)

    def read(local: Path | None, git_dir: Path | None, source: tuple[str, str, str]) -> str | None:
        if local:
            return local.read_text(encoding="utf-8")
        return git_show(git_dir, source[1], source[2]) if git_dir else None

    write(args.gold, "conll2003-test.jsonl", conll_documents(read(args.conll, args.ner_git, CONLL)))
    write(args.gold, "geowebnews.jsonl", gwn_documents(read(args.gwn, args.geo_git, GWN)))
    lgl = read(args.lgl, args.geo_git, LGL)
    if lgl:
        write(args.gold, "lgl.jsonl", lgl_documents(lgl))


if __name__ == "__main__":
    main()
