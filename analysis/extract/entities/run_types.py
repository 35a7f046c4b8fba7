"""What a capitalised run names: person, org, place, event or other, by the first typing rule that applies.

Decides the ``actor_type`` of a run and the ``rule`` that typed it, walking
:data:`RUN_TYPING_RULES` in order: cue words, titles and given names first, then the context
(a speech verb, an age, a score, a place preposition), then WordNet, then defaults.  Reads the run's
words and tags, three words before it and five after it (:class:`Run`), and the lexicon.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from analysis.extract.entities.lexicon import (
    ACRONYM,
    COMMON_WORD_ZIPF,
    Lexicon,
    common_word,
    cue_type,
    lex_match,
    lexicon,
    wordnet_names,
    zipf,
)
from analysis.extract.entities.runs import HYPHENATED_GIVEN, particle_name, qualifier
from analysis.nlp import lexicons
from analysis.nlp.case import is_allcaps, is_cap
from analysis.nlp.names import PARTICLES
from analysis.nlp.tokens import plain_punctuation
from analysis.resources import first_names

_PLACE_PREPS = frozenset("in at from near outside inside across into via".split())


def _is_score(after: list[str] | tuple[str, ...]) -> bool:
    """A whole number right after a name, as in a results line or table ("Chicago 4 Houston 3")."""
    w = after[0] if after else ""
    return w.isdigit() and not (len(w) == 4 and w[:2] in ("19", "20"))


#: Words between two sides of a match ("Surrey beat Kent", "Hampshire v Essex").
_TEAM_VERBS = frozenset("beat beats v vs vs. defeated drew".split())


def team_context(words: list[str], i: int, j: int) -> bool:
    """A name [i, j) followed by a score, next to "beat" / "v", or in a fixture line: a side in a match."""
    if (j < len(words) and words[j] == "AT" and i == 0) or (i > 0 and words[i - 1] == "AT" and j == len(words)):
        return all(is_allcaps(w) for w in words)  # a fixture list: "KANSAS CITY AT DETROIT"
    return (
        _is_score(words[j : j + 1])
        or (j < len(words) and words[j] in _TEAM_VERBS)
        or (i > 0 and words[i - 1] in _TEAM_VERBS)
    )


def _place_after_comma(rest: list[str] | tuple[str, ...]) -> bool:
    """``rest`` opens with a country or a state/province name that ends the phrase ("Scotland .")."""
    m = lex_match(list(rest), 0, lexicon(), False)
    if not m or m[1].actor_type not in ("country", "place") or m[1].how == "demonym":
        return False
    k = m[0]
    return k >= len(rest) or not is_cap(rest[k])


#: Courtesy titles right before a run: the run is a person ("Mr. Lee").
_COURTESY = frozenset(("Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Dr"))


#: Ages (years) that a number between commas after a name may be ("Duran , 45 , takes on ...").
_AGE_RANGE = range(15, 111)


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
    lex: Lexicon
    joined: bool = False  # built by joining adjacent segments (see :func:`merge_segments`)

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
        wt = wn.get(words) or (wn.get(tuple(w.title() for w in words)) if is_allcaps(w0) else None)
        if wt is None and len(words) == 1 and w0.endswith("s") and wn.get((w0[:-1],)) == "other":
            wt = "other"  # the plural of a people or group noun: "Kurds", "Arabs", "Chechens"
        return wt


#: A typing rule's verdict: (actor_type, strong) or None when the rule does not apply.
_Verdict = tuple[str, bool] | None


def _rule_cue_word(r: _Run) -> _Verdict:
    cue = cue_type(r.words, r.lex)  # "Bank" → org, "Strait" → place (name_cues.tsv)
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
    given = w0 in fn or (is_allcaps(w0) and w0.title() in fn) or w0.split("-")[0] in fn
    return ("person", True) if r.multi and given and not _common_tail(r.words, fn) else None


def _rule_initial(r: _Run) -> _Verdict:
    return ("person", True) if r.multi and len(r.w0) == 1 and r.w0.isupper() else None


def _rule_surname_first(r: _Run) -> _Verdict:
    """"SUZUKI Taro": a family name in capitals, then the given name."""
    fn, rest = first_names(), r.words[1:]
    ok = (
        2 <= len(r.words) <= 3
        and is_allcaps(r.w0)
        and all(w[:1].isupper() and w[1:].islower() for w in rest)
        and not any(zipf(w.lower()) >= COMMON_WORD_ZIPF and w not in fn for w in rest)
    )
    return ("person", True) if ok else None


def _rule_acronym(r: _Run) -> _Verdict:
    return ("org", True) if len(r.words) == 1 and ACRONYM.match(r.w0) and is_allcaps(r.w0) else None


def _rule_hyphen_compound(r: _Run) -> _Verdict:
    return ("other", True) if any(qualifier(w) for w in r.words) else None  # "Hong Kong-based"


def _rule_particle_surname(r: _Run) -> _Verdict:
    # "Karim al-Rashid"; "Ana de la Cruz", "Jan van Dijk": a lower-case particle inside the name
    inner = any(w in PARTICLES for w in r.words[1:-1])
    return ("person", True) if r.multi and (particle_name(r.words[-1]) or inner) else None


def _rule_hyphenated_given_name(r: _Run) -> _Verdict:
    """A short family name, then a hyphenated given name ("Kang Min-soo")."""
    ok = len(r.words) == 2 and len(r.w0) <= _SHORT_FAMILY_NAME and HYPHENATED_GIVEN.fullmatch(r.words[1])
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
    m = lex_match(list(after), 1, r.lex, False)
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
    return ("other", False) if ok and common_word(r.w0.lower()) else None


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
    ok = _title_case_words(r) and any(common_word(w.lower()) and w not in fn for w in r.words)
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


def type_run(
    words: tuple[str, ...], tags: list[str], before: list[str], after: list[str], lex: Lexicon, *, joined: bool
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
    return len(words) >= 3 and all(zipf(w.lower()) >= COMMON_WORD_ZIPF and w not in fn for w in words[1:])
