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
