"""Term keys: a word's normalised form, its WordNet lemma, and whether it is a name (never lemmatised).

It decides the key a token is counted under: lower case with curly apostrophes and dashes made
plain (:func:`normalise`); for a common word its WordNet lemma, using the tagger's POS (Penn tag ->
WordNet noun/verb/adjective/adverb, the last part of a hyphenated compound only); for a name its
lower-cased form, so a name is never "lemmatised" (``Kansas`` stays ``kansas``).  Whether a word is
a name is the tagger's call (``NNP``/``NNPS``) checked against the whole text
(:func:`proper_nouns`).  It reads the tokens' texts, tags and sentence ids, and WordNet.
"""

from __future__ import annotations

import functools
from typing import Any

from analysis.nlp.tokens import PLAIN_PUNCTUATION, has_alnum, plain_punctuation
from analysis.resources import wordnet_lemmatizer

_WORDNET_POS = {"J": "a", "V": "v", "N": "n", "R": "r"}
_PROPER = ("NNP", "NNPS")


def normalise(word: str) -> str:
    """Return ``word`` lower-cased with curly apostrophes and dashes made plain.

    Examples
    --------
    >>> normalise("Indo–Pacific’s")
    "indo-pacific's"
    """
    return plain_punctuation(word).lower()


def normalise_all(words: list[str]) -> list[str]:
    """Return :func:`normalise` of each word (one pass, no call per word).

    Examples
    --------
    >>> normalise_all(["Kyiv’s", "port"])
    ["kyiv's", 'port']
    """
    table = PLAIN_PUNCTUATION
    return [w.lower() if w.isascii() else w.translate(table).lower() for w in words]


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


def proper_nouns(
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


def term_key(lower: str, tag: str, is_name: bool, lemmatize: bool) -> tuple[str, str]:
    """Return ``(key, how)``: a name keeps its lower-cased form, a common word its lemma.

    Examples
    --------
    >>> term_key("leaders", "NNS", False, True), term_key("kansas", "NNP", True, True)
    (('leader', 'wordnet:n'), ('kansas', 'proper-noun'))
    """
    if is_name:
        return lower, "proper-noun"
    if lemmatize:
        return _lemma(lower, "NN" if tag in _PROPER else tag)
    return lower, "lowercase"
