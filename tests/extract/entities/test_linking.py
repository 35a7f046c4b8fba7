"""Linking mentions to actors (analysis/extract/entities/linking.py, acronyms.py): names inside names,
modified names, a company's short name, a country closing a body's name, words that name no actor.
"""

from __future__ import annotations

from tests.builders import entities_of, identity_of
from tests.conftest import assert_offsets

# -- names inside names, states, modifiers ---------------------------------------------------------


def test_body_title_and_person_are_apart():
    tables = identity_of(
        "Harbor and Rail Committee Ranking Member Dana Korvel (R-TX) praised the plan on Monday. "
        "Korvel said it would create jobs."
    )
    actors = dict(zip(tables.actors["actor"], tables.actors["actor_type"]))
    assert actors.get("Dana Korvel") == "person"
    assert actors.get("Harbor and Rail Committee") == "org"
    assert actors.get("Texas") == "place"  # the party-state tag names the state
    assert not any("Korvel" in a and a != "Dana Korvel" for a in actors)
    assert_offsets(tables.text, tables.entities)


def test_modifier_before_a_body_named_alone_is_that_body():
    ents = entities_of(
        "The Assembly met on Monday. The Assembly passed the bill. "
        "The party needed no Neutral Assembly votes."
    )
    body = ents[ents["text"].str.contains("Assembly")]
    assert set(body["actor"]) == {"Assembly"}
    assert "modified_name" in set(body["rule"])


def test_country_closing_a_body_name_is_also_counted():
    tables = identity_of("The Government of Chile said it would reply on Monday.")
    ents = tables.entities
    assert ("Chile", "country", "nested") in set(zip(ents["text"], ents["actor_type"], ents["how"]))
    assert "Government of Chile" in set(tables.actors["actor"])


def test_degree_after_a_name_is_no_actor():
    tables = identity_of("“The results are clear,” said Dana Korvel, M.D., director of the clinic. Tom Varnet, Ph.D., agreed.")
    names = set(tables.actors["actor"])
    assert {"Dana Korvel", "Tom Varnet"} <= names
    assert not names & {"M.D.", "M", "Ph", "Ph.D."}


def test_acronym_leaving_out_the_last_word_joins_its_name():
    tables = identity_of(
        "The National Institute of Arthritis and Skin Diseases (NIAS) funded the study. "
        "NIAS said more work was needed."
    )
    row = tables.actors.set_index("actor").loc["National Institute of Arthritis and Skin Diseases"]
    assert "NIAS" in set(row["aliases"]) and row["mentions"] == 3


def test_company_short_name_and_corporate_titles():
    tables = identity_of(
        "Varnak Motors Inc. said it would cut jobs. Chief Executive Officer Dana Korvel said the cuts "
        "were needed. Shares of Varnak fell 3% on Monday."
    )
    actors = dict(zip(tables.actors["actor"], tables.actors["mentions"]))
    assert actors.get("Dana Korvel") == 1
    company = [a for a in actors if a.startswith("Varnak Motors")]
    assert len(company) == 1 and actors[company[0]] == 2
    assert "Varnak" not in actors
