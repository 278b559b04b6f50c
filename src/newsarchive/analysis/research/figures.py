"""Figures reported in an article: casualty and quantity claims with who made them.

"Russia says 62 Syrian forces have been killed" gives a :class:`Figure` with the value 62,
no qualifier, "Syrian forces" counted, the outcome "killed" and the speaker "Russia". The
rules are patterns over one sentence at a time, written for news prose in English:

- ``<qualifier> <number> <what> [were|have been ...] <outcome>``: "at least 80 soldiers were killed";
- ``<outcome> <qualifier> <number> [<what>]``: "killing 5", "killed at least 70 civilians";
- the speaker is named in the sentence ("X says ...", "..., X said", "said a statement",
  "according to X"), or, for a quotation, elsewhere in its paragraph.

Numbers are digits ("1,200") or words ("Sixty-two", "a hundred", "a dozen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Outcome words as written -> the outcome shown in the table.
OUTCOMES = {
    "killed": "killed",
    "killing": "killed",
    "murdered": "killed",
    "murdering": "killed",
    "martyred": "killed",
    "martyring": "killed",
    "dead": "killed",
    "died": "killed",
    "injured": "injured",
    "injuring": "injured",
    "wounded": "injured",
    "wounding": "injured",
    "hurt": "injured",
    "flooded": "flooded",
    "evacuated": "evacuated",
    "evacuating": "evacuated",
    "displaced": "displaced",
    "arrested": "arrested",
    "detained": "detained",
    "rescued": "rescued",
    "missing": "missing",
    "damaged": "damaged",
    "destroyed": "destroyed",
}
QUALIFIERS = (
    "at least",
    "more than",
    "fewer than",
    "less than",
    "as many as",
    "up to",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "at most",
)
SPEECH_VERBS = r"(?:says|said|say|reports|reported|claims|claimed|announced|stated|states|added|told)"

_word_number = (
    rf"(?:(?:a|one|{'|'.join(UNITS)})\s+(?:{'|'.join(SCALES)})(?:\s+(?:and\s+)?(?:{'|'.join(TENS)})(?:-(?:{'|'.join(UNITS)}))?)?"
    rf"|(?:{'|'.join(TENS)})(?:[-\s](?:{'|'.join(k for k, v in UNITS.items() if v < 10)}))?"
    rf"|a\s+dozen|{'|'.join(UNITS)})"
)
NUMBER = rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+|{_word_number})"
_QUALIFIER_WORDS = "|".join(q.replace(" ", r"\s+") for q in QUALIFIERS)
QUALIFIER = rf"(?:(?P<qualifier>{_QUALIFIER_WORDS})\s+)?"
OUTCOME = rf"(?P<outcome>{'|'.join(OUTCOMES)})"
# a word of what was counted; "and", "or" and the like end it ("40 Syrians and wounded dozens")
_NOT_WHAT = r"(?!(?:and|or|but|who|which|that|of|in|on|at|from|by|to|with|near|as)\b)"
WHAT_WORD = rf"{_NOT_WHAT}[A-Za-z][\w'’-]*"
AUX = r"(?P<aux>(?:have|has|had)\s+been\s+|were\s+|was\s+|are\s+|is\s+|being\s+|had\s+)?"

COUNT_THEN_OUTCOME = re.compile(
    rf"(?<![\w-]){QUALIFIER}{NUMBER}\s+(?P<what>(?:{WHAT_WORD}\s+){{0,3}}?{WHAT_WORD})\s+{AUX}{OUTCOME}\b",
    re.IGNORECASE,
)
OUTCOME_THEN_COUNT = re.compile(
    rf"\b{OUTCOME}\s+{QUALIFIER}{NUMBER}(?![\w-])(?:\s+(?P<what>{WHAT_WORD}(?:\s+{WHAT_WORD})?))?",
    re.IGNORECASE,
)
ACTIVE_OBJECT = re.compile(rf"\s+{QUALIFIER}{NUMBER}(?![\w-])", re.IGNORECASE)
NOT_A_COUNT = re.compile(r"\b(?:no|not)\s+$", re.IGNORECASE)  # "no one was killed"
# what was counted never ends with these: "killing 5 people during ..." keeps "people"
_WHAT_TRAILERS = {"more", "others", "people", "during", "after", "before", "when", "while", "since", "mostly"}

_SUBJECT = r"(?P<who>(?:[Tt]he\s+|[Aa]n?\s+)?[A-Z][\w'’.-]*(?:\s+(?:[\w'’.-]+)){0,7}?)"
SPEAKER_PATTERNS = [
    # "according to the fire service"
    re.compile(r"\baccording to\s+(?P<who>(?:the\s+|a\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,6}?)\s*(?=[,.;]|$)", re.I),
    # ", said a statement from the council." / "said Zakharova"
    re.compile(rf"[,”\"]\s*{SPEECH_VERBS}\s+(?P<who>(?:the\s+|a\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){{0,6}}?)\s*(?=[,.;]|$)"),
    # "..., the council said" / "“...,” the Russia army said in a statement"
    re.compile(rf"[,”\"]\s*(?P<who>(?:the\s+|a\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){{0,5}}?)\s+{SPEECH_VERBS}\b"),
    # "Russia says 62 ..." / "The UK-based Syrian Observatory for Human Rights says ..."
    re.compile(rf"^{_SUBJECT}\s+{SPEECH_VERBS}\b"),
]
# What every outcome word holds, lower-cased: a sentence without one of them has no figure, and
# ``in`` over the lower-cased sentence is much faster than running the patterns.
_OUTCOME_STEMS = ("kill", "murder", "martyr", "dead", "died", "injur", "wound", "hurt", "flood", "evacuat",
                  "displaced", "arrested", "detained", "rescued", "missing", "damaged", "destroyed")
# Letters that re.IGNORECASE takes for an ASCII letter but that ``str.lower`` does not make one:
# dotless and dotted i, long s ("ınjured" is an outcome to the patterns).
_CASE_TWINS = re.compile("[\u0130\u0131\u017f]")
# Both kinds of sentence end follow ".!?…" or "”": one cheap look behind first, before the two
# precise ones, makes the split four times faster (the splits are the same).
SENTENCE_END = re.compile(
    r"(?<=[.!?…”])(?:(?<=[.!?…])[”\"’]?\s+(?=[“\"‘]?[A-Z0-9])|(?<=[.!?]”)(?=\s*“))"
)


@dataclass(frozen=True)
class Figure:
    value: int
    number_text: str  # as written: "Sixty-two", "1,200"
    qualifier: str | None  # "at least", "some", ... as written, lower case
    what: str | None  # what was counted: "Syrian forces", "homes"; None when the text leaves it implied
    outcome: str  # "killed", "injured", "flooded", ...
    speaker: str | None  # who the sentence attributes the figure to
    sentence: str
    paragraph: int  # 1-based position of the paragraph in the article body

    @property
    def claim(self) -> str:
        """The figure as one phrase: "at least 80 soldiers killed"."""
        parts = [self.qualifier, str(self.value) if self.number_text.isdigit() else self.number_text]
        return " ".join(p for p in (*parts, self.what, self.outcome) if p)


def _outcome_key(text: str) -> str:
    """The ``OUTCOMES`` key of a matched outcome word: case-insensitive matching also takes the
    dotless and dotted i and the long s ("ınjured", "İnjured", "ſhot") for i and s."""
    return text.lower().replace("i\u0307", "i").replace("ı", "i").replace("ſ", "s")


def parse_number(text: str) -> int | None:
    """``"62"`` -> 62, ``"Sixty-two"`` -> 62, ``"a hundred"`` -> 100, ``"1,200"`` -> 1200."""
    text = text.strip().lower()
    if re.fullmatch(r"[\d,]+", text):
        return int(text.replace(",", ""))
    total = current = 0
    for word in re.split(r"[\s-]+", text):
        if word in ("and",):
            continue
        if word == "a":
            current = current or 1
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current or None


def split_sentences(paragraph: str) -> list[str]:
    text = " ".join(paragraph.split())
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def speaker_of(sentence: str) -> str | None:
    for pattern in SPEAKER_PATTERNS:
        found = pattern.search(sentence)
        if found:
            who = found.group("who").strip(' ,.“”"')
            who = re.sub(r"\s+(?:in|on|during|after)\s+(?:a|an|the)\b.*$", "", who)  # "the army in a statement"
            return who or None
    return None


def _is_quote(sentence: str) -> bool:
    return sentence.startswith(("“", '"', "‘"))


def _clean_what(what: str | None) -> str | None:
    if not what:
        return None
    words = what.split()
    while words and words[-1].lower() in _WHAT_TRAILERS - {"people", "others"}:
        words.pop()
    return " ".join(words) or None


def may_hold_figure(text: str) -> bool:
    """False only when no pattern can match: the text (a sentence or a paragraph) has no outcome word."""
    if not text.isascii() and _CASE_TWINS.search(text):
        return True
    lowered = text.lower()
    for stem in _OUTCOME_STEMS:
        if stem in lowered:
            return True
    return False


def figures_in_sentence(sentence: str, paragraph: int = 1, speaker: str | None = None) -> list[Figure]:
    if not may_hold_figure(sentence):
        return []
    found: dict[int, Figure] = {}
    for pattern in (COUNT_THEN_OUTCOME, OUTCOME_THEN_COUNT):
        for match in pattern.finditer(sentence):
            start = match.start("number")
            if start in found or NOT_A_COUNT.search(sentence[: match.start()]):
                continue
            if pattern is COUNT_THEN_OUTCOME and not match.group("aux") and ACTIVE_OBJECT.match(sentence, match.end()):
                continue  # "six bombings murdered 40 Syrians": the count is of the agents, not the victims
            value = parse_number(match.group("number"))
            if value is None:
                continue
            qualifier = match.group("qualifier")
            found[start] = Figure(
                value=value,
                number_text=match.group("number"),
                qualifier=" ".join(qualifier.lower().split()) if qualifier else None,
                what=_clean_what(match.group("what")),
                outcome=OUTCOMES[_outcome_key(match.group("outcome"))],
                speaker=speaker,
                sentence=sentence,
                paragraph=paragraph,
            )
    return [found[start] for start in sorted(found)]


def extract_figures(paragraphs: list[str]) -> list[Figure]:
    """Every figure in the paragraphs, in reading order; ``paragraph`` numbers count from 1."""
    figures: list[Figure] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        if not may_hold_figure(paragraph):
            continue  # nor does any of its sentences
        sentences = split_sentences(paragraph)
        for sentence in sentences:
            if not may_hold_figure(sentence):
                continue  # most sentences: their speakers are not needed either
            speaker = speaker_of(sentence)
            if speaker is None and _is_quote(sentence):
                speaker = _first_speaker(sentences)  # a quotation: whoever the paragraph says is speaking
            figures.extend(figures_in_sentence(sentence, number, speaker))
    return figures


def _first_speaker(sentences: list[str]) -> str | None:
    return next((speaker for speaker in map(speaker_of, sentences) if speaker), None)
