"""``art.plot``: one method per chart, the same Figure as the functional call, data that survives copies."""

from __future__ import annotations

import inspect

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from analysis import Article
from analysis.present import charts, export, plotting
from analysis.present.plotting import TOP_N, ArticlePlot


def _functional(art, name):
    """The call a notebook made before ``art.plot``: every argument spelled out."""
    src = charts.source_line(art.metadata)
    disp = art.term_dispersion
    return {
        "term_frequencies": lambda: charts.term_frequencies(art.terms, top_n=TOP_N, source=src),
        "top_bigrams": lambda: charts.top_bigrams(art.bigrams, top_n=TOP_N, source=src),
        "terms_through_story": lambda: charts.terms_through_story(disp[disp["rank"] <= TOP_N], source=src),
        "actor_mentions": lambda: charts.actor_mentions(art.actors, top_n=TOP_N, source=src),
        "actor_positions": lambda: charts.actor_positions(art.entities, art.story_sentences, top_n=TOP_N, source=src),
        "cooccurrence": lambda: charts.cooccurrence(art.cooccurrence, top_n=TOP_N, source=src),
        "quotes_per_speaker": lambda: charts.quotes_per_speaker(
            art.quotes, speakers=art.quote_speakers, top_n=TOP_N, source=src
        ),
        "timeline": lambda: charts.timeline(
            art.timeline, sentences=art.sentences, published=art.metadata["published"], source=src
        ),
    }[name]()


@pytest.mark.parametrize("name", charts.CHART_NAMES)
def test_accessor_equals_functional_call(nato, name):
    fig = getattr(nato.plot, name)()
    assert isinstance(fig, go.Figure)
    assert fig == _functional(nato, name)
    assert charts.chart_name(fig) == name
    assert not charts.is_empty(fig)


def test_one_method_per_chart_and_one_default_top_n():
    assert ArticlePlot.kinds == charts.CHART_NAMES
    defaults = set()
    for name in charts.CHART_NAMES:
        params = inspect.signature(getattr(ArticlePlot, name)).parameters
        if "top_n" in params:
            defaults.add(params["top_n"].default)
    assert defaults == {TOP_N}


def test_top_n_reaches_the_chart(nato):
    assert len(charts.chart_data(nato.plot.actor_mentions(top_n=3))) == 3
    assert len(charts.chart_data(nato.plot.term_frequencies(top_n=4))) == 4


def test_call_by_kind_and_all(nato):
    assert nato.plot("timeline") == nato.plot.timeline()
    with pytest.raises(ValueError, match="unknown chart"):
        nato.plot("pie")
    figs = nato.plot.all()
    assert list(figs) == list(charts.CHART_NAMES)
    assert all(figs[k] == v for k, v in plotting.article_charts(nato).items())
    assert nato.plot is nato.plot  # built once per article


@pytest.mark.parametrize("name", charts.CHART_NAMES)
def test_chart_data_survives_copies_and_json(nato, name):
    fig = getattr(nato.plot, name)()
    data = charts.chart_data(fig)
    assert len(data) and list(data.columns) == fig.layout.meta["data"]["columns"]
    for copy in (go.Figure(fig), pio.from_json(fig.to_json()), go.Figure(fig.to_dict())):
        pd.testing.assert_frame_equal(charts.chart_data(copy), data)


def test_export_writes_the_data_of_a_copied_figure(nato, tmp_path):
    fig = go.Figure(nato.plot.quotes_per_speaker())
    export.export(fig, "quotes", tmp_path, formats=("html",))
    back = pd.read_csv(tmp_path / "quotes.csv")
    pd.testing.assert_frame_equal(back, charts.chart_data(fig), check_dtype=False)
    assert back["quotes"].sum() > 0


def test_accessor_on_a_text_without_metadata():
    art = Article.from_text("Rain fell in Lima. Rain fell again in Lima.", layout="plain")
    fig = art.plot.term_frequencies()
    assert [a.text for a in fig.layout.annotations if a.name == "source"] == ["Source: unknown article"]
    assert charts.chart_data(fig)["term"].tolist() == art.terms["term"].head(TOP_N).tolist()
