"""The typed mentions of one sentence, made from its segments.

Decides what each segment of :mod:`.runs` yields: a lexicon name (or a team, when a score follows a
city), a dateline's place, a nominal ("the alliance"), a US state named by its postal code, one
mention per side of a dashed pair ("Peru-Chile"), a title standing for its holder, or a name typed
by :mod:`.run_types`; it also records the title words around a person's name and whether a mention
stands inside quote marks.  Reads the sentence's tokens (``start, end, text, pos``) and the lexicon.
The rules that find a mention from its segment alone are :data:`FOUND_RULES`.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from analysis.extract.entities.lexicon import Entry, Lexicon, lexicon_key
from analysis.extract.entities.run_types import TEAM_EVIDENCE, TEAM_SCORE, Run, team_context, type_run
from analysis.extract.entities.runs import CapitalEvidence, Kind, Segment, merge_segments, segment
from analysis.nlp import coref, lexicons
from analysis.nlp.case import is_allcaps, is_cap
from analysis.nlp.mention import Evidence, How, Mention, MentionRule
from analysis.rules import Example

LEXICON = "lexicon"
DATELINE_PLACE = "dateline_place"
NOMINAL = "nominal"
STATE_CODE = "state_code"
NAME_PAIR = "name_pair"
TITLE_REFERENCE = "title_reference"


def tokens_by_sentence(tokens: pd.DataFrame) -> dict[int, list[tuple[int, int, str, str]]]:
    """(start, end, text, pos) of each token, per sentence id."""
    by_sent: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    sids = tokens["sentence_id"].tolist()
    for sid, tok in zip(sids, zip(*(tokens[c].tolist() for c in ("start", "end", "text", "pos")))):
        by_sent[sid].append(tok)
    return by_sent


def _type_lex(m: Mention, entry: Entry, words: list[str]) -> None:
    m.actor, m.actor_type, m.how, m.strong = entry.actor, entry.actor_type, entry.how, True
    _LEXICON.mark(m)
    if entry.actor_type == "place" and entry.how in (How.NAME, How.ALIAS) and team_context(words, m.i, m.j):
        # A city or state with a score after it, or that beats another, is the team named after it.
        m.actor, m.actor_type, m.how, m.strong = m.key, "org", How.NAME, False
        m.set_rule(TEAM_SCORE, TEAM_EVIDENCE)


def _type_dateline_place(m: Mention, entry: Entry | None) -> None:
    if entry is not None:
        m.actor, m.actor_type, m.how = entry.actor, entry.actor_type, entry.how
    else:  # a place the lexicon does not know: "ALBANY" is Albany
        m.actor_type = "place"
        m.actor = m.key.title() if is_allcaps(m.key) and "." not in m.key else m.key
    m.strong = True
    _DATELINE_PLACE.mark(m)


def _type_name(m: Mention, merged: list[Segment], words: list[str], tags: list[str], lex: Lexicon, joined: bool) -> None:
    """A capitalised run, typed by the first rule of :data:`~.run_types.RUN_TYPING_RULES` that applies."""
    i, j = m.i, m.j
    tseg = next((s for s in merged if s.j == i and s.kind == Kind.TITLE), None)
    m.title = " ".join(words[tseg.i : i]) if tseg else ""
    m.title = " ".join(filter(None, (m.title, _apposition_title(words, j))))
    before = words[max(0, i - _RUN_CONTEXT_BEFORE) : i]
    after = words[j : j + _RUN_CONTEXT_AFTER]
    rule, m.actor_type, m.strong = type_run(Run(m.words, tags[i:j], before, after, lex, joined, tseg is not None))
    rule.mark(m)
    m.how = How.NAME


#: Words of context the run typing rules see before and after a run.
_RUN_CONTEXT_BEFORE = 3
_RUN_CONTEXT_AFTER = 5


#: A party-state or district tag: "R-TX", "D-Ohio", "TX-07", "I-Vt." (the state in group ``st``).
_PARTY_STATE = re.compile(r"(?:(?P<party>[RDI])-)?(?P<st>[A-Z]{2}|[A-Z][a-z]+\.?|[A-Z]\.[A-Z]\.)(?P<district>-(?:\d{1,2}|AL))?")


def _state_reference(words: list[str], i: int, j: int, lex: Lexicon) -> str | None:
    """The US state a one-word run names by code: after "City," or as a bracketed party-state tag."""
    if j - i != 1:
        return None
    w = words[i]
    if w in lex.state_codes and i >= 2 and words[i - 1] == "," and is_cap(words[i - 2]):
        return lex.state_codes[w]  # "Elm Township, PA"
    m = _PARTY_STATE.fullmatch(w)
    close = j + (j < len(words) and words[j] == ".")  # "(R-Ga.)" may end in a period token
    if not (m and (m["party"] or m["district"]) and 0 < i and words[i - 1] == "(" and close < len(words) and words[close] == ")"):
        return None
    st = m["st"]
    e = lex.exact.get(lexicon_key(st)) or lex.exact.get(lexicon_key(st.rstrip(".") + "."))  # "Ohio", "Ga."
    states = lex.state_codes.values()
    return lex.state_codes.get(st) or (e.actor if e is not None and e.actor in states else None)


_PAIR_DASH = re.compile(r"[-–—/]")


def _pair_of_names(toks, i: int, j: int, sid: int, lex: Lexicon) -> list[Mention]:
    """A one-token run joining gazetteer names with dashes ("Peru-Chile", "U.S.–Canada"): one mention
    of each name (rule ``name_pair``); else nothing."""
    if j - i != 1:
        return []
    a, _b, w, _t = toks[i]
    out, pos = [], 0
    for part in _PAIR_DASH.split(w):
        e = lex.exact.get(lexicon_key(part)) if part else None
        if e is None or e.actor_type not in ("country", "org", "place") or e.how == How.DEMONYM:
            return []  # "African-American" is no pair of places
        k = w.index(part, pos)
        pos = k + len(part)
        m = Mention(sid, i, j, a + k, a + pos, (part,), e.actor, e.actor_type, e.how, NAME_PAIR, True, part)
        out.append(m)
    return out if len(out) >= 2 else []


def _split_at_spaced_slash(segs: list[Segment], toks) -> list[Segment]:
    """A name run holding a slash with a space beside it is two names ("Dana Korvel / Harbour
    Agency", a credit); one written without spaces ("Lisbon/Porto Line") stays one name."""
    out: list[Segment] = []
    for seg in segs:
        spaced = [k for k in range(seg.i + 1, seg.j - 1) if toks[k][2] == "/" and (toks[k][0] > toks[k - 1][1] or toks[k + 1][0] > toks[k][1])]
        cuts = spaced if seg.kind == Kind.RUN else []
        if not cuts:
            out.append(seg)
            continue
        for a, b in zip([seg.i, *(k + 1 for k in cuts)], [*cuts, seg.j]):
            out.append(Segment(a, b, Kind.RUN))
    return out


#: Words after which a name's first word may come back inside one name ("Johnson & Johnson").
_JOINERS = frozenset({"&", "and", "of", "-"})


def _split_at_repeated_first(segs: list[Segment], words: list[str]) -> list[Segment]:
    """A name run whose first word comes back two words on or more, not after a joiner, is two names
    ("Dana Korvel Dana writes about …": an author box's name glued to its bio's first word)."""
    out: list[Segment] = []
    for seg in segs:
        first = words[seg.i]
        again = None
        if seg.kind == Kind.RUN:
            again = next((k for k in range(seg.i + 2, seg.j) if words[k] == first and words[k - 1] not in _JOINERS), None)
        out += [Segment(seg.i, again, Kind.RUN), Segment(again, seg.j, Kind.RUN)] if again is not None else [seg]
    return out


def sentence_mentions(text: str, sid: int, toks, evidence: CapitalEvidence, lex: Lexicon) -> list[Mention]:
    """The typed mentions of one sentence, from its segments."""
    words = [t[2] for t in toks]
    tags = [t[3] for t in toks]
    segs = _split_at_spaced_slash(segment(words, tags, evidence, lex, headline=sid in evidence.headlines), toks)
    merged = _split_at_repeated_first(merge_segments(segs, words, lex), words)
    out = []
    starts = {seg.i for seg in merged}
    for seg in merged:
        i, j, kind = seg.i, seg.j, seg.kind
        if kind == Kind.TITLE and not _title_standing_alone(words, i, j, starts):
            continue
        if kind == Kind.RUN and (pair := _pair_of_names(toks, i, j, sid, lex)):
            out.extend(pair)  # "Peru-Chile talks": each side is named
            continue
        m = Mention(sid, i, j, toks[i][0], toks[j - 1][1], tuple(w for w in words[i:j] if w != "."))
        m.key = text[m.start : m.end]
        if kind == Kind.LEX:
            _type_lex(m, seg.entry, words)
        elif kind == Kind.DATELINE_PLACE:
            _type_dateline_place(m, seg.entry)
        elif kind == Kind.NOMINAL:
            m.how = How.NOMINAL
            _NOMINAL.mark(m)
        elif state := _state_reference(words, i, j, lex):
            # "Springfield, IL", "(R-TX)": a postal code or party-state tag names a US state
            m.actor, m.actor_type, m.how, m.strong = state, "place", How.ALIAS, True
            _STATE_CODE.mark(m)
        elif _title_only(m.words):
            # "the Secretary-General", "Chairman": a title standing for a person (resolved by coref)
            m.actor_type, m.how = "person", How.TITLE
            _TITLE_REFERENCE.mark(m)
        else:
            _type_name(m, merged, words, tags, lex, joined=seg.joined)
        out.append(m)
    return out


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


def mark_quoted(text: str, mentions: list[Mention], by_sent) -> None:
    """Flag mentions inside quote marks."""
    spans = {sid: coref.quoted_spans(text, by_sent.get(sid, [])) for sid in {m.sid for m in mentions}}
    for m in mentions:
        m.quoted = any(x < m.start < y for x, y in spans[m.sid])


_LEXICON = MentionRule(
    LEXICON,
    "a gazetteer name, alias or demonym (countries, places, organisations, events, US states)",
    Example("Growers in Peru sold more coffee.", {"text": "Peru", "rule": LEXICON, "actor_type": "country"}),
    _type_lex,
    Evidence(gazetteer=True),
)
_DATELINE_PLACE = MentionRule(
    DATELINE_PLACE,
    "the place opening a dateline (\"VARNWICK —\")",
    Example("VARNWICK FALLS, N.Y. – The mill reopened on Monday.", {"text": "VARNWICK FALLS", "rule": DATELINE_PLACE, "actor": "Varnwick Falls"}),
    _type_dateline_place,
    Evidence(dateline_place=True),
)
_NOMINAL = MentionRule(
    NOMINAL,
    "\"the alliance\": a common noun a gazetteer body is known by",
    Example("OPEC ministers met in Lima. The cartel agreed.", {"text": "cartel", "rule": NOMINAL, "actor": "OPEC"}),
    sentence_mentions,
)
_STATE_CODE = MentionRule(
    STATE_CODE,
    "a US postal code after a city or a party-state tag names the state",
    Example("Crews reached Elm Township, PA, on Monday.", {"text": "PA", "rule": STATE_CODE, "actor": "Pennsylvania"}),
    _state_reference,
)
_NAME_PAIR = MentionRule(
    NAME_PAIR,
    "one side of a dashed pair of gazetteer names (\"Peru-Chile\")",
    Example("The Peru-Chile border reopened.", {"text": "Chile", "rule": NAME_PAIR, "actor_type": "country"}),
    _pair_of_names,
)
_TITLE_REFERENCE = MentionRule(
    TITLE_REFERENCE,
    "a title standing for its holder, not resolved to anyone named",
    Example("The Chairman said the vote would wait. Olek Varn agreed.", {"absent": "Chairman"}),
    sentence_mentions,
)

#: The rules that find a mention from its segment alone (before any linking), in the order of the code.
FOUND_RULES: tuple[MentionRule, ...] = (_LEXICON, _DATELINE_PLACE, _NOMINAL, _STATE_CODE, _NAME_PAIR, _TITLE_REFERENCE)
