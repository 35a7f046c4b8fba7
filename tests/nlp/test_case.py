"""Letter case as evidence (analysis/nlp/case.py): the headline test gives the verdict of its rules
as written (every condition checked), also where it stops at the first word that settles it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.nlp.case import NAME_HEADLINE, TERM_HEADLINE, HeadlineCase, _fold, headline, is_allcaps, stop_words


def _headline_spelled_out(words: list[str], case: HeadlineCase) -> bool:
    """The rules of :func:`headline`, each checked over the whole line."""
    content = [w for w in words if w[:1].isalpha() and _fold(w) not in stop_words()]
    caps = sum(1 for w in content if w[0].isupper())
    numbers = sum(1 for w in words if w[:1].isdigit())
    return (
        len(content) >= case.min_content
        and (not case.min_capitals or sum(1 for w in words if w[:1].isupper()) >= case.min_capitals)
        and caps >= case.caps_share * len(content)
        and not (case.long_word is not None and any(w[0].islower() and len(w) >= case.long_word for w in content))
        and (
            case.max_numbers is None
            or numbers < case.max_numbers
            or sum(1 for w in content if is_allcaps(w)) >= case.caps_share * len(content)
        )
    )


_WORDS = st.sampled_from(
    ["Harbour", "Board", "seeks", "new", "funds", "and", "the", "Of", "DANA", "KORVEL", "3-1", "42", "quay",
     "Ferries", "sail", "in", "May", "ferry-boats", "“Quay”", "é", "Ünal", "x", "at", "Reopening", "reopening"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(words=st.lists(_WORDS, max_size=9))
@pytest.mark.parametrize("case", [NAME_HEADLINE, TERM_HEADLINE], ids=["names", "terms"])
def test_headline_gives_the_verdict_of_every_rule(case, words):
    assert headline(words, case) == _headline_spelled_out(words, case)
