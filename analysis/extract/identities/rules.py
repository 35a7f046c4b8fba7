"""The link rules: each way two articles' actors are found to be one, in the order they are tried.

It decides when two article actors are one corpus actor: the same full name, one gazetteer entry
(name, alias or demonym), an acronym and the one name it abbreviates, given-name variants of one
family name, a family name alone and the one person of that family, a shared title.  Each rule of
:data:`LINK_RULES` joins groups of :class:`~analysis.extract.identities.nodes.Links`; a join never
crosses persons and non-persons.  It reads the nodes (names, types, forms, titles) and the lexicons
``countries.tsv``, ``places.tsv``, ``organisations.tsv`` and the given-name forms; never the texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from analysis.extract.identities.nodes import Links, Node
from analysis.nlp import lexicons
from analysis.nlp.identity import slug
from analysis.nlp.names import acronym_of, all_initials, initials
from analysis.resources import read_lexicon
from analysis.rules import Example, RuleTable

#: Rule names of ``actor_links.rule`` / ``identities.rule`` (the values written in the columns).
SAME_ACTOR = "same_actor override"
SAME_NAME = "same name"
GAZETTEER = "gazetteer entry"
ACRONYM = "acronym"
GIVEN_NAME = "given-name variant"
FAMILY_NAME = "family name"
TITLE = "shared title"
#: An article actor no rule joined to another article's.
ALONE = "one article"

_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,8}|[A-Z][A-Z0-9&]{1,7}")


@dataclass(frozen=True)
class LinkRule:
    """One way two articles' actors are found to be one: ``func(nodes, links)`` joins groups."""

    name: str
    doc: str
    example: Example | None
    func: Callable[[list[Node], Links], None] | None


# -- the name layer ---------------------------------------------------------------------------
@cache
def gazetteer_names() -> dict[str, str]:
    """Every country, place and organisation name, alias and demonym (case-folded) to its entry.

    Read from the lexicons the entity stage uses (``countries.tsv``, ``places.tsv``,
    ``organisations.tsv``); a form listed under two entries is left out (it names neither surely).

    Examples
    --------
    >>> gazetteer_names()["americans"] == gazetteer_names()["u.s."]
    True
    """
    seen: dict[str, set[str]] = {}
    for name, columns in (("countries.tsv", (1, 2)), ("places.tsv", (1, 2)), ("organisations.tsv", (1,))):
        for row in read_lexicon(name):
            entry = f"{name}:{row[0]}"
            forms = [row[0]] + [f for c in columns if c < len(row) for f in row[c].split("|")]
            for form in forms:
                if form.strip():
                    seen.setdefault(form.strip().casefold(), set()).add(entry)
    return {form: next(iter(entries)) for form, entries in seen.items() if len(entries) == 1}


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM.fullmatch(name.strip()))


def _given_key(part: str) -> str:
    """A given name as its full form ("joe" → "joseph"), an initial as its letter."""
    low = part.rstrip(".").lower()
    return lexicons.given_name_forms().get(low, low)


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two given-name tuples may name one person: each name they both have agrees, as a
    short form of the other ("Joe" / "Joseph") or as its initial ("J." / "Jane")."""
    if not a or not b:
        return False
    for x, y in zip(map(_given_key, a), map(_given_key, b)):
        if not x or not y or (x != y and not ((len(x) == 1 or len(y) == 1) and x[0] == y[0])):
            return False
    return True


@cache
def _slug(name: str) -> str:
    return slug(name)


# -- the rules --------------------------------------------------------------------------------
def _join_by_key(nodes: list[Node], links: Links, key: Callable[[Node], str | None], rule: str) -> None:
    first: dict[str, int] = {}
    for n in nodes:
        k = key(n)
        if k:
            if k in first:
                links.join(first[k], n.index, rule)
            else:
                first[k] = n.index


def _same_name(nodes: list[Node], links: Links) -> None:
    """Persons with the same given and family names; any other actor with the same name."""

    def key(n: Node) -> str | None:
        if n.person:
            return f"person:{_slug(' '.join((*n.given, n.family)))}" if n.given and n.family else None
        return f"other:{_slug(n.actor)}"

    _join_by_key(nodes, links, key, SAME_NAME)


def _gazetteer_key(n: Node) -> str | None:
    if n.person:
        return None
    names = gazetteer_names()
    own = names.get(n.actor.casefold())
    if own:
        return own
    found = {names[f.casefold()] for f in n.forms if f.casefold() in names}
    return next(iter(found)) if len(found) == 1 else None


def _gazetteer(nodes: list[Node], links: Links) -> None:
    """Non-persons named by one entry of the gazetteers (name, alias or demonym)."""
    _join_by_key(nodes, links, _gazetteer_key, GAZETTEER)


def _expansions(nodes: list[Node]) -> dict[str, list[int]]:
    """Acronym (letters only) -> the non-person nodes whose name abbreviates to it or lists it."""
    out: dict[str, list[int]] = {}
    for n in nodes:
        if n.person or _is_acronym(n.actor):
            continue
        words = n.actor.split()
        keys = {f.replace(".", "") for f in n.forms if _is_acronym(f)}
        if len(words) >= 2:
            keys |= {initials(words), all_initials(words)}
            if len(words) > 2:
                keys |= {initials(words[1:]), all_initials(words[1:])}
        for k in keys:
            if len(k) >= 2:
                out.setdefault(k, []).append(n.index)
    return out


def _acronym(nodes: list[Node], links: Links) -> None:
    """An acronym joins the one name (group) that abbreviates to it or writes it as its alias."""
    expansions = _expansions(nodes)
    by_letters: dict[str, list[Node]] = {}
    for n in nodes:
        if not n.person and _is_acronym(n.actor):
            by_letters.setdefault(n.actor.replace(".", ""), []).append(n)
    for letters, short in by_letters.items():
        cands = [i for i in expansions.get(letters, []) if _abbreviates(letters, nodes[i].actor, nodes[i].forms)]
        if len({links.find(i) for i in cands}) == 1:
            for n in short:
                links.join(cands[0], n.index, ACRONYM)


@cache
def _abbreviates(letters: str, name: str, forms: tuple[str, ...]) -> bool:
    return any(f.replace(".", "") == letters for f in forms) or acronym_of(letters, name.split())


def _people(nodes: list[Node], links: Links) -> dict[str, dict[int, list[Node]]]:
    """Family key -> {group root: its full-named person nodes}."""
    out: dict[str, dict[int, list[Node]]] = {}
    for n in nodes:
        if n.person and n.family and n.given:
            out.setdefault(n.family, {}).setdefault(links.find(n.index), []).append(n)
    return out


def _given_name(nodes: list[Node], links: Links) -> None:
    """Full names of one family whose given names agree (a variant or an initial) are one person
    when each fits no other person of that family."""
    for groups in _people(nodes, links).values():
        fits = {a: [b for b in groups if b != a and _fits(groups[a], groups[b])] for a in groups}
        for a, found in fits.items():
            if len(found) == 1 and fits[found[0]] == [a]:
                links.join(groups[a][0].index, groups[found[0]][0].index, GIVEN_NAME)


def _fits(a: list[Node], b: list[Node]) -> bool:
    return any(_given_compatible(x.given, y.given) for x in a for y in b)


def _family_name(nodes: list[Node], links: Links) -> None:
    """A family name alone joins the one person of that family (and type) the corpus has; with no
    full name anywhere, the bare family names join one another."""
    people = _people(nodes, links)
    bare: dict[str, list[Node]] = {}
    for n in nodes:
        if n.person and n.family and not n.given:
            bare.setdefault(n.family, []).append(n)
    for family, alone in bare.items():
        groups = people.get(family, {})
        if len(groups) == 1:
            target = next(iter(groups.values()))[0].index
            for n in alone:
                links.join(target, n.index, FAMILY_NAME)
        elif not groups:
            for n in alone[1:]:
                links.join(alone[0].index, n.index, FAMILY_NAME)


def _title(nodes: list[Node], links: Links) -> None:
    """A family name alone, shared by several people, joins the one of them with a title in common."""
    people = _people(nodes, links)
    for n in nodes:
        groups = people.get(n.family, {}) if n.person and not n.given else {}
        if len(groups) < 2 or not n.titles:
            continue
        match = [g for g in groups.values() if any(n.titles & m.titles for m in g)]
        if len(match) == 1:
            links.join(match[0][0].index, n.index, TITLE)


#: The link rules, in the order :func:`~analysis.extract.identities.engine.link_actors` applies them.  Each example is two invented
#: articles (separated by ``|``); ``expect`` names the two display names it joins and the rule.
LINK_RULES: RuleTable[LinkRule] = RuleTable(
    "actor_links.rule",
    [
        LinkRule(SAME_ACTOR, "the user's load_corpus(same_actor=[(a, b)]) joins two actor ids", None, None),
        LinkRule(
            SAME_NAME,
            "the same full name (persons) or the same name (other actors) in two articles",
            Example(
                "Dana Korvel opened the depot on Monday. | The depot was opened by Dana Korvel.",
                {"rule": SAME_NAME, "forms": ("Dana Korvel", "Dana Korvel")},
            ),
            _same_name,
        ),
        LinkRule(
            GAZETTEER,
            "a country, place or organisation named by its name, an alias or a demonym",
            Example(
                "Delegates from Britain arrived on Monday. | Delegates from the United Kingdom arrived on Monday.",
                {"rule": GAZETTEER, "forms": ("Britain", "United Kingdom")},
            ),
            _gazetteer,
        ),
        LinkRule(
            ACRONYM,
            "an acronym and the one name that abbreviates to it (or writes it as its alias)",
            Example(
                "The Harbour Board Authority said on Monday that fares would rise. | "
                "The HBA said on Monday that fares would rise.",
                {"rule": ACRONYM, "forms": ("Harbour Board Authority", "HBA")},
            ),
            _acronym,
        ),
        LinkRule(
            GIVEN_NAME,
            "full names of one family whose given names agree (a short form, an initial, a middle name)",
            Example(
                "Joseph Marrow spoke on Monday. | Joe Marrow spoke on Monday.",
                {"rule": GIVEN_NAME, "forms": ("Joseph Marrow", "Joe Marrow")},
            ),
            _given_name,
        ),
        LinkRule(
            FAMILY_NAME,
            "a family name alone and the one person of that family name in the corpus",
            Example(
                "Dana Korvel opened the depot on Monday. | Korvel said the depot would stay open.",
                {"rule": FAMILY_NAME, "forms": ("Dana Korvel", "Korvel")},
            ),
            _family_name,
        ),
        LinkRule(
            TITLE,
            "a family name alone, shared by several people, and the one of them with the same title",
            Example(
                "Mayor Dana Korvel met Judge Lena Korvel on Monday. | Mayor Korvel said the depot would open.",
                {"rule": TITLE, "forms": ("Dana Korvel", "Korvel")},
            ),
            _title,
        ),
    ],
)
