"""``.plot`` accessors: every chart of :mod:`analysis.present.charts` one call away, like pandas' ``df.plot``.

``art.plot.actor_mentions()`` is ``charts.actor_mentions(art.actors, top_n=TOP_N,
source=charts.source_line(art.metadata))``: each method fills in what its owner already knows
(tables, sentences, publication date, source line) and returns the very same plotly ``Figure`` as
the functional call, which stays the API for custom tables.  Every chart with a ``top_n`` uses one
default, :data:`TOP_N`.

The pattern is reusable: :class:`PlotAccessor` holds the owner, its source line and the generic
``plot(kind)`` / ``plot.all()``; a subclass adds one method per chart and its owner exposes it as
``plot = cached_property(MyPlot)`` (as :class:`~analysis.article.Article` does with
:class:`ArticlePlot`).  A corpus accessor subclasses it the same way with its own tables.
"""

from __future__ import annotations

import inspect
from typing import Any

import plotly.graph_objects as go

from analysis.extract import compare
from analysis.extract.compare import comparison_tables, default_group
from analysis.present import charts, corpus_charts
from analysis.tables import ArticleTables, CorpusTables

#: The one default number of bars, rows or lines of every chart that takes ``top_n``.
TOP_N = 10


class PlotAccessor:
    """Base of the ``.plot`` accessors: the owner, its source line, ``plot(kind)`` and ``plot.all()``.

    Subclasses list their chart methods in :attr:`kinds` (in display order); each method takes
    ``top_n`` (when the chart has one) and keyword options, and returns a ``Figure``.
    """

    #: Chart method names, in the order :meth:`all` returns them.
    kinds: tuple[str, ...] = ()

    def __init__(self, owner: ArticleTables | CorpusTables) -> None:
        self._owner = owner

    @property
    def source(self) -> str:
        """The source line drawn under every chart (from the owner's ``metadata``)."""
        return charts.source_line(getattr(self._owner, "metadata", None))

    def __call__(self, kind: str, **kwargs: Any) -> go.Figure:
        """Draw chart ``kind`` (``art.plot("timeline")`` is ``art.plot.timeline()``)."""
        if kind not in self.kinds:
            raise ValueError(f"unknown chart {kind!r} (expected one of {', '.join(self.kinds)})")
        return getattr(self, kind)(**kwargs)

    def all(self, *, top_n: int = TOP_N) -> dict[str, go.Figure]:
        """Return every chart by name, each with ``top_n`` when it takes one."""
        out = {}
        for kind in self.kinds:
            method = getattr(self, kind)
            takes = "top_n" in inspect.signature(method).parameters
            out[kind] = method(top_n=top_n) if takes else method()
        return out

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.kinds))

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {', '.join(self.kinds)}>"


class ArticlePlot(PlotAccessor):
    """The charts of one :class:`~analysis.article.Article` (``art.plot``).

    Examples
    --------
    >>> from analysis import Article
    >>> art = Article.from_text("Ann Lee met Bo Park in Lima. Rain fell in Lima.", layout="plain")
    >>> fig = art.plot.term_frequencies(top_n=2)
    >>> fig == charts.term_frequencies(art.terms, top_n=2, source=charts.source_line(art.metadata))
    True
    >>> list(art.plot.all()) == list(charts.CHART_NAMES)
    True
    """

    kinds = charts.CHART_NAMES
    _owner: ArticleTables

    def term_frequencies(self, *, top_n: int = TOP_N) -> go.Figure:
        """Most frequent terms (``art.terms``)."""
        return charts.term_frequencies(self._owner.terms, top_n=top_n, source=self.source)

    def top_bigrams(self, *, top_n: int = TOP_N) -> go.Figure:
        """Most frequent bigrams with their collocation score (``art.bigrams``)."""
        return charts.top_bigrams(self._owner.bigrams, top_n=top_n, source=self.source)

    def terms_through_story(self, *, top_n: int = TOP_N) -> go.Figure:
        """Counts of the ``top_n`` most frequent terms per story segment (``art.term_dispersion``)."""
        disp = self._owner.term_dispersion
        top = disp[disp["rank"] <= top_n] if "rank" in disp.columns else disp
        return charts.terms_through_story(top, source=self.source)

    def actor_mentions(self, *, top_n: int = TOP_N) -> go.Figure:
        """Mentions per actor, coloured by actor type (``art.actors``)."""
        return charts.actor_mentions(self._owner.actors, top_n=top_n, source=self.source)

    def actor_positions(self, *, top_n: int = TOP_N, max_columns: int = 40) -> go.Figure:
        """Where each actor is mentioned: actor × story sentence (``art.entities``)."""
        art = self._owner
        return charts.actor_positions(
            art.entities, art.story_sentences, top_n=top_n, max_columns=max_columns, source=self.source
        )

    def cooccurrence(self, *, top_n: int = TOP_N) -> go.Figure:
        """Actors mentioned in the same sentence (``art.cooccurrence``)."""
        return charts.cooccurrence(self._owner.cooccurrence, top_n=top_n, source=self.source)

    def quotes_per_speaker(self, *, top_n: int = TOP_N) -> go.Figure:
        """Quotes per speaker, stacked by kind (``art.quotes``; a joint quote counts for each speaker)."""
        art = self._owner
        return charts.quotes_per_speaker(art.quotes, speakers=art.quote_speakers, top_n=top_n, source=self.source)

    def timeline(self) -> go.Figure:
        """Dated events on a time axis, with the sentences on hover and the publication date."""
        art = self._owner
        return charts.timeline(
            art.timeline, sentences=art.sentences, published=art.metadata.get("published"), source=self.source
        )


class CorpusPlot(PlotAccessor):
    """The comparison charts of a :class:`~analysis.corpus.Corpus` (``corpus.plot``).

    Each method computes the comparison table it draws (``corpus.actor_share(by=…)``, …) and returns
    the same ``Figure`` as the function of :mod:`analysis.present.corpus_charts` with the corpus's
    source line; ``by`` defaults to the outlet when the articles have several, else the article.
    """

    kinds = corpus_charts.CORPUS_CHART_NAMES
    _owner: CorpusTables

    @property
    def source(self) -> str:
        """The source line drawn under every chart (the articles compared)."""
        return corpus_charts.corpus_source_line(self._owner.articles)

    def _by(self, by: str | None) -> str:
        return by or default_group(self._owner)

    def actor_share(self, *, by: str | None = None, top_n: int = TOP_N) -> go.Figure:
        """Share of actor mentions per group (100 % stacked bars, counts on hover)."""
        by = self._by(by)
        return corpus_charts.actor_share(compare.actor_share(self._owner, by=by), by, top_n=top_n, source=self.source)

    def speakers(self, *, by: str | None = None, top_n: int = TOP_N) -> go.Figure:
        """Who is quoted in which group (heatmap of quote counts)."""
        by = self._by(by)
        return corpus_charts.speakers(compare.speaker_share(self._owner, by=by), by, top_n=top_n, source=self.source)

    def keyness(
        self, a=None, b=None, *, names: tuple[str, str] = ("a", "b"), by: str | None = None, top_n: int = TOP_N
    ) -> go.Figure:
        """Distinctive terms of group ``a`` against ``b`` (default: the first group of ``by`` against the rest)."""
        if a is None:
            table = comparison_tables(self._owner, by=self._by(by))["keyness"]
        else:
            table = compare.keyness(self._owner, a, b, names=names)
        return corpus_charts.keyness(table, top_n=top_n, source=self.source)

    def merged_timeline(self) -> go.Figure:
        """Every article's dated expressions on one time axis, coloured by article."""
        return corpus_charts.merged_timeline(compare.merged_timeline(self._owner), source=self.source)

    def quote_reuse(self, *, top_n: int = TOP_N) -> go.Figure:
        """Quotes whose words recur across articles, with the articles and speakers that carry them."""
        ids = self._owner.articles["article_id"].tolist()
        return corpus_charts.quote_reuse(compare.shared_quotes(self._owner), ids, top_n=top_n, source=self.source)


def article_charts(article: ArticleTables, *, top_n: int | None = None) -> dict[str, go.Figure]:
    """Build every chart of an article, keyed by :data:`analysis.present.charts.CHART_NAMES`
    (``article.plot.all()``).

    Parameters
    ----------
    article : ArticleTables
        A loaded article (its ``plot`` accessor is used when it has one).
    top_n : int, optional
        Number of terms, bigrams, actors and speakers drawn (default: :data:`TOP_N`, the one
        default of every ``art.plot`` chart).

    Examples
    --------
    >>> from analysis import Article
    >>> art = Article.from_text("Rain fell in Spain. Rain fell again.", layout="plain")
    >>> list(article_charts(art)) == list(charts.CHART_NAMES)
    True
    """
    plot = getattr(article, "plot", None)
    plot = plot if isinstance(plot, ArticlePlot) else ArticlePlot(article)
    return plot.all(top_n=TOP_N if top_n is None else top_n)
