"""Acronyms and the names they spell: one mention for the words an acronym abbreviates.

Decides that the words before a bracketed acronym ("West Pacific Fisheries Council (WPFC)") or
that any acronym of the article spells out are one organisation, whatever pieces the runs made of
them, and that an acronym opening a longer name ("ABC Flood Watch") is its own body with a unit
after it.  Reads the mentions of the whole article and its tokens per sentence.  Its rules are
:data:`ACRONYM_RULES`.
"""

from __future__ import annotations

from collections import defaultdict

from analysis.extract.entities.lexicon import ACRONYM_RE
from analysis.extract.entities.run_types import ACRONYM
from analysis.nlp.case import is_allcaps, is_cap
from analysis.nlp.mention import How, Mention, MentionRule
from analysis.nlp.names import initials
from analysis.rules import Example

ACRONYM_EXPANSION = "acronym_expansion"
SPELLED_ACRONYM = "spelled_acronym"
UNIT_OF_ORG = "unit_of_org"


def acronym_spans(text: str, mentions: list[Mention], by_sent) -> list[Mention]:
    """"West Pacific Fisheries Council (WPFC)": the words the bracketed acronym abbreviates
    are one organisation, whatever pieces the runs made of them."""
    out = list(mentions)
    for b in mentions:
        toks = by_sent.get(b.sid, [])
        if len(b.words) != 1 or not is_allcaps(b.words[0]) or b.i < 2 or toks[b.i - 1][2] != "(":
            continue
        span = _expansion_before(toks, b.i - 1, b.words[0].replace(".", ""))
        if span is None:
            continue
        a0, a1 = toks[span[0]][0], toks[span[1] - 1][1]
        inside = [m for m in out if m.sid == b.sid and m.start >= a0 and m.end <= a1]
        if len(inside) == 1 and inside[0].start == a0 and inside[0].end == a1:
            continue
        words = tuple(t[2] for t in toks[span[0] : span[1]])
        org = Mention(b.sid, span[0], span[1], a0, a1, words, "", "org", How.NAME, ACRONYM_EXPANSION, True, text[a0:a1])
        out = [m for m in out if m not in inside]
        out.append(org)
    out.sort(key=lambda m: m.start)
    return out


_ACRONYM_GLUE = frozenset(("of", "for", "and", "the", "&", "on", "de"))


def spelled_acronyms(text: str, mentions: list[Mention], by_sent) -> list[Mention]:
    """"Office of Science and Technology Policy" where the article also writes "OSTP": the words an
    acronym of the article spells out are one organisation, even across "and" and without brackets."""
    acronyms = {m.words[0] for m in mentions if len(m.words) == 1 and ACRONYM_RE.match(m.words[0]) and len(m.words[0]) >= 3}
    if not acronyms:
        return mentions
    by_sid: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sid[m.sid].append(m)
    out: list[Mention] = []
    for sid, here in by_sid.items():
        toks = by_sent.get(sid, [])
        words = [t[2] for t in toks]
        caps = [is_cap(w) for w in words]
        i = 0
        while i < len(words):
            span = _spelled_span(words, caps, i, acronyms)
            if span is None:
                i += 1
                continue
            a0, a1 = toks[span[0]][0], toks[span[1] - 1][1]
            inside = [m for m in here if m.start >= a0 and m.end <= a1]
            if len(inside) > 1:
                here = [m for m in here if m not in inside]
                ws = tuple(words[span[0] : span[1]])
                here.append(Mention(sid, span[0], span[1], a0, a1, ws, "", "org", How.NAME, SPELLED_ACRONYM, True, text[a0:a1]))
            i = span[1]
        out.extend(here)
    out.sort(key=lambda m: m.start)
    return out


def _spelled_span(words: list[str], caps: list[bool], i: int, acronyms: set[str]) -> tuple[int, int] | None:
    """The longest span from ``i`` (capitalised words, with of/and/for inside) whose initials are an
    acronym; ``caps`` says which words are capitalised (:func:`is_cap`)."""
    if not caps[i] or words[i].lower() in ("the", "a", "an"):
        return None
    best = None
    k = i
    while k < len(words) and k - i < 10 and (caps[k] or words[k].lower() in _ACRONYM_GLUE):
        k += 1
        if caps[k - 1] and k - i >= 3 and initials(words[i:k]) in acronyms:
            best = (i, k)
    return best


def split_acronym_prefix(text: str, mentions: list[Mention], by_sent) -> list[Mention]:
    """"ABC Flood Watch": an acronym the article uses alone, opening a longer name, is that
    organisation, and the rest is a unit of it."""
    alone = {m.words[0] for m in mentions if len(m.words) == 1 and is_allcaps(m.words[0])}
    out = []
    for m in mentions:
        w0 = m.words[0] if m.words else ""
        if m.evidence.gazetteer or len(m.words) < 3 or w0 not in alone or not ACRONYM_RE.match(w0):
            out.append(m)
            continue
        toks = by_sent[m.sid]
        a = Mention(m.sid, m.i, m.i + 1, toks[m.i][0], toks[m.i][1], (w0,), "", "org", How.NAME, ACRONYM, True, w0)
        b = Mention(m.sid, m.i + 1, m.j, toks[m.i + 1][0], m.end, m.words[1:], "", "org", How.NAME, UNIT_OF_ORG, True)
        b.key = text[b.start : b.end]
        out.extend((a, b))
    return out


def _expansion_before(toks, k: int, acronym: str) -> tuple[int, int] | None:
    """Token range ending before ``k`` whose capital initials spell ``acronym`` (longest), or None."""
    best = None
    s = k - 1
    while s >= 0 and k - s <= 12:
        w = toks[s][2]
        if not (is_cap(w) or w.lower() in _ACRONYM_GLUE):
            break
        if is_cap(w) and w.lower() not in ("the", "a", "an") and initials([t[2] for t in toks[s:k]]) == acronym:
            best = (s, k)
        s -= 1
    return best


#: The rules of this module, in the order the pipeline runs them.
ACRONYM_RULES: tuple[MentionRule, ...] = (
    MentionRule(
        ACRONYM_EXPANSION,
        "the words before a bracketed acronym that it spells out",
        Example("The Tidewater Quarry Safety Board (TQSB) met on Monday.",
                {"text": "Tidewater Quarry Safety Board", "rule": ACRONYM_EXPANSION, "actor_type": "org"}),
        acronym_spans,
    ),
    MentionRule(
        SPELLED_ACRONYM,
        "the words a later acronym spells out",
        Example("Staff at the Office of Quarry and Mine Safety worked late. OQMS officials agreed.",
                {"text": "Office of Quarry and Mine Safety", "rule": SPELLED_ACRONYM, "actor_type": "org"}),
        spelled_acronyms,
    ),
    MentionRule(
        UNIT_OF_ORG,
        "a unit named after its body (\"QXB Flood Watch\")",
        Example("The QXB said its QXB Flood Watch team was ready.",
                {"text": "Flood Watch", "rule": UNIT_OF_ORG, "actor_type": "org"}),
        split_acronym_prefix,
    ),
)  # fmt: skip
