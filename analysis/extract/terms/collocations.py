"""N-grams: bigrams and trigrams of adjacent content terms, scored by NLTK's association measures.

It decides what an n-gram is (``n`` adjacent tokens of one sentence that are all counted terms, so a
stop word, punctuation mark, number or possessive between two words breaks it), how it is keyed
(the term keys, so "military tie" groups "military ties"), how it is scored (NLTK's collocation
finders; word frequencies over every word of the text) and ordered (score, count, then n-gram).
It reads the term tokens of :func:`~analysis.extract.terms.tokens.term_tokens` and, for the
``text`` column, the text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures
from nltk.probability import FreqDist

from analysis.extract.terms.keywords import descending
from analysis.extract.terms.tokens import term_frame
from analysis.frames import frame

NGRAM_COLUMNS = [
    "ngram",
    "n",
    "count",
    "score",
    "measure",
    "words",
    "forms",
    "sentence_ids",
    "start",
    "end",
    "text",
    "how",
]

Measure = Literal[
    "pmi", "likelihood_ratio", "chi_sq", "student_t", "poisson_stirling", "jaccard", "raw_freq", "mi_like"
]


def _runs(tt: pd.DataFrame) -> list[list[int]]:
    """Return row positions of maximal runs of adjacent counted tokens within one sentence."""
    runs: list[list[int]] = []
    current: list[int] = []
    prev_sid = None
    for i, (sid, is_term) in enumerate(zip(tt["sentence_id"].tolist(), tt["is_term"].tolist())):
        if not is_term or sid != prev_sid:
            if len(current) > 1:
                runs.append(current)
            current = []
        if is_term:
            current.append(i)
        prev_sid = sid
    if len(current) > 1:
        runs.append(current)
    return runs


def ngrams(
    tokens: pd.DataFrame,
    n: Literal[2, 3] = 2,
    *,
    measure: Measure = "pmi",
    min_count: int = 2,
    stopwords: Iterable[str] | None = None,
    lemmatize: bool = True,
    text: str | None = None,
) -> pd.DataFrame:
    """Return the bigrams or trigrams of content terms with a collocation score.

    An n-gram is ``n`` adjacent tokens of one sentence that are all counted terms (rule ``term`` of
    :func:`~analysis.extract.terms.tokens.term_tokens`): a stop word, punctuation mark, number or possessive ``'s`` between two words
    breaks it, so "peace and stability" gives no bigram and "China's communist regime" only
    "communist regime".  Words are the term keys (lemmas), so "military tie" groups "military ties".
    Scores come from NLTK's association measures (``BigramAssocMeasures`` /
    ``TrigramAssocMeasures``) with NLTK's collocation finders; word frequencies and the sample size
    are counted over every word of the text, so a word's marginal includes its uses next to stop
    words.

    Parameters
    ----------
    tokens : DataFrame
        ``token_id, sentence_id, start, end, text, pos`` (or their :func:`~analysis.extract.terms.tokens.term_tokens`).
    n : {2, 3}, default 2
        Bigrams or trigrams.
    measure : str, default "pmi"
        Name of an NLTK association measure: ``pmi``, ``likelihood_ratio``, ``chi_sq``,
        ``student_t``, ``poisson_stirling``, ``jaccard``, ``raw_freq``, ``mi_like``.
    min_count : int, default 2
        Drop n-grams seen fewer times (NLTK's ``apply_freq_filter``).
    stopwords, lemmatize
        See :func:`~analysis.extract.terms.tokens.term_tokens`.
    text : str, optional
        The text the offsets index into, for the ``text`` column; without it the first occurrence
        is rebuilt from its tokens with one space per gap.

    Returns
    -------
    DataFrame
        ``ngram`` (keys joined by a space), ``n``, ``count``, ``score``, ``measure``, ``words``
        (the keys), ``forms`` (lower-cased surface strings), ``sentence_ids``, ``start, end, text``
        of the first occurrence, ``how`` (the candidate rule).  Sorted by score, count, then ngram.

    Examples
    --------
    >>> from analysis.nlp.tokens import tokenize
    >>> s = "Air defence systems arrived. New air defence systems work."
    >>> toks = tokenize(s, pd.DataFrame({"sentence_id": [0, 1], "start": [0, 28], "end": [27, 58]}))
    >>> ngrams(toks, 2)[["ngram", "count"]].values.tolist()
    [['air defence', 2], ['defence system', 2]]
    """
    measures = _association_measures(n, measure)
    tt = term_frame(tokens, stopwords, lemmatize)
    c = _count_ngrams(tt, n, min_count)
    if n == 2:
        finder = BigramCollocationFinder(c.word_fd, c.ngram_fd)
    else:
        finder = TrigramCollocationFinder(c.word_fd, c.bigram_fd, c.wildcard_fd, c.ngram_fd)
    finder.apply_freq_filter(min_count)
    rows = []
    for gram, score in finder.score_ngrams(getattr(measures, measure)):
        i, j = c.first[gram]
        rows.append((" ".join(gram), c.ngram_fd[gram], float(score), gram, i, j))
    # by score, count, then n-gram (a NaN score last, as pandas sorts)
    rows.sort(key=lambda r: (*descending(r[2]), -r[1], r[0]))
    return _ngram_frame(rows, n, measure, c, tt, text)


def _association_measures(n: int, measure: str):
    """NLTK's association measures for ``n``-grams, checking ``n`` and the measure's name."""
    if n not in (2, 3):
        raise ValueError(f"n must be 2 or 3, got {n!r}")
    measures = BigramAssocMeasures if n == 2 else TrigramAssocMeasures
    if measure not in Measure.__args__ or not hasattr(measures, measure):
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(Measure.__args__)}")
    return measures


@dataclass
class _NgramCounts:
    """What NLTK's collocation finders need, and each n-gram's provenance."""

    word_fd: Any  # FreqDist of term keys over every word of the text
    bigram_fd: Any  # adjacent pairs within runs of counted terms
    wildcard_fd: Any  # pairs one word apart (for trigrams; empty for bigrams)
    ngram_fd: Any  # the n-grams themselves
    first: dict[tuple[str, ...], tuple[int, int]] = field(default_factory=dict)  # first/last token row
    sids: dict[tuple[str, ...], dict[int, None]] = field(default_factory=dict)  # sentences, in order
    forms: dict[tuple[str, ...], Counter] = field(default_factory=dict)  # lower-cased surface strings


def _count_ngrams(tt: pd.DataFrame, n: int, min_count: int) -> _NgramCounts:
    """Count the n-grams of adjacent counted terms within each sentence; the provenance (first
    occurrence, sentences, surface forms) of those seen at least ``min_count`` times."""
    keys = tt["term"].tolist()
    # counted in plain Counters (each count of a FreqDist is a Python call), handed over as FreqDists
    word_fd = FreqDist(Counter(k for k, w in zip(keys, tt["is_word"].tolist()) if w))
    runs = _runs(tt)
    pairs: Counter = Counter()
    gapped: Counter = Counter()  # pairs one word apart: only the trigram finder reads them
    grams: Counter = Counter()
    for run in runs:
        terms = [keys[i] for i in run]
        pairs.update(zip(terms, terms[1:]))
        if n == 3:
            gapped.update(zip(terms, terms[2:]))
        grams.update(zip(*(terms[k:] for k in range(n))))
    c = _NgramCounts(word_fd, FreqDist(pairs), FreqDist(gapped), FreqDist(grams))
    # most n-grams are seen once and dropped by the frequency filter: only the kept ones get a provenance
    kept = {gram for gram, count in grams.items() if count >= min_count}
    if not kept:
        return c
    lowers, sent = tt["lower"].tolist(), tt["sentence_id"].tolist()
    for run in runs:
        for j in range(len(run) - n + 1):
            idx = run[j : j + n]
            gram = tuple(keys[i] for i in idx)
            if gram in kept:
                c.first.setdefault(gram, (idx[0], idx[-1]))
                c.sids.setdefault(gram, {})[sent[idx[0]]] = None
                c.forms.setdefault(gram, Counter())[" ".join(lowers[i] for i in idx)] += 1
    return c


def _ngram_frame(rows: list[tuple], n: int, measure: str, c: _NgramCounts, tt: pd.DataFrame, text: str | None):
    """The n-gram table from scored rows ``(ngram, count, score, gram, first_row, last_row)``."""
    starts, ends = tt["start"].tolist(), tt["end"].tolist()
    text_of = _text_getter(tt, text)
    forms, sids = c.forms, c.sids
    return frame(
        {
            "ngram": [r[0] for r in rows],
            "n": [n] * len(rows),
            "count": [r[1] for r in rows],
            "score": [r[2] for r in rows],
            "measure": [measure] * len(rows),
            "words": [list(r[3]) for r in rows],
            "forms": [[f for f, _ in forms[r[3]].most_common()] for r in rows],
            "sentence_ids": [list(sids[r[3]]) for r in rows],
            "start": [starts[r[4]] for r in rows],
            "end": [ends[r[5]] for r in rows],
            "text": [text_of(r[4], r[5], starts[r[4]], ends[r[5]]) for r in rows],
            "how": ["adjacent content terms within a sentence"] * len(rows),
        },
        {"n": "int64", "count": "int64", "score": "float64"},
    )


def _text_getter(tokens: pd.DataFrame, full: str | None):
    """Return ``f(i, j, start, end)``: the text from token row ``i`` to ``j`` (rebuilt when no text)."""
    if isinstance(full, str):
        return lambda i, j, a, b: full[a:b]
    texts = tokens["text"].astype(str).tolist()
    starts = tokens["start"].tolist()

    def get(i: int, j: int, a: int, b: int) -> str:
        out = texts[i]
        for k in range(i + 1, j + 1):
            gap = starts[k] - (starts[k - 1] + len(texts[k - 1]))
            out += " " * gap + texts[k]
        return out

    return get
