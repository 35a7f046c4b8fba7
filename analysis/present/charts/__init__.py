"""Report-ready charts of one article: one builder per chart, each returning a plotly ``Figure``.

Every builder takes the tables the earlier stages produced (never the raw text), draws them with one
visual template (:data:`TEMPLATE_LAYOUT`: title, axis labels, a source line naming the article, the
Okabe–Ito colour-blind-safe palette, dash and marker shapes that survive grey-scale printing), and
stores the data behind the chart in ``fig.layout.meta`` — ``{"chart": <builder name>, "data":
{"columns": [...], "data": [[...], ...]}}`` (pandas' ``split`` orient, JSON types) — so it survives
``go.Figure(fig)``, ``fig.to_json()`` and ``plotly.io.from_json``; :func:`chart_data` reads it back as
a DataFrame and :func:`analysis.present.export.export` writes it as CSV.  An empty table gives a figure
with a "no data" note, never an exception.

The modules: :mod:`.theme` (palette, shapes, template, sizes), :mod:`.figure` (the source line, the
finish every builder ends with, the table a figure carries), and one module per subject:
:mod:`.terms` (term frequencies, top bigrams, terms through the story), :mod:`.actors` (mentions,
positions, co-occurrence), :mod:`.quotes` (quotes per speaker) and :mod:`.chronology` (the
timeline).  :func:`analysis.present.plotting.article_charts` builds every chart of an article in the
order of :data:`CHART_NAMES` (through ``article.plot``).

Examples
--------
>>> import pandas as pd, plotly.graph_objects as go
>>> fig = term_frequencies(pd.DataFrame({"term": ["rain", "spain"], "count": [3, 1]}))
>>> chart_name(fig), chart_data(go.Figure(fig))["term"].tolist()
('term_frequencies', ['rain', 'spain'])
"""

from __future__ import annotations

from analysis.present.charts.actors import actor_mentions, actor_positions, cooccurrence
from analysis.present.charts.chronology import (
    HOVER_WRAP,
    LISTED_MARGIN,
    LISTED_WRAP,
    MAX_LISTED,
    MONTH_DAYS,
    timeline,
)
from analysis.present.charts.figure import (
    add_count_heatmap,
    chart_data,
    chart_name,
    finish,
    has_columns,
    is_empty,
    source_line,
)
from analysis.present.charts.quotes import quotes_per_speaker
from analysis.present.charts.terms import term_frequencies, terms_through_story, top_bigrams
from analysis.present.charts.theme import (
    DASHES,
    KIND_COLOURS,
    PALETTE,
    PATTERNS,
    SYMBOLS,
    TEMPLATE,
    TEMPLATE_LAYOUT,
    TYPE_COLOURS,
    WIDTH,
    bar_height,
    register_template,
)

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

__all__ = [
    "CHART_NAMES",
    "DASHES",
    "HOVER_WRAP",
    "KIND_COLOURS",
    "LISTED_MARGIN",
    "LISTED_WRAP",
    "MAX_LISTED",
    "MONTH_DAYS",
    "PALETTE",
    "PATTERNS",
    "SYMBOLS",
    "TEMPLATE",
    "TEMPLATE_LAYOUT",
    "TYPE_COLOURS",
    "WIDTH",
    "actor_mentions",
    "actor_positions",
    "add_count_heatmap",
    "bar_height",
    "chart_data",
    "chart_name",
    "cooccurrence",
    "finish",
    "has_columns",
    "is_empty",
    "quotes_per_speaker",
    "register_template",
    "source_line",
    "term_frequencies",
    "terms_through_story",
    "timeline",
    "top_bigrams",
]
