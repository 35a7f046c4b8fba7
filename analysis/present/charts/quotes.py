"""The quote chart: quotes per speaker, stacked by quote kind (who gets voice).

It decides who counts as a speaker (a joint quote once for each of its speakers, named as in the
actors table; a quote without a speaker as "(unattributed)"; a transcript's questioner, who is no
actor, not at all, as in the corpus speaker shares), which speakers are drawn (the
``top_n`` by quotes) and the order of the kinds.  It reads the ``quotes`` and ``quote_speakers``
tables, never the text.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.extract.quotes.speakers import QUESTIONER_NAME
from analysis.present.charts.figure import finish, has_columns
from analysis.present.charts.theme import KIND_COLOURS, PALETTE, PATTERNS, bar_height


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
    q = q[q["speaker"] != QUESTIONER_NAME]
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
    >>> from analysis.present.charts.figure import chart_data
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
