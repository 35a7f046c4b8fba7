"""The typed mentions of one sentence, made from its segments.

Decides what each segment of :mod:`.runs` yields: a lexicon name (or a team, when a score follows a
city), a dateline's place, a nominal ("the alliance"), a US state named by its postal code, one
mention per side of a dashed pair ("NATO-Japan"), a title standing for its holder, or a name typed
by :mod:`.run_types`; it also records the title words around a person's name and whether a mention
stands inside quote marks.  Reads the sentence's tokens (``start, end, text, pos``) and the lexicon.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from analysis.extract.entities.lexicon import Entry, Lexicon, cue_type, lexicon_key
from analysis.extract.entities.run_types import team_context, type_run
from analysis.extract.entities.runs import merge_segments, segment
from analysis.nlp import coref, lexicons
from analysis.nlp.case import is_allcaps, is_cap


@dataclass
class Mention:
    """A mention of one sentence while the stage builds it: span, words, actor and the evidence."""

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


def tokens_by_sentence(tokens: pd.DataFrame) -> dict[int, list[tuple[int, int, str, str]]]:
    """(start, end, text, pos) of each token, per sentence id."""
    by_sent: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    cols = [tokens[c].tolist() for c in ("sentence_id", "start", "end", "text", "pos")]
    for sid, a, b, w, p in zip(*cols):
        by_sent[sid].append((a, b, w, p))
    return by_sent


def _type_lex(m: Mention, entry: Entry, words: list[str]) -> None:
    m.actor, m.actor_type, m.how, m.rule, m.strong = entry.actor, entry.actor_type, entry.how, "lexicon", True
    if entry.actor_type == "place" and entry.how in ("name", "alias") and team_context(words, m.i, m.j):
        # A city or state with a score after it, or that beats another, is the team named after it.
        m.actor, m.actor_type, m.how, m.rule, m.strong = m.key, "org", "name", "team_score", False


def _type_dateline(m: Mention, entry: Entry | None) -> None:
    if entry is not None:
        m.actor, m.actor_type, m.how = entry.actor, entry.actor_type, entry.how
    else:  # a place the lexicon does not know: "ALBANY" is Albany
        m.actor_type = "place"
        m.actor = m.key.title() if is_allcaps(m.key) and "." not in m.key else m.key
    m.rule, m.strong = "dateline", True


def _type_name(m: Mention, merged: list[list], words: list[str], tags: list[str], lex: Lexicon, joined: bool) -> None:
    """A capitalised run: a title before it marks a person, else the run typing rules decide."""
    i, j = m.i, m.j
    # A title right before the run ("Prime Minister Ann Lee") marks a person.
    tseg = next((s for s in merged if s[1] == i and s[2] == "title"), None)
    title_before = tseg is not None and not cue_type(m.words, lex)
    m.title = " ".join(words[tseg[0] : i]) if tseg else ""
    m.title = " ".join(filter(None, (m.title, _apposition_title(words, j))))
    if title_before:
        m.actor_type, m.rule, m.strong = "person", "title", True
    else:
        before = words[max(0, i - _RUN_CONTEXT_BEFORE) : i]
        after = words[j : j + _RUN_CONTEXT_AFTER]
        m.actor_type, m.rule, m.strong = type_run(m.words, tags[i:j], before, after, lex, joined=joined)
    m.how = "name"


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
    """A one-token run joining gazetteer names with dashes ("NATO-Japan", "U.S.–China"): one mention
    of each name (rule ``name_pair``); else nothing."""
    if j - i != 1:
        return []
    a, _b, w, _t = toks[i]
    out, pos = [], 0
    for part in _PAIR_DASH.split(w):
        e = lex.exact.get(lexicon_key(part)) if part else None
        if e is None or e.actor_type not in ("country", "org", "place") or e.how == "demonym":
            return []  # "African-American" is no pair of places
        k = w.index(part, pos)
        pos = k + len(part)
        m = Mention(sid, i, j, a + k, a + pos, (part,), e.actor, e.actor_type, e.how, "name_pair", True)
        m.key = part
        out.append(m)
    return out if len(out) >= 2 else []


def sentence_mentions(text: str, sid: int, toks, evidence, lex: Lexicon) -> list[Mention]:
    """The typed mentions of one sentence, from its segments."""
    midcaps, known, alone = evidence
    words = [t[2] for t in toks]
    tags = [t[3] for t in toks]
    merged = merge_segments(segment(words, tags, midcaps, lex, known, alone), words, lex)
    out = []
    starts = {seg[0] for seg in merged}
    for i, j, kind, entry in merged:
        if kind == "title" and not _title_standing_alone(words, i, j, starts):
            continue
        if kind == "run" and (pair := _pair_of_names(toks, i, j, sid, lex)):
            out.extend(pair)  # "NATO-Japan cooperation": each side is named
            continue
        m = Mention(sid, i, j, toks[i][0], toks[j - 1][1], tuple(w for w in words[i:j] if w != "."))
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
