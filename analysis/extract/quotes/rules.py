"""Every value of the quotes table's ``rule``, ``speaker_rule`` and ``mark_rule`` columns, in order.

Reads the rules each module declares beside the function that decides them (a
:class:`~analysis.extract.quotes.kinds.QuoteRule`, :class:`~analysis.extract.quotes.kinds.SpeakerRule`
or :class:`~analysis.extract.quotes.kinds.MarkRule`: name, what it decides, an invented example, the
function, the per-rule special cases as fields) and lists them as the three tables in the order the
extractor tries them; decides nothing itself but how a composed value ("inside participle cue then
clause", "entity (surname) (no actor)") maps back to its rule.  A new rule is one declaration in its
module and one entry here; the table-driven tests run its example.
"""

from __future__ import annotations

from analysis.extract.quotes import content, cues, rows, speakers, table, unmarked
from analysis.extract.quotes.kinds import RULE_PREFIXES, MarkRule, QuoteRule, SpeakerRule
from analysis.extract.quotes.marks import MARK_RULES as _MARKS
from analysis.nlp.identity import NO_ACTOR
from analysis.rules import RuleTable

#: Every value of the ``rule`` column, in the order the extractor tries them: per paragraph (a
#: transcript turn), per cue of a sentence once the ``NOT_SPEECH`` checks pass, per quote no cue took,
#: then the unmarked speech after the quote-mark pass.  A quote inside a cue's clause is
#: ``"inside " + rule``; an -ing cue ("…, saying") prefixes ``"participle "`` to its content rule.
QUOTE_RULES: RuleTable[QuoteRule] = RuleTable(
    "quotes.rule",
    [
        *rows.PARAGRAPH_RULES,
        cues.ACCORDING_TO,
        cues.COORDINATED,
        cues.INVERTED,
        content.QUOTE_THEN_CUE,
        content.CLAUSE_THEN_CUE,
        content.CLAUSE_AROUND_CUE,
        content.CUE_THEN_QUOTE,
        content.CUE_THEN_CLAUSE,
        content.CUE_THEN_OBJECT,
        content.COORDINATED_CLAUSE,
        content.COLON_LEAD_IN,
        cues.COLON_LEAD_IN_SUBJECT,
        *rows.UNCUED_RULES,
        rows.NO_CUE,
        *unmarked.UNMARKED_RULES,
        unmarked.DELIVERED_SPEECH,
    ],
)

#: Every value of the ``speaker_rule`` column: how the speaker was resolved, in the order tried (the
#: resolver's rules on a speaker mention, then an uncued quote's carry-over and fallbacks, then the
#: unmarked speech).  The speaker of a relative pronoun is ``"relative → " + rule`` of its
#: antecedent; a speaker that names no actor gets ``" (no actor)"`` appended
#: (:func:`analysis.nlp.identity.link_speakers`).
SPEAKER_RULES: RuleTable[SpeakerRule] = RuleTable(
    "quotes.speaker_rule",
    [
        *speakers.MENTION_RULES[:9],
        speakers.GROUP_MEMBERS,
        *speakers.MENTION_RULES[9:],
        table.CARRIED_OVER_SAME,
        table.CARRIED_OVER,
        speakers.PERSON_OF_SENTENCE,
        unmarked.PARAGRAPH_LABEL,
        unmarked.INTRODUCER,
    ],
)

#: Every value of the ``mark_rule`` column.
MARK_RULES: RuleTable[MarkRule] = RuleTable("quotes.mark_rule", _MARKS)


def base_rule(rule: str) -> str:
    """The :data:`QUOTE_RULES` entry a ``rule`` value comes from.

    >>> base_rule("inside participle cue then clause")
    'cue then clause'
    """
    for prefix in RULE_PREFIXES:
        rule = rule.removeprefix(prefix)
    return rule


def base_speaker_rule(rule: str) -> str:
    """The :data:`SPEAKER_RULES` entry a ``speaker_rule`` value comes from.

    >>> base_speaker_rule("entity (surname) (no actor)"), base_speaker_rule("relative → noun phrase")
    ('entity (…)', 'relative → …')
    """
    rule = rule.removesuffix(NO_ACTOR)
    return next((r.name for r in SPEAKER_RULES if r.composes(rule)), rule)
