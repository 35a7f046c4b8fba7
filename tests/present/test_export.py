"""Export: offline HTML sharing one plotly.js, CSV of the chart data, real PNG/SVG, one browser per batch."""

from __future__ import annotations

import struct
import warnings
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from analysis.present import charts, export

HAS_BROWSER = export.find_browser() is not None
needs_browser = pytest.mark.skipif(not HAS_BROWSER, reason="no Chrome/Chromium installed for kaleido")


def _fig(n=3):
    terms = pd.DataFrame({"term": [f"word{i}" for i in range(n)], "count": list(range(n, 0, -1))})
    return charts.term_frequencies(terms, source="Source: test")


def png_size(path):
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def svg_size(path):
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    assert root.tag.endswith("svg")
    return float(root.get("width")), float(root.get("height"))


def test_html_is_offline_and_shares_one_plotlyjs(tmp_path):
    export.export(_fig(), "a", tmp_path, formats=("html",))
    export.export(_fig(), "b", tmp_path, formats=("html",))
    js = list(tmp_path.glob("*.js"))
    assert [p.name for p in js] == ["plotly.min.js"]
    for name in ("a", "b"):
        page = (tmp_path / f"{name}.html").read_text(encoding="utf-8")
        assert 'src="plotly.min.js"' in page
        assert "cdn.plot.ly" not in page and "https://cdn" not in page
        assert len(page) < 200_000  # plotly.js is not inlined into each chart


def test_csv_holds_the_chart_data(tmp_path):
    fig = _fig(4)
    written = export.export(fig, "terms", tmp_path, formats=("html",))
    assert tmp_path / "terms.csv" in written
    back = pd.read_csv(tmp_path / "terms.csv")
    pd.testing.assert_frame_equal(back, charts.chart_data(fig), check_dtype=False)


def test_csv_of_a_foreign_figure_uses_its_traces(tmp_path):
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], name="s"))
    export.export(fig, "f", tmp_path, formats=())
    assert pd.read_csv(tmp_path / "f.csv")[["x", "y"]].values.tolist() == [[1, 3], [2, 4]]


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="pdf"):
        export.export(_fig(), "x", tmp_path, formats=("pdf",))


@needs_browser
@pytest.mark.parametrize("n_terms", [2, 12])
def test_png_and_svg_are_images_of_the_figure_size(tmp_path, n_terms):
    fig = _fig(n_terms)
    written = export.export(fig, "t", tmp_path, formats=("png", "svg"))
    assert {p.suffix for p in written} == {".csv", ".png", ".svg"}
    assert png_size(tmp_path / "t.png") == (fig.layout.width, fig.layout.height)
    assert svg_size(tmp_path / "t.svg") == (fig.layout.width, fig.layout.height)
    assert "word0" in (tmp_path / "t.svg").read_text(encoding="utf-8")  # the chart's text, not a blank page


@needs_browser
def test_png_scale_multiplies_pixels(tmp_path):
    fig = _fig(2)
    export.export(fig, "t", tmp_path, formats=("png",), scale=2)
    assert png_size(tmp_path / "t.png") == (2 * fig.layout.width, 2 * fig.layout.height)


def test_no_browser_skips_static_with_one_message_and_still_writes_html(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "find_browser", lambda: None)
    figs = {"a": _fig(), "b": _fig()}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = export.export_all(figs, tmp_path)
    skipped = [w for w in caught if issubclass(w.category, export.StaticExportSkipped)]
    assert len(skipped) == 1 and "Chrome/Chromium" in str(skipped[0].message)
    assert sorted(p.name for p in written) == ["a.csv", "a.html", "b.csv", "b.html"]
    assert not list(tmp_path.glob("*.png")) and not list(tmp_path.glob("*.svg"))


@needs_browser
def test_batch_export_reuses_one_browser(tmp_path, monkeypatch):
    import kaleido
    import kaleido._sync_server as sync

    started = []
    real = sync.Kaleido

    class Counting(real):
        def __init__(self, *args, **kwargs):
            started.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(sync, "Kaleido", Counting)
    monkeypatch.setattr(kaleido, "Kaleido", Counting)
    figs = {f"f{i}": _fig(i + 2) for i in range(3)}
    written = export.export_all(figs, tmp_path, formats=("png", "svg"))
    assert len([p for p in written if p.suffix in (".png", ".svg")]) == 6
    assert len(started) == 1


def test_write_tables_writes_every_table(nato, tmp_path):
    written = export.write_tables(nato, tmp_path)
    names = {p.name for p in written}
    for table in nato.tables():
        assert {f"{table}.csv", f"{table}.parquet"} <= names
    back = pd.read_parquet(tmp_path / "sentences.parquet")
    assert back["text"].tolist() == nato.sentences["text"].tolist()
