"""The engine: corpus actors from the article actors, by the overrides and then the link rules in order.

It decides which groups the user's ``same_actor`` / ``different_actor`` overrides join or keep
apart, walks :data:`~analysis.extract.identities.rules.LINK_RULES`, and writes the result: each
corpus actor's display name (the fullest form any article uses), type, ``actor_id`` (the slug of
that name, made unique) and the rules that joined it.  It reads the corpus ``actors`` table and the
persons' titles; never the texts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from analysis.extract.identities.nodes import Links, Node, nodes_from
from analysis.extract.identities.rules import ALONE, LINK_RULES, SAME_ACTOR
from analysis.frames import frame
from analysis.nlp.identity import slug

#: Columns of ``corpus.identities``: one row per corpus actor.
IDENTITY_COLUMNS = [
    "actor_id", "actor", "actor_type", "mentions", "quotes", "articles", "article_ids",
    "article_actor_ids", "forms", "rule",
]  # fmt: skip
#: Columns of ``corpus.actor_links``: one row per (article, article actor).
LINK_COLUMNS = ["article_id", "article_actor_id", "actor_id", "rule"]

#: One side of an override: an actor id (every article's actor with it) or ``(article_id, actor_id)``.
Pair = tuple[str, str] | str


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
        ``actor_titles`` table, :func:`~analysis.extract.identities.titles.person_titles` per article).
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
