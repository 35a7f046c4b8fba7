"""Keyness: the terms distinctive of a text against general English, and Dunning's G2.

It decides how distinctive a term is: Dunning's log-likelihood G2 (:func:`log_likelihood`, the one
copy of the statistic, which the corpus comparison uses too) and the log ratio, against the
frequencies of wordfreq's general-English list (its assumed size :data:`REFERENCE_SIZE`, a floor
for unlisted words :data:`REFERENCE_FLOOR`), and the order of scored tables (:func:`descending`).
It reads a terms table (``term, count, forms``, and ``rel_freq`` or its word count) and wordfreq.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

import pandas as pd
import wordfreq  # keyness and the entities' common-word test: every article uses it, imported once here

from analysis.frames import frame

KEYNESS_COLUMNS = [
    "term",
    "count",
    "rel_freq",
    "ref_freq",
    "expected",
    "log_likelihood",
    "log_ratio",
    "p_value",
    "keyness",
    "method",
    "direction",
]

KeynessMethod = Literal["log-likelihood", "log-ratio"]

#: Assumed size (tokens) of the general-English reference corpus behind wordfreq's frequencies.
REFERENCE_SIZE = 1_000_000_000
#: Frequency given to a word that wordfreq does not list: half the lowest frequency of its English list.
REFERENCE_FLOOR = 5e-9


def descending(x: float) -> tuple[bool, float]:
    """Sort key putting larger numbers first and NaN last (as pandas sorts a score column).

    Examples
    --------
    >>> sorted([1.0, float("nan"), 3.0], key=descending)
    [3.0, 1.0, nan]
    """
    return (True, 0.0) if math.isnan(x) else (False, -x)


def _reference_frequency(forms: Iterable[str], lang: str) -> float:
    return sum(wordfreq.word_frequency(f, lang) for f in forms)


def keyness(
    terms: pd.DataFrame,
    *,
    method: KeynessMethod = "log-likelihood",
    min_count: int = 2,
    n_words: int | None = None,
    lang: str = "en",
    reference_size: float = REFERENCE_SIZE,
    floor: float = REFERENCE_FLOOR,
) -> pd.DataFrame:
    """Return the terms that are distinctive of the text against general English.

    The reference is wordfreq's frequency list for ``lang`` (``wordfreq.word_frequency``; its
    English list pools Wikipedia, subtitles, news, books, web text and social media).  A term's
    reference frequency is the sum of the frequencies of the surface forms the text used for it
    (so ``allies``/``ally`` are compared like for like); a form wordfreq does not list gets
    ``floor``.  wordfreq gives proportions, not counts, so the reference corpus is assumed to hold
    ``reference_size`` tokens (default 10^9); once that is far larger than the article the scores
    barely depend on it.

    - Dunning's log-likelihood G2 (Dunning 1993; Rayson & Garside 2000) on the 2x2 table
      (term vs other words, article vs reference): ``G2 = 2 * sum(O * ln(O / E))``, signed negative
      when the term is rarer in the article than expected; ``p_value`` from the chi-square
      distribution with one degree of freedom.
    - Log ratio (Hardie 2014): ``log2(rel_freq / ref_freq)``, an effect size (1 = twice as frequent).

    Parameters
    ----------
    terms : DataFrame
        A :func:`~analysis.extract.terms.table.term_table` (``term, count, forms`` and ``rel_freq`` or ``attrs["n_words"]``).
    method : {"log-likelihood", "log-ratio"}
        Which score fills ``keyness`` and sorts the table; both are always given.
    min_count : int, default 2
        Only terms seen at least this often (a single use is rarely "distinctive").
    n_words : int, optional
        Words in the text; default ``terms.attrs["n_words"]`` or ``count / rel_freq``.
    lang, reference_size, floor
        The wordfreq language, the assumed reference corpus size and the frequency of unlisted words.

    Returns
    -------
    DataFrame
        ``term, count, rel_freq, ref_freq, expected, log_likelihood, log_ratio, p_value, keyness,
        method, direction`` (``over`` or ``under``), most distinctive first.

    Examples
    --------
    >>> terms = pd.DataFrame({"term": ["sanction", "thing"], "count": [3, 2], "forms": [["sanctions"], ["thing"]]})
    >>> keyness(terms, n_words=50)[["term", "direction"]].values.tolist()
    [['sanction', 'over'], ['thing', 'over']]
    """
    if method not in KeynessMethod.__args__:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(KeynessMethod.__args__)}")
    n1 = float(_words_of_text(terms, n_words) or 0)
    counts = terms["count"].tolist()
    keep = [c >= min_count for c in counts]
    if any(keep) and n1 <= 0:
        raise ValueError("keyness needs the number of words: pass n_words= or a term_table with rel_freq")
    term_col = terms["term"].tolist()
    forms_col = terms["forms"].tolist() if "forms" in terms else [[t] for t in term_col]
    rows = []
    for term, count, forms, k in zip(term_col, counts, forms_col, keep):
        if not k:
            continue
        forms = list(forms) if isinstance(forms, list | tuple) else [term]
        ref = max(_reference_frequency(forms, lang), floor)
        rows.append(_keyness_row(term, count, ref, n1, float(reference_size), method))
    rows.sort(key=lambda r: (*descending(r[8]), -r[1], r[0]))  # by keyness, count, then term
    return frame(
        {c: [r[k] for r in rows] for k, c in enumerate(KEYNESS_COLUMNS)}, {"count": "int64", "keyness": "float64"}
    )


def _words_of_text(terms: pd.DataFrame, n_words: int | None) -> int | None:
    """The text's word count: given, else the term table's ``attrs``, else ``count / rel_freq``."""
    if n_words is None:
        n_words = terms.attrs.get("n_words")
    if n_words is None and len(terms) and "rel_freq" in terms:
        row = terms.iloc[0]
        n_words = round(row["count"] / row["rel_freq"])
    return n_words


def log_likelihood(a: float, b: float, n_a: float, n_b: float) -> float:
    """Return Dunning's G2 for ``a`` occurrences in ``n_a`` words against ``b`` in ``n_b``, signed.

    ``G2 = 2 * (a ln(a/E_a) + b ln(b/E_b))`` with ``E_a = n_a (a+b) / (n_a+n_b)`` and ``E_b`` alike
    (Dunning 1993; Rayson & Garside 2000); negative when the term is rarer in the first text than
    expected (``a < E_a``).  The one copy of the statistic: an article against general English
    (:func:`keyness`) and one group of articles against another
    (:func:`analysis.extract.compare.keyness`) both use it.

    Examples
    --------
    >>> round(log_likelihood(10, 0, 100, 100), 2), round(log_likelihood(0, 10, 100, 100), 2)
    (13.86, -13.86)
    """
    e_a = n_a * (a + b) / (n_a + n_b)
    e_b = n_b * (a + b) / (n_a + n_b)
    g2 = 2 * ((a * math.log(a / e_a) if a else 0.0) + (b * math.log(b / e_b) if b else 0.0))
    return g2 if a >= e_a else -g2


def _keyness_row(term: str, count: int, ref: float, n1: float, n2: float, method: str) -> tuple:
    """One keyness row (KEYNESS_COLUMNS) for a term seen ``count`` times in ``n1`` words, against
    reference frequency ``ref`` in a reference corpus of ``n2`` words."""
    a, b = float(count), ref * n2
    e1 = n1 * (a + b) / (n1 + n2)
    ll = log_likelihood(a, b, n1, n2)
    rel = a / n1 if n1 else 0.0
    over = a >= e1
    g2 = ll if over else -ll
    log_ratio = math.log2(rel / ref) if rel else -math.inf
    score = ll if method == "log-likelihood" else log_ratio
    p_value = math.erfc(math.sqrt(max(g2, 0.0) / 2))
    return (term, int(count), rel, ref, e1, ll, log_ratio, p_value, score, method, "over" if over else "under")
