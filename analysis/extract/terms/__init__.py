"""Terms of a story: frequencies, n-grams, keyness, keyword-in-context and dispersion (one module per concern).

Every table reads the token table (``token_id, sentence_id, start, end, text, pos``) through
:func:`term_tokens`, which gives each token a normalised ``term`` key and a ``rule`` saying whether
it is counted (``term``) and why not (``punctuation``, ``clitic``, ``number``, ``short``,
``stopword``).  Keys are lower case; common words are lemmatised with WordNet using the tagger's POS;
names keep their lower-cased form and are not checked against the function words (``US`` is not
``us``), except in a sentence in headline case, where capitals prove nothing.

The modules, in the order the tokens flow through them: :mod:`.lemmas` (a word's key: normalised
form, WordNet lemma, whether it is a name), :mod:`.tokens` (the term tokens and the stop lists),
:mod:`.table` (the terms table), :mod:`.collocations` (bigrams and trigrams with NLTK's association
measures), :mod:`.keywords` (keyness against general English, Dunning's G2), :mod:`.concordance`
(keyword in context) and :mod:`.dispersion` (terms through the story).
"""

from analysis.extract.terms.collocations import NGRAM_COLUMNS, Measure, ngrams
from analysis.extract.terms.concordance import KWIC_COLUMNS, kwic
from analysis.extract.terms.dispersion import DISPERSION_COLUMNS, term_dispersion
from analysis.extract.terms.keywords import (
    KEYNESS_COLUMNS,
    REFERENCE_FLOOR,
    REFERENCE_SIZE,
    KeynessMethod,
    descending,
    keyness,
    log_likelihood,
)
from analysis.extract.terms.lemmas import normalise, proper_nouns, term_key
from analysis.extract.terms.table import TERM_COLUMNS, term_table
from analysis.extract.terms.tokens import (
    CLITIC,
    NOT_WORDS,
    NUMBER,
    PUNCTUATION,
    SHORT,
    STOPWORD,
    TERM,
    default_stopwords,
    term_frame,
    term_tokens,
    word_count,
)

__all__ = [
    "CLITIC",
    "DISPERSION_COLUMNS",
    "KEYNESS_COLUMNS",
    "KWIC_COLUMNS",
    "NGRAM_COLUMNS",
    "NOT_WORDS",
    "NUMBER",
    "PUNCTUATION",
    "REFERENCE_FLOOR",
    "REFERENCE_SIZE",
    "SHORT",
    "STOPWORD",
    "TERM",
    "TERM_COLUMNS",
    "KeynessMethod",
    "Measure",
    "default_stopwords",
    "descending",
    "keyness",
    "kwic",
    "log_likelihood",
    "ngrams",
    "normalise",
    "proper_nouns",
    "term_dispersion",
    "term_frame",
    "term_key",
    "term_table",
    "term_tokens",
    "word_count",
]
