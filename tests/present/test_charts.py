"""Chart builders: one template, data attached, empty tables drawn as "no data", real article charted."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.extract.entities import ACTOR_COLUMNS, ENTITY_COLUMNS
from analysis.extract.quotes import QUOTE_COLUMNS
from analysis.extract.timeline import TIMELINE_COLUMNS
from analysis.present import charts, plotting

SRC = "Source: “A test story”, The Daily, 2023-02-01"


def _empty(cols):
    return pd.DataFrame(columns=cols)


EMPTY_BUILDS = {
    "term_frequencies": lambda: charts.term_frequencies(_empty(["term", "count"]), source=SRC),
    "top_bigrams": lambda: charts.top_bigrams(_empty(["ngram", "count", "score"]), source=SRC),
    "terms_through_story": lambda: charts.terms_through_story(_empty(["term", "segment", "count"]), source=SRC),
    "actor_mentions": lambda: charts.actor_mentions(_empty(ACTOR_COLUMNS), source=SRC),
    "actor_positions": lambda: charts.actor_positions(_empty(ENTITY_COLUMNS), _empty(["sentence_id"]), source=SRC),
    "cooccurrence": lambda: charts.cooccurrence(_empty(["actor_a", "actor_b", "sentences"]), source=SRC),
    "quotes_per_speaker": lambda: charts.quotes_per_speaker(_empty(QUOTE_COLUMNS), source=SRC),
    "timeline": lambda: charts.timeline(_empty(TIMELINE_COLUMNS), source=SRC),
}


@pytest.mark.parametrize("name", list(EMPTY_BUILDS))
def test_empty_table_gives_no_data_figure(name):
    fig = EMPTY_BUILDS[name]()
    assert isinstance(fig, go.Figure)
    assert charts.is_empty(fig)
    assert charts.chart_name(fig) == name
    assert len(charts.chart_data(fig)) == 0
    assert any("No data" in (a.text or "") for a in fig.layout.annotations)


def test_every_chart_name_has_an_empty_build():
    assert set(EMPTY_BUILDS) == set(charts.CHART_NAMES)


def _sample_figures():
    terms = pd.DataFrame({"term": ["rain", "spain", "plain"], "count": [5, 3, 1]})
    actors = pd.DataFrame(
        {"actor": ["Ann Lee", "Peru", "UN"], "actor_type": ["person", "country", "org"], "mentions": [4, 2, 1]}
    )
    ents = pd.DataFrame({"sentence_id": [0, 0, 1], "actor": ["Ann Lee", "Peru", "Ann Lee"]})
    return [
        charts.term_frequencies(terms, source=SRC),
        charts.top_bigrams(pd.DataFrame({"ngram": ["heavy rain"], "count": [2]}), source=SRC),
        charts.terms_through_story(
            pd.DataFrame({"term": ["rain"] * 2, "segment": [1, 2], "count": [1, 0]}), source=SRC
        ),
        charts.actor_mentions(actors, source=SRC),
        charts.actor_positions(ents, pd.DataFrame({"sentence_id": [0, 1]}), source=SRC),
        charts.cooccurrence(pd.DataFrame({"actor_a": ["Ann Lee"], "actor_b": ["Peru"], "sentences": [1]}), source=SRC),
        charts.quotes_per_speaker(pd.DataFrame({"speaker": ["Ann Lee"], "kind": ["direct"]}), source=SRC),
        charts.timeline(
            pd.DataFrame({"text": ["Monday"], "value": ["2023-01-30"], "date_start": ["2023-01-30"]}), source=SRC
        ),
    ]


@pytest.mark.parametrize("fig", _sample_figures(), ids=list(charts.CHART_NAMES))
def test_one_template_title_and_source_line(fig):
    assert fig.layout.template.layout.colorway == tuple(charts.PALETTE)
    assert fig.layout.title.text
    assert [a.text for a in fig.layout.annotations if a.name == "source"] == [SRC]
    assert not charts.is_empty(fig)
    assert len(charts.chart_data(fig)) > 0
    assert fig.layout.width and fig.layout.height


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"title": "T", "outlet": "O", "published": "2020-01-02"}, "Source: “T”, O, 2020-01-02"),
        ({"title": "T"}, "Source: “T”"),
        ({"source": "data/a.txt"}, "Source: data/a.txt"),
        (None, "Source: unknown article"),
    ],
)
def test_source_line(meta, expected):
    assert charts.source_line(meta) == expected


def test_term_frequencies_top_n_and_order():
    terms = pd.DataFrame({"term": list("abcdef"), "count": [1, 9, 4, 4, 7, 2]})
    fig = charts.term_frequencies(terms, top_n=3)
    assert list(fig.data[0].y) == ["c", "e", "b"]  # most frequent drawn on top (last on a y axis)
    assert charts.chart_data(fig)["term"].tolist() == ["b", "e", "c"]
    assert charts.chart_data(fig)["rank"].tolist() == [1, 2, 3]


@pytest.mark.parametrize(
    ("ngrams", "expected"),
    [
        (pd.DataFrame({"ngram": [("new", "york"), ("big", "apple")], "count": [1, 3]}), ["big apple", "new york"]),
        (pd.DataFrame({"w1": ["new", "big"], "w2": ["york", "apple"], "count": [1, 3]}), ["big apple", "new york"]),
        (pd.DataFrame({"ngram": ["a b", "a b c"], "n": [2, 3], "count": [1, 5]}), ["a b"]),
    ],
)
def test_top_bigrams_reads_ngram_shapes(ngrams, expected):
    assert charts.chart_data(charts.top_bigrams(ngrams))["ngram"].tolist() == expected


def test_actor_mentions_coloured_by_type():
    actors = pd.DataFrame(
        {"actor": ["A", "B", "C"], "actor_type": ["person", "country", "person"], "mentions": [1, 5, 3], "quotes": 0}
    )
    fig = charts.actor_mentions(actors)
    by_type = {tr.name: tr for tr in fig.data}
    assert set(by_type) == {"person", "country"}
    assert by_type["person"].marker.color == charts.TYPE_COLOURS["person"]
    assert sorted(by_type["person"].y) == ["A", "C"]
    assert list(fig.layout.yaxis.categoryarray) == ["A", "C", "B"]  # largest on top


def test_actor_positions_bins_long_stories():
    ents = pd.DataFrame({"sentence_id": [0, 99], "actor": ["Peru", "Peru"]})
    fig = charts.actor_positions(ents, pd.DataFrame({"sentence_id": range(100)}), max_columns=10)
    assert list(fig.data[0].z[0]) == [1] + [0] * 8 + [1]
    data = charts.chart_data(fig)
    assert data["mentions"].sum() == 2


@pytest.mark.parametrize(
    ("cooc", "expected"),
    [
        (pd.DataFrame({"actor_a": ["A"], "actor_b": ["B"], "sentences": [[1, 4, 7]]}), 3),  # list of sentence ids
        (pd.DataFrame({"actor_a": ["A"], "actor_b": ["B"], "count": [2]}), 2),
        (pd.DataFrame({"actor_a": ["A", "B"], "actor_b": ["B", "A"], "sentences": [1, 1]}), 2),  # both orders summed
    ],
)
def test_cooccurrence_matrix_symmetric(cooc, expected):
    z = [list(r) for r in charts.cooccurrence(cooc).data[0].z]
    assert z == [[0, expected], [expected, 0]]


def test_quotes_per_speaker_stacks_kinds_and_names_unattributed():
    q = pd.DataFrame(
        {"speaker": ["A", "A", "B", None, "A"], "kind": ["direct", "partial", "indirect", "direct", "direct"]}
    )
    fig = charts.quotes_per_speaker(q)
    assert fig.layout.barmode == "stack"
    data = charts.chart_data(fig)
    assert data.loc[(data["speaker"] == "A") & (data["kind"] == "direct"), "quotes"].item() == 2
    assert "(unattributed)" in set(data["speaker"])
    assert fig.layout.yaxis.categoryarray[-1] == "A"  # most quoted on top


def test_quotes_per_speaker_leaves_out_a_transcripts_questioner():
    from analysis.extract.quotes.speakers import QUESTIONER_NAME

    q = pd.DataFrame({"speaker": [QUESTIONER_NAME, "Dana Korvel", QUESTIONER_NAME], "kind": ["direct"] * 3})
    assert set(charts.chart_data(charts.quotes_per_speaker(q))["speaker"]) == {"Dana Korvel"}


TIMELINE = pd.DataFrame(
    {
        "timex_id": [0, 1, 2, 3, 4],
        "sentence_id": [0, 1, 1, 2, 2],
        "text": ["on Monday", "in December", "in recent years", "World War II", "every year"],
        "type": ["DATE", "DATE", "DATE", "DATE", "SET"],
        "value": ["2023-01-30", "2022-12", "PAST_REF", "1939/1945", "P1Y"],
        "date_start": ["2023-01-30", "2022-12-01", None, "1939-01-01", None],
        "date_end": ["2023-01-30", "2022-12-31", None, "1945-12-31", None],
        "event": ["talks held", "drills", "ties grew", "war", "summit"],
        "actors": [["Peru"], ["Chile"], [], ["Peru"], []],
    }
)
SENTS = pd.DataFrame({"sentence_id": [0, 1, 2], "text": ["Talks were held on Monday.", "Drills <b>.", "War."]})


def test_timeline_places_days_months_bars_and_lists_vague():
    fig = charts.timeline(TIMELINE, sentences=SENTS, published="2023-02-01")
    data = charts.chart_data(fig)
    assert data.set_index("text")["mark"].to_dict() == {
        "on Monday": "day",
        "in December": "month",
        "in recent years": "listed",
        "World War II": "bar",
        "every year": "listed",
    }
    placed_labels = {y for tr in fig.data for y in (tr.y or ())}
    assert not any("recent years" in y or "every year" in y for y in placed_labels)
    listed = [a.text for a in fig.layout.annotations if a.name == "listed"]
    assert len(listed) == 1 and "in recent years (PAST_REF)" in listed[0] and "every year" in listed[0]
    bars = [tr for tr in fig.data if tr.mode == "lines"]
    assert len(bars) == 1 and str(bars[0].x[0])[:4] == "1939" and str(bars[0].x[1])[:4] == "1946"
    assert str([s.x0 for s in fig.layout.shapes if s.type == "line"][0]).startswith("2023-02-01")
    hovers = " ".join(h for tr in fig.data for h in ([tr.hovertext] if isinstance(tr.hovertext, str) else tr.hovertext))
    assert "Talks were held on Monday." in hovers
    assert {tr.name for tr in fig.data} == {"Peru", "Chile"}  # coloured by actor


def test_timeline_with_only_publication_date_is_not_empty():
    fig = charts.timeline(TIMELINE.iloc[[2]], published="2023-02-01")
    assert not charts.is_empty(fig)
    assert charts.chart_data(fig)["placed"].tolist() == [False]


def test_article_charts_on_shipped_article(nato):
    figs = plotting.article_charts(nato)
    assert list(figs) == list(charts.CHART_NAMES)
    title = nato.metadata["title"]
    for name, fig in figs.items():
        assert charts.chart_name(fig) == name
        assert any(title in (a.text or "") for a in fig.layout.annotations if a.name == "source")
    terms = charts.chart_data(figs["term_frequencies"])
    assert terms["term"].tolist() == nato.terms["term"].head(len(terms)).tolist()
    mentions = charts.chart_data(figs["actor_mentions"])
    assert mentions["actor"].tolist() == nato.actors["actor"].head(len(mentions)).tolist()
    # one identity per actor: each speaker's bar total is that actor's quote count (joint quotes included)
    per_speaker = charts.chart_data(figs["quotes_per_speaker"]).groupby("speaker")["quotes"].sum()
    actor_quotes = nato.actors.set_index("actor")["quotes"]
    named = [s for s in per_speaker.index if s in actor_quotes.index]
    assert named
    assert all(per_speaker[s] == actor_quotes[s] for s in named)
    assert len(charts.chart_data(figs["timeline"])) == len(nato.timeline)
