"""Corpora: load_corpus (loop and a real LocalCluster), the concatenated tables, comparisons, CLI."""

from __future__ import annotations

import io
import math
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import ArticleError, Corpus, load_article, load_corpus
from analysis.cli import main
from analysis.corpus import analyse_batch, conform_dataset, to_parquet_bytes
from analysis.extract.terms import log_likelihood
from tests.conftest import ARTICLE, ROOT, assert_offsets, long_numbers

NATO = ROOT / "data" / "corpora" / "nato-japan-2023"
NEWS = "epoch-times-2023-02-01-nato-chief-condemns-china-bullying"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(NATO, scheduler="synchronous", progress=False)


@pytest.fixture(scope="module")
def articles(corpus):
    return {aid: corpus[aid] for aid in corpus.articles["article_id"]}


def test_folder_gives_one_row_per_article_file(corpus):
    files = sorted(p.stem for p in NATO.iterdir() if p.suffix == ".txt")
    assert sorted(corpus.articles["article_id"]) == files
    assert corpus.articles["error"].isna().all()
    assert (corpus.articles["words"] > 0).all()
    # the folder's metadata.csv is joined: its outlets, and its extra column
    assert set(corpus.articles["outlet"]) == {"The Epoch Times", "NATO"}
    assert corpus.articles["kind"].notna().all()


@pytest.mark.parametrize("table", ["quotes", "actors", "timeline", "entities", "terms", "sentences"])
def test_tables_are_the_article_tables_with_article_id_first(corpus, articles, table):
    df = corpus.table(table)
    assert df.columns[0] == "article_id"
    for aid, art in articles.items():
        own = getattr(art, table)
        part = df[df["article_id"] == aid].drop(columns="article_id").reset_index(drop=True)
        if "actor_id" in own.columns:  # the corpus id, the article's own kept beside it
            assert part["article_actor_id"].tolist() == own["actor_id"].tolist()
            part = part.drop(columns=["actor_id", "article_actor", "actor"], errors="ignore")
            part = part.rename(columns={"article_actor_id": "actor_id"})
            own = own.drop(columns=["actor"])
        assert list(part.columns) == list(own.columns)
        assert len(part) == len(own), (aid, table)
        if len(own):
            same = [c for c in own.columns if own[c].dtype != object]
            assert {c: str(part[c].dtype) for c in same} == {c: str(own[c].dtype) for c in same}
            if {"start", "end", "text"} <= set(own.columns):
                assert_offsets(art.text, part)


def test_getitem_rebuilds_the_article_with_metadata_overrides(corpus):
    art = corpus[NEWS]
    assert art.text == load_article(NATO / f"{NEWS}.txt").text
    row = corpus.articles.set_index("article_id").loc[NEWS]
    assert art.metadata["outlet"] == row["outlet"]
    with pytest.raises(KeyError):
        corpus["no-such-article"]


def test_actor_share_sums_to_one_per_group_and_counts_mentions(corpus):
    share = corpus.actor_share(by="outlet")
    assert np.allclose(share.groupby("outlet")["share"].sum(), 1.0)
    actors = corpus.actors.merge(corpus.articles[["article_id", "outlet"]], on="article_id")
    assert share.groupby("outlet")["mentions"].sum().to_dict() == actors.groupby("outlet")["mentions"].sum().to_dict()
    top = corpus.actor_share(by="article_id", top_n=3)
    assert (top.groupby("article_id")["actor"].count() <= 4).all()
    assert np.allclose(top.groupby("article_id")["share"].sum(), 1.0)


def test_speaker_share_counts_every_quote_speaker(corpus):
    share = corpus.speaker_share(by="article_id")
    quotes = corpus.quotes
    n_speakers = quotes["speaker"].map(lambda s: len(s.split(";")) if isinstance(s, str) else 1).sum()
    assert share["quotes"].sum() == n_speakers
    assert (share[["direct", "partial", "indirect"]].sum(axis=1) == share["quotes"]).all()
    assert np.allclose(share.groupby("article_id")["share"].sum(), 1.0)


def test_keyness_between_the_news_article_and_nato_texts(corpus):
    mask = corpus.articles["outlet"] == "The Epoch Times"
    key = corpus.keyness(mask, names=("news", "NATO"))
    assert key.attrs["words_a"] == corpus.articles.loc[mask, "words"].sum()
    terms = corpus.terms
    news_counts = terms[terms["article_id"] == NEWS].set_index("term")["count"]
    row = key.iloc[0]
    assert row["count_a"] == news_counts[row["term"]]
    assert row["favours"] == "news" and row["log_likelihood"] > 0
    assert key.iloc[-1]["favours"] == "NATO" and key.iloc[-1]["log_likelihood"] < 0
    n_a, n_b = key.attrs["words_a"], key.attrs["words_b"]
    assert math.isclose(row["per_million_a"], row["count_a"] / n_a * 1e6)
    expected = log_likelihood(float(row["count_a"]), float(row["count_b"]), n_a, n_b)
    assert math.isclose(row["log_likelihood"], expected)
    assert key["log_likelihood"].is_monotonic_decreasing
    # the same comparison by article ids
    ids = corpus.articles.loc[mask, "article_id"].tolist()
    assert corpus.keyness(ids)["term"].tolist() == key["term"].tolist()


def test_log_likelihood_textbook_values():
    # 2x2 table a=10 of 100, b=0 of 100: G2 = 2 * 10 * ln(2)
    assert math.isclose(log_likelihood(10, 0, 100, 100), 20 * math.log(2))
    assert math.isclose(log_likelihood(0, 10, 100, 100), -20 * math.log(2))
    assert log_likelihood(5, 5, 100, 100) == 0.0


def test_merged_timeline_is_in_date_order_with_articles(corpus):
    tl = corpus.merged_timeline()
    assert tl["date_start"].notna().all()
    assert tl["date_start"].tolist() == sorted(tl["date_start"])
    assert set(tl["article_id"]) <= set(corpus.articles["article_id"])
    assert len(tl) == corpus.timeline["date_start"].notna().sum()


def test_shared_quotes_span_articles_and_point_into_the_text(corpus, articles):
    shared = corpus.shared_quotes()
    assert len(shared)
    for _, grp in shared.groupby("group_id"):
        assert grp["article_id"].nunique() >= 2
        assert (grp["unit"] == "quote").any()
    for aid, grp in shared.groupby("article_id"):
        assert_offsets(articles[aid].text, grp)


def test_dataframe_source_bad_article_keeps_its_row_and_the_batch_goes_on():
    texts = ["Ann Lee said on Monday that the bridge would reopen.", "   ", "Rain fell in Lima, officials said."]
    df = pd.DataFrame({"article_id": ["a", "b", "c"], "text": texts, "outlet": ["X", "Y", "X"]})
    c = load_corpus(df, scheduler="synchronous", progress=False)
    assert c.articles["article_id"].tolist() == ["a", "b", "c"]
    err = c.articles.set_index("article_id")["error"]
    assert err.isna()[["a", "c"]].all() and "empty" in err["b"]
    assert set(c.sentences["article_id"]) == {"a", "c"}
    assert c.articles.set_index("article_id").loc["a", "outlet"] == "X"
    assert c["c"].text == texts[2]


def test_metadata_file_keyed_by_file_name_adds_columns_and_overrides(tmp_path):
    meta = tmp_path / "meta.tsv"
    names = sorted(p.name for p in NATO.glob("*.txt"))
    # keyed like PolNeAR's metadata.tsv: file names without their suffix
    rows = ["filename\toutlet\tpublished\tleaning"]
    rows += [f"{Path(n).stem}\tOutlet {i % 2}\t2023-03-0{i + 1}\tL{i % 2}" for i, n in enumerate(names)]
    meta.write_text("\n".join(rows), encoding="utf-8")
    c = load_corpus(str(NATO / "*.txt"), metadata=meta, progress=False)
    arts = c.articles.set_index("article_id")
    assert arts["leaning"].tolist() == ["L0", "L1", "L0", "L1"]
    assert arts["published"].tolist() == ["2023-03-01", "2023-03-02", "2023-03-03", "2023-03-04"]
    assert set(c.actor_share(by="leaning")["leaning"]) == {"L0", "L1"}


def test_bad_sources_raise_article_error(tmp_path):
    with pytest.raises(ArticleError, match="no .txt"):
        load_corpus(tmp_path)
    with pytest.raises(ArticleError, match="no file matches"):
        load_corpus(str(tmp_path / "*.txt"))
    with pytest.raises(ArticleError, match="'text'"):
        load_corpus(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(ArticleError, match="repeat"):
        load_corpus(pd.DataFrame({"article_id": ["a", "a"], "text": ["x y", "y z"]}))
    with pytest.raises(ValueError, match="unknown scheduler"):
        load_corpus(pd.DataFrame({"text": ["Rain fell."]}), scheduler="threads")


def test_select_takes_ids_or_a_mask(corpus):
    assert corpus.select(NEWS) == [NEWS]
    assert corpus.select(corpus.articles["outlet"] == "NATO") == corpus.articles.loc[
        corpus.articles["outlet"] == "NATO", "article_id"
    ].tolist()
    with pytest.raises(KeyError):
        corpus.select(["nope"])


def test_list_columns_and_batches_with_empty_tables_read_as_one_dataset(tmp_path):
    rows, parts = analyse_batch([{"article_id": "a", "text": "Ann Lee said it rained in Lima.", "layout": "plain"}])
    rows2, parts2 = analyse_batch([{"article_id": "b", "text": "Rain.", "layout": "plain"}])
    for name in parts:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "part-00000.parquet").write_bytes(parts[name][""])
        (folder / "part-00001.parquet").write_bytes(parts2[name][""])
        conform_dataset(folder)
        df = pd.read_parquet(folder)
        assert df.columns[0] == "article_id"
    mixed = pd.DataFrame({"article_id": ["x", "y"], "v": [1, "one"], "l": [["a"], None]})
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "part-00000.parquet").write_bytes(to_parquet_bytes(mixed))
    (folder / "part-00001.parquet").write_bytes(to_parquet_bytes(mixed.assign(l=None)))
    conform_dataset(folder)
    back = pd.read_parquet(folder)
    assert back["v"].tolist() == ["1", "one", "1", "one"] and list(back["l"].iloc[0]) == ["a"]


def test_local_cluster_with_two_workers_gives_the_loop_tables(tmp_path):
    pytest.importorskip("distributed")
    paths = sorted(NATO.glob("*.txt"))[1:4]
    bad = tmp_path / "empty.txt"
    bad.write_text("  \n", encoding="utf-8")
    loop = load_corpus([*paths, bad], scheduler="synchronous", progress=False)
    dist = load_corpus([*paths, bad], workers=2, progress=False)
    assert dist.articles.drop(columns="authors").equals(loop.articles.drop(columns="authors"))
    assert "empty" in dist.articles.set_index("article_id").loc["empty", "error"]
    pd.testing.assert_frame_equal(dist.quotes, loop.quotes)
    pd.testing.assert_frame_equal(dist.actors, loop.actors)


def test_cli_corpus_writes_datasets_figures_and_escaped_report(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ARTICLE, src / "news.txt")
    (src / "other.txt").write_text(
        "Rain <script>alert(1)</script> in Lima\n\nThe mayor said the <b>storm</b> would pass by Friday.\n",
        encoding="utf-8",
    )
    (src / "bad.txt").write_bytes(b"")
    out = tmp_path / "out"
    code = main(["corpus", str(src), "--out", str(out), "--formats", "html"])
    assert code == 1  # one article failed, the others were written
    err = capsys.readouterr().err
    assert "error:" in err and "bad.txt" in err
    quotes = pd.read_parquet(out / "tables" / "quotes")
    assert quotes.columns[0] == "article_id" and set(quotes["article_id"]) <= {"news", "other"}
    assert len(pd.read_parquet(out / "tables" / "articles")) == 3
    for name in ("actor_share", "speakers", "keyness", "merged_timeline", "quote_reuse"):
        assert (out / "figures" / f"{name}.html").exists() and (out / "figures" / f"{name}.csv").exists()
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert page.count('class="plot"') == 5
    assert not long_numbers(page)
    # the CSVs keep full precision
    share = pd.read_csv(out / "tables" / "actor_share.csv")
    assert share["share"].map(lambda v: len(repr(float(v)))).max() > 8
    assert (out / "tables" / "identities.csv").exists()
    assert '<section id="identities">' in page


def test_comparison_tables_display_readable_numbers_and_keep_full_precision(corpus):
    share = corpus.actor_share(by="outlet")
    shown = share._repr_html_()
    assert re.search(r">\d{1,3}\.\d%<", shown) and not long_numbers(shown)
    raw = share["share"].tolist()
    assert any(len(repr(v)) > 8 for v in raw)  # the values are not rounded
    assert pd.read_csv(io.StringIO(share.to_csv(index=False)))["share"].tolist() == pytest.approx(raw, rel=1e-15)
    assert type(share.head()) is pd.DataFrame  # an operation gives a plain frame
    for table in (corpus.speaker_share(by="outlet"), corpus.keyness(corpus.articles["outlet"] == "NATO")):
        assert not long_numbers(table._repr_html_())


def test_corpus_plot_equals_the_functional_calls(corpus):
    from analysis.extract.compare import comparison_tables, default_group
    from analysis.present import corpus_charts as cc
    from analysis.present.plotting import TOP_N

    by = default_group(corpus)
    tabs = comparison_tables(corpus, by=by)
    src = cc.corpus_source_line(corpus.articles)
    ids = corpus.articles["article_id"].tolist()
    expected = {
        "actor_share": cc.actor_share(tabs["actor_share"], by, top_n=TOP_N, source=src),
        "speakers": cc.speakers(tabs["speaker_share"], by, top_n=TOP_N, source=src),
        "keyness": cc.keyness(tabs["keyness"], top_n=TOP_N, source=src),
        "merged_timeline": cc.merged_timeline(tabs["merged_timeline"], source=src),
        "quote_reuse": cc.quote_reuse(tabs["shared_quotes"], ids, top_n=TOP_N, source=src),
    }
    figures = corpus.plot.all()
    assert list(figures) == list(cc.CORPUS_CHART_NAMES)
    for name, fig in figures.items():
        assert fig == expected[name], name
    # speaker shares count each speaker of a joint quote (quote_speakers) and each quote naming no actor once
    speakers = tabs["speaker_share"]
    assert speakers["quotes"].sum() == len(corpus.quote_speakers) + corpus.quotes["speaker_ids"].map(len).eq(0).sum()
