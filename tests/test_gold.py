"""The shipped article against its hand annotation (``tests/gold``): every stage's gold check in one place.

Each check runs the real pipeline on ``data/articles/`` and compares a table with what the annotation
gives: body sentences, actor counts, quote attributions and speakers, timeline values, one identity
per actor, summary figures.  (The layout's metadata checks are still in ``tests/read/test_layout.py``.)
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
import pytest

from analysis.extract.stats import READING_WPM, article_stats, stats_dict
from tests.conftest import assert_offsets, assert_tables_agree

# -- sentences (analysis/nlp/sentences.py) ---------------------------------------------------------


def test_body_sentences_match_gold_exactly(nato, gold):
    body = nato.sentences[nato.sentences["kind"] == "body"]
    predicted = {(s, e) for s, e in zip(body["start"], body["end"])}
    expected = {tuple(s["span"]) for s in gold["body_sentences"]}
    assert predicted == expected
    assert_offsets(nato.text, nato.sentences)


# -- entities and actors (analysis/extract/entities/) ----------------------------------------------


def _norm(name: str) -> str:
    return name.replace("–", "-").lower()


def _our_count(actors: pd.DataFrame, name: str) -> int:
    hit = actors[
        (actors["actor"].map(_norm) == _norm(name)) | actors["names"].map(lambda ns: _norm(name) in map(_norm, ns))
    ]
    return int(hit["mentions"].iloc[0]) if len(hit) else 0


def test_gold_actor_counts(nato, gold):
    actors = nato.actors
    good = 0
    for g in gold["actors"]:
        n, want = _our_count(actors, g["name"]), g["body_mentions"]
        tol = 0.15 * want if want > 6 else 1
        good += abs(n - want) <= tol
    assert good >= 15


def test_gold_top_six(nato, gold):
    ranked = sorted(gold["actors"], key=lambda g: -g["body_mentions"])
    cutoff = ranked[5]["body_mentions"]
    must = {_norm(g["name"]) for g in ranked if g["body_mentions"] > cutoff}
    may = {_norm(g["name"]) for g in ranked if g["body_mentions"] >= cutoff}
    top = {_norm(a) for a in nato.actors["actor"].head(6)}
    assert must <= top
    assert top <= may


# -- quotes: one row per attribution (analysis/extract/quotes/) ------------------------------------


def gold_attributions(gold: dict) -> list[dict]:
    """The hand annotation's attributions: each gold quote, except that an indirect clause holding a
    partial quote of the same cue and speaker is that partial's clause (one attribution, one row)."""
    quotes = gold["quotes"]

    def holds(o: dict, g: dict) -> bool:
        same = (o["cue"], o["speaker"], o["kind"], g["kind"]) == (g["cue"], g["speaker"], "indirect", "partial")
        return same and o["span"][0] <= g["span"][0] and g["span"][1] <= o["span"][1]

    out = []
    for g in quotes:
        if any(holds(g, p) for p in quotes):
            continue  # the clause of a partial quote below
        clause = next((o["span"] for o in quotes if holds(o, g)), None)
        out.append({**g, "clause": clause})
    return out


def match_attributions(q: pd.DataFrame, attributions: list[dict]) -> dict[int, int]:
    """``{attribution index: row position}``: same kind, overlap >= half the gold span, one-to-one."""
    pairs: dict[int, int] = {}
    for gi, g in enumerate(attributions):
        a, b = g["span"]
        overlap = (q["end"].clip(upper=b) - q["start"].clip(lower=a)).clip(lower=0)
        cands = [i for i in range(len(q)) if overlap.iloc[i] >= (b - a) / 2 and q["kind"].iloc[i] == g["kind"]]
        free = [i for i in cands if i not in pairs.values()]
        if free:
            pairs[gi] = free[0]
    return pairs


def test_shipped_rows_are_the_gold_attributions(nato, gold):
    """One row per attribution: every row is a gold attribution (precision 1) and every attribution
    has its row (recall 1), with the speaker the annotation gives (or one of its alternatives); a
    partial row carries the reported clause the annotation gives."""
    q, attributions = nato.quotes, gold_attributions(gold)
    pairs = match_attributions(q, attributions)
    missed = [g["text"][:50] for gi, g in enumerate(attributions) if gi not in pairs]
    extra = [q["text"].iloc[i][:50] for i in range(len(q)) if i not in pairs.values()]
    assert not missed and not extra, (missed, extra)
    for gi, i in pairs.items():
        g, row = attributions[gi], q.iloc[i]
        assert row["speaker"] in {g["speaker"], *g.get("speaker_alternatives", [])}, (g["text"][:40], row["speaker"])
        if g["clause"] is not None:
            a, b = g["clause"]
            assert row["clause_start"] <= a + 2 and row["clause_end"] >= b - 2, (g["text"][:40], row["clause_start"])


def test_shipped_speaker_counts_are_attributions(nato, gold):
    """``actors.quotes`` counts attributions: for each gold speaker, the attributions whose row names
    them (a joint row counts for each speaker), nothing twice."""
    q, attributions = nato.quotes, gold_attributions(gold)
    pairs = match_attributions(q, attributions)
    counts = nato.actors.set_index("actor")["quotes"]
    for speaker in {g["speaker"] for g in attributions}:
        if speaker not in counts.index:
            continue
        named = sum(speaker in q["speaker"].iloc[i].split("; ") for i in pairs.values())
        assert counts[speaker] == named, (speaker, counts[speaker], named)


def test_shipped_article_speaker_mentions(nato, gold):
    """speaker_text is the mention in the sentence itself (a pronoun, a surname, "the statement"), or
    null when the speaker is carried over."""
    q, attributions = nato.quotes, gold_attributions(gold)
    for gi, i in match_attributions(q, attributions).items():
        g, row = attributions[gi], q.iloc[i]
        if g["speaker_mention"] is None:
            assert pd.isna(row["speaker_start"]) and row["speaker_rule"] == "carried over"
        elif len(g["speaker_mention"].split()) == 1 or g["speaker_mention"].lower() == "the statement":
            assert row["speaker_text"] == g["speaker_mention"]


# -- timeline (analysis/extract/timeline.py) -------------------------------------------------------


def test_gold_timeline_entries_found(nato, gold):
    tl = nato.timeline
    for entry in gold["timeline"]:
        hits = tl[
            tl["text"].str.contains(entry["text"], regex=False) | tl["text"].map(lambda t, e=entry: t in e["text"])
        ]
        hits = hits[hits["text"].map(lambda t, e=entry: e["text"] in t or t in e["text"])]
        assert (hits["value"] == entry["value"]).any(), (entry, hits[["text", "value"]].values.tolist())


# -- summary statistics (analysis/extract/stats.py) ------------------------------------------------


WORD = re.compile(r"[^\W_]+(?:[’'–-][^\W_]+)*")


def test_shipped_article_stats(nato, gold):
    stats = stats_dict(article_stats(nato))
    story = nato.story_sentences
    # words counted independently from the sentence texts: "it’s" is one word, punctuation none
    assert stats["words"] == sum(len(WORD.findall(t)) for t in story["text"])
    # the 16 gold body sentences plus the in-body heading
    assert stats["sentences"] == len(gold["body_sentences"]) + (story["kind"] == "heading").sum()
    gold_lines = {nato.text.count("\n", 0, s["span"][0]) for s in gold["body_sentences"]}
    assert stats["paragraphs"] == len(gold_lines) + story.loc[story["kind"] == "heading", "block_id"].nunique()
    assert stats["reading_time"] == pytest.approx(stats["words"] / READING_WPM)
    assert stats["words_per_sentence"] == pytest.approx(stats["words"] / stats["sentences"])
    # long sentences of policy vocabulary: hard text (Flesch below 50, college grade level)
    assert stats["flesch_reading_ease"] < 50
    assert stats["flesch_kincaid_grade"] > 12
    assert stats["quotes"] == len(nato.quotes)
    assert stats["actors"] == len(nato.actors)
    assert stats["quotes"] == stats["quotes_direct"] + stats["quotes_partial"] + stats["quotes_indirect"]


# -- one identity per actor across every table (analysis/nlp/identity.py) --------------------------


def test_tables_agree_on_the_shipped_article(nato, gold):
    assert_tables_agree(nato)
    quotes = nato.actors.set_index("actor")["quotes"]
    # 25 quote rows, 3 of them joint: every speaker of a joint quote is counted
    assert len(nato.quotes) == quotes.sum() - sum(len(i) - 1 for i in nato.quotes["speaker_ids"] if i)
    # the two people the annotation gives most quotes to are counted as speakers
    for name, _ in Counter(q["speaker"] for q in gold["quotes"]).most_common(2):
        assert quotes[name] > 0, name
