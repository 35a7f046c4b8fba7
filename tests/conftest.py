"""Shared fixtures and helpers: the shipped article and its hand annotation, loaded once per session.

The test modules live in sub-folders mirroring the package (``tests/read``, ``tests/nlp``,
``tests/extract``, ``tests/present``) and import the paths and helpers below as
``from tests.conftest import ...``, so a module's place in the tree never changes what it reads.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_article

ROOT = Path(__file__).resolve().parent.parent
#: The package the tests check (``analysis/``).
PKG = ROOT / "analysis"
ARTICLE = ROOT / "data" / "articles" / "nato-chief-condemns-china-bullying.txt"
#: The shipped article's hand annotation travels with the tests, so a fresh clone runs every gold check.
GOLD = ROOT / "tests" / "gold" / "nato-chief-condemns-china-bullying.gold.json"
#: Invented pages in the styles real sites use (briefings, readouts, pull quotes, transcripts).
PAGES = ROOT / "tests" / "fixtures" / "pages"


@pytest.fixture(scope="session")
def nato():
    """The shipped article, loaded through the public API."""
    return load_article(ARTICLE)


@pytest.fixture(scope="session")
def gold():
    """The hand annotation of the shipped article (``tests/gold``, part of the repository)."""
    return json.loads(GOLD.read_text(encoding="utf-8"))


def assert_offsets(text: str, df) -> None:
    """Every row of ``df`` is exactly the text at its offsets."""
    for start, end, t in df[["start", "end", "text"]].itertuples(index=False):
        assert text[start:end] == t, (start, end, t)


def long_numbers(page: str) -> list[str]:
    """Numbers with a decimal part and more than 4 significant digits in the visible text of a page."""
    visible = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S | re.I)
    visible = html.unescape(re.sub(r"<[^>]+>", " ", visible))
    found = re.findall(r"(?<![\w.])-?\d[\d,]*\.\d+(?:e[-+]?\d+)?", visible)
    return [n for n in found if len(re.sub(r"e.*$", "", n).replace(",", "").replace(".", "").lstrip("-0")) > 4]


def only_row(df: pd.DataFrame, text: str) -> pd.Series:
    """The one row of ``df`` whose ``text`` is ``text`` (fails, listing the rows, when there is not one)."""
    hits = df[df["text"] == text]
    assert len(hits) == 1, (text, df[["kind", "text"]].values.tolist())
    return hits.iloc[0]


def assert_tables_agree(art) -> None:
    """Every table of ``art`` names the same actors as ``art.actors``, with the same counts."""
    actors = art.actors
    assert actors["actor_id"].is_unique and actors["actor"].is_unique
    names = dict(zip(actors["actor_id"], actors["actor"]))
    # entities: every row's actor_id is an actor, with the same display name
    ents = art.entities
    assert_offsets(art.text, ents)
    assert all(names.get(i) == a for i, a in zip(ents["actor_id"], ents["actor"]))
    # counts: mentions are entity rows, aliases add up to them, quotes are quote_speakers rows
    counts = ents.groupby("actor_id").size()
    for aid, n in zip(actors["actor_id"], actors["mentions"]):
        assert counts.get(aid, 0) == n
    al = art.aliases.groupby("actor_id")["mentions"].sum()
    assert all(al.get(aid, 0) == n for aid, n in zip(actors["actor_id"], actors["mentions"]))
    qs = art.quote_speakers.groupby("actor_id").size()
    assert all(qs.get(aid, 0) == n for aid, n in zip(actors["actor_id"], actors["quotes"]))
    # quotes: each id is an actor and each name of the speaker string is that actor
    for speaker, ids in zip(art.quotes["speaker"], art.quotes["speaker_ids"]):
        assert isinstance(ids, list) and all(i in names for i in ids)
        if ids:
            assert speaker.split("; ") == [names[i] for i in ids]
    # timeline: story actors carry the actors table's names
    for cell, ids in zip(art.timeline["actors"], art.timeline["actor_ids"]):
        got = cell.split("; ") if cell else []
        assert len(got) == len(ids)
        assert all(names[i] == n for i, n in zip(ids, got) if i in names)
