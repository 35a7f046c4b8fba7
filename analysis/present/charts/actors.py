"""The actor charts: mentions per actor, where each actor appears, and who is mentioned with whom.

It decides which actors are drawn (the ``top_n`` by mentions, or by sentences shared with others),
how a sentence's reading-order index is binned into story positions, and how co-occurring pairs
become a symmetric matrix.  It reads the ``actors``, ``entities``, ``sentences`` and
``cooccurrence`` tables, never the text.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.present.charts.figure import add_count_heatmap, finish, has_columns
from analysis.present.charts.theme import PALETTE, PATTERNS, TYPE_COLOURS, bar_height


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
