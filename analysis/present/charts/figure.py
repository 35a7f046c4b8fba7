"""What every chart builder shares: the source line, the finish, and the table a figure carries.

It decides how a figure is finished (:func:`finish`: the house template of
:mod:`analysis.present.charts.theme`, title, axis labels, a source line naming the article, a "no
data" note for an empty table) and how the data behind it travels: in ``fig.layout.meta`` as
``{"chart": <builder name>, "data": {"columns": [...], "data": [[...], ...]}}`` (pandas' ``split``
orient, JSON types), so it survives ``go.Figure(fig)``, ``fig.to_json()`` and
``plotly.io.from_json``; :func:`chart_data` reads it back as a DataFrame.  It reads the tables a
builder hands it and the article's metadata (for :func:`source_line`), never the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from analysis.present.charts.theme import TEMPLATE_LAYOUT, WIDTH


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
    """Return the table behind a figure made by one of the chart builders (attached by :func:`finish`).

    The table travels in ``fig.layout.meta["data"]`` (columns and rows, JSON types), so copies and
    JSON round trips of the figure keep it; a figure from elsewhere gives an empty DataFrame.

    Examples
    --------
    >>> table = pd.DataFrame({"term": ["rain", "spain"], "count": [3, 1]})
    >>> fig = finish(go.Figure(), table, name="demo", title="Demo", source=None)
    >>> chart_data(go.Figure(fig))["term"].tolist()
    ['rain', 'spain']
    >>> fig.layout.meta["chart"], fig.layout.meta["data"]["columns"]
    ('demo', ['term', 'count'])
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

    Every builder (of :mod:`analysis.present.charts` and :mod:`analysis.present.corpus_charts`) ends with it, so every chart
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
