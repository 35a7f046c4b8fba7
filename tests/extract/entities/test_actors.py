"""The tables built from the mentions (analysis/extract/entities/actors.py): actors and co-occurrence."""

from __future__ import annotations

import pandas as pd

from analysis.extract.entities import ENTITY_COLUMNS, build_actors, cooccurrence, extract_entities
from tests.builders import entities_of


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


def test_empty_inputs():
    empty = extract_entities("", pd.DataFrame({"sentence_id": [], "start": [], "end": []}), pd.DataFrame())
    assert list(empty.columns[: len(ENTITY_COLUMNS)]) == ENTITY_COLUMNS
    assert empty.empty
    assert build_actors(empty, pd.DataFrame()).empty
    assert cooccurrence(empty).empty


def test_build_actors_counts_quotes_by_speaker():
    ents = entities_of("Maria Velasko met Omar Haddad. Velasko said the talks went well.")
    quotes = pd.DataFrame({"speaker": ["Maria Velasko", "Maria Velasko", None]})
    actors = build_actors(ents, quotes).set_index("actor")
    assert actors.loc["Maria Velasko", "mentions"] == 2
    assert actors.loc["Maria Velasko", "quotes"] == 2
    assert actors.loc["Omar Haddad", "quotes"] == 0
    assert actors.loc["Maria Velasko", "first_sentence"] < actors.loc["Maria Velasko", "last_sentence"]
