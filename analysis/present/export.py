"""Write an article's tables and charts to disk.

Tables go out as CSV and Parquet (:func:`write_tables`).  Charts go out as offline HTML, PNG and
SVG, each next to a CSV of the data behind it (:func:`export`; the data is the table a chart
builder stored in ``fig.layout.meta``, so a copied or JSON-loaded figure keeps it).  Static images are drawn by kaleido
in a system Chrome/Chromium; inside :func:`image_session` (which :func:`export_all` opens) every
export reuses one browser.  HTML pages in one folder share one ``plotly.min.js`` beside them, so
plotly.js is stored once per folder and the pages work with no network.  When no browser is found,
PNG and SVG are skipped with one :class:`StaticExportSkipped` warning and the HTML and CSV are
still written.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from analysis.present.charts import WIDTH, chart_data

#: Formats :func:`export` knows.
FORMATS = ("html", "png", "svg")
STATIC_FORMATS = ("png", "svg")


class StaticExportSkipped(UserWarning):
    """PNG/SVG export was skipped (no Chrome/Chromium, or the browser failed)."""


def write_tables(article, out_dir: str | Path) -> list[Path]:
    """Write every table of ``article`` (:data:`analysis.article.TABLES`) as ``<name>.csv`` and ``.parquet`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in article.tables().items():
        csv = out / f"{name}.csv"
        df.to_csv(csv, index=False)
        pq = out / f"{name}.parquet"
        df.to_parquet(pq, index=False)
        written += [csv, pq]
    return written


def find_browser() -> str | None:
    """Return the path of the Chrome/Chromium kaleido would use, or None when there is none.

    ``BROWSER_PATH`` overrides the search (as in kaleido's own lookup).
    """
    try:
        from choreographer.browsers.chromium import Chromium

        return Chromium.find_browser(skip_local=False)
    except Exception:  # noqa: BLE001 - any failure to look means "no browser"
        return None


_NO_BROWSER = (
    "no Chrome/Chromium found: PNG/SVG export skipped (HTML and CSV written). "
    "Install one (Debian: apt-get install chromium) or set BROWSER_PATH."
)
_session_depth = 0


def _server():
    import kaleido

    return kaleido._global_server  # the singleton behind start_sync_server()


_started_here = False


@contextlib.contextmanager
def image_session() -> Iterator[None]:
    """Keep one headless browser for every static export inside the ``with`` block.

    The browser is started by the first PNG/SVG export (so a batch with nothing to draw never starts
    one) and closed when the outermost session ends.  Nested sessions share the outer one.
    """
    global _session_depth, _started_here
    _session_depth += 1
    try:
        yield
    finally:
        _session_depth -= 1
        if not _session_depth and _started_here:
            import kaleido

            _started_here = False
            kaleido.stop_sync_server(silence_warnings=True)


def _ensure_server() -> None:
    """Start the shared browser when inside :func:`image_session` and none is running yet."""
    global _started_here
    if _session_depth and not _server().is_running():
        import kaleido

        # mathjax=False: the default loads MathJax from a CDN, which an offline machine cannot reach.
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _started_here = True


def _figure_csv(fig: go.Figure) -> pd.DataFrame:
    data = chart_data(fig)
    if len(data.columns):
        return data
    rows = []  # a figure from elsewhere: fall back to its traces' x/y
    for i, tr in enumerate(fig.data):
        xs, ys = getattr(tr, "x", None), getattr(tr, "y", None)
        if xs is None and ys is None:
            continue
        n = len(xs if xs is not None else ys)
        for j in range(n):
            rows.append((i, tr.name, None if xs is None else xs[j], None if ys is None else ys[j]))
    return pd.DataFrame(rows, columns=["trace", "name", "x", "y"])


def _known_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """Return ``formats`` without repeats; a format :data:`FORMATS` does not hold is a ``ValueError``."""
    formats = tuple(dict.fromkeys(formats))
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown export format(s): {', '.join(sorted(unknown))} (expected {', '.join(FORMATS)})")
    return formats


def _write_html(fig: go.Figure, name: str, out: Path) -> Path:
    """Write ``<name>.html``, loading the ``plotly.min.js`` kept once in ``out`` (offline)."""
    html = out / f"{name}.html"
    fig.write_html(
        html,
        include_plotlyjs="directory",
        full_html=True,
        div_id=f"chart-{name}",
        config={"displaylogo": False, "responsive": True},
    )
    return html


def export(
    fig: go.Figure,
    name: str,
    out_dir: str | Path,
    formats: Iterable[str] = FORMATS,
    *,
    scale: float = 1.0,
) -> list[Path]:
    """Write ``fig`` as ``<name>.<format>`` for each format, plus ``<name>.csv`` with its data.

    Parameters
    ----------
    fig : Figure
        A figure, usually from :mod:`analysis.present.charts` or ``art.plot`` (its data travels in
        ``fig.layout.meta["data"]``, read by :func:`~analysis.present.charts.chart_data`, and is written
        as the CSV; other figures get their traces' x/y).
    name : str
        File stem.
    out_dir : str or Path
        Folder (created when missing).
    formats : iterable of str
        Any of ``html``, ``png``, ``svg``.  HTML is offline: it loads ``plotly.min.js`` written once
        into ``out_dir``.  PNG/SVG have the figure's own width and height (times ``scale``).
    scale : float
        Pixel multiplier for PNG.

    Returns
    -------
    list of Path
        The files written (PNG/SVG left out when they were skipped).

    Examples
    --------
    >>> import tempfile
    >>> from analysis.present.charts import term_frequencies
    >>> fig = term_frequencies(pd.DataFrame({"term": ["rain"], "count": [3]}))
    >>> with tempfile.TemporaryDirectory() as d:
    ...     sorted(p.name for p in export(fig, "terms", d, formats=("html",)))
    ['terms.csv', 'terms.html']
    """
    formats = _known_formats(formats)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    csv = out / f"{name}.csv"
    _figure_csv(fig).to_csv(csv, index=False)
    written = [csv]
    if "html" in formats:
        written.append(_write_html(fig, name, out))
    static = [f for f in formats if f in STATIC_FORMATS]
    if static:
        written += _write_static(fig, name, out, static, scale=scale)
    return written


def _write_static(fig: go.Figure, name: str, out: Path, formats: list[str], *, scale: float) -> list[Path]:
    if find_browser() is None:
        warnings.warn(_NO_BROWSER, StaticExportSkipped, stacklevel=3)
        return []
    import kaleido

    width = fig.layout.width or WIDTH
    height = fig.layout.height or 500
    written = []
    with image_session():
        _ensure_server()
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            opts = {"format": fmt, "width": width, "height": height, "scale": scale if fmt == "png" else 1}
            try:
                kopts = {} if _server().is_running() else {"kopts": {"mathjax": False}}
                kaleido.write_fig_sync(fig, path=path, opts=opts, **kopts)
            except Exception as exc:  # noqa: BLE001 - a browser failure must not lose the HTML/CSV
                warnings.warn(
                    f"static export of {name}.{fmt} failed: {type(exc).__name__}: {exc}", StaticExportSkipped, 3
                )
                continue
            written.append(path)
    return written


def export_all(figures: Mapping[str, go.Figure], out_dir: str | Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Export several figures (name → figure) into ``out_dir`` with one browser for all of them.

    Examples
    --------
    >>> import tempfile
    >>> from analysis.present.charts import term_frequencies
    >>> figs = {"a": term_frequencies(pd.DataFrame()), "b": term_frequencies(pd.DataFrame())}
    >>> with tempfile.TemporaryDirectory() as d:
    ...     len(export_all(figs, d, formats=("html",)))
    4
    """
    formats = tuple(formats)
    written: list[Path] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StaticExportSkipped)
        with image_session() if set(formats) & set(STATIC_FORMATS) else contextlib.nullcontext():
            for name, fig in figures.items():
                written += export(fig, name, out_dir, formats)
    for category, message in dict.fromkeys((w.category, str(w.message)) for w in caught):  # each problem once
        warnings.warn(message, category, stacklevel=2)
    return written
