"""Tokenise sentences into words with offsets and Penn Treebank POS tags.

The tokenizer is a single regular expression that follows Penn Treebank conventions where the
tagger expects them (possessive ``'s`` and ``n't`` split off, punctuation separate), and keeps
hyphenated words, dotted acronyms (``U.S.``) and numbers whole.  Tags come from NLTK's averaged
perceptron tagger (loaded once per process), run by :class:`Perceptron`: the same model, features
and decisions as ``PerceptronTagger.tag``, with each feature's weights summed as one numpy row.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from analysis.frames import frame
from analysis.resources import tagger_model

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
#: The one table of typographic characters and their plain forms (curly quotes and apostrophes,
#: the dashes): the tagger, the term keys and the entity lexicon all see text through it.
_PLAIN_FORMS = {"“": '"', "”": '"', "‘": "'", "’": "'", "ʼ": "'", "–": "-", "‑": "-", "‐": "-", "—": "-"}
PLAIN_PUNCTUATION = str.maketrans(_PLAIN_FORMS)
#: What the POS tagger reads: the same table but the em dash and the modifier apostrophe "ʼ" kept as
#: they are (the tagger's tags for the words around them depend on it; frozen behaviour).
_TAGGER_PLAIN = str.maketrans({k: v for k, v in _PLAIN_FORMS.items() if k not in "—ʼ"})
_HAS_ALNUM = re.compile(r"[^\W_]")


def plain_punctuation(s: str) -> str:
    """Return ``s`` with curly quotes, apostrophes and dashes made plain (case kept).

    Examples
    --------
    >>> print(plain_punctuation("Indo–Pacific’s “deal”"))
    Indo-Pacific's "deal"
    """
    return s if s.isascii() else s.translate(PLAIN_PUNCTUATION)  # the table's characters are not ASCII


def has_alnum(token: str) -> bool:
    """A token with a letter or digit (not punctuation)."""
    return bool(_HAS_ALNUM.search(token))


def is_clitic(lower: str) -> bool:
    """A possessive or contracted ending split off by the tokenizer (``'s``, ``n't``, ``'re``);
    ``lower`` is the plain lower-case form."""
    return lower.startswith("'") or lower == "n't"


def is_word(token: str) -> bool:
    """The package's one definition of a word: a token with a letter or digit that is not a
    split-off clitic.  Word counts, readability and relative frequencies all count these.

    Examples
    --------
    >>> [is_word(t) for t in ["It", "’s", "2023", "."]]
    [True, False, True, False]
    """
    lower = plain_punctuation(token).lower()
    return has_alnum(lower) and not is_clitic(lower)


def tokenize_spans(s: str) -> list[tuple[int, int]]:
    """Return token ``(start, end)`` spans of ``s``.

    Examples
    --------
    >>> s = "NATO’s chief didn't visit the U.S. in 2023."
    >>> [s[a:b] for a, b in tokenize_spans(s)]
    ['NATO', '’s', 'chief', 'did', "n't", 'visit', 'the', 'U.S.', 'in', '2023', '.']
    """
    return [m.span() for m in TOKEN_RE.finditer(s)]


def _context_word(word: str) -> str:
    """NLTK's ``PerceptronTagger.normalize``: the form a word takes as a feature."""
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


class _FeatureRows(dict):
    """``feature -> row`` of the model's weight matrix; a feature without weights is row 0 (zeros)."""

    def __init__(self, features: list[str]) -> None:
        super().__init__(zip(features, range(1, len(features) + 1)))

    def __missing__(self, feature: str) -> int:
        return 0


class Perceptron:
    """NLTK's averaged perceptron tagger, scoring each word with numpy.

    ``PerceptronTagger.tag`` adds each feature's weights label by label in a Python dict; here each
    feature's weights are one row of a matrix over the labels (:func:`analysis.resources.tagger_model`),
    and a word's rows are summed in feature order, one after the other, so every score is the same
    float sum (a feature without weights adds a row of zeros, which changes no score but for the
    sign of a zero, which no comparison sees).  The labels run from the greatest to the least, so
    the first best score is the greatest best label: NLTK's tie-break.  Words in the tag dictionary
    take its tag, as in NLTK.

    ``model`` is :func:`analysis.resources.tagger_model`'s data (the default).
    """

    def __init__(self, model: dict | None = None) -> None:
        model = model if model is not None else tagger_model()
        self.tagdict, self.labels, self.matrix = model["tagdict"], model["labels"], model["matrix"]
        self.rows = rows = _FeatureRows(model["features"])
        # The features that depend on one thing only (the word, the two tags before it, a neighbour)
        # are looked up once per thing, not built as strings again for every word.
        self.word_rows = _RowGroup(rows, lambda w: ("i suffix " + w[-3:], "i pref1 " + w[:1], "i word " + _context_word(w)))
        self.tag_rows = _RowGroup(rows, lambda t: ("i-1 tag " + t[0], "i-2 tag " + t[1], f"i tag+i-2 tag {t[0]} {t[1]}"))
        self.before_rows = _RowGroup(rows, lambda c: ("i-1 word " + c, "i-1 suffix " + c[-3:]))
        self.after_rows = _RowGroup(rows, lambda c: ("i+1 word " + c, "i+1 suffix " + c[-3:]))

    def tag(self, words: list[str]) -> list[str]:
        """Return the tag of each word (``PerceptronTagger.tag`` without the words)."""
        context = ["-START-", "-START2-", *map(_context_word, words), "-END-", "-END2-"]
        prev, prev2 = "-START-", "-START2-"
        rows, tagdict, labels, matrix = self.rows, self.tagdict, self.labels, self.matrix
        word_rows, tag_rows, before_rows, after_rows = self.word_rows, self.tag_rows, self.before_rows, self.after_rows
        bias = rows["bias"]
        out = []
        for i, word in enumerate(words):
            tag = tagdict.get(word)
            if not tag:
                own, tags, before, after = word_rows[word], tag_rows[prev, prev2], before_rows[context[i + 1]], after_rows[context[i + 3]]
                found = [  # NLTK's features, in NLTK's order
                    bias,
                    own[0],  # i suffix
                    own[1],  # i pref1
                    tags[0],  # i-1 tag
                    tags[1],  # i-2 tag
                    tags[2],  # i tag+i-2 tag
                    own[2],  # i word
                    rows[f"i-1 tag+i word {prev} {context[i + 2]}"],
                    before[0],  # i-1 word
                    before[1],  # i-1 suffix
                    rows["i-2 word " + context[i]],
                    after[0],  # i+1 word
                    after[1],  # i+1 suffix
                    rows["i+2 word " + context[i + 4]],
                ]
                # add.reduce over the first axis adds the rows in order (row 0, then row 1, ...).
                scores = np.add.reduce(matrix.take(found, 0))
                tag = labels[scores.argmax()]
            out.append(tag)
            prev2, prev = prev, tag
        return out


class _RowGroup(dict):
    """``key -> rows`` of the features ``features(key)`` names, looked up once per key (at most
    :data:`_GROUP_KEYS` keys are kept: a long corpus run does not grow it without end)."""

    def __init__(self, rows: _FeatureRows, features: Callable[[Any], tuple[str, ...]]) -> None:
        super().__init__()
        self.rows, self.features = rows, features

    def __missing__(self, key: Any) -> tuple[int, ...]:
        if len(self) >= _GROUP_KEYS:
            self.clear()
        found = self[key] = tuple(self.rows[f] for f in self.features(key))
        return found


_GROUP_KEYS = 1 << 17


@functools.cache
def perceptron() -> Perceptron:
    """Return the process's :class:`Perceptron` over NLTK's English model."""
    return Perceptron()


def tag(words: list[str]) -> list[str]:
    """Return POS tags for ``words`` (curly quotes and dashes normalised for the tagger).

    Examples
    --------
    >>> tag(["The", "U.S.", "envoy", "visited", "Tokyo", "in", "2023", "."])
    ['DT', 'NNP', 'NN', 'VBD', 'NNP', 'IN', 'CD', '.']
    """
    if not words:
        return []
    if not "".join(words).isascii():  # the table's characters are not ASCII: most sentences need no change
        words = [w.translate(_TAGGER_PLAIN) for w in words]
    return perceptron().tag(words)


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
    for sid, a, b in zip(*(sentences[c].tolist() for c in ("sentence_id", "start", "end"))):
        # Matching text[a:b] in place: the pattern looks neither behind nor at string starts.
        matches = list(TOKEN_RE.finditer(text, a, b))
        words = [m.group() for m in matches]
        sid_col += [sid] * len(words)
        start_col += [m.start() for m in matches]
        end_col += [m.end() for m in matches]
        tok_col += words
        pos_col += tag(words) if pos else [""] * len(words)
    return frame(
        {
            "token_id": range(len(tok_col)),
            "sentence_id": sid_col,
            "start": start_col,
            "end": end_col,
            "text": tok_col,
            "pos": pos_col,
        },
        dict.fromkeys(("token_id", "sentence_id", "start", "end"), "int64"),
    )
