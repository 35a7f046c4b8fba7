"""Every input gets a correct result or one clear error: edge-case articles, property tests, the CLI.

The property tests (hypothesis) generate article-like texts (titles, bylines, paragraphs with quote
marks, non-English letters, emoji, markup-like words, mixed line ends) and arbitrary text/bytes, and
check the invariants every table must keep whatever the stages produce.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import Article, ArticleError, load_article
from tests.conftest import ARTICLE, ROOT, assert_offsets

PROPS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_invariants(art: Article) -> None:
    """The invariants of every loaded article (used by the edge cases and the property tests)."""
    text = art.text
    tables = art.tables()
    for name, df in tables.items():
        assert isinstance(df, pd.DataFrame), name
        if {"start", "end", "text"} <= set(df.columns):
            assert_offsets(text, df)
    for df in (tables["quotes"],):
        for a, b in df[["start", "end"]].itertuples(index=False):
            assert 0 <= a <= b <= len(text)
        spk = df[["speaker_start", "speaker_end", "speaker_text"]].dropna()
        for a, b, t in spk.itertuples(index=False):
            assert text[int(a) : int(b)] == t
    _check_sentence_cover(text, art.blocks, art.sentences)


def _check_sentence_cover(text: str, blocks: pd.DataFrame, sentences: pd.DataFrame) -> None:
    """Sentences cover every non-blank character of body blocks and never cross a block."""
    by_block = {bid: grp for bid, grp in sentences.groupby("block_id")}
    for bid, kind, bstart, bend in blocks[["block_id", "kind", "start", "end"]].itertuples(index=False):
        sents = by_block.get(bid)
        if kind != "body":
            continue
        assert sents is not None, (bid, text[bstart:bend])
        covered = [False] * (bend - bstart)
        for a, b in sents[["start", "end"]].itertuples(index=False):
            assert bstart <= a < b <= bend
            for i in range(a - bstart, b - bstart):
                covered[i] = True
        missed = [text[bstart + i] for i, c in enumerate(covered) if not c and not text[bstart + i].isspace()]
        assert not missed, (bid, missed, text[bstart:bend])


# --- edge-case articles ------------------------------------------------------------------------------
LONG_PARAGRAPH = " ".join(f"Officials in district {i} said on Monday that roads would reopen soon." for i in range(400))

EDGE_CASES = [
    pytest.param(
        "The council voted on Tuesday to close the old bridge after engineers found cracks, the mayor said.\n\n"
        "Residents said they would miss it.",
        id="no title, byline or date",
    ),
    pytest.param(
        "Talks Stall Again\n\nThe envoy said “we are not there yet and walked out.\n\n"
        "Another official said “It is over” and “nothing more, then left.\n\nA third said ” and stopped.",
        id="unbalanced quotes",
    ),
    pytest.param("Budget Vote Delayed\n\n" + LONG_PARAGRAPH + "\n", id="very long paragraph"),
    pytest.param(
        "Zürich Café Reopens\n\nDie Bürgermeisterin sagte: „Wir öffnen wieder.“ Señor Muñoz said the crème brûlée "
        "was «superb». 東京の市長は火曜日に発言した。 Президент заявил, что переговоры продолжатся. "
        "Ο πρωθυπουργός μίλησε. مرحبا بالعالم.\n",
        id="non-English characters",
    ),
    pytest.param(
        "Fans Celebrate 🎉\n\nThe crowd cheered 🎉🎉 as the team 🏆 won on Sunday, the coach said 👍. "
        "Families 👨‍👩‍👧 waved flags 🇯🇵🇺🇸 until midnight.\n",
        id="emoji",
    ),
    pytest.param(
        "Engineers wrote <b>bold</b> and <script>alert(1)</script> in the report, officials said on Friday.\n\n"
        "The &amp; sign &lt;stayed&gt; as written in the filing, a clerk said.\n",
        id="markup-like prose",
    ),
    pytest.param("Just one line of text without any end", id="one fragment"),
    pytest.param("\n\n   \r\n...!!!???\r\n\r\n“”\n", id="punctuation only"),
    pytest.param("A\rB\r\rC said “yes.”\r\n\r\nD.\n", id="mixed line ends"),
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_case_articles_keep_invariants(text):
    art = Article.from_text(text)
    check_invariants(art)
    assert len(art.blocks) >= 1
    assert set(art.metadata) >= {"title", "authors", "published", "updated", "outlet", "caption"}


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_case_articles_load_from_file(tmp_path, text):
    p = tmp_path / "edge.txt"
    p.write_bytes(text.encode("utf-8"))
    if not any(ch.isalnum() for ch in text):  # a file without a single word is not an article
        with pytest.raises(ArticleError, match="no words"):
            load_article(p)
        return
    art = load_article(p)
    assert art.text == text
    check_invariants(art)


def test_no_date_article_has_unresolved_relative_dates():
    text = (
        "The council met yesterday and will vote next week, the mayor said on Tuesday.\n\n"
        "It first voted on March 3, 2021, officials said.\n"
    )
    art = Article.from_text(text)
    assert art.metadata["published"] is None
    tl = art.timeline
    assert len(tl) > 0
    rel = tl[tl["text"].str.lower().isin(["yesterday", "next week"])]
    assert len(rel) > 0
    assert rel["date_start"].isna().all(), rel  # not guessed without a publication date
    absolute = tl[tl["text"] == "March 3, 2021"]
    assert absolute["date_start"].tolist() == ["2021-03-03"]
    dated = Article.from_text(text, published="2023-02-01").timeline
    y = dated[dated["text"].str.lower() == "yesterday"]
    assert y["date_start"].tolist() == ["2023-01-31"]


def test_long_paragraph_is_split_into_sentences():
    art = Article.from_text("Budget Vote Delayed\n\n" + LONG_PARAGRAPH)
    assert art.metadata["title"] == "Budget Vote Delayed"
    assert (art.sentences["kind"] == "body").sum() == 400


def test_five_megabyte_text_loads(tmp_path):
    base = ARTICLE.read_text(encoding="utf-8")
    fold = 5_000_000 // len(base.encode("utf-8")) + 1
    p = tmp_path / "big.txt"
    p.write_text("\n\n".join([base] * fold), encoding="utf-8")
    assert p.stat().st_size >= 5_000_000
    art = load_article(p)
    sents = art.sentences
    assert_offsets(art.text, sents)
    one = load_article(ARTICLE).sentences
    # Every copy of the article is split the same way (about fold times the sentences).
    assert abs(len(sents) - fold * len(one)) <= fold


# --- property tests ------------------------------------------------------------------------------------
_LETTERS = "abcdefghijklmnopqrstuvwxyzéüñøßçåЖжλπ東京한"
_WORDS = st.text(alphabet=_LETTERS, min_size=1, max_size=9)
_CAP_WORDS = _WORDS.map(str.capitalize)
_PUNCT = st.sampled_from([".", ",", ";", ":", "!", "?", "…", " -", " —", ""])
_QUOTES = st.sampled_from(["“", "”", '"', "‘", "’", "'", "«", "»", "„", "(", ")", "<b>", "</b>", "&amp;", ""])
_EXTRA = st.sampled_from(
    ["🎉", "👨‍👩‍👧", "🇯🇵", "2023", "Jan. 31, 2023", "3.5%", "U.S.", "Mr.", "\t", "\u00a0", "\u200b"]
)
_TOKEN = st.one_of(_WORDS, _CAP_WORDS, _CAP_WORDS, _WORDS, _QUOTES, _EXTRA)


@st.composite
def _sentence(draw) -> str:
    words = draw(st.lists(_TOKEN, min_size=1, max_size=14))
    return draw(_CAP_WORDS) + " " + " ".join(words) + draw(_PUNCT) + draw(st.sampled_from(["", "”", '"', "’", ")"]))


@st.composite
def article_texts(draw) -> str:
    """A page-like text: optional title/byline/date header, then paragraphs, with mixed line ends."""
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = []
    if draw(st.booleans()):
        lines.append(" ".join(draw(st.lists(_CAP_WORDS, min_size=2, max_size=8))))
    if draw(st.booleans()):
        lines.append("By " + " ".join(draw(st.lists(_CAP_WORDS, min_size=2, max_size=3))))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["2/1/2023", "Updated: Jan. 31, 2023", "2023-02-01", "March 3 2021"])))
    paras = draw(st.lists(st.lists(_sentence(), min_size=1, max_size=5).map(" ".join), min_size=1, max_size=6))
    sep = draw(st.sampled_from([eol, eol * 2, eol + "  " + eol]))
    return eol.join(lines) + (eol * 2 if lines else "") + sep.join(paras) + draw(st.sampled_from(["", eol]))


@PROPS
@given(article_texts())
def test_property_generated_articles_keep_invariants(text):
    art = Article.from_text(text)
    assert art.text == text
    check_invariants(art)


@PROPS
@given(st.text(max_size=300))
def test_property_any_text_loads_or_raises_article_error(text):
    try:
        art = Article.from_text(text)
        art.tables()
    except ArticleError:
        assert not text.strip()
        return
    check_invariants(art)


@PROPS
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html", ".htm", ".md", ".pdf"]))
def test_property_any_bytes_load_or_raise_article_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / f"input{suffix}"
        p.write_bytes(data)
        try:
            art = load_article(p)
        except ArticleError as exc:
            assert p.name in str(exc)
            return
        assert art.text.strip()
        check_invariants(art)


@PROPS
@given(article_texts(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le"]))
def test_property_encodings_decode_to_the_same_text(text, encoding):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "a.txt"
        data = text.encode(encoding)
        if encoding == "utf-16-le":
            data = b"\xff\xfe" + data
        p.write_bytes(data)
        assert load_article(p).text == text


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_texts())
def test_property_tables_survive_csv_and_parquet(text):
    from analysis.present.export import write_tables

    art = Article.from_text(text)
    tables = art.tables()
    with tempfile.TemporaryDirectory() as tmp:
        write_tables(art, Path(tmp))
        for name, df in tables.items():
            csv = pd.read_csv(Path(tmp) / f"{name}.csv", keep_default_na=False)
            pq = pd.read_parquet(Path(tmp) / f"{name}.parquet")
            assert len(csv) == len(df), name
            assert len(pq) == len(df), name
            if "text" in df.columns and len(df):
                assert pq["text"].tolist() == df["text"].tolist(), name
                assert csv["text"].astype(str).tolist() == df["text"].astype(str).tolist(), name


# --- command line -----------------------------------------------------------------------------------
def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


BAD_FILES = [
    ("missing.txt", None, "not found"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n\t", "whitespace"),
    ("binary.txt", bytes(range(256)), "binary"),
    ("junk.txt", bytes(range(128, 256)) * 3, "decode"),
    ("story.docx", b"PK\x03\x04\x00\x00", "unsupported"),
    ("story.pdf", b"%PDF-1.4\n", "unsupported"),
]


def test_cli_bad_input_prints_one_line_and_fails(tmp_path):
    p = tmp_path / "story.pdf"
    p.write_bytes(b"%PDF-1.4\n")
    res = _cli(str(p), "--out", str(tmp_path / "out"), "--formats", "", "--no-report", cwd=ROOT)
    assert res.returncode != 0
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("error")]
    assert len(errors) == 1 and "story.pdf" in errors[0] and "unsupported" in errors[0], res.stderr
    assert "Traceback" not in res.stderr


def test_cli_batch_reports_failures_and_processes_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(
        "Bridge Closes\nBy Jane Doe\n2/1/2023\n\nThe council voted on Tuesday to close the old bridge, the mayor said.\n",
        encoding="utf-8",
    )
    paths = []
    for name, content, _ in BAD_FILES:
        p = tmp_path / name
        if content is not None:
            p.write_bytes(content)
        paths.append(str(p))
    paths.insert(3, str(good))  # a good article between bad ones
    out = tmp_path / "out"
    res = _cli(*paths, "--out", str(out), "--formats", "", "--no-report", cwd=ROOT)
    assert res.returncode != 0, res.stderr
    assert "Traceback" not in res.stderr
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("error")]
    assert len(errors) == len(BAD_FILES), res.stderr
    for (name, _, problem), line in zip(BAD_FILES, errors):
        assert name in line and problem in line.lower(), (name, line)
    written = list(out.rglob("sentences.csv"))
    assert len(written) == 1, res.stderr
    sents = pd.read_csv(written[0])
    assert sents["text"].tolist()[-1] == "The council voted on Tuesday to close the old bridge, the mayor said."
