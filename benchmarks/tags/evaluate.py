"""Tag quality on public gold data: ``make eval-tags GOLD=folder`` (the folder of ``prepare.py``).

Document level, as an archive uses tags: for each document the set of distinct people,
organisations (CoNLL-2003 test) and places (GeoWebNews, by GeoNames id) is compared with the
tags the tagger gives the same text. Each set is scored twice: with the gazetteer and the
rules alone (an empty taxonomy) and with the repository's curated ``taxonomy/``. Topics are
scored on paragraphs of the sample digests labelled by hand (``topics.yaml``).

Not a test: it prints scores, and ``--record`` adds a dated row per figure to the README table.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from newsarchive.analysis.tagging.article import tag_article
from newsarchive.analysis.tagging.gazetteer import gazetteer_ids
from newsarchive.analysis.tagging.normalize import normal_key
from newsarchive.analysis.tagging.tagger import TagEvidence, Tagger, tagger_for

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
README = HERE / "README.md"
TABLE_END = "<!-- end of the eval-tags table -->"
WORST = 5


@dataclass
class Score:
    """True positives, false positives and misses over documents, and each document's errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[tuple[int, str, list[str], list[str]]] = field(default_factory=list)

    def add(self, document: str, wrong: list[str], missed: list[str], right: int) -> None:
        self.tp += right
        self.fp += len(wrong)
        self.fn += len(missed)
        if wrong or missed:
            self.errors.append((len(wrong) + len(missed), document, wrong, missed))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def article_text(title: str, text: str) -> str:
    """A document as an article file: its title in the header, its text as the body."""
    return f"Title: {' '.join(title.split())}\n\n{text}\n"


_TAGGED: dict[tuple[int, str], list[TagEvidence]] = {}  # each document tagged once per tagger


def tags_of(document: dict, tagger: Tagger) -> list[TagEvidence]:
    key = (id(tagger), document["id"])
    if key not in _TAGGED:
        _TAGGED[key] = tag_article(article_text(document["title"], document["text"]), tagger)
    return _TAGGED[key]


def resolved_names(names: list[str]) -> set[str]:
    """Distinct names in normal form, a surname alone counted as the longer name met earlier."""
    keys: list[str] = []
    for name in names:
        key = normal_key(name)
        longer = next((k for k in keys if " " in k and k.endswith(" " + key)), None)
        keys.append(longer or key)
    return set(keys)


def score_names(documents: list[dict], gold_field: str, tag_type: str, tagger: Tagger) -> Score:
    """People or organisations: a tag is right when its name or a spelling it was found as is a gold name."""
    score = Score()
    for document in documents:
        gold = resolved_names(document[gold_field])
        found = [e for e in tags_of(document, tagger) if e.type == tag_type]
        wrong, hit = [], set()
        for evidence in found:
            keys = {normal_key(evidence.name)} | {normal_key(m.text) for m in evidence.matches}
            if keys & gold:
                hit |= keys & gold
            else:
                wrong.append(evidence.name)
        score.add(document["id"], wrong, sorted(gold - hit), len(found) - len(wrong))
    return score


def place_id_of(evidence: TagEvidence, by_name: Callable[[str], int | None]) -> int | None:
    """The GeoNames id of a place tag: its own when the tagger keys it so, else by its name."""
    return getattr(evidence, "place_id", None) or by_name(evidence.name)


def score_places(documents: list[dict], tagger: Tagger, restricted: set[int] | None,
                 by_name: Callable[[str], int | None], embedded: bool = True) -> tuple[Score, Score]:
    """(places named, countries from demonyms) by GeoNames id; ``restricted``: the ids a gazetteer
    of countries and cities of 15,000 people covers (None: all gold ids count); ``embedded``: whether
    a place met only inside another name ("Washington Post") is wanted."""
    names, demonyms = Score(), Score()
    for document in documents:
        gold = set(document["places"])
        only_embedded = set() if embedded else set(document.get("embedded_places", ()))
        adjectives = set(document["adjective_places"])
        wanted = (gold if restricted is None else gold & restricted) - only_embedded
        wanted_adjectives = (adjectives if restricted is None else adjectives & restricted) - gold
        by_kind: dict[str, dict[int, str]] = {"name": {}, "demonym": {}}
        for evidence in tags_of(document, tagger):
            if evidence.type != "place":
                continue
            demonym = evidence.matches and all(m.kind == "demonym" for m in evidence.matches)
            kind = "demonym" if demonym else "name"
            place = place_id_of(evidence, by_name)
            by_kind[kind][place if place is not None else -len(by_kind[kind]) - 1] = evidence.name
        for score, found, want in ((names, by_kind["name"], wanted), (demonyms, by_kind["demonym"], wanted_adjectives)):
            wrong = [f"{name} ({place})" for place, name in found.items() if place not in gold | adjectives]
            right = len(found) - len(wrong)
            missed = sorted(str(place) for place in want - set(found))
            score.add(document["id"], wrong, missed, right)
    return names, demonyms


def score_topics(tagger: Tagger) -> Score:
    """Topic tags of the hand-labelled paragraphs of the sample digests (``topics.yaml``)."""
    if not (HERE / "topics.yaml").exists():
        return Score()
    labelled = yaml.safe_load((HERE / "topics.yaml").read_text(encoding="utf-8"))["paragraphs"]
    score = Score()
    for number, item in enumerate(labelled, 1):
        gold = {normal_key(t) for t in item.get("topics") or ()}
        found = {normal_key(e.name): e.name for e in tag_article(article_text(item.get("title", ""), item["text"]),
                                                                  tagger) if e.type == "topic"}
        wrong = [name for key, name in found.items() if key not in gold]
        score.add(f"topics-{number}", wrong, sorted(gold - set(found)), len(found) - len(wrong))
    return score


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def evaluate(gold: Path, taxonomy: Path) -> list[tuple[str, Score]]:
    from newsarchive.analysis.tagging.gazetteer import place_id_by_name

    conll = read_jsonl(gold / "conll2003-test.jsonl")
    gwn = read_jsonl(gold / "geowebnews.jsonl")
    lgl_path = gold / "lgl.jsonl"
    covered = gazetteer_ids()
    rows: list[tuple[str, Score]] = []
    with tempfile.TemporaryDirectory() as empty:
        for label, folder in (("rules", Path(empty)), ("curated", taxonomy)):
            tagger = tagger_for(folder)
            rows.append((f"people, CoNLL-2003 test ({label})", score_names(conll, "people", "person", tagger)))
            rows.append((f"organisations, CoNLL-2003 test ({label})",
                         score_names(conll, "organizations", "organization", tagger)))
            places, demonyms = score_places(gwn, tagger, covered, place_id_by_name)
            rows.append((f"places, GeoWebNews restricted ({label})", places))
            rows.append((f"countries from demonyms, GeoWebNews ({label})", demonyms))
            rows.append((f"places, GeoWebNews unrestricted ({label})",
                         score_places(gwn, tagger, None, place_id_by_name)[0]))
            rows.append((f"places, GeoWebNews restricted, not inside names ({label})",
                         score_places(gwn, tagger, covered, place_id_by_name, embedded=False)[0]))
            if label == "curated" and lgl_path.exists():
                lgl = read_jsonl(lgl_path)
                rows.append(("places, LGL restricted (curated)",
                             score_places(lgl, tagger, covered, place_id_by_name)[0]))
            if label == "curated":
                rows.append(("topics, sample digests (curated)", score_topics(tagger)))
    return rows


def table(rows: list[tuple[str, Score]]) -> str:
    lines = [f"{'':60}{'precision':>10}{'recall':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for label, score in rows:
        lines.append(f"{label:60}{score.precision:10.3f}{score.recall:8.3f}{score.tp:6d}{score.fp:6d}{score.fn:6d}")
    return "\n".join(lines)


def worst(rows: list[tuple[str, Score]]) -> str:
    lines = []
    for label, score in rows:
        if "(curated)" not in label or not score.errors:
            continue
        lines.append(f"worst documents, {label}:")
        for _, document, wrong, missed in sorted(score.errors, key=lambda e: (-e[0], e[1]))[:WORST]:
            lines.append(f"  {document}: wrong {', '.join(wrong) or '-'}; missed {', '.join(missed) or '-'}")
    return "\n".join(lines)


def record(rows: list[tuple[str, Score]], note: str) -> None:
    """A dated row per figure in the README's table, above its end marker."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                            check=False).stdout.strip() or "?"
    today = datetime.date.today().isoformat()
    new = [f"| {today} | {commit} | {note} | {label} | {s.precision:.3f} | {s.recall:.3f} |" for label, s in rows]
    text = README.read_text(encoding="utf-8")
    README.write_text(text.replace(TABLE_END, "\n".join(new) + "\n" + TABLE_END), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="the folder benchmarks/tags/prepare.py wrote")
    parser.add_argument("--taxonomy", type=Path, default=REPO / "taxonomy")
    parser.add_argument("--record", metavar="NOTE", help="add this run to the README table with NOTE")
    args = parser.parse_args()
    if not (args.gold / "conll2003-test.jsonl").exists():
        parser.error(f"{args.gold}: no conll2003-test.jsonl; prepare it first (benchmarks/tags/README.md)")
    rows = evaluate(args.gold, args.taxonomy)
    print(table(rows))
    print()
    print(worst(rows))
    if args.record:
        record(rows, args.record)


if __name__ == "__main__":
    main()
