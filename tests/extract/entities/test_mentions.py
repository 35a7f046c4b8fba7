"""Entity mentions (analysis/extract/entities/: runs, mentions, typing): what is a mention, of which
type and which actor, on the shipped article and on short invented texts."""

from __future__ import annotations

import pytest

from analysis.extract.entities import ENTITY_COLUMNS
from tests.builders import entities_of, identity_of
from tests.conftest import assert_offsets

# -- the shipped article ---------------------------------------------------------------------


def test_entities_columns_and_offsets(nato):
    ents = nato.entities
    assert list(ents.columns[: len(ENTITY_COLUMNS)]) == ENTITY_COLUMNS
    assert len(ents) > 0
    assert_offsets(nato.text, ents)
    assert ents["mention_id"].is_unique
    assert set(ents["actor_type"]) <= {"person", "org", "country", "place", "event", "other"}
    assert ents["sentence_id"].isin(nato.story_sentences["sentence_id"]).all()


def test_pronouns_resolve_to_people_and_group_references_are_not_counted(nato):
    ents = nato.entities
    pron = ents[ents["how"] == "pronoun"]
    assert len(pron) >= 1
    assert (pron["actor_type"] == "person").all()
    people = set(ents.loc[(ents["how"] != "pronoun") & (ents["actor_type"] == "person"), "actor"])
    assert set(pron["actor"]) <= people
    assert not ents["text"].str.lower().isin(["they", "the duo", "duo"]).any()


def test_demonym_joins_country(nato):
    ents = nato.entities
    demonyms = ents[ents["how"] == "demonym"]
    assert len(demonyms) >= 2
    # each demonym's actor is also named outright somewhere in the article
    named = set(ents.loc[ents["how"].isin(["name", "alias"]), "actor"])
    assert set(demonyms["actor"]) <= named


# -- edge cases ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # title splits modifier and name; demonym → country
        (
            "German Chancellor Aksel Brandvik met French President Emmanuel Macron in Paris.",
            [
                ("German", "Germany", "country", "demonym"),
                ("Aksel Brandvik", "Aksel Brandvik", "person", "name"),
                ("French", "France", "country", "demonym"),
                ("Emmanuel Macron", "Emmanuel Macron", "person", "name"),
                ("Paris", "Paris", "place", "name"),
            ],
        ),
        # full name ↔ surname, pronoun resolved, "They" not counted
        (
            "Maria Velasko arrived on Monday. Velasko said she was happy. They left.",
            [
                ("Maria Velasko", "Maria Velasko", "person", "name"),
                ("Velasko", "Maria Velasko", "person", "surname"),
                ("she", "Maria Velasko", "person", "pronoun"),
            ],
        ),
        # acronym ↔ expansion for an organisation no lexicon knows
        (
            "The Federal Widget Agency (FWA) said that FWA rules apply.",
            [
                ("Federal Widget Agency", "Federal Widget Agency", "org", "name"),
                ("FWA", "Federal Widget Agency", "org", "acronym"),
                ("FWA", "Federal Widget Agency", "org", "acronym"),
            ],
        ),
        # surname-first capitals
        (
            "TANAKA Hiroshi met reporters. Tanaka said the talks went well.",
            [
                ("TANAKA Hiroshi", "Hiroshi Tanaka", "person", "name"),
                ("Tanaka", "Hiroshi Tanaka", "person", "surname"),
            ],
        ),
        # nominal reference to an organisation the text names
        (
            "OPEC ministers met in Vienna. The cartel said it would cut output.",
            [
                ("OPEC", "OPEC", "org", "alias"),
                ("Vienna", "Vienna", "place", "name"),
                ("cartel", "OPEC", "org", "nominal"),
            ],
        ),
        # gendered pronoun skips the other person; a pronoun inside quote marks is not the narrator's
        (
            "Anna Berg met John Doe. She said “he is late” to reporters.",
            [
                ("Anna Berg", "Anna Berg", "person", "name"),
                ("John Doe", "John Doe", "person", "name"),
                ("She", "Anna Berg", "person", "pronoun"),
            ],
        ),
        # title-case heading: capitals are not evidence
        ("Peace And Stability Seek New Heights", []),
        # possessive split off, multiword place preferred over its country
        (
            "Ships crossed the Chile Strait, and Chile’s navy watched.",
            [("Chile Strait", "Chile Strait", "place", "name"), ("Chile", "Chile", "country", "name")],
        ),
        # initials, "of" inside an organisation name (its country is also named), cue words
        (
            "The Bank of England said G. Korvel would join Acme Corp next year.",
            [
                ("Bank of England", "Bank of England", "org", "name"),
                ("England", "England", "country", "nested"),
                ("G. Korvel", "G. Korvel", "person", "name"),
                ("Acme Corp", "Acme Corp", "org", "name"),
            ],
        ),
        # named event
        (
            "Troops had not been sent abroad since World War II ended.",
            [("World War II", "World War II", "event", "name")],
        ),
    ],
)
def test_edge_cases(text, expected):
    ents = entities_of(text)
    assert_offsets(text, ents)
    got = [tuple(r) for r in ents[["text", "actor", "actor_type", "how"]].itertuples(index=False)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "pronoun_actor"),
    [
        ("Omar Haddad spoke first. He said the plan would work.", "Omar Haddad"),
        ("Ella Tamsin met Peter Brandt. She thanked him.", "Ella Tamsin"),
        ("The company said he would resign.", None),  # no person in focus: no row
    ],
)
def test_pronoun_resolution(text, pronoun_actor):
    ents = entities_of(text)
    pron = ents[ents["how"] == "pronoun"]
    if pronoun_actor is None:
        assert pron.empty
    else:
        assert pron.iloc[0]["actor"] == pronoun_actor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city with a score after it is the team named after it; so is its other mention
        ("Lisbon 4 Porto 3. Lisbon had lost twice.", {"Lisbon": "org", "Porto": "org"}),
        # the same city in prose stays a place
        ("Police in Lisbon said the road was closed.", {"Lisbon": "place"}),
        # a place noun before "of", or right before the name
        ("Rebels shelled the town of Zarkhovo on Friday.", {"Zarkhovo": "place"}),
        ("Troops entered the capital Dolvenya at dawn.", {"Dolvenya": "place"}),
        # an unknown name followed by ", Country" is a place there
        ("The plane crashed near Vellmora, Scotland.", {"Vellmora": "place"}),
        # WordNet's named instances type names no lexicon lists; capitalised classes are "other"
        ("Officials said Hmong fighters had left Timbuktu.", {"Hmong": "other", "Timbuktu": "place"}),
        # lone surnames with person cues: an age, a "said X" inversion, "X , who"
        ("On Monday Vantrell , 45 , signed a new contract.", {"Vantrell": "person"}),
        ("“We played well,” said Oskarsson.", {"Oskarsson": "person"}),
        ("The striker joined from Brandvik , who had played abroad.", {"Brandvik": "person"}),
        # a results line: a name with its country in brackets is an athlete, not a team
        ("Koszta Varnak ( Spain ) beat Olek Tamsin ( Czech Republic ) 6-3 6-4", {"Olek Tamsin": "person"}),
        # a multiword name made of ordinary words is a body, not a person
        ("Shares of Varnak Copper fell sharply on the news.", {"Varnak Copper": "org"}),
    ],
)
def test_context_typing(text, expected):
    ents = entities_of(text)
    assert_offsets(text, ents)
    got = {}
    for t, typ in ents[["text", "actor_type"]].itertuples(index=False):
        got.setdefault(t, typ)
    for name, typ in expected.items():
        assert got.get(name) == typ, (name, got)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # the word after an agency dateline's dash starts the sentence: "Police" is no name
        ("VARNWICK (Tidewire) - Police said the bridge was closed.", "Police", "VARNWICK"),
        ("PERU - Timber futures ended higher in Lima.", "Timber", "Lima"),
        # an ordinary word capitalised only by the sentence start is no name
        ("Timber closed higher in Lisbon on Friday.", "Timber", "Lisbon"),
        # a dateline with its region: the place is found, the region too
        ("MARLOVKA , Russia 2001-05-04", "2001-05-04", "MARLOVKA"),
        # a hyphen compound qualifies the name after it, it does not join it
        ("He moved to Ostrava-based Varnak last year.", "Ostrava-based Varnak", "Varnak"),
        # an initial joins the surname even when the surname is also a place name
        ("Varnwick 83 and 174 ( D. Madison 4-38 )", "D", "D. Madison"),
    ],
)
def test_boundaries(text, absent, present):
    texts = set(entities_of(text)["text"])
    assert absent not in texts
    assert present in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agency dateline: the city (unknown to the lexicon) and its region are places, and the
        # capitalised word after the dash only opens the sentence
        (
            "ALBANY, N.Y. – The governor today announced grants to bring internet to rural counties.",
            [("ALBANY", "Albany", "place"), ("N.Y.", "N.Y.", "place")],
        ),
        (
            "SPRINGFIELD (Reuters) - Police said on Monday that the bridge would reopen.",
            [("SPRINGFIELD", "Springfield", "place"), ("Reuters", "Reuters", "org")],
        ),
    ],
)
def test_dateline_places_and_sentence_start(text, expected):
    ents = entities_of(text)
    got = [tuple(r) for r in ents[["text", "actor", "actor_type"]].itertuples(index=False)]
    assert got == expected


def test_state_code_after_a_city_is_the_state_not_an_acronym():
    text = "The Environmental Protection Agency visited Elm Township, PA, on Monday. The agency said work would start."
    ents = entities_of(text).set_index("text")
    assert ents.loc["PA", "actor"] == "Pennsylvania" and ents.loc["PA", "rule"] == "state_code"


def test_ordinary_word_capitalised_once_is_no_actor():
    tables = identity_of("Dana Korvel, manager of the program's Turbines office, said tests went well.")
    assert "Turbines" not in set(tables.actors["actor"])
    assert "Dana Korvel" in set(tables.actors["actor"])


def test_ordinary_word_opening_a_sentence_opens_the_name_after_it():
    tables = identity_of("Garden Weekly named the park the best in the region. The magazine said it was well kept.")
    assert "Garden Weekly" in set(tables.actors["actor"])
    assert "Weekly" not in set(tables.actors["actor"])


@pytest.mark.parametrize(("tag", "state"), [("(R-Ga.)", "Georgia"), ("(D-Mont.)", "Montana"), ("(TX-07)", "Texas"), ("(I-Vt.)", "Vermont")])
def test_party_state_tags_name_the_state(tag, state):
    text = f"Rep. Ann Korvel {tag} said the bill would pass."
    ents = entities_of(text)
    assert ents.loc[ents["rule"] == "state_code", "actor"].tolist() == [state]
    assert_offsets(text, ents)


def test_a_dashed_pair_of_names_names_each():
    tables = identity_of("The leaders agreed to deepen OPEC-Peru cooperation. OPEC and Peru said so.")
    ents = tables.entities
    pair = ents[ents["rule"] == "name_pair"]
    assert pair["text"].tolist() == ["OPEC", "Peru"]
    assert set(pair["actor"]) <= set(tables.actors["actor"]) and "OPEC-Peru" not in set(tables.actors["actor"])
    assert_offsets(tables.text, ents)


def test_transcript_labels_in_capitals():
    tables = identity_of(
        "Press conference\n\nSECRETARY OF DEFENSE LLOYD J. VARNET III: Good afternoon, everyone.\n\n"
        "Q: Mr. Secretary, can you say more about the request from the allies?\n\n"
        "SEC. VARNET: Sure. We will keep working with our allies on this request in the weeks ahead.\n\n"
        "STAFF: Last question, please, and then the secretary has to leave for the airport.\n\n"
        "QUESTION: Will the ministers meet again before the summit in the summer?\n",
        layout="auto",
    )
    actors = dict(zip(tables.actors["actor"], tables.actors["mentions"]))
    assert actors.get("Lloyd J. Varnet") == 2, actors
    assert not {"SEC", "STAFF", "VARNET", "Staff", "Q", "QUESTION"} & set(actors)
