"""The HTML every view shares: escaping, highlighted text, tables, the page style and embedded charts.

One module for the pieces the article report, the corpus report, the rendered article, the card
and the explorer all use, so none of them imports another for a helper:

- :class:`Html` (a string Jupyter displays as HTML), :class:`Span` and :func:`highlight` (text with
  nested or overlapping spans, always well-formed);
- :func:`escape_value` and :func:`html_table` (escaped cells: lists joined, missing values blank);
- :data:`PAGE_CSS`, :data:`RENDER_JS`, :func:`json_for_script` and :func:`chart_figure`: the style
  sheet of a report page and the script that draws its embedded plotly charts offline.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.present.charts import is_empty
from analysis.present.numbers import format_frame

#: Nesting order of :func:`highlight`: lower numbers wrap higher ones.
LAYERS = {"block": 0, "quote": 1, "speaker": 2, "entity": 3}
#: Exported formats linked under each chart of a report (files of :func:`analysis.present.export.export_all`).
LINKED_FORMATS = ("png", "svg", "csv")


class Span(NamedTuple):
    """A highlighted stretch of text: ``text[start:end]`` gets ``classes`` and a hover ``title``."""

    start: int
    end: int
    layer: str
    classes: str
    title: str = ""


class Html(str):
    """An HTML string that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:  # the plain-text fallback of a notebook output: short, not the markup
        return f"<Html: {len(self):,} characters>"


def highlight(text: str, spans: Iterable[Span]) -> str:
    """Return ``text`` HTML-escaped, with each span wrapped in ``<span class=... title=...>``.

    Spans may nest or overlap; the output is always well formed.  Spans outside the text or empty
    are ignored.  Linear in the text length plus the number of spans (after sorting the spans).

    Examples
    --------
    >>> highlight("Ann <b> said", [Span(0, 3, "entity", "ent", "person")])
    '<span class="ent" title="person">Ann</span> &lt;b&gt; said'
    >>> highlight("abcd", [Span(0, 3, "quote", "q"), Span(2, 4, "entity", "e")])
    '<span class="q">ab</span><span class="q"><span class="e">c</span></span><span class="e">d</span>'
    """
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    if not spans:
        return html.escape(text)
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, s in enumerate(spans):
        opens.setdefault(s.start, []).append(i)
        closes.setdefault(s.end, []).append(i)
    cuts = sorted({0, n, *opens, *closes})
    tags = [
        (f'<span class="{html.escape(s.classes)}"' + (f' title="{html.escape(s.title)}"' if s.title else "") + ">")
        for s in spans
    ]
    order = {i: (LAYERS.get(s.layer, 9), s.start, -s.end, i) for i, s in enumerate(spans)}
    active: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active -= set(closes.get(a, ()))
        active |= set(opens.get(a, ()))
        piece = html.escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        wrap = sorted(active, key=order.__getitem__)
        out.append("".join(tags[i] for i in wrap) + piece + "</span>" * len(wrap))
    return "".join(out)


def escape_value(value: Any) -> str:
    """Return a table cell's value as escaped HTML: missing values blank, lists joined with commas.

    Examples
    --------
    >>> escape_value(["Ann <Lee>", "Bo"]), escape_value(None), escape_value(float("nan"))
    ('Ann &lt;Lee&gt;, Bo', '', '')
    """
    if value is None or (not isinstance(value, list | tuple | dict | np.ndarray) and pd.isna(value)):
        return ""
    if isinstance(value, list | tuple | np.ndarray):
        return html.escape(", ".join(str(v) for v in value))
    return html.escape(str(value))


def html_table(df: pd.DataFrame, columns: list[str], *, empty: str, limit: int | None = None) -> str:
    """Return ``df[columns]`` as an HTML table (every cell escaped), or ``empty`` in italics.

    Columns ``df`` lacks are left out; numbers read as :func:`analysis.present.numbers.format_frame`
    writes them (percent shares, three significant digits, thousands separators); with ``limit``
    only the first rows are shown and a note says how many more the CSV holds (at full precision).

    Examples
    --------
    >>> html_table(pd.DataFrame({"a": ["<x>"]}), ["a", "b"], empty="none")
    '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>&lt;x&gt;</td></tr></tbody></table>'
    """
    cols = [c for c in columns if c in df.columns]
    if not len(df) or not cols:
        return f"<p><i>{html.escape(empty)}</i></p>"
    rows = format_frame(df[cols] if limit is None else df[cols].head(limit))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape_value(v)}</td>" for v in r) + "</tr>" for r in rows.itertuples(index=False)
    )
    more = f"<p><i>{len(df) - len(rows):,} more rows in the CSV.</i></p>" if len(rows) < len(df) else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


#: Style sheet of a report page (article and corpus reports).
PAGE_CSS = """
body { font-family: Arial, Helvetica, sans-serif; color: #222; margin: 0 auto; max-width: 1000px; padding: 1em 2em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; font-size: 13px; margin: .5em 0; }
th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
table.meta th { width: 9em; }
.stats { display: flex; flex-wrap: wrap; gap: .6em; }
.stat { border: 1px solid #ddd; border-radius: 4px; padding: .4em .8em; min-width: 7em; }
.stat b { display: block; font-size: 1.4em; }
figure.chart { margin: 1.5em 0; } figure.chart figcaption { font-size: 12px; color: #555; }
nav a { margin-right: 1em; }
@media print { figure.chart { break-inside: avoid; } nav { display: none; } }
"""

#: Script of a report page: draws every embedded chart spec and records on ``<body>`` how many rendered.
RENDER_JS = """
(function () {
  var plots = document.querySelectorAll("div.plot[data-chart]");
  var config = {displaylogo: false, responsive: true};
  var jobs = Array.prototype.map.call(plots, function (div) {
    try {
      var spec = JSON.parse(document.getElementById(div.id + "-spec").textContent);
      return Promise.resolve(Plotly.newPlot(div, spec.data, spec.layout, config)).then(function () {
        div.setAttribute("data-rendered", "1"); return 1;
      }, function (err) { div.setAttribute("data-error", String(err)); return 0; });
    } catch (err) { div.setAttribute("data-error", String(err)); return Promise.resolve(0); }
  });
  Promise.all(jobs).then(function (ok) {
    var good = ok.reduce(function (a, b) { return a + b; }, 0);
    document.body.setAttribute("data-charts-rendered", String(good));
    document.body.setAttribute("data-charts-failed", String(ok.length - good));
  });
})();
"""


def json_for_script(fig: go.Figure) -> str:
    """Return the figure's JSON with ``&``, ``<`` and ``>`` escaped, safe inside a ``<script>`` element."""
    spec = fig.to_json(validate=False, pretty=False, remove_uids=True)
    return spec.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def chart_figure(name: str, fig: go.Figure, figures_dir: str | None) -> str:
    """Return one chart of a report page: a placeholder :data:`RENDER_JS` draws into, its JSON spec,
    and links to its exported files (:data:`LINKED_FORMATS` under ``figures_dir``; None: no links)."""
    safe = re.sub(r"[^\w-]", "-", name)
    links = ""
    if figures_dir:
        links = " · ".join(
            f'<a href="{html.escape(figures_dir)}/{safe}.{ext}">{ext.upper()}</a>' for ext in LINKED_FORMATS
        )
    note = " (no data)" if is_empty(fig) else ""
    return (
        f'<figure class="chart" id="fig-{safe}">'
        f'<div class="plot" id="plot-{safe}" data-chart="{safe}"></div>'
        f'<script type="application/json" id="plot-{safe}-spec">{json_for_script(fig)}</script>'
        f"<figcaption>{html.escape(name)}{note} {links}</figcaption></figure>"
    )
