"""Summary statistics of a story: size, structure, quotes, actors, reading time and readability.

Readability uses the two Flesch formulas on the story's words and sentences:

- Flesch reading ease (Flesch 1948): ``206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)``;
  higher is easier (60-70 is plain English, below 30 is for graduates).
- Flesch-Kincaid grade level (Kincaid et al. 1975): ``0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59``;
  the US school grade a reader needs.

Syllables are counted by :func:`count_syllables`, a pure-Python rule set (vowel groups with silent
endings and common two-vowel hiatuses); ``bench/bench_syllables.py`` measures it against the CMU
Pronouncing Dictionary (98.7% of news word tokens exact; Flesch reading ease within 1.3 points of
the dictionary's on average per article).  Words are the tokens with a letter or digit, not counting clitics split off by
the tokenizer (``'s``, ``n't``), so "it's" is one word as a reader counts it.  Reading time assumes
238 words a minute, the average silent reading rate for English non-fiction (Brysbaert 2019).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

import pandas as pd

from analysis.extract.terms import normalise
from analysis.frames import frame
from analysis.nlp.tokens import is_word
from analysis.tables import ArticleTables

STATS_COLUMNS = ["statistic", "value", "unit", "method"]

#: Average silent reading rate of adults for English non-fiction, words per minute (Brysbaert 2019).
READING_WPM = 238

_VOWELS = "aeiouy"
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# vowel pairs read as two syllables ("ri-ot", "i-de-a", "act-u-al", "be-ing"): one extra syllable each
_HIATUS = re.compile(
    r"[^cgst]ia|[^cgstx]io(?!ns?$|r)|iu|[^qg]ua|[^qg]uo|ie(?=r$|st$|t)|(?<![ct])ie(?=nc|nt)|eo(?!u|p)|ii"
    r"|ea(?=s?$)|(?<=..[^cg])eans?$|[aeiouy](?=ings?$)"
)
# endings and prefixes that add a syllable the vowel groups miss ("commun-ism", "fi-re", "co-op")
_EXTRA = re.compile(
    r"[^aeiouy]i?sm$|(?<=[^aeiouy])ire[sd]?$|^coo[pr]|^mc|^crea|^preo|^reu|^(?:re|pre|de)a(?!d|ch|l|r|s|t|p|m)"
)
# silent e inside a word: before -ly, -ment, -ness, -ful, -less ("like-ly"), and compounds of "some", "home"
_INNER_SILENT_E = re.compile(r"[^aeiouy]e(?=(?:ly|ment|ments|ness|ful|less)$)|^(?:some|home)(?=..)")
_CONSONANT_LE = re.compile(r"[^aeiouyl]le[sd]?$|[^aeiouy]les?$")
#: Abbreviated titles read as words, not spelled out.
_TITLES = {"mr": 2, "mrs": 2, "ms": 1, "dr": 2, "jr": 2, "sr": 2, "st": 1}
_LETTER_SYLLABLES = {"w": 3}
#: An acronym read letter by letter: "U.S.", "FBI", "CEOs".
_SPELLED = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]{2,3}s?")
_NOT_LETTER = re.compile(r"[^a-z]")


def _drop_silent_ending(w: str) -> str:
    """Return ``w`` without a silent ``-e``, ``-ed`` or ``-es`` (``make``, ``stopped``, ``makes``)."""
    if _CONSONANT_LE.search(w):  # "table", "tables": the -le is a syllable
        return w
    if len(w) < 4:
        return w[:-1] if len(w) == 3 and w[-1] == "e" and w[-2] not in _VOWELS else w
    if w.endswith("ed"):
        return w if w[-3] in "td" or w[-3] in _VOWELS else w[:-2]
    if w.endswith("es"):
        return w if w[-3] in "sxzcg" or w[-4:-2] in ("ch", "sh") or w[-3] in _VOWELS else w[:-2]
    if w.endswith("e") and w[-2] not in _VOWELS:
        return w[:-1]
    return w


@functools.lru_cache(maxsize=1 << 16)
def count_syllables(word: str) -> int:
    """Return an estimate of the number of syllables of an English word.

    Vowel groups (``y`` included) are counted after removing a silent ending (``-e``, ``-ed`` after
    consonants other than t/d, ``-es`` where it adds no sound; ``-le`` after a consonant is
    sounded); one syllable is added for each vowel pair read as two (``ri-ot``, ``actu-al``,
    ``soci-e-ty``, ``be-ing``), for ``-ism``, ``-ire`` and prefixes such as ``co-op``, and one taken
    off for a silent inner ``e`` (``like-ly``, ``state-ment``, ``some-one``).  Acronyms written in
    capitals (two or three letters) or with dots are spelled out (``FBI``: 3, ``U.S.``: 2);
    abbreviated titles are read as words (``Mr``: 2).  A number counts one syllable per digit; a
    hyphenated word is the sum of its parts.  Every word with a letter has at least one syllable.
    On the PolNeAR development texts the count equals the CMU Pronouncing Dictionary's for 98.7%
    of word tokens (``bench/bench_syllables.py``).

    Examples
    --------
    >>> [count_syllables(w) for w in ["the", "table", "stopped", "wanted", "cooperation", "readability"]]
    [1, 2, 1, 2, 5, 5]
    """
    if _SPELLED.fullmatch(word.strip()) and word.lower() not in _TITLES:
        # an acronym spelled out letter by letter: "U.S.", "FBI" (one syllable a letter, "w" three)
        letters = [c for c in word.strip() if c.isupper() or "." in word and c.isalpha()]
        return sum(_LETTER_SYLLABLES.get(c.lower(), 1) for c in letters)
    w = normalise(word)
    if "-" in w:
        return sum(count_syllables(p) for p in w.split("-") if p)
    digits = sum(c.isdigit() for c in w)
    w = _NOT_LETTER.sub("", w)
    if not w:
        return digits
    if w in _TITLES:
        return _TITLES[w]
    n = len(_VOWEL_GROUPS.findall(_drop_silent_ending(w)))
    n += len(_HIATUS.findall(w)) + len(_EXTRA.findall(w)) - len(_INNER_SILENT_E.findall(w))
    return max(1, n) + digits


def _words(tokens: pd.DataFrame) -> list[str]:
    texts = tokens["text"].astype(str).tolist()
    if "is_word" in tokens:  # term tokens (analysis.extract.terms.term_tokens) already know their words
        return [t for t, w in zip(texts, tokens["is_word"].tolist()) if w]
    return [t for t in texts if is_word(t)]


def readability(words: list[str], n_sentences: int) -> dict[str, float]:
    """Return word, sentence and syllable counts and the two Flesch scores.

    Parameters
    ----------
    words : list of str
        The words of the text (no punctuation tokens).
    n_sentences : int
        The number of sentences.

    Returns
    -------
    dict
        ``words, sentences, syllables, words_per_sentence, syllables_per_word, flesch_reading_ease,
        flesch_kincaid_grade`` (scores are NaN for an empty text).

    Examples
    --------
    >>> r = readability(["The", "cat", "sat", "on", "the", "mat"], 1)
    >>> round(r["flesch_reading_ease"], 1), round(r["flesch_kincaid_grade"], 1)
    (116.1, -1.4)
    """
    n_words = len(words)
    syllables = sum(count_syllables(w) for w in words)
    if not n_words or not n_sentences:
        nan = float("nan")
        wps = spw = fre = fkg = nan
    else:
        wps = n_words / n_sentences
        spw = syllables / n_words
        fre = 206.835 - 1.015 * wps - 84.6 * spw
        fkg = 0.39 * wps + 11.8 * spw - 15.59
    return {
        "words": n_words,
        "sentences": n_sentences,
        "syllables": syllables,
        "words_per_sentence": wps,
        "syllables_per_word": spw,
        "flesch_reading_ease": fre,
        "flesch_kincaid_grade": fkg,
    }


def summary_stats(
    sentences: pd.DataFrame,
    tokens: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
    entities: pd.DataFrame | None = None,
    wpm: float = READING_WPM,
) -> pd.DataFrame:
    """Return the summary statistics of a story as a tidy table.

    Parameters
    ----------
    sentences : DataFrame
        The story sentences (``sentence_id, block_id`` and optionally ``kind``).
    tokens : DataFrame
        The tokens of those sentences (``text`` column), or their term tokens
        (:func:`analysis.extract.terms.term_tokens`, whose ``is_word`` column then picks the words).
    quotes, actors, entities : DataFrame, optional
        The article's tables; their statistics are left out when not given.
    wpm : float, default 238
        Reading rate for the reading-time estimate.

    Returns
    -------
    DataFrame
        ``statistic, value, unit, method``: words, sentences, paragraphs, syllables, words per
        sentence, syllables per word, reading time, Flesch reading ease, Flesch-Kincaid grade, then
        quotes (all and by kind), actors and entity mentions when given.

    Examples
    --------
    >>> from analysis.nlp.tokens import tokenize
    >>> s = "The cat sat. It ran."
    >>> sents = pd.DataFrame({"sentence_id": [0, 1], "block_id": [0, 0], "start": [0, 13], "end": [12, 20]})
    >>> df = summary_stats(sents, tokenize(s, sents, pos=False))
    >>> df.set_index("statistic").loc[["words", "sentences", "paragraphs"], "value"].tolist()
    [5.0, 2.0, 1.0]
    """
    words = _words(tokens)
    r = readability(words, len(sentences))
    paragraphs = len(set(sentences["block_id"].tolist())) if "block_id" in sentences else len(sentences)
    rows = _readability_rows(r, paragraphs, wpm)
    if quotes is not None:
        rows += _quote_rows(quotes)
    if actors is not None:
        rows.append(("actors", len(actors), "actors", "rows of the actors table"))
    if entities is not None:
        rows.append(("entity_mentions", len(entities), "mentions", "rows of the entities table"))
    return frame({c: [r[k] for r in rows] for k, c in enumerate(STATS_COLUMNS)}, {"value": "float64"})


_StatRow = tuple[str, Any, str, str]  # statistic, value, unit, method


def _readability_rows(r: dict[str, float], paragraphs: int, wpm: float) -> list[_StatRow]:
    """The length and readability statistics, from :func:`readability`'s result."""
    return [
        ("words", r["words"], "words", "tokens with a letter or digit, clitics ('s, n't) not counted"),
        ("sentences", r["sentences"], "sentences", "story sentences (body and in-body headings)"),
        ("paragraphs", paragraphs, "paragraphs", "distinct blocks holding a story sentence"),
        ("syllables", r["syllables"], "syllables", "count_syllables rule set"),
        ("words_per_sentence", r["words_per_sentence"], "words", "words / sentences"),
        ("syllables_per_word", r["syllables_per_word"], "syllables", "syllables / words"),
        ("reading_time", r["words"] / wpm, "minutes", f"words / {wpm:g} words a minute (Brysbaert 2019)"),
        (
            "flesch_reading_ease",
            r["flesch_reading_ease"],
            "score",
            "206.835 - 1.015 words/sentence - 84.6 syllables/word (Flesch 1948)",
        ),
        (
            "flesch_kincaid_grade",
            r["flesch_kincaid_grade"],
            "US grade",
            "0.39 words/sentence + 11.8 syllables/word - 15.59 (Kincaid et al. 1975)",
        ),
    ]


def _quote_rows(quotes: pd.DataFrame) -> list[_StatRow]:
    """Quote counts: all, by kind, and distinct speakers."""
    rows: list[_StatRow] = [("quotes", len(quotes), "quotes", "rows of the quotes table")]
    kinds = Counter(quotes["kind"].tolist()) if "kind" in quotes else Counter()
    for kind in ("direct", "partial", "indirect"):
        rows.append((f"quotes_{kind}", kinds[kind], "quotes", f"quotes of kind {kind!r}"))
    if "speaker" in quotes:
        speakers = {s for s in quotes["speaker"].tolist() if isinstance(s, str)}
        rows.append(("speakers", len(speakers), "actors", "distinct quote speakers"))
    return rows


def article_stats(article: ArticleTables, *, wpm: float = READING_WPM) -> pd.DataFrame:
    """Return :func:`summary_stats` of an article's story (its story sentences, term tokens, quotes,
    actors and entities: any :class:`~analysis.tables.ArticleTables`).

    Examples
    --------
    >>> from analysis import Article
    >>> art = Article.from_text("The mayor spoke. The city held.", layout="plain")
    >>> article_stats(art).set_index("statistic").loc["words", "value"]
    np.float64(6.0)
    """
    return summary_stats(
        article.story_sentences,
        article.term_tokens,
        quotes=article.quotes,
        actors=article.actors,
        entities=article.entities,
        wpm=wpm,
    )


def stats_dict(stats: pd.DataFrame) -> dict[str, float]:
    """Return a summary table as ``{statistic: value}``.

    Examples
    --------
    >>> stats_dict(pd.DataFrame({"statistic": ["words"], "value": [3.0]}))
    {'words': 3.0}
    """
    return dict(zip(stats["statistic"], stats["value"]))


__all__ = [
    "READING_WPM",
    "article_stats",
    "count_syllables",
    "readability",
    "stats_dict",
    "summary_stats",
]
