"""Keyword in context: every occurrence of a word or phrase, with the words around it in its sentence.

It decides what a query matches (a query word that is some token's term key matches the tokens of
that key, exactly those the terms table counts; any other word matches the lower-cased surface; a
phrase matches consecutive tokens of one sentence) and how much context each row keeps (``window``
tokens each side, within the sentence).  It reads the text and its (term) tokens, or an article's
tables.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.extract.terms.lemmas import normalise
from analysis.extract.terms.tokens import term_frame
from analysis.nlp.tokens import tokenize_spans
from analysis.tables import ArticleTables

KWIC_COLUMNS = [
    "kwic_id",
    "query",
    "term",
    "sentence_id",
    "token_id",
    "left",
    "match",
    "right",
    "start",
    "end",
    "text",
    "left_start",
    "right_end",
    "how",
]


def kwic(
    article_or_text: str | ArticleTables,
    tokens: pd.DataFrame | None,
    term: str,
    *,
    window: int = 5,
    match: Literal["auto", "term", "surface"] = "auto",
    lemmatize: bool = True,
) -> pd.DataFrame:
    """Return keyword-in-context rows for every occurrence of ``term``.

    The query is normalised and tokenised like the text; a query of several words (``"taiwan
    strait"``, ``"japan's"``) matches consecutive tokens of one sentence.  With ``match="auto"`` a
    query word that is the term key of some token (see :func:`~analysis.extract.terms.tokens.term_tokens`) matches the tokens with
    that key — exactly the tokens :func:`~analysis.extract.terms.table.term_table` counts for it, so a term's rows number its
    ``count`` — and any other query word matches tokens of that lower-cased surface: ``"ally"``
    finds "ally" and "allies", ``"allies"`` finds "allies", ``"said"`` finds "said".

    Parameters
    ----------
    article_or_text : str or ArticleTables
        The text the token offsets index into, or an article's tables
        (:class:`~analysis.tables.ArticleTables`: its ``text``, and its term tokens when ``tokens``
        is None).
    tokens : DataFrame or None
        ``token_id, sentence_id, start, end, text, pos`` (or their :func:`~analysis.extract.terms.tokens.term_tokens`).
    term : str
        The word or phrase to find.
    window : int, default 5
        Tokens of context on each side (within the sentence).
    match : {"auto", "term", "surface"}, default "auto"
        Match term keys, surfaces, or keys where the query word is a key and surfaces otherwise.
    lemmatize : bool, default True
        Keys are lemmas (as in :func:`~analysis.extract.terms.table.term_table`); False makes them the lower-cased words.

    Returns
    -------
    DataFrame
        ``kwic_id, query, term, sentence_id, token_id, left, match, right, start, end, text,
        left_start, right_end, how``; ``text[start:end] == match == text``; ``left`` is
        ``text[left_start:start]`` and ``right`` is ``text[end:right_end]``, stripped.

    Examples
    --------
    >>> from analysis.nlp.tokens import tokenize
    >>> s = "Allies met. The ally said no."
    >>> toks = tokenize(s, pd.DataFrame({"sentence_id": [0, 1], "start": [0, 12], "end": [11, 29]}))
    >>> kwic(s, toks, "ally", window=2)[["left", "match", "right", "how"]].values.tolist()
    [['', 'Allies', 'met.', 'term'], ['The', 'ally', 'said no', 'term']]
    """
    text, tokens = _kwic_source(article_or_text, tokens, lemmatize)
    query = [normalise(term[a:b]) for a, b in tokenize_spans(term)]
    if not query:
        raise ValueError(f"empty query {term!r}")
    tt = term_frame(tokens, (), lemmatize)
    keys, lowers, sids = tt["term"].tolist(), tt["lower"].tolist(), tt["sentence_id"].tolist()
    starts, ends = tt["start"].tolist(), tt["end"].tolist()
    tids = tt["token_id"].tolist() if "token_id" in tt else list(range(len(tt)))
    cols = (keys, sids, starts, ends, tids)
    if match not in ("auto", "term", "surface"):
        raise ValueError(f"unknown match {match!r}; choose auto, term or surface")
    known = set(keys)
    by_key = [match == "term" or (match == "auto" and q in known) for q in query]
    how = "term" if all(by_key) else "surface" if not any(by_key) else "term+surface"
    k = len(query)
    records = []
    for i in range(len(tt) - k + 1):
        if sids[i + k - 1] != sids[i]:
            continue
        if all((keys if bk else lowers)[j] == q for q, bk, j in zip(query, by_key, range(i, i + k))):
            records.append(_kwic_record(text, cols, i, i + k - 1, window) | {"query": term, "how": how})
    df = pd.DataFrame(records, columns=KWIC_COLUMNS[1:])
    df.insert(0, "kwic_id", np.arange(len(df), dtype="int64"))
    return df


def _kwic_source(
    article_or_text: str | ArticleTables, tokens: pd.DataFrame | None, lemmatize: bool
) -> tuple[str, pd.DataFrame]:
    """The text and tokens :func:`kwic` reads, from an article or a text and its tokens."""
    if isinstance(article_or_text, str):
        text = article_or_text
    else:
        text = article_or_text.text
        if tokens is None:
            # an article's term tokens are computed once; the keys do not depend on the stop list
            tokens = article_or_text.term_tokens if lemmatize else article_or_text.tokens
    if tokens is None:
        raise ValueError("kwic needs the tokens when given a plain text")
    return text, tokens


def _kwic_record(text: str, cols: tuple[list, ...], i: int, j: int, window: int) -> dict:
    """One KWIC row for the match on token rows ``i..j``, with ``window`` tokens of context each
    side, within the sentence.  ``cols``: the tokens' keys, sentence ids, starts, ends, token ids."""
    keys, sids, starts, ends, tids = cols
    sid = sids[i]
    lo = i
    while lo > 0 and i - lo < window and sids[lo - 1] == sid:
        lo -= 1
    hi = j
    while hi + 1 < len(sids) and hi - j < window and sids[hi + 1] == sid:
        hi += 1
    a, b = int(starts[i]), int(ends[j])
    la, rb = int(starts[lo]), int(ends[hi])
    return {
        "term": " ".join(keys[i : j + 1]),
        "sentence_id": int(sid),
        "token_id": int(tids[i]),
        "left": text[la:a].strip(),
        "match": text[a:b],
        "right": text[b:rb].strip(),
        "start": a,
        "end": b,
        "text": text[a:b],
        "left_start": la,
        "right_end": rb,
    }
