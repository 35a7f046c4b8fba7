"""The one coreference resolver: every later mention to the actor it refers to.

Decides which actor each mention stands for within one article: a surname (or a family name written
first) joins the person's full name, a given name alone the one person who has it, an acronym its
expansion (bracketed or abbreviating a name the article gives), a nominal ("the alliance", "the
Museum") the body of that kind named before, a title ("the Chairman") the person named with it,
and he/she/his/her the person in focus.  Reads :class:`~analysis.nlp.mention.Mention` objects: their
words, type, kind (``how``) and the typed :class:`~analysis.nlp.mention.Evidence` their rule gave
them — never a rule's name; who is in focus comes from :class:`~analysis.nlp.focus.Focus`.

Entry points, sharing the same rules and the one focus model:

* :func:`link_mentions` and :func:`resolve_pronouns` work on the entity recogniser's mentions while
  the ``entities`` table is built; the rules they write are :data:`COREF_RULES` (one constant and
  one invented example each).
* :class:`Coref` answers the same questions from a finished ``entities`` table, for quote speakers
  and timeline clauses: which actor a name, surname, title ("the Secretary") or nominal ("the
  magazine") refers to (:meth:`Coref.lookup`, :meth:`Coref.titled_person`, :meth:`Coref.org_before`),
  who is in focus and which people act together (:attr:`Coref.focus`).
* :func:`quoted_spans` tells which stretches of a sentence stand inside quote marks (a pronoun there
  speaks for the quoted, not the narrator).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict

import pandas as pd

from analysis.nlp import lexicons
from analysis.nlp.case import is_allcaps
from analysis.nlp.focus import ORG_WINDOW, PRONOUN_WINDOW, THEY_WINDOW, TITLED_PERSON_WINDOW, Focus
from analysis.nlp.mention import How, Mention, MentionRule, mentions_from_table
from analysis.nlp.name_forms import inverted_body_names, longest_person_names, person_display, same_person_names
from analysis.nlp.names import acronym_of, all_initials, initials, parse_person
from analysis.rules import Example

TITLE_OF = "title_of"
SURNAME_OF = "surname_of"
GIVEN_NAME_OF = "given_name_of"
SAME_NAME = "same_name"
SAME_TEAM = "same_team"
DEFAULT_SINGLE = "default_single"
ACRONYM_OF = "acronym_of"
BRACKETED_ACRONYM = "bracketed_acronym"
HEAD_OF_NAME = "head_of_name"
PERSON_IN_FOCUS = "person_in_focus"

#: Quote marks as tokens: pronouns inside quotes speak for the quoted, not the narrator.
_QUOTES = frozenset('“”"')


def quoted_spans(text: str, toks: list) -> list[tuple[int, int]]:
    """Stretches of one sentence inside quote marks, from its tokens ``(start, end, word, tag)``.

    A straight mark opens after a space or an opening bracket and closes otherwise; a closing mark
    with no opening one before it in the sentence closes a quotation opened in an earlier sentence.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    first = toks[0][0] if toks else 0
    for a, _b, w, _t in toks:
        if w not in _QUOTES:
            continue
        opening = w == "“" or (w == '"' and (a == 0 or text[a - 1].isspace() or text[a - 1] in "([{—–-"))
        if opening:
            opened = a if opened is None else opened
        else:
            spans.append((first if opened is None else opened, a))
            opened = None
    if opened is not None:
        spans.append((opened, toks[-1][1]))
    return spans


def person_keys(full: str) -> list[str]:
    """The single words that stand for a person later: the surname, and for a hyphenated given name
    after a one-word family name ("Yeon Ha-rin") the family name written first.

    >>> person_keys("Ingrid Halvorsen"), person_keys("Yeon Ha-rin"), person_keys("Marta del Campo")
    (['Halvorsen'], ['Ha-rin', 'Yeon'], ['Campo', 'del Campo'])
    """
    p = parse_person(full)
    keys = [p.key] if p.key else []
    if p.surname and " " in p.surname:
        keys.append(p.surname)
    words = full.split()
    if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]):
        keys.append(words[0])
    return keys


def _register_person(m: Mention, surname: dict[str, str]) -> None:
    if m.evidence.family_first and m.actor_type == "person":
        full = " ".join([*m.words[1:], m.words[0].title()])
        surname.setdefault(m.words[0].title(), full)
        surname.setdefault(m.words[0], full)
        return
    display = person_display(m.key)  # the actor the full name gets ("John Roe" for "John Roe Jr.")
    for k in dict.fromkeys([*person_keys(m.key), *person_keys(display)]):
        surname.setdefault(k, display)


def link_mentions(text: str, mentions: list[Mention], nominals: dict[str, list[str]], default_single) -> list[Mention]:
    """Give every name mention its canonical actor, within one document (see the module docstring).

    ``nominals`` maps a common noun to the bodies it may stand for ("alliance" → ...);
    ``default_single(word, seen)`` types a lone capitalised word no evidence typed (None: no name).
    Mentions left without an actor are dropped.
    """
    runs = [m for m in mentions if m.how == How.NAME and not m.evidence.gazetteer]
    expansions, by_initials = _expansions(mentions, runs)
    strong_type: dict[str, str] = {}
    for m in mentions:
        if m.strong and m.named:
            strong_type.setdefault(_name_key(m.key), m.actor_type)
    surname: dict[str, str] = {}
    given: dict[str, set[str]] = defaultdict(set)
    for m in sorted(runs, key=lambda m: not m.strong):
        if m.actor_type == "person" and len(m.words) >= 2:
            _register_person(m, surname)
            if not m.evidence.family_first and m.words[0][:1].isupper() and len(m.words[0]) > 2:
                given[m.words[0]].add(person_display(m.key))
    runs = [m for m in runs if not m.evidence.dateline_place]
    for m in runs:
        _link_run(m, surname, given, strong_type, expansions, by_initials)
    for m in mentions:
        # A one-word place that is also the surname of a person the article names is that person.
        if m.evidence.gazetteer and len(m.words) == 1 and m.words[0] in surname and m.how == How.NAME:
            m.actor, m.actor_type, m.how = surname[m.words[0]], "person", How.SURNAME
            m.set_rule(SURNAME_OF)
    _bracketed_acronyms(text, mentions)
    _teams_and_defaults(mentions, runs, default_single)
    longest_person_names(mentions)
    same_person_names(mentions)
    inverted_body_names(mentions)
    _title_references(mentions)
    _head_nominals(text, mentions)
    _nominals(mentions, nominals)
    return [m for m in mentions if m.actor]


def _expansions(mentions: list[Mention], runs: list[Mention]) -> tuple[dict[str, str], dict[str, str]]:
    """The names an acronym may stand for: by the initials of a run of two words or more, and by the
    initials of any longer name or organisation (also without its first word, or with its function
    words: "DOD", "DoD" for "Department of Defense", a gazetteer's name included)."""
    expansions: dict[str, str] = {}
    long_names = [m for m in runs if len(m.words) >= 2]
    for m in long_names:
        expansions.setdefault(initials(m.words), " ".join(m.words))
    by_initials: dict[str, str] = {}  # also without a leading word ("U.S. Environmental Protection Agency")
    for m in long_names:
        words = [w for w in m.words if w.lower() not in ("the", "a", "an")] if m.words[0].lower() in ("the", "a", "an") else m.words
        if len(words) > 2:
            by_initials.setdefault(initials(words[1:]), " ".join(m.words))
    for m in mentions:
        if len(m.words) >= 2 and m.actor_type == "org":
            name = m.actor if m.evidence.gazetteer else " ".join(m.words)
            for key in (initials(m.words), all_initials(m.words)):
                if len(key) >= 2:
                    by_initials.setdefault(key, name)
    return expansions, by_initials


#: A name this short keeps its case when names are compared: "US" is no "Us", "IT" no "It".
SHORT_NAME_CHARS = 3


def _name_key(name: str) -> str:
    """The form two mentions share when they are the same name (case-blind, except a short name)."""
    return name if len(name) <= SHORT_NAME_CHARS else name.lower()


def _link_run(m: Mention, surname, given, strong_type, expansions, by_initials) -> None:
    """The actor of a name run: a surname, acronym or given name of someone named, else its own name."""
    if len(m.words) == 1 and _link_single(m, surname, expansions, by_initials):
        return
    if len(m.words) == 1 and len(given.get(m.words[0], ())) == 1 and m.actor_type in ("person", "other"):
        # a given name used alone for the one person the article gives it to ("Dana")
        m.actor, m.actor_type, m.how = next(iter(given[m.words[0]])), "person", How.GIVEN_NAME
        m.set_rule(GIVEN_NAME_OF)
        return
    if not m.strong and _name_key(m.key) in strong_type and not m.evidence.team:
        m.actor_type, m.strong = strong_type[_name_key(m.key)], True
        m.set_rule(SAME_NAME)
    if m.actor_type == "person" and m.evidence.family_first:
        m.actor = " ".join([*m.words[1:], m.words[0].title()])
    elif m.actor_type == "person":
        m.actor = person_display(m.key)
    else:
        m.actor = m.key[4:] if m.key.startswith("The ") and len(m.words) > 1 else m.key


def _nominals(mentions: list[Mention], nominals: dict[str, list[str]]) -> None:
    """"the alliance": the one organisation of that kind the article names."""
    named = {m.actor for m in mentions if m.actor_type == "org"}
    for m in mentions:
        if m.how == How.NOMINAL:
            cands = [o for o in nominals.get(m.words[0].lower(), []) if o in named]
            if len(cands) == 1:
                m.actor, m.actor_type = cands[0], "org"


def _head_nominals(text: str, mentions: list) -> None:
    """"the Museum", "the Council": a one-word name after "the" (or one no evidence typed) that is the
    last word of a longer organisation, place, event or other name named before it is the last such
    one named."""
    longer: dict[str, list] = defaultdict(list)
    for m in mentions:
        if m.actor_type != "person" and len(m.words) >= 2 and m.how == How.NAME:
            longer[m.words[-1]].append((m.start, m.actor, m.actor_type))
    for m in mentions:
        if len(m.words) != 1 or not m.named or (m.evidence.gazetteer and m.how == How.NAME):
            continue
        if text[max(0, m.start - 4) : m.start].lower() != "the " and (m.strong or m.how != How.NAME):
            continue  # "the Museum"; or a word only weakly typed ("Dart" after "HMS Dart")
        w = m.words[0]
        cands = [c for c in longer.get(w) or longer.get(w + "s") or [] if c[0] < m.start]
        if cands and cands[-1][1] != m.actor and cands[-1][2] in ("org", "place", "event", "other"):
            m.actor, m.actor_type = cands[-1][1], cands[-1][2]  # the last one named before it
            m.how = How.NOMINAL
            m.set_rule(HEAD_OF_NAME)


def _title_words(title: str) -> set[str]:
    spelled = lexicons.title_abbreviations()
    words = {p.lower().rstrip(".") for w in title.split() for p in re.split("[-–]", w) if p}
    return words | {spelled[w] for w in words if w in spelled}  # "Gen." also answers to "General"


#: A title used before its holder is named refers to a holder named at most this many sentences on.
TITLE_FORWARD_SENTENCES = 1


def _title_references(mentions: list) -> None:
    """"the Secretary-General", "the Senator": the person named with that title, last before (or first
    after); a title that names no one the article gives is no actor."""
    titled = [(m.start, m.actor, _title_words(m.title), m.sid) for m in mentions if m.actor_type == "person" and m.title]
    for m in mentions:
        if m.how != How.TITLE:
            continue
        words = _title_words(" ".join(m.words))
        cands = [t for t in titled if words and words <= t[2] and t[1]]
        before = [t for t in cands if t[0] < m.start]
        # a title may name the holder just after it ("The Minister ... Minister Ann Lee said"), not pages later
        after = [t for t in cands if t[0] > m.start and t[3] - m.sid <= TITLE_FORWARD_SENTENCES]
        pick = before[-1] if before else (after[0] if after else None)
        m.actor = pick[1] if pick else ""
        if pick:
            m.set_rule(TITLE_OF)


#: An acronym written with a lower-case function word's letter ("DoD", "DfE").
_CAMEL_ACRONYM = re.compile(r"[A-Z][a-z]?[A-Z][A-Za-z]?")


def _link_single(m, surname: dict[str, str], expansions: dict[str, str], by_initials: dict[str, str]) -> bool:
    w = m.words[0]
    wt = w.title() if is_allcaps(w) and len(w) > 3 else w
    if wt not in surname and "-" in wt and wt[:1].lower() + wt[1:] in surname:
        wt = wt[:1].lower() + wt[1:]  # "Al-Rashid" opening a sentence is "al-Rashid"
    # a person's surname that only a weak rule typed ("from Korvel supporters": no place; "gave Korvel
    # 36 votes": no team)
    if wt in surname and (m.actor_type == "person" or (m.actor_type in ("other", "place", "org") and not m.strong)):
        m.actor, m.actor_type, m.how, m.strong = surname[wt], "person", How.SURNAME, True
        m.set_rule(SURNAME_OF)
        return True
    if m.actor_type in ("org", "other"):
        a = w.replace(".", "")
        full = expansions.get(w) or (by_initials.get(a.upper()) if len(a) >= 2 else None)
        if full and (is_allcaps(w) or _CAMEL_ACRONYM.fullmatch(a)):
            m.actor, m.actor_type, m.how, m.strong = full, "org", How.ACRONYM, True
            m.set_rule(ACRONYM_OF)
            return True
    return False


def _bracketed_acronyms(text: str, mentions: list) -> None:
    """An acronym in brackets right after its expansion joins the expansion's actor, everywhere."""
    joined: dict[str, tuple[str, str]] = {}
    for a, b in zip(mentions, mentions[1:]):
        if (
            a.sid == b.sid
            and len(b.words) == 1
            and re.sub(r"^[’']s\b", "", text[a.end : b.start]).strip() == "("
            and acronym_of(b.words[0], a.words)
        ):
            b.actor, b.actor_type, b.how = a.actor, a.actor_type, How.ACRONYM
            b.set_rule(BRACKETED_ACRONYM)
            joined[b.words[0]] = (a.actor, a.actor_type)
    for m in mentions:
        if len(m.words) == 1 and m.words[0] in joined and m.rule != BRACKETED_ACRONYM and m.how != How.SURNAME:
            m.actor, m.actor_type = joined[m.words[0]]
            m.how = How.ACRONYM
            m.set_rule(ACRONYM_OF)


def _teams_and_defaults(mentions: list, runs: list, default_single) -> None:
    # A place the document shows to be a team (a score after it, "beat") is that team everywhere.
    teams = {m.key.lower() for m in mentions if m.evidence.team}
    for m in mentions:
        if m.actor_type == "place" and m.named and m.key.lower() in teams:
            m.actor, m.actor_type = m.key, "org"
            m.set_rule(SAME_TEAM)
    lone = [m for m in runs if m.actor_type == "other" and len(m.words) == 1 and m.evidence.untyped]
    seen = Counter(m.words[0] for m in lone)
    for m in lone:
        typ = default_single(m.words[0], seen[m.words[0]])
        if typ is None:
            m.actor = ""  # an ordinary word capitalised once ("the plant's Turbines unit") names no actor
        else:
            m.actor_type = typ
            m.set_rule(DEFAULT_SINGLE)


def resolve_pronouns(text: str, mentions: list[Mention], by_sent: dict, sids: list[int]) -> list[Mention]:
    """Return a mention for each he/him/his/she/her outside quote marks, for the person in focus.

    ``by_sent`` gives each sentence's tokens ``(start, end, word, tag)``, ``sids`` the sentences in
    order; the person is :meth:`Focus.person_for <analysis.nlp.focus.Focus.person_for>`.
    """
    focus = Focus(text, mentions, sids)
    out: list[Mention] = []
    for sid in sids:
        toks = by_sent.get(sid, [])
        spans = quoted_spans(text, toks)
        for k, (a, b, w, _tag) in enumerate(toks):
            g = lexicons.PERSON_PRONOUNS.get(w.lower())
            if g is None or any(x < a < y for x, y in spans):
                continue
            actor = focus.person_for(sid, a, g)
            if actor:
                out.append(Mention(sid, k, k + 1, a, b, (w,), actor, "person", How.PRONOUN, PERSON_IN_FOCUS))
    return out


def _ex(text: str, mention: str, rule: str, actor: str) -> Example:
    return Example(text, {"text": mention, "rule": rule, "actor": actor})


#: The values of ``entities.rule`` the resolver writes: which step gave a mention its actor.
COREF_RULES: tuple[MentionRule, ...] = (
    MentionRule(GIVEN_NAME_OF, "a given name used alone for the one person the article gives it to",
                _ex("Dana Korvel spoke. Dana left early.", "Dana", GIVEN_NAME_OF, "Dana Korvel"), _link_run),
    MentionRule(SURNAME_OF, "a family name (or a place word that is one) for the full name the article gives",
                _ex("Dana Korvel spoke. Korvel left early.", "Korvel", SURNAME_OF, "Dana Korvel"), _link_single),
    MentionRule(ACRONYM_OF, "an acronym that abbreviates a name the article gives",
                _ex("The Quarry Safety Board met. QSB officials agreed.", "QSB", ACRONYM_OF, "Quarry Safety Board"),
                _link_single),
    MentionRule(SAME_NAME, "a weakly typed name the article also names with strong evidence",
                _ex("Crews reached the city of Varnak. Varnak welcomed them.", "Varnak", SAME_NAME, "Varnak"), _link_run),
    MentionRule(BRACKETED_ACRONYM, "an acronym in brackets right after its expansion",
                _ex("The Quarry Safety Board (QSB) met.", "QSB", BRACKETED_ACRONYM, "Quarry Safety Board"),
                _bracketed_acronyms),
    MentionRule(SAME_TEAM, "a place the article shows to be a team is that team everywhere",
                _ex("Lisbon 4 Porto 3. Lisbon had lost twice.", "Lisbon", SAME_TEAM, "Lisbon"), _teams_and_defaults),
    MentionRule(DEFAULT_SINGLE, "a lone capitalised word no rule typed: a body",
                _ex("The talks with Varnak ended on Monday.", "Varnak", DEFAULT_SINGLE, "Varnak"), _teams_and_defaults),
    MentionRule(TITLE_OF, "a title standing for the person named with that title",
                _ex("Chairman Olek Varn spoke. Later the Chairman left.", "Chairman", TITLE_OF, "Olek Varn"),
                _title_references),
    MentionRule(HEAD_OF_NAME, "\"the Museum\": the last word of a longer name named before",
                _ex("Staff of the Harbour Museum met. The Museum reopened.", "Museum", HEAD_OF_NAME, "Harbour Museum"),
                _head_nominals),
    MentionRule(PERSON_IN_FOCUS, "he/she/his/her for the person in focus",
                _ex("Dana Korvel spoke first. She thanked the crew.", "She", PERSON_IN_FOCUS, "Dana Korvel"),
                resolve_pronouns),
)  # fmt: skip


# -- the resolver over a finished entities table ---------------------------------------------------


#: Characters before a person's name searched for a title and the body it belongs to ("Japan's
#: Minister for Foreign Affairs Jane Doe"): up to four capitalised words fit in this.
TITLE_WINDOW = 80


class Coref:
    """Who is who in one article, answered from its ``entities`` table (built once, queried often).

    ``mentions`` are the table's rows as :class:`~analysis.nlp.mention.Mention` (text order),
    ``rows`` the same as ``(start, end, actor, actor_type, how, text, sentence_id)`` tuples, and
    ``focus`` the article's :class:`~analysis.nlp.focus.Focus` over them.
    """

    def __init__(self, text: str, entities: pd.DataFrame | None) -> None:
        self.text = text
        self.mentions = mentions_from_table(entities)
        self.rows = [(m.start, m.end, m.actor, m.actor_type, m.how, m.key, m.sid) for m in self.mentions]
        self._starts = [r[0] for r in self.rows]
        self.focus = Focus(text, self.mentions)
        self.first_seen = self.focus.first_seen
        self.forms: dict[str, str] = {}  # folded surface form or actor name -> actor
        self.keys: dict[str, str] = {}  # person key (surname, title + surname) -> actor
        self.titles: dict[str, set[str]] = defaultdict(set)  # person -> title words before the name
        self.affiliation: dict[str, str] = {}  # person -> the body named before the title
        self.documents: list[tuple[int, str, str]] = []  # (offset, head noun, name) of documents introduced
        self.types = self._index_mentions()
        for actor, typ in self.types.items():
            if typ == "person":
                for k in person_keys(actor):
                    self.keys.setdefault(k, actor)

    def _index_mentions(self) -> dict[str, str]:
        """Index every mention (forms, titles, affiliations); return each actor's usual type."""
        types: dict[str, Counter] = defaultdict(Counter)
        for m in self.mentions:
            if m.how != How.PRONOUN:
                types[m.actor][m.actor_type] += 1
                self.forms.setdefault(_fold(m.key), m.actor)
            self.forms.setdefault(_fold(m.actor), m.actor)
            if m.actor_type == "person" and m.how != How.PRONOUN:
                self._person_context(m.start, m.actor)
        return {a: c.most_common(1)[0][0] for a, c in types.items()}

    def _person_context(self, a: int, actor: str) -> None:
        """Record the title words right before a person's name, and the body named before the title."""
        before = self.text[max(0, a - TITLE_WINDOW) : a]
        m = re.search(r"((?:[A-Z][\w.\-]*\s+){1,4})$", before)
        if not m:
            return
        words = m.group(1).split()
        title_words = lexicons.title_words()
        k = len(words)
        while k > 0 and (words[k - 1] in title_words or words[k - 1].title() in title_words):
            k -= 1
        spelled = lexicons.title_abbreviations()
        for w in words[k:]:
            low = w.lower().rstrip(".")
            self.titles[actor].update((low, spelled.get(low, low)))  # "Gen." is also "general"
        if k < len(words):
            start = a - len(m.group(1))
            bound = start + len(" ".join(words[:k])) + 1
            lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, bound)
            aff = [r for r in self.rows[lo:hi] if r[1] <= bound and r[3] in ("org", "country", "place")]
            if aff and actor not in self.affiliation:
                self.affiliation[actor] = aff[-1][2]

    def lookup(self, name: str) -> str | None:
        """The actor a name, alias, surname or titled name stands for, or None."""
        if not name:
            return None
        f = _fold(name)
        if f in self.forms:
            return self.forms[f]
        p = parse_person(name)
        if p.name and _fold(p.name) in self.forms:
            return self.forms[_fold(p.name)]
        if p.key in self.keys and (len(p.given) == 0 or _fold(self.keys[p.key]).startswith(_fold(p.given[0]))):
            return self.keys[p.key]
        return None

    def persons_before(self, offset: int, window: int | None = None) -> list[str]:
        """The people named before ``offset`` (within ``window`` characters), in text order."""
        return self.focus.persons_before(offset, window)

    def group_before(self, offset: int, window: int) -> list[str] | None:
        """The two people most recently in focus, in order of first mention ("the duo", "they")."""
        return self.focus.group_before(offset, window)

    def titled_person(self, word: str, offset: int, window: int = TITLED_PERSON_WINDOW) -> str | None:
        """The person in focus whose title includes ``word`` ("the Secretary" → the secretary named)."""
        w = word.lower().rstrip(".")
        for name in reversed(self.persons_before(offset, window)):
            if any(w == t or t.startswith(w + "-") or w in t.split("-") for t in self.titles.get(name, ())):
                return name
        return None

    def org_before(self, offset: int, head: str, window: int = ORG_WINDOW) -> str | None:
        """The organisation a nominal ("the magazine", "the ministry") refers to (see :class:`Focus`)."""
        return self.focus.org_before(offset, head, window)

    def person_in_focus(self, offset: int, pronoun: str, window: int = PRONOUN_WINDOW) -> str | None:
        """The person a "he"/"she" no mention resolved refers to: the last one named within ``window``
        whose gender does not contradict the pronoun's (:attr:`Focus.gender`)."""
        want = lexicons.PERSON_PRONOUNS.get(pronoun.lower(), "")
        genders = self.focus.gender
        people = [p for p in self.persons_before(offset, window) if genders.get(p, "") in ("", want)]
        return people[-1] if people else None

    # -- documents the article introduces: the antecedents of "the statement" --------------------

    def introduce_documents(self, spans: list[tuple[int, int]]) -> None:
        """Register the documents the sentences ``(start, end)`` introduce ("They issued a joint
        statement"), each named by its issuers' bodies ("Harbour Board–Port Authority joint statement")."""
        for a, b in spans:
            for m in _document_re().finditer(self.text, a, b):
                phrase = " ".join(m.group("phrase").split())
                self.documents.append((m.start(), m.group("head").lower(), self.document_name(phrase, a, m.start())))

    def add_document(self, offset: int, head: str, name: str) -> None:
        """Register a document found later ("a statement" as a speaker)."""
        self.documents.append((offset, head, name))

    def document_before(self, head: str, offset: int) -> str | None:
        """The last document with head noun ``head`` introduced before ``offset`` ("the statement")."""
        return next((name for off, h, name in reversed(self.documents) if h == head and off < offset), None)

    def document_name(self, phrase: str, sentence_start: int, offset: int) -> str:
        """A document's name: its phrase after the bodies of the people who issued it."""
        issuers = self.issuers(sentence_start, offset)
        if not issuers:
            return phrase
        return "–".join(dict.fromkeys(self.affiliation.get(p) or p for p in issuers)) + " " + phrase

    def issuers(self, sentence_start: int, offset: int) -> list[str] | None:
        """The actors of the clause that introduced a document ("They issued a joint statement"): the
        people in focus for "they", else the people named earlier in the sentence."""
        m = re.match(r"\s*(\w+)", self.text[sentence_start:offset])
        if not m:
            return None
        if m.group(1).lower() == "they":
            return self.group_before(sentence_start, THEY_WINDOW)
        return list(dict.fromkeys(self.persons_before(offset, offset - sentence_start))) or None


@functools.cache
def _document_re() -> re.Pattern[str]:
    """ "a/an [two words] <document noun>": a document the article introduces."""
    heads = sorted((w for w, (cls, _) in lexicons.speaker_nouns().items() if cls == "document"), key=len, reverse=True)
    alt = "|".join(re.escape(h) for h in heads)
    return re.compile(rf"\b(?:[Aa]n?)\s+(?P<phrase>(?:[a-z][\w\-]*\s+){{0,2}}?(?P<head>{alt}))\b")


@functools.lru_cache(maxsize=1 << 14)  # the same names are folded again and again (every mention, every lookup)
def _fold(s: str) -> str:
    s = re.sub(r"[’']s$", "", s.strip())
    return re.sub(r"[\s\-–—]+", " ", s.replace(".", "")).lower().strip()
