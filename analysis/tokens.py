"""Tokenise sentences into words with offsets and Penn Treebank POS tags.

The tokenizer is a single regular expression that follows Penn Treebank conventions where the
tagger expects them (possessive ``'s`` and ``n't`` split off, punctuation separate), and keeps
hyphenated words, dotted acronyms (``U.S.``) and numbers whole.  Tags come from NLTK's averaged
perceptron tagger (loaded once per process).
"""

from __future__ import annotations

import re

import pandas as pd

from .resources import pos_tagger

TOKEN_COLUMNS = ["token_id", "sentence_id", "start", "end", "text", "pos"]

_APOS = "'’"
TOKEN_RE = re.compile(
    rf"""
    (?:[A-Za-z]\.){{2,}}(?![A-Za-z])              # dotted acronyms: U.S., a.m.
  | \d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?%?         # numbers, times, 1990s, 3rd
  | [{_APOS}](?:s|re|ve|ll|d|m)(?![\w])           # clitics: 's 're 've 'll 'd 'm
  | n[{_APOS}]t(?![\w])                           # n't
  | [A-Z][a-z]?[{_APOS}][A-Z]\w+                  # O'Brien, D'Angelo
  | \w+?(?=n[{_APOS}]t(?![\w]))                   # do|n't, ca|n't
  | \w+(?:[-‐‑–]\w+)*                             # words, hyphen/en-dash compounds
  | [“”‘’"'«»]                                    # quote marks
  | \.\.\.|--|—|[^\w\s]                           # other punctuation
    """,
    re.X,
)
_NORMALISE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "‑": "-", "‐": "-"})


def tokenize_spans(s: str) -> list[tuple[int, int]]:
    """Return token ``(start, end)`` spans of ``s``.

    Examples
    --------
    >>> s = "NATO’s chief didn't visit the U.S. in 2023."
    >>> [s[a:b] for a, b in tokenize_spans(s)]
    ['NATO', '’s', 'chief', 'did', "n't", 'visit', 'the', 'U.S.', 'in', '2023', '.']
    """
    return [m.span() for m in TOKEN_RE.finditer(s)]


def tag(words: list[str]) -> list[str]:
    """Return POS tags for ``words`` (curly quotes and dashes normalised for the tagger)."""
    if not words:
        return []
    norm = [w.translate(_NORMALISE) for w in words]
    return [t for _, t in pos_tagger().tag(norm)]


def tokenize(text: str, sentences: pd.DataFrame, *, pos: bool = True) -> pd.DataFrame:
    """Return one row per token of every sentence, with offsets into ``text`` and POS tags.

    Parameters
    ----------
    text : str
        The article text.
    sentences : DataFrame
        ``sentence_id, start, end`` rows.
    pos : bool, default True
        Tag each sentence with the perceptron tagger (``pos`` column empty strings when False).

    Returns
    -------
    DataFrame
        ``token_id, sentence_id, start, end, text, pos``.
    """
    sid_col, start_col, end_col, tok_col, pos_col = [], [], [], [], []
    for sid, a, b in sentences[["sentence_id", "start", "end"]].itertuples(index=False):
        spans = tokenize_spans(text[a:b])
        words = [text[a + x : a + y] for x, y in spans]
        tags = tag(words) if pos else [""] * len(words)
        for (x, y), w, t in zip(spans, words, tags):
            sid_col.append(sid)
            start_col.append(a + x)
            end_col.append(a + y)
            tok_col.append(w)
            pos_col.append(t)
    df = pd.DataFrame({"sentence_id": sid_col, "start": start_col, "end": end_col, "text": tok_col, "pos": pos_col})
    df.insert(0, "token_id", range(len(df)))
    return df.astype({"token_id": "int64", "sentence_id": "int64", "start": "int64", "end": "int64"})
