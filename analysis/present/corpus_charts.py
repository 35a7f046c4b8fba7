"""Comparison charts of a corpus, drawn with the article charts' template (:mod:`analysis.present.charts`).

One builder per chart, each taking a comparison table of :mod:`analysis.extract.compare` and returning a
plotly ``Figure`` with the data behind it attached (so :func:`analysis.present.export.export` writes its
CSV): actor share by group (100 % stacked bars), speakers by group (heatmap), two-sided keyness
bars, the merged timeline coloured by article, and quote reuse across articles.
:func:`corpus_charts` builds them all for a :class:`~analysis.corpus.Corpus`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.extract.compare import comparison_tables, default_group
from analysis.present.charts import PALETTE, PATTERNS, SYMBOLS, add_count_heatmap, bar_height, finish, has_columns
from analysis.tables import CorpusTables

#: Chart names in the order :func:`corpus_charts` returns them.
CORPUS_CHART_NAMES = ("actor_share", "speakers", "keyness", "merged_timeline", "quote_reuse")
_GREY = "#7F7F7F"


def corpus_source_line(articles: pd.DataFrame) -> str:
    """Return the "Source: ..." line naming a corpus: how many articles, which outlets, which dates.

    Examples
    --------
    >>> corpus_source_line(pd.DataFrame({"outlet": ["A", "B", "A"], "published": ["2023-01-02", None, "2023-01-01"]}))
    'Source: 3 articles (A, B), 2023-01-01 – 2023-01-02'
    """
    n = len(articles)
    outlets = list(dict.fromkeys(o for o in articles.get("outlet", pd.Series(dtype=str)).dropna() if o))
    shown = ", ".join(outlets[:4]) + (f" and {len(outlets) - 4} more" if len(outlets) > 4 else "")
    dates = sorted(d for d in articles.get("published", pd.Series(dtype=str)).dropna() if d)
    when = "" if not dates else (f", {dates[0]}" if dates[0] == dates[-1] else f", {dates[0]} – {dates[-1]}")
    return f"Source: {n} article{'s' if n != 1 else ''}" + (f" ({shown})" if shown else "") + when


def short_label(value: Any, width: int = 38) -> str:
    """Return ``value`` as text cut to ``width`` characters (with an ellipsis).

    >>> short_label("a-very-long-article-identifier", 10)
    'a-very-lo…'
    """
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def actor_share(share: pd.DataFrame, by: str, *, top_n: int = 8, source: str | None = None) -> go.Figure:
    """Draw each group's mentions split by actor as 100 % stacked horizontal bars (counts on hover).

    Parameters
    ----------
    share : DataFrame
        :func:`analysis.extract.compare.actor_share` output: ``<by>, actor, mentions, share``.
    by : str
        The group column.
    top_n : int
        Actors drawn (most mentioned over the corpus); the rest are one grey "(other actors)" band.
    source : str, optional
        Source line (see :func:`corpus_source_line`).

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B"], "actor": ["X", "Y", "X"], "mentions": [3, 1, 2]})
    >>> [tr.name for tr in actor_share(df, "outlet").data]
    ['X', 'Y']
    """
    fig = go.Figure()
    if not has_columns(share, (by, "actor", "mentions")):
        data = pd.DataFrame(columns=[by, "actor", "mentions", "share"])
        return finish(fig, data, name="actor_share", title="Actor share", source=source, empty="no actors")
    totals = share.groupby("actor")["mentions"].sum().drop("(other actors)", errors="ignore")
    top = totals.sort_values(ascending=False, kind="stable").head(top_n).index.tolist()
    lumped = share.assign(actor=share["actor"].where(share["actor"].isin(top), "(other actors)"))
    data = lumped.groupby([by, "actor"], sort=False)["mentions"].sum().reset_index()
    data["share"] = data["mentions"] / data.groupby(by)["mentions"].transform("sum")
    groups = list(dict.fromkeys(share[by].astype(str)))
    for i, actor in enumerate([*top, "(other actors)"]):
        grp = data[data["actor"] == actor].set_index(data[data["actor"] == actor][by].astype(str)).reindex(groups)
        if grp["mentions"].isna().all():
            continue
        colour = _GREY if actor == "(other actors)" else PALETTE[i % len(PALETTE)]
        fig.add_bar(
            x=(grp["share"].fillna(0) * 100).tolist(),
            y=[short_label(g) for g in groups],
            orientation="h",
            name=str(actor),
            marker={"color": colour, "pattern_shape": PATTERNS[i % len(PATTERNS)]},
            customdata=grp[["mentions"]].fillna(0).astype(int).to_numpy(),
            hovertemplate=f"{actor}<br>%{{y}}: %{{x:.1f}} %% (%{{customdata[0]}} mentions)<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend={"title": {"text": "actor"}, "traceorder": "normal"})
    fig.update_xaxes(range=[0, 100], ticksuffix=" %")
    fig.update_yaxes(autorange="reversed")
    return finish(fig, data, name="actor_share", title=f"Share of actor mentions by {by}", source=source,
                   xlabel="share of the group's entity mentions", ylabel=by, height=bar_height(len(groups)) + 60)  # fmt: skip


def speakers(share: pd.DataFrame, by: str, *, top_n: int = 12, source: str | None = None) -> go.Figure:
    """Draw who is quoted in each group as a speaker × group heatmap of quote counts.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "B"], "speaker": ["Ann", "Ann"], "quotes": [2, 1]})
    >>> [list(row) for row in speakers(df, "outlet").data[0].z]
    [[2, 1]]
    """
    fig = go.Figure()
    if not has_columns(share, (by, "speaker", "quotes")):
        data = pd.DataFrame(columns=[by, "speaker", "quotes"])
        return finish(fig, data, name="speakers", title="Who is quoted", source=source, empty="no quotes")
    top = share.groupby("speaker")["quotes"].sum().sort_values(ascending=False, kind="stable").head(top_n).index
    groups = list(dict.fromkeys(share[by].astype(str)))
    sel = share[share["speaker"].isin(top)].assign(**{by: lambda d: d[by].astype(str)})
    counts = sel.pivot_table(index="speaker", columns=by, values="quotes", aggfunc="sum", fill_value=0)
    counts = counts.reindex(index=list(top), columns=groups, fill_value=0)
    data = counts.rename_axis(index="speaker", columns=by).stack().rename("quotes").reset_index()
    add_count_heatmap(
        fig, counts.to_numpy().tolist(), [short_label(g, 24) for g in groups], [str(s) for s in counts.index],
        unit="quotes", tickangle=-30, hover="%{y}<br>%{x}: %{z} quote(s)<extra></extra>",
    )  # fmt: skip
    return finish(fig, data, name="speakers", title=f"Who is quoted, by {by}", source=source, xlabel=by,
                   ylabel="speaker", height=max(360, 220 + 30 * len(counts)), bottom=170)  # fmt: skip


def keyness(table: pd.DataFrame, *, top_n: int = 12, source: str | None = None) -> go.Figure:
    """Draw the terms most distinctive of each group as two-sided bars of signed log-likelihood.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.extract.compare.keyness` output (``attrs["names"]`` labels the two sides).

    Examples
    --------
    >>> df = pd.DataFrame({"term": ["x", "y"], "count_a": [5, 0], "count_b": [0, 4], "per_million_a": [1e4, 0],
    ...                    "per_million_b": [0, 8e3], "log_likelihood": [6.9, -5.5], "favours": ["a", "b"]})
    >>> [tr.name for tr in keyness(df).data]
    ['a', 'b']
    """
    fig = go.Figure()
    names = tuple(table.attrs.get("names", ("a", "b"))) if table is not None else ("a", "b")
    if not has_columns(table, ("term", "log_likelihood", "count_a", "count_b")):
        data = pd.DataFrame(columns=["term", "side", "log_likelihood", "count_a", "count_b"])
        return finish(fig, data, name="keyness", title="Distinctive terms", source=source, empty="no terms")
    pos = table[table["log_likelihood"] > 0].head(top_n).assign(side=names[0])
    neg = table[table["log_likelihood"] < 0].sort_values("log_likelihood", kind="stable").head(top_n)
    data = pd.concat([pos, neg.assign(side=names[1])], ignore_index=True)
    cols = ["term", "side", "log_likelihood", "log_ratio", "count_a", "count_b", "per_million_a", "per_million_b"]
    data = data[[c for c in cols if c in data.columns]]
    for i, (side, grp) in enumerate(data.groupby("side", sort=False)):
        rev = grp.iloc[::-1]
        fig.add_bar(
            x=rev["log_likelihood"].tolist(),
            y=rev["term"].astype(str).tolist(),
            orientation="h",
            name=str(side),
            marker={"color": PALETTE[i], "pattern_shape": PATTERNS[i]},
            customdata=rev[["count_a", "count_b"]].to_numpy(),
            hovertemplate=f"%{{y}}: G2 %{{x:.1f}}<br>{names[0]}: %{{customdata[0]}} · {names[1]}: "
            "%{customdata[1]}<extra></extra>",
        )
    fig.update_layout(legend={"title": {"text": "more frequent in"}})
    fig.update_yaxes(categoryorder="array", categoryarray=data["term"].astype(str).tolist()[::-1])
    return finish(fig, data, name="keyness", title=f"Distinctive terms: {names[0]} vs {names[1]}", source=source,
                   xlabel=f"log-likelihood G2 (right: {names[0]}, left: {names[1]})", ylabel="term",
                   height=bar_height(len(data)))  # fmt: skip


def merged_timeline(timeline: pd.DataFrame, *, max_articles: int = 30, source: str | None = None) -> go.Figure:
    """Draw every dated expression of every article on one date axis, one row and colour per article.

    At most ``max_articles`` rows are drawn (the articles with most dated expressions; the CSV keeps
    every row).

    Examples
    --------
    >>> df = pd.DataFrame({"article_id": ["a", "b"], "text": ["May 2", "2023"], "value": ["2023-05-02", "2023"],
    ...                    "date_start": ["2023-05-02", "2023-01-01"], "date_end": ["2023-05-02", "2023-12-31"]})
    >>> [tr.name for tr in merged_timeline(df).data if tr.mode == "markers"]
    ['a', 'b']
    """
    fig = go.Figure()
    if not has_columns(timeline, ("article_id", "date_start")):
        data = pd.DataFrame(columns=["article_id", "text", "value", "date_start", "date_end"])
        return finish(fig, data, name="merged_timeline", title="Merged timeline", source=source, empty="no dates")
    keep = ["article_id", "text", "value", "date_start", "date_end", "event", "actors"]
    data = timeline[[c for c in keep if c in timeline.columns]].reset_index(drop=True)
    start = pd.to_datetime(data["date_start"], errors="coerce")
    end = pd.to_datetime(data["date_end"], errors="coerce").fillna(start)
    articles = list(dict.fromkeys(data["article_id"]))
    title = "Dates each account gives"
    if len(articles) > max_articles:
        busiest = set(data["article_id"].value_counts(sort=True).head(max_articles).index)
        articles = [a for a in articles if a in busiest]
        title += f" ({max_articles} articles with most dates)"
    for i, aid in enumerate(articles):
        rows = data.index[data["article_id"] == aid]
        label, colour = short_label(aid), PALETTE[i % len(PALETTE)]
        hover = [_timeline_hover(data.loc[j]) for j in rows]
        long = [j for j in rows if (end[j] - start[j]).days >= 1]
        xs, ys = [], []
        for j in long:
            xs += [start[j], end[j] + pd.Timedelta(days=1), None]
            ys += [label, label, None]
        if long:
            fig.add_scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": 8}, opacity=0.45,
                            legendgroup=aid, showlegend=False, hoverinfo="skip")  # fmt: skip
        fig.add_scatter(
            x=start[rows].tolist(),
            y=[label] * len(rows),
            mode="markers",
            name=str(aid),
            legendgroup=aid,
            marker={"color": colour, "size": 12, "symbol": SYMBOLS[i % len(SYMBOLS)], "line": {"width": 1}},
            hovertext=hover,
            hoverinfo="text",
        )
    fig.update_xaxes(type="date")
    fig.update_yaxes(autorange="reversed", showgrid=True, gridcolor="#F0F0F0")
    fig.update_layout(showlegend=False)  # the y axis names each article
    return finish(fig, data, name="merged_timeline", title=title, source=source,
                   xlabel="date (bands: periods longer than a day)", ylabel="article",
                   height=max(340, 200 + 40 * len(articles)), bottom=110)  # fmt: skip


def _timeline_hover(row: pd.Series) -> str:
    from html import escape

    parts = [f"<b>{escape(str(row['text']))}</b> → {escape(str(row['value']))}"]
    for key in ("event", "actors"):
        value = row.get(key)
        if isinstance(value, list | tuple):
            value = "; ".join(map(str, value))
        if isinstance(value, str) and value:
            parts.append(escape(short_label(value, 90)))
    return "<br>".join(parts)


def quote_reuse(shared: pd.DataFrame, articles: list[str] | None = None, *, top_n: int = 15,
                source: str | None = None) -> go.Figure:  # fmt: skip
    """Draw which articles carry each recurring quote: a quote group × article grid (speaker on hover).

    Parameters
    ----------
    shared : DataFrame
        :func:`analysis.extract.compare.shared_quotes` output.
    articles : list of str, optional
        Article ids in column order (default: as they appear in ``shared``).

    Examples
    --------
    >>> df = pd.DataFrame({"group_id": [1, 1], "article_id": ["a", "b"], "unit": ["quote", "sentence"],
    ...                    "speaker": ["Ann", None], "text": ["it rained all day", "It rained all day."]})
    >>> [list(row) for row in quote_reuse(df).data[0].z]
    [[2, 1]]
    """
    fig = go.Figure()
    if not has_columns(shared, ("group_id", "article_id", "text")):
        data = pd.DataFrame(columns=["group_id", "quote", "article_id", "form", "speaker"])
        return finish(fig, data, name="quote_reuse", title="Quotes shared across articles", source=source,
                       empty="no quote recurs in another article")  # fmt: skip
    groups = list(dict.fromkeys(shared["group_id"]))[:top_n]
    sel = shared[shared["group_id"].isin(groups)]
    present = set(sel["article_id"])
    cols = [a for a in (articles or list(dict.fromkeys(shared["article_id"]))) if a in present]
    quotes = sel[sel["unit"] == "quote"]
    first = quotes.iloc[quotes["text"].str.len().argsort(kind="stable")].groupby("group_id")["text"].first()
    labels = {g: f"{g}. {short_label(first.get(g, ''), 48)}" for g in groups}
    form = {"quote": 2, "sentence": 1}
    data = sel.assign(quote=sel["group_id"].map(labels), form=sel["unit"])[
        ["group_id", "quote", "article_id", "form", "speaker", "text"]
    ].reset_index(drop=True)
    z = [[max((form.get(u, 0) for u in sel[(sel.group_id == g) & (sel.article_id == a)]["unit"]), default=0)
          for a in cols] for g in groups]  # fmt: skip
    who = [[_speakers_in(sel, g, a) for a in cols] for g in groups]
    fig.add_heatmap(
        z=z,
        x=[short_label(a, 24) for a in cols],
        y=[labels[g] for g in groups],
        customdata=who,
        colorscale=[[0, "#FFFFFF"], [0.5, "#56B4E9"], [1, "#0072B2"]],
        zmin=0,
        zmax=2,
        showscale=False,
        xgap=2,
        ygap=2,
        hovertemplate="%{y}<br>%{x}: %{customdata}<extra></extra>",
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(showgrid=False, tickangle=-30)
    note = "dark: quoted · light: in the article's own words · white: absent"
    return finish(fig, data, name="quote_reuse", title="Quotes shared across articles", source=source,
                   xlabel=f"article ({note})", ylabel="quote", height=max(340, 220 + 32 * len(groups)),
                   bottom=170)  # fmt: skip


def _speakers_in(shared: pd.DataFrame, group: int, article: str) -> str:
    rows = shared[(shared["group_id"] == group) & (shared["article_id"] == article)]
    if not len(rows):
        return "absent"
    if (rows["unit"] == "quote").any():
        names = [s for s in rows["speaker"] if isinstance(s, str) and s]
        return "quoted, speaker: " + (", ".join(dict.fromkeys(names)) or "unknown")
    return "in the article's own words"


def corpus_charts(corpus: CorpusTables, *, by: str | None = None, tables: dict[str, pd.DataFrame] | None = None,
                  top_n: int = 10) -> dict[str, go.Figure]:  # fmt: skip
    """Build every comparison chart of a corpus, keyed by :data:`CORPUS_CHART_NAMES`.

    ``tables`` are :func:`analysis.extract.compare.comparison_tables` (computed when not given): ``by``
    groups the actor-share and speaker charts; keyness compares the first group with the others.
    """
    by = by or default_group(corpus)
    tabs = tables if tables is not None else comparison_tables(corpus, by=by)
    src = corpus_source_line(corpus.articles)
    return {
        "actor_share": actor_share(tabs["actor_share"], by, top_n=min(top_n, 8), source=src),
        "speakers": speakers(tabs["speaker_share"], by, top_n=top_n, source=src),
        "keyness": keyness(tabs["keyness"], top_n=top_n, source=src),
        "merged_timeline": merged_timeline(tabs["merged_timeline"], source=src),
        "quote_reuse": quote_reuse(tabs["shared_quotes"], corpus.articles["article_id"].tolist(), source=src),
    }
