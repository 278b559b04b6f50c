"""One article, however many places it was found; one story, however many outlets ran it.

An article from the same source as one already in the archive, whose original URL is
already there or whose body is near-identical to it (rapidfuzz's ratio over the normalised
text), coming from another input file, is not written again: its provenance is added to the
existing article file (``Digest-2:``, ``Input-Kind-2:`` ..., see ``model.article_file``), which
is re-stamped with a new Import-SHA256. A file edited by hand is kept as it is and the run says so.

Articles from different sources are never merged, whatever their text or URL: a
near-identical body from another outlet is a syndicated copy, written as its own article
with ``Same-Text-As: <slug>`` naming the copies already in the archive (the build links
them both ways and shows a word-level diff). A re-import splits an article that an earlier
version merged across outlets back out of the file it was merged into.

Articles from the same input file are never merged with each other; a re-import updates
each article's own file, found by its identity (``newsarchive.ingest.identity``).
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from rapidfuzz import fuzz, process, utils

from ..model.article_file import (
    IMPORT_HASH_FIELD,
    ArticleFile,
    provenance_fields,
    read_provenance,
    same_text_slugs,
    unescape_line,
    with_import_hash,
)
from ..model.records import Article, Provenance
from .identity import Candidate, Incoming, digest_order, key_of, new_identity, rekeyed
from .identity import match as match_identities
from .writer import ContentWriter, ImportSummary, Outcome

SIMILARITY = 92  # rapidfuzz ratio (0-100) from which two bodies are the same article
MIN_TEXT = 200  # shorter bodies are too short to call two articles the same by text alone
CANDIDATES = 5
SKETCH_SIZE = 16  # hashes kept per text
MIN_SHARED_SKETCH = 0.25  # part of the sketch a candidate must share to be compared in full
SHINGLE_WORDS = 5
COMMON_HASH = 200  # texts sharing a sketch hash from which the hash is boilerplate (see _sharing)
EXTRA_FIELD = re.compile(
    r"^(?:Digest|Digest-Lines|Digest-SHA256|Collected|Input-Kind|Record|Record-SHA256|Captured)-\d+:", re.IGNORECASE
)
TRACKING_PARAMETER = re.compile(r"^(?:utm_|fbclid$|gclid$)", re.IGNORECASE)


def url_key(url: str | None) -> str | None:
    """A URL as compared: no scheme, no www., no fragment, no tracking parameters, no final /."""
    if not url or not url.strip().lower().startswith(("http://", "https://")):
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMETER.match(k)])
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", query, ""))


def article_text(article: Article) -> str:
    return utils.default_process(" ".join(line for block in article.body for line in block.lines))


def file_text(text: str) -> str:
    """The body of an article file as plain text, as ``article_text`` gives it."""
    _, _, body = text.partition("\n\n")
    lines = [unescape_line(line.removeprefix("## ")) for line in body.splitlines() if line.strip()]
    return utils.default_process(" ".join(lines))


@dataclass
class Known:
    """An article in the archive as the duplicate search sees it."""

    slug: str
    file: str  # the input file it was first imported from
    url: str | None
    text: str
    source: str | None = None
    same_text: frozenset[str] = frozenset()  # the slugs its Same-Text-As names


@dataclass
class Match:
    slug: str
    reason: str


def sketch(text: str) -> set[int]:
    """A bottom-k sketch of the text's word 5-grams: near-identical texts share most of it."""
    words = text.split()
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    # crc32: fast, and the same in every process (Python's hash() is salted per run)
    return set(heapq.nsmallest(SKETCH_SIZE, (zlib.crc32(s.encode()) for s in shingles)))


@dataclass
class DuplicateIndex:
    """Known articles by URL and by text sketch, so that a lookup compares a few texts, not all."""

    known: dict[str, Known] = field(default_factory=dict)
    by_url: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_sketch: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, slug: str, header: dict[str, str], text: str, hashes: set[int] | None = None) -> None:
        same_text = frozenset(same_text_slugs(header.get("same-text-as", "")))
        known = Known(slug, header.get("digest", ""), url_key(header.get("original-url")), text,
                      header.get("source"), same_text)
        self.known[slug] = known
        if known.url:
            self.by_url[known.url].append(slug)
        if len(text) >= MIN_TEXT:
            for value in hashes if hashes is not None else sketch(text):
                self.by_sketch[value].add(slug)

    def _sharing(self, hashes: set[int]) -> Counter[str]:
        """How many of ``hashes`` each known article's sketch has.

        A hash that hundreds of texts share comes from boilerplate (a dateline, a sign-off):
        walking its texts for every lookup made an import quadratic (16 minutes for 100,000
        articles). So only the rare hashes are walked, and the common ones are counted for the
        articles found that way, by a set lookup each. An article sharing only common hashes
        with this one is not a candidate, unless this text has no rare hash at all.
        """
        buckets = [self.by_sketch.get(value, ()) for value in hashes]
        rare = [bucket for bucket in buckets if len(bucket) <= COMMON_HASH]
        if not rare:
            return Counter(slug for bucket in buckets for slug in bucket)
        shared = Counter(slug for bucket in rare for slug in bucket)
        for bucket in buckets:
            if len(bucket) > COMMON_HASH:
                for slug in shared:
                    if slug in bucket:
                        shared[slug] += 1
        return shared

    def _alike(self, text: str, hashes: set[int], keep) -> list[tuple[str, float]]:
        """Known articles (those ``keep`` accepts) whose text is near-identical to ``text``, best first."""
        if len(text) < MIN_TEXT:
            return []
        # Only texts that share a good part of the sketch are compared in full: a lookup then
        # costs a few comparisons however large the archive, not one per article.
        shared = self._sharing(hashes)
        needed = max(1, round(len(hashes) * MIN_SHARED_SKETCH))
        choices = {
            slug: k.text for slug in sorted(slug for slug, n in shared.items() if n >= needed)
            if (k := self.known.get(slug)) and k.text and keep(k)
        }
        found = process.extract(text, choices, scorer=fuzz.ratio, processor=None, score_cutoff=SIMILARITY,
                                limit=CANDIDATES)
        return [(slug, score) for _, score, slug in sorted(found, key=lambda hit: (-hit[1], hit[2]))]

    def find(self, article: Article, text: str, hashes: set[int]) -> Match | None:
        """An article of the same source from another input file that is this one, and why."""
        source = article.attribution.source
        url = url_key(article.attribution.original_url)
        for slug in self.by_url.get(url, []) if url else []:
            known = self.known.get(slug)
            if known and known.url == url and known.file != article.digest and same_outlet(known.source, source):
                return Match(slug, f"same original URL {article.attribution.original_url}")
        found = self._alike(text, hashes, lambda k: k.file != article.digest and same_outlet(k.source, source))
        if found:
            slug, score = found[0]
            return Match(slug, f"text {score:.0f}% identical")
        return None

    def syndicated(self, article: Article, text: str, hashes: set[int]) -> list[str]:
        """Articles of other outlets with near-identical text that do not name this one already."""
        source = article.attribution.source

        def other_outlet(known: Known) -> bool:
            return (known.slug != article.slug and not same_outlet(known.source, source)
                    and article.slug not in known.same_text)

        return sorted(slug for slug, _ in self._alike(text, hashes, other_outlet))


def place_name(entry: Provenance) -> str:
    """An input file, with the record in it when it has several: ``feed.rss (entry 7)``."""
    return f"{entry.file} ({entry.record})" if entry.record else entry.file


def same_record(a: Provenance, b: Provenance) -> bool:
    """Whether two entries are one record of one input: the same place in it, or the same text."""
    return a.file == b.file and (a.record == b.record or a.sha256 == b.sha256)


def same_outlet(a: str | None, b: str | None) -> bool:
    """Whether two sources are one outlet (two unknown sources count as one: nothing tells them apart)."""
    return (a or "").casefold() == (b or "").casefold()


def with_entries(text: str, extra: list[Provenance]) -> str:
    """An article file's text with ``extra`` as its provenance entries 2, 3 ... and a new hash."""
    header, _, body = text.partition("\n\n")
    lines = [
        line for line in header.splitlines()
        if not EXTRA_FIELD.match(line) and not line.startswith(IMPORT_HASH_FIELD + ":")
    ]
    added = [f"{name}: {' '.join(value.split())}" for number, entry in enumerate(extra, start=2)
             for name, value in provenance_fields(entry, number) if value]
    at = next((i for i, line in enumerate(lines) if line.lower().startswith("slug:")), len(lines))
    lines[at:at] = added
    return with_import_hash("\n".join(lines) + "\n\n" + body)


class DuplicateMerger:
    """Places each imported article: in the file it was, as a new file, or merged into the one it repeats."""

    def __init__(self, writer: ContentWriter):
        self.writer = writer
        self.index = DuplicateIndex()
        self.identities = {f.identity for f in writer.existing.values() if f.identity}
        # (input file, record or hash) of each merged entry -> the files holding it
        self.carriers: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.carriers_of: dict[str, set[str]] = defaultdict(set)  # input file -> files holding entries of it
        # the files each input gave (files from before identities, by their Digest): looked up once per input
        self.by_input: dict[str, list[str]] = defaultdict(list)
        self.by_name: dict[str, list[str]] = defaultdict(list)  # by Digest alone
        self.seen: list[Provenance] = []  # every record placed in this run
        for slug, existing in writer.existing.items():
            self.index.add(slug, existing.header, file_text(existing.text))
            self._note_entries(slug, existing)
            self.by_input[key_of(existing)].append(slug)
            self.by_name[existing.digest or ""].append(slug)

    def _note_entries(self, slug: str, file: ArticleFile) -> None:
        for entry in read_provenance(file.header)[1:]:
            self.carriers[(entry.file, entry.record or "")].add(slug)
            self.carriers[(entry.file, entry.sha256)].add(slug)
            self.carriers_of[entry.file].add(slug)

    def place_input(self, articles: list[Article], key: str, summary: ImportSummary) -> list[ArticleFile]:
        """Place the articles of one input; return the files of that input none of them is."""
        if not articles:
            return []
        name = articles[0].digest
        slugs = {*self.by_input.get(key, ()), *self.by_input.get(name, ())}
        files = sorted(
            (f for slug in slugs if (f := self.writer.existing.get(slug)) is not None
             and (key_of(f) == key or (not f.identity and f.digest == name))),
            key=digest_order,
        )
        moved = not files and key != name  # outside the site, and no file names this folder: moved?
        if moved:
            files = sorted((f for slug in self.by_name.get(name, ()) if (f := self.writer.existing.get(slug))),
                           key=digest_order)
        candidates = [Candidate(f, f.title, self.index.known[f.slug].text) for f in files if f.slug in self.index.known]
        texts = [article_text(article) for article in articles]
        incoming = [Incoming(a.title, t) for a, t in zip(articles, texts, strict=True)]
        found = match_identities(incoming, candidates, same_text_only=moved)
        for number, (article, text) in enumerate(zip(articles, texts, strict=True)):
            prior = found.get(number)
            summary.outcomes[self.place(article, text, key, summary, prior.file if prior else None)] += 1
        if moved:
            return []  # the files left may be another input's of the same name: none is gone for this one
        matched = {id(c.file) for c in found.values()}
        return [c.file for c in candidates if id(c.file) not in matched]

    def place(
        self, article: Article, text: str, key: str, summary: ImportSummary, prior: ArticleFile | None = None
    ) -> Outcome:
        hashes = sketch(text) if len(text) >= MIN_TEXT else set()
        self.seen.append(article.provenance)
        if prior is None:
            match = self.index.find(article, text, hashes)
            if match is not None:
                return self._merge(article, self.writer.existing[match.slug], match, summary)
            article.identity = new_identity(key, text, article.title, self.identities)
            self.writer.assign_slug(article)
        else:
            article.slug = prior.slug
            article.identity = (
                rekeyed(prior.identity, key) if prior.identity and "#" in prior.identity
                else new_identity(key, text, article.title, self.identities)
            )  # the key follows an input whose folder moved
            # keep the places this article was also found
            article.also_found = [e for e in read_provenance(prior.header)[1:] if e.file != article.digest]
        self._split(article, summary)
        article.same_text_as = self.index.syndicated(article, text, hashes)
        outcome = self.writer.write(article, summary)
        written = self.writer.existing.get(article.slug)
        if prior is not None and outcome is Outcome.WRITTEN and written is not None:
            if prior.title != " ".join(article.title.split()):  # as the header holds it
                summary.notes.append(f"{written.path}: title now {article.title!r} (was {prior.title!r}); "
                                     f"file name and URL kept")
            if prior.path != written.path:
                summary.notes.append(f"{prior.path}: moved to {written.path} (its date changed); URL kept")
        if prior is None and outcome is Outcome.WRITTEN and written is not None and article.same_text_as:
            summary.notes.append(
                f"{written.path}: same text as {', '.join(article.same_text_as)} from another outlet; "
                f"kept as {article.attribution.source or 'an unknown source'}'s own article and linked"
            )
        header = written.header if written else {"digest": article.digest, "source": article.attribution.source}
        self.index.add(article.slug, header, text, hashes)
        if prior is None:
            self.by_input[key].append(article.slug)
            self.by_name[article.digest].append(article.slug)
        return outcome

    def _split(self, article: Article, summary: ImportSummary) -> None:
        """Take this article's entry out of a file of another outlet an earlier version merged it into."""
        new = article.provenance
        places = [(new.file, new.record or ""), (new.file, new.sha256)]
        holders = set().union(*(self.carriers.get(place, set()) for place in places))
        for slug in sorted(holders - {article.slug}):
            holder = self.writer.existing.get(slug)
            if holder is None:
                continue
            entries = read_provenance(holder.header)
            kept = [e for e in entries[1:] if not same_record(e, new)]
            if len(kept) == len(entries) - 1:
                continue
            what = place_name(new)
            if holder.edited_by_hand:
                summary.problems.warn(
                    str(holder.path), 1,
                    f"holds the article from {what} ({article.attribution.source or 'unknown source'}) as merged "
                    f"provenance, but was edited by hand: kept as it is (remove that entry by hand)",
                )
                continue
            rewritten = self.writer.rewrite(holder, with_entries(holder.text, kept), summary)
            if rewritten is not None:
                summary.files.append(holder.path)
                summary.changes.append(holder.path)
                summary.notes.append(
                    f"{holder.path}: the article from {what} ({article.attribution.source or 'unknown source'}) "
                    f"is another outlet's; split out of this file, where an earlier version merged it"
                )
                for place in places:
                    self.carriers[place].discard(slug)

    def stale_entries(self, name: str, prune: bool, summary: ImportSummary) -> None:
        """Name (with ``prune``, remove) the merged provenance entries of input ``name`` that no record of it
        placed in this run is any more."""
        seen = [entry for entry in self.seen if entry.file == name]
        holders = sorted(self.carriers_of.get(name, ()))
        for slug in holders:
            holder = self.writer.existing.get(slug)
            if holder is None:
                continue
            entries = read_provenance(holder.header)
            stale = [e for e in entries[1:] if e.file == name and not any(same_record(e, s) for s in seen)]
            if not stale:
                continue
            names = ", ".join(place_name(e) for e in stale)
            if not prune or holder.edited_by_hand:
                why = "; --prune removes the entry" if not prune else ", but the file was edited by hand: kept"
                summary.problems.warn(str(holder.path), 0, f"its provenance names {names}, no longer there{why}")
                continue
            kept = [e for e in entries[1:] if e not in stale]
            if self.writer.rewrite(holder, with_entries(holder.text, kept), summary) is not None:
                summary.changes.append(holder.path)
                summary.notes.append(f"{holder.path}: provenance {names} removed (no longer there; --prune)")
                for entry in stale:
                    self.carriers[(entry.file, entry.record or "")].discard(slug)
                    self.carriers[(entry.file, entry.sha256)].discard(slug)

    def _merge(self, article: Article, existing: ArticleFile, match: Match, summary: ImportSummary) -> Outcome:
        entries = read_provenance(existing.header)
        new = article.provenance
        # the entry of this record, found by its place or, when lines moved, by its hash
        extra = [e for e in entries[1:] if not same_record(e, new)]
        replaced = [e for e in entries[1:] if same_record(e, new)]
        if replaced and replaced[0] == new:
            return Outcome.UNCHANGED
        extra.append(new)
        summary.files.append(existing.path)
        what = place_name(new)
        if existing.edited_by_hand:
            summary.problems.warn(
                str(existing.path), 1,
                f"the article from {what} is already here ({match.reason}), but this file was edited by hand "
                f"since import: kept as it is, without that provenance (add it by hand or delete the file)",
            )
            return Outcome.KEPT
        rewritten = self.writer.rewrite(existing, with_entries(existing.text, extra), summary)
        if rewritten is None:
            return Outcome.FAILED
        summary.changes.append(existing.path)
        self._note_entries(existing.slug, rewritten)
        return Outcome.MERGED
