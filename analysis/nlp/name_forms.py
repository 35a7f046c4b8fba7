"""Forms of one name: which display names of one article stand for the same actor, and how a person is displayed.

Decides, over the mentions of one article, that a person name ending a longer one is that person
("Ruth Morgan" in "Ellen Ruth Morgan"), that the variants of one person's name join its fullest form
(middle initials, suffixes, short given names from ``data/given_name_variants.tsv``, both name
orders), that a body written either way is one body ("Foreign Ministry" / "Ministry of Foreign
Affairs of X"), and which display name a person gets ("John Roe" for "John Roe Jr.", "Jan Roe" for
"Jan ROE").  Reads the mentions' actors, types and kinds (:class:`~analysis.nlp.mention.Mention`) and
the name lexicons; the resolver (:mod:`analysis.nlp.coref`) calls it while it links mentions.
"""

from __future__ import annotations

import functools
from collections import defaultdict

from analysis.nlp import lexicons
from analysis.nlp.case import is_allcaps
from analysis.nlp.mention import How
from analysis.nlp.names import parse_person


def longest_person_names(mentions: list) -> None:
    """A person name that ends a longer one the article gives ("Ruth Morgan" in "Ellen Ruth Morgan")
    is that person; so is a name of two or more words ending a longer organisation name."""
    longer: dict[str, str] = {}
    for typ, least in (("person", 1), ("org", 2)):
        names = {m.actor for m in mentions if m.actor_type == typ and m.how == How.NAME}
        for a in names:
            words = a.lower().split()  # "Von der Lanz" opening a sentence ends "Ursel von der Lanz"
            cands = [b for b in names if len(b.split()) > len(words) and b.lower().split()[-len(words) :] == words]
            if len(cands) == 1 and len(words) >= least:
                longer[a] = cands[0]
    for m in mentions:
        if m.actor in longer:
            m.actor = longer[m.actor]


#: Heads of a body's name written either way: "Foreign Ministry" / "Ministry of Foreign Affairs".
_INVERTIBLE_HEADS = frozenset("Ministry Department Office Agency Bureau Commission Directorate".split())


def inverted_body_names(mentions: list) -> None:
    """"the Foreign Ministry" after "the Ministry of Foreign Affairs of X": one body, named by the
    "of" form, when exactly one such body in the article starts with the same words."""
    orgs = list(dict.fromkeys(m.actor for m in mentions if m.actor_type == "org" and m.actor))
    of_forms: dict[str, list[str]] = defaultdict(list)
    for name in orgs:
        words = name.split()
        if len(words) >= 3 and words[0] in _INVERTIBLE_HEADS and words[1] == "of":
            rest = words[3:] if words[2] == "the" else words[2:]
            of_forms[words[0]].append((name, [w.lower() for w in rest]))
    merge = {}
    for name in orgs:
        words = name.split()
        if len(words) < 2 or words[-1] not in _INVERTIBLE_HEADS:
            continue
        mods = [w.lower() for w in words[:-1]]
        cands = [full for full, rest in of_forms.get(words[-1], []) if rest[: len(mods)] == mods]
        if len(cands) == 1:
            merge[name] = cands[0]
    for m in mentions:
        if m.actor in merge:
            m.actor = merge[m.actor]


def _name_parts(name: str) -> tuple[str, str, list[str]] | None:
    """(family name, full given name, middle names) of a display name, in lower case ("Joe" → "joseph")."""
    words = [w.lower().rstrip(",") for w in name.split()]
    if len(words) < 2 or not words[0][:1].isalpha():
        return None
    given = words[0].rstrip(".")
    return words[-1], lexicons.given_name_forms().get(given, given), [w.rstrip(".") for w in words[1:-1]]


def _compatible_middles(a: list[str], b: list[str]) -> bool:
    """Middle names agree where both give one: "J." matches "James", "Ann" does not match "Beth"."""
    return all(x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y) for x, y in zip(a, b))


def same_person_names(mentions: list) -> None:
    """"Joseph R. Lee Jr.", "Joe Lee" and "Joseph Lee" in one article are one person, named by the
    fullest form: the same family name, the same given name or its short form, no clashing middle
    name.  A variant that fits two different people stays apart."""
    names = list(dict.fromkeys(m.actor for m in mentions if m.actor_type == "person" and m.how == How.NAME))
    parts = {n: p for n in names if (p := _name_parts(n))}
    merge: dict[str, str] = {}
    for n, (fam, given, mid) in parts.items():
        cands = [
            o for o, (f2, g2, m2) in parts.items()
            if o != n and f2 == fam and g2 == given and _compatible_middles(mid, m2) and len(o) > len(n)
        ]  # fmt: skip
        fullest = {max(cands, key=len)} if cands else set()
        if len(fullest) == 1 and all(_compatible_middles(parts[c][2], parts[next(iter(fullest))][2]) for c in cands):
            merge[n] = next(iter(fullest))
    seen: set[str] = set()
    for n in names:  # "Korvel Tomo" and "Tomo Korvel": one person, named as first written
        words = n.split()
        if len(words) == 2 and f"{words[1]} {words[0]}" in seen and n not in merge:
            merge[n] = f"{words[1]} {words[0]}"
        seen.add(n)
    for m in mentions:
        while m.actor in merge:
            m.actor = merge[m.actor]


@functools.lru_cache(maxsize=8192)
def person_display(key: str) -> str:
    """A person's display name without a trailing suffix or possessive ("John Roe Jr." → "John Roe"),
    a family name in capitals written normally ("Jan ROE" → "Jan Roe")."""
    p = parse_person(key)
    name = p.name if p.name and not p.title else key
    words = name.split()
    if len(words) > 1 and not all(is_allcaps(w) for w in words):
        name = " ".join(w.title() if is_allcaps(w) and len(w) > 2 else w for w in words)
    elif len(words) > 1:  # "LLOYD J. VARNET" in a transcript's capitals
        name = " ".join(w if len(w.rstrip(".")) == 1 else w.title() for w in words)
    return name
