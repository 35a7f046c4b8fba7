"""The README stays true: its commands exist in the Makefile and its examples are doctests.

pytest runs README.md itself as a doctest file (``--doctest-glob=README.md`` in pyproject.toml).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_has_doctest_examples():
    assert re.search(r"^>>> from analysis import load_article", README, re.M)


def test_readme_commands_exist_in_makefile():
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.M))
    for cmd in set(re.findall(r"`make ([a-z]+)`", README)):
        assert cmd in targets, cmd
