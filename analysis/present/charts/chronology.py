"""The timeline chart: dated events on a time axis, vague references listed beside it.

It decides how each temporal expression is marked (a day as a point, a month as a hollow point, an
interval as a bar, an expression with no calendar interval listed beside the axis rather than put at
a false date), its colour (the first actor of its clause) and its hover text (the expression, its
value, the event and the sentence).  It reads the ``timeline`` and ``sentences`` tables and the
publication date, never the text.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.present.charts.figure import finish, has_columns
from analysis.present.charts.theme import PALETTE, SYMBOLS


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
    >>> from analysis.present.charts.figure import chart_data
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
