"""The term charts: the most frequent terms, the top bigrams, and terms through the story.

It decides which terms and bigrams are drawn (the ``top_n`` by count, ties kept in table order, a
bigram's collocation score on hover) and how a term's counts per story segment become lines.  It
reads the ``terms`` and ``bigrams`` tables and the per-segment counts of
:func:`analysis.extract.terms.term_dispersion`, never the text.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.present.charts.figure import finish, has_columns
from analysis.present.charts.theme import DASHES, PALETTE, SYMBOLS, bar_height


def term_frequencies(terms: pd.DataFrame, *, top_n: int = 20, source: str | None = None) -> go.Figure:
    """Draw the most frequent terms as horizontal bars, the most frequent on top.

    Parameters
    ----------
    terms : DataFrame
        ``term, count`` (the ``terms`` table), most frequent first.
    top_n : int
        Number of terms to draw.
    source : str, optional
        Source line (see :func:`~analysis.present.charts.figure.source_line`).

    Examples
    --------
    >>> fig = term_frequencies(pd.DataFrame({"term": ["rain", "spain"], "count": [3, 1]}))
    >>> list(fig.data[0].y), list(fig.data[0].x)
    (['spain', 'rain'], [1, 3])
    >>> fig.layout.meta["data"]["columns"]
    ['rank', 'term', 'count']
    """
    fig = go.Figure()
    if not has_columns(terms, ("term", "count")):
        data = pd.DataFrame(columns=["rank", "term", "count"])
        return finish(fig, data, name="term_frequencies", title="Most frequent terms", source=source, empty="no terms")
    data = terms.sort_values("count", ascending=False, kind="stable").head(top_n).reset_index(drop=True)
    keep = ["term", "count"] + [c for c in ("relative_frequency", "rel_freq", "lemma") if c in data.columns]
    data = data[keep].assign(rank=range(1, len(data) + 1))[["rank", *keep]]
    rev = data.iloc[::-1]
    fig.add_bar(
        x=rev["count"].tolist(),
        y=rev["term"].astype(str).tolist(),
        orientation="h",
        marker_color=PALETTE[0],
        text=rev["count"].tolist(),
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{x}<extra></extra>",
        name="count",
    )
    return finish(
        fig,
        data,
        name="term_frequencies",
        title=f"Most frequent terms (top {len(data)})",
        source=source,
        xlabel="occurrences in the story",
        ylabel="term",
        height=bar_height(len(data)),
    )


def _ngram_label(df: pd.DataFrame) -> pd.Series:
    for col in ("ngram", "bigram", "term", "text", "phrase"):
        if col in df.columns:
            return df[col].map(lambda v: " ".join(v) if isinstance(v, list | tuple) else str(v))
    words = [c for c in df.columns if c.startswith("w") and c[1:].isdigit()] or [
        c for c in df.columns if c.startswith("word")
    ]
    if words:
        return df[words].astype(str).agg(" ".join, axis=1)
    raise KeyError("no n-gram column (expected 'ngram')")


def _top_bigram_rows(ngrams: pd.DataFrame, top_n: int) -> tuple[pd.DataFrame, str | None] | None:
    """The ``top_n`` bigrams (``rank, ngram, count``, score) and the score column; None when there are none."""
    if has_columns(ngrams, ("count",)) and "n" in ngrams.columns:
        ngrams = ngrams[ngrams["n"] == 2]
    try:
        labels = _ngram_label(ngrams) if has_columns(ngrams, ("count",)) else None
    except KeyError:
        labels = None
    if labels is None or len(labels) == 0:
        return None
    score_col = next((c for c in ("score", "pmi", "likelihood_ratio", "llr") if c in ngrams.columns), None)
    data = ngrams.assign(ngram=labels)
    sort = ["count", score_col] if score_col else ["count"]
    data = data.sort_values(sort, ascending=False, kind="stable").head(top_n).reset_index(drop=True)
    keep = ["ngram", "count"] + [c for c in (score_col, "measure") if c and c in data.columns]
    return data[keep].assign(rank=range(1, len(data) + 1))[["rank", *keep]], score_col


def top_bigrams(ngrams: pd.DataFrame, *, top_n: int = 15, source: str | None = None) -> go.Figure:
    """Draw the most frequent bigrams (with their collocation score on hover) as horizontal bars.

    Parameters
    ----------
    ngrams : DataFrame
        One row per n-gram: ``ngram`` (str or tuple), ``count``, optional ``score`` / ``measure`` and
        ``n``; only rows with ``n == 2`` are drawn when ``n`` is present.
    top_n : int
        Number of bigrams to draw.
    source : str, optional
        Source line.

    Examples
    --------
    >>> df = pd.DataFrame({"ngram": ["prime minister", "north korea"], "count": [2, 4]})
    >>> top_bigrams(df).data[0].y[-1]
    'north korea'
    """
    fig = go.Figure()
    found = _top_bigram_rows(ngrams, top_n)
    if found is None:
        data = pd.DataFrame(columns=["rank", "ngram", "count"])
        return finish(fig, data, name="top_bigrams", title="Top bigrams", source=source, empty="no bigrams")
    data, score_col = found
    rev = data.iloc[::-1]
    hover = "%{y}: %{x}"
    custom = None
    if score_col:
        custom = rev[[score_col]].to_numpy()
        hover += f"<br>{score_col}: %{{customdata[0]:.2f}}"
    fig.add_bar(
        x=rev["count"].tolist(),
        y=rev["ngram"].tolist(),
        orientation="h",
        marker_color=PALETTE[2],
        text=rev["count"].tolist(),
        textposition="outside",
        cliponaxis=False,
        customdata=custom,
        hovertemplate=hover + "<extra></extra>",
        name="count",
    )
    return finish(
        fig,
        data,
        name="top_bigrams",
        title=f"Top bigrams (top {len(data)})",
        source=source,
        xlabel="occurrences in the story",
        ylabel="bigram",
        height=bar_height(len(data)),
    )


def terms_through_story(segments: pd.DataFrame, *, source: str | None = None) -> go.Figure:
    """Draw how often each top term occurs in each segment of the story (lines, like Voyant's Trends).

    Parameters
    ----------
    segments : DataFrame
        ``term, segment, count`` (as :func:`analysis.extract.terms.term_dispersion` returns).
    source : str, optional
        Source line.

    Examples
    --------
    >>> df = pd.DataFrame({"term": ["rain", "rain"], "segment": [1, 2], "count": [2, 0]})
    >>> [tr.name for tr in terms_through_story(df).data]
    ['rain']
    """
    fig = go.Figure()
    if not has_columns(segments, ("term", "segment", "count")):
        data = pd.DataFrame(columns=["term", "segment", "count"])
        return finish(
            fig, data, name="terms_through_story", title="Terms through the story", source=source, empty="no terms"
        )
    data = segments[["term", "segment", "count"]].reset_index(drop=True)
    for i, (term, grp) in enumerate(data.groupby("term", sort=False)):
        fig.add_scatter(
            x=grp["segment"].tolist(),
            y=grp["count"].tolist(),
            mode="lines+markers",
            name=str(term),
            line={"color": PALETTE[i % len(PALETTE)], "dash": DASHES[i % len(DASHES)], "width": 2},
            marker={"symbol": SYMBOLS[i % len(SYMBOLS)], "size": 7},
            hovertemplate=f"{term}<br>segment %{{x}}: %{{y}}<extra></extra>",
        )
    n_seg = int(data["segment"].max())
    fig.update_xaxes(dtick=1, range=[0.5, n_seg + 0.5])
    fig.update_yaxes(
        rangemode="tozero", showgrid=True, gridcolor="#E5E5E5", dtick=1 if data["count"].max() <= 8 else None
    )
    return finish(
        fig,
        data,
        name="terms_through_story",
        title="Terms through the story",
        source=source,
        xlabel=f"story segment (1 = opening, {n_seg} = end)",
        ylabel="occurrences",
        height=460,
    )
