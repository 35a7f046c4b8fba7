"""Turn a match of a duration, recurrence, clock-time or vague rule into a TIMEX3 type and value.

Durations ("three years", "for months", "the past year") become ``P3Y``-style values, unless the
words around show an age ("52 years old"), a fraction ("three-quarters of"), or an ordinal ("a
second group"); recurrences ("weekly", "every other week", "$5 a day") become SET values; clock
times ("10 p.m.", "14:30 GMT", "noon") are TIME values on the publication date; vague references
("now", "recently", "in the future") become PRESENT_REF, PAST_REF or FUTURE_REF, and the many
vague words that are rarely temporal ("then", "once", "later") are matched only to be dropped.
Each normaliser reads its match (and the text right beside it) and the
:class:`~.normalise.Context`.
"""

from __future__ import annotations

import re

from analysis.extract.timex.normalise import NEAR_CHARS, SHARE_OF, Context, Result, groups, unresolved
from analysis.extract.timex.values import NO_ANCHOR, PUBLICATION, SEASON, TIME_OF_DAY, duration_value, number_of

#: Characters after a duration read for what makes it an age or a fraction ("years old", "of its imports").
_AFTER_CHARS = 24
_AGE_AFTER = re.compile(r"\s+old\b", re.I)
_ORDINAL_NOUN = re.compile(
    r"\s+(?!(?:of|or|and|to|in|for|later|earlier|ago|before|after|longer|more|each|per|at|on|the)\b)[A-Za-z]"
)


def norm_past_future_unit(m: re.Match, ctx: Context) -> Result | None:
    """"the past year": a duration of one unit."""
    return "DURATION", duration_value("1", m.group("unit").lower()), NO_ANCHOR


def norm_duration(m: re.Match, ctx: Context) -> Result | None:
    """"three years", "a 10-day trip", "the past two weeks"; not an age, a fraction or an ordinal."""
    g, text = groups(m), m.group(0).lower()
    n = number_of(g["n"])
    if n is None:
        n = "X"
    unit = g["unit"].lower()
    after = m.string[m.end() : m.end() + _AFTER_CHARS]
    if (g.get("adj") or "").lower() == "-old" or _AGE_AFTER.match(after):
        return None  # an age ("a 6-year-old boy", "52 years old"), not a period of time
    fraction = (unit == "quarter" and n == "1") or "-quarters" in text
    if fraction and SHARE_OF.match(after):
        return None  # "three-quarters of its imports": a fraction
    if unit == "second" and n == "1" and not g.get("rel") and _ORDINAL_NOUN.match(after):
        return None  # "a second group": the ordinal
    if unit.startswith("centur"):
        unit = "century"
    if n not in ("1", "X") and not unit.endswith("s") and not g.get("adj") and "-" not in text and not re.search(r"\d", g["n"]):
        return None  # "two year" without plural or hyphen: probably not a duration
    return "DURATION", duration_value(n, unit), NO_ANCHOR


def norm_duration_plural(m: re.Match, ctx: Context) -> Result | None:
    """"for years", "over the past months": a duration of unknown length."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    if rel in ("within", "the first") and unit in ("minutes", "hours", "days"):
        return None
    if rel in ("in", "the"):
        return None
    unit = "century" if unit.startswith("centur") else unit
    return "DURATION", duration_value("X", unit), NO_ANCHOR


# -- vague references ----------------------------------------------------------------------------------

# "vague" words that are TIMEX3 only in certain contexts: these are too often not temporal.
_VAGUE_VALUE = {
    "right now": "PRESENT_REF",
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "recent": "PAST_REF",
    "at this time": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "for now": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "in the past": "PAST_REF",
    "the past": "PAST_REF",
    "in the future": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "in the near future": "FUTURE_REF",
    "in the coming future": "FUTURE_REF",
    "in the distant future": "FUTURE_REF",
    "a while ago": "PAST_REF",
    "long ago": "PAST_REF",
    "moments ago": "PAST_REF",
    "moment ago": "PAST_REF",
    "years ago": "PAST_REF",
    "months ago": "PAST_REF",
    "weeks ago": "PAST_REF",
    "days ago": "PAST_REF",
}
# Words of the vague rule that are kept: the rest ("once", "then", ...) are matched only so that
# they are not mistaken for parts of other expressions, and dropped.
_VAGUE_DROP = {
    "so far",
    "once",
    "earlier",
    "later",
    "then",
    "until now",
    "since then",
    "to date",
    "the time being",
    "eventually",
    "ultimately",
    "all the time",
    "meanwhile",
    "shortly",
    # "previously announced", "formerly known as": rarely annotated as temporal expressions
    "previously",
    "formerly",
}
_NOUN_USE = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?:was|is|were|are|of|and|that|which|in|from|to)\b", re.I)
_PERFECT_OR_OPENING = re.compile(r"(?:^|[.;:!?]\s+|\b(?:had|has|have)\s+)$", re.I)


def norm_vague(m: re.Match, ctx: Context) -> Result | None:
    """"now", "recently", "in the future": PRESENT_REF / PAST_REF / FUTURE_REF, or dropped."""
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w == "current" and _NOUN_USE.match(m.string, m.end()):
        return None  # "swept away by the current", "the current of the river": the noun
    if w == "previously" and _PERFECT_OR_OPENING.search(m.string[: m.start()]):
        return "DATE", "PAST_REF", NO_ANCHOR  # "Previously, ...", "has previously served": an earlier time
    if w in _VAGUE_DROP:
        return None
    if w == "future":
        return None  # the adjective ("future losses") is rarely a temporal expression; "the future" is
    if w == "soon" and (
        m.string[max(0, m.start() - 3) : m.start()].lower() == "as "
        and not m.string[m.end() : m.end() + 12].lower().startswith(" as possible")
        or re.match(r"\s+(?:after|afterwards?|before|thereafter)\b", m.string[m.end() :], re.I)
    ):
        return None  # "as soon as he arrives", "soon after the vote": a conjunction, not a time
    if w.startswith(("in recent", "recent")):
        return "DATE", "PAST_REF", NO_ANCHOR
    return "DATE", _VAGUE_VALUE.get(w, "PRESENT_REF"), NO_ANCHOR


# -- recurrences ---------------------------------------------------------------------------------------

#: Adverbs of recurrence and their period.
_SET_ADVERB = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "semiannually": "P6M",
}
#: Nouns after which "quarterly" describes the noun ("its quarterly dividend"), not a recurrence.
_QUARTERLY_NOUN = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:dividend|results?|loss|profit|earnings|report|payment|rate|cash)\b", re.I
)
#: Words after which "a week", "a year" is a length of time, not a rate ("within a week").
_DURATION_BEFORE = re.compile(
    r"\b(?:within|for|over|in|than|barely|about|nearly|almost|just|only|after|take|takes|took|last|lasted|"
    r"least|him|her|them|us|me|you)\s+$",
    re.I,
)


def _set_value(w: str) -> Result:
    """The SET value of "every other week", "daily", "each morning", "twice a year" (``w`` lower-cased)."""
    w = re.sub(r"\s+", " ", w)
    key = w.split()[-1]
    if key in _SET_ADVERB:
        return "SET", _SET_ADVERB[key], NO_ANCHOR
    if key in ("morning", "evening"):
        return "SET", f"XXXX-XX-XXT{TIME_OF_DAY[key]}", NO_ANCHOR
    if key in SEASON:
        return "SET", f"XXXX-{SEASON[key]}", NO_ANCHOR
    return "SET", duration_value("2" if " other " in f" {w} " else "1", key), NO_ANCHOR


def norm_set(m: re.Match, ctx: Context) -> Result | None:
    """"weekly", "every other month", "twice a year"; not "its quarterly dividend"."""
    w = m.group("w").lower()
    if w == "quarterly" and _QUARTERLY_NOUN.match(m.string, m.end()):
        return None  # "its quarterly dividend": a property of the noun, not a recurrence
    return _set_value(w)


def norm_set_rate(m: re.Match, ctx: Context) -> Result | None:
    """"$5 a day" is a rate; "within a week" a length of time."""
    w = m.group("w")
    if _DURATION_BEFORE.search(m.string[max(0, m.start() - NEAR_CHARS) : m.start()]):
        return "DURATION", duration_value("1", w.split()[-1]), NO_ANCHOR
    return _set_value(w.lower())


# -- clock times ---------------------------------------------------------------------------------------

#: Clock values of named times of day.
_NAMED_TIME = {
    "noon": "12:00",
    "midday": "12:00",
    "midnight": "24:00",
    "midmorning": "MO",
    "midafternoon": "AF",
    "dawn": "MO",
    "dusk": "EV",
}


def _clock(g: dict[str, str]) -> str | None:
    """``HH:MM`` of a clock time match (its alternatives number their groups 1-5), or None if not a time."""
    h = int(g.get("h") or g.get("h2") or g.get("h3") or g.get("h4") or g.get("h5"))
    mi = int(g.get("mi") or g.get("mi2") or g.get("mi3") or g.get("mi5") or 0)
    ap = (g.get("ap") or "").lower().replace(".", "")
    if g.get("tod5") in ("afternoon", "evening", "night") and h < 12:
        ap = "pm"  # "3:15 this afternoon"
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 24 or (not ap and not g.get("tz") and not g.get("h4") and h == 0 and mi == 0):
        return None
    return f"{h:02d}:{mi:02d}"


def norm_time(m: re.Match, ctx: Context) -> Result | None:
    """"10 p.m.", "at 14:30", "noon": a clock time on the publication date."""
    g = groups(m)
    t = _NAMED_TIME[g["w"].lower().replace("-", "")] if g.get("w") else _clock(g)
    if t is None:
        return None
    if ctx.dct is None:
        return unresolved(ctx, f"XXXX-XX-XXT{t}", "TIME")
    return "TIME", f"{ctx.dct.isoformat()}T{t}", PUBLICATION
