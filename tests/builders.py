"""Builders of a stage's input tables from a short invented text, without a whole ``Article``.

An extractor test feeds its stage the tables the stage reads, built here by the real stages below it
chained as :class:`analysis.Article` chains them (layout, sentences, tokens, entities, quotes):

>>> from analysis.extract.entities import extract_entities
>>> text = "Dana Korvel met the Harbour Board on Monday."
>>> ents = extract_entities(text, sentences_of(text), tokens_of(text))
>>> ents.loc[ents["text"] == "Dana Korvel", "actor_type"].tolist()
['person']

With ``layout="plain"`` (the default) every paragraph is body, as in
``Article.from_text(text, layout="plain")``; ``layout="auto"`` reads a title, a date line, captions
and bylines first, as ``Article.from_text(text)`` does.  A builder given the tables it would build
(``sentences=``, ``tokens=``, ``entities=``) uses them, so a test can build each table once.
``tests/test_builders.py`` checks that every builder gives the table the article gives.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.article import STORY_KINDS
from analysis.extract.entities import build_actors, extract_entities
from analysis.extract.quotes import extract_quotes, extract_quotes_linked
from analysis.extract.terms import term_tokens
from analysis.extract.timeline import extract_timeline
from analysis.nlp.identity import aliases_table
from analysis.nlp.sentences import split_sentences
from analysis.nlp.tokens import tokenize
from analysis.read.layout import Layout, recognise


def blocks_of(text: str, *, layout: Layout = "plain") -> pd.DataFrame:
    """The blocks table of ``text`` (one row per line or paragraph, with its kind and rule)."""
    return recognise(text, layout=layout)[0]


def sentences_of(text: str, *, layout: Layout = "plain", story: bool = True) -> pd.DataFrame:
    """The sentences the extractors read: those of body paragraphs and in-body headings.

    ``story=False`` gives every sentence, whatever the kind of its block (titles, captions...).
    """
    sentences = split_sentences(text, blocks_of(text, layout=layout))
    return sentences[sentences["kind"].isin(STORY_KINDS)] if story else sentences


def tokens_of(text: str, *, layout: Layout = "plain", sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The tagged tokens of the story sentences (``token_id, sentence_id, start, end, text, pos``)."""
    if sentences is None:
        sentences = sentences_of(text, layout=layout)
    return tokenize(text, sentences)


def entities_of(
    text: str,
    *,
    layout: Layout = "plain",
    sentences: pd.DataFrame | None = None,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The entities table of the story: one row per mention, with its type, actor and rule."""
    if sentences is None:
        sentences = sentences_of(text, layout=layout)
    if tokens is None:
        tokens = tokens_of(text, sentences=sentences)
    return extract_entities(text, sentences, tokens)


def quotes_of(text: str, entities: pd.DataFrame | None = None, *, layout: Layout = "plain") -> pd.DataFrame:
    """The quotes table of the story, its speakers resolved over ``entities``.

    ``entities`` defaults to the story's own entities table; pass a table (an empty one, or one built
    by hand) to resolve the speakers against that instead.
    """
    sentences = sentences_of(text, layout=layout)
    tokens = tokens_of(text, sentences=sentences)
    if entities is None:
        entities = extract_entities(text, sentences, tokens)
    return extract_quotes(text, sentences, entities, tokens)


@dataclass(frozen=True)
class Identity:
    """The identity tables of a short text: mentions, quotes and the actors both name.

    The tables are those of the article of the same text (``actors`` counts the mentions of
    ``entities`` and the speakers of ``quote_speakers``; ``aliases`` is one row per surface form).
    """

    text: str
    entities: pd.DataFrame
    quotes: pd.DataFrame
    quote_speakers: pd.DataFrame
    actors: pd.DataFrame
    aliases: pd.DataFrame


def identity_of(text: str, *, layout: Layout = "plain") -> Identity:
    """The entities, quotes, quote speakers, actors and aliases of ``text``, each built once."""
    sentences = sentences_of(text, layout=layout)
    tokens = tokens_of(text, sentences=sentences)
    entities = extract_entities(text, sentences, tokens)
    quotes, quote_speakers, speaking = extract_quotes_linked(text, sentences, entities, tokens)
    actors = build_actors(entities, quote_speakers, speaking)
    return Identity(text, entities, quotes, quote_speakers, actors, aliases_table(entities))


def timeline_of(text: str, *, published: str | None = None, layout: Layout = "plain") -> pd.DataFrame:
    """The timeline stage's table for the story sentences, read against ``published``.

    The stage's own output (its ``actors`` named as the entities table names them); the article
    also reads captions and datelines and adds the actors table's ``actor_ids``.
    """
    sentences = sentences_of(text, layout=layout)
    tokens = tokens_of(text, sentences=sentences)
    entities = extract_entities(text, sentences, tokens)
    return extract_timeline(text, sentences, published=published, entities=entities, tokens=tokens)


@dataclass(frozen=True)
class TermTables:
    """The text with its tokens and term tokens: what keyword-in-context reads of an article."""

    text: str
    tokens: pd.DataFrame
    term_tokens: pd.DataFrame


def term_tables_of(text: str, *, layout: Layout = "plain") -> TermTables:
    """The tokens and term tokens of the story of ``text`` (the tables ``kwic`` reads of an article)."""
    tokens = tokens_of(text, layout=layout)
    return TermTables(text, tokens, term_tokens(tokens))

