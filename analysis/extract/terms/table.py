"""The terms table: one row per content term, its count, relative frequency, forms and first occurrence.

It decides how a term's tokens are summed up: ``count`` and ``rel_freq`` (over the words of the
text), the surface forms it groups and its most frequent tag and key rule (most frequent first,
first seen first on a tie), the sentences it occurs in, and the order of the table (count
descending, then term).  It reads the term tokens of :func:`~analysis.extract.terms.tokens.term_tokens`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.extract.terms.tokens import term_frame
from analysis.frames import frame

TERM_COLUMNS = [
    "term",
    "count",
    "rel_freq",
    "lemma",
    "forms",
    "pos",
    "how",
    "n_sentences",
    "sentence_ids",
    "start",
    "end",
    "text",
]


def term_table(
    tokens: pd.DataFrame,
    *,
    stopwords: Iterable[str] | None = None,
    lemmatize: bool = True,
    min_count: int = 1,
    min_length: int = 2,
) -> pd.DataFrame:
    """Return one row per content term with its count, relative frequency and provenance.

    Parameters
    ----------
    tokens : DataFrame
        ``token_id, sentence_id, start, end, text, pos`` (or their :func:`~analysis.extract.terms.tokens.term_tokens`).
    stopwords, lemmatize, min_length
        See :func:`~analysis.extract.terms.tokens.term_tokens`.
    min_count : int, default 1
        Drop terms seen fewer times.

    Returns
    -------
    DataFrame
        ``term`` (the key), ``count``, ``rel_freq`` (count / words of the text, see :func:`~analysis.extract.terms.tokens.word_count`),
        ``lemma`` (the key when lemmatised, else None), ``forms`` (the lower-cased surface forms it
        groups, most frequent first), ``pos`` (most frequent Penn tag), ``how`` (how the key was
        made), ``n_sentences``, ``sentence_ids``, and ``start, end, text`` of its first occurrence.
        Sorted by count descending, then term.  ``attrs["n_words"]`` holds the word count.

    Examples
    --------
    >>> from analysis.nlp.tokens import tokenize
    >>> s = "Ships sailed. A ship sails."
    >>> toks = tokenize(s, pd.DataFrame({"sentence_id": [0, 1], "start": [0, 14], "end": [13, 27]}))
    >>> term_table(toks)[["term", "count", "forms"]].values.tolist()
    [['sail', 2, ['sailed', 'sails']], ['ship', 2, ['ships', 'ship']]]
    """
    tt = term_frame(tokens, stopwords, lemmatize, min_length)
    n_words = sum(tt["is_word"].tolist())
    terms, occ = _occurrences(tt, min_count)
    ranked = _by_frequency
    df = frame(
        {
            "term": terms,
            "count": [len(o) for o in occ],
            "rel_freq": [len(o) / n_words if n_words else 0.0 for o in occ],
            "lemma": [t if lemmatize else None for t in terms],
            "forms": [ranked([x[0] for x in o]) for o in occ],
            "pos": [ranked([x[1] for x in o])[0] for o in occ],
            "how": [ranked([x[2] for x in o])[0] for o in occ],
            "n_sentences": [len(set(x[3] for x in o)) for o in occ],
            "sentence_ids": [list(dict.fromkeys(x[3] for x in o)) for o in occ],
            "start": [o[0][4] for o in occ],
            "end": [o[0][5] for o in occ],
            "text": [o[0][6] for o in occ],
        },
        {"count": "int64", "rel_freq": "float64", "n_sentences": "int64", "start": "int64", "end": "int64"},
    )
    df.attrs["n_words"] = n_words
    return df


def _occurrences(tt: pd.DataFrame, min_count: int) -> tuple[list[str], list[list[list]]]:
    """Return the counted terms seen at least ``min_count`` times (by count, then term) and, for
    each, its tokens' ``[lower, pos, how, sentence, start, end, text]`` in reading order."""
    occurrences: dict[str, list[list]] = {}
    at = np.flatnonzero(tt["is_term"].to_numpy(dtype=bool)).tolist()  # the counted tokens only
    keys = tt["term"].tolist()
    cols = [tt[c].tolist() for c in ("lower", "pos", "how", "sentence_id", "start", "end", "text")]
    for i in at:
        occurrences.setdefault(keys[i], []).append([col[i] for col in cols])
    kept = sorted((kv for kv in occurrences.items() if len(kv[1]) >= min_count), key=lambda kv: (-len(kv[1]), kv[0]))
    return [t for t, _ in kept], [o for _, o in kept]


def _by_frequency(values: list) -> list:
    """The distinct values, most frequent first, first seen first on a tie."""
    if values and values.count(values[0]) == len(values):  # one value (most terms): nothing to count
        return values[:1]
    return [v for v, _ in Counter(values).most_common()]
