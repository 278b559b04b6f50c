"""One article, however many places it was found.

An article whose original URL is already in the archive, or whose body is near-identical
to one already there (rapidfuzz's ratio over the normalised text), coming from another
input file, is not written again: its provenance is added to the existing article file
(``Digest-2:``, ``Input-Kind-2:`` ..., see ``inputs.provenance``), which is re-stamped with
a new Import-SHA256. A file edited by hand is kept as it is and the run says so.
Articles from the same input file are never merged with each other: re-importing a
file updates its own articles as before.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from rapidfuzz import fuzz, process, utils

from ..content import IMPORT_HASH_FIELD, ArticleFile, _with_import_hash, read_header
from ..escape import unescape_line
from ..files import write_atomically
from ..records import Article, Provenance
from ..writer import ContentWriter, ImportSummary, Outcome
from .provenance import provenance_fields, read_provenance

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
        known = Known(slug, header.get("digest", ""), url_key(header.get("original-url")), text)
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

    def find(self, article: Article, text: str, hashes: set[int]) -> Match | None:
        """An article from another input file that is this one, and why."""
        url = url_key(article.attribution.original_url)
        for slug in self.by_url.get(url, []) if url else []:
            known = self.known.get(slug)
            if known and known.url == url and known.file != article.digest:
                return Match(slug, f"same original URL {article.attribution.original_url}")
        if len(text) < MIN_TEXT:
            return None
        # Only texts that share a good part of the sketch are compared in full: a lookup then
        # costs a few comparisons however large the archive, not one per article.
        shared = self._sharing(hashes)
        needed = max(1, round(len(hashes) * MIN_SHARED_SKETCH))
        choices = {
            slug: k.text for slug in sorted(slug for slug, n in shared.items() if n >= needed)
            if (k := self.known.get(slug)) and k.file != article.digest and k.text
        }
        found = process.extract(text, choices, scorer=fuzz.ratio, processor=None, score_cutoff=SIMILARITY,
                                limit=CANDIDATES)
        if found:
            _, score, slug = max(found, key=lambda hit: hit[1])
            return Match(slug, f"text {score:.0f}% identical")
        return None


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
    return _with_import_hash("\n".join(lines) + "\n\n" + body)


class DuplicateMerger:
    """Places each imported article: written as its own file, or merged into the one it repeats."""

    def __init__(self, writer: ContentWriter):
        self.writer = writer
        self.index = DuplicateIndex()
        for slug, existing in writer.existing.items():
            self.index.add(slug, existing.header, file_text(existing.text))

    def place(self, article: Article, summary: ImportSummary) -> Outcome:
        text = article_text(article)
        hashes = sketch(text) if len(text) >= MIN_TEXT else set()
        match = self.index.find(article, text, hashes)
        if match is not None:
            return self._merge(article, self.writer.existing[match.slug], match, summary)
        self.writer.assign_slug(article)
        before = self.writer.existing.get(article.slug)
        if before is not None and before.digest == article.digest:
            # re-import: keep the places this article was also found
            article.also_found = [e for e in read_provenance(before.header)[1:] if e.file != article.digest]
        outcome = self.writer.write(article, summary)
        written = self.writer.existing.get(article.slug)
        self.index.add(article.slug, written.header if written else {"digest": article.digest}, text, hashes)
        return outcome

    def _merge(self, article: Article, existing: ArticleFile, match: Match, summary: ImportSummary) -> Outcome:
        entries = read_provenance(existing.header)
        new = article.provenance
        place = (new.file, new.record)
        extra = [e for e in entries[1:] if (e.file, e.record) != place]
        replaced = [e for e in entries[1:] if (e.file, e.record) == place]
        if replaced and replaced[0] == new:
            return Outcome.UNCHANGED
        extra.append(new)
        summary.files.append(existing.path)
        what = f"{new.file} ({new.record})" if new.record else new.file
        if existing.edited_by_hand:
            summary.problems.warn(
                str(existing.path), 1,
                f"the article from {what} is already here ({match.reason}), but this file was edited by hand "
                f"since import: kept as it is, without that provenance (add it by hand or delete the file)",
            )
            return Outcome.KEPT
        text = with_entries(existing.text, extra)
        if not self.writer.dry_run:
            write_atomically(existing.path, text)
        self.writer.existing[existing.header.get("slug") or existing.path.stem] = ArticleFile(
            existing.path, text, read_header(text)
        )
        return Outcome.MERGED

