"""Attribution lines, and the lines that must NOT be taken for one."""

import pytest

from newsarchive.ingest.digest.attribution import AttributionKind, classify

S, B, U, OUT = AttributionKind.SOURCE, AttributionKind.BYLINE, AttributionKind.URL, AttributionKind.OUTLET


@pytest.mark.parametrize(
    ("line", "kind", "source", "authors", "role", "url"),
    [
        ("Source: Press TV", S, "Press TV", (), None, None),
        ("source:  PressTV ", S, "Press TV", (), None, None),  # an alias from sources.yaml
        ("Source: Some Unknown Outlet", S, "Some Unknown Outlet", (), None, None),
        ("By Eva Bartlett", B, None, ("Eva Bartlett",), None, None),
        ("By on the ground journalist Afraa Dagher", B, None, ("Afraa Dagher",), "on the ground journalist", None),
        ("By staff reporter Mina Okafor", B, None, ("Mina Okafor",), "staff reporter", None),
        ("By Jane Roe and John Doe", B, None, ("Jane Roe", "John Doe"), None, None),
        ("By Ann Poe, Jane Roe and John Doe", B, None, ("Ann Poe", "Jane Roe", "John Doe"), None, None),
        ("By Abu Walid al-Shishani", B, None, ("Abu Walid al-Shishani",), None, None),
        ("By Maria de la Cruz", B, None, ("Maria de la Cruz",), None, None),
        ("Al Masdar News", OUT, "Al Masdar News", (), None, None),
        ("AMN", OUT, "Al Masdar News", (), None, None),
        ("Harbour Gazette", OUT, "Harbour Gazette", (), None, None),
        ("Voice of the Valley", OUT, "Voice of the Valley", (), None, None),
        ("https://www.youtube.com/watch?v=wXQU8X8PIM4", U, None, (), None,
         "https://www.youtube.com/watch?v=wXQU8X8PIM4"),
        ("www.example.org/story", U, None, (), None, "https://www.example.org/story"),
    ],
)
def test_attribution_lines(sources, line, kind, source, authors, role, url):
    found = classify(line, sources)
    assert found is not None
    assert (found.kind, found.source, found.authors, found.role, found.url) == (kind, source, authors, role, url)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the day, the road had reopened.",
        "By the end of the day",
        "by then most of the crowd had gone home",
        "By 2020 the population had doubled.",
        "Source: officials said the attack killed five people.",
        "Source: officials said",
        "The council met on Monday.",
        "Emergency UNSC meeting",  # lower-case word: a subheading, not an outlet
        "Aleppo, Syria (6:00 A.M.) – The rebels entered the base.",
        "Twin bombings struck the countryside.",
        "“Resistance Is Over”",
        "https://",
        "",
    ],
)
def test_lines_that_are_not_attributions(sources, line):
    assert classify(line, sources) is None


def test_bare_outlet_can_be_switched_off(sources):
    assert classify("Harbour Gazette", sources, allow_outlet=False) is None
    assert classify("Source: Harbour Gazette", sources, allow_outlet=False).source == "Harbour Gazette"
