"""The article actors as the link rules read them, and the groups the rules join them into.

It decides what of an article's actor the rules see (a :class:`Node`: its names, type, mentions, a
person's given names, family key and titles) and how joined actors form groups (:class:`Links`: a
union-find that keeps the pairs a ``different_actor`` override holds apart, and remembers the rule
that first joined each actor).  It reads the corpus ``actors`` table and the titles of
:func:`~analysis.extract.identities.titles.person_titles`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from analysis.extract.identities.titles import title_of_form
from analysis.nlp.identity import slug
from analysis.nlp.names import parse_person


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


@cache
def _person_key(name: str) -> tuple[tuple[str, ...], str]:
    """A person name's given names and family key (the slug of its family name's last word)."""
    parsed = parse_person(name)
    return parsed.given, slug(parsed.key) if parsed.key else ""


def nodes_from(actors: pd.DataFrame, titles: pd.DataFrame | None = None) -> list[Node]:
    """Return one :class:`Node` per row of a corpus ``actors`` table (``article_id`` first), with the
    titles of ``titles`` (``article_id, actor_id, title``: :func:`~analysis.extract.identities.titles.person_titles` of each article)."""
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
            own = {title_of_form(f) for f in names} | given_titles.get((node.article_id, node.actor_id), set())
            node.titles = frozenset(t for t in own if t)
        out.append(node)
    return out
