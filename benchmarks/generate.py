"""A deterministic corpus of realistic digests for the benchmark (``python -m benchmarks.generate``).

The same ``--articles`` and ``--seed`` always give the same files byte for byte. Each
digest holds a few dozen articles separated by blank lines, with the attribution forms an
importer meets (``Source:``, ``By``, bylines with a role, a bare outlet name, a bare URL),
dates of every precision (a day in the lede, a month in the title, none at all), 5-30
paragraphs with subheadings, and places and organisations from ``taxonomy/`` so that the
tagger, story clusters and figures have real work. Several outlets report the same event
in their own words, so clusters form; no two articles share a body, so import merges none.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ARTICLES_PER_DIGEST = 25
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}

# Taxonomy places and organisations (taxonomy/tags.yaml), plus gazetteer cities.
PLACES = [
    "Syria", "Aleppo", "Damascus", "Deir Ezzor", "Hasaka", "Homs", "Latakia", "Tartous", "Manbij",
    "Golan Heights", "Iraq", "Israel", "Russia", "Port Elvin", "Westmarch", "Arden Valley", "Millbrook",
    "Ashby Cross", "Tarvik", "Scotland", "England", "Lisbon", "Nairobi", "Lagos", "Krakow", "Valencia",
    "Montreal", "Osaka", "Cairo", "Lima", "Hanoi", "Dublin", "Oslo", "Athens", "Manila", "Bogota",
]
ORGANISATIONS = [
    "Syrian Arab Army", "UN Security Council", "United Nations", "World Health Organization", "NATO",
    "White Helmets", "Syrian Observatory for Human Rights", "University of Westmarch",
]
SOURCES = [
    ("Harbour Gazette", "harbour-gazette.example"), ("Valley Courier", "valley-courier.example"),
    ("Northern Wire", None), ("Press TV", "presstv.ir"), ("Al Masdar News", "almasdarnews.com"),
    ("South Front", "southfront.press"), ("Syrian News", "syrianews.cc"), ("Coastal Radio", None),
    ("Evening Ledger", None), ("Morning Dispatch", None), ("Regional Observer", None), ("City Herald", None),
]
FIRST = ["Mina", "Hal", "Afraa", "Jonas", "Leila", "Tomas", "Sara", "Omar", "Ines", "Piotr", "Ana", "Kofi",
         "Yuki", "Rhea", "Dmitri", "Nora", "Samir", "Clara", "Ivo", "Maren"]
LAST = ["Okafor", "Brennan", "Dagher", "Lind", "Haddad", "Novak", "Moreau", "Farouk", "Castillo", "Wozniak",
        "Silva", "Mensah", "Tanaka", "Iyer", "Volkov", "Berg", "Nassar", "Duval", "Petrov", "Aalto"]
ROLES = ["staff reporter", "transport correspondent", "on the ground journalist", "political editor",
         "health correspondent", "our correspondent"]
EVENTS = [
    ("floods", "Floods hit", ["river", "water", "homes", "rain", "rescue", "evacuated", "levels"]),
    ("talks", "Ceasefire talks resume in", ["delegations", "talks", "ceasefire", "agreement", "mediators"]),
    ("strike", "Airstrikes reported near", ["aircraft", "strikes", "positions", "shelling", "artillery"]),
    ("council", "Council approves budget for", ["council", "budget", "vote", "councillors", "funding"]),
    ("election", "Polls open in", ["voters", "ballots", "turnout", "candidates", "elections", "count"]),
    ("health", "Vaccination drive expands in", ["clinics", "vaccine", "doses", "nurses", "patients"]),
    ("transport", "New ferry timetable for", ["ferry", "sailings", "timetable", "passengers", "route"]),
    ("storm", "Storm brings gales to", ["gusts", "winds", "roads", "closures", "weather", "coast"]),
    ("aid", "Aid convoy reaches", ["convoy", "trucks", "supplies", "food", "medicine", "crossing"]),
    ("school", "Schools reopen in", ["pupils", "teachers", "classrooms", "term", "repairs"]),
]
VERBS = ["said", "confirmed", "reported", "warned", "added", "explained", "noted", "stated"]
SPEAKERS = ["officials", "a spokesperson", "local residents", "witnesses", "the ministry", "aid workers",
            "the mayor", "engineers", "observers", "a senior commander", "doctors", "volunteers"]
ADJ = ["heavy", "early", "unexpected", "lengthy", "careful", "public", "urgent", "partial", "steady",
       "significant", "brief", "renewed", "formal", "limited", "widespread", "quiet"]
NOUNS = ["meeting", "report", "statement", "operation", "inspection", "decision", "plan", "survey",
         "programme", "assessment", "delay", "review", "visit", "request", "warning", "estimate"]
PLACES_WORDS = ["market", "station", "hospital", "bridge", "harbour", "square", "school", "road", "district"]
COUNTED = ["people", "soldiers", "civilians", "families", "workers", "vehicles", "homes", "patients"]
FIGURE_VERBS = ["were killed", "were injured", "were evacuated", "were displaced", "were rescued"]
QUALIFIERS = ["at least", "more than", "about", "nearly", "up to", ""]
SUBHEADINGS = ["Reaction from residents", "What happens next", "Background", "Officials respond",
               "Questions remain", "The cost", "Local concerns", "A long history"]
WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"]


ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s", "st", "t",
          "tr", "v", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
CODAS = ["", "n", "r", "l", "s", "t", "m", "nd", "rk"]


def lexicon(size: int = 12_000, seed: int = 1) -> list[str]:
    """Made-up lower-case words standing for a newsroom's wide vocabulary (a real one is large, so
    two unrelated articles share few rare words, and TF-IDF tells events apart as it does in real news)."""
    rng = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < size:
        syllables = rng.choice([2, 2, 3, 3, 4])
        words["".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables))] = None
    return list(words)


LEXICON = lexicon()


def common_word(rng: random.Random) -> str:
    """A word of the lexicon, frequent ones more often (roughly Zipf)."""
    return LEXICON[int(len(LEXICON) * rng.random() ** 3)]


@dataclass
class Event:
    kind: int
    place: str
    organisation: str
    day: date
    words: list[str]
    seed: int


def sentence(rng: random.Random, event: Event) -> str:
    """One sentence of ordinary news prose about ``event``, with a few words of its own vocabulary."""
    words = EVENTS[event.kind][2] + event.words
    said = _sentence(rng, event, words)
    return (f"{said} The {common_word(rng)} {common_word(rng)} of the {rng.choice(words)} "
            f"{common_word(rng)} {rng.choice(VERBS)} the {common_word(rng)} {common_word(rng)}.")


def _sentence(rng: random.Random, event: Event, words: list[str]) -> str:
    choice = rng.randrange(7)
    if choice == 0:
        n = rng.choice([2, 3, 5, 7, 9, 12, 14, 20, 35, 48, 80, 120, 300])
        qualifier = rng.choice(QUALIFIERS)
        return (f"{rng.choice(SPEAKERS).capitalize()} {rng.choice(VERBS)} that {qualifier} {n} "
                f"{rng.choice(COUNTED)} {rng.choice(FIGURE_VERBS)} near the {rng.choice(PLACES_WORDS)}.").replace(
            "  ", " ")
    if choice == 1:
        return (f"The {rng.choice(ADJ)} {rng.choice(NOUNS)} by the {event.organisation} came after weeks of "
                f"{rng.choice(ADJ)} {rng.choice(words)} in {event.place}.")
    if choice == 2:
        return (f"According to {rng.choice(SPEAKERS)}, the {rng.choice(words)} and the {rng.choice(words)} "
                f"would be {rng.choice(['reviewed', 'discussed', 'repaired', 'counted', 'extended'])} "
                f"before the end of the {rng.choice(['week', 'month', 'season', 'year'])}.")
    if choice == 3:
        return (f"\u201cWe have seen nothing like this {rng.choice(words)} in {event.place} for years,\u201d "
                f"{rng.choice(VERBS)} {rng.choice(FIRST)} {rng.choice(LAST)}, who lives near the "
                f"{rng.choice(PLACES_WORDS)}.")
    if choice == 4:
        return (f"A {rng.choice(ADJ)} {rng.choice(NOUNS)} published on {rng.choice(WEEKDAY)} put the cost at "
                f"{rng.randrange(2, 90)}.{rng.randrange(10)} million, {rng.choice(['well above', 'below', 'close to'])}"
                f" the earlier {rng.choice(NOUNS)}.")
    if choice == 5:
        return (f"{rng.choice(SPEAKERS).capitalize()} in {rng.choice(PLACES)} {rng.choice(VERBS)} the "
                f"{rng.choice(words)} had {rng.choice(['slowed', 'grown', 'eased', 'doubled', 'stopped'])} "
                f"since the {rng.choice(ADJ)} {rng.choice(NOUNS)}.")
    return (f"The {rng.choice(words)} near the {rng.choice(PLACES_WORDS)} was {rng.choice(ADJ)}, and "
            f"{rng.choice(SPEAKERS)} {rng.choice(VERBS)} that more {rng.choice(words)} would follow.")


def article_text(rng: random.Random, event: Event, serial: int, source: tuple[str, str | None]) -> str:
    """One article block: title line, attribution lines, body paragraphs."""
    kind_title = EVENTS[event.kind][1]
    style = rng.randrange(20)
    title = f"{kind_title} {event.place}"
    lede_date = ""
    if style < 3:  # month precision, in the title
        title += f" \u2013 {MONTH[event.day.month - 1]} {event.day.year}"
    elif style < 19:  # a full day in the lede
        lede_date = f"On {WEEKDAY[event.day.weekday()]} {event.day.day} {MONTH[event.day.month - 1]} {event.day.year}, "
    # else: no date at all (published as undated)
    title += f": {rng.choice(ADJ)} {rng.choice(NOUNS)} {serial}"
    name, domain = source
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    form = rng.randrange(6)
    lines = [title]
    if form == 0:
        lines += [f"Source: {name}", f"By {author}"]
    elif form == 1:
        lines += [f"Source: {name}", f"By {author} and {rng.choice(FIRST)} {rng.choice(LAST)}"]
    elif form == 2:
        lines += [f"Source: {name}", f"By {rng.choice(ROLES)} {author}"]
    elif form == 3:
        lines += [name]
    elif form == 4 and domain:
        lines += [f"https://www.{domain}/news/{event.kind}-{serial}"]
    else:
        lines += [f"Source: {name}"]
    # The event's own sentences (shared by every outlet reporting it) and this report's own.
    shared = random.Random(event.seed)
    event_sentences = [sentence(shared, event) for _ in range(6)]
    paragraphs = [
        f"{lede_date}{'the' if lede_date else 'The'} {event.organisation} {rng.choice(VERBS)} a "
        f"{rng.choice(ADJ)} {rng.choice(NOUNS)} in {event.place}. {event_sentences[0]}"
    ]
    for number in range(rng.randrange(4, 25)):
        if number and number % 6 == 0 and rng.random() < 0.5:
            paragraphs.append(rng.choice(SUBHEADINGS))
        said = [sentence(rng, event) for _ in range(rng.randrange(2, 6))]
        if rng.random() < 0.3:
            said.insert(0, rng.choice(event_sentences))
        paragraphs.append(" ".join(said))
    return "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(articles: int, target: Path, seed: int = 8) -> list[Path]:
    """Write ``articles`` articles as digests into ``target``; the list of files written."""
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    start = date(2012, 1, 1)
    events: list[Event] = []
    blocks: list[str] = []
    for serial in range(1, articles + 1):
        if events and rng.random() < 0.4:  # another outlet reports a recent event
            event = rng.choice(events[-20:])
        else:
            day = start + timedelta(days=(serial * 4000) // max(articles, 1) + rng.randrange(3))
            topic = [rng.choice(LEXICON) for _ in range(12)]
            event = Event(rng.randrange(len(EVENTS)), rng.choice(PLACES), rng.choice(ORGANISATIONS), day, topic,
                          rng.randrange(1 << 30))
            events.append(event)
        blocks.append(article_text(rng, event, serial, rng.choice(SOURCES)))
    written = []
    for number, first in enumerate(range(0, len(blocks), ARTICLES_PER_DIGEST), start=1):
        path = target / f"bench-{number:05d}.txt"
        path.write_text("\n\n\n".join(blocks[first:first + ARTICLES_PER_DIGEST]), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="1k", help="1k, 10k, 100k or a number")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    count = SIZES.get(args.articles) or int(args.articles)
    files = generate(count, args.target, args.seed)
    print(f"wrote {count} articles in {len(files)} digests to {args.target}")


if __name__ == "__main__":
    main()
