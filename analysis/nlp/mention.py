"""The mention: the unit the entities stage hands to the resolver, and the kinds of mention.

Decides nothing: it declares what a mention carries (:class:`Mention`: its span, words, actor and
type, which kind of mention it is, which rule found, typed or linked it, and the evidence the
resolver reads as typed fields, :class:`Evidence`), the values of ``entities.how``
(:class:`How`, documented with an example each in :data:`HOW_KINDS`), and how a finished
``entities`` table reads back as mentions (:func:`mentions_from_table`).  The resolver
(:mod:`analysis.nlp.coref`) reads these fields and never a rule's name.

Examples
--------
>>> m = Mention(0, 0, 2, 0, 11, ("Dana", "Korvel"), "Dana Korvel", "person", How.NAME, "first_name", True)
>>> m.named, m.evidence.family_first
(True, False)
>>> m.set_rule("surname_first", Evidence(family_first=True))
>>> m.rule, m.evidence.family_first
('surname_first', True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

import pandas as pd

from analysis.rules import Example, Rule, RuleTable


class How:
    """The values of ``entities.how``: what kind of mention a row is (see :data:`HOW_KINDS`)."""

    NAME: Final = "name"
    ALIAS: Final = "alias"
    DEMONYM: Final = "demonym"
    NOMINAL: Final = "nominal"
    TITLE: Final = "title"
    SURNAME: Final = "surname"
    GIVEN_NAME: Final = "given_name"
    ACRONYM: Final = "acronym"
    NESTED: Final = "nested"
    PRONOUN: Final = "pronoun"


#: The kinds of mention, in the order a reader meets them; each example's text holds the kind.
HOW_KINDS: RuleTable[Rule] = RuleTable(
    "entities.how",
    [
        Rule(How.NAME, "a name as written: a gazetteer name or a capitalised run",
             Example("Dana Korvel opened the bakery.", {"text": "Dana Korvel", "how": How.NAME})),
        Rule(How.ALIAS, "another name the gazetteer gives the actor (an acronym, a short form)",
             Example("Crews from Holland arrived on Monday.", {"text": "Holland", "how": How.ALIAS})),
        Rule(How.DEMONYM, "a people's or country's adjective standing for the country",
             Example("Peruvian growers sold more coffee.", {"text": "Peruvian", "how": How.DEMONYM})),
        Rule(How.NOMINAL, "a common noun or a name's last word for a body named before",
             Example("Staff of the Harbour Museum met. The Museum reopened.", {"text": "Museum", "how": How.NOMINAL})),
        Rule(How.TITLE, "a title standing for the person who holds it",
             Example("Chairman Olek Varn spoke. Later the Chairman left.", {"text": "Chairman", "how": How.TITLE})),
        Rule(How.SURNAME, "a family name alone for the full name the article gives",
             Example("Dana Korvel spoke. Korvel left early.", {"text": "Korvel", "how": How.SURNAME})),
        Rule(How.GIVEN_NAME, "a given name alone for the one person the article gives it to",
             Example("Dana Korvel spoke. Dana left early.", {"text": "Dana", "how": How.GIVEN_NAME})),
        Rule(How.ACRONYM, "an acronym of a name the article gives",
             Example("The Quarry Safety Board (QSB) met. The QSB agreed.", {"text": "QSB", "how": How.ACRONYM})),
        Rule(How.NESTED, "a country named inside a longer name",
             Example("The Bank of Peru raised rates.", {"text": "Peru", "how": How.NESTED})),
        Rule(How.PRONOUN, "he, him, his, she or her for the person in focus",
             Example("Dana Korvel spoke first. She thanked the crew.", {"text": "She", "how": How.PRONOUN})),
    ],
)  # fmt: skip


@dataclass(frozen=True)
class Evidence:
    """What the rule that found or typed a mention tells the resolver, as typed fields.

    A rule declares its evidence once (a field of the rule); :meth:`Mention.set_rule` copies it onto
    the mention and a later rule replaces it, so the resolver never compares rule names.
    """

    #: The actor is a gazetteer entry's (a country, place, organisation or event the lexicon knows).
    gazetteer: bool = False
    #: The place opening a dateline ("ALBANY, N.Y. –"): its actor is settled.
    dateline_place: bool = False
    #: A family name in capitals, then the given name ("KORVEL Dana").
    family_first: bool = False
    #: A side in a match: a place name with a score or "beat" beside it is the team named after it.
    team: bool = False
    #: No evidence typed the run: only the default rule applied.
    untyped: bool = False


#: The evidence of a rule that declares none.
NO_EVIDENCE = Evidence()


@dataclass(slots=True)
class Mention:
    """One mention: its span in the text and in its sentence's tokens, what it names, and why.

    ``how`` is a value of :class:`How`; ``rule`` the value written in ``entities.rule``;
    ``strong`` says a lexicon, cue or context typed it rather than a default; ``key`` is its surface
    text; ``title`` the title words before the name or in an apposition after it ("Chief Judge");
    ``quoted`` whether it stands inside quote marks; ``evidence`` what its rule tells the resolver.
    """

    sid: int
    i: int  # token index range [i, j) within the sentence
    j: int
    start: int
    end: int
    words: tuple[str, ...]
    actor: str = ""
    actor_type: str = "other"
    how: str = How.NAME
    rule: str = ""
    strong: bool = False
    key: str = ""
    title: str = ""
    quoted: bool = False
    evidence: Evidence = field(default=NO_EVIDENCE)

    def set_rule(self, rule: str, evidence: Evidence = NO_EVIDENCE) -> None:
        """Name the rule that now decides the mention, with that rule's evidence (none by default)."""
        self.rule = rule
        self.evidence = evidence

    @property
    def named(self) -> bool:
        """A name or an alias (not a demonym, nominal, title, pronoun or later reference)."""
        return self.how == How.NAME or self.how == How.ALIAS


@dataclass(frozen=True)
class MentionRule:
    """A rule that finds, types or links mentions: a value of ``entities.rule``.

    ``func`` is the function that applies it; ``evidence`` what it tells the resolver
    (:meth:`mark` puts both the name and the evidence on a mention).
    """

    name: str
    doc: str
    example: Example | None = None
    func: Callable[..., Any] | None = None
    evidence: Evidence = NO_EVIDENCE

    @property
    def column(self) -> str:
        """The value this rule writes in ``entities.rule``."""
        return self.name

    def mark(self, m: Mention) -> None:
        """Name this rule as the one deciding ``m``, with its evidence."""
        m.set_rule(self.column, self.evidence)


def mentions_from_table(entities: pd.DataFrame | None) -> list[Mention]:
    """Read a finished ``entities`` table back as mentions, in text order (rows without an actor skipped).

    Only what the table holds is filled in: span, surface text (``key``, and ``words`` split on
    spaces), ``sentence_id``, actor, type and ``how``, ``rule`` when present.
    """
    if entities is None or len(entities) == 0 or not {"start", "end", "actor"} <= set(entities.columns):
        return []
    n = len(entities)
    names = ("start", "end", "actor", "actor_type", "how", "text", "sentence_id", "rule")
    defaults = {"sentence_id": 0}
    cols = [entities[c].tolist() if c in entities.columns else [defaults.get(c, "")] * n for c in names]
    rows = []
    for a, b, actor, typ, how, surface, sid, rule in zip(*cols):
        if pd.isna(a) or pd.isna(b) or not isinstance(actor, str) or not actor:
            continue
        rows.append((int(a), int(b), actor, str(typ or ""), str(how or ""), str(surface or ""), int(sid), rule if isinstance(rule, str) else ""))
    rows.sort()
    return [
        Mention(sid, 0, 0, a, b, tuple(surface.split()), actor, typ, how, rule, key=surface)
        for a, b, actor, typ, how, surface, sid, rule in rows
    ]
