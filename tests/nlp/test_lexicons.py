"""The word lists (analysis/nlp/lexicons.py): page-chrome words are no content and name no actor."""

from __future__ import annotations

import pytest

from analysis.nlp import lexicons
from tests.builders import identity_of

# -- page chrome -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "chrome"),
    [
        (("READ", "MORE"), True),
        (("PHOTO",), True),
        (("DOCX",), True),
        (("2", "MB"), False),  # a number is content: only the unit is chrome
        (("MB",), True),
        (("Share",), True),
        (("Background",), True),
        (("Reuters",), False),
        (("Share", "Price", "Index"), False),
    ],
)
def test_chrome_words(words, chrome):
    assert lexicons.is_chrome(words) is chrome


@pytest.mark.parametrize(
    "text",
    [
        "PHOTO: Workers repaired the bridge in Dalvik on Monday.",
        "Read More\n\nThe council approved the budget on Monday.",
        "Download the report (DOCX, 2 MB) from the council's website.",
    ],
)
def test_chrome_words_are_never_actors(text):
    actors = set(identity_of(text).actors["actor"])
    assert not actors & {"PHOTO", "Read More", "Read", "More", "DOCX", "MB"}
