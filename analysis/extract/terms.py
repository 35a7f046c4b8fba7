"""Terms of a story: frequencies, n-grams, keyness, keyword-in-context and dispersion.

Every function reads the token table (``token_id, sentence_id, start, end, text, pos``) and goes
through :func:`term_tokens`, which gives each token a normalised ``term`` key and a ``rule`` saying
whether it is counted and why not:

- ``punctuation``: no letter or digit (quote marks, dashes, brackets);
- ``clitic``: possessive and contracted endings split off by the tokenizer (``'s``, ``n't``, ``'re``);
- ``number``: digits (``2023``, ``3rd``, ``1990s``) or tagged ``CD`` (``five``);
- ``short``: fewer than ``min_length`` letters;
- ``stopword``: the lower-cased word or its lemma is on the stop list (NLTK's English list plus the
  news list ``analysis/data/news_stopwords.txt``); a verb whose lemma differs and is not a stop word
  stays (``won`` -> ``win``);
- ``term``: everything else, counted under its key.

Keys are lower case with curly apostrophes and dashes normalised; common words are lemmatised with
WordNet using the tagger's POS (Penn tag -> WordNet noun/verb/adjective/adverb, the last part of a
hyphenated compound only); names keep their lower-cased form, so a name is never "lemmatised"
(``Kansas`` stays ``kansas``).  Whether a word is a name is the tagger's call (``NNP``/``NNPS``)
checked against the whole text (see :func:`_proper_nouns`).  A name is not checked against the
function words (NLTK's list and the news list's ``function`` entries): ``US`` is not ``us``, ``May``
the month is not the modal, ``Will Smith`` keeps ``will`` — except in a sentence in headline case,
where capitals prove nothing.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
import wordfreq  # keyness and the entities' common-word test: every article uses it, imported once here

from analysis.frames import frame
from analysis.nlp.case import TERM_HEADLINE, headline
from analysis.nlp.tokens import has_alnum, is_clitic, is_word, plain_punctuation, tokenize_spans
from analysis.resources import nltk_stopwords, read_lexicon, wordnet_lemmatizer
from analysis.tables import ArticleTables

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
DISPERSION_COLUMNS = ["term", "rank", "segment", "count", "rel_freq", "n_words", "start", "end"]

Measure = Literal[
    "pmi", "likelihood_ratio", "chi_sq", "student_t", "poisson_stirling", "jaccard", "raw_freq", "mi_like"
]
KeynessMethod = Literal["log-likelihood", "log-ratio"]

#: Assumed size (tokens) of the general-English reference corpus behind wordfreq's frequencies.
REFERENCE_SIZE = 1_000_000_000
#: Frequency given to a word that wordfreq does not list: half the lowest frequency of its English list.
REFERENCE_FLOOR = 5e-9

_NUMBER = re.compile(r"\d")
_WORDNET_POS = {"J": "a", "V": "v", "N": "n", "R": "r"}
_PROPER = ("NNP", "NNPS")


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


def normalise(word: str) -> str:
    """Return ``word`` lower-cased with curly apostrophes and dashes made plain.

    Examples
    --------
    >>> normalise("Indo–Pacific’s")
    "indo-pacific's"
    """
    return plain_punctuation(word).lower()


@functools.lru_cache(maxsize=1 << 16)
def _wordnet_lemma(word: str, wn: str) -> str:
    return wordnet_lemmatizer().lemmatize(word, wn)


@functools.lru_cache(maxsize=1 << 16)
def _lemma(lower: str, tag: str) -> tuple[str, str]:
    """Return ``(key, how)`` for one lower-cased common word and its Penn tag."""
    wn = _WORDNET_POS.get(tag[:1])
    head, sep, last = lower.rpartition("-")
    if wn is None or not last.isalpha():
        return lower, "lowercase"
    return head + sep + _wordnet_lemma(last, wn), f"wordnet:{wn}"


def _proper_nouns(
    texts: list[str], lowers: list[str], tags: list[str], sids: list[Any], headline_case: set[Any]
) -> list[bool]:
    """Decide for each token whether it is a name, whose key is never lemmatised.

    The tagger's call (``NNP``/``NNPS``) is checked against the whole text.  Only a capitalised word
    can be a name, and only when the tagger calls its form a proper noun somewhere.  At the start of
    a sentence (or of a quotation) capitals prove nothing, so there the form must also occur
    capitalised inside a sentence; in a sentence in headline case, they prove nothing anywhere.  A
    word the tagger calls a proper noun elsewhere is a name; one it calls a common noun here is a
    name only when the text never writes it in lower case (so "Pence" tagged NN once stays "pence",
    not "penny").  An all-capitals word tagged proper noun is an acronym, a name wherever it stands.
    """
    n = len(texts)
    caps = [t[:1].isupper() for t in texts]
    initial = [
        i == 0 or sids[i - 1] != sids[i] or (not has_alnum(texts[i - 1]) and texts[i - 1] not in ",;)")
        for i in range(n)
    ]
    in_lower_case = {w for w, t in zip(lowers, texts) if t[:1].islower()}
    tagged_proper = {w for w, tag in zip(lowers, tags) if tag in _PROPER}
    caps_inside = {
        w for w, c, ini, sid in zip(lowers, caps, initial, sids) if c and not ini and sid not in headline_case
    }
    out = []
    for i, (w, tag) in enumerate(zip(lowers, tags)):
        if not caps[i] or w not in tagged_proper:
            name = False
        elif tag in _PROPER and len(w) >= 2 and texts[i].isupper():  # acronym: "US", "NATO"
            name = True
        elif w not in caps_inside:
            name = False
        elif initial[i] or sids[i] in headline_case:
            name = w not in in_lower_case
        else:
            name = tag in _PROPER or w not in in_lower_case
        out.append(name)
    return out


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
        return "punctuation"
    if is_clitic(lower):
        return "clitic"
    if _NUMBER.match(lower) or tag == "CD":
        return "number"
    if (len(lower) if lower.isalpha() else sum(c.isalpha() for c in lower)) < min_length:
        return "short"
    if key in stop or (lower in stop and not (tag.startswith("V") and key != lower)):
        # a name is not a function word ("US", "Will Smith", the month "May")
        return "term" if exempt and key in function_words else "stopword"
    return "term"


def term_tokens(
    tokens: pd.DataFrame,
    *,
    stopwords: Iterable[str] | None = None,
    lemmatize: bool = True,
    min_length: int = 2,
) -> pd.DataFrame:
    """Return the tokens with their term key and the rule that keeps or drops each one.

    The other functions of this module accept this table in place of the tokens (then it is not
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
    texts = tokens["text"].astype(str).tolist()
    tags = tokens["pos"].fillna("").astype(str).tolist() if "pos" in tokens else [""] * len(texts)
    sids = tokens["sentence_id"].tolist()
    lowers = [normalise(t) for t in texts]
    headline_case = _headline_case(texts, sids)
    proper = _proper_nouns(texts, lowers, tags, sids, headline_case)
    keys, hows, rules = [], [], []
    decided: dict[tuple, tuple[str, str, str]] = {}  # a word, its tag and standing decide its key and rule
    for lower, tag, sid, is_name in zip(lowers, tags, sids, proper):
        exempt = is_name and sid not in headline_case
        if (lower, tag, is_name, exempt) not in decided:
            key, how = _term_key(lower, tag, is_name, lemmatize)
            decided[lower, tag, is_name, exempt] = key, how, _rule(lower, key, tag, exempt, stop, function_words, min_length)
        key, how, rule = decided[lower, tag, is_name, exempt]
        keys.append(key)
        hows.append(how)
        rules.append(rule)
    columns = {c: tokens[c].array for c in tokens.columns} | {
        "lower": lowers,
        "term": keys,
        "how": hows,
        "rule": rules,
        "is_term": np.array([r == "term" for r in rules], dtype=bool),
        "is_word": np.array([r not in ("punctuation", "clitic") for r in rules], dtype=bool),
    }
    return pd.DataFrame(columns, index=tokens.index)  # built once (``assign`` copies per column)


def _term_key(lower: str, tag: str, is_name: bool, lemmatize: bool) -> tuple[str, str]:
    """Return ``(key, how)``: a name keeps its lower-cased form, a common word its lemma."""
    if is_name:
        return lower, "proper-noun"
    if lemmatize:
        return _lemma(lower, "NN" if tag in _PROPER else tag)
    return lower, "lowercase"


def _term_frame(
    tokens: pd.DataFrame, stopwords: Iterable[str] | None, lemmatize: bool, min_length: int = 2
) -> pd.DataFrame:
    """Return ``tokens`` when it already is a :func:`term_tokens` table, else its term tokens."""
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
        ``token_id, sentence_id, start, end, text, pos`` (or their :func:`term_tokens`).
    stopwords, lemmatize, min_length
        See :func:`term_tokens`.
    min_count : int, default 1
        Drop terms seen fewer times.

    Returns
    -------
    DataFrame
        ``term`` (the key), ``count``, ``rel_freq`` (count / words of the text, see :func:`word_count`),
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
    tt = _term_frame(tokens, stopwords, lemmatize, min_length)
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
    cols = [tt[c].tolist() for c in ("is_term", "term", "lower", "pos", "how", "sentence_id", "start", "end", "text")]
    for is_term, key, *occurrence in zip(*cols):
        if is_term:
            occurrences.setdefault(key, []).append(occurrence)
    kept = sorted((kv for kv in occurrences.items() if len(kv[1]) >= min_count), key=lambda kv: (-len(kv[1]), kv[0]))
    return [t for t, _ in kept], [o for _, o in kept]


def _by_frequency(values: list) -> list:
    """The distinct values, most frequent first, first seen first on a tie."""
    if values and values.count(values[0]) == len(values):  # one value (most terms): nothing to count
        return values[:1]
    return [v for v, _ in Counter(values).most_common()]


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
    :func:`term_tokens`): a stop word, punctuation mark, number or possessive ``'s`` between two words
    breaks it, so "peace and stability" gives no bigram and "China's communist regime" only
    "communist regime".  Words are the term keys (lemmas), so "military tie" groups "military ties".
    Scores come from NLTK's association measures (``BigramAssocMeasures`` /
    ``TrigramAssocMeasures``) with NLTK's collocation finders; word frequencies and the sample size
    are counted over every word of the text, so a word's marginal includes its uses next to stop
    words.

    Parameters
    ----------
    tokens : DataFrame
        ``token_id, sentence_id, start, end, text, pos`` (or their :func:`term_tokens`).
    n : {2, 3}, default 2
        Bigrams or trigrams.
    measure : str, default "pmi"
        Name of an NLTK association measure: ``pmi``, ``likelihood_ratio``, ``chi_sq``,
        ``student_t``, ``poisson_stirling``, ``jaccard``, ``raw_freq``, ``mi_like``.
    min_count : int, default 2
        Drop n-grams seen fewer times (NLTK's ``apply_freq_filter``).
    stopwords, lemmatize
        See :func:`term_tokens`.
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
    from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder

    measures = _association_measures(n, measure)
    tt = _term_frame(tokens, stopwords, lemmatize)
    c = _count_ngrams(tt, n)
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
    rows.sort(key=lambda r: (*_descending(r[2]), -r[1], r[0]))
    return _ngram_frame(rows, n, measure, c, tt, text)


def _association_measures(n: int, measure: str):
    """NLTK's association measures for ``n``-grams, checking ``n`` and the measure's name."""
    from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures

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
    wildcard_fd: Any  # pairs one word apart (for trigrams)
    ngram_fd: Any  # the n-grams themselves
    first: dict[tuple[str, ...], tuple[int, int]] = field(default_factory=dict)  # first/last token row
    sids: dict[tuple[str, ...], dict[int, None]] = field(default_factory=dict)  # sentences, in order
    forms: dict[tuple[str, ...], Counter] = field(default_factory=dict)  # lower-cased surface strings


def _count_ngrams(tt: pd.DataFrame, n: int) -> _NgramCounts:
    """Count the n-grams of adjacent counted terms within each sentence."""
    from nltk.probability import FreqDist

    keys = tt["term"].tolist()
    word_fd = FreqDist(k for k, w in zip(keys, tt["is_word"].tolist()) if w)
    c = _NgramCounts(word_fd, FreqDist(), FreqDist(), FreqDist())
    lowers, sent = tt["lower"].tolist(), tt["sentence_id"].tolist()
    for run in _runs(tt):
        for j in range(len(run) - 1):
            c.bigram_fd[(keys[run[j]], keys[run[j + 1]])] += 1
            if j + 2 < len(run):
                c.wildcard_fd[(keys[run[j]], keys[run[j + 2]])] += 1
        for j in range(len(run) - n + 1):
            idx = run[j : j + n]
            gram = tuple(keys[i] for i in idx)
            c.ngram_fd[gram] += 1
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


def _descending(x: float) -> tuple[bool, float]:
    """Sort key putting larger numbers first and NaN last."""
    return (True, 0.0) if math.isnan(x) else (False, -x)


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
        A :func:`term_table` (``term, count, forms`` and ``rel_freq`` or ``attrs["n_words"]``).
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
    rows.sort(key=lambda r: (*_descending(r[8]), -r[1], r[0]))  # by keyness, count, then term
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
    query word that is the term key of some token (see :func:`term_tokens`) matches the tokens with
    that key — exactly the tokens :func:`term_table` counts for it, so a term's rows number its
    ``count`` — and any other query word matches tokens of that lower-cased surface: ``"ally"``
    finds "ally" and "allies", ``"allies"`` finds "allies", ``"said"`` finds "said".

    Parameters
    ----------
    article_or_text : str or ArticleTables
        The text the token offsets index into, or an article's tables
        (:class:`~analysis.tables.ArticleTables`: its ``text``, and its term tokens when ``tokens``
        is None).
    tokens : DataFrame or None
        ``token_id, sentence_id, start, end, text, pos`` (or their :func:`term_tokens`).
    term : str
        The word or phrase to find.
    window : int, default 5
        Tokens of context on each side (within the sentence).
    match : {"auto", "term", "surface"}, default "auto"
        Match term keys, surfaces, or keys where the query word is a key and surfaces otherwise.
    lemmatize : bool, default True
        Keys are lemmas (as in :func:`term_table`); False makes them the lower-cased words.

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
    tt = _term_frame(tokens, (), lemmatize)
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


def _kwic_source(article_or_text: str | ArticleTables, tokens: pd.DataFrame | None, lemmatize: bool) -> tuple[str, pd.DataFrame]:
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
    of the story by default.  A term is counted as in :func:`term_table` (same key, counted tokens
    only), so a term's counts add up to its ``count`` there.

    Parameters
    ----------
    tokens : DataFrame
        ``token_id, sentence_id, start, end, text, pos`` (or their :func:`term_tokens`).
    terms : DataFrame or iterable of str
        A :func:`term_table` (its first ``top`` rows are used) or term keys.
    segments : int, default 10
        Number of segments (at most one per token).
    top : int, default 10
        Terms taken from a term table.
    stopwords, lemmatize
        See :func:`term_tokens`; use the same options as for the term table.

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
    tt = _term_frame(tokens, stopwords, lemmatize)
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
