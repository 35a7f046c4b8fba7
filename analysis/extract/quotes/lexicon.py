"""The word lists quote extraction reads, loaded once: reporting verbs, speaker nouns, function words.

Decides nothing itself: it reads ``speech_verbs.tsv``, ``speaker_nouns.tsv`` and
``quote_function_words.tsv`` (through :mod:`analysis.nlp.lexicons` and the package resources) and
builds the one regular expression that finds a cue ("said", "according to") in a masked sentence.
"""

from __future__ import annotations

import functools
import re

from analysis.nlp import lexicons
from analysis.resources import read_lexicon

# -- lexicons -----------------------------------------------------------------------------------


Verb = lexicons.Verb
speech_verbs = lexicons.speech_verbs


@functools.cache
def _function_words() -> dict[str, dict[str, str]]:
    """Return ``{class: {word: detail}}`` from ``quote_function_words.tsv``."""
    out: dict[str, dict[str, str]] = {}
    for row in read_lexicon("quote_function_words.tsv"):
        out.setdefault(row[1], {})[row[0]] = row[2] if len(row) > 2 else ""
    return out


speaker_nouns = lexicons.speaker_nouns


def trie_pattern(words: list[str]) -> str:
    """Return a regex alternation of ``words`` factored as a trie (fast to match)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return walk(trie)


@functools.cache
def cue_re() -> re.Pattern[str]:
    alt = trie_pattern(list(speech_verbs()))
    return re.compile(rf"(?<![\w’'\-])(?:(?P<acc>[Aa]ccording\s+to)|(?P<verb>{alt}))(?![\w’'\-])")


@functools.cache
def member_nouns() -> frozenset[str]:
    """Nouns of a person who speaks for a body (``member_nouns.tsv``: "spokesperson", "official")."""
    return frozenset(row[0] for row in read_lexicon("member_nouns.tsv"))


def fw(cls: str) -> dict[str, str]:
    return _function_words().get(cls, {})
