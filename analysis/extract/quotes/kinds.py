"""The kinds every quote module shares: rule classes, speaker-mention kinds and sentence layouts.

Reads nothing and decides nothing: it declares the rule classes of the ``rule``, ``speaker_rule`` and
``mark_rule`` columns (each rule carries its name, what it decides, an invented example, the function
that decides it and, as fields, the special cases the engine would otherwise test by name), the way
composed values are built ("inside …", "participle …", "entity (…)", "relative → …", "… (no actor)")
and the kinds of speaker mention and sentence layout the phrase finders hand on.  The tables
themselves are assembled in :mod:`analysis.extract.quotes.rules`, from the rules each module declares.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from analysis.nlp.identity import AS_OTHER
from analysis.rules import Example


class MentionKind(StrEnum):
    """What a speaker mention is, as the phrase finders read it (decides how it is resolved)."""

    NAME = "name"
    PRONOUN = "pronoun"
    RELATIVE = "relative"
    NOUN_PHRASE = "noun phrase"
    GROUP = "group"
    LABEL = "label"  # a transcript's speaker label ("SMITH", "PRIME MINISTER LEE", "QUESTION")


class Layout(StrEnum):
    """Where a cue's speaker stands in its sentence (decides where its content is looked for)."""

    CLAUSE = "clause"  # the speaker opens the cue's clause: "X said A", "A, X said"
    INVERTED = "inverted"  # the speaker follows the verb: "A, said X"
    COORDINATED = "coordinated"  # the verb shares an earlier subject: "X arrived and said A"
    APPOSITION = "apposition"  # "X, a senior official, said"
    RELATIVE = "relative"  # "X, who said A"
    PARTICIPLE = "participle"  # "…, saying A"
    NONE = "none"  # no speaker before the cue


@dataclass(frozen=True)
class QuoteRule:
    """One value of ``quotes.rule``: how a row's cue and content were found.

    The fields after ``func`` are the per-rule special cases the engine reads.
    """

    name: str
    doc: str
    example: Example | None = None
    func: Callable[..., Any] | None = None
    #: The cue closes its sentence with a colon: the quote that follows is its content.
    lead_in: bool = False
    #: The cue follows its content ("…, X said."): a quote opening the next sentence goes on the report.
    closes_content: bool = False
    #: The cue is a label that may stand inside the paragraph's quote marks ("“SMITH: …”"): not quoted.
    label_in_quote: bool = False
    #: Consecutive rows of one cue are one quotation (the paragraphs of one introduced speech).
    one_quotation: bool = False
    #: The content is the verb's complement (it follows the verb): it must be a clause or speech
    #: (:func:`analysis.extract.quotes.objects.reports_speech`).
    complement: bool = False

    def value(self, *, participle: bool = False, inside: bool = False) -> str:
        """The ``rule`` value of a row: the name, composed with the cue's and the row's situation.

        >>> QuoteRule("cue then clause", "").value(participle=True, inside=True)
        'inside participle cue then clause'
        """
        return (INSIDE if inside else "") + (PARTICIPLE if participle else "") + self.name


#: A quote inside a cue's reported clause: ``"inside " + rule``.
INSIDE = "inside "
#: An -ing cue ("…, saying A"): ``"participle " + rule``.
PARTICIPLE = "participle "
#: Prefixes composed with a rule of ``QUOTE_RULES``, outermost first.
RULE_PREFIXES = (INSIDE, PARTICIPLE)


@dataclass(frozen=True)
class SpeakerRule:
    """One value of ``quotes.speaker_rule``: how a row's speaker was decided.

    ``stage`` says where it is decided: ``mention`` (the resolver walks these rules in order on a
    speaker mention), ``row`` (an uncued quote's speaker), ``speech`` (unmarked speech),
    ``identity`` (the actor link).  A composed rule (``"entity (…)"``) has a ``template`` whose
    ``{}`` takes the part that varies.
    """

    name: str
    doc: str
    example: Example | None = None
    func: Callable[..., Any] | None = None
    stage: str = "mention"
    template: str | None = None
    #: How the speaker string was found, for the actor it makes (:data:`analysis.nlp.identity.SPEAKS_AS`).
    speaks_as: str = AS_OTHER

    def value(self, part: str = "") -> str:
        """The ``speaker_rule`` value: the name, or the template filled with ``part``.

        >>> SpeakerRule("entity (…)", "", template="entity ({})").value("surname")
        'entity (surname)'
        """
        return self.template.format(part) if self.template else self.name

    def composes(self, value: str) -> bool:
        """True when ``value`` was built from this rule's template."""
        if not self.template:
            return False
        head, _, tail = self.template.partition("{}")
        return value.startswith(head) and value.endswith(tail) and len(value) > len(head) + len(tail)




@dataclass(frozen=True)
class MarkRule:
    """One value of ``quotes.mark_rule``: how a quotation's marks were paired."""

    name: str
    doc: str
    example: Example | None = None
    func: Callable[..., Any] | None = None


def clause_columns(
    kind: str, start: int, end: int, clause: tuple[int, int] | None = None, fragments: list | None = None
) -> dict:
    """``clause_start``, ``clause_end`` (the reported clause: a partial row's clause, an indirect row's
    own span, null for direct quotes) and ``fragments`` (the quoted stretches, ``[start, end]`` each)."""
    if clause is None and kind == "indirect":
        clause = (start, end)
    return {
        "clause_start": clause[0] if clause else None,
        "clause_end": clause[1] if clause else None,
        "fragments": [list(f) for f in fragments] if fragments else [[start, end]],
    }
