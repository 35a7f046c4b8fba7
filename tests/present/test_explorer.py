"""The explorer's panes and widget state on the shipped article (no browser: see test_lab.py)."""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

import itables
import pandas as pd
import pytest

from analysis import Article
from analysis.present import explore
from analysis.present.widget import Explorer

HOSTILE = "Ann <b>Lee</b> said: “Rain <script>x</script> fell.”\n\nLee said it fell again."


def _speakers(speaker):
    return speaker.split("; ") if isinstance(speaker, str) else []


@pytest.fixture(scope="module")
def widget(nato):
    return nato.explore()


@pytest.fixture(scope="module")
def person(nato):
    return explore.most_quoted(nato)


def test_most_quoted_counts_joint_quotes(nato, person):
    counts = {}
    for speaker in nato.quotes["speaker"]:
        for name in _speakers(speaker):
            counts[name] = counts.get(name, 0) + 1
    people = set(nato.actors.loc[nato.actors["actor_type"] == "person", "actor"])
    assert counts[person] == max(n for name, n in counts.items() if name in people)


def test_actor_selects_quotes_with_joint_ones(nato, widget, person):
    widget.actor = person
    expected = {q for q, s in nato.quotes[["quote_id", "speaker"]].itertuples(index=False) if person in _speakers(s)}
    got = widget.quotes
    assert set(got["quote_id"]) == expected and len(got) == len(expected)
    assert any(len(_speakers(s)) > 1 for s in got["speaker"])  # a joint quote is there
    assert all(nato.text[a:b] == t for a, b, t in got[["start", "end", "text"]].itertuples(index=False))


def test_actor_selects_every_mention(nato, widget, person):
    widget.actor = person
    row = nato.actors.set_index("actor").loc[person]
    assert len(widget.mentions) == row["mentions"]
    assert set(widget.mentions["mention_id"]) == set(nato.entities.loc[nato.entities["actor"] == person, "mention_id"])
    assert all(nato.text[a:b] == t for a, b, t in widget.mentions[["start", "end", "text"]].itertuples(index=False))
    assert f"{person}: {row['mentions']} mentions" in widget.status


def test_actor_panes_timeline_and_cooccurring(nato, widget, person):
    widget.actor = person
    assert len(widget.timeline) > 0
    assert all(person in re.split(r"\s*;\s*", str(v)) or person in list(v) for v in widget.timeline["actors"])
    co = widget.cooccurring
    pairs = nato.cooccurrence[(nato.cooccurrence["actor_a"] == person) | (nato.cooccurrence["actor_b"] == person)]
    assert len(co) == len(pairs) and person not in set(co["actor"])
    assert co["sentences"].is_monotonic_decreasing


def test_actor_by_id_or_case(nato, person):
    if "actor_id" in nato.actors.columns:
        actor_id = nato.actors.set_index("actor").loc[person, "actor_id"]
        assert explore.resolve_actor(nato, actor_id) == person
    assert explore.resolve_actor(nato, person.upper()) == person


def test_text_highlights_the_selected_actor(nato, widget, person):
    widget.actor = person
    sel = re.findall(r'<span class="ent ent-\w+ sel"', widget.text_html)
    assert len(sel) >= len(widget.mentions) > 0
    assert html.unescape(re.sub(r"<[^>]+>", "", widget.text_html)) == nato.text  # every character, in order
    assert widget.panes_html["quotes"].count("<tr") == len(widget.quotes) + 1  # header + one row per quote


@pytest.mark.parametrize("rank", range(5))
def test_term_kwic_rows_equal_term_count(nato, widget, rank):
    term, count = nato.terms[["term", "count"]].iloc[rank]
    widget.term = term
    assert len(widget.kwic) == count
    assert widget.dispersion["count"].sum() == count
    disp = nato.term_dispersion
    if term in set(disp["term"]):  # the same segmentation as the story's term dispersion
        assert widget.dispersion["count"].tolist() == disp.loc[disp["term"] == term, "count"].tolist()
    assert widget.text_html.count('class="kw"') >= count


def test_unknown_or_blank_selection_gives_empty_panes(nato):
    w = Explorer(nato, actor="Nobody In Particular", term="")
    assert len(w.quotes) == len(w.mentions) == len(w.timeline) == len(w.kwic) == 0
    assert "no actor named" in w.status
    assert "sel" not in w.text_html


def test_widget_escapes_article_text():
    art = Article.from_text(HOSTILE, layout="plain")
    w = art.explore(actor=explore.most_quoted(art, actor_type=None) or "", term="rain")
    assert "<script>" not in w.text_html and "&lt;script&gt;" in w.text_html
    assert "<script>" not in "".join(w.panes_html.values())
    assert "<b>" not in w.text_html


def test_quote_speakers_fallback_splits_joint_speakers(nato):
    qs = explore.quote_speakers(nato)
    joint = nato.quotes[nato.quotes["speaker"].str.contains("; ", na=False)]
    assert len(joint) > 0
    for qid, speaker in joint[["quote_id", "speaker"]].itertuples(index=False):
        assert sorted(qs.loc[qs["quote_id"] == qid, "actor"]) == sorted(_speakers(speaker))


def test_card_and_show(nato):
    card = nato._repr_html_()
    assert html.escape(nato.metadata["title"]) in card
    for label in ("words", "sentences", "quotes", "actors", "dates"):
        assert label in card
    assert f"<b>{len(nato.quotes)}</b> quotes" in card
    assert nato.show()._repr_html_().count("ent ent-") >= len(nato.entities)
    hostile = Article.from_text(HOSTILE, layout="plain")
    assert "<script>" not in hostile._repr_html_() + hostile.show()


def test_card_reads_well_without_its_style_sheet():
    """A notebook viewer may drop the <style>: the card's bare text still separates its parts."""
    art = Article.from_text(
        "Dana Korvel said on Monday that the depot would open.\n\nOren Vale said it would not.", layout="plain"
    )
    card = art._repr_html_()
    text = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<style>.*?</style>", "", card, flags=re.S)))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    counts = next(line for line in lines if "words" in line)
    assert re.fullmatch(r"\d[\d,]* words · \d+ sentences · \d+ quotes · \d+ actors · \d+ dates", counts), counts
    assert any(line.startswith("Top actors (mentions): ") for line in lines)
    assert any(line.startswith("Speakers (quotes): ") and "Dana Korvel (1)" in line for line in lines)
    assert len(lines) == 5  # title, details, counts, actors, speakers: one line each
    # the highlighted text keeps its paragraphs with an inline style, which viewers keep
    assert 'style="white-space: pre-wrap"' in art.show()


@pytest.mark.parametrize("table", ["quotes", "entities", "actors", "timeline", "terms", "kwic"])
def test_itables_offline_with_pandas3(nato, table):
    df = nato.kwic("military") if table == "kwic" else getattr(nato, table)
    page = itables.to_html_datatable(df, connected=False, display_logo_when_loading=False)
    assert not re.search(r"""(src=|import\s*\(?|from\s)\s*["']https?:""", page)  # nothing loaded from the network
    assert "window._itables_" in page  # uses the bundle init_notebook_mode(connected=False) embeds
    assert html.escape(str(df.iloc[0, 0])) in page or str(df.iloc[0, 0]) in page


class _WithSpeakerTable:
    """The article as it looks once ``art.quote_speakers`` exists: that table decides, not the string."""

    def __init__(self, art, table):
        self._art, self.quote_speakers = art, table

    def __getattr__(self, name):
        return getattr(self._art, name)


def test_quote_speakers_table_wins_over_the_speaker_string(nato):
    actor = nato.actors["actor"].iloc[0]
    table = pd.DataFrame({"quote_id": [0], "actor_id": ["x"], "actor": [actor]})
    art = _WithSpeakerTable(nato, table)
    assert explore.actor_quotes(art, actor)["quote_id"].tolist() == [0]
    assert explore.most_quoted(art, actor_type=None) == actor


def test_widget_front_end_ships_in_the_package():
    package = Path(explore.__file__).parent.parent  # analysis/
    globs = tomllib.loads((package.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["analysis"]
    for f in (package / "present" / "static").iterdir():
        assert any(f.relative_to(package).match(g) for g in globs), f
    assert "export default" in Explorer._esm and "http" not in Explorer._esm  # no CDN import
