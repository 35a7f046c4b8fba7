"""Actor identities (analysis/nlp/identity.py): one actor per person or body, ``actor_id`` slugs,
speakers linked to actors, and every table naming the same actors.

The identity tables are built from the entities and quotes of short invented texts; the consistency
tests check every table against ``actors``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Article
from analysis.nlp.identity import slug
from tests.builders import identity_of, quotes_of
from tests.conftest import assert_tables_agree

# -- one person, one actor -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "forms"),
    [
        # an honorific and a surname later
        ("H.E. Ms. Maria Velasko opened the session. Velasko said the vote would be held in May.", "Maria Velasko", {"Velasko"}),
        # a portfolio after the title is no part of the name
        (
            "Minister of Finance Anna Berg presented the budget. Berg said taxes would not rise.",
            "Anna Berg",
            {"Anna Berg", "Berg"},
        ),
        # a family name written first in capitals
        ("SUZUKI Taro met the press. Suzuki said the talks had gone well.", "Taro Suzuki", {"Suzuki"}),
        # a hyphenated given name: the family name alone later
        ("Yeon Ha-rin spoke in Geneva. Yeon said the talks must go on.", "Yeon Ha-rin", {"Yeon Ha-rin", "Yeon"}),
        # a name that ends a longer one
        ("Ellen Ruth Morgan served in the war. Ruth Morgan later worked as a clerk.", "Ellen Ruth Morgan", {"Ruth Morgan"}),
        # a particle surname, capitalised when it opens a sentence
        ("Karim al-Rashid was freed on Friday. Al-Rashid had escaped in 2006.", "Karim al-Rashid", {"Al-Rashid"}),
        # a suffix: the full name and the surname are one actor, displayed without the suffix
        ("Secretary Lloyd R. Varnet III arrived on Monday. Varnet said the visit went well.", "Lloyd R. Varnet", {"Varnet"}),
        # a portfolio of ordinary words, then a given name no list knows
        ("Minister of Defense Kwabe Tarrow-Mensa arrived. Tarrow-Mensa said talks would go on.", "Kwabe Tarrow-Mensa", {"Tarrow-Mensa"}),
        # a middle initial and a suffix in one form, neither in another
        ("Lloyd J. Varnet III met troops. Lloyd Varnet later spoke to reporters. Varnet left.", "Lloyd J. Varnet", {"Lloyd Varnet", "Varnet"}),
        # the family name first in one place, last in another
        ("Prime Minister Tomo Korvel met the envoy. Later, Korvel Tomo told reporters the talks went well.", "Tomo Korvel", {"Korvel Tomo"}),
        # a short form of the given name
        ("President Joseph R. Korvel Jr. signed the bill. Joe Korvel said it was a good day.", "Joseph R. Korvel", {"Joe Korvel"}),
        # a capitalised role noun opening the sentence is no part of the name
        ("Co-author Giovanna Varnet added that the data were new. Varnet said more would follow.", "Giovanna Varnet", {"Varnet"}),
        # two particles inside the name, and the name opening a sentence later
        ("Ursel von der Lanz won the vote. Von der Lanz said she was grateful.", "Ursel von der Lanz", {"Von der Lanz"}),
        # a rank with its class
        ("Army Sgt. 1st Class Dana Korvel received the award. Korvel said she was proud.", "Dana Korvel", {"Korvel"}),
    ],
)
def test_one_person_one_actor(text, actor, forms):
    tables = identity_of(text)
    people = tables.actors[tables.actors["actor_type"] == "person"]
    assert people["actor"].tolist().count(actor) == 1
    row = people.set_index("actor").loc[actor]
    assert forms <= set(row["aliases"])
    assert len(people) == 1, people["actor"].tolist()


@pytest.mark.parametrize(
    ("text", "actor", "alias"),
    [
        # an acronym keeping the function word's letter, in capitals or not
        ("The Department of Defense announced the plan. A DoD spokesman said DOD would pay.", "Department of Defense", "DoD"),
        # the same body with its head word first or last
        ("The Ministry of Foreign Affairs of Varnakia said talks would resume. The Foreign Ministry said no more.",
         "Ministry of Foreign Affairs of Varnakia", "Foreign Ministry"),
        (
            "The European Food Safety Authority (EFSA) published its opinion. EFSA said more data were needed.",
            "European Food Safety Authority",
            "EFSA",
        ),
        (
            "Leaders of the West Pacific Fisheries Council (WPFC) met on Monday. WPFC urged calm.",
            "West Pacific Fisheries Council",
            "WPFC",
        ),
        (
            "The Office of Science and Technology Policy reviewed the plan. OSTP said the review went well.",
            "Office of Science and Technology Policy",
            "OSTP",
        ),
    ],
)
def test_organisation_and_acronym_are_one_actor(text, actor, alias):
    tables = identity_of(text)
    orgs = tables.actors[tables.actors["actor_type"] == "org"]
    assert orgs["actor"].tolist() == [actor]
    assert alias in orgs["aliases"].iloc[0]


# -- speakers and identities -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "ids", "rule"),
    [
        # a nationality and a role before the name: the person speaks, not the country
        (
            "The rock fell on Monday. “It was exceptional,” said Swedish scientist, Ingvar Halden.",
            "It was exceptional,",
            "Ingvar Halden",
            ["ingvar-halden"],
            "apposition",
        ),
        # "X of the Y said": the person, not the organisation
        (
            "Tom Olsen of the Polar Research Institute said the blast was smaller.",
            "the blast was smaller.",
            "Tom Olsen",
            ["tom-olsen"],
            "entity",
        ),
        # members of an actor speak for it
        (
            "A storm hit Chile. Chilean officials said that 70 people had died.",
            "70 people had died.",
            "Chile",
            ["chile"],
            "group",
        ),
        # "the magazine" is the organisation in focus
        (
            "The editors of Ocean Review chose the study. The magazine said the result was elegant.",
            "the result was elegant.",
            "Ocean Review",
            ["ocean-review"],
            "organisation in focus",
        ),
        # a bare noun phrase names no actor
        ("The man said that his son was missing.", "his son was missing.", "man", [], "no actor"),
    ],
)
def test_speaker_identity(text, quote, speaker, ids, rule):
    quotes = quotes_of(text)
    row = quotes[quotes["text"] == quote].iloc[0]
    assert (row["speaker"], row["speaker_ids"]) == (speaker, ids)
    assert rule in row["speaker_rule"]


def test_joint_quote_counts_for_each_speaker():
    text = "Ann Lee met Tom Berg in Oslo. Later the duo stressed that the talks will go on."
    tables = identity_of(text)
    row = tables.quotes[tables.quotes["text"] == "the talks will go on."].iloc[0]
    assert row["speaker"] == "Ann Lee; Tom Berg" and row["speaker_ids"] == ["ann-lee", "tom-berg"]
    qs = tables.quote_speakers[tables.quote_speakers["quote_id"] == row["quote_id"]]
    assert qs["actor"].tolist() == ["Ann Lee", "Tom Berg"]
    quotes = tables.actors.set_index("actor")["quotes"]
    assert quotes["Ann Lee"] == quotes["Tom Berg"] == 1


def test_document_speaker_is_a_document_actor():
    text = "Ann Lee and Tom Berg issued a joint statement on Monday. The statement says that the talks will go on."
    tables = identity_of(text)
    row = tables.quotes[tables.quotes["text"] == "the talks will go on."].iloc[0]
    actor = tables.actors.set_index("actor_id").loc[row["speaker_ids"][0]]
    assert actor["actor_type"] == "document" and actor["actor"] == row["speaker"] and actor["quotes"] == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sigrid Øvergård Ås", "sigrid-overgard-as"),
        ("U.S. Department of Energy", "us-department-of-energy"),
        ("Varnak & Koszta", "varnak-and-koszta"),
        ("Peru–Chile joint statement", "peru-chile-joint-statement"),
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected


# -- every table names the same actors ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee met Tom Berg in Oslo on 3 May 2023. Later the duo stressed that the talks will go on.",
        "The European Food Safety Authority (EFSA) said on Monday that EFSA would publish its opinion.",
        "Ann Lee and Tom Berg issued a joint statement on Monday. The statement says that the talks will go on.",
    ],
)
def test_tables_agree_on_small_texts(text):
    assert_tables_agree(Article.from_text(text, layout="plain"))  # every table of the article


def test_empty_story_gives_empty_identity_tables():
    tables = identity_of("   \n\n2023-02-01\n")
    assert list(tables.quote_speakers.columns[:3]) == ["quote_id", "actor_id", "actor"]
    assert list(tables.aliases.columns[:4]) == ["actor_id", "actor", "form", "mentions"]
    assert isinstance(tables.actors, pd.DataFrame)


def test_an_ordinary_word_as_speaker_names_no_actor():
    from analysis.nlp.identity import _speaker_kind

    assert _speaker_kind("That", "name") is None
    assert _speaker_kind("Attacks", "name") is None
    assert _speaker_kind("Varnakcorp", "name") == "org"
