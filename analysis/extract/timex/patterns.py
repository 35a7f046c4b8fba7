"""The pieces the rules' regular expressions are built from, and the cheap tests of when a rule is tried.

It decides what a month, a day number, a four-digit year, a weekday, a modifier ("early", "the end
of") or an approximation ("about", "nearly") looks like in a pattern, which words trigger each
family of rules, and the gates a sentence must pass before a rule's pattern is run on it.  It reads
the month table of :mod:`analysis.read.dates` and the lexicons of :mod:`.values` (number words,
named periods, holidays); it does not match anything itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from analysis.extract.timex.values import DECADE_NAMES, SEASON, WEEKDAYS, holidays, named_periods, number_words
from analysis.read.dates import MONTHS

# Month and weekday names stay here rather than coming from ``nlp.lexicons.months_days()``: that
# set is not a drop-in (no month numbers, no "Febr", an extra "Thur."), and using it would change
# what is recognised.
_MON_CAP = r"(?-i:" + "|".join(sorted({k.capitalize() for k in MONTHS}, key=len, reverse=True)) + r")"
#: A capitalised month name or abbreviation, with its period before a space or comma.
MON_ANY = _MON_CAP + r"(?:\.(?=\s|,))?"
#: A day of the month, with an optional ordinal ending.
DAYN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#: A four-digit year from 1600 to 2099.
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
#: A capitalised weekday name or abbreviation.
WD = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thurs\.|Fri\.|Sat\.|Sun\.)"


def _after(*words: str) -> str:
    """Fixed-width look-behinds: the match must follow one of ``words`` and a space."""
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in words) + ")"


#: Words after which "May" is the month, not the modal.
MAY_PRE = _after(
    "in", "of", "since", "until", "till", "by", "from", "through", "last", "next", "this", "early", "late", "mid"
)
#: Words after which "14:30" is a clock time.
TIME_PRE = _after("at", "by", "around", "until", "till", "from", "before", "after", "about", "approximately")
#: A unit of time, singular or plural.
UNITS = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
#: A modifier before a date ("early", "the end of"): the ``mod`` group.
MOD_PRE = r"(?:(?P<mod>early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|end\s+of|start\s+of|as\s+early\s+as|no\s+later\s+than)[\s-]+)"
#: An approximation before a quantity of time ("about", "more than").
APPROX = r"(?:(?:about|around|approximately|roughly|some|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|just|only|barely|the\s+better\s+part\s+of)\s+)"
#: An ordinal of a quarter or a half.
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_TZ_NAME = r"(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|JST|local\s+time)"
#: A time zone after a clock time, bare or in brackets.
TZ = rf"(?:\s+(?:{_TZ_NAME}|\({_TZ_NAME}\)))"
#: "a.m." or "pm" in its written forms.
AMPM = r"(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)"
#: A year named relative to another ("last year", "the following year").
YEARREL = r"(?:this|last|next|that|the\s+same|the\s+previous|the\s+following)\s+year"
#: "in the", "for the" before "past"/"future": left out of the extent (TimeML); empty otherwise.
IN_THE = re.compile(r"(?:in|into|for)\s+(?=the\s)|", re.I)


def number_pattern() -> str:
    """A number in digits or words ("3", "2.5", "twenty-one", "several")."""
    words = sorted(number_words(), key=len, reverse=True)
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    return (
        r"(?:\d+(?:\.\d+)?|(?:"
        + tens
        + r")[-\s](?:one|two|three|four|five|six|seven|eight|nine)|"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        + r")"
    )


def period_pattern() -> str:
    """Any named period of ``periods.tsv`` ("the Great Depression"), longest first."""
    return "(?-i:" + "|".join(re.escape(p) for p in sorted(named_periods(), key=len, reverse=True)) + r")(?!\w)"


def holiday_pattern() -> str:
    """Any holiday of ``holidays.tsv``, after an optional "last", "next" or "this"."""
    hols = "|".join(re.escape(h) for h in sorted(holidays(), key=len, reverse=True))
    return rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{hols})(?!\w)"


# -- trigger words: a sentence must hold one of a rule's for the rule to be tried ---------------------

MONTH_WORDS = frozenset(MONTHS)
WEEKDAY_WORDS = frozenset([*WEEKDAYS, "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"])
UNIT_WORDS = frozenset(
    w + p
    for w in ("second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "quarter", "year", "decade")
    for p in ("", "s")
) | {"century", "centuries"}
TOD_WORDS = frozenset(["morning", "afternoon", "evening", "night", "noon", "midnight"])
SEASON_WORDS = frozenset(SEASON)
DECADE_WORDS = frozenset(DECADE_NAMES)
#: Stands for "any digit" among trigger words (digits are one-character words of a sentence).
DIGIT = "<digit>"

# -- gates: a further cheap test of the sentence that every match of the rule passes -------------------

#: A gate: (sentence, lower-cased sentence, its words) -> whether the rule can match there at all.
Gate = Callable[[str, str, set[str]], bool]

_MON3 = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DIGIT_SEP = re.compile(r"\d[-/]\d|\d\.\d\d?\.\d")
_MON_NUM = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)
_YEAR_GATE = re.compile(r"(?:1[6-9]|20)\d\d")
_TIME_WORDS = frozenset(["am", "pm", "m", "clock", "noon", "midnight", "midday", "midmorning", "midafternoon", "mid"])
_TIME_WORDS |= {"dawn", "dusk", "utc", "gmt"}


@functools.cache
def _name_gates() -> tuple[re.Pattern, re.Pattern]:
    """Patterns finding a named period or a holiday name (without its "the") in a sentence."""
    strip = re.compile(r"^the\s+", re.I)
    periods = {strip.sub("", p) for p in named_periods()}
    hols = {strip.sub("", h).lower() for h in holidays()}
    return re.compile("|".join(re.escape(p) for p in periods)), re.compile("|".join(re.escape(h) for h in hols))


def absolute_gate(s: str, low: str, w: set[str]) -> bool:
    """Digits joined by - or /, d.m.y digits, or a month name next to a number."""
    return bool(_DIGIT_SEP.search(s) or (any(p in low for p in _MON3) and _MON_NUM.search(s)))


def time_gate(s: str, low: str, w: set[str]) -> bool:
    """A colon, or a word of clock times ("p.m.", "noon", "GMT")."""
    return ":" in s or not w.isdisjoint(_TIME_WORDS)


def period_gate(s: str, low: str, w: set[str]) -> bool:
    """The name of a named period ("the Great Depression")."""
    return _name_gates()[0].search(s) is not None


def holiday_gate(s: str, low: str, w: set[str]) -> bool:
    """The name of a holiday."""
    return _name_gates()[1].search(low) is not None


def decade_gate(s: str, low: str, w: set[str]) -> bool:
    """"0s", "0's" or a decade word ("the eighties")."""
    return "0s" in low or "0's" in low or not w.isdisjoint(DECADE_WORDS)


def year_gate(s: str, low: str, w: set[str]) -> bool:
    """Four digits that could be a year."""
    return _YEAR_GATE.search(s) is not None
