"""The words around a cue: is its complement speech, and can its speaker speak?

Reads the article's shared tokens and tags (:func:`analysis.nlp.tokens.tokenize`, computed once per
article), the declared lexicons of speech objects (``data/speech_objects.tsv``) and speaking nouns
(``data/speaker_nouns.tsv``) and WordNet's noun classes.  It decides two things:

* whether the words after a reporting verb are a reported clause (they hold a finite verb: "said the
  port would reopen"), a to-infinitive ("promised to resign", "agreed to pay") or a noun phrase
  ("welcomed the plan", "voiced her concern").  A noun phrase reports speech only when its head is a
  speech or demand noun of the lexicon, an infinitive only after a verb whose infinitive is what was
  said; so "cited the report" and "agreed to pay" make no quote row, "called for an end to the
  strike" does;
* whether a speaker candidate can speak: a name, a personal pronoun, or a noun phrase headed by a noun
  of a person, group, organisation or document.  A verb phrase ("the man became"), a date or time
  word ("On September"), a determiner ("that"), a number or quantity ("thousands more") or a topic
  noun ("the program's results") is no speaker, and its cue reports nobody.
"""

from __future__ import annotations

import bisect
import functools

import pandas as pd

from analysis.extract.quotes.lexicon import Verb, fw, speaker_nouns
from analysis.nlp import lexicons
from analysis.resources import NOUN_SENSES_KEPT, read_lexicon, wordnet_lemmatizer, wordnet_noun_classes

#: Tags of a finite verb (or modal): a clause.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Tags that open a complement naming an object ("a disgrace", "reckless", "the best").
_COMPLEMENT_TAGS = frozenset({"DT", "PRP$", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS"})
#: Articles and demonstratives: a head that is one of them names nobody ("That caution …").
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those", "the", "a", "an"})
#: Tags of a word opening a relative clause on the noun before it ("who", "whose"; "which" by its word:
#: the tagger also gives "that" its tag).  Not "when"/"where": more often a time or place of the clause.
_RELATIVE_OPENERS = frozenset({"WP", "WP$"})
#: Tags that end a subject right before its verb.
_SUBJECT_END = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})
#: Tags that go on a noun phrase before its head: determiners, possessives, adjectives, numbers.
_NP_TAGS = frozenset({"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "HYPH"})


@functools.cache
def speech_objects() -> dict[str, frozenset[str]]:
    """``{class: words}`` of ``speech_objects.tsv`` (classes ``noun`` and ``to``)."""
    out: dict[str, set[str]] = {}
    for word, cls, *_ in read_lexicon("speech_objects.tsv"):
        out.setdefault(cls, set()).add(word)
    return {cls: frozenset(words) for cls, words in out.items()}


class TagIndex:
    """The shared tokens of the story with their tags, looked up by character span."""

    def __init__(self, tokens: pd.DataFrame | None) -> None:
        if tokens is None or len(tokens) == 0:
            self.starts: list[int] = []
            self.ends: list[int] = []
            self.words: list[str] = []
            self.tags: list[str] = []
            return
        starts, ends, words, tags = (tokens[c].tolist() for c in ("start", "end", "text", "pos"))
        if not all(a < b for a, b in zip(starts, starts[1:])):  # a table in text order (the pipeline's) stays as it is
            starts, ends, words, tags = map(list, zip(*sorted(zip(starts, ends, words, tags))))
        self.starts = starts if all(type(a) is int for a in starts) else [int(a) for a in starts]
        self.ends = ends if all(type(e) is int for e in ends) else [int(e) for e in ends]
        self.words = words
        self.tags = tags if all(type(t) is str for t in tags) else [str(t) for t in tags]

    def tokens_in(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        """``(start, end, word, tag)`` of the tokens starting in ``[a, b)``, in text order."""
        i, j = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        return list(zip(self.starts[i:j], self.ends[i:j], self.words[i:j], self.tags[i:j]))

    def tag_at(self, offset: int) -> str:
        """The tag of the token starting at ``offset`` ("" when none does)."""
        i = bisect.bisect_left(self.starts, offset)
        return self.tags[i] if i < len(self.starts) and self.starts[i] == offset else ""

    def span(self, a: int, b: int) -> list[tuple[str, str]]:
        """``(word, tag)`` of the tokens starting in ``[a, b)``."""
        i, j = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        return list(zip(self.words[i:j], self.tags[i:j]))


def _object(toks: list[tuple[str, str]]) -> tuple[str, int]:
    """The head noun of the noun phrase opening ``toks`` (after a preposition: "for an end to …") and
    the index of the first token after it.  Once its first noun is read, only nouns go on the phrase
    ("the vote | a disgrace", "the plan | reckless")."""
    k = 1 if toks and toks[0][1] == "IN" else 0
    if k < len(toks) and toks[k][1] == "PRP":
        return toks[k][0].lower(), k + 1
    head = ""
    while k < len(toks) and toks[k][1] in _NP_TAGS and not (head and not toks[k][1].startswith(("NN", "POS"))):
        tag = toks[k][1]
        head = "" if tag == "POS" else toks[k][0].lower() if tag.startswith("NN") else head  # a possessor is no head
        k += 1
    return head, k


def object_head(toks: list[tuple[str, str]]) -> str:
    """The head noun of the noun phrase opening ``toks`` (see :func:`_object`)."""
    return _object(toks)[0]


def _named(toks: list[tuple[str, str]]) -> bool:
    """A complement names the object: another noun phrase or an adjective right after it, or "as"."""
    head, k = _object(toks)
    if not head or k >= len(toks):
        return False
    word = toks[k][0].lower()
    if word in fw("time") or word in fw("time-lead") or word in ("last", "next", "this", "that"):
        return False  # "called the office last night": a time adjunct, not a name for the office
    return toks[k][1] in _COMPLEMENT_TAGS or word == "as"


def reports_speech(toks: list[tuple[str, str]], verb: Verb | None) -> bool:
    """True when a cue's complement ``toks`` is what was said: a clause, a speech object, or the
    to-infinitive of a verb that says it (see the module docstring)."""
    if verb is not None and toks and toks[0][0].lower().endswith(("self", "selves")):
        return False  # "found themselves stranded", "told herself it was fine": nobody else is told
    if verb is None or not toks or _has_predicate(toks):
        return True
    lexicon = speech_objects()
    if toks[0][1] == "TO":
        return verb.lemma in lexicon.get("to", ())
    if verb.lemma in lexicon.get("about", ()) or object_head(toks) in lexicon.get("noun", ()):
        return True
    if verb.lemma in lexicon.get("shows", ()) and any(tag == "VBG" for _, tag in toks[1:]):
        return True  # "the poll shows the mayor leading": a clause without a finite verb
    return verb.lemma in lexicon.get("naming", ()) and _named(toks)


def _has_predicate(toks: list[tuple[str, str]]) -> bool:
    """A finite verb, or a past form right after its subject (the tagger often reads "the board
    decided" as a participle), that is the complement's own: not a verb right after "and/or/but"
    (the cue's subject's next act: "found the ruins and ransacked them") nor one inside a relative
    clause right on a noun of the complement, whose first finite verb is the relative's ("found the
    skipper who lost the boat"; but "found skippers who use it were happier").  After a comma a
    relative may be the cue's own aside or the clause's ("proposed to cut the fee, which funds ..."):
    its verbs count."""
    relative = False
    for i, (word, tag) in enumerate(toks):
        prev = toks[i - 1][1] if i else ""
        finite = tag in _FINITE or (tag == "VBN" and prev in _SUBJECT_END)
        if prev in _SUBJECT_END and (tag in _RELATIVE_OPENERS or word.lower() == "which"):
            relative = True
        elif word == "," or tag == ":" or (relative and finite):
            relative = False
        elif finite and prev != "CC":
            return True
    return False


#: Pronouns that can speak (a person, people, or "it" for a body or document).
_SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
#: Words closing a mention that are not its head ("Jane Doe now said", "Jane Doe isn't saying").
_TRAILING_TAGS = frozenset({"RB", "RBR", "RP", "POS"})
#: WordNet classes of a noun that can speak, looked up in its first senses.
_SPEAKING_CLASSES = frozenset({"noun.person", "noun.group"})
#: How many of a noun's WordNet senses are read (later senses are rare uses: "clip" as a person).
WORDNET_SENSES = 2
assert WORDNET_SENSES <= NOUN_SENSES_KEPT, "the derived WordNet classes keep too few senses"


@functools.cache
def speaking_noun(word: str) -> bool:
    """A noun that names someone who can speak: a speaker noun of the lexicon (documents included),
    or a noun whose first WordNet senses are persons or groups ("businessman", "team")."""
    lemmatizer = wordnet_lemmatizer()
    lemma = lemmatizer.lemmatize(word, "n")
    if word in speaker_nouns() or lemma in speaker_nouns():
        return True
    names, senses = wordnet_noun_classes()  # what wordnet.synsets(lemma, "n") gives, in its order
    classes = [names[c] for form in lemmatizer.morphy(lemma.lower(), "n") for c in senses.get(form, ())]
    return any(c in _SPEAKING_CLASSES for c in classes[:WORDNET_SENSES])


@functools.cache
def _date_words() -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in lexicons.months_days())


def can_speak(toks: list[tuple[str, str]]) -> bool:
    """True when a speaker mention's tokens ``(word, tag)`` name someone who can speak (see the
    module docstring); an empty list (no tags known) is given the benefit of the doubt."""
    words = [(w, t) for w, t in toks if any(c.isalnum() for c in w)]
    if not words:
        return not toks
    if words[0][1] in ("IN", "TO") or words[0][0].lower() in ("not", "no"):
        return False  # "in the journal", "to the crowd": a phrase, not a subject
    if len(words) == 1 and words[0][1] in ("PRP", "WP"):
        return words[0][0].lower() in _SPEAKING_PRONOUNS | {"who"}
    aux = fw("aux") | fw("aux-be")
    link = next((i for i, (_, t) in enumerate(words) if t == "IN" and i > 0 and words[i - 1][1].startswith("NN")), None)
    if link is not None:
        words = words[:link]  # "officials at the port", "the authors of the study": the head comes first
    k = len(words) - 1
    while k > 0 and (words[k][1] in _TRAILING_TAGS or words[k][0].lower() in aux or words[k][0].lower() == "n't"):
        k -= 1
    word, tag = words[k]
    low = word.lower().rstrip(".")
    if low in _date_words() or low in fw("time") or low in _DEMONSTRATIVES:
        return False  # "On September", "That caution": a date or a determiner, however capitalised
    if tag.startswith("NNP") or word[:1].isupper():
        return True  # a name (the tagger may call a rare one a verb)
    if tag in ("CD", "DT", "WDT", "PDT", "EX") or low in fw("determiner") or tag.startswith("VB"):
        return False
    return tag.startswith("NN") and speaking_noun(low)
