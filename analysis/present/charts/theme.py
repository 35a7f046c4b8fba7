"""The house look of every chart: palette, shapes, template and sizes.

It decides the colours (the Okabe–Ito colour-blind-safe palette, one colour per actor type and per
quote kind), the fill patterns, dashes and marker shapes that keep categories apart when printed in
grey, the plotly template (:data:`TEMPLATE_LAYOUT`: font, title, axes, margins) and the figure sizes
(:data:`WIDTH`, :func:`bar_height`).  It reads nothing: the builders and
:func:`analysis.present.charts.figure.finish` read it.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

#: Okabe & Ito (2008) colour-blind-safe palette, in an order whose first colours differ in lightness too.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
#: One colour per actor type, shared by every actor chart.
TYPE_COLOURS = {
    "person": "#0072B2",
    "org": "#E69F00",
    "country": "#009E73",
    "place": "#56B4E9",
    "event": "#CC79A7",
    "other": "#7F7F7F",
}
#: One colour per quote kind.
KIND_COLOURS = {"direct": "#0072B2", "partial": "#E69F00", "indirect": "#009E73"}
#: Bar fill patterns per category, so categories stay apart when printed in grey.
PATTERNS = ["", "/", ".", "x", "\\", "+", "-", "|"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon"]

#: Name of the house template (the key it has in ``plotly.io.templates`` once :func:`register_template` ran).
TEMPLATE = "workbook"
#: Default static-export size in pixels (width); builders set the height from their content.
WIDTH = 900

#: The house template, handed to each figure by :func:`~analysis.present.charts.figure.finish` (never made plotly's global default,
#: and not registered at import: a figure carries the template itself, so no global state is needed).
TEMPLATE_LAYOUT = go.layout.Template(
    layout=go.Layout(
        font={"family": "Arial, Helvetica, sans-serif", "size": 13, "color": "#222222"},
        title={"x": 0.015, "xanchor": "left", "font": {"size": 17}},
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis={"showgrid": True, "gridcolor": "#E5E5E5", "linecolor": "#444444", "ticks": "outside", "zeroline": False},
        yaxis={"showgrid": False, "linecolor": "#444444", "ticks": "outside", "automargin": True, "zeroline": False},
        legend={"bgcolor": "rgba(255,255,255,0.8)"},
        hoverlabel={"align": "left"},
        margin={"l": 80, "r": 40, "t": 70, "b": 90},
    )
)


def register_template() -> str:
    """Add the house template to ``plotly.io.templates`` as :data:`TEMPLATE` and return that name.

    For user code that wants ``template="workbook"`` on its own figures; the builders do not need it
    and ``plotly.io.templates.default`` is left alone.
    """
    pio.templates[TEMPLATE] = TEMPLATE_LAYOUT
    return TEMPLATE


def bar_height(n: int) -> int:
    """Return the height in pixels of a horizontal bar chart of ``n`` bars."""
    return max(320, 170 + 26 * n)
