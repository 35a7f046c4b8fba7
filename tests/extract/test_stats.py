"""Summary statistics: syllables, Flesch formulas, and the story's figures."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import Article
from analysis.extract.stats import article_stats, count_syllables, readability, stats_dict, summary_stats
from tests.builders import sentences_of, tokens_of


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("the", 1),
        ("a", 1),
        ("cat", 1),
        ("make", 1),
        ("makes", 1),
        ("table", 2),
        ("tables", 2),
        ("people", 2),
        ("stopped", 1),
        ("played", 1),
        ("wanted", 2),
        ("agreed", 2),
        ("boxes", 2),
        ("judges", 2),
        ("nation", 2),
        ("million", 2),
        ("statement", 2),
        ("likely", 2),
        ("someone", 2),
        ("being", 2),
        ("quiet", 2),
        ("create", 2),
        ("radio", 3),
        ("violent", 3),
        ("idea", 3),
        ("area", 3),
        ("alliance", 3),
        ("military", 4),
        ("society", 4),
        ("communism", 4),
        ("cooperation", 5),
        ("readability", 5),
        ("international", 5),
        ("Indo–Pacific", 5),
        ("U.S.", 2),
        ("FBI", 3),
        ("Mr.", 2),
        ("2023", 4),
    ],
)
def test_count_syllables(word, syllables):
    assert count_syllables(word) == syllables


def test_count_syllables_never_zero_for_words():
    for word in ["rhythm", "nth", "shh", "y", "e", "Ltd"]:
        assert count_syllables(word) >= 1
    assert count_syllables("—") == 0


def test_flesch_formulas_by_hand():
    # 6 one-syllable words in one sentence
    r = readability(["The", "cat", "sat", "on", "the", "mat"], 1)
    assert r["syllables"] == 6
    assert r["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 1)
    assert r["flesch_kincaid_grade"] == pytest.approx(0.39 * 6 + 11.8 * 1 - 15.59)
    # 4 words, 2 sentences, 2 + 5 + 1 + 2 = 10 syllables
    r = readability(["People", "international", "cat", "table"], 2)
    assert r["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 2 - 84.6 * 10 / 4)
    assert r["flesch_kincaid_grade"] == pytest.approx(0.39 * 2 + 11.8 * 10 / 4 - 15.59)


def test_harder_text_scores_harder():
    easy = readability("The cat sat on the mat and the dog ran".split(), 2)
    hard = readability("International cooperation necessitates unprecedented institutional accountability".split(), 1)
    assert easy["flesch_reading_ease"] > hard["flesch_reading_ease"]
    assert easy["flesch_kincaid_grade"] < hard["flesch_kincaid_grade"]


def test_empty_text_gives_nan_scores():
    r = readability([], 0)
    assert r["words"] == 0 and math.isnan(r["flesch_reading_ease"]) and math.isnan(r["flesch_kincaid_grade"])


def test_summary_stats_columns_and_optional_tables():
    text = "The mayor spoke. The city held firm.\n\nA second paragraph."
    sentences = sentences_of(text)
    tokens = tokens_of(text, sentences=sentences)
    df = summary_stats(sentences, tokens)
    assert list(df.columns) == ["statistic", "value", "unit", "method"]
    assert df["method"].str.len().gt(0).all()
    values = stats_dict(df)
    assert (values["words"], values["sentences"], values["paragraphs"]) == (10, 3, 2)
    assert "quotes" not in values and "actors" not in values
    quotes = pd.DataFrame({"kind": ["direct", "partial", "direct"], "speaker": ["A", None, "A"]})
    values = stats_dict(summary_stats(sentences, tokens, quotes=quotes, actors=pd.DataFrame({"a": [1]})))
    assert values["quotes"] == 3 and values["quotes_direct"] == 2 and values["quotes_indirect"] == 0
    assert values["speakers"] == 1 and values["actors"] == 1


def test_reading_rate_option():
    art = Article.from_text("One two three four five six.", layout="plain")
    assert stats_dict(article_stats(art, wpm=3))["reading_time"] == pytest.approx(2.0)
