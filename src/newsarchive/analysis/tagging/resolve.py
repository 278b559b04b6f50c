"""From the spellings found in an article to its tags: people by rule, places by context, surnames.

The tagger's automaton gives every occurrence of a known spelling that its context allows
(``tagger.py``). Here the article as a whole decides:

1. People that ``people.py`` finds by rule. A curated tag over the same words wins ("Bashar
   al-Assad" listed in ``tags.yaml``); a gazetteer place inside the name loses ("Hassan" in
   "Dr. Hassan al-Jundi" is not the town in India), as does a gazetteer place spelt like any
   word of a person's name in the article.
2. Which place a gazetteer name means. A town spelt like a common surname ("Taylor", "Allen")
   needs a word that makes it a place ("in Taylor", "Taylor, Texas"). The countries the article
   is about are those it names, those its demonyms name ("Russian"), those of its curated places and cities that need no
   context, and the United States when it names a state. A name is the place in one of those
   countries with most people; failing that, the place with most people if it is a country or
   has ``CONTEXT_FREE_POPULATION`` people; failing that, no place: "Saña" (Peru, 39,200
   people) in an article that never names Peru is not tagged.
3. Surnames: after a person's full name, the surname alone counts as the same person.
"""

from __future__ import annotations

import re

from .gazetteer import us_state_codes
from .hits import Hit, Rejection, Spelling
from .people import NAME_WORD_BREAK, FoundPerson, common_surnames, find_people, surname

CONTEXT_FREE_POPULATION = 200_000
# A place with this many times the people of its namesake in a country the article names is still meant.
DOMINANT_RATIO = 10


def resolve_hits(text: str, kept: list[tuple[int, int, Spelling]], tagger, rejected: list[Rejection]) -> list[Hit]:
    people = _people(text, kept, tagger, rejected)
    person_words = {w.casefold() for p in people for w in NAME_WORD_BREAK.split(p.name) if len(w) > 2}
    hits: list[Hit] = []
    places: list[tuple[int, int, Spelling]] = []
    countries: set[str] = set()
    next_person = 0  # both in order of start, and people do not overlap: one walk through each
    previous_end = -1
    for begin, end, spelling in kept:
        after_place, previous_end = previous_end, end
        if spelling.places and _us_state_here(text, begin, end, after_place):
            countries.add("US")
            rejected.append(Rejection(begin, end, f"{text[begin:end]!r} is the US state here (after a place and "
                                                  "a comma, or before \"state\"): not a place tag"))
            continue
        while next_person < len(people) and people[next_person].end <= begin:
            next_person += 1
        if next_person < len(people) and people[next_person].start < end:
            name = people[next_person].name
            rejected.append(Rejection(begin, end, f"{text[begin:end]!r} is part of the person's name {name!r}"))
            continue
        if spelling.origin == "gazetteer" and spelling.kind == "name" and text[begin:end].casefold() in person_words:
            rejected.append(Rejection(begin, end, f"{text[begin:end]!r} is part of a person's name in this article"))
            continue
        if spelling.places and (spelling.kind != "name" or spelling.places[0].kind == "country" or (
                len(spelling.places) == 1 and spelling.origin == "curated")):
            countries.add(spelling.places[0].country)
        if spelling.kind == "context":
            continue
        if spelling.origin == "gazetteer" and spelling.kind == "name":
            places.append((begin, end, spelling))
            continue
        place = spelling.places[0].geonames_id if spelling.places else None
        tag = spelling.tag or tagger.place_names[place]
        origin = "curated" if place in tagger.curated_places else spelling.origin  # "Syrian" gives Syria of tags.yaml
        hits.append(Hit(tag, spelling.type, origin, spelling.text, begin, end, spelling.kind,
                        spelling.place_id or (place if spelling.type == "place" else None)))
    hits.extend(_places(text, places, countries, tagger, rejected))
    hits.extend(Hit(p.name, "person", "rule", p.name, p.start, p.end, "name", None, p.reason) for p in people)
    hits.extend(_surnames(text, hits, people))
    return sorted(hits, key=lambda h: (h.start, h.end))


def _people(text: str, kept, tagger, rejected: list[Rejection]) -> list[FoundPerson]:
    """The people found by rule that no curated tag already covers."""
    people: list[FoundPerson] = []
    surnames: set[str] = set()
    first = 0  # the kept hits do not overlap and are in order, as the people are: one walk through both
    for person in find_people(text, tagger.not_people):
        if person.name in surnames:  # "Abdel Rahman said": found again below
            continue
        while first < len(kept) and kept[first][1] <= person.start:
            first += 1
        over = []
        for begin, _, spelling in kept[first:]:
            if begin >= person.end:
                break
            if spelling.origin == "curated":
                over.append(spelling)
        if over:
            rejected.append(Rejection(person.start, person.end,
                                      f"{person.name!r} overlaps the tag {over[0].tag!r} of tags.yaml"))
        else:
            people.append(person)
            surnames.add(surname(person.name))
    return people


def _places(text: str, found: list[tuple[int, int, Spelling]], countries: set[str], tagger,
            rejected: list[Rejection]) -> list[Hit]:
    """Each gazetteer name as the place it means here (see the module's docstring), or rejected."""
    chosen: dict[int, object] = {}
    refused: dict[int, str] = {}
    for index, (begin, end, spelling) in enumerate(found):
        state = _state_after(text, end) if spelling.places[0].kind != "country" else None
        if state:  # "Springfield, Ill.", "Lexington, Massachusetts": the town of that name in that state
            countries.add("US")
            in_state = [p for p in spelling.places if p.country == "US" and p.state == state]
            if in_state:
                chosen[index] = in_state[0]
            else:
                refused[index] = (f"{text[begin:end]!r} is a town of the state written after it, which the "
                                  "gazetteer does not hold (none of its places of that name is in that state)")
            continue
        place = spelling.places[0]
        name = text[begin:end]
        if (place.kind != "country" and place.population < CONTEXT_FREE_POPULATION
                and name.casefold() in common_surnames() and not _locative(text, begin, end)):
            refused[index] = (f"{name!r} is a common surname, and no word around it says it is a place "
                              "(\"in\", \"near\", a following \", Country\")")
    for _ in range(2):  # a city that needs no context names its country for the others
        for index, (_, _, spelling) in enumerate(found):
            if index in chosen or index in refused:
                continue
            place = _choose(spelling, countries)
            if place is not None:
                chosen[index] = place
                countries.add(place.country)
    hits = []
    for index, (begin, end, spelling) in enumerate(found):
        place = chosen.get(index)
        if index in refused:
            rejected.append(Rejection(begin, end, refused[index]))
            continue
        if place is None:
            best = spelling.places[0]
            how = "another name of " if best.geonames_id in spelling.alternate_for else ""
            rejected.append(Rejection(begin, end, f"{text[begin:end]!r} would be {how}{best.name} "
                                                  f"({best.country}, {best.population:,} people), "
                                                  "in a country the article does not name"))
            continue
        hits.append(Hit(tagger.place_names[place.geonames_id], "place", "gazetteer", spelling.text, begin, end,
                        "name", place.geonames_id))
    return hits


_STATE_AFTER = re.compile(r",[ \t]+([A-Z][A-Za-z.]*(?:[ \t]+(?:of[ \t]+)?[A-Z][a-z]+)?)")


def _state_after(text: str, end: int) -> str | None:
    """The code of the US state written after a name and a comma ("Tacoma, Washington", "Springfield,
    Ill."), or None."""
    found = _STATE_AFTER.match(text, end)
    if not found:
        return None
    codes = us_state_codes()
    words = found.group(1)
    return codes.get(words) or codes.get(words.split()[0])


def _us_state_here(text: str, begin: int, end: int, previous_end: int) -> bool:
    """Whether a name that is also a US state's is the state here: after a place and a comma ("Tacoma,
    Washington"), or followed by "state" ("Washington state")."""
    if text[begin:end] not in us_state_codes():
        return False
    return text[previous_end:begin] == ", " or text.startswith(" state", end)


_LOCATIVE_BEFORE = frozenset("in at from near to into outside around across toward towards via".split())


def _locative(text: str, begin: int, end: int) -> bool:
    """Whether the words around a name say it is a place: "in Gillette", "Gillette, Wyoming"."""
    before = text[max(0, begin - 20):begin].split()
    if before and before[-1].casefold() in _LOCATIVE_BEFORE:
        return True
    after = text[end:end + 3]
    return after.startswith(", ") and after[2:3].isupper()


def _choose(spelling: Spelling, countries: set[str]):
    # an alternate name ("White House" of Casablanca) only where the article names the country
    by_name = [p for p in spelling.places if p.geonames_id not in spelling.alternate_for]
    best = by_name[0] if by_name else None
    in_context = [p for p in spelling.places if p.country in countries]
    if in_context:
        # the places are in order, most people first; a small namesake in a country the article names
        # does not take the name of a city known the world over ("Rome" in an article naming the US)
        if best and in_context[0].population < CONTEXT_FREE_POPULATION \
                and best.population >= DOMINANT_RATIO * max(in_context[0].population, 1) \
                and best.population >= CONTEXT_FREE_POPULATION:
            return best
        return in_context[0]
    return best if best and (best.kind == "country" or best.population >= CONTEXT_FREE_POPULATION) else None


def _surnames(text: str, hits: list[Hit], people: list[FoundPerson]) -> list[Hit]:
    """The surname of a person found by rule, alone after the full name, as that person."""
    by_surname: dict[str, FoundPerson] = {}
    for person in people:
        last = surname(person.name)
        if last != person.name and len(last) > 2:
            by_surname.setdefault(last, person)
    if not by_surname:
        return []
    taken = [(h.start, h.end) for h in hits]
    found = []
    for last, person in by_surname.items():
        position = text.find(last, person.end)
        while position >= 0:  # str.find for each surname: no pattern to compile per article
            stop = position + len(last)
            whole = (not _joins(text, position - 1)) and not _joins(text, stop)
            if whole and not any(b < stop and position < e for b, e in taken):
                found.append(Hit(person.name, "person", "rule", person.name, position, stop, "surname", None,
                                 person.reason))
            position = text.find(last, stop)
    return found


def _joins(text: str, index: int) -> bool:
    """Whether the character at ``index`` would make a word there part of a longer one."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] in "-_")
