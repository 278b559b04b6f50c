"""Authors' names in citations: split when unambiguous, literal otherwise."""

from __future__ import annotations

import pytest

from newsarchive.site.names import person_name


@pytest.mark.parametrize(
    "text, family, given",
    [
        ("Mina Okafor", "Okafor", "Mina"),
        ("Afraa Dagher", "Dagher", "Afraa"),
        ("José María Álvarez-Pérez", "Álvarez-Pérez", "José María"),
        ("Ludwig van Beethoven", "van Beethoven", "Ludwig"),
        ("J. R. R. Tolkien", "Tolkien", "J. R. R."),
    ],
)
def test_a_persons_name_is_split_into_family_and_given(text, family, given):
    name = person_name(text)
    assert (name.family, name.given) == (family, given)
    assert name.csl() == {"family": family, "given": given}
    assert name.inverted() == f"{family}, {given}"


@pytest.mark.parametrize(
    "text",
    [
        "Reuters",  # one word
        "Press TV",  # an acronym
        "Press TV Staff",
        "staff reporter",  # a role
        "Al Masdar News",  # an outlet
        "Dr. Jane Smith",  # a title: nothing in CSL holds it
        "Smith, Jones",  # perhaps two people
        "Bureau 7",
        "Anna Maria de la Cruz Fernandez",  # too many words to be sure where the family name starts
    ],
)
def test_anything_that_may_not_be_one_persons_name_stays_literal(text):
    name = person_name(text)
    assert not name.split
    assert name.csl() == {"literal": text}
    assert name.inverted() == text


def test_a_suffix_is_kept_apart():
    name = person_name("Martin Luther King Jr.")
    assert name.csl() == {"family": "King", "given": "Martin Luther", "suffix": "Jr."}
    assert name.inverted() == "King, Jr., Martin Luther"
