"""One self-contained, offline comparison page for a corpus, and ``python -m analysis corpus``.

The page (:func:`build_corpus_report`) holds the articles, every comparison chart of
:func:`analysis.present.corpus_charts.corpus_charts`, and the comparison tables (actor share, who is quoted,
distinctive terms, merged timeline, shared quotes).  It shares the article report's style sheet,
escaping and chart embedding (:mod:`analysis.present.markup`): plotly.js embedded once, every piece of
article text HTML-escaped, chart specs embedded as escaped JSON.

The command line writes ``DIR/tables/<table>/`` (Parquet datasets), ``DIR/tables/<name>.csv`` for
the articles, the corpus identities and the comparison tables, ``DIR/figures/`` (HTML/PNG/SVG + CSV per chart) and
``DIR/report.html``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from analysis.extract.compare import comparison_tables, default_group
from analysis.present.corpus_charts import corpus_charts
from analysis.present.export import export_all
from analysis.present.markup import PAGE_CSS, RENDER_JS, chart_figure, html_table
from analysis.tables import CorpusTables

_SECTIONS = (
    ("identities", "Actors named differently across articles", "Every actor has one name in every article.", None),
    ("actor_share", "Actor share", "No actors found.", None),
    ("speaker_share", "Who is quoted", "No quotes found.", None),
    ("keyness", "Distinctive terms", "No terms to compare.", 40),
    ("merged_timeline", "Merged timeline", "No dated expressions.", None),
    ("shared_quotes", "Shared quotes", "No quote recurs in another article.", None),
)
_COLUMNS = {
    "identities": ["actor", "actor_type", "articles", "article_actor_ids", "forms", "rule"],
    "keyness": ["term", "count_a", "count_b", "per_million_a", "per_million_b", "log_likelihood", "log_ratio",
                "favours"],
    "merged_timeline": ["date_start", "date_end", "article_id", "text", "value", "event", "actors"],
    "shared_quotes": ["group_id", "article_id", "unit", "kind", "speaker", "text", "similarity"],
}  # fmt: skip


def build_corpus_report(
    corpus: CorpusTables,
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
    tabs.setdefault("identities", merged_identities(corpus))
    figs = dict(corpus_charts(corpus, by=by, tables=tabs) if figures is None else figures)
    name = title or f"{len(corpus.articles)} articles compared"
    arts = html_table(
        corpus.articles.assign(title=corpus.articles["title"].fillna("")),
        ["article_id", "title", "outlet", "published", "words", "sentences", "quotes", "actors", "error"],
        empty="No articles.",
    )
    charts = "".join(chart_figure(n, f, figures_dir) for n, f in figs.items()) or "<p><i>No charts.</i></p>"
    sections = []
    for key, heading, empty, limit in _SECTIONS:
        df = tabs.get(key, pd.DataFrame())
        cols = _COLUMNS.get(key, list(df.columns))
        sections.append(f'<section id="{key}"><h2>{heading}</h2>{html_table(df, cols, empty=empty, limit=limit or 60)}'
                        "</section>")  # fmt: skip
    nav = "".join(f'<a href="#{k}">{h}</a>' for k, h, _, _ in _SECTIONS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(name)} — workbook comparison</title>
<style>{PAGE_CSS}</style>
<script>{get_plotlyjs()}</script>
</head>
<body data-charts="{len(figs)}">
<header><h1>{html.escape(name)}</h1>
<nav><a href="#articles">Articles</a><a href="#charts">Charts</a>{nav}</nav></header>
<p>Groups: <b>{html.escape(by)}</b>.</p>
<section id="articles"><h2>Articles</h2>{arts}</section>
<section id="charts"><h2>Charts</h2>{charts}</section>
{"".join(sections)}
<script>{RENDER_JS}</script>
</body>
</html>
"""


def merged_identities(corpus: CorpusTables) -> pd.DataFrame:
    """The corpus actors that join article actors of different ids (``corpus.identities``), to audit."""
    if "identities" not in corpus.table_names:
        return pd.DataFrame()
    ident = corpus.table("identities")
    if not len(ident):
        return ident
    return ident[ident["article_actor_ids"].map(len) > 1].reset_index(drop=True)


def one_line(text: Any) -> str:
    return " ".join(str(text).split())


def write_outputs(corpus: CorpusTables, out: Path, *, by: str | None, formats: tuple[str, ...], report: bool) -> None:
    """Write the comparison CSVs, figures and ``report.html`` of ``corpus`` under ``out``."""
    by = by or default_group(corpus)
    tables = comparison_tables(corpus, by=by)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    corpus.articles.to_csv(out / "tables" / "articles.csv", index=False)
    if "identities" in corpus.table_names:
        corpus.table("identities").to_csv(out / "tables" / "identities.csv", index=False)
    for name, df in tables.items():
        df.to_csv(out / "tables" / f"{name}.csv", index=False)
    figures = corpus_charts(corpus, by=by, tables=tables)
    if formats:
        export_all(figures, out / "figures", formats)
    if report:
        page = build_corpus_report(corpus, figures, tables, by=by, figures_dir="figures" if formats else None,
                                   title=out.name and f"{out.name}: {len(corpus.articles)} articles compared")  # fmt: skip
        (out / "report.html").write_text(page, encoding="utf-8")

