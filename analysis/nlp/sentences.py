"""Split blocks into sentences with NLTK's Punkt model, keeping exact character offsets.

Punkt's English parameters (``punkt_tab``) are extended with news abbreviations kept in
``analysis/data/abbreviations.txt`` ("Jan.", "Gov.", "U.S." ...).  Closing quote marks and
brackets that Punkt leaves at the start of the next sentence are moved back to the sentence they
close.  A sentence never crosses a block.
"""

from __future__ import annotations

import copy
import functools
import re
from collections import defaultdict

import pandas as pd

from analysis.frames import frame
from analysis.resources import first_names, punkt_parameters, read_lexicon

SENTENCE_COLUMNS = ["sentence_id", "block_id", "kind", "start", "end", "text"]

# Closing quotes/brackets Punkt may strand at the start of the next sentence.
_LEADING_CLOSERS = re.compile(r"^[”’\"')\]]+(?=\s|$)")


@functools.cache
def _tokenizer():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    # Each container copied (their items are strings and tuples): the loaded parameters stay as they are.
    loaded = punkt_parameters()
    params = copy.copy(loaded)
    params.abbrev_types = loaded.abbrev_types | {abbr.lower().rstrip(".") for (abbr,) in read_lexicon("abbreviations.txt")}
    params.collocations, params.sent_starters = set(loaded.collocations), set(loaded.sent_starters)
    params.ortho_context = defaultdict(int, loaded.ortho_context)
    return PunktSentenceTokenizer(params)


def _continues_quote(text: str, prev_end: int, start: int) -> bool:
    return text[start].islower() and bool(re.search(r"[?!][”’\"']+$", text[max(0, prev_end - 4) : prev_end]))


_MIDDLE_INITIAL = re.compile(r"\b([A-Z][a-z]+) [A-Z]\.$")


def _after_middle_initial(text: str, prev_end: int, start: int) -> bool:
    """"John Q. Public": a given name and a middle initial do not end a sentence before a capital."""
    m = _MIDDLE_INITIAL.search(text, max(0, prev_end - 40), prev_end)
    return bool(m) and text[start].isupper() and m.group(1) in first_names()


def split_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` sentence spans of ``text`` (stripped of surrounding space).

    Examples
    --------
    >>> s = "On Jan. 31, the U.S. envoy spoke. “It is time.” He left."
    >>> [s[a:b] for a, b in split_spans(s)]
    ['On Jan. 31, the U.S. envoy spoke.', '“It is time.”', 'He left.']
    """
    spans = list(_tokenizer().span_tokenize(text))
    out: list[list[int]] = []
    for a, b in spans:
        m = _LEADING_CLOSERS.match(text, a) if out else None
        if m and m.end() > a:
            out[-1][1] = m.end()
            a = m.end()
            while a < b and text[a].isspace():
                a += 1
            if a >= b:
                continue
        out.append([a, b])
    # A sentence that is only punctuation/quote marks joins its predecessor, and so does one that
    # opens in lower case after a quoted question or exclamation ("“Who?” said the mayor.").
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and (
            not any(ch.isalnum() for ch in text[a:b])
            or _continues_quote(text, merged[-1][1], a)
            or _after_middle_initial(text, merged[-1][1], a)
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def split_sentences(text: str, blocks: pd.DataFrame) -> pd.DataFrame:
    """Return the sentences table for ``blocks`` of ``text``.

    Parameters
    ----------
    text : str
        The article text the block offsets index into.
    blocks : DataFrame
        ``block_id, kind, start, end`` rows.

    Returns
    -------
    DataFrame
        ``sentence_id, block_id, kind, start, end, text``; ``text == text[start:end]``.
    """
    rows = []
    for block_id, kind, bstart, bend in zip(*(blocks[c].tolist() for c in ("block_id", "kind", "start", "end"))):
        chunk = text[bstart:bend]
        for a, b in split_spans(chunk):
            rows.append((block_id, kind, bstart + a, bstart + b, chunk[a:b]))
    return frame(
        {"sentence_id": range(len(rows))} | {c: [r[k] for r in rows] for k, c in enumerate(SENTENCE_COLUMNS[1:])},
        {"sentence_id": "int64", "block_id": "int64", "start": "int64", "end": "int64"},
    )
