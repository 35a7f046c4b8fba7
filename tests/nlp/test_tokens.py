"""Tokens: offsets, and the vectorised perceptron giving exactly NLTK's tags."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.nlp.sentences import split_spans
from analysis.nlp.tokens import _TAGGER_PLAIN, Perceptron, tag, tokenize_spans
from analysis.resources import pos_tagger
from tests.conftest import ROOT, assert_offsets


def _sentences_of(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    out = []
    for a, b in split_spans(text):
        s = text[a:b]
        out.append([s[x:y] for x, y in tokenize_spans(s)])
    return out


@pytest.mark.parametrize(
    "path",
    [
        ROOT / "data" / "articles" / "nato-chief-condemns-china-bullying.txt",
        *sorted((ROOT / "data" / "corpora").glob("*/*.txt")),
    ],
    ids=lambda p: p.stem[:40],
)
def test_tags_equal_nltk_perceptron_on_real_text(path):
    nltk_tagger = pos_tagger()
    sentences = _sentences_of(path)
    assert sentences
    for words in sentences:
        norm = [w.translate(_TAGGER_PLAIN) for w in words]
        assert tag(words) == [t for _, t in nltk_tagger.tag(norm)], " ".join(words)


def test_tags_equal_nltk_on_odd_words():
    # hyphen-initial words, four-digit years, other digits, one-letter and empty strings, unknown words
    words = ["-", "-based", "1990", "1990s", "3rd", "x", "", "Zyxwv", "well-known", "U.S.", "!", "42"]
    expected = [t for _, t in pos_tagger().tag(words)]
    assert Perceptron().tag(words) == expected
    assert tag([]) == []


def test_token_table_offsets(nato):
    assert_offsets(nato.text, nato.tokens)
    assert nato.tokens["token_id"].tolist() == list(range(len(nato.tokens)))
    assert nato.tokens["pos"].ne("").all()


@pytest.mark.parametrize(
    ("token", "word"),
    [("It", True), ("’s", False), ("'S", False), ("n’t", False), ("2023", True), (".", False), ("—", False), ("U.S.", True)],
)
def test_one_definition_of_a_word(token, word):
    # the word counts of stats and terms both go through tokens.is_word
    from analysis.extract.stats import _words
    from analysis.extract.terms import word_count
    from analysis.nlp.tokens import is_word

    assert is_word(token) is word
    df = pd.DataFrame({"text": [token], "pos": [""], "sentence_id": [0]})
    assert word_count(df) == int(word)
    assert _words(df) == ([token] if word else [])
