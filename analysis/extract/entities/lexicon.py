"""What the entities stage knows before it reads an article: gazetteers, cue words, WordNet's names.

Decides which lexicon entry a stretch of words is (:func:`lex_match`: the longest, case-folded in
headlines), which title starts at a word (:func:`title_match`), what type a cue word gives a name
(:func:`cue_type`: "Bank" → org, "Strait" → place), and how common a word is (:func:`common_word`
for WordNet's lower-case lemmas, :func:`zipf` for wordfreq's scale).  Reads the data files in
``analysis/data/`` (countries, places, organisations, events, US states, name cues), NLTK's
``gazetteers`` corpus and WordNet's data files (through a JSON cache); each is read once per process.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from analysis.nlp import lexicons
from analysis.nlp.case import is_allcaps
from analysis.nlp.mention import How
from analysis.nlp.tokens import plain_punctuation, tokenize_spans
from analysis.resources import derived_json, gazetteer, read_lexicon

MONTHS_DAYS = lexicons.months_days()


@dataclass(frozen=True)
class Entry:
    """A lexicon entry: canonical name, type, and what kind of mention the matched form is."""

    actor: str
    actor_type: str
    how: str


def lexicon_key(s: str) -> tuple[str, ...]:
    """The key a lexicon form is stored under: its tokens, punctuation made plain."""
    return tuple(plain_punctuation(s[a:b]) for a, b in tokenize_spans(s))


@dataclass
class Lexicon:
    """The merged gazetteer: forms → entries (exact and case-folded), titles, nominals, cue words."""

    exact: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    folded: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    titles: set[tuple[str, ...]] = field(default_factory=set)
    nominals: dict[str, list[str]] = field(default_factory=dict)
    cues: dict[tuple[str, str], str] = field(default_factory=dict)
    #: The cue words in any position ("Lake", "Bank", "Port").
    cue_words: frozenset[str] = frozenset()
    #: US postal codes → state ("PA" → "Pennsylvania"): read only after a city or in a party tag.
    state_codes: dict[str, str] = field(default_factory=dict)
    maxlen: int = 1
    #: first word → longest key starting with it (exact and case-folded), for a fast first test.
    first: dict[str, int] = field(default_factory=dict)
    ffirst: dict[str, int] = field(default_factory=dict)
    #: The first words of the titles, for a fast first test.
    title_first: set[str] = field(default_factory=set)

    def add(self, form: str, entry: Entry, *, override: bool = False) -> None:
        k = lexicon_key(form)
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
def lexicon() -> Lexicon:
    """Return the merged gazetteer (data files and NLTK's gazetteers), built once per process."""
    lex = Lexicon()
    # Weakest first; later files override on conflict.
    for fileid, typ in (
        ("uscities.txt", "place"),
        ("usstates.txt", "place"),
        ("caprovinces.txt", "place"),
        ("mexstates.txt", "place"),
        ("countries.txt", "country"),
    ):
        for name in gazetteer(fileid):
            lex.add(name, Entry(name, typ, How.NAME))
    for name in gazetteer("nationalities.txt"):
        lex.add(name, Entry(name, "other", How.DEMONYM))
    for name, *rest in read_lexicon("events.tsv"):
        lex.add(name, Entry(name, "event", How.NAME), override=True)
        for a in _split(rest[0] if rest else ""):
            lex.add(a, Entry(name, "event", How.ALIAS), override=True)
    for fname, typ in (("places.tsv", "place"), ("countries.tsv", "country")):
        for name, *rest in read_lexicon(fname):
            rest = [*rest, "", ""]
            lex.add(name, Entry(name, typ, How.NAME), override=True)
            for a in _split(rest[0]):
                lex.add(a, Entry(name, typ, How.ALIAS), override=True)
            for d in _split(rest[1]):
                lex.add(d, Entry(name, typ, How.DEMONYM), override=True)
    for name, ap, code in (((*r, "", "")[:3]) for r in read_lexicon("us_states.tsv")):
        lex.add(name, Entry(name, "place", How.NAME))  # "New York", "Washington" stay the cities
        if ap:
            lex.add(ap, Entry(name, "place", How.ALIAS), override=True)
        lex.state_codes[code] = name
    for name, *rest in read_lexicon("organisations.tsv"):
        rest = [*rest, "", ""]
        lex.add(name, Entry(name, "org", How.NAME), override=True)
        for a in _split(rest[0]):
            lex.add(a, Entry(name, "org", How.ALIAS), override=True)
        for n in _split(rest[1]):
            lex.nominals.setdefault(n.lower(), []).append(name)
    lex.titles.update(tuple(plain_punctuation(w) for w in t) for t in lexicons.titles())
    lex.title_first.update(t[0] for t in lex.titles)
    for word, typ, pos in read_lexicon("name_cues.tsv"):
        lex.cues[word, pos] = typ
    lex.cue_words = frozenset(w for w, _ in lex.cues)
    return lex


#: WordNet lexicographer files → actor type for a named instance ("Timbuktu" is an instance of city).
_WN_INSTANCE = {"noun.location": "place", "noun.person": "person", "noun.group": "org", "noun.event": "event"}


@dataclass(frozen=True)
class _WordNetNames:
    """What WordNet knows about capitalised words: named instances and capitalised classes."""

    types: dict[tuple[str, ...], str]  # name → actor type ("other" for classes: "Basque", "Hmong")
    common: frozenset[str]  # lower-case lemmas of ordinary words ("fruit", "gold", "police")


@functools.cache
def wordnet_names() -> _WordNetNames:
    """Return WordNet's capitalised lemmas with a type, and its lower-case lemmas, read once per process.

    A capitalised lemma of an *instance* synset is a named thing typed by its lexicographer file
    (``noun.location`` → place, ``noun.person`` → person, ``noun.group`` → org, ``noun.event`` → event;
    the majority over its senses, a tie going to place).  A capitalised lemma of a *class* synset or
    of an adjective ("Basque", "Hmong", "Tagalog", "Bantu") is typed ``other`` (a demonym,
    language or product), or ``org`` for a body (``noun.group``: "Senate"), unless it also names an
    instance.

    Examples
    --------
    >>> wn = wordnet_names()
    >>> wn.types[("Timbuktu",)], wn.types[("Hmong",)], "fruit" in wn.common
    ('place', 'other', True)
    """
    files = ["corpora/wordnet/lexnames", *(f"corpora/wordnet/data.{pos}" for pos in ("noun", "adj", "verb", "adv"))]
    data = derived_json("wordnet_names", files, read_wordnet_names)  # read once, then from a JSON cache
    types = {tuple(name.split("_")): kind for name, kind in data["types"].items()}
    return _WordNetNames(types, frozenset(data["common"]))


def read_wordnet_names() -> dict:
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


def common_word(low: str) -> bool:
    """True when WordNet has ``low`` (or its singular) as an ordinary lower-case word."""
    common = wordnet_names().common
    if low in common:
        return True
    if low.endswith("ies") and low[:-3] + "y" in common:
        return True
    return low.endswith("s") and (low[:-1] in common or (low.endswith("es") and low[:-2] in common))


#: Outside a headline, a one-word case-folded lexicon match needs a word longer than this.
_SHORT_FOLDED = 3


def lex_match(words: list[str], i: int, lex: Lexicon, folded: bool) -> tuple[int, Entry] | None:
    """The longest lexicon entry starting at word ``i``: (end, entry), or None.  Case-folded entries
    match in a headline (``folded``) or for words written in capitals."""
    head = words[i][:1]  # plain_punctuation changes punctuation only: test the capital before it
    if not head.isupper() and not head.isdigit():
        return None
    w = plain_punctuation(words[i])
    longest = lex.first.get(w, 0)
    flong = lex.ffirst.get(w.lower(), 0) if (folded or is_allcaps(w)) else 0
    if not longest and not flong:
        return None
    n = len(words)
    for ln in range(min(max(longest, flong), n - i), 0, -1):
        k = (w, *(plain_punctuation(x) for x in words[i + 1 : i + ln]))
        e = lex.exact.get(k) if ln <= longest else None
        if e is None and ln <= flong and (folded or all(is_allcaps(x) for x in k)):
            e = lex.folded.get(tuple(x.lower() for x in k))
            if e is not None and ln == 1 and len(k[0]) <= _SHORT_FOLDED and not folded:
                e = None  # outside a headline a short word in capitals (an acronym) matches only exactly
        if e is not None:
            return i + ln, e
    return None


#: The longest title in words ("Deputy Prime Minister").
_TITLE_MAX_WORDS = 3


def title_match(words: list[str], i: int, lex: Lexicon) -> int:
    """The end of the longest title starting at word ``i``, or 0."""
    if not words[i][:1].isupper():
        return 0
    w = plain_punctuation(words[i])
    if w not in lex.title_first and not ((is_allcaps(w) or w == ".") and w.title() in lex.title_first):
        return 0  # no title starts with this word
    plain = [w, *(plain_punctuation(x) for x in words[i + 1 : i + _TITLE_MAX_WORDS])]
    for ln in range(_TITLE_MAX_WORDS, 0, -1):
        if i + ln > len(words):
            continue
        k = tuple(plain[:ln])
        if k in lex.titles or (all(is_allcaps(w) or w == "." for w in k) and tuple(w.title() for w in k) in lex.titles):
            return _rank_class(words, i + ln)  # also in a transcript's capitals: "SEC. LEE:"
    return 0


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _rank_class(words: list[str], e: int) -> int:
    """A rank's class belongs to the title ("Sgt. 1st Class", "Petty Officer 2nd Class")."""
    if e + 1 < len(words) and words[e + 1] == "Class" and _ORDINAL.fullmatch(words[e]):
        return e + 2
    return e


@functools.cache
def zipf(word: str) -> float:
    """Return how common ``word`` is in general English (wordfreq's Zipf scale, 0 = unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def cue_type(words: list[str] | tuple[str, ...], lex: Lexicon) -> str | None:
    """The type a name's cue word gives it ("Harbour Bank" → org), by its last, first or inner word."""
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


#: One word in capitals, possibly with "&" or periods: the shape of an acronym ("QXB", "A&B", "U.N.").
ACRONYM_RE = re.compile(r"^[A-Z][A-Z&.]{1,6}$")


#: A word at least this common (Zipf) is an ordinary English word, not a given name or surname.
COMMON_WORD_ZIPF = 3.5
