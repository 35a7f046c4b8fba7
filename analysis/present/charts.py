"""Report-ready charts: one builder per chart, each returning a plotly ``Figure``.

Every builder takes the tables the earlier stages produced (never the raw text), draws them with one
visual template (:data:`TEMPLATE_LAYOUT`: title, axis labels, a source line naming the article, the
Okabe–Ito colour-blind-safe palette, dash and marker shapes that survive grey-scale printing), and
stores the data behind the chart in ``fig.layout.meta`` — ``{"chart": <builder name>, "data":
{"columns": [...], "data": [[...], ...]}}`` (pandas' ``split`` orient, JSON types) — so it survives
``go.Figure(fig)``, ``fig.to_json()`` and ``plotly.io.from_json``; :func:`chart_data` reads it back as
a DataFrame and :func:`analysis.present.export.export` writes it as CSV.  An empty table gives a figure
with a "no data" note, never an exception.

:func:`analysis.present.plotting.article_charts` builds every chart of an article in a stable order
(through ``article.plot``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

#: Okabe & Ito (2008) colour-blind-safe palette, in an order whose first colours differ in lightness too.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
#: One colour per actor type, shared by every actor chart.
TYPE_COLOURS = {
    "person": "#0072B2",
    "org": "#E69F00",
    "country": "#009E73",
    "place": "#56B4E9",
    "event": "#CC79A7",
    "other": "#7F7F7F",
}
#: One colour per quote kind.
KIND_COLOURS = {"direct": "#0072B2", "partial": "#E69F00", "indirect": "#009E73"}
#: Bar fill patterns per category, so categories stay apart when printed in grey.
PATTERNS = ["", "/", ".", "x", "\\", "+", "-", "|"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon"]

#: Name of the house template (the key it has in ``plotly.io.templates`` once :func:`register_template` ran).
TEMPLATE = "workbook"
#: Default static-export size in pixels (width); builders set the height from their content.
WIDTH = 900

#: The house template, handed to each figure by :func:`finish` (never made plotly's global default,
#: and not registered at import: a figure carries the template itself, so no global state is needed).
TEMPLATE_LAYOUT = go.layout.Template(
    layout=go.Layout(
        font={"family": "Arial, Helvetica, sans-serif", "size": 13, "color": "#222222"},
        title={"x": 0.015, "xanchor": "left", "font": {"size": 17}},
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis={"showgrid": True, "gridcolor": "#E5E5E5", "linecolor": "#444444", "ticks": "outside", "zeroline": False},
        yaxis={"showgrid": False, "linecolor": "#444444", "ticks": "outside", "automargin": True, "zeroline": False},
        legend={"bgcolor": "rgba(255,255,255,0.8)"},
        hoverlabel={"align": "left"},
        margin={"l": 80, "r": 40, "t": 70, "b": 90},
    )
)


def register_template() -> str:
    """Add the house template to ``plotly.io.templates`` as :data:`TEMPLATE` and return that name.

    For user code that wants ``template="workbook"`` on its own figures; the builders do not need it
    and ``plotly.io.templates.default`` is left alone.
    """
    pio.templates[TEMPLATE] = TEMPLATE_LAYOUT
    return TEMPLATE

#: Chart names in the order :func:`analysis.present.plotting.article_charts` returns them.
CHART_NAMES = (
    "term_frequencies",
    "top_bigrams",
    "terms_through_story",
    "actor_mentions",
    "actor_positions",
    "cooccurrence",
    "quotes_per_speaker",
    "timeline",
)


# -- shared helpers -----------------------------------------------------------------------------
def source_line(metadata: dict | None) -> str:
    """Return the "Source: ..." line naming the article from its metadata.

    Examples
    --------
    >>> source_line({"title": "Rain in Spain", "outlet": "The Daily", "published": "2023-02-01"})
    'Source: “Rain in Spain”, The Daily, 2023-02-01'
    >>> source_line({})
    'Source: unknown article'
    """
    meta = metadata or {}
    parts = []
    if meta.get("title"):
        parts.append(f"“{meta['title']}”")
    for key in ("outlet", "published"):
        if meta.get(key):
            parts.append(str(meta[key]))
    if not parts and meta.get("source"):
        parts.append(str(meta["source"]))
    return "Source: " + (", ".join(parts) if parts else "unknown article")


def chart_data(fig: go.Figure) -> pd.DataFrame:
    """Return the table behind a figure made by one of this module's builders.

    The table travels in ``fig.layout.meta["data"]`` (columns and rows, JSON types), so copies and
    JSON round trips of the figure keep it; a figure from elsewhere gives an empty DataFrame.

    Examples
    --------
    >>> fig = term_frequencies(pd.DataFrame({"term": ["rain", "spain"], "count": [3, 1]}))
    >>> chart_data(go.Figure(fig))["term"].tolist()
    ['rain', 'spain']
    >>> fig.layout.meta["data"]["columns"]
    ['rank', 'term', 'count']
    """
    meta = fig.layout.meta
    data = meta.get("data") if isinstance(meta, dict) else None
    if not isinstance(data, dict) or "columns" not in data:
        return pd.DataFrame()
    rows = [list(r) for r in data.get("data", [])]
    return pd.DataFrame(rows, columns=list(data["columns"])).infer_objects()


def _meta_data(data: pd.DataFrame) -> dict:
    """Return ``data`` as JSON-ready ``{"columns", "data"}`` (dates as ISO strings, NaN as None)."""
    return json.loads(data.reset_index(drop=True).to_json(orient="split", index=False, date_format="iso"))


def chart_name(fig: go.Figure) -> str | None:
    """Return the builder name stored in ``fig.layout.meta`` (``None`` for foreign figures)."""
    meta = fig.layout.meta
    return meta.get("chart") if isinstance(meta, dict) else None


def finish(
    fig: go.Figure,
    data: pd.DataFrame,
    *,
    name: str,
    title: str,
    source: str | None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    height: int = 480,
    empty: str | None = None,
    bottom: int = 90,
) -> go.Figure:
    """Apply the house template, title, axis labels and source line; attach ``data``; mark an empty chart.

    Every builder (here and in :mod:`analysis.present.corpus_charts`) ends with it, so every chart
    looks alike and carries its table (:func:`chart_data`).
    """
    fig.update_layout(
        template=TEMPLATE_LAYOUT,
        title={"text": title},
        width=WIDTH,
        height=int(height),
        meta={"chart": name, "data": _meta_data(data)},
        margin={"b": bottom},
    )
    if xlabel is not None:
        fig.update_xaxes(title_text=xlabel)
    if ylabel is not None:
        fig.update_yaxes(title_text=ylabel)
    fig.add_annotation(
        text=source or "Source: unknown article",
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-(bottom - 15),
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": 11, "color": "#555555"},
        name="source",
    )
    if empty is not None:
        fig.add_annotation(
            text=f"No data: {empty}",
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
            showarrow=False,
            font={"size": 15, "color": "#555555"},
            name="no-data",
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
    return fig


def is_empty(fig: go.Figure) -> bool:
    """Return True when the builder found no data for ``fig`` (it carries a "no data" note)."""
    return any(a.name == "no-data" for a in fig.layout.annotations)


def has_columns(df: pd.DataFrame | None, columns: Iterable[str]) -> bool:
    """Return True when ``df`` has rows and every one of ``columns`` (a builder's "is there data")."""
    return df is not None and len(df) > 0 and all(c in df.columns for c in columns)


def bar_height(n: int) -> int:
    """Return the height in pixels of a horizontal bar chart of ``n`` bars."""
    return max(320, 170 + 26 * n)


# -- terms --------------------------------------------------------------------------------------
def term_frequencies(terms: pd.DataFrame, *, top_n: int = 20, source: str | None = None) -> go.Figure:
    """Draw the most frequent terms as horizontal bars, the most frequent on top.

    Parameters
    ----------
    terms : DataFrame
        ``term, count`` (the ``terms`` table), most frequent first.
    top_n : int
        Number of terms to draw.
    source : str, optional
        Source line (see :func:`source_line`).

    Examples
    --------
    >>> fig = term_frequencies(pd.DataFrame({"term": ["rain", "spain"], "count": [3, 1]}))
    >>> list(fig.data[0].y), list(fig.data[0].x)
    (['spain', 'rain'], [1, 3])
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


# -- actors -------------------------------------------------------------------------------------
def actor_mentions(actors: pd.DataFrame, *, top_n: int = 15, source: str | None = None) -> go.Figure:
    """Draw mentions per actor as horizontal bars coloured (and patterned) by actor type.

    Parameters
    ----------
    actors : DataFrame
        ``actor, actor_type, mentions`` (and ``quotes``), the ``actors`` table.
    top_n : int
        Number of actors to draw.
    source : str, optional
        Source line.

    Examples
    --------
    >>> df = pd.DataFrame({"actor": ["Ann Lee", "Peru"], "actor_type": ["person", "country"], "mentions": [5, 2]})
    >>> sorted(tr.name for tr in actor_mentions(df).data)
    ['country', 'person']
    """
    fig = go.Figure()
    if not has_columns(actors, ("actor", "mentions")):
        data = pd.DataFrame(columns=["actor", "actor_type", "mentions", "quotes"])
        return finish(fig, data, name="actor_mentions", title="Mentions per actor", source=source, empty="no actors")
    data = actors.assign(
        actor_type=actors["actor_type"].fillna("other") if "actor_type" in actors.columns else "other",
        quotes=actors["quotes"].fillna(0) if "quotes" in actors.columns else 0,
    )
    data = data.sort_values("mentions", ascending=False, kind="stable").head(top_n).reset_index(drop=True)
    data = data[["actor", "actor_type", "mentions", "quotes"]]
    order = data["actor"].astype(str).tolist()[::-1]
    types = list(dict.fromkeys(data["actor_type"]))
    for i, kind in enumerate(types):
        grp = data[data["actor_type"] == kind]
        fig.add_bar(
            x=grp["mentions"].tolist(),
            y=grp["actor"].astype(str).tolist(),
            orientation="h",
            name=str(kind),
            marker={"color": TYPE_COLOURS.get(kind, PALETTE[i % len(PALETTE)]), "pattern_shape": PATTERNS[i % 8]},
            customdata=grp[["quotes"]].to_numpy(),
            text=grp["mentions"].tolist(),
            textposition="outside",
            cliponaxis=False,
            hovertemplate=f"%{{y}} ({kind})<br>mentions: %{{x}}<br>quotes: %{{customdata[0]}}<extra></extra>",
        )
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_layout(legend_title_text="actor type")
    return finish(
        fig,
        data,
        name="actor_mentions",
        title=f"Mentions per actor (top {len(data)})",
        source=source,
        xlabel="mentions (names, titles, demonyms, pronouns)",
        ylabel="actor",
        height=bar_height(len(data)),
    )


def _position_counts(
    entities: pd.DataFrame, sentences: pd.DataFrame, *, top_n: int, max_columns: int
) -> tuple[pd.DataFrame, int]:
    """Mentions of the ``top_n`` actors per story position (rows actors, columns 1..k); and the sentence count.

    A sentence's position is its reading-order index binned into ``k = min(sentences, max_columns)``
    equal segments.
    """
    order = {sid: i for i, sid in enumerate(sentences["sentence_id"].tolist())}
    n_sent = len(order)
    k = min(n_sent, max_columns)
    ents = entities[entities["sentence_id"].isin(order) & entities["actor"].notna()]
    top = ents["actor"].value_counts(sort=True).head(top_n).index.tolist()
    pos = ents["sentence_id"].map(order).map(lambda i: i * k // n_sent + 1)
    return pd.crosstab(ents["actor"], pos).reindex(index=top, columns=range(1, k + 1), fill_value=0), n_sent


def actor_positions(
    entities: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    top_n: int = 10,
    max_columns: int = 40,
    source: str | None = None,
) -> go.Figure:
    """Draw where in the story each actor is mentioned: an actor × story-position heatmap.

    Columns are the story's sentences in reading order (binned into ``max_columns`` equal segments
    for long stories), rows the ``top_n`` most-mentioned actors, cells the mentions.

    Parameters
    ----------
    entities : DataFrame
        ``sentence_id, actor`` (the ``entities`` table).
    sentences : DataFrame
        ``sentence_id`` of the story sentences in reading order.
    top_n, max_columns : int
        Number of actors and maximum number of position columns.
    source : str, optional
        Source line.

    Examples
    --------
    >>> ents = pd.DataFrame({"sentence_id": [0, 2, 2], "actor": ["Peru", "Peru", "Chile"]})
    >>> fig = actor_positions(ents, pd.DataFrame({"sentence_id": [0, 1, 2]}))
    >>> [list(row) for row in fig.data[0].z]
    [[1, 0, 1], [0, 0, 1]]
    """
    fig = go.Figure()
    if not has_columns(entities, ("sentence_id", "actor")) or not has_columns(sentences, ("sentence_id",)):
        data = pd.DataFrame(columns=["actor", "position", "mentions"])
        return finish(fig, data, name="actor_positions", title="Where each actor appears", source=source,
                       empty="no actors")  # fmt: skip
    counts, n_sent = _position_counts(entities, sentences, top_n=top_n, max_columns=max_columns)
    top, k = counts.index.tolist(), len(counts.columns)
    data = counts.rename_axis(index="actor", columns="position").stack().rename("mentions").reset_index()
    unit = "sentence" if k == n_sent else "segment"
    fig.add_heatmap(
        z=counts.to_numpy().tolist(),
        x=list(range(1, k + 1)),
        y=[str(a) for a in top],
        colorscale="Blues",
        zmin=0,
        colorbar={"title": {"text": "mentions"}, "dtick": 1 if counts.to_numpy().max(initial=0) <= 8 else None},
        xgap=1,
        ygap=1,
        hovertemplate=f"%{{y}}<br>{unit} %{{x}}: %{{z}} mention(s)<extra></extra>",
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(showgrid=False, dtick=1 if k <= 25 else 5)
    return finish(
        fig,
        data,
        name="actor_positions",
        title="Where each actor appears in the story",
        source=source,
        xlabel=f"story {unit} (reading order)",
        ylabel="actor",
        height=max(320, 170 + 30 * len(top)),
        empty=None if len(top) else "no actors in the story",
    )


def _pair_counts(cooc: pd.DataFrame) -> pd.Series:
    for col in ("count", "sentences", "n"):
        if col in cooc.columns:
            values = cooc[col]
            if values.map(lambda v: isinstance(v, list | tuple | set)).any():
                return values.map(lambda v: len(v) if isinstance(v, list | tuple | set) else int(v))
            return pd.to_numeric(values, errors="coerce").fillna(0).astype(int)
    return pd.Series(1, index=cooc.index)


def _cooc_matrix(cooc: pd.DataFrame, top_n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The pairs among the ``top_n`` actors with most shared sentences, and their symmetric matrix."""
    pairs = pd.DataFrame(
        {
            "actor_a": cooc["actor_a"].astype(str),
            "actor_b": cooc["actor_b"].astype(str),
            "sentences": _pair_counts(cooc),
        }
    )
    pairs = pairs[(pairs["actor_a"] != pairs["actor_b"]) & (pairs["sentences"] > 0)]
    both = pd.concat([pairs, pairs.rename(columns={"actor_a": "actor_b", "actor_b": "actor_a"})])
    weight = both.groupby("actor_a")["sentences"].sum().sort_values(ascending=False, kind="stable")
    top = weight.head(top_n).index.tolist()
    both = both[both["actor_a"].isin(top) & both["actor_b"].isin(top)]
    matrix = both.pivot_table(index="actor_a", columns="actor_b", values="sentences", aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(index=top, columns=top, fill_value=0).astype(int)
    data = pairs[pairs["actor_a"].isin(top) & pairs["actor_b"].isin(top)].sort_values(
        "sentences", ascending=False, kind="stable"
    )
    return data, matrix


def add_count_heatmap(fig: go.Figure, z: list, x: list, y: list, *, unit: str, hover: str, tickangle: int) -> None:
    """Draw a table of counts as a heatmap with each count written in its cell (rows top to bottom)."""
    fig.add_heatmap(
        z=z,
        x=x,
        y=y,
        colorscale="Blues",
        zmin=0,
        text=z,
        texttemplate="%{text}",
        colorbar={"title": {"text": unit}},
        xgap=1,
        ygap=1,
        hovertemplate=hover,
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(showgrid=False, tickangle=tickangle)


def cooccurrence(cooc: pd.DataFrame, *, top_n: int = 12, source: str | None = None) -> go.Figure:
    """Draw actor co-occurrence (sentences shared by two actors) as a symmetric matrix.

    Parameters
    ----------
    cooc : DataFrame
        ``actor_a, actor_b`` and a count column (``sentences`` as a number or a list of sentence
        ids, or ``count``).
    top_n : int
        Actors kept (those with the most shared sentences).
    source : str, optional
        Source line.

    Examples
    --------
    >>> df = pd.DataFrame({"actor_a": ["Chile"], "actor_b": ["Peru"], "sentences": [2]})
    >>> [list(row) for row in cooccurrence(df).data[0].z]
    [[0, 2], [2, 0]]
    """
    fig = go.Figure()
    if not has_columns(cooc, ("actor_a", "actor_b")):
        data = pd.DataFrame(columns=["actor_a", "actor_b", "sentences"])
        return finish(
            fig, data, name="cooccurrence", title="Actors mentioned together", source=source, empty="no pairs"
        )
    data, matrix = _cooc_matrix(cooc, top_n)
    top = matrix.index.tolist()
    add_count_heatmap(
        fig, matrix.to_numpy().tolist(), top, top, unit="sentences", tickangle=-40,
        hover="%{y} & %{x}: %{z} sentence(s)<extra></extra>",
    )  # fmt: skip
    size = max(420, 260 + 34 * len(top))
    return finish(
        fig,
        data,
        name="cooccurrence",
        title="Actors mentioned in the same sentence",
        source=source,
        height=size + 40,
        empty=None if len(top) else "no pairs",
        bottom=150,
    )


# -- quotes -------------------------------------------------------------------------------------
def _per_speaker(q: pd.DataFrame, speakers: pd.DataFrame) -> pd.DataFrame:
    """One row per (quote, speaker): joint quotes repeated for each speaker named in ``speakers``."""
    named = q.merge(speakers[["quote_id", "actor"]], on="quote_id", how="inner")
    rest = q[~q["quote_id"].isin(speakers["quote_id"])]
    both = pd.concat([named.assign(speaker=named["actor"].astype(str)), rest], ignore_index=True)
    return both.sort_values("quote_id", kind="stable")[["speaker", "kind"]].reset_index(drop=True)


def _kind_order(kinds: set[str]) -> list[str]:
    """Quote kinds in drawing order: those of :data:`KIND_COLOURS` in its order, then any other sorted."""
    return [k for k in KIND_COLOURS if k in kinds] + sorted(kinds - set(KIND_COLOURS))


def _speaker_kind_counts(
    quotes: pd.DataFrame, speakers: pd.DataFrame | None, top_n: int
) -> tuple[pd.DataFrame, pd.Series]:
    """Quotes per (speaker, kind) for the ``top_n`` speakers, in drawing order; and every speaker's total."""
    speaker = quotes["speaker"] if "speaker" in quotes.columns else pd.Series(None, index=quotes.index)
    q = pd.DataFrame({"speaker": speaker.fillna("(unattributed)").astype(str), "kind": quotes["kind"].astype(str)})
    if speakers is not None and len(speakers) and "quote_id" in quotes.columns:
        q = _per_speaker(q.assign(quote_id=quotes["quote_id"].to_numpy()), speakers)
    totals = q["speaker"].value_counts(sort=True)
    top = totals.head(top_n).index.tolist()
    q = q[q["speaker"].isin(top)]
    kinds = _kind_order(set(q["kind"]))
    data = q.groupby(["speaker", "kind"]).size().rename("quotes").reset_index()
    data = data.assign(
        _s=data["speaker"].map({s: i for i, s in enumerate(top)}),
        _k=data["kind"].map({k: i for i, k in enumerate(kinds)}),
    )
    return data.sort_values(["_s", "_k"]).drop(columns=["_s", "_k"]).reset_index(drop=True), totals


def quotes_per_speaker(
    quotes: pd.DataFrame, *, speakers: pd.DataFrame | None = None, top_n: int = 12, source: str | None = None
) -> go.Figure:
    """Draw quotes per speaker as stacked horizontal bars by quote kind (who gets voice).

    Parameters
    ----------
    quotes : DataFrame
        ``speaker, kind`` (the ``quotes`` table); a missing speaker is drawn as "(unattributed)".
    speakers : DataFrame, optional
        ``quote_id, actor`` (the ``quote_speakers`` table): a joint quote then counts once for each
        of its speakers, under the same actor names as the actors table; quotes without a row keep
        their ``speaker`` text.
    top_n : int
        Number of speakers to draw.
    source : str, optional
        Source line.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Ann Lee", "Ann Lee", None], "kind": ["direct", "indirect", "direct"]})
    >>> chart_data(quotes_per_speaker(q)).values.tolist()
    [['Ann Lee', 'direct', 1], ['Ann Lee', 'indirect', 1], ['(unattributed)', 'direct', 1]]
    >>> joint = pd.DataFrame({"quote_id": [0], "speaker": ["Ann Lee; Tom Berg"], "kind": ["direct"]})
    >>> who = pd.DataFrame({"quote_id": [0, 0], "actor": ["Ann Lee", "Tom Berg"]})
    >>> chart_data(quotes_per_speaker(joint, speakers=who)).values.tolist()
    [['Ann Lee', 'direct', 1], ['Tom Berg', 'direct', 1]]
    """
    fig = go.Figure()
    cols = ["speaker", "kind", "quotes"]
    if not has_columns(quotes, ("kind",)):
        return finish(
            fig, pd.DataFrame(columns=cols), name="quotes_per_speaker", title="Quotes per speaker", source=source,
            empty="no quotes",
        )  # fmt: skip
    data, totals = _speaker_kind_counts(quotes, speakers, top_n)
    top = totals.head(top_n).index.tolist()
    kinds = _kind_order(set(data["kind"]))
    for i, kind in enumerate(kinds):
        grp = data[data["kind"] == kind]
        fig.add_bar(
            x=grp["quotes"].tolist(),
            y=grp["speaker"].tolist(),
            orientation="h",
            name=kind,
            marker={"color": KIND_COLOURS.get(kind, PALETTE[(i + 3) % 8]), "pattern_shape": PATTERNS[i % 8]},
            hovertemplate=f"%{{y}}<br>{kind}: %{{x}}<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_title_text="quote kind", legend_traceorder="normal")
    fig.update_yaxes(categoryorder="array", categoryarray=top[::-1])
    fig.update_xaxes(dtick=1 if totals.max() <= 12 else None)
    return finish(
        fig,
        data,
        name="quotes_per_speaker",
        title="Quotes per speaker",
        source=source,
        xlabel="quotes",
        ylabel="speaker",
        height=bar_height(len(top)),
    )


# -- timeline -----------------------------------------------------------------------------------
def _first_actor(value: Any) -> str:
    if isinstance(value, list | tuple) or (hasattr(value, "tolist") and not isinstance(value, str)):
        items = [str(v) for v in list(value) if v]
        return items[0] if items else "(no actor)"
    if isinstance(value, str) and value.strip():
        return value.split(";")[0].split(",")[0].strip() or "(no actor)"
    return "(no actor)"


def _wrap(text: str, width: int = 70) -> str:
    words, lines, line = str(text).split(), [], ""
    for w in words:
        if line and len(line) + len(w) + 1 > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines)


#: A placed interval this many days long (or a ``YYYY-MM`` value) is drawn as a month: a hollow
#: point mid-month rather than a bar (27-31 covers every calendar month, Feb. counted from day 1).
MONTH_DAYS = (27, 31)
#: Vague or undated expressions listed beside the axis at most (the rest is in the chart's CSV).
MAX_LISTED = 20
#: Characters per line of hover text, and of the list of expressions not placed on the axis.
HOVER_WRAP, LISTED_WRAP = 70, 34
#: Right margin (px) that makes room for the list of unplaced expressions.
LISTED_MARGIN = 290


def _timeline_data(tl: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """The chart's table (one row per expression, how it is marked, whether placed) and its dates."""
    none = pd.Series(None, index=tl.index, dtype=object)
    start = pd.to_datetime(tl.get("date_start", none), errors="coerce", format="ISO8601")
    end = pd.to_datetime(tl.get("date_end", none), errors="coerce", format="ISO8601")
    end = end.fillna(start)
    value = tl["value"].astype(str)
    kind = tl["type"].astype(str) if "type" in tl.columns else pd.Series("DATE", index=tl.index)
    placed = start.notna() & ~value.str.endswith("_REF") & (kind != "SET")
    span_days = (end - start).dt.days.fillna(0)
    is_day = value.str.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?") | (span_days < 1)
    is_month = value.str.fullmatch(r"\d{4}-\d{2}") | ((span_days >= MONTH_DAYS[0]) & (span_days <= MONTH_DAYS[1]))
    mark = pd.Series("bar", index=tl.index).mask(is_month, "month").mask(is_day, "day").where(placed, "listed")
    actor = tl["actors"].map(_first_actor) if "actors" in tl.columns else pd.Series("(no actor)", index=tl.index)
    data = pd.DataFrame(
        {
            "timex_id": tl["timex_id"] if "timex_id" in tl.columns else range(len(tl)),
            "sentence_id": tl["sentence_id"] if "sentence_id" in tl.columns else None,
            "text": tl["text"].astype(str),
            "type": kind,
            "value": value,
            "date_start": start.dt.strftime("%Y-%m-%d").where(start.notna(), None),
            "date_end": end.dt.strftime("%Y-%m-%d").where(end.notna(), None),
            "mark": mark,
            "actor": actor,
            "placed": placed,
        }
    )
    return data, start, end


def _placed_rows(data: pd.DataFrame, start: pd.Series, end: pd.Series) -> pd.DataFrame:
    """The rows drawn on the axis, in date order, with their interval (end exclusive) and y label."""
    placed = data["placed"]
    shown = data[placed].assign(_start=start[placed], _end=end[placed] + pd.Timedelta(days=1))
    shown = shown.sort_values(["_start", "timex_id"], kind="stable")
    return shown.assign(label=[f"{t} ({v})" for t, v in zip(shown["text"], shown["value"])])


def _timeline_hover(data: pd.DataFrame, tl: pd.DataFrame, sentences: pd.DataFrame | None, rows) -> dict:
    """Hover text per row: the expression and its value, the event, and the sentence."""
    sent_text = pd.Series("", index=tl.index)
    if has_columns(sentences, ("sentence_id", "text")) and "sentence_id" in tl.columns:
        sent_text = tl["sentence_id"].map(dict(zip(sentences["sentence_id"], sentences["text"]))).fillna("")
    event = tl["event"].fillna("").astype(str) if "event" in tl.columns else pd.Series("", index=tl.index)
    return {
        i: f"<b>{data.at[i, 'text']}</b> → {data.at[i, 'value']}<br>{_wrap(event[i], HOVER_WRAP) if event[i] else ''}"
        + (f"<br><i>{_wrap(sent_text[i], HOVER_WRAP)}</i>" if sent_text[i] else "")
        for i in rows
    }


def _timeline_actor(fig: go.Figure, grp: pd.DataFrame, who: str, i: int, hover: dict) -> None:
    """Draw one actor's expressions: bars for intervals, points for days, hollow points for months."""
    colour = PALETTE[i % len(PALETTE)]
    first = True  # one legend entry per actor, on its first trace
    for idx, row in grp[grp["mark"] == "bar"].iterrows():
        fig.add_scatter(
            x=[row["_start"], row["_end"]], y=[row["label"], row["label"]], mode="lines",
            line={"color": colour, "width": 12}, name=who, legendgroup=who, showlegend=first,
            hovertext=hover[idx], hoverinfo="text",
        )  # fmt: skip
        first = False
    for mark, symbol in (("day", SYMBOLS[i % len(SYMBOLS)]), ("month", SYMBOLS[i % len(SYMBOLS)] + "-open")):
        pts = grp[grp["mark"] == mark]
        if len(pts):
            fig.add_scatter(
                x=(pts["_start"] if mark == "day" else pts["_start"] + (pts["_end"] - pts["_start"]) / 2).tolist(),
                y=pts["label"].tolist(),
                mode="markers",
                marker={"color": colour, "size": 13, "symbol": symbol, "line": {"width": 2, "color": colour}},
                name=who,
                legendgroup=who,
                showlegend=first,
                hovertext=[hover[j] for j in pts.index],
                hoverinfo="text",
            )
            first = False


def _timeline_published(fig: go.Figure, published: str | None, any_shown: bool):
    """Mark the publication date with a dashed line; return it (``NaT`` when unknown)."""
    pub = pd.to_datetime(published, errors="coerce") if published else pd.NaT
    if pd.notna(pub):
        fig.add_shape(type="line", x0=pub, x1=pub, xref="x", yref="paper", y0=0, y1=1,
                      line={"color": "#D55E00", "dash": "dash", "width": 2})  # fmt: skip
        fig.add_annotation(x=pub, y=1, xref="x", yref="paper", yanchor="bottom", showarrow=False,
                           text=f"published {pub:%Y-%m-%d}", font={"color": "#D55E00", "size": 11})  # fmt: skip
        if not any_shown:
            fig.add_scatter(x=[pub], y=["publication"], mode="markers", marker={"opacity": 0}, showlegend=False)
    return pub


def _timeline_listed(fig: go.Figure, listed: pd.DataFrame) -> int:
    """List the expressions not placed on the axis in a box to its right; return the right margin."""
    if not len(listed):
        return 40
    lines = [f"• {_wrap(t, LISTED_WRAP)} ({v})" for t, v in zip(listed["text"], listed["value"])][:MAX_LISTED]
    fig.add_annotation(
        text="<b>Not placed on the axis</b><br>(vague or undated)<br>" + "<br>".join(lines),
        xref="paper", yref="paper", x=1.02, y=1, xanchor="left", yanchor="top", align="left",
        showarrow=False, bordercolor="#999999", borderwidth=1, borderpad=6, font={"size": 11},
        name="listed",
    )  # fmt: skip
    return LISTED_MARGIN


def timeline(
    timeline: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
    published: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """Draw dated events on a time axis, with vague references listed beside it.

    Days and months are points (months hollow), intervals and anchored durations bars from
    ``date_start`` to ``date_end``; colour is the first actor of the clause; hovering shows the
    expression, its value, the event and the sentence.  The publication date is a dashed line.
    Expressions with no calendar interval (``PAST_REF``, sets, unanchored durations) are not put
    at a false date: they are listed in a box to the right of the axis.

    Parameters
    ----------
    timeline : DataFrame
        ``timex_id, sentence_id, text, type, value, date_start, date_end, event, actors``.
    sentences : DataFrame, optional
        ``sentence_id, text``, for the sentence on hover.
    published : str, optional
        Publication date (ISO), marked on the axis.
    source : str, optional
        Source line.

    Examples
    --------
    >>> tl = pd.DataFrame({"text": ["Jan. 31", "in recent years"], "type": ["DATE", "DATE"],
    ...                    "value": ["2023-01-31", "PAST_REF"], "date_start": ["2023-01-31", None],
    ...                    "date_end": ["2023-01-31", None]})
    >>> chart_data(timeline(tl))["placed"].tolist()
    [True, False]
    """
    fig = go.Figure()
    cols = ["timex_id", "sentence_id", "text", "type", "value", "date_start", "date_end", "mark", "actor", "placed"]
    if not has_columns(timeline, ("text", "value")):
        return finish(fig, pd.DataFrame(columns=cols), name="timeline", title="Timeline", source=source,
                       empty="no temporal expressions")  # fmt: skip
    tl = timeline.reset_index(drop=True)
    data, start, end = _timeline_data(tl)
    shown = _placed_rows(data, start, end)
    hover = _timeline_hover(data, tl, sentences, shown.index)
    for i, who in enumerate(dict.fromkeys(shown["actor"])):
        _timeline_actor(fig, shown[shown["actor"] == who], who, i, hover)
    fig.update_yaxes(categoryorder="array", categoryarray=shown["label"].tolist()[::-1], showgrid=True,
                     gridcolor="#F0F0F0")  # fmt: skip
    fig.update_xaxes(type="date")
    pub = _timeline_published(fig, published, bool(len(shown)))
    listed = data[~data["placed"]]
    right = _timeline_listed(fig, listed)
    fig.update_layout(margin={"r": right}, legend={"title": {"text": "actor"}, "orientation": "h", "y": -0.18})
    n = len(shown)
    return finish(
        fig,
        data,
        name="timeline",
        title="Timeline of dated events",
        source=source,
        xlabel=None,
        ylabel="expression (value)",
        height=max(380, 230 + 32 * n),
        empty=None if n or len(listed) or pd.notna(pub) else "no temporal expressions",
    )
