"""Which actor each mention is: the linking passes after the mentions are found.

Decides which mentions name no actor (role labels, degrees, page words, ordinary capitalised
adjectives), hands the rest to the shared resolver (:mod:`analysis.nlp.coref`: surname ↔ full
name, acronym ↔ expansion, nominals, pronouns), and then joins a modified name to its body, a
company's short name to its full name, and adds a mention for a country named inside a longer
name.  Also names each lexicon actor by the form the article uses most.  Reads the mentions of
the whole article, its tokens per sentence and the lexicon.  :data:`LINK_RULES` lists the rule
names these passes (and :mod:`.mentions`, :mod:`.acronyms`) write.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from analysis.extract.entities.lexicon import COMMON_WORD_ZIPF, Lexicon, common_word, cue_type, lex_match, lexicon, zipf
from analysis.extract.entities.mentions import Mention
from analysis.extract.entities.run_types import RUN_TYPING_RULES
from analysis.extract.entities.runs import DIRECTIONS
from analysis.nlp import coref, lexicons
from analysis.nlp.case import is_allcaps, stop_words
from analysis.nlp.tokens import plain_punctuation
from analysis.resources import wordnet_lemmatizer

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


def resolve_actors(text, mentions, by_sent, sids, lex) -> list[Mention]:
    """Give every mention its canonical actor through the shared resolver (:mod:`analysis.nlp.coref`)."""
    stop = stop_words()
    mentions = [
        m
        for m in mentions
        if not lexicons.is_chrome(m.words)
        and m.rule != "common_adjective"
        and not (len(m.words) == 1 and m.words[0].lower() in stop and not is_allcaps(m.words[0]))
        and not (len(m.words) == 1 and is_allcaps(m.words[0]) and m.words[0].lower() in lexicons.person_nouns())
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
        return Mention(sid, k, k + 1, a, b, (w,), actor, "person", "pronoun", "person_in_focus")

    mentions.extend(coref.resolve_pronouns(text, mentions, by_sent, sids, pronoun))
    mentions.sort(key=lambda m: m.start)
    return mentions


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
        if m.actor_type == "org" and m.how == "name" and len(m.words) >= 2 and _generic_tail(m.words[1:], lex):
            by_first[m.words[0]].add(m.actor)
    for m in mentions:
        w = m.words[0] if len(m.words) == 1 else ""
        if m.how == "name" and m.actor_type in ("org", "other") and len(by_first.get(w, ())) == 1 and not common_word(w.lower()):
            m.actor, m.actor_type, m.rule = next(iter(by_first[w])), "org", "short_name_of"


#: A body named on its own at least this many times before "Adjective Body" makes the adjective a modifier.
MODIFIED_NAME_PRIOR = 2


def _modified_names(mentions: list[Mention]) -> None:
    """"no Neutral Assembly votes" after "the Assembly": an ordinary word before the name of
    a body the article has already named on its own modifies the name; the mention is that body."""
    alone: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        if m.actor_type == "org" and m.how in ("name", "alias"):
            alone[m.actor].append(m.start)
    for m in mentions:
        if m.actor_type != "org" or m.how != "name" or len(m.words) != 2 or m.words[0] in DIRECTIONS:
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
            m.actor, m.rule = head, "modified_name"


def _same_body_by_country(nested: list[tuple[Mention, Mention]]) -> None:
    """"British Army" and "U.K. Army": the same body named with its country's name or demonym is one actor,
    displayed with the country's name."""
    best: dict[tuple, Mention] = {}
    for country, m in nested:
        key = (country.actor, m.words[len(country.words) :])
        if key not in best or (best[key][0].rule == "nested_demonym" and country.rule == "nested_country"):
            best[key] = (country, m)
    for country, m in nested:
        key = (country.actor, m.words[len(country.words) :])
        m.actor, m.actor_type = best[key][1].actor, best[key][1].actor_type


def _nested_countries(mentions: list[Mention], by_sent, lex: Lexicon) -> list[tuple[Mention, Mention]]:
    """A country named inside a longer name ("U.S. Department of Energy", "Swedish Liberals")
    is also a mention of that country."""
    out = []
    for m in mentions:
        if m.actor_type in ("country", "place", "person") or len(m.words) < 2 or m.how not in ("name", "alias"):
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
        rule = "nested_demonym" if e.how == "demonym" else "nested_country"
        nested = Mention(m.sid, m.i + span[0], m.i + span[1], a, b, tuple(words[span[0] : span[1]]), e.actor, "country", "nested", rule, True)
        out.append((nested, m))
    return out


def _country_after_of(words: list[str], lex: Lexicon) -> int | None:
    """Where a country's name closes a longer name after "of" ("Government of Chile"), or None."""
    if "of" not in words[:-1]:
        return None
    k = len(words) - 1 - words[::-1].index("of") + 1
    k += k < len(words) and words[k] == "the"
    hit = lex_match(words, k, lex, False) if k < len(words) else None
    ok = hit is not None and hit[0] == len(words) and hit[1].actor_type == "country" and hit[1].how != "demonym"
    return k if ok else None


def _single_default(w: str, seen: int) -> str | None:
    """The type of a lone capitalised word no rule typed, seen ``seen`` times so: most often a company,
    team, outlet or body ("Reuters", "Nikkei"); None (no name) for a frequent ordinary word that the
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
