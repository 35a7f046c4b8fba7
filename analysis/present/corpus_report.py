"""One self-contained, offline comparison page for a corpus, and ``python -m analysis corpus``.

The page (:func:`build_corpus_report`) holds the articles, every comparison chart of
:func:`analysis.present.corpus_charts.corpus_charts`, and the comparison tables (actor share, who is quoted,
distinctive terms, merged timeline, shared quotes).  It reuses the article report's style sheet,
escaping and chart embedding (:mod:`analysis.present.report`): plotly.js embedded once, every piece of
article text HTML-escaped, chart specs embedded as escaped JSON.

The command line writes ``DIR/tables/<table>/`` (Parquet datasets), ``DIR/tables/<name>.csv`` for
the articles and the comparison tables, ``DIR/figures/`` (HTML/PNG/SVG + CSV per chart) and
``DIR/report.html``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from analysis.extract.compare import comparison_tables, default_group
from analysis.present.charts import is_empty
from analysis.present.corpus_charts import corpus_charts
from analysis.present.report import _PAGE_CSS, _RENDER_JS, _json_for_script, _table


def _figure(name: str, fig: go.Figure, figures_dir: str | None) -> str:
    safe = re.sub(r"[^\w-]", "-", name)
    links = ""
    if figures_dir:
        links = " · ".join(
            f'<a href="{html.escape(figures_dir)}/{safe}.{ext}">{ext.upper()}</a>' for ext in ("png", "svg", "csv")
        )
    note = " (no data)" if is_empty(fig) else ""
    return (
        f'<figure class="chart" id="fig-{safe}"><div class="plot" id="plot-{safe}" data-chart="{safe}"></div>'
        f'<script type="application/json" id="plot-{safe}-spec">{_json_for_script(fig)}</script>'
        f"<figcaption>{html.escape(name)}{note} {links}</figcaption></figure>"
    )


_SECTIONS = (
    ("actor_share", "Actor share", "No actors found.", None),
    ("speaker_share", "Who is quoted", "No quotes found.", None),
    ("keyness", "Distinctive terms", "No terms to compare.", 40),
    ("merged_timeline", "Merged timeline", "No dated expressions.", None),
    ("shared_quotes", "Shared quotes", "No quote recurs in another article.", None),
)
_COLUMNS = {
    "keyness": ["term", "count_a", "count_b", "per_million_a", "per_million_b", "log_likelihood", "log_ratio",
                "favours"],
    "merged_timeline": ["date_start", "date_end", "article_id", "text", "value", "event", "actors"],
    "shared_quotes": ["group_id", "article_id", "unit", "kind", "speaker", "text", "similarity"],
}  # fmt: skip


def build_corpus_report(
    corpus: Any,
    figures: Mapping[str, go.Figure] | None = None,
    tables: Mapping[str, pd.DataFrame] | None = None,
    *,
    by: str | None = None,
    figures_dir: str | None = "figures",
    title: str | None = None,
) -> str:
    """Return the comparison page of ``corpus`` as one self-contained HTML document."""
    by = by or default_group(corpus)
    tabs = dict(comparison_tables(corpus, by=by) if tables is None else tables)
    figs = dict(corpus_charts(corpus, by=by, tables=tabs) if figures is None else figures)
    name = title or f"{len(corpus.articles)} articles compared"
    arts = _table(
        corpus.articles.assign(title=corpus.articles["title"].fillna("")),
        ["article_id", "title", "outlet", "published", "words", "sentences", "quotes", "actors", "error"],
        empty="No articles.",
    )
    charts = "".join(_figure(n, f, figures_dir) for n, f in figs.items()) or "<p><i>No charts.</i></p>"
    sections = []
    for key, heading, empty, limit in _SECTIONS:
        df = tabs.get(key, pd.DataFrame())
        cols = _COLUMNS.get(key, list(df.columns))
        sections.append(f'<section id="{key}"><h2>{heading}</h2>{_table(df, cols, empty=empty, limit=limit or 60)}'
                        "</section>")  # fmt: skip
    nav = "".join(f'<a href="#{k}">{h}</a>' for k, h, _, _ in _SECTIONS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(name)} — workbook comparison</title>
<style>{_PAGE_CSS}</style>
<script>{get_plotlyjs()}</script>
</head>
<body data-charts="{len(figs)}">
<header><h1>{html.escape(name)}</h1>
<nav><a href="#articles">Articles</a><a href="#charts">Charts</a>{nav}</nav></header>
<p>Groups: <b>{html.escape(by)}</b>.</p>
<section id="articles"><h2>Articles</h2>{arts}</section>
<section id="charts"><h2>Charts</h2>{charts}</section>
{"".join(sections)}
<script>{_RENDER_JS}</script>
</body>
</html>
"""


def one_line(text: Any) -> str:
    return " ".join(str(text).split())


def write_outputs(corpus: Any, out: Path, *, by: str | None, formats: tuple[str, ...], report: bool) -> None:
    """Write the comparison CSVs, figures and ``report.html`` of ``corpus`` under ``out``."""
    from analysis.present.export import export_all

    by = by or default_group(corpus)
    tables = comparison_tables(corpus, by=by)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    corpus.articles.to_csv(out / "tables" / "articles.csv", index=False)
    for name, df in tables.items():
        df.to_csv(out / "tables" / f"{name}.csv", index=False)
    figures = corpus_charts(corpus, by=by, tables=tables)
    if formats:
        export_all(figures, out / "figures", formats)
    if report:
        page = build_corpus_report(corpus, figures, tables, by=by, figures_dir="figures" if formats else None,
                                   title=out.name and f"{out.name}: {len(corpus.articles)} articles compared")  # fmt: skip
        (out / "report.html").write_text(page, encoding="utf-8")

