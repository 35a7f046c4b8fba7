"""Term tokens: each token's term key, and the rule that counts it as a term or says why not.

It reads the token table (``token_id, sentence_id, start, end, text, pos``), the stop lists (NLTK's
English list and ``analysis/data/news_stopwords.txt``) and the key of :mod:`.lemmas`; every terms
table (frequencies, n-grams, keyness, keyword-in-context, dispersion) goes through
:func:`term_tokens`, whose ``rule`` says whether a token is counted and why not:

- ``punctuation``: no letter or digit (quote marks, dashes, brackets);
- ``clitic``: possessive and contracted endings split off by the tokenizer (``'s``, ``n't``, ``'re``);
- ``number``: digits (``2023``, ``3rd``, ``1990s``) or tagged ``CD`` (``five``);
- ``short``: fewer than ``min_length`` letters;
- ``stopword``: the lower-cased word or its lemma is on the stop list (NLTK's English list plus the
  news list ``analysis/data/news_stopwords.txt``); a verb whose lemma differs and is not a stop word
  stays (``won`` -> ``win``);
- ``term``: everything else, counted under its key.

The key is :func:`~analysis.extract.terms.lemmas.term_key` (a common word's lemma, a name's
lower-cased form).  A name is not checked against the function words (NLTK's list and the news
list's ``function`` entries): ``US`` is not ``us``, ``May`` the month is not the modal, ``Will
Smith`` keeps ``will`` — except in a sentence in headline case, where capitals prove nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from analysis.extract.terms.lemmas import normalise, normalise_all, proper_nouns, term_key
from analysis.frames import STR_DTYPE, column
from analysis.nlp.case import TERM_HEADLINE, headline
from analysis.nlp.tokens import has_alnum, is_clitic, is_word
from analysis.resources import nltk_stopwords, read_lexicon

#: Values of the ``rule`` column of :func:`term_tokens`: why a token is counted or not.
PUNCTUATION = "punctuation"
CLITIC = "clitic"
NUMBER = "number"
SHORT = "short"
STOPWORD = "stopword"
TERM = "term"
#: The rules of tokens that are not words (``is_word`` is False).
NOT_WORDS = (PUNCTUATION, CLITIC)

_NUMBER = re.compile(r"\d")


@functools.cache
def default_stopwords() -> frozenset[str]:
    """Return the default stop list: NLTK's English stop words plus the news list.

    Examples
    --------
    >>> {"the", "said", "also"} <= default_stopwords()
    True
    """
    return _news_stopwords() | nltk_stopwords()


def _news_stopwords(kind: str | None = None) -> frozenset[str]:
    """Return the news stop list, or only its entries of one ``kind`` (``function``, ``title``, ...)."""
    return frozenset(row[0].lower() for row in read_lexicon("news_stopwords.txt") if kind in (None, row[-1]))


@functools.cache
def _function_words() -> frozenset[str]:
    """Return the stop words a name may spell: NLTK's list and the news list's function words."""
    return nltk_stopwords() | _news_stopwords("function")


def _headline_case(texts: list[str], sids: list[Any]) -> set[Any]:
    """Return the sentences written in title case or capitals, where capitals prove nothing.

    A sentence is in headline case when it has at least two capitalised words and every word that
    starts in lower case is a function word ("Japan and NATO Seek Peace"): :data:`TERM_HEADLINE`.
    """
    by_sid: dict[Any, list[str]] = {}
    for t, sid in zip(texts, sids):
        by_sid.setdefault(sid, []).append(t)
    return {sid for sid, words in by_sid.items() if headline(words, TERM_HEADLINE)}


def _rule(
    lower: str, key: str, tag: str, exempt: bool, stop: frozenset, function_words: frozenset, min_length: int
) -> str:
    """Return why a token is counted (``term``) or not (see the module docstring)."""
    if not has_alnum(lower):
        return PUNCTUATION
    if is_clitic(lower):
        return CLITIC
    if _NUMBER.match(lower) or tag == "CD":
        return NUMBER
    if (len(lower) if lower.isalpha() else sum(c.isalpha() for c in lower)) < min_length:
        return SHORT
    if key in stop or (lower in stop and not (tag.startswith("V") and key != lower)):
        # a name is not a function word ("US", "Will Smith", the month "May")
        return TERM if exempt and key in function_words else STOPWORD
    return TERM


def term_tokens(
    tokens: pd.DataFrame,
    *,
    stopwords: Iterable[str] | None = None,
    lemmatize: bool = True,
    min_length: int = 2,
) -> pd.DataFrame:
    """Return the tokens with their term key and the rule that keeps or drops each one.

    The other terms functions accept this table in place of the tokens (then it is not
    computed again, and the options are those it was made with): :class:`~analysis.article.Article`
    computes it once and every terms table reads it.

    Parameters
    ----------
    tokens : DataFrame
        ``token_id, sentence_id, start, end, text, pos`` (as :func:`analysis.nlp.tokens.tokenize` gives).
    stopwords : iterable of str, optional
        The stop list (lower case); ``None`` uses :func:`default_stopwords`, ``()`` keeps every word.
    lemmatize : bool, default True
        Key common words by their WordNet lemma; when False the key is the lower-cased word.
    min_length : int, default 2
        Words with fewer letters are dropped (rule ``short``).

    Returns
    -------
    DataFrame
        The token columns plus ``lower`` (normalised surface), ``term`` (key), ``how`` (how the key
        was made), ``rule`` (``term`` or why the token is not counted) and ``is_term``, ``is_word``.

    Examples
    --------
    >>> toks = pd.DataFrame({"token_id": [0, 1, 2, 3], "sentence_id": 0, "start": [0, 5, 7, 15],
    ...     "end": [5, 7, 14, 16], "text": ["China", "’s", "leaders", "."], "pos": ["NNP", "POS", "NNS", "."]})
    >>> term_tokens(toks)[["text", "term", "rule"]].values.tolist()
    [['China', 'china', 'term'], ['’s', "'s", 'clitic'], ['leaders', 'leader', 'term'], ['.', '.', 'punctuation']]
    """
    stop = default_stopwords() if stopwords is None else frozenset(normalise(w) for w in stopwords)
    function_words = _function_words() if stopwords is None else frozenset()
    texts = _strings(tokens["text"])
    tags = _strings(tokens["pos"].fillna("")) if "pos" in tokens else [""] * len(texts)
    sids = tokens["sentence_id"].tolist()
    lowers = normalise_all(texts)
    headline_case = _headline_case(texts, sids)
    proper = proper_nouns(texts, lowers, tags, sids, headline_case)
    keys, hows, rules = [], [], []
    decided: dict[tuple, tuple[str, str, str]] = {}  # a word, its tag and standing decide its key and rule
    for lower, tag, sid, is_name in zip(lowers, tags, sids, proper):
        exempt = is_name and sid not in headline_case
        found = decided.get((lower, tag, is_name, exempt))
        if found is None:
            key, how = term_key(lower, tag, is_name, lemmatize)
            found = decided[lower, tag, is_name, exempt] = (
                key,
                how,
                _rule(lower, key, tag, exempt, stop, function_words, min_length),
            )
        keys.append(found[0])
        hows.append(found[1])
        rules.append(found[2])
    columns = {c: tokens[c].array for c in tokens.columns} | {
        "lower": column(lowers),
        "term": column(keys),
        "how": column(hows),
        "rule": column(rules),
        "is_term": np.array([r == TERM for r in rules], dtype=bool),
        "is_word": np.array([r not in NOT_WORDS for r in rules], dtype=bool),
    }
    return pd.DataFrame(columns, index=tokens.index)  # built once (``assign`` copies per column)


def _strings(col: pd.Series) -> list:
    """The values of ``col`` as ``col.astype(str).tolist()`` gives them (no copy when already ``str``)."""
    return (col if col.dtype == STR_DTYPE else col.astype(str)).tolist()


def term_frame(
    tokens: pd.DataFrame, stopwords: Iterable[str] | None, lemmatize: bool, min_length: int = 2
) -> pd.DataFrame:
    """Return ``tokens`` when it already is a :func:`term_tokens` table, else its term tokens (the
    one entry of every terms table: a table made once is never made again)."""
    if "rule" in tokens.columns and "term" in tokens.columns:
        return tokens
    return term_tokens(tokens, stopwords=stopwords, lemmatize=lemmatize, min_length=min_length)


def word_count(tokens: pd.DataFrame) -> int:
    """Return the number of words: tokens with a letter or digit, not counting split-off clitics.

    Examples
    --------
    >>> toks = pd.DataFrame({"text": ["It", "’s", "2023", "."], "pos": ["PRP", "VBZ", "CD", "."], "sentence_id": 0})
    >>> word_count(toks)
    2
    """
    return sum(1 for t in tokens["text"].astype(str) if is_word(t))
