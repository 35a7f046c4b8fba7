"""What a stage reads: the tables of one article, or of a corpus, as structural types.

The stages and views below :class:`~analysis.article.Article` and :class:`~analysis.corpus.Corpus`
(statistics, keyword in context, comparisons, charts, the report, the explorer) may not import
those classes: they sit in a later layer.  They read them through these :class:`typing.Protocol`
types instead, so the contract between the layers is written down once, here, and any object that
has the same tables (a test double, a notebook's own frame of texts) serves as well.

A Protocol is checked by a type checker, not at run time: a function typed ``ArticleTables`` accepts
whatever has the attributes it reads.
"""

from __future__ import annotations

from typing import Protocol

import pandas as pd


class ArticleTables(Protocol):
    """The text, metadata and tables of one article (what :class:`~analysis.article.Article` has).

    Offsets in every table index into :attr:`text`; ``actor_id`` is the key the tables share.
    """

    text: str
    source: str | None

    @property
    def metadata(self) -> dict:
        """Title, authors, published, outlet, caption, provenance..."""

    @property
    def blocks(self) -> pd.DataFrame:
        """One row per line or paragraph."""

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence, every block kind."""

    @property
    def story_sentences(self) -> pd.DataFrame:
        """The sentences of body paragraphs and in-body headings."""

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token of the story sentences."""

    @property
    def term_tokens(self) -> pd.DataFrame:
        """Every story token with its term key and the rule that counted or dropped it."""

    @property
    def entities(self) -> pd.DataFrame:
        """One row per entity mention."""

    @property
    def quotes(self) -> pd.DataFrame:
        """One row per quote (attribution)."""

    @property
    def quote_speakers(self) -> pd.DataFrame:
        """One row per (quote, speaker)."""

    @property
    def actors(self) -> pd.DataFrame:
        """One row per actor."""

    @property
    def cooccurrence(self) -> pd.DataFrame:
        """Actor pairs named in the same sentence."""

    @property
    def timeline(self) -> pd.DataFrame:
        """One row per temporal expression."""

    @property
    def terms(self) -> pd.DataFrame:
        """Term frequencies of the story."""

    @property
    def bigrams(self) -> pd.DataFrame:
        """Two-word collocations."""

    @property
    def term_dispersion(self) -> pd.DataFrame:
        """Counts of the top terms per segment of the story."""

    @property
    def stats(self) -> pd.DataFrame:
        """Summary statistics (``statistic, value, unit, method``)."""

    def kwic(self, term: str, *, window: int = 5) -> pd.DataFrame:
        """Keyword-in-context rows for ``term``."""


class CorpusTables(Protocol):
    """The articles and the concatenated tables of a corpus (what :class:`~analysis.corpus.Corpus` has).

    Each table has ``article_id`` first; ``actor_id`` is the corpus-wide identity of an actor.
    """

    articles: pd.DataFrame
    table_names: list[str]

    def table(self, name: str) -> pd.DataFrame:
        """One table of every article, ``article_id`` first, in the order of :attr:`articles`."""

    def groups(self, by: str = "article_id") -> pd.DataFrame:
        """``article_id`` and the group label of each article."""

    def select(self, which) -> list[str]:
        """The article ids ``which`` names (ids, one id, or a boolean mask over :attr:`articles`)."""

    @property
    def actors(self) -> pd.DataFrame:
        """One row per (article, actor)."""

    @property
    def quotes(self) -> pd.DataFrame:
        """One row per quote of every article."""

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence of every article."""

    @property
    def terms(self) -> pd.DataFrame:
        """Term counts of every article."""

    @property
    def timeline(self) -> pd.DataFrame:
        """Temporal expressions of every article."""
