"""Shared fixtures: the shipped article and its hand annotation, loaded once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import load_article

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data" / "articles" / "nato-chief-condemns-china-bullying.txt"
#: The shipped article's hand annotation travels with the tests, so a fresh clone runs every gold check.
GOLD = ROOT / "tests" / "gold" / "nato-chief-condemns-china-bullying.gold.json"


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
