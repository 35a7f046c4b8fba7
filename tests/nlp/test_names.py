"""Person names and acronyms (analysis/nlp/names.py): titles, given names, surnames with particles, suffixes."""

from __future__ import annotations

import pytest

from analysis.nlp.names import acronym_of, initials, parse_person

# -- person names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "name", "key", "suffix"),
    [
        ("H.E. Ms. Maria Velasko", "H.E. Ms.", "Maria Velasko", "Velasko", ""),
        ("Minister of Finance Anna Berg", "Minister of Finance", "Anna Berg", "Berg", ""),
        ("Finance Minister Anna Berg", "Finance Minister", "Anna Berg", "Berg", ""),
        ("Secretary of State John Q. Public Jr.", "Secretary of State", "John Q. Public", "Public", "Jr."),
        ("SUZUKI Taro", "", "Taro Suzuki", "Suzuki", ""),
        ("Marta del Campo", "", "Marta del Campo", "Campo", ""),
        ("Karim al-Rashid", "", "Karim al-Rashid", "al-Rashid", ""),
        ("Carl B. Jensen, Ph.D.", "", "Carl B. Jensen", "Jensen", "Ph.D."),
        ("Vice Adm. Carl B. Jensen", "Vice Adm.", "Carl B. Jensen", "Jensen", ""),
        ("SECRETARY JANE ROE", "SECRETARY", "Jane Roe", "Roe", ""),
        ("Prime Minister Aiko Tamsin", "Prime Minister", "Aiko Tamsin", "Tamsin", ""),
        ("Martin Luther King", "", "Martin Luther King", "King", ""),
        ("Senator Allison", "Senator", "Allison", "Allison", ""),
    ],
)
def test_parse_person(text, title, name, key, suffix):
    p = parse_person(text)
    assert (p.title, p.name, p.key, p.suffix) == (title, name, key, suffix)


# -- acronyms ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("NATO", "North Atlantic Treaty Organization", True),
        ("EFSA", "European Food Safety Authority", True),
        ("FWS", "U.S. Fish and Wildlife Service", True),  # without the leading country
        ("FWS", "The U.S. Fish and Wildlife Service", True),
        ("DOE", "U.S. Department of Energy", True),
        ("WPFC", "West Pacific Fisheries Council", True),
        ("MRC", "Movement for Rural Change", True),
        ("OSTP", "Office of Science and Technology Policy", True),
        ("WPFC", "West Pacific", False),
        ("UN", "United", False),
    ],
)
def test_acronym_of(acronym, name, expected):
    assert acronym_of(acronym, name.split()) is expected


def test_initials_skip_function_words():
    assert initials("Bank of the North".split()) == "BN"
