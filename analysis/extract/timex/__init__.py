"""Recognise temporal expressions and normalise them to TIMEX3 values.

A rule-based recogniser in the spirit of HeidelTime: each rule is one entry of :data:`RULES`
(name, TIMEX3 type, regular expression over one sentence, normaliser, trigger words), in order of
precedence.  Its normaliser turns the match into a TIMEX3 ``type`` and ``value``, resolved against
the document creation time (the publication date) or against the last date the text mentioned
(for anaphoric expressions such as "a year earlier").  Overlapping candidates are resolved longest
first.  Partial dates ("in December", "on Friday") take the year or week that the clause's tense
points to: past tense the latest one not after the publication date, future tense the next one,
otherwise the nearest.  Without a publication date such values stay unresolved (``XXXX-12``)
rather than guessed.

The package has one module per concern: :mod:`.values` (TIMEX3 value arithmetic and the lexicons),
:mod:`.patterns` (regular-expression pieces, trigger words, gates), :mod:`.normalise` (the
context and the calendar-date normalisers), :mod:`.relative` (dates counted from an anchor),
:mod:`.durations` (durations, recurrences, clock times, vague references), :mod:`.rules` (the
rule table) and :mod:`.engine` (walking the table over a sentence).  The tense of a clause comes
from :mod:`analysis.nlp.tense`.

Examples
--------
>>> [(t.text, t.type, t.value) for t in find_timexes("It opened on Jan. 31 and closed two years ago.", dct="2023-02-01")]
[('Jan. 31', 'DATE', '2023-01-31'), ('two years ago', 'DATE', '2021')]
"""

from analysis.extract.timex.engine import Timex, find_timexes, may_hold_timex
from analysis.extract.timex.rules import RULES, Rule
from analysis.extract.timex.values import holidays, named_periods, number_words, parse_value

__all__ = [
    "RULES",
    "Rule",
    "Timex",
    "find_timexes",
    "holidays",
    "may_hold_timex",
    "named_periods",
    "number_words",
    "parse_value",
]
