"""Dispersion: how often each term occurs in each segment of the story ("terms through the story").

It decides the segments (the tokens in reading order cut into runs of almost equal length) and
counts each term as the terms table does (same key, counted tokens only), so a term's counts add up
to its ``count`` there.  It reads the (term) tokens and a terms table or a list of term keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from analysis.extract.terms.tokens import term_frame
from analysis.frames import frame

DISPERSION_COLUMNS = ["term", "rank", "segment", "count", "rel_freq", "n_words", "start", "end"]


def term_dispersion(
    tokens: pd.DataFrame,
    terms: pd.DataFrame | Iterable[str],
    *,
    segments: int = 10,
    top: int = 10,
    stopwords: Iterable[str] | None = None,
    lemmatize: bool = True,
) -> pd.DataFrame:
    """Return how often each term occurs in each segment of the story ("terms through the story").

    The tokens, in reading order, are cut into ``segments`` runs of (almost) equal length — token
    ``i`` of ``n`` (from 0) falls in segment ``1 + i * segments // n`` — so each segment is a tenth
    of the story by default.  A term is counted as in :func:`~analysis.extract.terms.table.term_table` (same key, counted tokens
    only), so a term's counts add up to its ``count`` there.

    Parameters
    ----------
    tokens : DataFrame
        ``token_id, sentence_id, start, end, text, pos`` (or their :func:`~analysis.extract.terms.tokens.term_tokens`).
    terms : DataFrame or iterable of str
        A :func:`~analysis.extract.terms.table.term_table` (its first ``top`` rows are used) or term keys.
    segments : int, default 10
        Number of segments (at most one per token).
    top : int, default 10
        Terms taken from a term table.
    stopwords, lemmatize
        See :func:`~analysis.extract.terms.tokens.term_tokens`; use the same options as for the term table.

    Returns
    -------
    DataFrame
        One row per term and segment (zeros included): ``term, rank, segment`` (numbered from 1),
        ``count, rel_freq`` (count / words of the segment), ``n_words``, ``start, end`` (the
        segment's span in the text).

    Examples
    --------
    >>> from analysis.nlp.tokens import tokenize
    >>> s = "Ships sail. Ships dock. Crews rest. Crews eat."
    >>> toks = tokenize(s, pd.DataFrame({"sentence_id": [0, 1, 2, 3], "start": [0, 12, 24, 36], "end": [11, 23, 35, 46]}))
    >>> term_dispersion(toks, ["ship", "crew"], segments=2)[["term", "segment", "count"]].values.tolist()
    [['ship', 1, 2], ['ship', 2, 0], ['crew', 1, 0], ['crew', 2, 2]]
    """
    if segments < 1:
        raise ValueError(f"segments must be at least 1, got {segments!r}")
    wanted = terms["term"].head(top).tolist() if isinstance(terms, pd.DataFrame) else [str(t) for t in terms]
    wanted = list(dict.fromkeys(wanted))
    tt = term_frame(tokens, stopwords, lemmatize)
    n = len(tt)
    segs = min(segments, n) if n else 0
    rank = {t: r for r, t in enumerate(wanted, start=1)}
    counts, words, span = _segment_counts(tt, segs, rank)
    pairs = [(t, seg) for t in wanted for seg in range(segs)]
    return frame(
        {
            "term": [t for t, _ in pairs],
            "rank": [rank[t] for t, _ in pairs],
            "segment": [seg + 1 for _, seg in pairs],
            "count": [counts[p] for p in pairs],
            "rel_freq": [counts[(t, seg)] / words[seg] if words[seg] else 0.0 for t, seg in pairs],
            "n_words": [words[seg] for _, seg in pairs],
            "start": [span[seg][0] for _, seg in pairs],
            "end": [span[seg][1] for _, seg in pairs],
        },
        {"rank": "int64", "segment": "int64", "count": "int64", "rel_freq": "float64", "n_words": "int64"},
    )


def _segment_counts(tt: pd.DataFrame, segs: int, wanted) -> tuple[Counter, Counter, dict[int, list[int]]]:
    """Cut the tokens into ``segs`` segments; return the counts of each wanted term per segment
    (keyed ``(term, segment)``), the words per segment and each segment's ``[start, end]``."""
    n = len(tt)
    counts: Counter = Counter()
    words: Counter = Counter()
    span: dict[int, list[int]] = {}
    cols = [tt[c].tolist() for c in ("term", "is_term", "is_word", "start", "end")]
    for i, (key, is_term, word, a, b) in enumerate(zip(*cols)):
        seg = i * segs // n
        s = span.setdefault(seg, [a, b])
        s[1] = b
        words[seg] += bool(word)
        if is_term and key in wanted:
            counts[(key, seg)] += 1
    return counts, words, span
