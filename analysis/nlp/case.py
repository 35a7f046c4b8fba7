"""Letter case as evidence: capitalised words, words in capitals, and lines in headline case.

Decides whether a word is capitalised (:func:`is_cap`), written in capitals (:func:`is_allcaps`),
and whether a line's capitals say anything about names (:func:`headline`: a title-case or
all-capital line capitalises ordinary words too).  Reads only the words it is given and NLTK's
stop-word list.
"""

from __future__ import annotations

import functools

from analysis.nlp import lexicons
from analysis.resources import nltk_stopwords


@functools.cache
def stop_words() -> frozenset[str]:
    """NLTK's English stop words and the person pronouns: words that are no name's content."""
    return nltk_stopwords() | frozenset(lexicons.PERSON_PRONOUNS)


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


#: A headline has at least this many content words (not stop words) ...
HEADLINE_MIN_CONTENT = 3
#: ... and at least this share of them capitalised (or, for a line with numbers, all-capital).
HEADLINE_CAPS_SHARE = 0.8
#: Title case capitalises every word this long; a lower-case one means prose.
HEADLINE_LONG_WORD = 5
#: A line with this many numbers is a results or table line, unless it is all capitals.
HEADLINE_MAX_NUMBERS = 2


def headline(words: list[str]) -> bool:
    """Title-case or all-capital text, where capitals say nothing about names."""
    stop = stop_words()
    content = [w for w in words if w[:1].isalpha() and w.lower() not in stop]
    if len(content) < HEADLINE_MIN_CONTENT:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    if caps < HEADLINE_CAPS_SHARE * len(content):
        return False
    if any(w[0].islower() and len(w) >= HEADLINE_LONG_WORD for w in content):
        return False  # title case capitalises every long word: "... speaking from the Press Center" is prose
    # A results or table line ("Somerset 83 and 174 ( P. Johnson 4-38 )") is not a headline: its
    # capitals are names.  All-capital headlines keep their numbers ("CANADA BEAT PANAMA 3-1").
    numbers = sum(1 for w in words if w[:1].isdigit())
    return numbers < HEADLINE_MAX_NUMBERS or sum(1 for w in content if is_allcaps(w)) >= HEADLINE_CAPS_SHARE * len(content)
