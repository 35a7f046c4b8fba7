"""Quote marks (analysis/extract/quotes/marks.py): curly, straight and doubled marks paired per paragraph."""

from __future__ import annotations

import pytest

from analysis.extract.quotes import pair_quote_marks
from tests.builders import quotes_of
from tests.conftest import assert_offsets

# -- quote-mark pairing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “yes” and “no.”", ["yes", "no."]),
        ('He said "yes" and "no."', ["yes", "no."]),
        ('He said “yes" and "no”.', ["yes", "no"]),  # curly and straight mixed
        ("“It’s Japan’s ‘moment’ now,” she said.", ["It’s Japan’s ‘moment’ now,"]),  # nested single
        ("The leaders’ talks ended. “We agreed,” he said.", ["We agreed,"]),  # plural possessive
        ("“This never closes", ["This never closes"]),  # unclosed final quote
        ("“One” and “two” and “three", ["One", "two", "three"]),  # odd number of marks
        ("He called it ‘historic’ today.", ["historic"]),  # top-level single quotes
        ("It was the ’90s and rock ’n’ roll.", []),  # apostrophes only
        ("Then he said, ''We won.''", ["We won."]),  # doubled apostrophes as marks
        ("“Stray” close” then “fine.”", ["Stray", "fine."]),  # a stray closer
    ],
)
def test_pair_quote_marks(text, expected):
    assert [text[q.inner_start : q.inner_end] for q in pair_quote_marks(text)] == expected


def test_unbalanced_paragraph_does_not_shift_later_pairing():
    text = "“First paragraph never closes, he said.\n\nThen “a fine quote” here, she said."
    q = quotes_of(text)
    assert "a fine quote" in q["text"].tolist()


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "”",
        "“ ” ‘ ’ ' \" '' ``",
        "He said: “",
        "according to",
        "said said said.",
        "“A” “B” “C” “D” “E",
        "They said that.",
    ],
)
def test_never_raises(text):
    q = quotes_of(text)
    assert_offsets(text, q)
