"""Letter case as evidence: capitalised words, words in capitals, and lines in headline case.

Decides whether a word is capitalised (:func:`is_cap`), written in capitals (:func:`is_allcaps`),
and whether a line's capitals say anything about names (:func:`headline`: a title-case or
all-capital line capitalises ordinary words too).  Reads only the words it is given and NLTK's
stop-word list.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from analysis.nlp import lexicons
from analysis.nlp.tokens import plain_punctuation
from analysis.resources import nltk_stopwords


@functools.cache
def stop_words() -> frozenset[str]:
    """NLTK's English stop words, the person pronouns and "us" (which NLTK's list lacks): words that
    are no name's content ("Up To Us" in a title names no country)."""
    return nltk_stopwords() | frozenset(lexicons.PERSON_PRONOUNS) | {"us"}


def is_cap(w: str) -> bool:
    """Whether ``w`` opens with a capital letter ("Lee", "Ⓐ-team"; not "42" or "-").

    >>> is_cap("Lee"), is_cap("lee"), is_cap("42")
    (True, False, False)
    """
    # an initial capital letter settles it; any() is for an initial upper-case symbol ("Ⓐ")
    return bool(w) and w[0].isupper() and (w[0].isalpha() or any(c.isalpha() for c in w))


def is_allcaps(w: str) -> bool:
    """Whether ``w`` has two letters or more, all capitals ("NATO", "U.S.", "ROE-LEE").

    >>> is_allcaps("NATO"), is_allcaps("U.S."), is_allcaps("A"), is_allcaps("Nato")
    (True, True, False, False)
    """
    if w.isascii() and w.isalpha():  # ASCII letters are all cased: isupper() is the same test, faster
        return len(w) >= 2 and w.isupper()
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class HeadlineCase:
    """The thresholds of the headline-case test (:func:`headline`) for one reader of capitals.

    Content words are the words opening with a letter that are no stop words.
    """

    #: Capitalised words (stop words included) the line needs.
    min_capitals: int = 0
    #: Content words the line needs.
    min_content: int = 0
    #: The share of its content words that must be capitalised.
    caps_share: float = 1.0
    #: Title case capitalises every word this long: a lower-case content word this long means prose.
    long_word: int | None = None
    #: A line with this many numbers is a results or table line, unless its content words are in capitals.
    max_numbers: int | None = None


#: For names: a line whose capitals are no evidence of a name.  Three content words or more, four in
#: five capitalised, no long word in lower case, few numbers unless in capitals; a few lower-case
#: words are allowed ("Lab Honoured as Top Team in Region").
NAME_HEADLINE = HeadlineCase(min_content=3, caps_share=0.8, long_word=5, max_numbers=2)
#: For terms: a line whose capitals do not show a name's form.  Two capitals or more and no content
#: word in lower case ("Japan and NATO Seek Peace").
TERM_HEADLINE = HeadlineCase(min_capitals=2)


def headline(words: list[str], case: HeadlineCase = NAME_HEADLINE) -> bool:
    """Whether ``words`` are a line in title case or capitals, where capitals say nothing.

    Examples
    --------
    >>> headline("Harbour Board Seeks New Funds".split()), headline("The board seeks new funds".split())
    (True, False)
    >>> headline("Varn 83 and 174 ( D. Korvel 4-38 )".split()), headline("VARN BEAT KORVEL 3-1".split())
    (False, True)
    """
    stop = stop_words()
    # A content word in lower case that title case would capitalise (any, or a long one) makes the
    # line prose: told at the first one (the checks below would say False as well).
    shortest = 0 if case.caps_share >= 1 else case.long_word  # None: no such word settles it
    content = []
    for w in words:
        if w[:1].isalpha() and _fold(w) not in stop:
            if shortest is not None and w[0].islower() and len(w) >= shortest:
                return False
            content.append(w)
    if len(content) < case.min_content:
        return False
    if case.min_capitals and sum(1 for w in words if w[:1].isupper()) < case.min_capitals:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    if caps < case.caps_share * len(content):
        return False
    if case.long_word is not None and any(w[0].islower() and len(w) >= case.long_word for w in content):
        return False  # "... speaking from the Press Center" is prose
    if case.max_numbers is None:
        return True
    # A results or table line is no headline: its capitals are names; one in capitals keeps its numbers.
    numbers = sum(1 for w in words if w[:1].isdigit())
    return numbers < case.max_numbers or sum(1 for w in content if is_allcaps(w)) >= case.caps_share * len(content)


def _fold(w: str) -> str:
    """``w`` in lower case with curly apostrophes and dashes made plain (ASCII words as they are)."""
    low = w.lower()
    return low if low.isascii() else plain_punctuation(low)
