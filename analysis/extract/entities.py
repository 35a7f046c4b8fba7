"""Entity mentions, actors and their co-occurrence.

Mentions are found from the text's own evidence, in one left-to-right pass per sentence:

1. *lexicon* matches (longest first): countries with their aliases and demonyms, places,
   organisations with their acronyms, named events (``analysis/data/*.tsv`` plus NLTK's
   ``gazetteers`` corpus);
2. *titles* ("Prime Minister", "Mr.") which split a capitalised run into the modifier before them
   and the name after them ("German | Chancellor | Olaf Scholz");
3. *name runs*: capitalised tokens (proper nouns for the tagger, or any capitalised word after the
   first of a sentence), joined by particles ("van", "de") and by "of" after a word such as "Bank";
4. *nominals* ("the alliance") that the lexicon ties to an organisation the article names;
5. third-person *pronouns* (he, him, his, she, her) resolved to the person last named.

Each run is typed by its cue words (``name_cues.tsv``: "Bank" → org, "Strait" → place, "Cup" →
event; "the city of X", "the capital X" → place), the context (a title or role noun before it,
"said" after it or before it, an age after it, ", Country" after it, a score or "beat" next to it
for a team, "( Country )" after it in a results line), WordNet's named instances ("Grozny" → place,
capitalised classes such as "Kurdish" → other), first names (NLTK ``names``), and by what the same
article says elsewhere (a surname that ends a person's full name is that person; a city that plays
as a team is that team everywhere).  The typing rules of a run are declared, in the order they
are tried, in ``RUN_TYPING_RULES`` (one small ``_rule_*`` function each, named in the ``rule``
column).  An ordinary word (a WordNet lower-case lemma) that opens a
sentence, or stands in an all-capital headline, is no name without other evidence; a dateline's
dash ("WASHINGTON (Reuters) - Police said") starts the sentence again.
Mentions of one thing share one canonical ``actor``: full name ↔ surname, acronym ↔ expansion,
alias ↔ name, demonym ↔ country.  Titles-case headings and all-capital headlines only yield names
the lexicon or the rest of the article confirm.  Each row's ``how`` says which kind of mention it is
and ``rule`` which piece of evidence typed it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from analysis.frames import frame
from analysis.nlp import coref, lexicons
from analysis.nlp.identity import ACTOR_COLUMNS, unify_ids
from analysis.nlp.names import PARTICLES as _PARTICLES
from analysis.nlp.names import initials as _initials
from analysis.nlp.tokens import plain_punctuation, tokenize_spans
from analysis.resources import first_names, gazetteer, nltk_stopwords, read_lexicon, wordnet_lemmatizer

__all__ = ["ACTOR_COLUMNS", "ENTITY_COLUMNS", "build_actors", "cooccurrence", "extract_entities"]

ENTITY_COLUMNS = ["mention_id", "sentence_id", "start", "end", "text", "actor_id", "actor", "actor_type", "how", "rule"]
COOCCURRENCE_COLUMNS = ["actor_a", "actor_b", "sentences", "first_sentence", "last_sentence"]

_MONTHS_DAYS = lexicons.months_days()
_PRONOUNS = lexicons.PERSON_PRONOUNS
_OPEN_PUNCT = frozenset("“‘\"'(«[-—:")


@dataclass(frozen=True)
class Entry:
    """A lexicon entry: canonical name, type, and what kind of mention the matched form is."""

    actor: str
    actor_type: str
    how: str


def _key(s: str) -> tuple[str, ...]:
    return tuple(plain_punctuation(s[a:b]) for a, b in tokenize_spans(s))


@dataclass
class _Lexicon:
    exact: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    folded: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    titles: set[tuple[str, ...]] = field(default_factory=set)
    nominals: dict[str, list[str]] = field(default_factory=dict)
    cues: dict[tuple[str, str], str] = field(default_factory=dict)
    #: US postal codes → state ("PA" → "Pennsylvania"): read only after a city or in a party tag.
    state_codes: dict[str, str] = field(default_factory=dict)
    maxlen: int = 1
    #: first word → longest key starting with it (exact and case-folded), for a fast first test.
    first: dict[str, int] = field(default_factory=dict)
    ffirst: dict[str, int] = field(default_factory=dict)

    def add(self, form: str, entry: Entry, *, override: bool = False) -> None:
        k = _key(form)
        if not k:
            return
        if override or k not in self.exact:
            self.exact[k] = entry
        self.first[k[0]] = max(self.first.get(k[0], 0), len(k))
        fk = tuple(w.lower() for w in k)
        # Folded (case-blind) matching is for headlines; short all-capital acronyms ("US", "IT")
        # would match ordinary words there, so they stay case-sensitive.
        if not (len(k) == 1 and len(form) <= 3 and form.isupper()) and (override or fk not in self.folded):
            self.folded[fk] = entry
            self.ffirst[fk[0]] = max(self.ffirst.get(fk[0], 0), len(k))
        self.maxlen = max(self.maxlen, len(k))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()] if cell else []


@functools.cache
def lexicon() -> _Lexicon:
    """Return the merged gazetteer (data files and NLTK's gazetteers), built once per process."""
    lex = _Lexicon()
    # Weakest first; later files override on conflict.
    for fileid, typ in (
        ("uscities.txt", "place"),
        ("usstates.txt", "place"),
        ("caprovinces.txt", "place"),
        ("mexstates.txt", "place"),
        ("countries.txt", "country"),
    ):
        for name in gazetteer(fileid):
            lex.add(name, Entry(name, typ, "name"))
    for name in gazetteer("nationalities.txt"):
        lex.add(name, Entry(name, "other", "demonym"))
    for name, *rest in read_lexicon("events.tsv"):
        lex.add(name, Entry(name, "event", "name"), override=True)
        for a in _split(rest[0] if rest else ""):
            lex.add(a, Entry(name, "event", "alias"), override=True)
    for fname, typ in (("places.tsv", "place"), ("countries.tsv", "country")):
        for name, *rest in read_lexicon(fname):
            rest = [*rest, "", ""]
            lex.add(name, Entry(name, typ, "name"), override=True)
            for a in _split(rest[0]):
                lex.add(a, Entry(name, typ, "alias"), override=True)
            for d in _split(rest[1]):
                lex.add(d, Entry(name, typ, "demonym"), override=True)
    for name, ap, code in (((*r, "", "")[:3]) for r in read_lexicon("us_states.tsv")):
        lex.add(name, Entry(name, "place", "name"))  # "New York", "Washington" stay the cities
        if ap:
            lex.add(ap, Entry(name, "place", "alias"), override=True)
        lex.state_codes[code] = name
    for name, *rest in read_lexicon("organisations.tsv"):
        rest = [*rest, "", ""]
        lex.add(name, Entry(name, "org", "name"), override=True)
        for a in _split(rest[0]):
            lex.add(a, Entry(name, "org", "alias"), override=True)
        for n in _split(rest[1]):
            lex.nominals.setdefault(n.lower(), []).append(name)
    lex.titles.update(tuple(plain_punctuation(w) for w in t) for t in lexicons.titles())
    for word, typ, pos in read_lexicon("name_cues.tsv"):
        lex.cues[word, pos] = typ
    return lex


@functools.cache
def _stop() -> frozenset[str]:
    return nltk_stopwords() | frozenset(_PRONOUNS)


#: WordNet lexicographer files → actor type for a named instance ("Grozny" is an instance of city).
_WN_INSTANCE = {"noun.location": "place", "noun.person": "person", "noun.group": "org", "noun.event": "event"}


@dataclass(frozen=True)
class _WordNetNames:
    """What WordNet knows about capitalised words: named instances and capitalised classes."""

    types: dict[tuple[str, ...], str]  # name → actor type ("other" for classes: "Arab", "Kurdish")
    common: frozenset[str]  # lower-case lemmas of ordinary words ("fruit", "gold", "police")


@functools.cache
def wordnet_names() -> _WordNetNames:
    """Return WordNet's capitalised lemmas with a type, and its lower-case lemmas, read once per process.

    A capitalised lemma of an *instance* synset is a named thing typed by its lexicographer file
    (``noun.location`` → place, ``noun.person`` → person, ``noun.group`` → org, ``noun.event`` → event;
    the majority over its senses, a tie going to place).  A capitalised lemma of a *class* synset or
    of an adjective ("Arab", "Chechen", "Kurdish", "Kalashnikov") is typed ``other`` (a demonym,
    language or product), or ``org`` for a body (``noun.group``: "Senate"), unless it also names an
    instance.

    Examples
    --------
    >>> wn = wordnet_names()
    >>> wn.types[("Grozny",)], wn.types[("Kurdish",)], "fruit" in wn.common
    ('place', 'other', True)
    """
    from analysis.resources import derived_json

    files = ["corpora/wordnet/lexnames", *(f"corpora/wordnet/data.{pos}" for pos in ("noun", "adj", "verb", "adv"))]
    data = derived_json("wordnet_names", files, _read_wordnet_names)  # read once, then from a JSON cache
    types = {tuple(name.split("_")): kind for name, kind in data["types"].items()}
    return _WordNetNames(types, frozenset(data["common"]))


def _read_wordnet_names() -> dict:
    """Read :func:`wordnet_names` from WordNet's data files as JSON data: ``{"types": {name: type},
    "common": [lemma, ...]}``, the words of a multi-word name joined by ``_`` as in WordNet."""
    import nltk

    lexnames = [
        line.split()[1] for line in nltk.data.find("corpora/wordnet/lexnames").open().read().decode().splitlines()
    ]
    inst: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    cls: dict[tuple[str, ...], str] = {}
    common: set[str] = set()
    for pos in ("noun", "adj", "verb", "adv"):
        with nltk.data.find(f"corpora/wordnet/data.{pos}").open() as fh:
            for line in fh:
                if line[:1] == b" ":
                    continue
                parts = line.split(b" ")
                n = int(parts[3], 16)
                forms = [w.decode().split("(")[0] for w in parts[4 : 4 + 2 * n : 2]]
                is_inst = pos == "noun" and b" @i " in line
                lexname = lexnames[int(parts[1])]
                for f in forms:
                    if f[:1].islower():
                        if "_" not in f:
                            common.add(f)
                        continue
                    if not f[:1].isupper():
                        continue
                    k = tuple(f.split("_"))
                    if is_inst:
                        inst[k][_WN_INSTANCE.get(lexname, "other")] += 1
                    elif pos in ("noun", "adj") and cls.get(k) != "org":
                        cls[k] = "org" if lexname == "noun.group" else "other"
    types: dict[tuple[str, ...], str] = dict(cls)
    rank = {"place": 3, "org": 2, "person": 1}
    for k, c in inst.items():
        types[k] = max(c.items(), key=lambda kv: (kv[1], rank.get(kv[0], 0)))[0]
    return {"types": {"_".join(k): kind for k, kind in types.items()}, "common": sorted(common)}


def _common_word(low: str) -> bool:
    """True when WordNet has ``low`` (or its singular) as an ordinary lower-case word."""
    common = wordnet_names().common
    if low in common:
        return True
    if low.endswith("ies") and low[:-3] + "y" in common:
        return True
    return low.endswith("s") and (low[:-1] in common or (low.endswith("es") and low[:-2] in common))


def _is_cap(w: str) -> bool:
    # an initial capital letter settles it; any() is for an initial upper-case symbol ("Ⓐ")
    return bool(w) and w[0].isupper() and (w[0].isalpha() or any(c.isalpha() for c in w))


def _is_allcaps(w: str) -> bool:
    if w.isascii() and w.isalpha():  # ASCII letters are all cased: isupper() is the same test, faster
        return len(w) >= 2 and w.isupper()
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class _Mention:
    sid: int
    i: int  # token index range [i, j) within the sentence
    j: int
    start: int
    end: int
    words: tuple[str, ...]
    actor: str = ""
    actor_type: str = "other"
    how: str = "name"
    rule: str = ""
    strong: bool = False  # typed by lexicon/cue/context rather than by a default
    key: str = ""  # the surface text
    title: str = ""  # title words before the name or in an apposition after it ("Secretary General")
    quoted: bool = False  # inside quote marks


#: A headline has at least this many content words (not stop words) ...
HEADLINE_MIN_CONTENT = 3
#: ... and at least this share of them capitalised (or, for a line with numbers, all-capital).
HEADLINE_CAPS_SHARE = 0.8
#: Title case capitalises every word this long; a lower-case one means prose.
HEADLINE_LONG_WORD = 5
#: A line with this many numbers is a results or table line, unless it is all capitals.
HEADLINE_MAX_NUMBERS = 2


def _headline(words: list[str]) -> bool:
    """Title-case or all-capital text, where capitals say nothing about names."""
    stop = _stop()
    content = [w for w in words if w[:1].isalpha() and w.lower() not in stop]
    if len(content) < HEADLINE_MIN_CONTENT:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    if caps < HEADLINE_CAPS_SHARE * len(content):
        return False
    if any(w[0].islower() and len(w) >= HEADLINE_LONG_WORD for w in content):
        return False  # title case capitalises every long word: "... speaking from the Press Center" is prose
    # A results or table line ("Somerset 83 and 174 ( P. Johnson 4-38 )") is not a headline: its
    # capitals are names.  All-capital headlines keep their numbers ("CANADA BEAT PANAMA 3-1").
    numbers = sum(1 for w in words if w[:1].isdigit())
    return numbers < HEADLINE_MAX_NUMBERS or sum(1 for w in content if _is_allcaps(w)) >= HEADLINE_CAPS_SHARE * len(content)


#: Outside a headline, a one-word case-folded lexicon match needs a word longer than this.
_SHORT_FOLDED = 3


def _lex_match(words: list[str], i: int, lex: _Lexicon, folded: bool) -> tuple[int, Entry] | None:
    """The longest lexicon entry starting at word ``i``: (end, entry), or None.  Case-folded entries
    match in a headline (``folded``) or for words written in capitals."""
    head = words[i][:1]  # plain_punctuation changes punctuation only: test the capital before it
    if not head.isupper() and not head.isdigit():
        return None
    w = plain_punctuation(words[i])
    longest = lex.first.get(w, 0)
    flong = lex.ffirst.get(w.lower(), 0) if (folded or _is_allcaps(w)) else 0
    if not longest and not flong:
        return None
    n = len(words)
    for ln in range(min(max(longest, flong), n - i), 0, -1):
        k = (w, *(plain_punctuation(x) for x in words[i + 1 : i + ln]))
        e = lex.exact.get(k) if ln <= longest else None
        if e is None and ln <= flong and (folded or all(_is_allcaps(x) for x in k)):
            e = lex.folded.get(tuple(x.lower() for x in k))
            if e is not None and ln == 1 and len(k[0]) <= _SHORT_FOLDED and not folded:
                e = None  # outside a headline a short word in capitals (an acronym) matches only exactly
        if e is not None:
            return i + ln, e
    return None


#: The longest title in words ("Deputy Prime Minister").
_TITLE_MAX_WORDS = 3


def _title_match(words: list[str], i: int, lex: _Lexicon) -> int:
    """The end of the longest title starting at word ``i``, or 0."""
    if not words[i][:1].isupper():
        return 0
    plain = [plain_punctuation(w) for w in words[i : i + _TITLE_MAX_WORDS]]
    for ln in range(_TITLE_MAX_WORDS, 0, -1):
        if i + ln > len(words):
            continue
        k = tuple(plain[:ln])
        if k in lex.titles or (all(_is_allcaps(w) or w == "." for w in k) and tuple(w.title() for w in k) in lex.titles):
            return _rank_class(words, i + ln)  # also in a transcript's capitals: "SEC. LEE:"
    return 0


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _rank_class(words: list[str], e: int) -> int:
    """A rank's class belongs to the title ("Sgt. 1st Class", "Petty Officer 2nd Class")."""
    if e + 1 < len(words) and words[e + 1] == "Class" and _ORDINAL.fullmatch(words[e]):
        return e + 2
    return e


#: A portfolio after a title ("of the Interior") is at most this many capitalised words.
_PORTFOLIO_MAX_WORDS = 4


def _portfolio(words: list[str], t: int, name_tok) -> int:
    """After a title, "of Energy" / "of the Interior" up to the name that follows (else ``t``)."""
    n = len(words)
    if t >= n or words[t].lower() != "of":  # "of Energy", "OF DEFENSE" in a transcript's capitals
        return t
    fn = first_names()
    j = t + 1 + (t + 1 < n and words[t + 1].lower() == "the")
    k = j
    # A portfolio is ordinary words ("of Finance", "of Foreign Affairs"); the name after it is not.
    while k < n and _is_cap(words[k]) and words[k] not in fn and _common_word(words[k].lower()) and k - j < _PORTFOLIO_MAX_WORDS:
        k += 1
    return k if j < k < n and name_tok(k) else t


@functools.cache
def _zipf(word: str) -> float:
    """Return how common ``word`` is in general English (wordfreq's Zipf scale, 0 = unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


#: A capitalised word this common (Zipf) opening a sentence is an ordinary word unless other
#: evidence says otherwise ("Police said", "Women's ...").
COMMON_INITIAL = 4.8
#: In a headline only rarer words are taken for names without other evidence.
COMMON_HEADLINE = 4.0
COMMON_ALLCAPS = 3.5


class _Sentence:
    """One sentence's words and the evidence :func:`_segment` uses to tell names from ordinary words.

    ``midcaps`` are capitalised words the article shows away from a sentence start, ``known`` their
    lower-case forms, ``alone`` those seen on their own (not inside a longer name).
    """

    def __init__(self, words, tags, midcaps, lex, known, alone=frozenset()):
        self.words, self.tags, self.n = words, tags, len(words)
        self.midcaps, self.lex, self.known, self.alone = midcaps, lex, known, alone
        self.headline = _headline(words)
        self.stop, self.fn, self.wn = _stop(), first_names(), wordnet_names()
        self.first = self._first_word()

    def _first_word(self) -> int:
        """Index of the first word (after opening punctuation): its capital is the sentence's, not a name's."""
        words, n = self.words, self.n
        first = next((k for k, w in enumerate(words) if w[:1].isalnum()), n)
        # "ITALY - Bond futures rose": after a capital-letter label and a dash, the story's sentence starts.
        if first == 0 and _is_allcaps(words[0]):
            j = _allcaps_end(words)
            if j + 1 < n and words[j] in _DATELINE_DASHES:
                first = j + 1
        return first

    def cap_next(self, k: int) -> bool:
        return k + 1 < self.n and _is_cap(self.words[k + 1])

    def initial(self, k: int) -> bool:
        """"G. Kersey": a capital letter and its period, before a name."""
        words = self.words
        return (
            len(words[k]) == 1
            and words[k].isupper()
            and k + 2 < self.n
            and words[k + 1] == "."
            and _is_cap(words[k + 2])
            and len(words[k + 2]) > 1
        )

    def after_date_dash(self, k: int) -> bool:
        """"4 May 2019 - As heavy rain fell ...": the sentence starts again after a date and a dash."""
        words = self.words
        return 2 <= k <= _DATE_DASH_MAX and words[k - 1] in _DATELINE_DASHES and any(w[:1].isdigit() for w in words[: k - 1])

    def starts_sentence(self, k: int) -> bool:
        """The word's capital may be the sentence's: first word, after opening punctuation or a date's dash."""
        words = self.words
        return k == self.first or (k > 0 and words[k - 1] in _OPEN_PUNCT and words[k - 1] not in "-—") or self.after_date_dash(k)

    def name_tok(self, k: int) -> bool:
        """Whether word ``k`` can be part of a name."""
        w = self.words[k]
        if _particle_name(w):
            return k > 0 and _is_cap(self.words[k - 1])  # "Karim al-Rashid": a particle joined to a surname
        if not _is_cap(w) or w in _MONTHS_DAYS or w == "I" or "_" in w:
            return False
        if len(w) == 1:
            return self.initial(k)
        low = w.lower()
        if low in self.stop and _is_allcaps(w):
            return False  # "ATLANTA AT CHICAGO"
        if self.headline:
            return self._headline_name(k, w, low)
        if self.starts_sentence(k):
            return self._initial_name(k, w, low)
        return True

    def _headline_name(self, k: int, w: str, low: str) -> bool:
        """In a headline capitals say nothing: a word is a name on other evidence or by rarity."""
        if low in self.stop:
            return False
        if low in self.known or w in self.fn:
            return True
        if _is_allcaps(w):
            if w.title() in _MONTHS_DAYS or (_common_word(low) and (w.title(),) not in self.wn.types):
                return False  # "WORLD CUP QUALIFIER", "FRIDAY"
            return _zipf(low) < COMMON_ALLCAPS
        if _common_word(low) and (w,) not in self.wn.types and not (k > 0 and self.words[k - 1] in self.fn):
            return False  # "Lab Honoured as Top Team": ordinary words the headline capitalises
        return self.tags[k] in ("NNP", "NNPS") and _zipf(low) < COMMON_HEADLINE

    def _initial_name(self, k: int, w: str, low: str) -> bool:
        """A word whose capital may be the sentence's: a name only on evidence."""
        if low in self.stop:
            return False
        nxt_low = k + 1 < self.n and self.words[k + 1][:1].islower()
        if (w in self.fn and not (nxt_low and _zipf(low) >= COMMON_INITIAL)) or (
            k + 1 < self.n and _particle_name(self.words[k + 1])
        ):
            return True
        if w in self.midcaps and (w in self.alone or not _common_word(low) or self.cap_next(k)):
            return True  # "Park rangers said": an ordinary word seen only inside longer names is no name here
        if k + 1 < self.n and self.words[k + 1] == "and" and _joins_body_name(self, k, k + 1):
            return True  # "Harbor and Rail Committee ..." opening the sentence
        if self.tags[k] not in ("NNP", "NNPS"):
            return False
        if _common_word(low) and (w,) not in self.wn.types and not self.cap_next(k):
            return False  # "Gold closed higher": an ordinary word that only the sentence capitalises
        return _zipf(low) < COMMON_INITIAL or self.cap_next(k)

    def stops_run(self, j: int) -> bool:
        """A lexicon name or a title starting at ``j`` ends the run before it."""
        return bool(_lex_match(self.words, j, self.lex, self.headline) or _title_match(self.words, j, self.lex))


def _allcaps_end(words: list[str]) -> int:
    """End of the all-capital words opening ``words`` (``words[0]`` is all-capital)."""
    j = 1
    while j < len(words) and _is_allcaps(words[j]):
        j += 1
    return j


def _dateline(s: _Sentence, segs: list[list]) -> int:
    """Append a dateline's segments to ``segs``; return the index where the sentence proper starts.

    A capital-letter place name opening the line, then optionally ", Region", then a date or
    "(Agency)": "KHASAVYURT , Russia 1996-08-30", "WASHINGTON (Reuters) - Police said".
    Also moves ``s.first`` to the story's first word.
    """
    words, n = s.words, s.n
    if not (n >= 2 and s.first == 0 and _is_allcaps(words[0])):
        return 0
    j = _allcaps_end(words)
    k = j
    if k < n and words[k] == ",":
        k += 1
        while k < n and k <= j + _DATELINE_REGION_WORDS and _is_cap(words[k]):
            k += 1
    agency = k + 2 < n and words[k] == "(" and _is_cap(words[k + 1]) and words[k + 2] == ")"
    dash = k + 1 < n and words[k] in _DATELINE_DASHES  # "ALBANY, N.Y. – The governor said"
    if not (agency or dash or (k < n and _is_date(words[k]) and n <= k + _DATELINE_DATE_TAIL)):
        return 0
    m = _lex_match(words, 0, s.lex, True)
    if m and m[0] != j:
        return 0
    segs.append([0, j, "dateline", m[1] if m else None])
    i = j
    if k > j + 1 and not _lex_match(words, j + 1, s.lex, True):
        segs.append([j + 1, k, "dateline", None])  # the region after the city is a place
        i = k
    if agency and k + 3 < n and words[k + 3] in _DATELINE_DASHES:
        s.first = k + 4  # the story's first word follows the dash: its capital is the sentence's
    elif dash:
        s.first = k + 1
    return i


def _run_end(s: _Sentence, i: int) -> int:
    """End of the capitalised name run starting at ``i`` (joined by particles, "&", "of" after a cue word)."""
    words, n, lex = s.words, s.n, s.lex
    j = i + 1
    while j < n:
        if _qualifier(words[j - 1]):
            break  # "Bergamo-based | Atalanta": the compound qualifies the name after it
        if words[j] == "." and s.initial(j - 1):
            j += 2  # the initial's period and the capitalised word it belongs to ("P. Johnson")
            continue
        if s.stops_run(j):
            break
        if s.name_tok(j):
            j += 1
            continue
        nxt = j + 1 < n and s.name_tok(j + 1)
        if nxt and (words[j] in _PARTICLES or words[j] in ("&", "/")):
            j += 1
            continue
        if words[j] in _PARTICLES and j + 2 < n and words[j + 1] in _PARTICLES and s.name_tok(j + 2):
            j += 2  # two particles: "Ursel von der Lanz", "Ana de la Cruz"
            continue
        if nxt and words[j] in ("of", "for") and _cue_type(words[i:j], lex):
            j += 1
            continue
        if nxt and words[j] == "and" and _joins_body_name(s, i, j):
            j += 1  # "Harbor and Rail Committee", "Department of Health and Human Services"
            continue
        break
    return j - 1 if words[j - 1] == "." else j


def _role_word(w: str) -> bool:
    """A capitalised role noun ("Analyst", "Co-author"): a person noun, also after a hyphenated prefix."""
    low = w.lower()
    nouns = lexicons.person_nouns()
    return low in nouns or ("-" in low and low.rsplit("-", 1)[1] in nouns)


_NOT_NAME_OPENERS = frozenset("today yesterday tomorrow tonight meanwhile later earlier also".split())


def _opening_word_joins(s: _Sentence, i: int, seg: list) -> bool:
    """Whether the sentence's first word, an ordinary capitalised word, opens the one-word name after
    it ("Garden Weekly", "Harbour News"): both ordinary words, the first no person noun or adverb."""
    if i != s.first + 1 or seg[2] != "run" or seg[1] - seg[0] != 1:
        return False
    w, low = s.words[i - 1], s.words[i - 1].lower()
    return (
        _is_cap(w)
        and not _is_allcaps(w)
        and low not in s.stop
        and low not in _NOT_NAME_OPENERS
        and low not in lexicons.person_nouns()
        and w not in _MONTHS_DAYS
        and not _lex_match(s.words, i - 1, s.lex, s.headline)
        and not _title_match(s.words, i - 1, s.lex)
        and _common_word(low)
        and _common_word(s.words[i].lower())
        and s.tags[i - 1].startswith("NN")
    )


def _joins_body_name(s: _Sentence, i: int, j: int) -> bool:
    """Whether "and" at ``j`` joins two parts of one body's name: ordinary words on one side and an
    organisation cue word on the other ("Food and Drug Administration", "Department of Health and
    Human Services"); two names ("Japan and Toyota") stay apart."""
    k = j + 1
    while k < s.n and s.name_tok(k) and not s.stops_run(k):
        k += 1
    before, after = s.words[i:j], s.words[j + 1 : k]
    if not after:
        return False

    def ordinary(ws):
        return all(_common_word(w.lower()) for w in ws if w not in ("of", "for", "the"))

    def body(ws):  # a name of two words or more with an organisation cue word ("Drug Administration")
        return len(ws) >= 2 and _cue_type(ws, s.lex) == "org"

    return (body(after) and ordinary(before)) or (body(before) and ordinary(after))


def _run_segment(s: _Sentence, i: int) -> list:
    """The segment for the name run starting at ``i``: a run, or a title when it is a portfolio."""
    words, n = s.words, s.n
    j = _run_end(s, i)
    t = _title_match(words, j, s.lex) if j < n else 0
    if t and all(_common_word(w.lower()) for w in words[i:j]) and not (j - i > 1 and _cue_type(words[i:j], s.lex)):
        # "Energy Minister", "Fisheries Secretary": a portfolio is part of the title, not a name
        # (but "Armed Services Committee Chairman": a body's name before a title is a name)
        return [i, t, "title", None]
    if j < n and words[j].isdigit() and len(words[j]) <= _UNIT_NUMBER_DIGITS and _cue_type(words[i:j], s.lex):
        j += 1  # "District 9", "Terminal 2": a numbered unit
    return [i, j, "run", None]


def _segment(
    words: list[str], tags: list[str], midcaps: set[str], lex: _Lexicon, known: set[str], alone: frozenset[str] = frozenset()
):
    """Return [i, j, kind, entry] segments of one sentence: kind in lex, title, run, nominal, dateline."""
    s = _Sentence(words, tags, midcaps, lex, known, alone)
    n = s.n
    segs: list[list] = []
    i = _dateline(s, segs)
    while i < n:
        w = words[i]
        m = _lex_match(words, i, lex, s.headline)
        if m:
            segs.append([i, m[0], "lex", m[1]])
            i = m[0]
            continue
        t = _title_match(words, i, lex)
        t = _portfolio(words, t, s.name_tok) if t else t
        if t and _is_cap(w) and (t < n and s.name_tok(t) or (i > 0 and segs and segs[-1][1] == i)):
            segs.append([i, t, "title", None])
            i = t
            continue
        if not t and s.name_tok(i) and i + 1 < n and _role_word(w) and s.name_tok(i + 1):
            segs.append([i, i + 1, "title", None])  # "Co-author Ann Lee", "Analyst Tom Roe": a role, then the name
            i += 1
            continue
        if s.name_tok(i):
            segs.append(_run_segment(s, i))
            if _opening_word_joins(s, i, segs[-1]):
                segs[-1][0] = i - 1  # "Garden Weekly named ...": the sentence's first word opens the name
            i = segs[-1][1]
            continue
        if w.lower() in lex.nominals and i > 0 and words[i - 1].lower() == "the":
            segs.append([i, i + 1, "nominal", None])
        i += 1
    return segs


_DATELINE_DASHES = frozenset(["-", "--", "–", "—", ":"])
_DATE_TOKEN = re.compile(r"^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$")
#: A date and its dash open a sentence within this many tokens ("4 May 2019 - As ...").
_DATE_DASH_MAX = 8
#: A dateline's region after the comma ("MAPLETON, Vt.") is at most this many capitalised words.
_DATELINE_REGION_WORDS = 4
#: A dateline's date ends the line within this many tokens ("MAPLETON, Vermont 2001-05-04").
_DATELINE_DATE_TAIL = 6
#: A number of at most this many digits after a cue word is part of the name ("Terminal 2").
_UNIT_NUMBER_DIGITS = 3


def _is_date(w: str) -> bool:
    """A numeric date ("1996-08-30", "30/8") or a month name, as after a dateline's place."""
    return bool(_DATE_TOKEN.match(w)) or w in _MONTHS_DAYS


#: Endings of the lower-case part of a qualifying compound ("Bergamo-based", "Amman-bound", "Soviet-era").
_QUALIFIER_ENDS = ("ed", "born", "bound", "run", "made", "style", "era", "like", "wide", "free", "speaking", "owned")


def _particle_name(w: str) -> bool:
    """A surname with a lower-case particle joined by a hyphen: "al-Rashid", "bin-Salman", "el-Sisi"."""
    head, _, rest = w.partition("-")
    return head in _PARTICLES and rest[:1].isupper()


def _qualifier(w: str) -> bool:
    """A hyphen compound with a lower-case qualifying part: "Bergamo-based", "Communist-led", "Amman-bound".

    A hyphenated given name ("Min-soo", "Ji-hoon") is no qualifier.
    """
    parts = re.split("[-–]", w)
    return len(parts) > 1 and any(p[:1].islower() and p.endswith(_QUALIFIER_ENDS) for p in parts[1:])


def _cue_type(words: list[str] | tuple[str, ...], lex: _Lexicon) -> str | None:
    if not words:
        return None
    last = plain_punctuation(words[-1])
    for key in ((last, "head"), (last, "any"), (" ".join(words[-2:]), "head")):
        if key in lex.cues:
            return lex.cues[key]
    first = plain_punctuation(words[0])
    for key in ((first, "first"), (first, "any")):
        if key in lex.cues:
            return lex.cues[key]
    for w in words[1:-1]:
        if (w, "any") in lex.cues:
            return lex.cues[w, "any"]
    return None


_DIRECTIONS = frozenset("North South East West Northern Southern Eastern Western Central Greater".split())


def _merge(segs: list[list], words: list[str], lex: _Lexicon) -> list[list]:
    """Join adjacent segments that name one thing.

    A country or place name followed by a capitalised run ("Japan Airlines", "Tokyo Stock
    Exchange"), a run followed by a place ("Real Madrid"), a run before a run, a directional word
    before a lexicon name ("West Indian"), and a demonym before an organisation or event ("Chinese
    Foreign Ministry") become one run, typed afresh; a run starting with a given name stays apart.
    """
    fn = first_names()
    out: list[list] = []
    for seg in segs:
        if out and out[-1][1] == seg[0] and seg[2] in ("run", "lex") and out[-1][2] in ("run", "lex"):
            p = out[-1]
            pe, se = p[3], seg[3]
            place = ("country", "place")
            if p[2] == "run" and seg[2] == "lex" and p[1] - p[0] == 1 and words[p[0]] in _DIRECTIONS:
                name = " ".join(words[p[0] : seg[1]])
                out[-1] = [p[0], seg[1], "lex", Entry(name, se.actor_type, se.how)]
                continue
            joined = False
            if p[2] == "lex" and seg[2] == "run":
                if pe.how in ("name", "alias") and pe.actor_type in place and words[seg[0]] not in fn:
                    joined = True
                elif pe.how == "demonym" and _cue_type(words[p[0] : seg[1]], lex) in ("org", "event"):
                    joined = True
            elif p[2] == "lex" and seg[2] == "lex" and pe.actor_type == "org" and se.actor_type == "event":
                # "UEFA Europa League": an organiser's name before its event is the event's full name
                out[-1] = [p[0], seg[1], "lex", Entry(se.actor, "event", "name")]
                continue
            elif p[2] == "lex" and seg[2] == "lex" and pe.how == "demonym" and se.actor_type == "org":
                # "Scottish Labour Party", "North Korean Red Cross": a national branch is one body;
                # so is a demonym before a plural party name ("Swedish Liberals").
                joined = _cue_type(words[p[0] : seg[1]], lex) == "org" and seg[1] - seg[0] >= 2
                joined = joined or (seg[1] - seg[0] == 1 and words[seg[0]].endswith("s") and words[seg[0]][1:].islower())
            elif p[2] == "run" and seg[2] == "lex":
                if se.how in ("name", "alias") and se.actor_type in place and words[p[0]] not in fn:
                    joined = True
                elif p[1] - p[0] == 1 and words[p[0]] in fn and seg[1] - seg[0] == 1 and se.how == "name":
                    joined = True  # a given name and a one-word place: a surname ("Michael Johnson")
                elif se.how in ("name", "alias") and _cue_type(words[p[0] : seg[1]], lex):
                    joined = True
            elif p[2] == "run" and seg[2] == "run":
                joined = not _qualifier(words[p[1] - 1])
            if joined:
                out[-1] = [p[0], seg[1], "run", "joined"]
                continue
        out.append(seg)
    return out


_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,6}$")


_PLACE_PREPS = frozenset("in at from near outside inside across into via".split())


def _is_score(after: list[str] | tuple[str, ...]) -> bool:
    """A whole number right after a name, as in a results line or table ("Chicago 4 Houston 3")."""
    w = after[0] if after else ""
    return w.isdigit() and not (len(w) == 4 and w[:2] in ("19", "20"))


#: Words between two sides of a match ("Surrey beat Kent", "Hampshire v Essex").
_TEAM_VERBS = frozenset("beat beats v vs vs. defeated drew".split())


def _team_context(words: list[str], i: int, j: int) -> bool:
    """A name [i, j) followed by a score, next to "beat" / "v", or in a fixture line: a side in a match."""
    if (j < len(words) and words[j] == "AT" and i == 0) or (i > 0 and words[i - 1] == "AT" and j == len(words)):
        return all(_is_allcaps(w) for w in words)  # a fixture list: "KANSAS CITY AT DETROIT"
    return (
        _is_score(words[j : j + 1])
        or (j < len(words) and words[j] in _TEAM_VERBS)
        or (i > 0 and words[i - 1] in _TEAM_VERBS)
    )


def _place_after_comma(rest: list[str] | tuple[str, ...]) -> bool:
    """``rest`` opens with a country or a state/province name that ends the phrase ("Scotland .")."""
    m = _lex_match(list(rest), 0, lexicon(), False)
    if not m or m[1].actor_type not in ("country", "place") or m[1].how == "demonym":
        return False
    k = m[0]
    return k >= len(rest) or not _is_cap(rest[k])


#: Courtesy titles right before a run: the run is a person ("Mr. Lee").
_COURTESY = frozenset(("Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Dr"))
#: A word at least this common (Zipf) is an ordinary English word, not a given name or surname.
COMMON_WORD_ZIPF = 3.5
#: Ages (years) that a number between commas after a name may be ("Duran , 45 , takes on ...").
_AGE_RANGE = range(15, 111)
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
#: A family name before a hyphenated given name is short ("Kang", "Park", "Zhang").
_SHORT_FAMILY_NAME = 5
#: Tokens that may follow a name that "said" introduced ("..., said Parnevik .").
_AFTER_SAID = frozenset((".", ",", "", "'s", "’s"))


@dataclass
class _Run:
    """A capitalised run and its context: what the typing rules look at."""

    words: tuple[str, ...]
    tags: list[str]
    before: list[str]  # up to three words before the run
    after: list[str]  # up to five words after the run
    lex: _Lexicon
    joined: bool = False  # built by joining adjacent segments (see :func:`_merge`)

    @property
    def w0(self) -> str:
        return self.words[0]

    @property
    def prev(self) -> str:
        return self.before[-1] if self.before else ""

    @property
    def nxt(self) -> str:
        return self.after[0] if self.after else ""

    @property
    def multi(self) -> bool:
        return len(self.words) >= 2

    @functools.cached_property
    def wordnet(self) -> str | None:
        """WordNet's type for the run (or its title-case form when in capitals, or its singular)."""
        wn = wordnet_names().types
        words, w0 = self.words, self.w0
        wt = wn.get(words) or (wn.get(tuple(w.title() for w in words)) if _is_allcaps(w0) else None)
        if wt is None and len(words) == 1 and w0.endswith("s") and wn.get((w0[:-1],)) == "other":
            wt = "other"  # the plural of a people or group noun: "Kurds", "Arabs", "Chechens"
        return wt


#: A typing rule's verdict: (actor_type, strong) or None when the rule does not apply.
_Verdict = tuple[str, bool] | None


def _rule_cue_word(r: _Run) -> _Verdict:
    cue = _cue_type(r.words, r.lex)  # "Bank" → org, "Strait" → place (name_cues.tsv)
    return (cue, True) if cue else None


def _rule_ampersand(r: _Run) -> _Verdict:
    return ("org", True) if "&" in r.words else None


def _rule_courtesy_title(r: _Run) -> _Verdict:
    # "Ms. Lee", and in a transcript's capitals "MS. LEE:" (its period may be a token of its own)
    prev = r.before[-2] + "." if r.prev == "." and len(r.before) >= 2 else r.prev
    return ("person", True) if prev in _COURTESY or prev.title() in _COURTESY else None


#: Country names that are also common family names ("Michael Jordan", "Ann Scotland").
_COUNTRY_SURNAMES = frozenset("Jordan Israel Georgia Chad Wales Scotland England Holland France Ireland".split())


def _rule_country_tail(r: _Run) -> _Verdict:
    """"Air Lanka", "Telecom Norge": a name ending in a country's name is a body's, not a person's."""
    last = plain_punctuation(r.words[-1])
    e = r.lex.exact.get((last,)) if r.multi else None
    ok = e is not None and e.actor_type == "country" and e.how != "demonym" and last not in _COUNTRY_SURNAMES
    ok = ok and any(len(w) > 2 and w[-1] != "." for w in r.words[:-1])  # not "N. Korea"
    return ("org", True) if ok else None


def _rule_generic_noun_after(r: _Run) -> _Verdict:
    """"the Blackwater Creek site", "the Horizon program": a generic noun after the name types it."""
    cue = r.lex.cues.get((r.nxt, "after"))
    return (cue, False) if cue else None


def _rule_first_name(r: _Run) -> _Verdict:
    fn, w0 = first_names(), r.w0
    given = w0 in fn or (_is_allcaps(w0) and w0.title() in fn) or w0.split("-")[0] in fn
    return ("person", True) if r.multi and given and not _common_tail(r.words, fn) else None


def _rule_initial(r: _Run) -> _Verdict:
    return ("person", True) if r.multi and len(r.w0) == 1 and r.w0.isupper() else None


def _rule_surname_first(r: _Run) -> _Verdict:
    """"SUZUKI Taro": a family name in capitals, then the given name."""
    fn, rest = first_names(), r.words[1:]
    ok = (
        2 <= len(r.words) <= 3
        and _is_allcaps(r.w0)
        and all(w[:1].isupper() and w[1:].islower() for w in rest)
        and not any(_zipf(w.lower()) >= COMMON_WORD_ZIPF and w not in fn for w in rest)
    )
    return ("person", True) if ok else None


def _rule_acronym(r: _Run) -> _Verdict:
    return ("org", True) if len(r.words) == 1 and _ACRONYM.match(r.w0) and _is_allcaps(r.w0) else None


def _rule_hyphen_compound(r: _Run) -> _Verdict:
    return ("other", True) if any(_qualifier(w) for w in r.words) else None  # "Hong Kong-based"


def _rule_particle_surname(r: _Run) -> _Verdict:
    # "Karim al-Rashid"; "Ana de la Cruz", "Jan van Dijk": a lower-case particle inside the name
    inner = any(w in _PARTICLES for w in r.words[1:-1])
    return ("person", True) if r.multi and (_particle_name(r.words[-1]) or inner) else None


def _rule_hyphenated_given_name(r: _Run) -> _Verdict:
    """A short family name, then a hyphenated given name ("Kang Min-soo")."""
    ok = len(r.words) == 2 and len(r.w0) <= _SHORT_FAMILY_NAME and _HYPHENATED_GIVEN.fullmatch(r.words[1])
    return ("person", True) if ok else None


def _rule_speaker_context(r: _Run) -> _Verdict:
    """"Lee said", "Lee, a spokesman", "..., said Lee .", "Lee, who ...": a speaker is a person."""
    after, nxt, said = r.after, r.nxt, lexicons.said_forms()
    ok = (
        nxt in said
        or (nxt == "," and len(after) > 2 and after[1] in ("a", "the") and after[2] in lexicons.person_nouns())
        or (r.prev in said and nxt in _AFTER_SAID)
        or (nxt == "," and len(after) > 1 and after[1] == "who")
    )
    return ("person", r.multi) if ok else None


def _rule_age(r: _Run) -> _Verdict:
    a = r.after
    ok = r.nxt == "," and len(a) > 2 and a[1].isdigit() and a[2] == "," and int(a[1]) in _AGE_RANGE
    return ("person", r.multi) if ok else None  # "Duran , 45 , takes on ..."


def _rule_role_noun(r: _Run) -> _Verdict:
    ok = r.prev.lower() in lexicons.person_nouns() or r.prev.endswith("-year-old")
    return ("person", r.multi) if ok else None


def _rule_name_country(r: _Run) -> _Verdict:
    """Results tables: "Alex Corretja ( Spain )"."""
    after = r.after
    if len(after) < 3 or after[0] != "(" or wordnet_names().types.get(r.words) == "place":
        return None
    m = _lex_match(list(after), 1, r.lex, False)
    ok = m and m[1].actor_type == "country" and m[1].how != "demonym" and m[0] < len(after) and after[m[0]] == ")"
    return ("person", r.multi) if ok else None


def _rule_team_score(r: _Run) -> _Verdict:
    """A score or "beat" / "v" next to the run: a side in a match."""
    match = _is_score(r.after) or r.nxt in _TEAM_VERBS or r.prev in _TEAM_VERBS
    ok = match and r.wordnet != "person" and not (r.multi and r.w0 in first_names())
    return ("org", False) if ok else None


def _rule_place_of(r: _Run) -> _Verdict:
    """"the city of X": a one-word run after a place noun and "of"."""
    b = r.before
    ok = len(r.words) == 1 and r.prev == "of" and len(b) >= 2 and r.lex.cues.get((b[-2].lower(), "of")) == "place"
    return ("place", True) if ok else None


def _rule_place_preposition(r: _Run) -> _Verdict:
    return ("place", False) if len(r.words) == 1 and r.prev in _PLACE_PREPS else None


def _rule_place_noun_before(r: _Run) -> _Verdict:
    ok = len(r.words) == 1 and r.lex.cues.get((r.prev.lower(), "before")) == "place"
    return ("place", True) if ok else None  # "the capital Dushanbe"


def _rule_event_noun_before(r: _Run) -> _Verdict:
    ok = r.lex.cues.get((r.prev.lower(), "before")) == "event"
    return ("event", True) if ok else None  # "during exercise Northern Shield"


def _rule_place_comma_region(r: _Run) -> _Verdict:
    ok = len(r.words) == 1 and len(r.after) >= 2 and r.nxt == "," and _place_after_comma(r.after[1:])
    return ("place", True) if ok else None  # "Glenbrook, Scotland"


def _rule_common_adjective(r: _Run) -> _Verdict:
    """"Provincial elections": a capitalised adjective before a lower-case word is no name."""
    nxt = r.nxt
    ok = len(r.words) == 1 and r.wordnet == "other" and nxt[:1].islower() and nxt.isalpha()
    return ("other", False) if ok and _common_word(r.w0.lower()) else None


def _rule_wordnet(r: _Run) -> _Verdict:
    return (r.wordnet, False) if r.wordnet else None


def _rule_lone_first_name(r: _Run) -> _Verdict:
    return ("person", False) if len(r.words) == 1 and r.w0 in first_names() else None


def _rule_adjective(r: _Run) -> _Verdict:
    return ("other", False) if len(r.words) == 1 and r.tags and r.tags[0] == "JJ" else None


def _rule_default_joined(r: _Run) -> _Verdict:
    return ("org", False) if r.joined else None


def _title_case_words(r: _Run) -> bool:
    return r.multi and all(w[:1].isupper() and (w[1:].islower() or w.endswith(".")) for w in r.words)


def _rule_default_multiword_common(r: _Run) -> _Verdict:
    """"Hindustan Copper", "Freedom Front", "Radio Red": ordinary words make a body's name."""
    fn = first_names()
    ok = _title_case_words(r) and any(_common_word(w.lower()) and w not in fn for w in r.words)
    return ("org", False) if ok else None


def _rule_default_multiword(r: _Run) -> _Verdict:
    return ("person", False) if _title_case_words(r) else None


def _rule_default(r: _Run) -> _Verdict:
    return ("other", False)


#: The typing rules for a capitalised run, tried in this order; the first that applies names the
#: mention's ``rule``.  Strong rules (lexicon-like evidence) come first, then context, then
#: WordNet, then defaults.  To add a rule: write a ``_rule_x(run) -> (type, strong) | None`` and
#: put it here.  ``first_name`` appears twice: a given name opening a longer run (strong) and a lone
#: given name late, after the place rules (weak).
RUN_TYPING_RULES: tuple[tuple[str, Callable[[_Run], _Verdict]], ...] = (
    ("cue_word", _rule_cue_word),
    ("ampersand", _rule_ampersand),
    ("courtesy_title", _rule_courtesy_title),
    ("country_tail", _rule_country_tail),
    ("first_name", _rule_first_name),
    ("initial", _rule_initial),
    ("surname_first", _rule_surname_first),
    ("acronym", _rule_acronym),
    ("hyphen_compound", _rule_hyphen_compound),
    ("particle_surname", _rule_particle_surname),
    ("hyphenated_given_name", _rule_hyphenated_given_name),
    ("speaker_context", _rule_speaker_context),
    ("age", _rule_age),
    ("role_noun", _rule_role_noun),
    ("name_country", _rule_name_country),
    ("team_score", _rule_team_score),
    ("place_of", _rule_place_of),
    ("place_preposition", _rule_place_preposition),
    ("place_noun_before", _rule_place_noun_before),
    ("event_noun_before", _rule_event_noun_before),
    ("place_comma_region", _rule_place_comma_region),
    ("common_adjective", _rule_common_adjective),
    ("generic_noun_after", _rule_generic_noun_after),
    ("wordnet", _rule_wordnet),
    ("first_name", _rule_lone_first_name),
    ("adjective", _rule_adjective),
    ("default_joined", _rule_default_joined),
    ("default_multiword_common", _rule_default_multiword_common),
    ("default_multiword", _rule_default_multiword),
    ("default", _rule_default),
)


#: Every value of ``entities.rule`` that is not a typing rule of :data:`RUN_TYPING_RULES`: how a
#: mention was found or which resolver step gave it its actor (a test checks the column against it).
LINK_RULES: dict[str, str] = {
    "lexicon": "a gazetteer name, alias or demonym (countries, places, organisations, events, US states)",
    "dateline": "the place opening a dateline (\"WASHINGTON —\")",
    "nominal": "\"the alliance\": a common noun a gazetteer body is known by",
    "state_code": "a US postal code after a city or a party-state tag names the state",
    "name_pair": "one side of a dashed pair of gazetteer names (\"NATO-Japan\")",
    "title_reference": "a title standing for its holder, not resolved to anyone named",
    "title_of": "a title standing for the person named with that title (coref)",
    "surname_of": "a family name (or a place word that is one) for the full name the article gives (coref)",
    "given_name_of": "a given name used alone for the one person the article gives it to (coref)",
    "same_name": "a weakly typed name the article also names with strong evidence (coref)",
    "same_team": "a place the article shows to be a team is that team everywhere (coref)",
    "default_single": "a lone capitalised word no rule typed: a body (coref)",
    "acronym_of": "an acronym that abbreviates a name the article gives (coref)",
    "bracketed_acronym": "an acronym in brackets right after its expansion (coref)",
    "acronym_expansion": "the words before a bracketed acronym that it spells out",
    "spelled_acronym": "the words a later acronym spells out",
    "unit_of_org": "a unit named after its body (\"Harbor Agency Tide Watch\")",
    "head_of_name": "\"the Museum\": the last word of a longer name named before (coref)",
    "modified_name": "an adjective before a body the article keeps naming on its own",
    "short_name_of": "a company's distinctive first word alone for its full name (\"Varnak\" for \"Varnak Motors Inc.\")",
    "nested_country": "a country named inside a longer name",
    "nested_demonym": "a demonym inside a longer name (\"Swedish Liberals\")",
    "person_in_focus": "he/she/his/her for the person in focus (coref)",
}


def entity_rules() -> dict[str, str]:
    """Every value ``entities.rule`` can take: the typing rules, then the linking rules."""
    typing = {name: (fn.__doc__ or name).strip().splitlines()[0] for name, fn in RUN_TYPING_RULES}
    return {**typing, "title": "a title right before the run marks a person", **LINK_RULES}


def _type_run(
    words: tuple[str, ...], tags: list[str], before: list[str], after: list[str], lex: _Lexicon, *, joined: bool
) -> tuple[str, str, bool]:
    """Return (actor_type, rule, strong) for a capitalised run: the first rule of RUN_TYPING_RULES that applies."""
    run = _Run(words, tags, before, after, lex, joined)
    for name, rule in RUN_TYPING_RULES:
        verdict = rule(run)
        if verdict is not None:
            return verdict[0], name, verdict[1]
    raise AssertionError("the default rule always applies")


def _common_tail(words: tuple[str, ...], fn) -> bool:
    """Three or more words whose words after the first are all common English words ("Rose Garden
    Trust"): a body's name that happens to open with a given name."""
    return len(words) >= 3 and all(_zipf(w.lower()) >= COMMON_WORD_ZIPF and w not in fn for w in words[1:])


def _tokens_by_sentence(tokens: pd.DataFrame) -> dict[int, list[tuple[int, int, str, str]]]:
    """(start, end, text, pos) of each token, per sentence id."""
    by_sent: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    cols = [tokens[c].tolist() for c in ("sentence_id", "start", "end", "text", "pos")]
    for sid, a, b, w, p in zip(*cols):
        by_sent[sid].append((a, b, w, p))
    return by_sent


def _capital_evidence(by_sent, sids: list[int]) -> tuple[set[str], frozenset[str]]:
    """Capitalised words seen away from a sentence start (evidence for sentence-initial and headline
    words), and those among them seen on their own, not inside a longer name."""
    midcaps: set[str] = set()
    alone: set[str] = set()
    for sid in sids:
        words = [t[2] for t in by_sent.get(sid, [])]
        if _headline(words):
            continue
        for k in range(1, len(words)):
            # after opening punctuation, a sentence end or a dash (a dateline's "--") the capital may be the sentence's
            if _is_cap(words[k]) and words[k - 1] not in _OPEN_PUNCT and words[k - 1] not in ".!?" and words[k - 1] not in _DATELINE_DASHES:
                midcaps.add(words[k])
                if not _is_cap(words[k - 1]) and (k + 1 == len(words) or not _is_cap(words[k + 1])):
                    alone.add(words[k])
        if len(words) > 1 and _is_cap(words[0]) and _HYPHENATED_GIVEN.fullmatch(words[1]):
            midcaps.add(words[0])  # "Kang Min-soo" opening a sentence: "Kang" alone later is that name
            alone.add(words[0])
    return midcaps, frozenset(alone)


def _type_lex(m: _Mention, entry: Entry, words: list[str]) -> None:
    m.actor, m.actor_type, m.how, m.rule, m.strong = entry.actor, entry.actor_type, entry.how, "lexicon", True
    if entry.actor_type == "place" and entry.how in ("name", "alias") and _team_context(words, m.i, m.j):
        # A city or state with a score after it, or that beats another, is the team named after it.
        m.actor, m.actor_type, m.how, m.rule, m.strong = m.key, "org", "name", "team_score", False


def _type_dateline(m: _Mention, entry: Entry | None) -> None:
    if entry is not None:
        m.actor, m.actor_type, m.how = entry.actor, entry.actor_type, entry.how
    else:  # a place the lexicon does not know: "ALBANY" is Albany
        m.actor_type = "place"
        m.actor = m.key.title() if _is_allcaps(m.key) and "." not in m.key else m.key
    m.rule, m.strong = "dateline", True


def _type_name(m: _Mention, merged: list[list], words: list[str], tags: list[str], lex: _Lexicon, joined: bool) -> None:
    """A capitalised run: a title before it marks a person, else the run typing rules decide."""
    i, j = m.i, m.j
    # A title right before the run ("Prime Minister Ann Lee") marks a person.
    tseg = next((s for s in merged if s[1] == i and s[2] == "title"), None)
    title_before = tseg is not None and not _cue_type(m.words, lex)
    m.title = " ".join(words[tseg[0] : i]) if tseg else ""
    m.title = " ".join(filter(None, (m.title, _apposition_title(words, j))))
    if title_before:
        m.actor_type, m.rule, m.strong = "person", "title", True
    else:
        before = words[max(0, i - _RUN_CONTEXT_BEFORE) : i]
        after = words[j : j + _RUN_CONTEXT_AFTER]
        m.actor_type, m.rule, m.strong = _type_run(m.words, tags[i:j], before, after, lex, joined=joined)
    m.how = "name"


#: Words of context the run typing rules see before and after a run.
_RUN_CONTEXT_BEFORE = 3
_RUN_CONTEXT_AFTER = 5


#: A party-state or district tag: "R-TX", "D-Ohio", "TX-07", "I-Vt." (the state in group ``st``).
_PARTY_STATE = re.compile(r"(?:(?P<party>[RDI])-)?(?P<st>[A-Z]{2}|[A-Z][a-z]+\.?|[A-Z]\.[A-Z]\.)(?P<district>-(?:\d{1,2}|AL))?")


def _state_reference(words: list[str], i: int, j: int, lex: _Lexicon) -> str | None:
    """The US state a one-word run names by code: after "City," or as a bracketed party-state tag."""
    if j - i != 1:
        return None
    w = words[i]
    if w in lex.state_codes and i >= 2 and words[i - 1] == "," and _is_cap(words[i - 2]):
        return lex.state_codes[w]  # "Elm Township, PA"
    m = _PARTY_STATE.fullmatch(w)
    close = j + (j < len(words) and words[j] == ".")  # "(R-Ga.)" may end in a period token
    if not (m and (m["party"] or m["district"]) and 0 < i and words[i - 1] == "(" and close < len(words) and words[close] == ")"):
        return None
    st = m["st"]
    e = lex.exact.get(_key(st)) or lex.exact.get(_key(st.rstrip(".") + "."))  # "Ohio", "Ga."
    states = lex.state_codes.values()
    return lex.state_codes.get(st) or (e.actor if e is not None and e.actor in states else None)


_PAIR_DASH = re.compile(r"[-–—/]")


def _pair_of_names(toks, i: int, j: int, sid: int, lex: _Lexicon) -> list[_Mention]:
    """A one-token run joining gazetteer names with dashes ("NATO-Japan", "U.S.–China"): one mention
    of each name (rule ``name_pair``); else nothing."""
    if j - i != 1:
        return []
    a, _b, w, _t = toks[i]
    out, pos = [], 0
    for part in _PAIR_DASH.split(w):
        e = lex.exact.get(_key(part)) if part else None
        if e is None or e.actor_type not in ("country", "org", "place") or e.how == "demonym":
            return []  # "African-American" is no pair of places
        k = w.index(part, pos)
        pos = k + len(part)
        m = _Mention(sid, i, j, a + k, a + pos, (part,), e.actor, e.actor_type, e.how, "name_pair", True)
        m.key = part
        out.append(m)
    return out if len(out) >= 2 else []


def _sentence_mentions(text: str, sid: int, toks, evidence, lex: _Lexicon) -> list[_Mention]:
    """The typed mentions of one sentence, from its segments."""
    midcaps, known, alone = evidence
    words = [t[2] for t in toks]
    tags = [t[3] for t in toks]
    merged = _merge(_segment(words, tags, midcaps, lex, known, alone), words, lex)
    out = []
    starts = {seg[0] for seg in merged}
    for i, j, kind, entry in merged:
        if kind == "title" and not _title_standing_alone(words, i, j, starts):
            continue
        if kind == "run" and (pair := _pair_of_names(toks, i, j, sid, lex)):
            out.extend(pair)  # "NATO-Japan cooperation": each side is named
            continue
        m = _Mention(sid, i, j, toks[i][0], toks[j - 1][1], tuple(w for w in words[i:j] if w != "."))
        m.key = text[m.start : m.end]
        if kind == "lex":
            _type_lex(m, entry, words)
        elif kind == "dateline":
            _type_dateline(m, entry)
        elif kind == "nominal":
            m.how, m.rule = "nominal", "nominal"
        elif state := _state_reference(words, i, j, lex):
            # "Springfield, IL", "(R-TX)": a postal code or party-state tag names a US state
            m.actor, m.actor_type, m.how, m.rule, m.strong = state, "place", "alias", "state_code", True
        elif _title_only(m.words):
            # "the Secretary-General", "Chairman": a title standing for a person (resolved by coref)
            m.actor_type, m.how, m.rule = "person", "title", "title_reference"
        else:
            _type_name(m, merged, words, tags, lex, joined=entry == "joined")
        out.append(m)
    return out


def _doc_mentions(text: str, sentences: pd.DataFrame, tokens: pd.DataFrame) -> list[_Mention]:
    lex = lexicon()
    by_sent = _tokens_by_sentence(tokens)
    sids = sentences["sentence_id"].tolist()
    midcaps, alone = _capital_evidence(by_sent, sids)
    evidence = (midcaps, {w.lower() for w in midcaps}, alone)
    mentions: list[_Mention] = []
    for sid in sids:
        if by_sent.get(sid):
            mentions += _sentence_mentions(text, sid, by_sent[sid], evidence, lex)
    _mark_quoted(text, mentions, by_sent)
    mentions = _acronym_spans(text, mentions, by_sent)
    mentions = _spelled_acronyms(text, mentions, by_sent)
    mentions = _split_acronym_prefix(text, mentions, by_sent)
    return _resolve(text, mentions, by_sent, sids, lex)


def _title_standing_alone(words: list[str], i: int, j: int, starts: set[int]) -> bool:
    """"said the Secretary General.": a title after "the" with no name after it stands for its holder."""
    return j not in starts and i > 0 and words[i - 1].lower() == "the" and _title_only(tuple(words[i:j]))


def _title_only(words: tuple[str, ...]) -> bool:
    """A run that is a title and nothing else ("Secretary-General", "Prime Minister", "Secretary general")."""
    phrases = lexicons.title_phrases()
    parts = tuple(p for w in words for p in re.split("[-–]", w) if p)
    return any(
        k in phrases or tuple(w.title() for w in k) in phrases
        for k in (tuple(words), parts, (" ".join(words).replace(" ", "-"),))
    ) or ("-".join(w.title() for w in parts),) in phrases


def _apposition_title(words: list[str], j: int) -> str:
    """Title words in an apposition after a name: "X, the Secretary General of ..." → "Secretary General"."""
    if j >= len(words) or words[j] != ",":
        return ""
    k = j + 1
    if k < len(words) and words[k].lower() in ("the", "a", "an"):
        k += 1
    tw = lexicons.title_words()
    out = []
    while k < len(words) and (words[k] in tw or words[k].title() in tw or _title_only((words[k],))):
        out.append(words[k])
        k += 1
    return " ".join(out)


def _mark_quoted(text: str, mentions: list[_Mention], by_sent) -> None:
    """Flag mentions inside quote marks."""
    spans = {sid: coref.quoted_spans(text, by_sent.get(sid, [])) for sid in {m.sid for m in mentions}}
    for m in mentions:
        m.quoted = any(x < m.start < y for x, y in spans[m.sid])


def _acronym_spans(text: str, mentions: list[_Mention], by_sent) -> list[_Mention]:
    """"West Pacific Fisheries Council (WPFC)": the words the bracketed acronym abbreviates
    are one organisation, whatever pieces the runs made of them."""
    out = list(mentions)
    for b in mentions:
        toks = by_sent.get(b.sid, [])
        if len(b.words) != 1 or not _is_allcaps(b.words[0]) or b.i < 2 or toks[b.i - 1][2] != "(":
            continue
        span = _expansion_before(toks, b.i - 1, b.words[0].replace(".", ""))
        if span is None:
            continue
        a0, a1 = toks[span[0]][0], toks[span[1] - 1][1]
        inside = [m for m in out if m.sid == b.sid and m.start >= a0 and m.end <= a1]
        if len(inside) == 1 and inside[0].start == a0 and inside[0].end == a1:
            continue
        words = tuple(t[2] for t in toks[span[0] : span[1]])
        org = _Mention(b.sid, span[0], span[1], a0, a1, words, "", "org", "name", "acronym_expansion", True, text[a0:a1])
        out = [m for m in out if m not in inside]
        out.append(org)
    out.sort(key=lambda m: m.start)
    return out


_ACRONYM_GLUE = frozenset(("of", "for", "and", "the", "&", "on", "de"))


def _spelled_acronyms(text: str, mentions: list[_Mention], by_sent) -> list[_Mention]:
    """"Office of Science and Technology Policy" where the article also writes "OSTP": the words an
    acronym of the article spells out are one organisation, even across "and" and without brackets."""
    acronyms = {m.words[0] for m in mentions if len(m.words) == 1 and _ACRONYM.match(m.words[0]) and len(m.words[0]) >= 3}
    if not acronyms:
        return mentions
    by_sid: dict[int, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_sid[m.sid].append(m)
    out: list[_Mention] = []
    for sid, here in by_sid.items():
        toks = by_sent.get(sid, [])
        words = [t[2] for t in toks]
        i = 0
        while i < len(words):
            span = _spelled_span(words, i, acronyms)
            if span is None:
                i += 1
                continue
            a0, a1 = toks[span[0]][0], toks[span[1] - 1][1]
            inside = [m for m in here if m.start >= a0 and m.end <= a1]
            if len(inside) > 1:
                here = [m for m in here if m not in inside]
                ws = tuple(words[span[0] : span[1]])
                here.append(_Mention(sid, span[0], span[1], a0, a1, ws, "", "org", "name", "spelled_acronym", True, text[a0:a1]))
            i = span[1]
        out.extend(here)
    out.sort(key=lambda m: m.start)
    return out


def _spelled_span(words: list[str], i: int, acronyms: set[str]) -> tuple[int, int] | None:
    """The longest span from ``i`` (capitalised words, with of/and/for inside) whose initials are an acronym."""
    if not _is_cap(words[i]) or words[i].lower() in ("the", "a", "an"):
        return None
    best = None
    k = i
    while k < len(words) and k - i < 10 and (_is_cap(words[k]) or words[k].lower() in _ACRONYM_GLUE):
        k += 1
        if _is_cap(words[k - 1]) and k - i >= 3 and _initials(words[i:k]) in acronyms:
            best = (i, k)
    return best


def _split_acronym_prefix(text: str, mentions: list[_Mention], by_sent) -> list[_Mention]:
    """"ABC Flood Watch": an acronym the article uses alone, opening a longer name, is that
    organisation, and the rest is a unit of it."""
    alone = {m.words[0] for m in mentions if len(m.words) == 1 and _is_allcaps(m.words[0])}
    out = []
    for m in mentions:
        w0 = m.words[0] if m.words else ""
        if m.rule == "lexicon" or len(m.words) < 3 or w0 not in alone or not _ACRONYM.match(w0):
            out.append(m)
            continue
        toks = by_sent[m.sid]
        a = _Mention(m.sid, m.i, m.i + 1, toks[m.i][0], toks[m.i][1], (w0,), "", "org", "name", "acronym", True, w0)
        b = _Mention(m.sid, m.i + 1, m.j, toks[m.i + 1][0], m.end, m.words[1:], "", "org", "name", "unit_of_org", True)
        b.key = text[b.start : b.end]
        out.extend((a, b))
    return out


def _expansion_before(toks, k: int, acronym: str) -> tuple[int, int] | None:
    """Token range ending before ``k`` whose capital initials spell ``acronym`` (longest), or None."""
    best = None
    s = k - 1
    while s >= 0 and k - s <= 12:
        w = toks[s][2]
        if not (_is_cap(w) or w.lower() in ("of", "for", "and", "the", "&", "on", "de")):
            break
        if _is_cap(w) and w.lower() not in ("the", "a", "an") and _initials([t[2] for t in toks[s:k]]) == acronym:
            best = (s, k)
        s -= 1
    return best


def _resolve(text, mentions, by_sent, sids, lex) -> list[_Mention]:
    """Give every mention its canonical actor through the shared resolver (:mod:`analysis.nlp.coref`)."""
    stop = _stop()
    mentions = [
        m
        for m in mentions
        if not lexicons.is_chrome(m.words)
        and m.rule != "common_adjective"
        and not (len(m.words) == 1 and m.words[0].lower() in stop and not _is_allcaps(m.words[0]))
        and not (len(m.words) == 1 and _is_allcaps(m.words[0]) and m.words[0].lower() in lexicons.person_nouns())
        and not _name_suffix(text, m)
        and not _role_label(text, m)
    ]  # a role label ("HOST:", "STAFF:") is no name; nor is a degree after a name ("Jane Roe, Ph.D.")
    mentions = coref.link_mentions(text, mentions, lex.nominals, _single_default)
    _modified_names(mentions)
    _short_body_names(mentions)
    nested = _nested_countries(mentions, by_sent, lex)
    _same_body_by_country(nested)
    mentions.extend(n for n, _ in nested)

    def pronoun(sid, k, a, b, w, actor):
        return _Mention(sid, k, k + 1, a, b, (w,), actor, "person", "pronoun", "person_in_focus")

    mentions.extend(coref.resolve_pronouns(text, mentions, by_sent, sids, pronoun))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _role_label(text: str, m: _Mention) -> bool:
    """A transcript label in capitals naming a role or group, not a person ("STAFF:", "AUDIENCE:")."""
    w = m.words[0] if len(m.words) == 1 else ""
    return _is_allcaps(w) and text[m.end : m.end + 1] == ":" and w.lower() in lexicons.speaker_nouns()


_WORD_WITH_PERIODS = re.compile(r"[\w.]+")


def _name_suffix(text: str, m: _Mention) -> bool:
    """A one-word mention that is (or opens) a suffix or degree: "M.D.", "Ph" of "Ph.D.", "Jr."."""
    if len(m.words) != 1:
        return False
    word = _WORD_WITH_PERIODS.match(text, m.start)
    suffixes = lexicons.name_suffixes()
    return m.words[0] in suffixes or (word is not None and word.group() in suffixes)


#: Words after a company's distinctive first word that a short form leaves out ("Motors Inc.").
def _generic_tail(words: tuple[str, ...], lex: _Lexicon) -> bool:
    return all(_cue_type((w,), lex) or _common_word(plain_punctuation(w).rstrip(".").lower()) for w in words)


def _short_body_names(mentions: list[_Mention]) -> None:
    """"Shares of Varnak fell" after "Varnak Motors Inc.": a lone word that opens exactly one longer
    body name, whose other words are generic ("Motors", "Group", "Inc."), is that body."""
    lex = lexicon()
    by_first: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.actor_type == "org" and m.how == "name" and len(m.words) >= 2 and _generic_tail(m.words[1:], lex):
            by_first[m.words[0]].add(m.actor)
    for m in mentions:
        w = m.words[0] if len(m.words) == 1 else ""
        if m.how == "name" and m.actor_type in ("org", "other") and len(by_first.get(w, ())) == 1 and not _common_word(w.lower()):
            m.actor, m.actor_type, m.rule = next(iter(by_first[w])), "org", "short_name_of"


#: A body named on its own at least this many times before "Adjective Body" makes the adjective a modifier.
MODIFIED_NAME_PRIOR = 2


def _modified_names(mentions: list[_Mention]) -> None:
    """"no Neutral Assembly votes" after "the Assembly": an ordinary word before the name of
    a body the article has already named on its own modifies the name; the mention is that body."""
    alone: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        if m.actor_type == "org" and m.how in ("name", "alias"):
            alone[m.actor].append(m.start)
    for m in mentions:
        if m.actor_type != "org" or m.how != "name" or len(m.words) != 2 or m.words[0] in _DIRECTIONS:
            continue
        head, before = m.words[1], [a for a in alone.get(m.words[1], ()) if a < m.start]
        ok = (
            len(before) >= MODIFIED_NAME_PRIOR
            and len(alone.get(m.actor, ())) == 1
            and m.words[0] != "The"
            and _common_word(m.words[0].lower())
            and m.words[0].lower() in wordnet_lemmatizer().lemmas["a"]  # an adjective ("Independent")
        )
        if ok:
            m.actor, m.rule = head, "modified_name"


def _same_body_by_country(nested: list[tuple[_Mention, _Mention]]) -> None:
    """"British Army" and "U.K. Army": the same body named with its country's name or demonym is one actor,
    displayed with the country's name."""
    best: dict[tuple, _Mention] = {}
    for country, m in nested:
        key = (country.actor, m.words[len(country.words) :])
        if key not in best or (best[key][0].rule == "nested_demonym" and country.rule == "nested_country"):
            best[key] = (country, m)
    for country, m in nested:
        key = (country.actor, m.words[len(country.words) :])
        m.actor, m.actor_type = best[key][1].actor, best[key][1].actor_type


def _nested_countries(mentions: list[_Mention], by_sent, lex: _Lexicon) -> list[tuple[_Mention, _Mention]]:
    """A country named inside a longer name ("U.S. Department of Energy", "Swedish Liberals")
    is also a mention of that country."""
    out = []
    for m in mentions:
        if m.actor_type in ("country", "place", "person") or len(m.words) < 2 or m.how not in ("name", "alias"):
            continue
        toks = by_sent[m.sid][m.i : m.j]
        words = [t[2] for t in toks]
        hit = _lex_match(words, 0, lex, False)
        if hit is not None and hit[1].actor_type == "country" and hit[0] < len(toks):
            span = (0, hit[0])
        elif (k := _country_after_of(words, lex)) is not None:
            span, hit = (k, len(words)), (len(words), _lex_match(words, k, lex, False)[1])
        else:
            continue
        e = hit[1]
        a, b = toks[span[0]][0], toks[span[1] - 1][1]
        rule = "nested_demonym" if e.how == "demonym" else "nested_country"
        nested = _Mention(m.sid, m.i + span[0], m.i + span[1], a, b, tuple(words[span[0] : span[1]]), e.actor, "country", "nested", rule, True)
        out.append((nested, m))
    return out


def _country_after_of(words: list[str], lex: _Lexicon) -> int | None:
    """Where a country's name closes a longer name after "of" ("Government of Chile"), or None."""
    if "of" not in words[:-1]:
        return None
    k = len(words) - 1 - words[::-1].index("of") + 1
    k += k < len(words) and words[k] == "the"
    hit = _lex_match(words, k, lex, False) if k < len(words) else None
    ok = hit is not None and hit[0] == len(words) and hit[1].actor_type == "country" and hit[1].how != "demonym"
    return k if ok else None


def _single_default(w: str, seen: int) -> str | None:
    """The type of a lone capitalised word no rule typed, seen ``seen`` times so: most often a company,
    team, outlet or body ("Reuters", "Nikkei"); None (no name) for a frequent ordinary word that the
    article capitalises only once ("the plant's Turbines unit")."""
    low = w.lower()
    if seen == 1 and _common_word(low) and _zipf(low) >= COMMON_WORD_ZIPF and (not _is_allcaps(w) or len(w) > _ACRONYM_MAX):
        return None  # also "ASSOCIATE" in capitals: acronyms are short
    if _URL_FRAGMENT.fullmatch(w):
        return None  # "Xk3Pq9TzLm" of a shortened link
    return "org"


#: The longest acronym written as one word ("NAACP"); a longer ordinary word in capitals is no acronym.
_ACRONYM_MAX = 6
#: A token of letters with digits among mixed cases: a link's code, not a name.
_URL_FRAGMENT = re.compile(r"(?=.*\d)(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{7,}")


def extract_entities(text: str, sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Return one row per entity mention in ``sentences``.

    Parameters
    ----------
    text : str
        The article text (offsets index into it).
    sentences : DataFrame
        The sentences to read (``sentence_id, start, end``), in text order.
    tokens : DataFrame
        Their tokens: ``sentence_id, start, end, text, pos``.

    Returns
    -------
    DataFrame
        ``mention_id, sentence_id, start, end, text, actor_id, actor, actor_type, how, rule``
        (``actor_id``: the stable slug of ``actor``, the key of the actors table).

    Examples
    --------
    >>> from analysis.nlp.tokens import tokenize
    >>> text = "Chinese officials met Mr. Ian Smith in Tokyo, and he said NATO would reply."
    >>> sents = pd.DataFrame({"sentence_id": [0], "start": [0], "end": [len(text)]})
    >>> ents = extract_entities(text, sents, tokenize(text, sents))
    >>> ents[["text", "actor", "actor_type", "how"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Chinese', 'China', 'country', 'demonym'], ['Ian Smith', 'Ian Smith', 'person', 'name'],
     ['Tokyo', 'Tokyo', 'place', 'name'], ['he', 'Ian Smith', 'person', 'pronoun'],
     ['NATO', 'NATO', 'org', 'alias']]
    """
    if len(sentences) == 0 or len(tokens) == 0:
        return pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c in ("mention_id", "sentence_id", "start", "end") else "object")
                for c in ENTITY_COLUMNS
            }
        )
    mentions = _doc_mentions(text, sentences, tokens)
    _display_names(mentions)
    ids = unify_ids([m.actor for m in mentions])
    return frame(
        {
            "mention_id": range(len(mentions)),
            "sentence_id": [m.sid for m in mentions],
            "start": [m.start for m in mentions],
            "end": [m.end for m in mentions],
            "text": [text[m.start : m.end] for m in mentions],
            "actor_id": [ids[m.actor][0] for m in mentions],
            "actor": [ids[m.actor][1] for m in mentions],
            "actor_type": [m.actor_type for m in mentions],
            "how": [m.how for m in mentions],
            "rule": [m.rule for m in mentions],
        },
        dict.fromkeys(("mention_id", "sentence_id", "start", "end"), "int64"),
    )


def _display_names(mentions: list[_Mention]) -> None:
    """Name each lexicon actor by the form the article uses most (``NATO``, ``Britain``)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.rule in ("lexicon", "name_pair") and m.how in ("name", "alias"):
            forms[m.actor][" ".join(m.words)] += 1
    best = {}
    for a, c in forms.items():
        form = max(c.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        # "Indo–Pacific" in the text is the lexicon's "Indo-Pacific": keep the lexicon's spelling.
        same = plain_punctuation(form).lower() == plain_punctuation(a).lower()
        best[a] = a if same else form
    for m in mentions:
        if m.actor in best:
            m.actor = best[m.actor]


def build_actors(
    entities: pd.DataFrame, quote_speakers: pd.DataFrame | None = None, extra: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return one row per actor with its mention and quote counts.

    Parameters
    ----------
    entities : DataFrame
        The mentions (:func:`extract_entities`).
    quote_speakers : DataFrame, optional
        One row per (quote, speaker) (:func:`analysis.nlp.identity.link_speakers`); each row counts
        one quote for its ``actor_id``, so a joint quote counts for each of its speakers.
    extra : DataFrame, optional
        Actors that only speak (``actor_id, actor, actor_type``): documents, groups, speakers the
        recogniser did not name elsewhere; they have no mention rows.

    Returns
    -------
    DataFrame
        ``actor_id, actor, actor_type, mentions, quotes, aliases, first_sentence, last_sentence,
        names``, most mentioned first (``aliases``: every surface form counted, pronouns included;
        ``names``: the same without pronouns).

    Examples
    --------
    >>> ents = pd.DataFrame({"sentence_id": [0, 1, 1], "text": ["Japan", "Japanese", "Tokyo"],
    ...     "actor": ["Japan", "Japan", "Tokyo"], "actor_type": ["country", "country", "place"],
    ...     "how": ["name", "demonym", "name"]})
    >>> qs = pd.DataFrame({"quote_id": [0], "actor_id": ["tokyo"], "actor": ["Tokyo"]})
    >>> build_actors(ents, qs)[["actor_id", "mentions", "quotes", "aliases"]].values.tolist()
    [['japan', 2, 0, ['Japan', 'Japanese']], ['tokyo', 1, 1, ['Tokyo']]]
    """
    from analysis.nlp.identity import actors_table

    return actors_table(entities, quote_speakers, extra)


def cooccurrence(entities: pd.DataFrame) -> pd.DataFrame:
    """Return actor pairs that appear in the same sentence, with the number of such sentences.

    Parameters
    ----------
    entities : DataFrame
        The mentions (``sentence_id, actor``).

    Returns
    -------
    DataFrame
        ``actor_a, actor_b, sentences, first_sentence, last_sentence`` (``actor_a < actor_b``),
        most frequent pairs first.

    Examples
    --------
    >>> ents = pd.DataFrame({"sentence_id": [0, 0, 1, 1, 1], "actor": ["A", "B", "B", "A", "C"]})
    >>> cooccurrence(ents)[["actor_a", "actor_b", "sentences"]].values.tolist()
    [['A', 'B', 2], ['A', 'C', 1], ['B', 'C', 1]]
    """
    pairs: dict[tuple[str, str], list[int]] = {}
    if entities is not None and len(entities):
        by_sentence: dict[int, set] = defaultdict(set)
        for sid, actor in zip(entities["sentence_id"].tolist(), entities["actor"].tolist()):
            by_sentence[sid].add(actor)
        for sid in sorted(by_sentence):
            acts = sorted(by_sentence[sid])
            for x in range(len(acts)):
                for y in range(x + 1, len(acts)):
                    rec = pairs.setdefault((acts[x], acts[y]), [0, int(sid), int(sid)])
                    rec[0] += 1
                    rec[2] = int(sid)
    rows = sorted(((a, b, *rec) for (a, b), rec in pairs.items()), key=lambda r: (-r[2], r[0], r[1]))
    return frame(
        {c: [r[k] for r in rows] for k, c in enumerate(COOCCURRENCE_COLUMNS)},
        {"sentences": "int64", "first_sentence": "int64", "last_sentence": "int64"},
    )
