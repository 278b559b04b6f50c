"""People nobody listed: names found by rules, each with the rule that found it.

A run of two to four capitalised words (Arabic particles such as "al-", "bin", "Abdel" and
European ones such as "de", "van" allowed inside) is taken for a person's name when:

- its first word is a known first name: the US Census Bureau's 1990 first-name lists (public
  domain, shipped by the ``names`` package) and ``FIRST_NAMES`` below, names common in the
  international news this tool archives that those lists lack; first names that are also
  common words ("Will", "Grant") or places ("Jordan") are not enough alone;
- or a title or role comes just before it ("Dr.", "President", "spokesman", "striker");
- or an attribution verb comes just before or after it ("said Rami Abdel Rahman", "Lavrov said").

A run with a word that names an organisation or a place ("Party", "Army", "City") is not a
person. Later in the article the surname alone ("Abdel Rahman", "Lavrov") counts as the
same person (``tagger.py`` looks for it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .demonyms import DEMONYMS
from .gazetteer import COUNTRY_ALIASES, country_names
from .normalize import normal_key

# First names common in international news that the 1990 US Census lists lack. Written for
# this project (Arabic, Persian, Turkish, Russian, other European and Asian given names).
FIRST_NAMES = frozenset(
    """
    Abdullah Abdulrahman Abdel Abdul Abu Adnan Ahmad Ahmet Akram Ali Amer Amin Amir Ammar Anas Anwar Ashraf
    Ayman Bashar Bassam Bassel Bilal Fadi Faisal Farouk Fawaz Fouad Ghassan Hadi Haider Hamid Hamza Hani
    Haris Hasan Hassan Hisham Hussein Ibrahim Imad Ismail Issa Jamal Jihad Kamal Karim Khaled Khalid Mahmoud
    Majid Marwan Mazen Mohamed Mohammad Mohammed Muhammad Mustafa Nabil Nader Nasser Nizar Omar Osama Qasem
    Qassem Rami Riad Riyad Saad Saeed Said Salah Salem Salim Sami Samir Sayed Sharif Suleiman Talal Tarek
    Tariq Walid Wael Yasser Yasin Yousef Youssef Zaid Zakaria Ziad Javad Hassan Mahmoud Ruhollah Mahmud
    Recep Ahmet Mevlut Binali Kemal Bülent Ekrem Sergei Sergey Vladimir Dmitry Dmitri Mikhail Alexei Alexey
    Andrei Igor Oleg Yuri Boris Nikolai Viktor Vitaly Yevgeny Maria Olga Svetlana Irina Tatiana Ramzan
    Staffan Jens Lars Anders Angela Emmanuel François Jacques Jean Laurent Nicolas Sigmar Frank-Walter Wolfgang
    Helmut Matteo Giuseppe Silvio Paolo Federica Mariano Pedro Jose Luis Juan Carlos Miguel Javier Diego
    Xi Li Wang Zhang Shinzo Kim Moon Narendra Imran Nawaz Ashraf Ban Antonio António Kofi Boutros Ehud Benjamin
    Avigdor Naftali Yitzhak Shimon Ariel Mahmoud Ismail Hosni Abdel-Fattah Bashir Omar Ghani Hamid
    """.split()
)
# First names in the Census lists that are as often a common word, a month or a place: enough with a
# title or attribution, not alone.
AMBIGUOUS_FIRST_NAMES = frozenset(
    """
    will may june april august mark grant bill rose joy hope faith grace summer autumn dawn iris ruby pearl
    amber crystal angel an long young ray lane page chase chance clay dale dean gay glen guy hunter king
    lord major miles norman price rich rod ross royal sky sterling wade ward west white frank jack jean
    art bob buck carol chuck cliff don drew earl ernest golden gene hall hank harry heath holly ivory jade
    jewel lee lou love lucky marshall mason max may mercy merry ocean olive pat penny rocky sandy saint
    shannon sonny star storm tommy van vernon victor violet wiley will winter young china asia india
    georgia virginia carolina florence victoria jordan paris london sydney israel dakota kenya africa
    """.split()
)
TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor president vice minister premier chancellor sheikh shaikh emir king queen
    prince princess pope imam ayatollah rabbi father sister general gen lieutenant lt colonel col major maj
    captain capt sergeant sgt commander brigadier marshal admiral senator sen rep representative congressman
    congresswoman governor gov mayor judge justice ambassador envoy secretary spokesman spokeswoman spokesperson
    chairman chairwoman chief director head leader coach manager striker midfielder defender goalkeeper
    forward captain batsman bowler keeper champion officer sir lady lord dame reporter correspondent
    journalist activist opposition deputy foreign prime
    """.split()
)
ATTRIBUTION = frozenset("said says told tells added adds stated declared explained wrote according asked".split())
# Words that make a capitalised run an organisation, a place or a thing, not a person.
NOT_PERSON_WORDS = frozenset(
    """
    party army forces force council committee union bank corporation corp inc ltd co company group agency
    association organisation organization front brigade brigades battalion movement university college school
    court commission federation club airlines airways news times post press agency ministry department office
    government republic kingdom state states city province governorate county district region river mountains
    street road square airport hospital church mosque cathedral museum hotel stadium centre center cup league
    championship open games olympics festival conference summit treaty accord plan act bill day week
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december international national united new north south east west
    northern southern eastern western islamic arab democratic people popular liberation revolutionary
    observatory network channel television radio tv service services institute foundation fund programme
    program project council parliament assembly congress senate house cabinet police guard guards navy
    air command unit units rights human watch crescent cross red brothers partnership exchange hub
    catholic christian muslim moslem jewish re jr sr gold society trust coast point peak mountain mount board
    queen black white green brown jews africa america asia europe lane avenue way drive close place row
    terrace grove walk wharf quay mill hill bridge park gardens field fields bay harbour harbor port
    base camp airbase barracks checkpoint artillery academy school team racing motorsport athletic athletico
    """.split()
)
PARTICLES = r"(?:al|el|bin|ibn|abu|abdel|abdul|de|da|di|del|van|von|der|den|du|la|le|bint|ben)"
# A name word: a capital, then letters (an apostrophe or a hyphen inside, "O'Brien", "Ki-moon").
_AFTER_CAPITAL = r"[a-z\u00e0-\u024f]+(?:['\u2019-][A-Za-z\u00e0-\u024f]+)*"
_WORD = rf"[A-Z]{_AFTER_CAPITAL}"
_JOINED = rf"(?:{PARTICLES}[-\u2010 ])?{_WORD}"
# The capital first, then what may not come before it: the pattern then starts with a character set,
# which the regex engine skips to quickly (a look-behind first is tried at every character).
_FIRST_WORD = rf"[A-Z](?<![\w'\u2019-].){_AFTER_CAPITAL}"
NAME_RUN = re.compile(rf"{_FIRST_WORD}(?:[ \t]+{_JOINED}|-{_WORD}){{1,3}}(?![\w-])")
# "S. Warne", "J.R. Smith": initials before a capitalised word.
INITIALS_NAME = re.compile(rf"(?<![\w.])((?:[A-Z]\.[ ]?){{1,2}})[ \t]*({_WORD})(?![\w-])")
_WORD_AFTER = re.compile(r",?[ \t]+([a-z]+)")
# The patterns used on every name found, compiled once (not looked up in ``re``'s cache each time).
NAME_WORD_BREAK = re.compile(r"[ \-\u2010]+")
_HYPHEN = re.compile(r"[-\u2010]")
_NON_SPACE = re.compile(r"\S+")
_LEADING_PARTICLE = re.compile(rf"^{PARTICLES}[-\u2010]", re.IGNORECASE)


def _initials_names(text: str):
    """``INITIALS_NAME`` matches, tried only at the full stops after a capital letter: a text has a
    few of those, and the pattern tried at every character cost as much as the rest of the rule."""
    position = text.find(".", 1)
    while position >= 0:
        if text[position - 1].isupper():
            start = position - 1
            if start >= 2 and text[start - 1] == "." and text[start - 2].isupper():
                start -= 2  # "J.R. Smith": the first initial; the same match is met again at its second
            elif start >= 3 and text[start - 1] == " " and text[start - 2] == "." and text[start - 3].isupper():
                start -= 3
            match = INITIALS_NAME.match(text, start)
            if match:
                yield match
                position = match.end()
        position = text.find(".", position + 1)


def _word_before(text: str, start: int) -> str:
    """The word just before ``start`` on its line (past spaces, a comma or a full stop), or ""."""
    window = text[max(0, start - 40):start]
    if window[-1:] not in (" ", "\t"):
        return ""
    words = window.rstrip(" \t").rstrip(",.").rsplit(None, 1)
    word = words[-1] if words else ""
    return word if word.isascii() and word.isalpha() else ""


@lru_cache(maxsize=65536)
def _key(name: str) -> str:
    """``normal_key``, remembered: the same capitalised runs recur across a site's articles."""
    return normal_key(name)


@dataclass(frozen=True)
class FoundPerson:
    """A name found by a rule: where, as written, and why it is taken for a person."""

    start: int
    end: int
    name: str
    reason: str


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Known first names in lower case: the Census lists and ``FIRST_NAMES``."""
    found = {name.casefold() for name in FIRST_NAMES}
    folder = resources.files("names")
    for file in ("dist.male.first", "dist.female.first"):
        for line in folder.joinpath(file).read_text(encoding="ascii").splitlines():
            if line.strip():
                found.add(line.split()[0].casefold())
    return frozenset(found)


COMMON_SURNAMES = 5000  # of the Census list, most frequent first


@lru_cache(maxsize=1)
def _surname_lines() -> list[str]:
    """The lines of the US Census 1990 surname list, most frequent first (read once for both sets below)."""
    return resources.files("names").joinpath("dist.all.last").read_text(encoding="ascii").splitlines()


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """The most frequent surnames of the US Census 1990 list, in lower case ("taylor", "allen")."""
    return frozenset(line.split()[0].casefold() for line in _surname_lines()[:COMMON_SURNAMES] if line.strip())


@lru_cache(maxsize=1)
def all_surnames() -> frozenset[str]:
    """Every surname of the US Census 1990 list (88,799), in lower case."""
    return frozenset(line.split()[0].casefold() for line in _surname_lines() if line.strip())


def _sentence_opening(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence or a line (where any word has a capital)."""
    before = text[max(0, start - 3):start].rstrip(" \t\"'\u201c\u2018(")
    return not before or before[-1] in ".!?:\n"


def find_people(text: str, known_not_people: frozenset[str] = frozenset()) -> list[FoundPerson]:
    """The people ``text`` names by the rules above, in order; ``known_not_people``: names in normal
    form that the taxonomy or the gazetteer gives to something else (never a person)."""
    found = []
    names = first_names()
    capitals: dict[int, bool] = {}
    for run in NAME_RUN.finditer(text):
        if not _may_be_a_person(text, run, names, known_not_people):
            continue
        start, end, title = _name_proper(text, run.start(), run.end(), known_not_people)
        name = " ".join(text[start:end].split())
        words = NAME_WORD_BREAK.split(name)
        lowered = [w.casefold() for w in words]
        if len(name.split()) < 2 or any(w in NOT_PERSON_WORDS for w in lowered) or lowered[0] in _PARTICLE_WORDS:
            continue
        if _key(name) in known_not_people or all_capitals_line(text, start, capitals):
            continue
        before = "" if title else _word_before(text, start)
        after = _WORD_AFTER.match(text, end, end + 20)
        word_before = before.casefold()
        if title or word_before in TITLES:
            reason = f"the title or role {title or before!r} comes before it"
        elif word_before in ATTRIBUTION or (after and after.group(1) in ATTRIBUTION):
            verb = before if word_before in ATTRIBUTION else after.group(1)
            reason = f"the attribution verb {verb!r} comes next to it"
        elif lowered[0] in names and lowered[0] not in AMBIGUOUS_FIRST_NAMES and lowered[0] not in known_not_people:
            reason = f"{words[0]!r} is a known first name"
        elif (len(words) == 2 and lowered[-1] in all_surnames() and lowered[-1] not in known_not_people
              and lowered[0] not in known_not_people and lowered[0] not in AMBIGUOUS_FIRST_NAMES
              and lowered[0] not in _DEMONYM_WORDS and not lowered[0].endswith("man")
              and not _sentence_opening(text, start)):
            reason = f"{words[-1]!r} is a surname of the Census list, after a capitalised word mid-sentence"
        else:
            reason = _results_line(text, start, end)
            if not reason:
                continue
        found.append(FoundPerson(start, end, name, reason))
    if any(mark in text for mark in _SCORECARD_MARKS):  # a scorecard's lines: cheap to rule out first
        _scorecard_people(text, found)
    _scorers(text, found, known_not_people)
    for run in _initials_names(text):
        initials, last = run.group(1), run.group(2)
        if (_key(initials) in known_not_people or _key(last) in known_not_people
                or last.casefold() in NOT_PERSON_WORDS or last.casefold() in TITLES
                or all_capitals_line(text, run.start(), capitals)
                or any(p.start <= run.start() < p.end for p in found)):
            continue
        found.append(FoundPerson(run.start(), run.end(), " ".join(run.group().split()),
                                 "initials come before a capitalised word"))
    found.sort(key=lambda p: p.start)
    return found


# Newswire results and scorecards, where names stand with neither title nor verb:
# "1. Katja Seizinger (Germany) 180 points", "Ijaz Ahmad c Spearman b Vaughan 59", "Bowling: Doull 8-1-60-0".
_RANK = re.compile(r"[ \t]*(?:\d{1,3}[.=)]?[ \t]+)?")
_SQUAD_NUMBER = re.compile(r"[:,;][ \t]*\d{1,2}[ \t]+-[ \t]+$")
_COUNTRY_IN_BRACKETS = re.compile(r"[ \t]*\(([A-Z][A-Za-z. ]{1,30})\)")
_SCORECARD_MARKS = (" not out", " run out", " lbw ", "Bowling:", " st ")
_NAME = r"[A-Z][a-z'\u2019-]+(?:[ \t]+[A-Z][a-z'\u2019-]+){0,2}(?!\w)"
_BATSMAN_LINE = re.compile(
    rf"^[ \t]*(?:[A-Z]\.[ ]?)*({_NAME})[ \t]+(?:(?:c|st)[ \t]+({_NAME})[ \t]+)?"
    rf"(?:b[ \t]+({_NAME})|lbw\b|run out|not out|retired)", re.MULTILINE)
_BOWLER = re.compile(rf"({_NAME})[ \t]+\d+(?:\.\d)?-\d+-\d+-\d+")


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    """Countries' names and the other names news gives them, in normal form ("germany", "u.s.")."""
    names = [*country_names().values(), *(alias for aliases in COUNTRY_ALIASES.values() for alias in aliases)]
    return frozenset(normal_key(name) for name in names)


def _results_line(text: str, start: int, end: int) -> str:
    """Why a name that opens a line of results is a person ("3. Carole Montillet (France) 86"), or one of
    a line-up with squad numbers ("Japan: 19 - Kenichi Shimokawa, 2 - Hiroshige Yanagimoto"), or ""."""
    if _SQUAD_NUMBER.search(text, max(0, start - 12), start):
        return "a line-up: a squad number comes before it"
    line_start = text.rfind("\n", 0, start) + 1
    if not _RANK.fullmatch(text, line_start, start):
        return ""
    country = _COUNTRY_IN_BRACKETS.match(text, end)
    if country and _key(country.group(1)) in _country_keys():
        return f"a line of results: a name, then its country {country.group(1)!r} in brackets"
    return ""


# "Arsenal 2 (Adams 45, Vieira 90)": the scorers and the minutes of their goals, after a team's score.
_AFTER_A_SCORE = re.compile(r"\((?<=\d \()([^()]{3,200})\)")  # starts with "(": quick to search for
_SCORER = re.compile(r"([A-Z][a-z'\u2019-]+(?: [A-Z][a-z'\u2019-]+)?) \d{1,3}(?: (?:pen|og))?")
_MINUTE = re.compile(r"\d{1,3}(?: (?:pen|og))?")


def _scorers(text: str, found: list[FoundPerson], not_people: frozenset[str]) -> None:
    """The scorers listed in brackets after a team's score, added to ``found``; every item of the list
    must be a name and a minute, or a minute alone (a second goal), else it is some other bracket."""
    for bracket in _AFTER_A_SCORE.finditer(text):
        items = [" ".join(item.split()) for item in bracket.group(1).split(",")]
        names = [_SCORER.fullmatch(item) for item in items]
        if not any(names) or not all(name or _MINUTE.fullmatch(item) for name, item in zip(names, items, strict=True)):
            continue
        scorers = [name for name in names if name]
        if 2 * sum(_key(name.group(1)) in not_people for name in scorers) > len(scorers):
            continue  # mostly places: "(Tokyo 3, Osaka 4)"; a scorer spelt like a town ("Adams") still counts
        position = bracket.start(1)
        for name in scorers:
            start = text.find(name.group(1).split()[0], position)
            end = start + len(name.group(1)) if " " not in name.group(1) else text.find(
                name.group(1).split()[-1], start) + len(name.group(1).split()[-1])
            position = end
            if name.group(1).casefold() in NOT_PERSON_WORDS or any(p.start < end and start < p.end for p in found):
                continue
            found.append(FoundPerson(start, end, name.group(1), "a list of scorers with the minutes of their goals"))


def _scorecard_people(text: str, found: list[FoundPerson]) -> None:
    """The batsmen, fielders and bowlers of a cricket scorecard's lines, added to ``found``."""
    taken = {(p.start, p.end) for p in found}
    spans = []
    for line in _BATSMAN_LINE.finditer(text):
        spans += [line.span(group) for group in (1, 2, 3) if line.group(group)]
    spans += [bowler.span(1) for bowler in _BOWLER.finditer(text)]
    for start, end in spans:
        name = " ".join(text[start:end].split())
        # a gazetteer's town is still a player here ("Vaughan 9-1-55-1"): the shape of the line decides
        if (start, end) in taken or name.casefold() in NOT_PERSON_WORDS or name.casefold() in TITLES:
            continue
        if any(p.start < end and start < p.end for p in found):
            continue
        if " " not in name and any(surname(p.name) == name for p in found):
            continue  # "c Adams" after the batsman "Jimmy Adams": his surname (``resolve.py`` links it)
        taken.add((start, end))
        found.append(FoundPerson(start, end, name, "a cricket scorecard names the players"))


# Capitalised words that open a sentence or a run without being part of a name.
_OPENING_WORDS = frozenset(
    """
    the a an in on at but and or when after before as if while since during yesterday today then there
    this that these those his her their its our we they he she it i also meanwhile however although
    former late new veteran top senior acting interim outgoing incoming one two three four five six seven
    eight nine ten in-form later earlier now here meanwhile instead still only even
    """.split()
)
_PARTICLE_WORDS = frozenset("al el bin ibn de da di del van von der den du la le".split())
_DEMONYM_WORDS = frozenset(w.casefold() for words in DEMONYMS.values() for w in words)


def _may_be_a_person(text: str, run: re.Match, names: frozenset[str], not_people: frozenset[str]) -> bool:
    """A quick first look, so that most capitalised runs (places, organisations) cost little: a known
    first name, a title or role in or before the run, or an attribution verb next to it."""
    words = run.group().split()
    if any(w.casefold().rstrip(".,") in names or w.casefold().rstrip(".") in TITLES for w in words) or (
            len(words) == 2 and words[-1].casefold() in all_surnames()):
        return _key(run.group()) not in not_people
    before = _word_before(text, run.start()).casefold()
    after = _WORD_AFTER.match(text, run.end(), run.end() + 20)
    return before in TITLES or before in ATTRIBUTION or bool(after and after.group(1) in ATTRIBUTION) or (
        text.startswith((" (", "\t("), run.end())) or (  # a line of results, perhaps (``_results_line``)
        text[run.start() - 2:run.start()] == "- ")  # or a line-up


def _name_proper(text: str, start: int, end: int, not_people: frozenset[str]) -> tuple[int, int, str]:
    """The part of a capitalised run that may be a name: after the last title ("Finance Minister
    Eduardo Aninat"), possessive ("Budapest Bank's Sandor Tolonics"), demonym or opening word,
    without a possessive "'s" or a known place at its end; and the last title passed."""
    spans = [(m.start() + start, m.end() + start) for m in _NON_SPACE.finditer(text[start:end])]
    first, title = 0, ""
    for index, (b, e) in enumerate(spans[:-1]):
        word = text[b:e]
        parts = [p.casefold().rstrip(".") for p in _HYPHEN.split(word)]
        if any(p in TITLES for p in parts):
            first, title = index + 1, word
        elif word.endswith(("'s", "\u2019s")):
            first, title = index + 1, ""
        elif index == first and (parts[0] in _OPENING_WORDS or parts[0] in _DEMONYM_WORDS):
            first = index + 1
    spans = spans[first:]
    while len(spans) > 1 and _key(text[spans[-1][0]:spans[-1][1]]) in not_people \
            and text[spans[-2][0]:spans[-2][1]] not in _PARTICLE_WORDS:  # "Roger van Boxtel" keeps its place
        spans.pop()  # "Dmitri Dashinski Belarus": the country is not part of the name
    if not spans:
        return end, end, title
    last_end = spans[-1][1]
    if text[spans[-1][0]:last_end].endswith(("'s", "\u2019s")):
        last_end -= 2
    return spans[0][0], last_end, title


@lru_cache(maxsize=65536)
def surname(name: str) -> str:
    """The part of a name that may stand alone later: its last word, with a particle before it
    ("al-Assad" gives "Assad", "Abdel Rahman" gives "Abdel Rahman")."""
    words = name.split()
    if len(words) >= 3 and words[-2].casefold() in ("abdel", "abdul", "abu", "bin", "ibn", "de", "van", "von"):
        return " ".join(words[-2:])
    last = words[-1]
    return _LEADING_PARTICLE.sub("", last)


def all_capitals_line(text: str, index: int, known: dict[int, bool] | None = None) -> bool:
    """Whether the line holding ``index`` is written in capitals (a headline, a dateline);
    ``known``: the answers so far for this text, by line start, so each line is read once."""
    start = text.rfind("\n", 0, index) + 1
    if known is not None and start in known:
        return known[start]
    end = text.find("\n", index)
    answer = text[start:end if end >= 0 else None].isupper()
    if known is not None:
        known[start] = answer
    return answer
