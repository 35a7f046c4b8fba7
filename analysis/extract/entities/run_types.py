"""What a capitalised run names: person, org, place, event or other, by the first typing rule that applies.

Decides the ``actor_type`` of a run and the ``rule`` that typed it, walking
:data:`RUN_TYPING_RULES` in order: cue words, titles and given names first, then the context
(a speech verb, an age, a score, a place preposition), then WordNet, then defaults.  Reads the run's
words and tags, three words before it and five after it (:class:`Run`), and the lexicon.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from analysis.extract.entities.lexicon import (
    ACRONYM_RE,
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
from analysis.nlp.mention import Evidence, How, MentionRule
from analysis.nlp.names import PARTICLES
from analysis.nlp.tokens import plain_punctuation
from analysis.resources import first_names
from analysis.rules import Example, RuleTable

_PLACE_PREPS = frozenset("in at from near outside inside across into via".split())


def _is_score(after: list[str] | tuple[str, ...]) -> bool:
    """A whole number right after a name, as in a results line or table ("Lisbon 4 Porto 3")."""
    w = after[0] if after else ""
    return w.isdigit() and not (len(w) == 4 and w[:2] in ("19", "20"))


#: Words between two sides of a match ("Wexford beat Carlow", "Varnwick v Tamsin").
_TEAM_VERBS = frozenset("beat beats v vs vs. defeated drew".split())


def team_context(words: list[str], i: int, j: int) -> bool:
    """A name [i, j) followed by a score, next to "beat" / "v", or in a fixture line: a side in a match."""
    if (j < len(words) and words[j] == "AT" and i == 0) or (i > 0 and words[i - 1] == "AT" and j == len(words)):
        return all(is_allcaps(w) for w in words)  # a fixture list: "LISBON AT PORTO"
    return (
        _is_score(words[j : j + 1])
        or (j < len(words) and words[j] in _TEAM_VERBS)
        or (i > 0 and words[i - 1] in _TEAM_VERBS)
    )


def _place_after_comma(rest: list[str] | tuple[str, ...]) -> bool:
    """``rest`` opens with a country or a state/province name that ends the phrase ("Scotland .")."""
    m = lex_match(list(rest), 0, lexicon(), False)
    if not m or m[1].actor_type not in ("country", "place") or m[1].how == How.DEMONYM:
        return False
    k = m[0]
    return k >= len(rest) or not is_cap(rest[k])


#: Courtesy titles right before a run: the run is a person ("Mr. Lee").
_COURTESY = frozenset(("Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Dr"))


#: Ages (years) that a number between commas after a name may be ("Varnak , 45 , takes on ...").
_AGE_RANGE = range(15, 111)


#: A family name before a hyphenated given name is short ("Yeon", "Ryu", "Zhang").
_SHORT_FAMILY_NAME = 5
#: Tokens that may follow a name that "said" introduced ("..., said Oskarsson .").
_AFTER_SAID = frozenset((".", ",", "", "'s", "’s"))


@dataclass
class Run:
    """A capitalised run and its context: what the typing rules look at."""

    words: tuple[str, ...]
    tags: list[str]
    before: list[str]  # up to three words before the run
    after: list[str]  # up to five words after the run
    lex: Lexicon
    joined: bool = False  # built by joining adjacent segments (see :func:`merge_segments`)
    title_before: bool = False  # a title stands right before the run ("Senator Olek Varn")

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
            wt = "other"  # the plural of a people or group noun: "Basques", "Zulus", "Hmongs"
        return wt


#: A typing rule's verdict: (actor_type, strong) or None when the rule does not apply.
Verdict = tuple[str, bool] | None


def _rule_cue_word(r: Run) -> Verdict:
    cue = cue_type(r.words, r.lex)  # "Bank" → org, "Strait" → place (name_cues.tsv)
    return (cue, True) if cue else None


def _rule_title(r: Run) -> Verdict:
    return ("person", True) if r.title_before else None


def _rule_ampersand(r: Run) -> Verdict:
    return ("org", True) if "&" in r.words else None


def _rule_courtesy_title(r: Run) -> Verdict:
    # "Ms. Lee", and in a transcript's capitals "MS. LEE:" (its period may be a token of its own)
    prev = r.before[-2] + "." if r.prev == "." and len(r.before) >= 2 else r.prev
    return ("person", True) if prev in _COURTESY or prev.title() in _COURTESY else None


#: Country names that are also common family names ("Michael Jordan", "Ann Scotland").
_COUNTRY_SURNAMES = frozenset("Jordan Israel Georgia Chad Wales Scotland England Holland France Ireland".split())


def _rule_country_tail(r: Run) -> Verdict:
    last = plain_punctuation(r.words[-1])
    e = r.lex.exact.get((last,)) if r.multi else None
    ok = e is not None and e.actor_type == "country" and e.how != How.DEMONYM and last not in _COUNTRY_SURNAMES
    ok = ok and any(len(w) > 2 and w[-1] != "." for w in r.words[:-1])  # not "N. Korea"
    return ("org", True) if ok else None


def _rule_generic_noun_after(r: Run) -> Verdict:
    cue = r.lex.cues.get((r.nxt, "after"))
    return (cue, False) if cue else None


def _rule_first_name(r: Run) -> Verdict:
    fn, w0 = first_names(), r.w0
    given = w0 in fn or (is_allcaps(w0) and w0.title() in fn) or w0.split("-")[0] in fn
    return ("person", True) if r.multi and given and not _common_tail(r.words, fn) else None


def _rule_initial(r: Run) -> Verdict:
    return ("person", True) if r.multi and len(r.w0) == 1 and r.w0.isupper() else None


def _rule_surname_first(r: Run) -> Verdict:
    fn, rest = first_names(), r.words[1:]
    ok = (
        2 <= len(r.words) <= 3
        and is_allcaps(r.w0)
        and all(w[:1].isupper() and w[1:].islower() for w in rest)
        and not any(zipf(w.lower()) >= COMMON_WORD_ZIPF and w not in fn for w in rest)
    )
    return ("person", True) if ok else None


def _rule_acronym(r: Run) -> Verdict:
    return ("org", True) if len(r.words) == 1 and ACRONYM_RE.match(r.w0) and is_allcaps(r.w0) else None


def _rule_hyphen_compound(r: Run) -> Verdict:
    return ("other", True) if any(qualifier(w) for w in r.words) else None


def _rule_particle_surname(r: Run) -> Verdict:
    inner = any(w in PARTICLES for w in r.words[1:-1])
    return ("person", True) if r.multi and (particle_name(r.words[-1]) or inner) else None


def _rule_hyphenated_given_name(r: Run) -> Verdict:
    ok = len(r.words) == 2 and len(r.w0) <= _SHORT_FAMILY_NAME and HYPHENATED_GIVEN.fullmatch(r.words[1])
    return ("person", True) if ok else None


def _rule_speaker_context(r: Run) -> Verdict:
    after, nxt, said = r.after, r.nxt, lexicons.said_forms()
    ok = (
        nxt in said
        or (nxt == "," and len(after) > 2 and after[1] in ("a", "the") and after[2] in lexicons.person_nouns())
        or (r.prev in said and nxt in _AFTER_SAID)
        or (nxt == "," and len(after) > 1 and after[1] == "who")
    )
    return ("person", r.multi) if ok else None


def _rule_age(r: Run) -> Verdict:
    a = r.after
    ok = r.nxt == "," and len(a) > 2 and a[1].isdigit() and a[2] == "," and int(a[1]) in _AGE_RANGE
    return ("person", r.multi) if ok else None


def _rule_role_noun(r: Run) -> Verdict:
    ok = r.prev.lower() in lexicons.person_nouns() or r.prev.endswith("-year-old")
    return ("person", r.multi) if ok else None


def _rule_name_country(r: Run) -> Verdict:
    after = r.after
    if len(after) < 3 or after[0] != "(" or wordnet_names().types.get(r.words) == "place":
        return None
    m = lex_match(list(after), 1, r.lex, False)
    ok = m and m[1].actor_type == "country" and m[1].how != How.DEMONYM and m[0] < len(after) and after[m[0]] == ")"
    return ("person", r.multi) if ok else None


def _rule_team_score(r: Run) -> Verdict:
    match = _is_score(r.after) or r.nxt in _TEAM_VERBS or r.prev in _TEAM_VERBS
    ok = match and r.wordnet != "person" and not (r.multi and r.w0 in first_names())
    return ("org", False) if ok else None


def _rule_place_of(r: Run) -> Verdict:
    b = r.before
    ok = len(r.words) == 1 and r.prev == "of" and len(b) >= 2 and r.lex.cues.get((b[-2].lower(), "of")) == "place"
    return ("place", True) if ok else None


def _rule_place_preposition(r: Run) -> Verdict:
    return ("place", False) if len(r.words) == 1 and r.prev in _PLACE_PREPS else None


def _rule_place_noun_before(r: Run) -> Verdict:
    ok = len(r.words) == 1 and r.lex.cues.get((r.prev.lower(), "before")) == "place"
    return ("place", True) if ok else None


def _rule_event_noun_before(r: Run) -> Verdict:
    ok = r.lex.cues.get((r.prev.lower(), "before")) == "event"
    return ("event", True) if ok else None


def _rule_place_comma_region(r: Run) -> Verdict:
    ok = len(r.words) == 1 and len(r.after) >= 2 and r.nxt == "," and _place_after_comma(r.after[1:])
    return ("place", True) if ok else None


def _rule_common_adjective(r: Run) -> Verdict:
    nxt = r.nxt
    ok = len(r.words) == 1 and r.wordnet == "other" and nxt[:1].islower() and nxt.isalpha()
    return ("other", False) if ok and common_word(r.w0.lower()) else None


def _rule_wordnet(r: Run) -> Verdict:
    return (r.wordnet, False) if r.wordnet else None


def _rule_lone_first_name(r: Run) -> Verdict:
    return ("person", False) if len(r.words) == 1 and r.w0 in first_names() else None


def _rule_adjective(r: Run) -> Verdict:
    return ("other", False) if len(r.words) == 1 and r.tags and r.tags[0] == "JJ" else None


def _rule_default_joined(r: Run) -> Verdict:
    return ("org", False) if r.joined else None


def _title_case_words(r: Run) -> bool:
    return r.multi and all(w[:1].isupper() and (w[1:].islower() or w.endswith(".")) for w in r.words)


def _rule_default_multiword_common(r: Run) -> Verdict:
    fn = first_names()
    ok = _title_case_words(r) and any(common_word(w.lower()) and w not in fn for w in r.words)
    return ("org", False) if ok else None


def _rule_default_multiword(r: Run) -> Verdict:
    return ("person", False) if _title_case_words(r) else None


def _rule_default(r: Run) -> Verdict:
    return ("other", False)


@dataclass(frozen=True)
class TypingRule(MentionRule):
    """A typing rule of a capitalised run: ``func(run)`` gives its verdict, ``(actor_type, strong)`` or None.

    ``value`` is the value written in ``entities.rule`` when it is not ``name`` (two rules of the
    table write ``first_name``); ``names_nothing`` marks a rule whose run is no name at all (the
    mention is dropped before linking).
    """

    value: str = ""
    names_nothing: bool = False

    @property
    def column(self) -> str:
        """The value this rule writes in ``entities.rule``."""
        return self.value or self.name


CUE_WORD = "cue_word"
TITLE = "title"
AMPERSAND = "ampersand"
COURTESY_TITLE = "courtesy_title"
COUNTRY_TAIL = "country_tail"
FIRST_NAME = "first_name"
INITIAL = "initial"
SURNAME_FIRST = "surname_first"
ACRONYM = "acronym"
HYPHEN_COMPOUND = "hyphen_compound"
PARTICLE_SURNAME = "particle_surname"
HYPHENATED_GIVEN_NAME = "hyphenated_given_name"
SPEAKER_CONTEXT = "speaker_context"
AGE = "age"
ROLE_NOUN = "role_noun"
NAME_COUNTRY = "name_country"
TEAM_SCORE = "team_score"
PLACE_OF = "place_of"
PLACE_PREPOSITION = "place_preposition"
PLACE_NOUN_BEFORE = "place_noun_before"
EVENT_NOUN_BEFORE = "event_noun_before"
PLACE_COMMA_REGION = "place_comma_region"
COMMON_ADJECTIVE = "common_adjective"
GENERIC_NOUN_AFTER = "generic_noun_after"
WORDNET = "wordnet"
LONE_FIRST_NAME = "lone_first_name"
ADJECTIVE = "adjective"
DEFAULT_JOINED = "default_joined"
DEFAULT_MULTIWORD_COMMON = "default_multiword_common"
DEFAULT_MULTIWORD = "default_multiword"
DEFAULT = "default"

#: The evidence of the team rules (a score or "beat" beside a name); :mod:`.mentions` gives it to a
#: gazetteer place in a match too.
TEAM_EVIDENCE = Evidence(team=True)


def _ex(text: str, mention: str, rule: str, actor_type: str) -> Example:
    return Example(text, {"text": mention, "rule": rule, "actor_type": actor_type})


#: The typing rules for a capitalised run, tried in this order; the first that applies names the
#: mention's ``rule``.  Strong rules (lexicon-like evidence) come first, then context, then
#: WordNet, then defaults.  To add a rule: write a ``_rule_x(run) -> (type, strong) | None`` and
#: put it here with an invented example.  ``first_name`` is written by two rules: a given name
#: opening a longer run (strong) and a lone given name late, after the place rules (weak).
RUN_TYPING_RULES: RuleTable[TypingRule] = RuleTable(
    "entities.rule",
    [
        TypingRule(CUE_WORD, "a cue word of the name types it (\"Bank\" → org, \"Strait\" → place)",
                   _ex("The talks were held at the Harbour Bank on Monday.", "Harbour Bank", CUE_WORD, "org"),
                   _rule_cue_word),
        TypingRule(TITLE, "a title right before the run marks a person",
                   _ex("The report was written by Senator Olek Varn last year.", "Olek Varn", TITLE, "person"),
                   _rule_title),
        TypingRule(AMPERSAND, "\"&\" inside the name: a firm",
                   _ex("Shares of Varnak & Koszta rose on Monday.", "Varnak & Koszta", AMPERSAND, "org"),
                   _rule_ampersand),
        TypingRule(COURTESY_TITLE, "\"Ms.\", \"Dr.\" right before the run: a person",
                   _ex("The talk was given by mr. Varnak last year.", "Varnak", COURTESY_TITLE, "person"),
                   _rule_courtesy_title),
        TypingRule(COUNTRY_TAIL, "a name ending in a country's name is a body's (\"Varnak Norway\")",
                   _ex("The deal was signed by Varnak Norway last year.", "Varnak Norway", COUNTRY_TAIL, "org"),
                   _rule_country_tail),
        TypingRule(FIRST_NAME, "a given name opens the run: a person",
                   _ex("The report was written by Helen Ostrava last year.", "Helen Ostrava", FIRST_NAME, "person"),
                   _rule_first_name),
        TypingRule(INITIAL, "an initial opens the run (\"J. Ostrava\"): a person",
                   _ex("The report was written by J. Ostrava last year.", "J. Ostrava", INITIAL, "person"),
                   _rule_initial),
        TypingRule(SURNAME_FIRST, "a family name in capitals, then the given name (\"KOSZTA Varnak\")",
                   _ex("KOSZTA Varnak spoke. Koszta left.", "KOSZTA Varnak", SURNAME_FIRST, "person"),
                   _rule_surname_first, evidence=Evidence(family_first=True)),
        TypingRule(ACRONYM, "one word in capitals, an acronym: an organisation",
                   _ex("The deal was signed by the QXB last year.", "QXB", ACRONYM, "org"),
                   _rule_acronym),
        TypingRule(HYPHEN_COMPOUND, "a qualifying hyphen compound (\"Ostrava-based\"): no actor of its own",
                   _ex("The Ostrava-based company grew last year.", "Ostrava-based", HYPHEN_COMPOUND, "other"),
                   _rule_hyphen_compound),
        TypingRule(PARTICLE_SURNAME, "a particle inside the name (\"de la\", \"al-\"): a person",
                   _ex("The talks were led by Koszta al-Varnak last year.", "Koszta al-Varnak", PARTICLE_SURNAME, "person"),
                   _rule_particle_surname),
        TypingRule(HYPHENATED_GIVEN_NAME, "a short family name, then a hyphenated given name",
                   _ex("The talks were led by Yeon Ha-rin last year.", "Yeon Ha-rin", HYPHENATED_GIVEN_NAME, "person"),
                   _rule_hyphenated_given_name),
        TypingRule(SPEAKER_CONTEXT, "\"X said\", \"said X\", \"X, a spokesman\", \"X, who\": a speaker is a person",
                   _ex("The plan will work, Varnak said on Monday.", "Varnak", SPEAKER_CONTEXT, "person"),
                   _rule_speaker_context),
        TypingRule(AGE, "an age between commas after the name: a person",
                   _ex("The team was led by Varnak , 45 , on Monday.", "Varnak", AGE, "person"),
                   _rule_age),
        TypingRule(ROLE_NOUN, "a role noun right before the run (\"spokesman X\"): a person",
                   _ex("The plan was backed by spokesman Varnak on Monday.", "Varnak", ROLE_NOUN, "person"),
                   _rule_role_noun),
        TypingRule(NAME_COUNTRY, "a results line: a name with its country in brackets is an athlete",
                   _ex("1. Koszta Varnak ( Spain ) 2:10.4", "Koszta Varnak", NAME_COUNTRY, "person"),
                   _rule_name_country),
        TypingRule(TEAM_SCORE, "a score or \"beat\" / \"v\" beside the run: a side in a match",
                   _ex("Wexford beat Carlow in the final on Sunday.", "Wexford", TEAM_SCORE, "org"),
                   _rule_team_score, evidence=TEAM_EVIDENCE),
        TypingRule(PLACE_OF, "\"the city of X\": a place",
                   _ex("The rally was held in the city of Varnak on Monday.", "Varnak", PLACE_OF, "place"),
                   _rule_place_of),
        TypingRule(PLACE_PREPOSITION, "one word after \"in\", \"near\", \"from\": a place",
                   _ex("The rally was held in Varnak on Monday.", "Varnak", PLACE_PREPOSITION, "place"),
                   _rule_place_preposition),
        TypingRule(PLACE_NOUN_BEFORE, "a place noun right before one word (\"the capital X\"): a place",
                   _ex("The rally was held near the capital Varnak on Monday.", "Varnak", PLACE_NOUN_BEFORE, "place"),
                   _rule_place_noun_before),
        TypingRule(EVENT_NOUN_BEFORE, "an event noun right before the run (\"exercise X\"): an event",
                   _ex("Troops joined exercise Varnak Shield on Monday.", "Varnak Shield", EVENT_NOUN_BEFORE, "event"),
                   _rule_event_noun_before),
        TypingRule(PLACE_COMMA_REGION, "one word before \", Country\" or \", Region\": a place",
                   _ex("The visitors left Varnak , Scotland , on Monday.", "Varnak", PLACE_COMMA_REGION, "place"),
                   _rule_place_comma_region),
        TypingRule(COMMON_ADJECTIVE, "a capitalised ordinary adjective before a lower-case word: no name",
                   Example("The vote followed Catholic protests last year.", {"absent": "Catholic"}),
                   _rule_common_adjective, names_nothing=True),
        TypingRule(GENERIC_NOUN_AFTER, "a generic noun right after the name (\"the X site\") types it",
                   _ex("Crews cleaned the Varnak Koszta site last year.", "Varnak Koszta", GENERIC_NOUN_AFTER, "place"),
                   _rule_generic_noun_after),
        TypingRule(WORDNET, "WordNet's type for a named instance or a capitalised class",
                   _ex("The rally was attended by Basques from across the region.", "Basques", WORDNET, "other"),
                   _rule_wordnet),
        TypingRule(LONE_FIRST_NAME, "a given name alone: a person (weak)",
                   _ex("The letter was signed by Jolene on Monday.", "Jolene", FIRST_NAME, "person"),
                   _rule_lone_first_name, value=FIRST_NAME),
        TypingRule(ADJECTIVE, "one word the tagger calls an adjective: no actor type",
                   _ex("It was a very Varnakian idea.", "Varnakian", ADJECTIVE, "other"),
                   _rule_adjective),
        TypingRule(DEFAULT_JOINED, "two segments joined into one name, no other evidence: a body",
                   _ex("Crowds cheered the Varnak Lisbon side.", "Varnak Lisbon", DEFAULT_JOINED, "org"),
                   _rule_default_joined),
        TypingRule(DEFAULT_MULTIWORD_COMMON, "a title-case name with an ordinary word in it: a body",
                   _ex("The talks with Varnak Freedom ended on Monday.", "Varnak Freedom", DEFAULT_MULTIWORD_COMMON, "org"),
                   _rule_default_multiword_common),
        TypingRule(DEFAULT_MULTIWORD, "a title-case name of rare words: a person",
                   _ex("The talks with Varnak Koszta ended on Monday.", "Varnak Koszta", DEFAULT_MULTIWORD, "person"),
                   _rule_default_multiword),
        TypingRule(DEFAULT, "no evidence: a name of no known type (one word alone is linked as a body)",
                   _ex("The talks with VARNAK KOSZTA ended on Monday.", "VARNAK KOSZTA", DEFAULT, "other"),
                   _rule_default, evidence=Evidence(untyped=True)),
    ],
)  # fmt: skip


def type_run(run: Run) -> tuple[TypingRule, str, bool]:
    """Return ``(rule, actor_type, strong)`` for a run: the first rule of :data:`RUN_TYPING_RULES` that applies."""
    for rule in RUN_TYPING_RULES:
        verdict = rule.func(run)
        if verdict is not None:
            return rule, verdict[0], verdict[1]
    raise AssertionError("the default rule always applies")


def _common_tail(words: tuple[str, ...], fn) -> bool:
    """Three or more words whose words after the first are all common English words ("Rose Garden
    Trust"): a body's name that happens to open with a given name."""
    return len(words) >= 3 and all(zipf(w.lower()) >= COMMON_WORD_ZIPF and w not in fn for w in words[1:])
