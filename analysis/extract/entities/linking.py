"""Which actor each mention is: the linking passes after the mentions are found.

Decides which mentions name no actor (role labels, degrees, page words, a typing rule that
``names_nothing``), demotes a family name written first that the article never writes normally,
hands the rest to the shared resolver (:mod:`analysis.nlp.coref`: surname ↔ full name, acronym ↔
expansion, nominals, pronouns), and then joins a modified name to its body, a company's short name
to its full name, and adds a mention for a country named inside a longer name.  Also names each
lexicon actor by the form the article uses most.  Reads the mentions of the whole article, its
tokens per sentence and the lexicon.

:data:`LINK_RULES` is the table of every ``entities.rule`` value that is not a typing rule, grouped
by the module that applies them; each rule is declared, with its constant, function and invented
example, by the module that applies it (:mod:`.mentions`, :mod:`.acronyms`,
:mod:`analysis.nlp.coref`, this module).  :func:`entity_rules` lists every value of the column.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from analysis.extract.entities.acronyms import ACRONYM_RULES
from analysis.extract.entities.lexicon import COMMON_WORD_ZIPF, Lexicon, common_word, cue_type, lex_match, lexicon, zipf
from analysis.extract.entities.mentions import FOUND_RULES, NAME_PAIR
from analysis.extract.entities.run_types import DEFAULT, FIRST_NAME, RUN_TYPING_RULES
from analysis.extract.entities.runs import DIRECTIONS
from analysis.nlp import coref, lexicons
from analysis.nlp.case import is_allcaps, stop_words
from analysis.nlp.mention import How, Mention, MentionRule
from analysis.nlp.tokens import plain_punctuation
from analysis.resources import wordnet_lemmatizer
from analysis.rules import Example, RuleTable

MODIFIED_NAME = "modified_name"
SHORT_NAME_OF = "short_name_of"
NESTED_COUNTRY = "nested_country"
NESTED_DEMONYM = "nested_demonym"


def resolve_actors(text: str, mentions: list[Mention], by_sent, sids: list[int], lex: Lexicon) -> list[Mention]:
    """Give every mention its canonical actor through the shared resolver (:mod:`analysis.nlp.coref`)."""
    stop = stop_words()
    names_nothing = {r.column for r in RUN_TYPING_RULES if r.names_nothing}
    mentions = [
        m
        for m in mentions
        if not lexicons.is_chrome(m.words)
        and m.rule not in names_nothing
        and not (len(m.words) == 1 and m.words[0].lower() in stop and not is_allcaps(m.words[0]))
        and not (len(m.words) == 1 and is_allcaps(m.words[0]) and m.words[0].lower() in lexicons.person_nouns())
        and not _name_suffix(text, m)
        and not _role_label(text, m)
    ]  # a role label ("HOST:", "STAFF:") is no name; nor is a degree after a name ("Jane Roe, Ph.D.")
    _corroborate_family_first([m for m in mentions if m.how == How.NAME and not m.evidence.gazetteer])
    mentions = coref.link_mentions(text, mentions, lex.nominals, _single_default)
    mentions = _without_ordinary_given_names(mentions)
    _modified_names(mentions)
    _short_body_names(mentions)
    nested = _nested_countries(mentions, by_sent, lex)
    _same_body_by_country(nested)
    mentions.extend(n for n, _ in nested)
    mentions.extend(coref.resolve_pronouns(text, mentions, by_sent, sids))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _without_ordinary_given_names(mentions: list[Mention]) -> list[Mention]:
    """A lone word that only the given-name list made a person, an ordinary English word the article
    capitalises once and gives no one as a given name ("Joy of joys.", "Movie Star!", "See, I told
    you"), names no actor, as a lone ordinary word no rule typed does (:func:`_single_default`)."""
    seen = Counter(m.words[0] for m in mentions if len(m.words) == 1)

    def ordinary(m: Mention) -> bool:
        w = m.words[0]
        return (
            len(m.words) == 1
            and m.rule == FIRST_NAME
            and not m.strong
            and m.actor == w
            and seen[w] == 1
            and _single_default(w, 1) is None
        )

    return [m for m in mentions if not ordinary(m)]


def _corroborate_family_first(runs: list[Mention]) -> None:
    """A family name in capitals before a given name ("KOSZTA Varnak") is a person only when the article
    also writes the family name normally ("Koszta", "Varnak Koszta"); otherwise ("HMS Dart") it is a name
    of something else, typed by no rule."""
    words = {w for m in runs if not m.evidence.family_first for w in m.words}
    for m in runs:
        if m.evidence.family_first and m.words[0].title() not in words:
            m.actor_type, m.strong = "other", False
            RUN_TYPING_RULES[DEFAULT].mark(m)


def _role_label(text: str, m: Mention) -> bool:
    """A transcript label in capitals naming a role or group, not a person ("STAFF:", "AUDIENCE:")."""
    w = m.words[0] if len(m.words) == 1 else ""
    return is_allcaps(w) and text[m.end : m.end + 1] == ":" and w.lower() in lexicons.speaker_nouns()


_WORD_WITH_PERIODS = re.compile(r"[\w.]+")


def _name_suffix(text: str, m: Mention) -> bool:
    """A one-word mention that is (or opens) a suffix or degree: "M.D.", "Ph" of "Ph.D.", "Jr."."""
    if len(m.words) != 1:
        return False
    word = _WORD_WITH_PERIODS.match(text, m.start)
    suffixes = lexicons.name_suffixes()
    return m.words[0] in suffixes or (word is not None and word.group() in suffixes)


#: Words after a company's distinctive first word that a short form leaves out ("Motors Inc.").
def _generic_tail(words: tuple[str, ...], lex: Lexicon) -> bool:
    return all(cue_type((w,), lex) or common_word(plain_punctuation(w).rstrip(".").lower()) for w in words)


def _short_body_names(mentions: list[Mention]) -> None:
    """"Shares of Varnak fell" after "Varnak Motors Inc.": a lone word that opens exactly one longer
    body name, whose other words are generic ("Motors", "Group", "Inc."), is that body."""
    lex = lexicon()
    by_first: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.actor_type == "org" and m.how == How.NAME and len(m.words) >= 2 and _generic_tail(m.words[1:], lex):
            by_first[m.words[0]].add(m.actor)
    for m in mentions:
        w = m.words[0] if len(m.words) == 1 else ""
        if m.how == How.NAME and m.actor_type in ("org", "other") and len(by_first.get(w, ())) == 1 and not common_word(w.lower()):
            m.actor, m.actor_type = next(iter(by_first[w])), "org"
            m.set_rule(SHORT_NAME_OF)


#: A body named on its own at least this many times before "Adjective Body" makes the adjective a modifier.
MODIFIED_NAME_PRIOR = 2


def _modified_names(mentions: list[Mention]) -> None:
    """"no Neutral Assembly votes" after "the Assembly": an ordinary word before the name of
    a body the article has already named on its own modifies the name; the mention is that body."""
    alone: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        if m.actor_type == "org" and m.named:
            alone[m.actor].append(m.start)
    for m in mentions:
        if m.actor_type != "org" or m.how != How.NAME or len(m.words) != 2 or m.words[0] in DIRECTIONS:
            continue
        head, before = m.words[1], [a for a in alone.get(m.words[1], ()) if a < m.start]
        ok = (
            len(before) >= MODIFIED_NAME_PRIOR
            and len(alone.get(m.actor, ())) == 1
            and m.words[0] != "The"
            and common_word(m.words[0].lower())
            and m.words[0].lower() in wordnet_lemmatizer().lemmas["a"]  # an adjective ("Independent")
        )
        if ok:
            m.actor = head
            m.set_rule(MODIFIED_NAME)


def _same_body_by_country(nested: list[tuple[Mention, Mention]]) -> None:
    """"British Army" and "U.K. Army": the same body named with its country's name or demonym is one actor,
    displayed with the country's name."""
    best: dict[tuple, Mention] = {}
    for country, m in nested:
        key = (country.actor, m.words[len(country.words) :])
        if key not in best or (best[key][0].rule == NESTED_DEMONYM and country.rule == NESTED_COUNTRY):
            best[key] = (country, m)
    for country, m in nested:
        key = (country.actor, m.words[len(country.words) :])
        m.actor, m.actor_type = best[key][1].actor, best[key][1].actor_type


def _nested_countries(mentions: list[Mention], by_sent, lex: Lexicon) -> list[tuple[Mention, Mention]]:
    """A country named inside a longer name ("U.S. Department of Energy", "Swedish Liberals")
    is also a mention of that country."""
    out = []
    for m in mentions:
        if m.actor_type in ("country", "place", "person") or len(m.words) < 2 or not m.named:
            continue
        toks = by_sent[m.sid][m.i : m.j]
        words = [t[2] for t in toks]
        hit = lex_match(words, 0, lex, False)
        if hit is not None and hit[1].actor_type == "country" and hit[0] < len(toks):
            span = (0, hit[0])
        elif (k := _country_after_of(words, lex)) is not None:
            span, hit = (k, len(words)), (len(words), lex_match(words, k, lex, False)[1])
        else:
            continue
        e = hit[1]
        a, b = toks[span[0]][0], toks[span[1] - 1][1]
        rule = NESTED_DEMONYM if e.how == How.DEMONYM else NESTED_COUNTRY
        nested = Mention(m.sid, m.i + span[0], m.i + span[1], a, b, tuple(words[span[0] : span[1]]), e.actor, "country", How.NESTED, rule, True)
        out.append((nested, m))
    return out


def _country_after_of(words: list[str], lex: Lexicon) -> int | None:
    """Where a country's name closes a longer name after "of" ("Government of Chile"), or None."""
    if "of" not in words[:-1]:
        return None
    k = len(words) - 1 - words[::-1].index("of") + 1
    k += k < len(words) and words[k] == "the"
    hit = lex_match(words, k, lex, False) if k < len(words) else None
    ok = hit is not None and hit[0] == len(words) and hit[1].actor_type == "country" and hit[1].how != How.DEMONYM
    return k if ok else None


def _single_default(w: str, seen: int) -> str | None:
    """The type of a lone capitalised word no rule typed, seen ``seen`` times so: most often a company,
    team, outlet or body ("Tidewire", "Varnak"); None (no name) for a frequent ordinary word that the
    article capitalises only once ("the plant's Turbines unit")."""
    low = w.lower()
    if seen == 1 and common_word(low) and zipf(low) >= COMMON_WORD_ZIPF and (not is_allcaps(w) or len(w) > _ACRONYM_MAX):
        return None  # also "ASSOCIATE" in capitals: acronyms are short
    if _URL_FRAGMENT.fullmatch(w):
        return None  # "Xk3Pq9TzLm" of a shortened link
    return "org"


#: The longest acronym written as one word ("NAACP"); a longer ordinary word in capitals is no acronym.
_ACRONYM_MAX = 6
#: A token of letters with digits among mixed cases: a link's code, not a name.
_URL_FRAGMENT = re.compile(r"(?=.*\d)(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{7,}")


def display_names(mentions: list[Mention]) -> None:
    """Name each lexicon actor by the form the article uses most (``OPEC``, ``Britain``)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if (m.evidence.gazetteer or m.rule == NAME_PAIR) and m.named:
            forms[m.actor][" ".join(m.words)] += 1
    best = {}
    for a, c in forms.items():
        form = max(c.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        # "Asia–Pacific" in the text is the lexicon's "Asia-Pacific": keep the lexicon's spelling.
        same = plain_punctuation(form).lower() == plain_punctuation(a).lower()
        best[a] = a if same else form
    for m in mentions:
        if m.actor in best:
            m.actor = best[m.actor]


#: The rules of this module's passes, in the order they run.
_LINKING_RULES: tuple[MentionRule, ...] = (
    MentionRule(MODIFIED_NAME, "an adjective before a body the article keeps naming on its own",
                Example("The Assembly met. The Assembly voted. No Neutral Assembly votes came.",
                        {"text": "Neutral Assembly", "rule": MODIFIED_NAME, "actor": "Assembly"}), _modified_names),
    MentionRule(SHORT_NAME_OF, "a company's distinctive first word alone for its full name",
                Example("Varnak Motors grew. Shares of Varnak fell.",
                        {"text": "Varnak", "rule": SHORT_NAME_OF, "actor": "Varnak Motors"}), _short_body_names),
    MentionRule(NESTED_COUNTRY, "a country named inside a longer name",
                Example("The Bank of Peru raised rates.", {"text": "Peru", "rule": NESTED_COUNTRY, "actor": "Peru"}),
                _nested_countries),
    MentionRule(NESTED_DEMONYM, "a demonym inside a longer name (\"Peruvian Farmers Union\")",
                Example("The Peruvian Farmers Union met.", {"text": "Peruvian", "rule": NESTED_DEMONYM, "actor": "Peru"}),
                _nested_countries),
)  # fmt: skip

#: Every value of ``entities.rule`` that is not a typing rule of :data:`RUN_TYPING_RULES`: how a
#: mention was found or which linking step gave it its actor, grouped by the module that applies
#: them, in the order the stage runs those modules (a test runs each example and checks the column
#: against :func:`entity_rules`).
LINK_RULES: RuleTable[MentionRule] = RuleTable(
    "entities.rule", [*FOUND_RULES, *ACRONYM_RULES, *coref.COREF_RULES, *_LINKING_RULES]
)


def entity_rules() -> dict[str, str]:
    """Every value ``entities.rule`` can take, with what it means: the typing rules, then the linking rules."""
    typing: dict[str, str] = {}
    for rule in RUN_TYPING_RULES:
        typing.setdefault(rule.column, rule.doc)
    return {**typing, **LINK_RULES.describe()}
