"""One self-contained, offline ``report.html`` per article.

The report holds the metadata, summary statistics, every chart of :func:`analysis.present.plotting.article_charts`,
the quotes, actors and timeline tables, and the article with entities and quotes highlighted.
plotly.js is embedded once (not once per chart), so the file opens with no network.  Every piece of
article text is HTML-escaped; chart specs are embedded as JSON with ``<``, ``>`` and ``&`` escaped, so
text such as ``</script>`` in a sentence cannot end a script element.

After each chart is drawn its container gets ``data-rendered="1"`` (or ``data-error``), and the
``<body>`` gets ``data-charts-rendered`` / ``data-charts-failed`` counts once all are done, so a
headless browser can check the report rendered.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from analysis.present import render
from analysis.present.markup import PAGE_CSS, RENDER_JS, chart_figure, escape_value, html_table
from analysis.present.numbers import format_value
from analysis.present.plotting import article_charts
from analysis.tables import ArticleTables


def summary(article: ArticleTables) -> dict[str, Any]:
    """Return the report's summary statistics as ``{label: value}``.

    Read from the article's ``stats`` table (:func:`analysis.extract.stats.article_stats`: words, sentences,
    readability, quotes by kind, actors, ...); the number of temporal expressions is added.  An
    error in the statistics propagates: the report never shows a number computed another way.

    Examples
    --------
    >>> from analysis import Article
    >>> s = summary(Article.from_text("Rain fell in Spain. It stopped.", layout="plain"))
    >>> s["sentences"], s["words"]
    (2, 6)
    """
    out: dict[str, Any] = {}
    for stat, value, unit in article.stats[["statistic", "value", "unit"]].itertuples(index=False):
        label = stat.replace("_", " ")
        if unit in ("minutes",):
            label += f" ({unit})"
        out[label] = int(value) if float(value).is_integer() else round(float(value), 1)
    out["temporal expressions"] = len(article.timeline)
    return out



#: The tables the report shows, each an :data:`analysis.article.TABLES` name: the columns shown,
#: the note when it is empty, and how many rows at most (the rest is in the CSV).
REPORT_TABLES: dict[str, tuple[list[str], str, int | None]] = {
    "quotes": (
        ["quote_id", "sentence_id", "kind", "speaker", "speaker_text", "cue", "text"],
        "No quotes found.",
        None,
    ),
    "actors": (["actor", "actor_type", "mentions", "quotes"], "No actors found.", 30),
    "timeline": (
        ["timex_id", "sentence_id", "text", "type", "value", "date_start", "date_end", "event", "actors"],
        "No temporal expressions found.",
        None,
    ),
}
#: Metadata fields shown in the report's header table, in order (empty ones are left out).
META_FIELDS = ("title", "authors", "published", "updated", "outlet", "caption", "source")


def _meta_rows(meta: Mapping[str, Any]) -> str:
    return "".join(f"<tr><th>{html.escape(k)}</th><td>{escape_value(meta.get(k))}</td></tr>" for k in META_FIELDS if meta.get(k))


def _stat_boxes(article: ArticleTables) -> str:
    return "".join(
        f'<div class="stat"><b>{html.escape(format_value(v))}</b> {html.escape(str(k))}</div>'
        for k, v in summary(article).items()
    )


def _report_tables(article: ArticleTables) -> dict[str, str]:
    """Return the HTML of each table of :data:`REPORT_TABLES`, by name."""
    return {
        name: html_table(getattr(article, name), columns, empty=empty, limit=limit)
        for name, (columns, empty, limit) in REPORT_TABLES.items()
    }


def build_report(
    article: ArticleTables,
    figures: Mapping[str, go.Figure] | None = None,
    *,
    figures_dir: str | None = "figures",
) -> str:
    """Return the report of ``article`` as one self-contained HTML document.

    Parameters
    ----------
    article : Article
        A loaded article.
    figures : mapping of name to Figure, optional
        The charts (default: :func:`analysis.present.plotting.article_charts`).
    figures_dir : str, optional
        Relative folder holding the exported PNG/SVG/CSV of each chart, linked under each chart;
        None for no links.

    Examples
    --------
    >>> from analysis import Article
    >>> page = build_report(Article.from_text("A <script> tag. Rain fell.", layout="plain"), figures={})
    >>> "<script> tag" in page, "&lt;script&gt; tag" in page
    (False, True)
    """
    figs = dict(article_charts(article) if figures is None else figures)
    meta = article.metadata
    title = html.escape(str(meta.get("title") or (Path(article.source).stem if article.source else "Article")))
    charts = "".join(chart_figure(name, fig, figures_dir) for name, fig in figs.items())
    tables = _report_tables(article)
    text = render.render_article(article, style=False)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — workbook report</title>
<style>{PAGE_CSS}{render.CSS}</style>
<script>{get_plotlyjs()}</script>
</head>
<body data-charts="{len(figs)}">
<header><h1>{title}</h1>
<nav><a href="#summary">Summary</a><a href="#charts">Charts</a><a href="#quotes">Quotes</a>
<a href="#actors">Actors</a><a href="#timeline">Timeline</a><a href="#text">Article</a></nav></header>
<section id="metadata"><h2>Metadata</h2><table class="meta">{_meta_rows(meta)}</table></section>
<section id="summary"><h2>Summary statistics</h2><div class="stats">{_stat_boxes(article)}</div></section>
<section id="charts"><h2>Charts</h2>{charts or "<p><i>No charts.</i></p>"}</section>
<section id="quotes"><h2>Quotes</h2>{tables["quotes"]}</section>
<section id="actors"><h2>Actors</h2>{tables["actors"]}</section>
<section id="timeline"><h2>Timeline</h2>{tables["timeline"]}</section>
<section id="text"><h2>The article, highlighted</h2>{text}</section>
<script>{RENDER_JS}</script>
</body>
</html>
"""


def write_report(
    article: ArticleTables,
    path: str | Path,
    figures: Mapping[str, go.Figure] | None = None,
    *,
    figures_dir: str | None = "figures",
) -> Path:
    """Write :func:`build_report` to ``path`` (UTF-8) and return the path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(build_report(article, figures, figures_dir=figures_dir), encoding="utf-8")
    return p
