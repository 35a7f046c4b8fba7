"""Every word list of the pipeline, one data file per concept, each loaded once per process.

Files live in ``analysis/data`` with a header naming their source:

================== =====================================================================
``titles.txt``      titles and role words before a name ("Prime Minister", "Secretary")
``honorifics.txt``  courtesy forms ("Mr.", "Dr.", "H.E.")
``name_suffixes.txt`` generational suffixes and degrees ("Jr.", "III", "Ph.D.")
``months.txt``      month and weekday names with abbreviations
``speech_verbs.tsv`` reporting verbs with their inflections and frames
``speaker_nouns.tsv`` head nouns of speaking noun phrases (documents, groups, roles)
``chrome_words.txt`` page-chrome words that are never actors ("Share", "PDF", "Photo")
================== =====================================================================
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from analysis.nlp.tokens import tokenize_spans
from analysis.resources import read_lexicon


def _column(name: str) -> tuple[str, ...]:
    return tuple(row[0] for row in read_lexicon(name))


def _key(s: str) -> tuple[str, ...]:
    return tuple(s[a:b] for a, b in tokenize_spans(s))


#: A title in waiting is a title: "President-elect", "Prime Minister-designate".
IN_WAITING = ("-elect", "-designate")


@functools.cache
def role_titles() -> tuple[str, ...]:
    """The titles and roles of ``titles.txt`` as written, each also in waiting ("Mayor-elect";
    abbreviations such as "Gen." are not)."""
    listed = _column("titles.txt")
    return (*listed, *(t + suffix for t in listed if not t.endswith(".") for suffix in IN_WAITING))


def _all_titles() -> tuple[str, ...]:
    return (*role_titles(), *_column("honorifics.txt"))


@functools.cache
def titles() -> frozenset[tuple[str, ...]]:
    """Titles as token tuples (``("Prime", "Minister")``, ``("President-elect",)``), honorifics included."""
    return frozenset(_key(t) for t in _all_titles() if _key(t))


@functools.cache
def title_phrases() -> frozenset[tuple[str, ...]]:
    """Titles and honorifics as whitespace-separated words (``("Vice", "Adm.")``), also without periods."""
    out = set()
    for t in _all_titles():
        out.add(tuple(t.split()))
        out.add(tuple(t.replace(".", "").split()))
    return frozenset(out)


@functools.cache
def given_name_forms() -> dict[str, str]:
    """Every given name and short form, lower case, to the full given name ("joe" → "joseph")."""
    out: dict[str, str] = {}
    for name, *rest in read_lexicon("given_name_variants.tsv"):
        full = name.lower()
        out.setdefault(full, full)
        for short in (rest[0].split("|") if rest else []):
            out.setdefault(short.strip().lower(), full)
    return out


@functools.cache
def title_abbreviations() -> dict[str, str]:
    """Abbreviated titles in lower case, without the period, to the word they stand for ("gen" → "general")."""
    return {a.lower().rstrip("."): w.lower() for a, w, *_ in read_lexicon("title_abbreviations.tsv")}


@functools.cache
def title_words() -> frozenset[str]:
    """Every word of a title or honorific, as written ("Prime", "Minister", "Dr.", "H.E.")."""
    words = set()
    for t in _all_titles():
        words.update(t.split())
    return frozenset(words)


@functools.cache
def honorifics() -> frozenset[str]:
    """Courtesy forms, with and without their period ("Mr.", "Mr", "H.E.")."""
    forms = set(_column("honorifics.txt"))
    return frozenset(forms | {f.rstrip(".") for f in forms if "." in f})


@functools.cache
def name_suffixes() -> frozenset[str]:
    """Suffixes that close a name, and the same written without periods ("Jr.", "Jr", "PhD", "MD")."""
    forms = set(_column("name_suffixes.txt"))
    return frozenset(forms | {f.replace(".", "") for f in forms})


@functools.cache
def months_days() -> frozenset[str]:
    """Month and weekday names and abbreviations ("January", "Jan.", "Monday", "Tues.")."""
    return frozenset(_column("months.txt"))


@functools.cache
def chrome_words() -> frozenset[str]:
    """Lower-cased page-chrome words: a capitalised run made only of them is no actor."""
    return frozenset(w.lower() for w in _column("chrome_words.txt"))


def is_chrome(words: tuple[str, ...] | list[str]) -> bool:
    """True when every word of a run is a page-chrome word (``("READ", "MORE")``, ``("PDF",)``)."""
    chrome = chrome_words()
    content = [w for w in words if any(c.isalnum() for c in w)]
    return bool(content) and all(w.lower() in chrome for w in content)


@dataclass(frozen=True)
class Verb:
    """One inflected form of a reporting verb."""

    lemma: str
    form: str  # base, s, past, pp, ing
    frame: str  # clause or object
    noun: bool  # base/-s forms are also nouns


@functools.cache
def speech_verbs() -> dict[str, Verb]:
    """Every inflection of every reporting verb (``speech_verbs.tsv``) → its :class:`Verb`."""
    out: dict[str, Verb] = {}
    for row in read_lexicon("speech_verbs.tsv"):
        lemma, s, past, pp, ing, frame = row[:6]
        noun = len(row) > 6 and row[6] == "noun"
        for form, word in (("ing", ing), ("pp", pp), ("past", past), ("s", s), ("base", lemma)):
            out.setdefault(word, Verb(lemma, form, frame, noun))
    return out


#: Reporting verbs whose subject is nearly always a person (an organisation "reported" or "announced"
#: as often as a person does, so those are no evidence of a person).
_PERSON_SAY_LEMMAS = frozenset("say tell add state explain note warn stress announce".split())


@functools.cache
def said_forms() -> frozenset[str]:
    """Finite forms of person-reporting verbs that follow or precede a speaker's name ("said", "told")."""
    return frozenset(
        w for w, v in speech_verbs().items() if v.lemma in _PERSON_SAY_LEMMAS and v.form in ("base", "past", "pp", "s")
    )


@functools.cache
def speaker_nouns() -> dict[str, tuple[str, str]]:
    """Head noun of a speaking noun phrase → (class, number); class in document/org/person/group."""
    return {row[0]: (row[1], row[2]) for row in read_lexicon("speaker_nouns.tsv")}


@functools.cache
def person_nouns() -> frozenset[str]:
    """Role nouns that stand for a person ("spokesman", "minister", "analyst")."""
    return frozenset(w for w, (cls, _) in speaker_nouns().items() if cls == "person")


@functools.cache
def gendered_names() -> tuple[frozenset[str], frozenset[str]]:
    """Given names that are only male, and only female, in NLTK's ``names`` corpus."""
    from nltk.corpus import names

    from analysis.resources import first_names

    first_names()  # locates the corpus (raises a helpful error when missing)
    male, female = set(names.words("male.txt")), set(names.words("female.txt"))
    return frozenset(male - female), frozenset(female - male)


#: Third-person pronouns that refer to a person, with their gender.
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
