"""The builders of ``tests/builders.py`` give each table the article gives for the same text.

The extractor tests are fed by the builders instead of a whole ``Article``; these checks keep that
honest: on invented texts, plain and with a title, date line and byline, every builder's table
equals the article's.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Article
from tests.builders import (
    blocks_of,
    entities_of,
    identity_of,
    quotes_of,
    sentences_of,
    term_tables_of,
    timeline_of,
    tokens_of,
)

TEXTS = [
    pytest.param(
        "“We will reopen the quay,” Dana Korvel said on Monday. Korvel added that the Quay Safety Board (QSB) "
        "would meet in March.\n\nThe QSB said the repairs had cost $2 million. She thanked the crews.",
        "plain",
        id="plain",
    ),
    pytest.param(
        "Harbour Board reopens the quay\nBy Olek Varn\nMarch 3, 2024\n\n"
        "The Harbour Board said on Friday that the quay would reopen next week. Dana Korvel and Tom Berg "
        "welcomed the news.\n\nLater the duo stressed that the crews had worked every night.\n",
        "auto",
        id="auto",
    ),
]


def _article(text: str, layout: str) -> Article:
    return Article.from_text(text, layout=layout)


@pytest.mark.parametrize(("text", "layout"), TEXTS)
def test_blocks_sentences_and_tokens_are_the_articles(text, layout):
    art = _article(text, layout)
    pd.testing.assert_frame_equal(blocks_of(text, layout=layout), art.blocks)
    pd.testing.assert_frame_equal(sentences_of(text, layout=layout, story=False), art.sentences)
    pd.testing.assert_frame_equal(sentences_of(text, layout=layout), art.story_sentences)
    pd.testing.assert_frame_equal(tokens_of(text, layout=layout), art.tokens)


@pytest.mark.parametrize(("text", "layout"), TEXTS)
def test_entities_and_quotes_are_the_articles(text, layout):
    art = _article(text, layout)
    pd.testing.assert_frame_equal(entities_of(text, layout=layout), art.entities)
    pd.testing.assert_frame_equal(quotes_of(text, layout=layout), art.quotes)


@pytest.mark.parametrize(("text", "layout"), TEXTS)
def test_identity_tables_are_the_articles(text, layout):
    art, tables = _article(text, layout), identity_of(text, layout=layout)
    assert tables.text == art.text
    for name in ("entities", "quotes", "quote_speakers", "actors", "aliases"):
        pd.testing.assert_frame_equal(getattr(tables, name), getattr(art, name), obj=name)


def test_timeline_is_the_stage_the_article_reads():
    """On a plain text the article's timeline is the stage's table with the actors table's ids added."""
    text = TEXTS[0].values[0]
    art = Article.from_text(text, layout="plain", published="2024-03-01")
    tl = timeline_of(text, published="2024-03-01")
    assert len(tl) > 0
    pd.testing.assert_frame_equal(tl, art.timeline[list(tl.columns)])


@pytest.mark.parametrize(("text", "layout"), TEXTS)
def test_term_tables_are_the_articles(text, layout):
    art, tables = _article(text, layout), term_tables_of(text, layout=layout)
    pd.testing.assert_frame_equal(tables.tokens, art.tokens)
    pd.testing.assert_frame_equal(tables.term_tokens, art.term_tokens)
