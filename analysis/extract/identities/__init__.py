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

It reads the actors tables only (names, types, forms); it never re-reads the texts.  The modules:
:mod:`.titles` (the titles an article gives its persons, found on the workers where the text is),
:mod:`.nodes` (the article actors as the rules read them, and the union-find of their groups),
:mod:`.rules` (the link rules and :data:`LINK_RULES`), :mod:`.engine` (:func:`link_actors`: the
overrides, the rules in order, the identities and links tables) and :mod:`.rewrite`
(:func:`apply_links`: the corpus tables with the corpus actors).
"""

from analysis.extract.identities.engine import IDENTITY_COLUMNS, LINK_COLUMNS, Pair, link_actors
from analysis.extract.identities.nodes import Links, Node, nodes_from
from analysis.extract.identities.rewrite import ACTOR_TABLES, IdentityMap, apply_links
from analysis.extract.identities.rules import (
    ACRONYM,
    ALONE,
    FAMILY_NAME,
    GAZETTEER,
    GIVEN_NAME,
    LINK_RULES,
    SAME_ACTOR,
    SAME_NAME,
    TITLE,
    LinkRule,
    gazetteer_names,
)
from analysis.extract.identities.titles import (
    TITLE_COLUMNS,
    TITLE_LOOKBACK,
    person_titles,
    role_titles,
    title_before,
    title_of_form,
)

__all__ = [
    "ACRONYM",
    "ACTOR_TABLES",
    "ALONE",
    "FAMILY_NAME",
    "GAZETTEER",
    "GIVEN_NAME",
    "IDENTITY_COLUMNS",
    "LINK_COLUMNS",
    "LINK_RULES",
    "SAME_ACTOR",
    "SAME_NAME",
    "TITLE",
    "TITLE_COLUMNS",
    "TITLE_LOOKBACK",
    "IdentityMap",
    "LinkRule",
    "Links",
    "Node",
    "Pair",
    "apply_links",
    "gazetteer_names",
    "link_actors",
    "nodes_from",
    "person_titles",
    "role_titles",
    "title_before",
    "title_of_form",
]
