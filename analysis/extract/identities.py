"""Corpus identities: one actor across articles, linked with the shared name layer.

Each article resolves its own actors (``actor_id`` is a slug of the article's display name), so the
same person, body or country may carry different ids in different articles: a surname alone in one
("Korvel"), the full name in another ("Dana Korvel"); an acronym ("HBA") against its expansion
("Harbour Board Authority"); a demonym or press alias against a country's name.  :func:`link_actors`
reads the corpus ``actors`` table (one row per article and actor) and joins its rows into corpus
actors by the rules of :data:`LINK_RULES`, walked in order:

1. ``same_actor`` overrides given by the user;
2. the same full name (persons: given names and family name; others: the same name);
3. the same gazetteer entry (country, place or organisation, with its aliases and demonyms);
4. an acronym and the one name it abbreviates (by initials or as that actor's written alias);
5. given-name variants of the same family name ("Joe" / "Joseph", a middle initial more or less);
6. a family name alone joins the one person of that family name in the corpus;
7. when several people share it, a title or role the mentions share picks one.

A join never crosses persons and non-persons, and never joins two actors a ``different_actor``
override keeps apart.  Two people with the same family name stay apart unless a given name or a
title joins them.  The display name of a corpus actor is the fullest form any article uses; its
``actor_id`` is that name's slug (made unique).  :func:`apply_links` rewrites a corpus table with
the corpus ids (the article's own kept as ``article_actor_id``).

This module reads the actors tables only (names, types, forms); it never re-reads the texts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from analysis.frames import frame
from analysis.nlp import lexicons
from analysis.nlp.identity import slug
from analysis.nlp.names import acronym_of, all_initials, initials, parse_person
from analysis.resources import read_lexicon
from analysis.rules import Example, RuleTable

#: Columns of ``corpus.identities``: one row per corpus actor.
IDENTITY_COLUMNS = [
    "actor_id", "actor", "actor_type", "mentions", "quotes", "articles", "article_ids",
    "article_actor_ids", "forms", "rule",
]  # fmt: skip
#: Columns of ``corpus.actor_links``: one row per (article, article actor).
LINK_COLUMNS = ["article_id", "article_actor_id", "actor_id", "rule"]

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

#: Tables whose actor columns :func:`apply_links` rewrites.
ACTOR_TABLES = ("entities", "actors", "quote_speakers", "aliases", "quotes", "cooccurrence", "timeline")

Pair = tuple[str, str] | str
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,8}|[A-Z][A-Z0-9&]{1,7}")


@dataclass
class Node:
    """One article's actor, as the rules read it."""

    index: int
    article_id: str
    actor_id: str
    actor: str
    actor_type: str
    mentions: int
    forms: tuple[str, ...]
    given: tuple[str, ...] = ()
    family: str = ""
    titles: frozenset[str] = field(default_factory=frozenset)

    @property
    def person(self) -> bool:
        return self.actor_type == "person"


class Links:
    """Union-find over the nodes, with the pairs kept apart and the rule that joined each node."""

    def __init__(self, n: int, apart: Sequence[tuple[set[int], set[int]]]) -> None:
        self.parent = list(range(n))
        self.rule: list[str | None] = [None] * n
        # tags of each root: (constraint, side) of every node of its group
        self.tags: list[set[tuple[int, int]]] = [set() for _ in range(n)]
        for k, (a, b) in enumerate(apart):
            for side, nodes in enumerate((a, b)):
                for i in nodes:
                    self.tags[i].add((k, side))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def can_join(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        return ri == rj or not any((k, 1 - s) in self.tags[rj] for k, s in self.tags[ri])

    def join(self, i: int, j: int, rule: str) -> bool:
        """Join the groups of ``i`` and ``j`` (unless kept apart); return True when they were two."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj or not self.can_join(i, j):
            return False
        self.parent[rj] = ri
        self.tags[ri] |= self.tags[rj]
        for k in (i, j):
            if self.rule[k] is None:
                self.rule[k] = rule
        return True

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out


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


#: Characters of text before a person's mention searched for a title ("Deputy Prime Minister Dana Korvel").
TITLE_LOOKBACK = 60
#: Columns of ``corpus.actor_titles``: the titles each article gives its persons.
TITLE_COLUMNS = ["actor_id", "title"]
_WORDS = re.compile(r"[A-Za-z][\w.'’-]*")


@cache
def role_titles() -> frozenset[str]:
    """The titles and roles of ``titles.txt`` (lower case, hyphens as spaces); courtesy forms such
    as "Mr." are not roles and are left out.

    Examples
    --------
    >>> "mayor" in role_titles(), "mr." in role_titles()
    (True, False)
    """
    return frozenset(_title_key(row[0]) for row in read_lexicon("titles.txt"))


def _title_key(words: str) -> str:
    return " ".join(words.replace("-", " ").lower().split())


def title_before(text: str, start: int) -> str | None:
    """Return the title written right before ``text[start:]`` (lower case), or None.

    Examples
    --------
    >>> title_before("On Monday Deputy Prime Minister Dana Korvel said", 32), title_before("Dana Korvel said", 0)
    ('deputy prime minister', None)
    """
    words = _WORDS.findall(text[max(0, start - TITLE_LOOKBACK) : start])
    roles = role_titles()
    for n in (4, 3, 2, 1):
        tail = _title_key(" ".join(words[-n:]))
        if len(words) >= n and tail in roles:
            return tail
    return None


def _title_of_form(form: str) -> str | None:
    """A mention that is only a title ("the Harbour Master"), lower case."""
    key = _title_key(re.sub(r"^(?:the|The)\s+", "", form))
    return key if key in role_titles() else None


def person_titles(text: str, entities: pd.DataFrame) -> pd.DataFrame:
    """Return the titles an article gives each person: ``actor_id, title`` (distinct, lower case).

    A title counts when it is written right before a name (:func:`title_before`) or when a mention
    is a title alone (entities ``how == "title"``).  Run on the workers, where the text is, so the
    corpus linking (:func:`link_actors`) reads titles without reading the texts again.
    """
    rows: dict[tuple[str, str], None] = {}
    if len(entities) and "actor_type" in entities.columns:
        cols = ("actor_id", "actor_type", "start", "text", "how")
        for aid, atype, start, form, how in zip(*(entities[c].tolist() for c in cols)):
            if atype != "person" or how == "pronoun":
                continue
            title = _title_of_form(str(form)) if how == "title" else title_before(text, int(start))
            if title:
                rows[(str(aid), title)] = None
    return frame({"actor_id": [a for a, _ in rows], "title": [t for _, t in rows]})


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
def _person_key(name: str) -> tuple[tuple[str, ...], str]:
    """A person name's given names and family key (the slug of its family name's last word)."""
    parsed = parse_person(name)
    return parsed.given, slug(parsed.key) if parsed.key else ""


@cache
def _slug(name: str) -> str:
    return slug(name)


def nodes_from(actors: pd.DataFrame, titles: pd.DataFrame | None = None) -> list[Node]:
    """Return one :class:`Node` per row of a corpus ``actors`` table (``article_id`` first), with the
    titles of ``titles`` (``article_id, actor_id, title``: :func:`person_titles` of each article)."""
    given_titles: dict[tuple[str, str], set[str]] = {}
    if titles is not None and len(titles):
        for a, i, t in zip(titles["article_id"], titles["actor_id"], titles["title"]):
            given_titles.setdefault((str(a), str(i)), set()).add(str(t))
    cols = ["article_id", "actor_id", "actor", "actor_type", "mentions"]
    forms = actors["names"] if "names" in actors.columns else actors.get("aliases")
    out = []
    rows = zip(*(actors[c].tolist() for c in cols), forms.tolist() if forms is not None else [()] * len(actors))
    for i, (aid, actor_id, actor, atype, mentions, names) in enumerate(rows):
        names = tuple(str(f) for f in (names if names is not None else ()) if isinstance(f, str) and f.strip())
        node = Node(i, str(aid), str(actor_id), str(actor), str(atype or "other"), int(mentions or 0), names)
        if node.person:
            node.given, node.family = _person_key(node.actor)
            own = {_title_of_form(f) for f in names} | given_titles.get((node.article_id, node.actor_id), set())
            node.titles = frozenset(t for t in own if t)
        out.append(node)
    return out


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


#: The link rules, in the order :func:`link_actors` applies them.  Each example is two invented
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


# -- the engine -------------------------------------------------------------------------------
def _matching(nodes: list[Node], which: Pair) -> set[int]:
    """Nodes an override names: an actor id (article or corpus slug) in any article, or
    ``(article_id, actor_id)`` for one article's actor."""
    if isinstance(which, tuple | list) and len(which) == 2:
        art, actor = (str(x) for x in which)
        return {n.index for n in nodes if n.article_id == art and n.actor_id == actor}
    return {n.index for n in nodes if n.actor_id == str(which)}


def _overrides(nodes: list[Node], pairs: Iterable[tuple[Pair, Pair]], what: str) -> list[tuple[set[int], set[int]]]:
    out = []
    for pair in pairs or ():
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise ValueError(f"{what}: expected pairs (a, b) of actor ids, got {pair!r}")
        a, b = _matching(nodes, pair[0]), _matching(nodes, pair[1])
        if not a or not b:
            missing = pair[0] if not a else pair[1]
            raise ValueError(f"{what}: no actor {missing!r} in the corpus (give an actor_id of corpus.actors)")
        out.append((a, b))
    return out


def link_actors(
    actors: pd.DataFrame,
    titles: pd.DataFrame | None = None,
    *,
    same_actor: Iterable[tuple[Pair, Pair]] = (),
    different_actor: Iterable[tuple[Pair, Pair]] = (),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Join the actors of several articles into corpus actors.

    Parameters
    ----------
    actors : DataFrame
        The corpus ``actors`` table: ``article_id, actor_id, actor, actor_type, mentions`` and
        ``names`` (the forms that name the actor; ``aliases`` when absent), ``quotes`` optional.
    titles : DataFrame, optional
        ``article_id, actor_id, title``: the titles each article gives its persons (the corpus
        ``actor_titles`` table, :func:`person_titles` per article).
    same_actor, different_actor : iterable of (a, b)
        Overrides: each of ``a``, ``b`` is an actor id (every article's actor with that id) or
        ``(article_id, actor_id)`` (one article's).  ``same_actor`` joins them first;
        ``different_actor`` keeps their groups apart whatever the rules find.

    Returns
    -------
    (identities, links) : (DataFrame, DataFrame)
        ``identities``: one row per corpus actor (:data:`IDENTITY_COLUMNS`), most mentioned first;
        ``links``: one row per article actor (:data:`LINK_COLUMNS`), in the order of ``actors``.

    Raises
    ------
    ValueError
        When an override names no actor of the corpus, or joins what another keeps apart.
    """
    nodes = nodes_from(actors, titles)
    apart = _overrides(nodes, different_actor, "different_actor")
    links = Links(len(nodes), apart)
    for a, b in _overrides(nodes, same_actor, "same_actor"):
        for i in a | b:
            if not links.can_join(min(a), i):
                raise ValueError(f"same_actor and different_actor disagree on {nodes[i].actor_id!r}")
            links.join(min(a), i, SAME_ACTOR)
    for rule in LINK_RULES:
        if rule.func is not None:
            rule.func(nodes, links)
    quotes = actors["quotes"].tolist() if "quotes" in actors.columns else [0] * len(nodes)
    return _tables(nodes, links, quotes)


def _display(members: list[Node]) -> str:
    """The fullest form any article uses (longest; then most mentioned; then alphabetical)."""
    best = max(members, key=lambda n: (len(n.actor), n.mentions, [-ord(c) for c in n.actor]))
    return best.actor


def _group_type(members: list[Node]) -> str:
    weight: Counter = Counter()
    for n in members:
        weight[n.actor_type] += n.mentions + 1
    return min(weight.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _tables(nodes: list[Node], links: Links, quotes: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    groups = sorted(
        links.groups().values(), key=lambda g: (-sum(nodes[i].mentions for i in g), min(g))
    )
    used: set[str] = set()
    ids: dict[int, str] = {}
    rows = []
    for g in groups:
        members = [nodes[i] for i in g]
        name = _display(members)
        cid, k = slug(name), 1
        while cid in used:  # two corpus actors of one name (two people of one family name...)
            k += 1
            cid = f"{slug(name)}-{k}"
        used.add(cid)
        for i in g:
            ids[i] = cid
        rules = [links.rule[i] for i in g if links.rule[i]]
        forms = Counter()
        for n in members:
            forms.update(dict.fromkeys((n.actor, *n.forms), n.mentions or 1))
        rows.append((
            cid, name, _group_type(members), sum(n.mentions for n in members),
            sum(int(quotes[i] or 0) for i in g), len({n.article_id for n in members}),
            list(dict.fromkeys(n.article_id for n in members)), list(dict.fromkeys(n.actor_id for n in members)),
            [f for f, _ in forms.most_common()], "; ".join(dict.fromkeys(rules)) or ALONE,
        ))  # fmt: skip
    identities = frame(
        {c: [r[k] for r in rows] for k, c in enumerate(IDENTITY_COLUMNS)},
        {"mentions": "int64", "quotes": "int64", "articles": "int64"},
    )
    links_table = frame(
        {
            "article_id": [n.article_id for n in nodes],
            "article_actor_id": [n.actor_id for n in nodes],
            "actor_id": [ids[n.index] for n in nodes],
            "rule": [links.rule[n.index] or ALONE for n in nodes],
        }
    )
    return identities, links_table


# -- rewriting the corpus tables ----------------------------------------------------------------
@dataclass(frozen=True)
class IdentityMap:
    """What :func:`apply_links` needs: article actor -> corpus id, corpus id -> display name, and
    (article, article display name) -> corpus display name."""

    ids: dict[tuple[str, str], str]
    names: dict[str, str]
    by_name: dict[tuple[str, str], str]

    @classmethod
    def build(cls, links: pd.DataFrame, identities: pd.DataFrame, actors: pd.DataFrame) -> IdentityMap:
        """Build the maps from ``corpus.actor_links``, ``corpus.identities`` and the article-level actors."""
        ids = dict(zip(zip(links["article_id"], links["article_actor_id"]), links["actor_id"]))
        names = dict(zip(identities["actor_id"], identities["actor"]))
        by_name = {
            (a, name): names[ids[(a, aid)]]
            for a, aid, name in zip(actors["article_id"], actors["actor_id"], actors["actor"])
            if (a, aid) in ids
        }
        return cls(ids, names, by_name)

    def actor_id(self, article_id: str, actor_id: str) -> str:
        return self.ids.get((article_id, actor_id), actor_id)

    def name(self, article_id: str, name: str) -> str:
        return self.by_name.get((article_id, name), name)


def _id_list(m: IdentityMap, article_id: str, values) -> np.ndarray:
    if values is None or (not isinstance(values, list | tuple | np.ndarray) and pd.isna(values)):
        return values
    return np.array(list(dict.fromkeys(m.actor_id(article_id, str(v)) for v in values)), dtype=object)


def _joined_names(m: IdentityMap, article_id: str, value) -> str | None:
    if not isinstance(value, str) or not value:
        return value
    return "; ".join(dict.fromkeys(m.name(article_id, part.strip()) for part in value.split(";") if part.strip()))


def apply_links(name: str, df: pd.DataFrame, m: IdentityMap) -> pd.DataFrame:
    """Return corpus table ``name`` with corpus actor ids and display names.

    ``actor_id`` becomes the corpus id and the article's id moves to ``article_actor_id`` (next to
    it); ``actor`` becomes the corpus display name (``actors`` keeps the article's as
    ``article_actor``); ``speaker_ids``/``actor_ids`` lists and ``speaker``/``actors``/``actor_a``/
    ``actor_b`` names follow.  Tables without actors come back unchanged.
    """
    if name not in ACTOR_TABLES or not len(df) or "article_id" not in df.columns:
        return df
    arts = df["article_id"].astype(str).tolist()
    out = df.copy()
    if "actor_id" in df.columns:
        old = df["actor_id"].astype(str).tolist()
        new = [m.actor_id(a, i) for a, i in zip(arts, old)]
        at = out.columns.get_loc("actor_id")
        out["actor_id"] = pd.array(new, dtype="str")
        out.insert(at + 1, "article_actor_id", pd.array(old, dtype="str"))
        if "actor" in df.columns:
            if name == "actors":
                out.insert(out.columns.get_loc("actor") + 1, "article_actor", df["actor"])
            out["actor"] = [m.names.get(i, n) for i, n in zip(new, df["actor"].tolist())]
    for col in ("speaker_ids", "actor_ids"):
        if col in df.columns:
            out[col] = [_id_list(m, a, v) for a, v in zip(arts, df[col].tolist())]
    for col in ("speaker", "actors", "actor_a", "actor_b"):
        if col in df.columns:
            out[col] = [_joined_names(m, a, v) for a, v in zip(arts, df[col].tolist())]
    return out
