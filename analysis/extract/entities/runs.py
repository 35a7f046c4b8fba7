"""Where the names of a sentence are: its words cut into lexicon names, titles, dateline places and runs.

Decides, word by word, whether a capitalised word can be part of a name (:class:`Sentence`: a
sentence's first word, a headline's words and a dateline's label need other evidence), where a
capitalised run ends (particles, "&", "of" after a cue word, "and" inside a body's name), and which
adjacent segments name one thing (:func:`merge_segments`: "Peru Airlines", "Varnak Lisbon").
Reads one sentence's words and tags, the lexicon (:mod:`.lexicon`) and the capitals the whole
article shows away from a sentence start (:func:`capital_evidence`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from analysis.extract.entities.lexicon import (
    MONTHS_DAYS,
    Entry,
    Lexicon,
    common_word,
    cue_type,
    lex_match,
    title_match,
    wordnet_names,
    zipf,
)
from analysis.nlp import lexicons
from analysis.nlp.case import HeadlineCase, headline, is_allcaps, is_cap, stop_words
from analysis.nlp.mention import How
from analysis.nlp.names import PARTICLES
from analysis.resources import first_names

_OPEN_PUNCT = frozenset("“‘\"'(«[-—:")


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
    while k < n and is_cap(words[k]) and words[k] not in fn and common_word(words[k].lower()) and k - j < _PORTFOLIO_MAX_WORDS:
        k += 1
    return k if j < k < n and name_tok(k) else t


#: A capitalised word this common (Zipf) opening a sentence is an ordinary word unless other
#: evidence says otherwise ("Police said", "Women's ...").
COMMON_INITIAL = 4.8
#: In a headline only rarer words are taken for names without other evidence.
COMMON_HEADLINE = 4.0
COMMON_ALLCAPS = 3.5


class Kind:
    """What a segment of a sentence is."""

    LEX: Final = "lex"  # a lexicon name
    TITLE: Final = "title"  # a title, or a role noun before a name
    RUN: Final = "run"  # a capitalised name run
    NOMINAL: Final = "nominal"  # "the alliance": a common noun a lexicon body is known by
    DATELINE_PLACE: Final = "dateline_place"  # the place (or its region) opening a dateline


@dataclass
class Segment:
    """Words ``[i, j)`` of a sentence and what they are; ``entry`` for a lexicon name or a dateline's
    place the lexicon knows; ``joined`` for a run made by joining adjacent segments."""

    i: int
    j: int
    kind: str
    entry: Entry | None = None
    joined: bool = False


@dataclass(frozen=True)
class CapitalEvidence:
    """What the whole article shows about its capitals, read once before any sentence is segmented."""

    midcaps: set[str]  # capitalised words seen away from a sentence start
    known: set[str]  # their lower-case forms
    alone: frozenset[str]  # those seen on their own, not inside a longer name
    headlines: frozenset[int]  # the sentences in headline case (:func:`~analysis.nlp.case.headline`)


class _Sentence:
    """One sentence's words and the evidence :func:`segment` uses to tell names from ordinary words."""

    def __init__(self, words: list[str], tags: list[str], evidence: CapitalEvidence, lex: Lexicon, headline: bool):
        self.words, self.tags, self.n = words, tags, len(words)
        self.midcaps, self.lex, self.known, self.alone = evidence.midcaps, lex, evidence.known, evidence.alone
        self.headline = headline
        self.stop, self.fn, self.wn = stop_words(), first_names(), wordnet_names()
        self.first = self._first_word()

    def _first_word(self) -> int:
        """Index of the first word (after opening punctuation): its capital is the sentence's, not a name's."""
        words, n = self.words, self.n
        first = next((k for k, w in enumerate(words) if w[:1].isalnum()), n)
        # "PERU - Timber futures rose": after a capital-letter label and a dash, the story's sentence starts.
        if first == 0 and is_allcaps(words[0]):
            j = _allcaps_end(words)
            if j + 1 < n and words[j] in _DATELINE_DASHES:
                first = j + 1
        return first

    def cap_next(self, k: int) -> bool:
        return k + 1 < self.n and is_cap(self.words[k + 1])

    def initial(self, k: int) -> bool:
        """"G. Korvel": a capital letter and its period, before a name."""
        words = self.words
        return (
            len(words[k]) == 1
            and words[k].isupper()
            and k + 2 < self.n
            and words[k + 1] == "."
            and is_cap(words[k + 2])
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
        if particle_name(w):
            return k > 0 and is_cap(self.words[k - 1])  # "Karim al-Rashid": a particle joined to a surname
        if not is_cap(w) or w in MONTHS_DAYS or w == "I" or "_" in w:
            return False
        if len(w) == 1:
            return self.initial(k)
        low = w.lower()
        if low in self.stop and is_allcaps(w):
            return False  # "LISBON AT PORTO"
        if self.headline:
            return self._headline_name(k, w, low)
        if self.starts_sentence(k):
            return self._initial_name(k, w, low)
        return True

    def _headline_name(self, k: int, w: str, low: str) -> bool:
        """In a headline capitals say nothing: a word is a name on other evidence or by rarity."""
        if low in self.stop:
            return False
        if low in self.known or w in self.fn or ((w, "first") in self.lex.cues and self.cap_next(k)):
            return True  # also a cue word opening a name: "Hurricane Dana Nears Coast"
        if is_allcaps(w):
            if w.title() in MONTHS_DAYS or (common_word(low) and (w.title(),) not in self.wn.types):
                return False  # "TOWN CUP FINAL", "FRIDAY"
            return zipf(low) < COMMON_ALLCAPS
        if common_word(low) and (w,) not in self.wn.types and not (k > 0 and self.words[k - 1] in self.fn):
            return False  # "Lab Honoured as Top Team": ordinary words the headline capitalises
        return self.tags[k] in ("NNP", "NNPS") and zipf(low) < COMMON_HEADLINE

    def _initial_name(self, k: int, w: str, low: str) -> bool:
        """A word whose capital may be the sentence's: a name only on evidence."""
        if low in self.stop and not (w in self.fn and self.cap_next(k)):
            return False  # "Will the board ...", but "Don Pellow agreed"
        nxt_low = k + 1 < self.n and self.words[k + 1][:1].islower()
        if (w in self.fn and not (nxt_low and zipf(low) >= COMMON_INITIAL)) or (
            k + 1 < self.n and particle_name(self.words[k + 1])
        ):
            return True
        if self._sentence_word_before_name(k, w, low):
            return False  # "Replied Dana Korvel", "Ask Dana", "Sociologist Dana Korvel": the sentence's word
        if w in self.midcaps and (w in self.alone or not common_word(low) or self.cap_next(k)):
            return True  # "Park rangers said": an ordinary word seen only inside longer names is no name here
        if k + 1 < self.n and self.words[k + 1] == "and" and _joins_body_name(self, k, k + 1):
            return True  # "Harbor and Rail Committee ..." opening the sentence
        if self.tags[k] not in ("NNP", "NNPS"):
            return False
        if common_word(low) and (w,) not in self.wn.types and not self.cap_next(k):
            return False  # "Timber closed higher": an ordinary word that only the sentence capitalises
        return zipf(low) < COMMON_INITIAL or self.cap_next(k)

    def _sentence_word_before_name(self, k: int, w: str, low: str) -> bool:
        """Whether the sentence's first word, which the text never capitalises elsewhere, is an
        ordinary word or a reporting verb before a given name or a word the text names someone by
        alone: "Replied Dana, ...", "Ask Dana Korvel ...", "Sociologist Dana Korvel said".  A title
        ("President Dana"), a place's or a body's cue word ("Port Elizabeth") or a name the lexicons
        know keeps its place in the name."""
        if k + 1 >= self.n or w in self.midcaps or w in self.fn:
            return False
        verb = lexicons.speech_verbs().get(low)
        if verb is not None and verb.form in ("past", "pp", "s"):
            return True  # "Replied Korvel, ...": a reporting verb before its speaker
        nxt = self.words[k + 1]
        if not (nxt in self.fn or (nxt in self.alone and not nxt[1:2].isupper())):
            return False
        if not (verb is not None or (common_word(low) and (w,) not in self.wn.types)):
            return False
        return not (w in self.lex.cue_words or title_match(self.words, k, self.lex) or lex_match(self.words, k, self.lex, False))

    def stops_run(self, j: int) -> bool:
        """A lexicon name or a title starting at ``j`` ends the run before it."""
        return bool(lex_match(self.words, j, self.lex, self.headline) or title_match(self.words, j, self.lex))


def _allcaps_end(words: list[str]) -> int:
    """End of the all-capital words opening ``words`` (``words[0]`` is all-capital)."""
    j = 1
    while j < len(words) and is_allcaps(words[j]):
        j += 1
    return j


def dateline_segments(s: _Sentence, segs: list[Segment]) -> int:
    """Append a dateline's segments to ``segs``; return the index where the sentence proper starts.

    A capital-letter place name opening the line, then optionally ", Region", then a date or
    "(Agency)": "MARLOVKA , Russia 2001-05-04", "VARNWICK (Tidewire) - Police said".
    Also moves ``s.first`` to the story's first word.
    """
    words, n = s.words, s.n
    if not (n >= 2 and s.first == 0 and is_allcaps(words[0])):
        return 0
    j = _allcaps_end(words)
    k = j
    if k < n and words[k] == ",":
        k += 1
        while k < n and k <= j + _DATELINE_REGION_WORDS and is_cap(words[k]):
            k += 1
    agency = k + 2 < n and words[k] == "(" and is_cap(words[k + 1]) and words[k + 2] == ")"
    dash = k + 1 < n and words[k] in _DATELINE_DASHES  # "ALBANY, N.Y. – The governor said"
    if not (agency or dash or (k < n and _is_date(words[k]) and n <= k + _DATELINE_DATE_TAIL)):
        return 0
    m = lex_match(words, 0, s.lex, True)
    if m and m[0] != j:
        return 0
    segs.append(Segment(0, j, Kind.DATELINE_PLACE, m[1] if m else None))
    i = j
    if k > j + 1 and not lex_match(words, j + 1, s.lex, True):
        segs.append(Segment(j + 1, k, Kind.DATELINE_PLACE))  # the region after the city is a place
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
        if qualifier(words[j - 1]):
            break  # "Ostrava-based | Varnak": the compound qualifies the name after it
        if words[j] == "." and s.initial(j - 1):
            j += 2  # the initial's period and the capitalised word it belongs to ("D. Madison")
            continue
        if s.stops_run(j):
            break
        if s.name_tok(j):
            j += 1
            continue
        nxt = j + 1 < n and s.name_tok(j + 1)
        if nxt and (words[j] in PARTICLES or words[j] in ("&", "/")):
            j += 1
            continue
        if words[j] in PARTICLES and j + 2 < n and words[j + 1] in PARTICLES and s.name_tok(j + 2):
            j += 2  # two particles: "Ursel von der Lanz", "Ana de la Cruz"
            continue
        if nxt and words[j] in ("of", "for") and cue_type(words[i:j], lex):
            j += 1
            continue
        if nxt and words[j] == "and" and _joins_body_name(s, i, j):
            j += 1  # "Harbor and Rail Committee", "Department of Health and Human Services"
            continue
        break
    while j - 1 > i and words[j - 1] in ("&", "/"):
        j -= 1  # "Dana Korvel / Agency": a joiner before a name that stopped the run is not the run's
    return j - 1 if words[j - 1] == "." else j


def _role_word(w: str) -> bool:
    """A capitalised role noun ("Analyst", "Co-author"): a person noun, also after a hyphenated prefix."""
    low = w.lower()
    nouns = lexicons.person_nouns()
    return low in nouns or ("-" in low and low.rsplit("-", 1)[1] in nouns)


_NOT_NAME_OPENERS = frozenset("today yesterday tomorrow tonight meanwhile later earlier also".split())


def _opening_word_joins(s: _Sentence, i: int, seg: Segment) -> bool:
    """Whether the sentence's first word, an ordinary capitalised word, opens the one-word name after
    it ("Garden Weekly", "Harbour News"): both ordinary words, the first no person noun or adverb."""
    if i != s.first + 1 or seg.kind != Kind.RUN or seg.j - seg.i != 1:
        return False
    w, low = s.words[i - 1], s.words[i - 1].lower()
    return (
        is_cap(w)
        and not is_allcaps(w)
        and low not in s.stop
        and low not in _NOT_NAME_OPENERS
        and low not in lexicons.person_nouns()
        and w not in MONTHS_DAYS
        and not lex_match(s.words, i - 1, s.lex, s.headline)
        and not title_match(s.words, i - 1, s.lex)
        and common_word(low)
        and common_word(s.words[i].lower())
        and s.tags[i - 1].startswith("NN")
    )


def _joins_body_name(s: _Sentence, i: int, j: int) -> bool:
    """Whether "and" at ``j`` joins two parts of one body's name: ordinary words on one side and an
    organisation cue word on the other ("Food and Drug Administration", "Department of Health and
    Human Services"); two names ("Peru and Varnak Motors") stay apart."""
    k = j + 1
    while k < s.n and s.name_tok(k) and not s.stops_run(k):
        k += 1
    before, after = s.words[i:j], s.words[j + 1 : k]
    if not after:
        return False

    def ordinary(ws):
        return all(common_word(w.lower()) for w in ws if w not in ("of", "for", "the"))

    def body(ws):  # a name of two words or more with an organisation cue word ("Drug Administration")
        return len(ws) >= 2 and cue_type(ws, s.lex) == "org"

    return (body(after) and ordinary(before)) or (body(before) and ordinary(after))


def _run_segment(s: _Sentence, i: int) -> Segment:
    """The segment for the name run starting at ``i``: a run, or a title when it is a portfolio."""
    words, n = s.words, s.n
    j = _run_end(s, i)
    t = title_match(words, j, s.lex) if j < n else 0
    if t and all(common_word(w.lower()) for w in words[i:j]) and not (j - i > 1 and cue_type(words[i:j], s.lex)):
        # "Energy Minister", "Fisheries Secretary": a portfolio is part of the title, not a name
        # (but "Armed Services Committee Chairman": a body's name before a title is a name)
        return Segment(i, t, Kind.TITLE)
    if j < n and words[j].isdigit() and len(words[j]) <= _UNIT_NUMBER_DIGITS and cue_type(words[i:j], s.lex):
        j += 1  # "District 9", "Terminal 2": a numbered unit
    return Segment(i, j, Kind.RUN)


def segment(words: list[str], tags: list[str], evidence: CapitalEvidence, lex: Lexicon, *, headline: bool) -> list[Segment]:
    """Return the segments of one sentence: lexicon names, titles, runs, nominals, a dateline's place."""
    s = _Sentence(words, tags, evidence, lex, headline)
    segs: list[Segment] = []
    i = dateline_segments(s, segs)
    while i < s.n:
        w = words[i]
        # Only a word opening with a capital or a digit (or "al-Rashid") can open a lexicon name, a
        # title or a run: most words skip the lookups below.
        head = w[:1]
        end = _name_segment(s, i, segs) if head.isupper() or head.isdigit() or ("-" in w and particle_name(w)) else None
        if end is not None:
            i = end
            continue
        if w.lower() in lex.nominals and i > 0 and words[i - 1].lower() == "the":
            segs.append(Segment(i, i + 1, Kind.NOMINAL))
        i += 1
    return segs


def _name_segment(s: _Sentence, i: int, segs: list[Segment]) -> int | None:
    """Append the lexicon name, title or name run starting at word ``i`` to ``segs`` and return
    where it ends; None when none starts there."""
    words, n, lex = s.words, s.n, s.lex
    w = words[i]
    m = lex_match(words, i, lex, s.headline)
    if m:
        segs.append(Segment(i, m[0], Kind.LEX, m[1]))
        return m[0]
    t = title_match(words, i, lex)
    t = _portfolio(words, t, s.name_tok) if t else t
    if t and is_cap(w) and (t < n and s.name_tok(t) or (i > 0 and segs and segs[-1].j == i)):
        segs.append(Segment(i, t, Kind.TITLE))
        return t
    if w.lower() in _AUXILIARIES and not (s.headline or s.starts_sentence(i) or is_allcaps(w)):
        j = i + 1
        while j < n and is_cap(words[j]):
            j += 1
        return j  # "Other People Are Reading" inside a line: a title-case phrase, no name
    if not s.name_tok(i):
        return None
    if not t and i + 1 < n and _role_word(w) and s.name_tok(i + 1):
        segs.append(Segment(i, i + 1, Kind.TITLE))  # "Co-author Ann Lee", "Analyst Tom Roe": a role, then the name
        return i + 1
    segs.append(_run_segment(s, i))
    if _opening_word_joins(s, i, segs[-1]):
        segs[-1].i = i - 1  # "Garden Weekly named ...": the sentence's first word opens the name
    return segs[-1].j


#: Auxiliary verbs that open no name: capitalised inside a sentence they mark a title-case phrase.
_AUXILIARIES = frozenset("am are is was were been being has had does did".split())
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
    return bool(_DATE_TOKEN.match(w)) or w in MONTHS_DAYS


#: Endings of the lower-case part of a qualifying compound ("Ostrava-based", "Lima-bound", "Soviet-era").
_QUALIFIER_ENDS = ("ed", "born", "bound", "run", "made", "style", "era", "like", "wide", "free", "speaking", "owned")


def particle_name(w: str) -> bool:
    """A surname with a lower-case particle joined by a hyphen: "al-Rashid", "bin-Salman", "el-Sisi"."""
    head, _, rest = w.partition("-")
    return head in PARTICLES and rest[:1].isupper()


def qualifier(w: str) -> bool:
    """A hyphen compound with a lower-case qualifying part: "Ostrava-based", "Communist-led", "Lima-bound".

    A hyphenated given name ("Min-soo", "Ji-hoon") is no qualifier.
    """
    parts = re.split("[-–]", w)
    return len(parts) > 1 and any(p[:1].islower() and p.endswith(_QUALIFIER_ENDS) for p in parts[1:])


DIRECTIONS = frozenset("North South East West Northern Southern Eastern Western Central Greater".split())


def merge_segments(segs: list[Segment], words: list[str], lex: Lexicon) -> list[Segment]:
    """Join adjacent segments that name one thing.

    A country or place name followed by a capitalised run ("Peru Airlines", "Lima Stock
    Exchange"), a run followed by a place ("Varnak Lisbon"), a run before a run, a directional word
    before a lexicon name ("West Indian"), and a demonym before an organisation or event ("Chinese
    Foreign Ministry") become one run, typed afresh; a run starting with a given name stays apart.
    """
    out: list[Segment] = []
    names = (Kind.RUN, Kind.LEX)
    for seg in segs:
        p = out[-1] if out else None
        if p is not None and p.j == seg.i and seg.kind in names and p.kind in names:
            merged = _merged(p, seg, words, lex)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(seg)
    return out


def _merged(p: Segment, seg: Segment, words: list[str], lex: Lexicon) -> Segment | None:
    """The one segment two adjacent name segments make, or None when they name two things."""
    fn = first_names()
    pe, se = p.entry, seg.entry
    place = ("country", "place")
    named = (How.NAME, How.ALIAS)
    if p.kind == Kind.RUN and seg.kind == Kind.LEX and p.j - p.i == 1 and words[p.i] in DIRECTIONS:
        return Segment(p.i, seg.j, Kind.LEX, Entry(" ".join(words[p.i : seg.j]), se.actor_type, se.how))
    joined = False
    if p.kind == Kind.LEX and seg.kind == Kind.RUN:
        if pe.how in named and pe.actor_type in place and words[seg.i] not in fn:
            joined = True
        elif pe.how == How.DEMONYM and cue_type(words[p.i : seg.j], lex) in ("org", "event"):
            joined = True
    elif p.kind == Kind.LEX and seg.kind == Kind.LEX and pe.actor_type == "org" and se.actor_type == "event":
        # "UEFA Europa League": an organiser's name before its event is the event's full name
        return Segment(p.i, seg.j, Kind.LEX, Entry(se.actor, "event", How.NAME))
    elif p.kind == Kind.LEX and seg.kind == Kind.LEX and pe.how == How.DEMONYM and se.actor_type == "org":
        # "Scottish Labour Party", "North Korean Red Cross": a national branch is one body;
        # so is a demonym before a plural party name ("Swedish Liberals").
        joined = cue_type(words[p.i : seg.j], lex) == "org" and seg.j - seg.i >= 2
        joined = joined or (seg.j - seg.i == 1 and words[seg.i].endswith("s") and words[seg.i][1:].islower())
    elif p.kind == Kind.RUN and seg.kind == Kind.LEX:
        if se.how in named and se.actor_type in place and words[p.i] not in fn:
            joined = True
        elif p.j - p.i == 1 and words[p.i] in fn and seg.j - seg.i == 1 and se.how == How.NAME:
            joined = True  # a given name and a one-word place: a surname ("Michael Madison")
        elif se.how in named and cue_type(words[p.i : seg.j], lex):
            joined = True
    elif p.kind == Kind.RUN and seg.kind == Kind.RUN:
        joined = not qualifier(words[p.j - 1])
    return Segment(p.i, seg.j, Kind.RUN, joined=True) if joined else None


HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


#: A heading of the story (a block of its own between paragraphs) is in headline case with fewer
#: content words than a sentence needs: "Ballooning Interest", "Your Motivations" are a subhead's
#: capitals, not names.
HEADING_CASE = HeadlineCase(min_content=1)


def capital_evidence(by_sent, sids: list[int], headings: frozenset[int] = frozenset()) -> CapitalEvidence:
    """The sentences in headline case (``headings``, the story's subheads, by a looser test), the
    capitalised words seen away from a sentence start outside them (evidence for sentence-initial and
    headline words), and those among them seen on their own, not inside a longer name."""
    midcaps: set[str] = set()
    alone: set[str] = set()
    headlines: set[int] = set()
    for sid in sids:
        words = [t[2] for t in by_sent.get(sid, [])]
        if headline(words) or (sid in headings and headline(words, HEADING_CASE)):
            headlines.add(sid)
            continue
        caps = [is_cap(w) for w in words]
        for k in range(1, len(words)):
            # after opening punctuation, a sentence end or a dash (a dateline's "--") the capital may be the sentence's
            if caps[k] and words[k - 1] not in _OPEN_PUNCT and words[k - 1] not in ".!?" and words[k - 1] not in _DATELINE_DASHES:
                midcaps.add(words[k])
                if not caps[k - 1] and (k + 1 == len(words) or not caps[k + 1]):
                    alone.add(words[k])
        if len(words) > 1 and caps[0] and HYPHENATED_GIVEN.fullmatch(words[1]):
            midcaps.add(words[0])  # "Yeon Ha-rin" opening a sentence: "Yeon" alone later is that name
            alone.add(words[0])
    return CapitalEvidence(midcaps, {w.lower() for w in midcaps}, frozenset(alone), frozenset(headlines))
