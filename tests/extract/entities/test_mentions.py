"""Tests for analysis.extract.entities: mentions, actors and co-occurrence."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from analysis import Article
from analysis.extract import entities
from analysis.extract.entities import (
    ENTITY_COLUMNS,
    LINK_RULES,
    RUN_TYPING_RULES,
    build_actors,
    cooccurrence,
    entity_rules,
    extract_entities,
)
from analysis.nlp import coref, mention
from analysis.nlp.mention import HOW_KINDS
from tests.conftest import PAGES, assert_offsets


def _ents(text: str) -> pd.DataFrame:
    return Article.from_text(text, layout="plain").entities


def _norm(name: str) -> str:
    return name.replace("–", "-").lower()


# -- the shipped article ---------------------------------------------------------------------


def test_entities_columns_and_offsets(nato):
    ents = nato.entities
    assert list(ents.columns[: len(ENTITY_COLUMNS)]) == ENTITY_COLUMNS
    assert len(ents) > 0
    assert_offsets(nato.text, ents)
    assert ents["mention_id"].is_unique
    assert set(ents["actor_type"]) <= {"person", "org", "country", "place", "event", "other"}
    assert ents["sentence_id"].isin(nato.story_sentences["sentence_id"]).all()


def _our_count(actors: pd.DataFrame, name: str) -> int:
    hit = actors[
        (actors["actor"].map(_norm) == _norm(name)) | actors["names"].map(lambda ns: _norm(name) in map(_norm, ns))
    ]
    return int(hit["mentions"].iloc[0]) if len(hit) else 0


def test_gold_actor_counts(nato, gold):
    actors = nato.actors
    good = 0
    for g in gold["actors"]:
        n, want = _our_count(actors, g["name"]), g["body_mentions"]
        tol = 0.15 * want if want > 6 else 1
        good += abs(n - want) <= tol
    assert good >= 15


def test_gold_top_six(nato, gold):
    ranked = sorted(gold["actors"], key=lambda g: -g["body_mentions"])
    cutoff = ranked[5]["body_mentions"]
    must = {_norm(g["name"]) for g in ranked if g["body_mentions"] > cutoff}
    may = {_norm(g["name"]) for g in ranked if g["body_mentions"] >= cutoff}
    top = {_norm(a) for a in nato.actors["actor"].head(6)}
    assert must <= top
    assert top <= may


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


def test_actors_table(nato):
    actors = nato.actors
    for col in ("actor", "actor_type", "mentions", "quotes", "first_sentence", "last_sentence"):
        assert col in actors.columns
    assert actors["actor"].is_unique
    assert actors["mentions"].is_monotonic_decreasing
    assert actors["mentions"].sum() == len(nato.entities)


def test_cooccurrence_on_article(nato):
    co = cooccurrence(nato.entities)
    assert list(co.columns[:3]) == ["actor_a", "actor_b", "sentences"]
    assert (co["actor_a"] < co["actor_b"]).all()
    assert not co.duplicated(["actor_a", "actor_b"]).any()
    # recount one pair by hand from the mentions
    a, b = co.iloc[0]["actor_a"], co.iloc[0]["actor_b"]
    ents = nato.entities
    both = set(ents.loc[ents["actor"] == a, "sentence_id"]) & set(ents.loc[ents["actor"] == b, "sentence_id"])
    assert co.iloc[0]["sentences"] == len(both)


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
    ents = _ents(text)
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
    ents = _ents(text)
    pron = ents[ents["how"] == "pronoun"]
    if pronoun_actor is None:
        assert pron.empty
    else:
        assert pron.iloc[0]["actor"] == pronoun_actor


def test_empty_inputs():
    empty = extract_entities("", pd.DataFrame({"sentence_id": [], "start": [], "end": []}), pd.DataFrame())
    assert list(empty.columns[: len(ENTITY_COLUMNS)]) == ENTITY_COLUMNS
    assert empty.empty
    assert build_actors(empty, pd.DataFrame()).empty
    assert cooccurrence(empty).empty


def test_build_actors_counts_quotes_by_speaker():
    ents = _ents("Maria Velasko met Omar Haddad. Velasko said the talks went well.")
    quotes = pd.DataFrame({"speaker": ["Maria Velasko", "Maria Velasko", None]})
    actors = build_actors(ents, quotes).set_index("actor")
    assert actors.loc["Maria Velasko", "mentions"] == 2
    assert actors.loc["Maria Velasko", "quotes"] == 2
    assert actors.loc["Omar Haddad", "quotes"] == 0
    assert actors.loc["Maria Velasko", "first_sentence"] < actors.loc["Maria Velasko", "last_sentence"]


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
    ents = _ents(text)
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
    texts = set(_ents(text)["text"])
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
    art = Article.from_text(text, layout="plain")
    got = [tuple(r) for r in art.entities[["text", "actor", "actor_type"]].itertuples(index=False)]
    assert got == expected


# -- the rule tables: one test per rule, from the example kept in the table ----------------------


def _table_examples():
    for table in (RUN_TYPING_RULES, LINK_RULES, HOW_KINDS):
        for name, example in table.examples():
            yield pytest.param(example, id=f"{table.column}:{name}")


@pytest.mark.parametrize("example", list(_table_examples()))
def test_rule_example(example):
    """The example's text, through the whole pipeline, yields the mention the rule's table promises."""
    ents = _ents(example.text)
    assert_offsets(example.text, ents)
    expect = dict(example.expect)
    if "absent" in expect:  # a rule whose mention names no actor: the row is dropped
        assert expect["absent"] not in set(ents["text"])
        return
    rows = ents[ents["text"] == expect.pop("text")].to_dict("records")
    assert any(all(row[k] == v for k, v in expect.items()) for row in rows), (expect, rows)


def test_every_rule_has_an_example():
    for table in (RUN_TYPING_RULES, LINK_RULES, HOW_KINDS):
        assert {name for name, _ in table.examples()} == set(table.names), table.column


def test_rule_columns_are_declared_once():
    """``entity_rules()`` lists every value the column takes, typing rules first; the tables share none."""
    typing = {rule.column for rule in RUN_TYPING_RULES}
    assert not typing & set(LINK_RULES.names)
    assert list(entity_rules()) == [*dict.fromkeys(rule.column for rule in RUN_TYPING_RULES), *LINK_RULES.names]


def _literal_strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [v for elt in node.elts for v in _literal_strings(elt)]
    return []


def test_no_rule_name_is_compared_as_a_string_literal():
    """Code compares rule and mention-kind names through constants or rule fields, never literals."""
    names = set(entity_rules()) | set(HOW_KINDS.names)
    package = Path(entities.__file__).parent
    files = [*sorted(package.glob("*.py")), Path(coref.__file__), Path(mention.__file__)]
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                hits = {v for side in (node.left, *node.comparators) for v in _literal_strings(side)} & names
                found += [f"{path.name}:{node.lineno} {sorted(hits)}"] if hits else []
    assert not found, found


def test_run_rule_names_an_entity_row():
    ents = _ents("The plan will work, Helen Ostrava said on Monday.")
    row = ents[ents["text"] == "Helen Ostrava"].iloc[0]
    assert (row["actor_type"], row["rule"]) == ("person", "first_name")


def test_every_entity_rule_value_is_declared():
    from analysis import load_article

    declared = entity_rules()
    seen = set()
    for path in sorted(PAGES.glob("*.txt")):
        seen |= set(load_article(path).entities["rule"])
    assert seen, "the fixtures give entities"
    assert seen <= set(declared), seen - set(declared)

