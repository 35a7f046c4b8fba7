"""Corpus identities: one actor across articles (analysis/extract/identities.py), on invented corpora."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus import CorpusError
from analysis.extract import identities as ids
from tests.conftest import ROOT

EVENT = ROOT / "data" / "corpora" / "nato-japan-2023"


def corpus_of(*texts: str, **kwargs):
    """A corpus of invented texts, one article each (``a``, ``b``, ``c``...), run in a plain loop."""
    names = [chr(ord("a") + i) for i in range(len(texts))]
    df = pd.DataFrame({"article_id": names, "text": list(texts), "layout": "plain"})
    return load_corpus(df, scheduler="synchronous", progress=False, **kwargs)


def corpus_id(corpus, article: str, display: str) -> str:
    """The corpus actor_id of the article actor whose article display name is ``display``."""
    actors = corpus.actors
    row = actors[(actors["article_id"] == article) & (actors["article_actor"] == display)]
    assert len(row) == 1, (article, display, actors[["article_id", "article_actor"]].values.tolist())
    return row["actor_id"].iloc[0]


@pytest.mark.parametrize(("rule", "example"), ids.LINK_RULES.examples(), ids=[n for n, _ in ids.LINK_RULES.examples()])
def test_each_link_rule_joins_its_example(rule, example):
    texts = [t.strip() for t in example.text.split("|")]
    corpus = corpus_of(*texts)
    first, second = example.expect["forms"]
    a = corpus_id(corpus, "a", first)
    b = corpus_id(corpus, chr(ord("a") + len(texts) - 1), second)
    assert a == b
    row = corpus.identities.set_index("actor_id").loc[a]
    assert rule in row["rule"].split("; ")
    assert {"a", "b"} <= set(row["article_ids"])
    links = corpus.actor_links
    assert rule in set(links.loc[links["actor_id"] == a, "rule"])


def test_two_people_of_one_family_name_stay_apart_and_a_bare_family_name_joins_neither():
    corpus = corpus_of(
        "Dana Korvel opened the depot on Monday.",
        "Lena Korvel closed the bakery on Tuesday.",
        "Korvel said on Wednesday that fares would rise.",
    )
    dana, lena, bare = (corpus_id(corpus, a, n) for a, n in (("a", "Dana Korvel"), ("b", "Lena Korvel"), ("c", "Korvel")))
    assert len({dana, lena, bare}) == 3
    assert corpus.identities["actor_id"].is_unique


def test_one_person_of_a_family_name_takes_every_bare_mention():
    corpus = corpus_of(
        "Dana Korvel opened the depot on Monday.",
        "Korvel said on Wednesday that fares would rise.",
        "Dana Korvel and Oren Vale met on Friday. Korvel said little.",
        "Korvel said on Saturday that the depot would close.",
    )
    dana = corpus_id(corpus, "a", "Dana Korvel")
    assert {corpus_id(corpus, a, "Korvel") for a in ("b", "d")} == {dana}
    row = corpus.identities.set_index("actor_id").loc[dana]
    assert row["actor"] == "Dana Korvel"  # the fullest form any article uses
    assert row["articles"] == 4 and set(row["article_actor_ids"]) == {"dana-korvel", "korvel"}


def test_every_corpus_table_uses_the_corpus_ids():
    corpus = corpus_of(
        "Dana Korvel of the Harbour Board Authority said on Monday that fares would rise.",
        "Korvel said on Tuesday that the HBA would meet again. The HBA said fares would rise.",
    )
    known = set(corpus.identities["actor_id"])
    for table in ("entities", "actors", "quote_speakers", "aliases"):
        df = corpus.table(table)
        assert set(df["actor_id"]) <= known, table
        assert "article_actor_id" in df.columns
    quotes = corpus.quotes
    for speaker_ids in quotes["speaker_ids"]:
        assert set(np.asarray(speaker_ids).tolist()) <= known
    dana = corpus_id(corpus, "a", "Dana Korvel")
    assert set(corpus.entities.loc[corpus.entities["article_id"] == "b", "actor"]) >= {"Dana Korvel"}
    share = corpus.actor_share(by="article_id")
    assert not share.duplicated(["article_id", "actor_id"]).any()
    assert dana in set(share.loc[share["article_id"] == "b", "actor_id"])
    speakers = corpus.speaker_share(by="article_id")
    assert not speakers.duplicated(["article_id", "actor_id"]).any()


def test_overrides_join_and_keep_apart():
    texts = ("Dana Korvel opened the depot on Monday.", "Korvel said on Wednesday that fares would rise.")
    apart = corpus_of(*texts, different_actor=[("korvel", "dana-korvel")])
    assert corpus_id(apart, "a", "Dana Korvel") != corpus_id(apart, "b", "Korvel")
    joined = corpus_of(
        "Dana Korvel opened the depot on Monday.",
        "Lena Korvel closed the bakery on Tuesday.",
        "Korvel said on Wednesday that fares would rise.",
        same_actor=[(("c", "korvel"), ("b", "lena-korvel"))],
    )
    assert corpus_id(joined, "c", "Korvel") == corpus_id(joined, "b", "Lena Korvel")
    assert ids.SAME_ACTOR in joined.identities.set_index("actor_id").loc[corpus_id(joined, "b", "Lena Korvel"), "rule"]
    with pytest.raises(CorpusError, match="no-such-actor"):
        corpus_of(*texts, same_actor=[("no-such-actor", "korvel")])
    with pytest.raises(CorpusError, match="disagree"):
        corpus_of(*texts, same_actor=[("korvel", "dana-korvel")], different_actor=[("korvel", "dana-korvel")])


def test_link_actors_on_a_built_table():
    actors = pd.DataFrame(
        {
            "article_id": ["a", "b", "b", "c"],
            "actor_id": ["marta-vell", "vell", "northwind", "northwind"],
            "actor": ["Marta Vell", "Vell", "Northwind", "Northwind"],
            "actor_type": ["person", "person", "org", "person"],  # the same name as a person stays apart
            "mentions": [3, 1, 2, 1],
            "names": [["Marta Vell"], ["Vell"], ["Northwind"], ["Northwind"]],
        }
    )
    identities, links = ids.link_actors(actors)
    assert links["actor_id"].tolist()[:2] == ["marta-vell", "marta-vell"]
    assert links["actor_id"].iloc[2] != links["actor_id"].iloc[3]
    assert identities["actor_id"].is_unique and identities["mentions"].sum() == 7


def test_event_corpus_has_one_corpus_actor_for_each_expected_identity():
    """The accounts name some actors differently (a family name alone, an acronym against its
    expansion): each actor of the corpus folder's ``identities.csv`` is one corpus actor."""
    corpus = load_corpus(EVENT, scheduler="synchronous", progress=False)
    expected = pd.read_csv(EVENT / "identities.csv", dtype=str)
    actors = corpus.actors
    for row in expected.itertuples(index=False):
        found = actors.loc[actors["article_actor_id"].isin(row.article_actor_ids.split("|")), "actor_id"]
        assert found.nunique() == 1, (row.actor, sorted(set(found)))
        articles = corpus.identities.set_index("actor_id").loc[found.iloc[0], "articles"]
        assert 1 <= articles <= int(row.articles), row.actor
    share = corpus.actor_share(by="outlet")
    assert not share.duplicated(["outlet", "actor_id"]).any()
