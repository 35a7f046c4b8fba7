"""Recognise temporal expressions and normalise them to TIMEX3 values.

A rule-based recogniser in the spirit of HeidelTime: each rule is one entry of :data:`RULES`
(name, TIMEX3 type, regular expression over one sentence, normaliser, trigger words), in order of
precedence.  Its normaliser (a short ``_n_...`` function, shared by sibling rules) turns the match into a TIMEX3 ``type`` and ``value``,
resolved against the document creation time (the publication date) or against the last date the text
mentioned (for anaphoric expressions such as "a year earlier").  Overlapping candidates are
resolved longest first.  Partial dates ("in December", "on Friday") take the year or week that
the clause's tense points to: past tense the latest one not after the publication date, future
tense the next one, otherwise the nearest.  Without a publication date such values stay
unresolved (``XXXX-12``) rather than guessed.

Lexicons (number words, named periods, holidays) are data files in ``analysis/data``.

Examples
--------
>>> [(t.text, t.type, t.value) for t in find_timexes("It opened on Jan. 31 and closed two years ago.", dct="2023-02-01")]
[('Jan. 31', 'DATE', '2023-01-31'), ('two years ago', 'DATE', '2021')]
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from analysis.read.dates import DATE_RE, MONTHS, _to_iso
from analysis.resources import read_lexicon

# -- lexicons ---------------------------------------------------------------------------------


@functools.cache
def number_words() -> dict[str, str]:
    """Return number words (``"five"`` → ``"5"``, ``"several"`` → ``"X"``) from ``number_words.tsv``."""
    return {w.lower(): v for w, v in read_lexicon("number_words.tsv")}


@functools.cache
def named_periods() -> dict[str, tuple[str, str, str]]:
    """Return named periods: name → (start, end, value) from ``periods.tsv``."""
    return {name: (a, b, v) for name, a, b, v in read_lexicon("periods.tsv")}


@functools.cache
def holidays() -> dict[str, str]:
    """Return holiday name → rule (``MM-DD`` or ``N:WEEKDAY:MM``) from ``holidays.tsv``."""
    return {name.lower(): rule for name, rule in read_lexicon("holidays.tsv")}


# -- result ------------------------------------------------------------------------------------


@dataclass
class Timex:
    """One temporal expression: offsets into the searched string, TIMEX3 type/value, provenance."""

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str
    anchor: str = "none"
    resolved: bool = True
    date_start: str | None = None
    date_end: str | None = None
    mod: str | None = None


# -- calendar helpers ----------------------------------------------------------------------------

_UNIT = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "W2",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
}
_GRAN_OF_UNIT = {
    "day": "day",
    "night": "day",
    "week": "week",
    "weekend": "weekend",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "centurie": "century",
}
_DELTA = {
    "day": relativedelta(days=1),
    "night": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "weekend": relativedelta(weeks=1),
    "fortnight": relativedelta(weeks=2),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
    "centurie": relativedelta(years=100),
    "hour": relativedelta(hours=1),
    "minute": relativedelta(minutes=1),
    "second": relativedelta(seconds=1),
}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ORDINAL = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "last": 4,
    "final": 4,
}
_TIME_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


def _fmt(gran: str, d: _dt.date) -> str:
    """Format the calendar unit of granularity ``gran`` containing ``d`` as a TIMEX3 value."""
    if gran == "day":
        return d.isoformat()
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran in ("week", "weekend"):
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + ("-WE" if gran == "weekend" else "")
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    if gran == "season":
        y = d.year - 1 if d.month <= 2 else d.year
        key = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}.get(d.month, "WI")
        return f"{y:04d}-{key}"
    raise ValueError(gran)


_VALUE_FORMS = [
    ("day", re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")),
    ("month", re.compile(r"^(\d{4})-(\d\d)$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("half", re.compile(r"^(\d{4})-H([12])$")),
    ("weekend", re.compile(r"^(\d{4})-W(\d\d)-WE$")),
    ("week", re.compile(r"^(\d{4})-W(\d\d)$")),
    ("season", re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")),
    ("year", re.compile(r"^(\d{4})$")),
    ("decade", re.compile(r"^(\d{3})$")),
    ("century", re.compile(r"^(\d{2})$")),
    ("years", re.compile(r"^(\d{4})/(\d{4})$")),
]


def parse_value(value: str | None) -> tuple[str, _dt.date, _dt.date] | None:
    """Return ``(granularity, first_day, last_day)`` of a TIMEX3 date value, or None.

    Examples
    --------
    >>> parse_value("2022-12")
    ('month', datetime.date(2022, 12, 1), datetime.date(2022, 12, 31))
    >>> parse_value("199")[1:]
    (datetime.date(1990, 1, 1), datetime.date(1999, 12, 31))
    """
    if not value:
        return None
    for gran, rx in _VALUE_FORMS:
        m = rx.match(value)
        if not m:
            continue
        try:
            a = int(m.group(1))
            if gran == "day":
                d = _dt.date(a, int(m.group(2)), int(m.group(3)))
                return gran, d, d
            if gran == "month":
                d = _dt.date(a, int(m.group(2)), 1)
                return gran, d, d + relativedelta(months=1, days=-1)
            if gran == "quarter":
                d = _dt.date(a, 3 * int(m.group(2)) - 2, 1)
                return gran, d, d + relativedelta(months=3, days=-1)
            if gran == "half":
                d = _dt.date(a, 6 * int(m.group(2)) - 5, 1)
                return gran, d, d + relativedelta(months=6, days=-1)
            if gran in ("week", "weekend"):
                d = _dt.date.fromisocalendar(a, int(m.group(2)), 6 if gran == "weekend" else 1)
                return gran, d, d + _dt.timedelta(days=1 if gran == "weekend" else 6)
            if gran == "season":
                d = _dt.date(a, _SEASON_START[m.group(2)], 1)
                return gran, d, d + relativedelta(months=3, days=-1)
            if gran == "year":
                return gran, _dt.date(a, 1, 1), _dt.date(a, 12, 31)
            if gran == "decade":
                return gran, _dt.date(a * 10, 1, 1), _dt.date(a * 10 + 9, 12, 31)
            if gran == "century":
                return gran, _dt.date(max(a * 100, 1), 1, 1), _dt.date(a * 100 + 99, 12, 31)
            return gran, _dt.date(a, 1, 1), _dt.date(int(m.group(2)), 12, 31)
        except ValueError:
            return None
    return None


def _shift(value: str, delta: relativedelta, gran: str | None = None) -> str | None:
    """Shift a date value by ``delta``, keeping its granularity (or using ``gran``)."""
    p = parse_value(value)
    if p is None or p[0] == "years":
        return None
    g = gran or p[0]
    return _fmt(g, p[1] + delta)


def _number(s: str) -> str | None:
    """The number of "3", "2.5", "five", "twenty-one" as a string ("X" for "several"), or None."""
    s = s.lower().strip().replace("-", " ")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return s.rstrip("0").rstrip(".") if "." in s else str(int(s))
    if s in number_words():
        return number_words()[s]
    parts = s.split()
    if len(parts) == 2 and parts[0] in number_words() and parts[1] in number_words():
        a, b = number_words()[parts[0]], number_words()[parts[1]]
        if a.isdigit() and b.isdigit():
            return str(int(a) + int(b)) if int(a) >= 20 and int(b) < 10 else None
    return None


def _duration(n: str, unit: str) -> str:
    """The TIMEX3 duration of ``n`` units ("P3Y", "PT30M"); halves, fortnights and decades in smaller units."""
    unit = unit.lower().rstrip("s")
    if unit.endswith("-"):
        unit = unit[:-1]
    code = _UNIT.get(unit, "X")
    if n == "0.5":
        sub = {"year": ("6", "M"), "month": ("2", "W"), "day": ("12", "H"), "hour": ("30", "M")}
        if unit in sub:
            n, code = sub[unit]
            unit = "minute" if code == "M" and unit == "hour" else unit
    if code == "W2":
        n, code = (str(2 * int(n)) if n.isdigit() else n), "W"
    if code == "WE":
        n, code = (str(2 * int(n)) if n.isdigit() else n), "D"
    if code == "DE":  # TimeML writes decades in years: "two decades" -> P20Y
        n, code = (str(10 * int(n)) if n.isdigit() else n), "Y"
    t = "T" if unit in ("second", "minute", "hour") else ""
    return f"P{t}{n}{code}"


# -- regular expressions -------------------------------------------------------------------------

# Month and weekday names stay here rather than coming from ``nlp.lexicons.months_days()``: that
# set is not a drop-in (no month numbers, no "Febr", an extra "Thur."), and using it would change
# what is recognised.
_MON_CAP = r"(?-i:" + "|".join(sorted({k.capitalize() for k in MONTHS}, key=len, reverse=True)) + r")"
_MON_ANY = _MON_CAP + r"(?:\.(?=\s|,))?"
_DAYN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
_WD = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thurs\.|Fri\.|Sat\.|Sun\.)"


def _after(*words: str) -> str:
    """Fixed-width look-behinds: the match must follow one of ``words`` and a space."""
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in words) + ")"


_MAY_PRE = _after(
    "in", "of", "since", "until", "till", "by", "from", "through", "last", "next", "this", "early", "late", "mid"
)
_TIME_PRE = _after("at", "by", "around", "until", "till", "from", "before", "after", "about", "approximately")
_UNITS = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
_UNITS_SG = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
_MOD_PRE = r"(?:(?P<mod>early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|end\s+of|start\s+of|as\s+early\s+as|no\s+later\s+than)[\s-]+)"
_APPROX = r"(?:(?:about|around|approximately|roughly|some|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|just|only|barely|the\s+better\s+part\s+of)\s+)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_TZ_NAME = r"(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|JST|local\s+time)"
_TZ = rf"(?:\s+(?:{_TZ_NAME}|\({_TZ_NAME}\)))"
_AMPM = r"(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)"
_YEARREL = r"(?:this|last|next|that|the\s+same|the\s+previous|the\s+following)\s+year"


def _numw() -> str:
    words = sorted(number_words(), key=len, reverse=True)
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    return (
        r"(?:\d+(?:\.\d+)?|(?:"
        + tens
        + r")[-\s](?:one|two|three|four|five|six|seven|eight|nine)|"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        + r")"
    )

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


# -- tense -----------------------------------------------------------------------------------------

_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won['’]t|['’]ll|going\s+to|plans?\s+to|planned\s+to|planning\s+to|expects?\s+to|expected\s+to|"
    r"scheduled|intends?\s+to|aims?\s+to|is\s+to|are\s+to|set\s+to|due\s+to|upcoming|next|as\s+(?:early|soon)\s+as)\b",
    re.I,
)


@functools.lru_cache(maxsize=64)
def sentence_tags(s: str) -> list[tuple[int, int, str, str]]:
    """Return ``(start, end, word, POS)`` for the tokens of ``s`` (cached for the last sentences)."""
    from analysis.nlp.tokens import tag, tokenize_spans

    spans = tokenize_spans(s)
    words = [s[a:b] for a, b in spans]
    return [(a, b, w, t) for (a, b), w, t in zip(spans, words, tag(words))]


#: Characters before and after an expression searched for a future cue ("will", "plans to"):
#: about a clause on either side, more before (the verb usually precedes the date).
_CUE_BEFORE, _CUE_AFTER = 60, 40
#: Extra distance (characters) of a verb across a clause boundary (";", ", which", "said"): a verb
#: in the expression's own clause wins over a nearer one in the next clause.
_BOUNDARY_COST = 40
#: Characters next to a match read for its neighbour words ("a quarter of", "within a week"): one or two words.
_NEAR_CHARS = 12
#: Characters after a duration read for what makes it an age or a fraction ("years old", "of its imports").
_AFTER_CHARS = 24

#: Verbs of planning: the plan's date usually lies ahead even when the verb is past.
_PLAN_VERBS = frozenset(["planning", "plans", "plan", "scheduled", "slated"])


#: Words one of which a sentence must hold for a verb in it to be read as future (modals, plan verbs).
_FUTURE_CUE = re.compile(r"\b(?:will|shall|plans?|planning|scheduled|slated)\b|\bwo(?:n['’]t)?\b|['’]ll\b", re.I)


class _Tense:
    """Lazily POS-tag a sentence and report the tense of the verb nearest to a position."""

    def __init__(self, s: str, tags: Callable[[], list[tuple[int, int, str, str]]] | None = None) -> None:
        self.s = s
        self.modal_future = False
        self._tags = tags
        self._toks: list[tuple[int, int, str, str]] | None = None

    def toks(self) -> list[tuple[int, int, str, str]]:
        if self._toks is None:
            self._toks = self._tags() if self._tags is not None else sentence_tags(self.s)
        return self._toks

    def maybe_future(self, start: int, end: int) -> bool:
        """False when :meth:`at` cannot answer ``future``: no future cue in the sentence or the window."""
        if "at" in self.__dict__:
            return True  # a caller-supplied tense function: ask it
        window = self.s[max(0, start - _CUE_BEFORE) : min(len(self.s), end + _CUE_AFTER)]
        return _FUTURE_CUE.search(self.s) is not None or _FUTURE_RE.search(window) is not None

    def at(self, start: int, end: int) -> str | None:
        """Return ``past``, ``future``, ``present`` or None for the clause around ``start:end``."""
        best: tuple[int, str] | None = None
        toks = self.toks()
        for i, (a, b, w, t) in enumerate(toks):
            if start <= a < end:
                continue
            lw = w.lower()
            if t == "MD" and lw in ("will", "'ll", "’ll", "shall", "wo"):
                kind = "future"
            elif t == "MD" and lw in ("would", "could", "might", "may", "can", "should", "must"):
                # "could come as early as Tuesday" looks ahead; "could have gone" looks back
                nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
                kind = "modal" if nxt in ("have", "'ve", "’ve", "not", "n't") else "modal_future"
            elif (
                t.startswith("VB")
                and lw in _PLAN_VERBS
                and (i == 0 or toks[i - 1][2].lower() not in ("had", "been", "as", "previously", "originally"))
            ):
                kind = "future"  # "were planning to drive around on Monday", "scheduled to resume Monday"
            elif t in ("VBD",) or (t == "VBN" and lw not in ("scheduled", "expected", "set", "due")):
                kind = "past"
            elif t in ("VBZ", "VBP"):
                kind = "present"
            else:
                continue
            dist = start - b if b <= start else a - end
            # a verb after a clause boundary counts less
            between = self.s[min(b, end) : max(a, start)]
            if re.search(r"[;:]|,\s*(?:which|who|and|but)\b|\b(?:said|says|told)\b", between):
                dist += _BOUNDARY_COST
            if best is None or dist < best[0]:
                best = (dist, kind)
        window = self.s[max(0, start - _CUE_BEFORE) : min(len(self.s), end + _CUE_AFTER)]
        if best is not None and best[1] in ("present", "modal", "modal_future") and _FUTURE_RE.search(window):
            return "future"
        if best is None:
            return "future" if _FUTURE_RE.search(window) else None
        if best[1] == "modal_future":
            return "future" if self.modal_future else None
        return None if best[1] == "modal" else best[1]


# -- normalisation ----------------------------------------------------------------------------------


@dataclass
class _Ctx:
    dct: _dt.date | None
    ref: str | None = None  # last resolved date value the text mentioned
    focus: str | None = None  # the first quarter the text named: what a financial report is about
    tense: _Tense | None = None
    span: tuple[int, int] = (0, 0)
    unresolved: bool = field(default=False)


def _tense(ctx: _Ctx) -> str | None:
    return ctx.tense.at(*ctx.span) if ctx.tense else None


def _is_future(ctx: _Ctx) -> bool:
    """Whether the clause is in the future tense; a sentence with no future cue is not tagged for it."""
    if ctx.tense is None or not ctx.tense.maybe_future(*ctx.span):
        return False
    return _tense(ctx) == "future"


def _month_num(mon: str) -> int:
    return MONTHS[mon.rstrip(".").lower()]


def _pick_year(ctx: _Ctx, month: int, day: int | None, rel: str | None = None) -> int | None:
    """Choose the year of a month (and day) without one, from the DCT and the clause's tense."""
    if ctx.dct is None:
        return None
    dct = ctx.dct
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cands.append((y, _dt.date(y, month, day or 1)))
        except ValueError:
            continue
    if not cands:
        return None

    def key(d: _dt.date) -> tuple[int, int]:
        return (d.year, d.month) if day is None else (d.year, d.month * 40 + d.day)

    rel = (rel or "").lower()
    if rel.startswith("this") and "past" not in rel and "coming" not in rel:
        return dct.year
    now = key(dct)
    strict = rel in ("last", "next", "past", "coming", "this past", "this coming")
    past = [(y, d) for y, d in cands if (key(d) < now if strict else key(d) <= now)]
    future = [(y, d) for y, d in cands if (key(d) > now if strict else key(d) >= now)]
    if rel in ("last", "past", "this past"):
        return max(past)[0] if past else dct.year
    if rel in ("next", "coming", "this coming"):
        return min(future)[0] if future else dct.year
    # News mostly reports the recent past and the near future: the nearest candidate wins unless
    # the clause's tense points the other way and that candidate is not too far off.
    nearest = min(cands, key=lambda c: (abs((c[1] - dct).days), c[0] > dct.year))

    def last_day(d: _dt.date) -> _dt.date:  # a month is past from its last day on
        return d if day is not None else d + relativedelta(months=1, days=-1)

    if all(
        (dct - last_day(d)).days > _TENSE_REACH if d < dct else (d - dct).days > _TENSE_REACH
        for y, d in cands
        if y != nearest[0]
    ):
        return nearest[0]  # no other reading within reach: the tense cannot change the answer
    tense = _tense(ctx)
    if tense == "past" and past and (dct - last_day(max(past)[1])).days <= _TENSE_REACH:
        return max(past)[0]
    if tense == "future" and future and (min(future)[1] - dct).days <= _TENSE_REACH:
        return min(future)[0]
    return min(cands, key=lambda c: (abs((c[1] - dct).days), c[0] > dct.year))[0]


#: How far (days) the tense may pull a partial date away from the nearest reading.
_TENSE_REACH = 240


def _with_mod(mod: str | None) -> str | None:
    if not mod:
        return None
    m = re.sub(r"\s+", " ", mod.lower())
    if m in ("early", "the beginning of", "the start of", "start of", "as early as"):
        return "START"
    if m in ("late", "the end of", "end of", "no later than"):
        return "END"
    if m in ("mid", "the middle of"):
        return "MID"
    return None


_YEAR_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends|to\s+(?-i:[A-Z]))\b", re.I)
_AGE_AFTER = re.compile(r"\s+old\b", re.I)
_NOUN_USE = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?:was|is|were|are|of|and|that|which|in|from|to)\b", re.I)
_PERFECT_OR_OPENING = re.compile(r"(?:^|[.;:!?]\s+|\b(?:had|has|have)\s+)$", re.I)
_SHARE_OF = re.compile(r"\s+of\s+(?!\d|this|last|next|fiscal|the\s+(?:year|fiscal|current))", re.I)
_ORDINAL_NOUN = re.compile(
    r"\s+(?!(?:of|or|and|to|in|for|later|earlier|ago|before|after|longer|more|each|per|at|on|the)\b)[A-Za-z]"
)
#: Words after which "a week", "a year" is a length of time, not a rate ("within a week").
_DURATION_BEFORE = re.compile(
    r"\b(?:within|for|over|in|than|barely|about|nearly|almost|just|only|after|take|takes|took|last|lasted|"
    r"least|him|her|them|us|me|you)\s+$",
    re.I,
)


# -- normalisers: one per rule, match + context -> (type, value, anchor) or None to drop the match --

#: What a normaliser answers: TIMEX3 type, value, and what the value is anchored on.
_Result = tuple[str, str, str]


def _groups(m: re.Match) -> dict[str, str]:
    """The named groups of ``m`` that took part in the match."""
    return {k: v for k, v in m.groupdict().items() if v is not None}


def _unresolved(ctx: _Ctx, value: str, typ: str = "DATE") -> _Result:
    """A relative value that needs the publication date, which is missing: keep it unresolved."""
    ctx.unresolved = True
    return typ, value, "none"


def _rel_year(dct: _dt.date, yv: str) -> int:
    """The year of "this/last/next/the previous/the following year" seen from ``dct``."""
    return dct.year + (-1 if "last" in yv or "previous" in yv else 1 if "next" in yv or "following" in yv else 0)


def _n_absolute_date(m: re.Match, ctx: _Ctx) -> _Result | None:
    iso = _to_iso(m.lastgroup, m.groupdict())
    return ("DATE", iso, "none") if iso else None


def _n_month_day(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"Jan. 31", "31 January": the year comes from the publication date and the tense."""
    g = _groups(m)
    mon, day = _month_num(g["mon"]), int(re.match(r"\d+", g["d"]).group())
    y = _pick_year(ctx, mon, day)
    if y is None:
        return _unresolved(ctx, f"XXXX-{mon:02d}-{day:02d}")
    try:
        return "DATE", _dt.date(y, mon, day).isoformat(), "publication date"
    except ValueError:
        return None


def _n_month_year(m: re.Match, ctx: _Ctx) -> _Result | None:
    g = _groups(m)
    return "DATE", f"{int(g['y']):04d}-{_month_num(g['mon']):02d}", "none"


def _n_month_range(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"Nov-Feb 2021": the year closes the range, a wrap starts the year before."""
    g = _groups(m)
    m1, m2, y = _month_num(g["m1"]), _month_num(g["m2"]), int(g["y"])
    return "DATE", f"{y - (m1 > m2):04d}-{m1:02d}/{y:04d}-{m2:02d}", "none"


def _n_tod_mod(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"early in the evening": the part of the day, on the publication date."""
    code = _TIME_OF_DAY[m.group("tod").lower()]
    if ctx.dct is None:
        return _unresolved(ctx, f"XXXX-XX-XXT{code}", "TIME")
    return "TIME", f"{ctx.dct.isoformat()}T{code}", "publication date"


def _n_month_year_rel(m: re.Match, ctx: _Ctx) -> _Result | None:
    g = _groups(m)
    if ctx.dct is None:
        return _unresolved(ctx, f"XXXX-{_month_num(g['mon']):02d}")
    y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
    return "DATE", f"{y:04d}-{_month_num(g['mon']):02d}", "publication date"


def _n_month(m: re.Match, ctx: _Ctx) -> _Result | None:
    g = _groups(m)
    mon = _month_num(g["mon"])
    rel = re.sub(r"\s+", " ", g.get("rel", ""))
    y = _pick_year(ctx, mon, None, rel or None)
    if y is None:
        return _unresolved(ctx, f"XXXX-{mon:02d}")
    return "DATE", f"{y:04d}-{mon:02d}", "publication date"


def _n_year(m: re.Match, ctx: _Ctx) -> _Result | None:
    return "DATE", f"{int(m.group('y')):04d}", "none"


def _n_fiscal_short(m: re.Match, ctx: _Ctx) -> _Result | None:
    y = int(m.group("y"))
    return "DATE", str(y + (2000 if y < 50 else 1900)), "none"


_DECADE_NAMES = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]


def _n_decade(m: re.Match, ctx: _Ctx) -> _Result | None:
    g = _groups(m)
    if g.get("c"):
        return "DATE", f"{g['c']}{g['d']}", "none"
    d = g.get("d2")
    if d is None:
        d = str(_DECADE_NAMES.index(g["w"].lower()) + 2)
    # the century whose decade is nearest before the publication date (1999 stands in for a missing one)
    base = ctx.dct.year if ctx.dct else 1999
    c = base // 100
    if int(f"{c}{d}0") > base:
        c -= 1
    return "DATE", f"{c}{d}", "publication date" if ctx.dct else "none"


def _n_century(m: re.Match, ctx: _Ctx) -> _Result | None:
    n = m.group("n").lower()
    k = int(re.match(r"\d+", n).group()) if n[0].isdigit() else _ORDINAL.get(n)
    return ("DATE", f"{k - 1:02d}", "none") if k else None


def _n_quarter_code(m: re.Match, ctx: _Ctx) -> _Result | None:
    g = _groups(m)
    q = int(g["q"])
    if g.get("y"):
        return "DATE", f"{g['y']}-Q{q}", "none"
    return _quarter(ctx, q, None, m.group(0).lower())


_QUARTER_WORDS = re.compile(
    r"first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past|previous|recent|same|year-earlier|"
    r"year-ago|comparable|\d{4}"
)


def _n_quarter(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"the second quarter", "the first half of 2022", "the latest quarter"."""
    g, text = _groups(m), m.group(0).lower()
    before = m.string[max(0, m.start() - _NEAR_CHARS) : m.start()].lower()
    bare = re.match(r"(?:the\s+)?(?:quarter|half)\b", text) is not None
    if (bare and re.search(r"\b(?:a|one|three|two|first|1st)[\s-]+$", before)) or _SHARE_OF.match(
        m.string[m.end() : m.end() + _NEAR_CHARS].lower()
    ):
        return None  # "a quarter of the vote", "one half"
    half = g["half"].lower() == "half"
    if half and not re.search(r"first|second|1st|2nd|last|final|latest|\d", text):
        return None
    q = year = None
    for w in _QUARTER_WORDS.findall(text.split("quarter")[0].split("half")[0]):
        if w.isdigit():
            year = int(w)
        elif w in _ORDINAL:
            q = _ORDINAL[w] if w not in ("last", "final") or "half" not in text else 2
    if g.get("y"):
        yv = g["y"].lower()
        if yv.isdigit():
            year = int(yv)
        elif ctx.dct:
            year = _rel_year(ctx.dct, yv)
    return _quarter(ctx, q, year, text, half=half)


def _quarter(ctx: _Ctx, q: int | None, year: int | None, text: str, *, half: bool = False) -> _Result | None:
    """The quarter (or half) ``q`` of ``year``, either missing: taken from the text's focus or the DCT."""
    dct = ctx.dct
    unit = "H" if half else "Q"
    n_units = 2 if half else 4
    if q is not None and q > n_units:
        return None
    anchor = "none"
    if year is None:
        if "year-earlier" in text or "year-ago" in text or "comparable" in text or "same" in text:
            ref = ctx.ref
            p = parse_value(ref) if ref else None
            if p and p[0] in ("quarter", "half"):
                return "DATE", _fmt(p[0], p[1] - relativedelta(years=1)), "previous date"
            if dct is None:
                return None
        if dct is None:
            return _unresolved(ctx, f"XXXX-{unit}{q or 'X'}")
        cur = (dct.month - 1) // (12 // n_units) + 1
        anchor = "publication date"
        if q is None:
            return _unnumbered_quarter(ctx, text, unit, cur, n_units)
        if q <= cur:
            year = dct.year
        else:
            year = dct.year if _is_future(ctx) else dct.year - 1
    if q is None:
        return "DATE", f"{year}-{unit}X", anchor
    return "DATE", f"{year}-{unit}{q}", anchor


def _unnumbered_quarter(ctx: _Ctx, text: str, unit: str, cur: int, n_units: int) -> _Result:
    """"the current quarter", "the quarter", "the latest quarter" (``cur``: the DCT's quarter or half)."""
    anchor = "publication date"
    if re.search(r"\b(?:current|this)\b", text):
        return "DATE", f"{ctx.dct.year}-{unit}{cur}", anchor
    ref = ctx.ref
    p = parse_value(ref) if ref else None
    if p and p[0] == ("half" if unit == "H" else "quarter") and not re.search(r"latest|recent|past|previous|last", text):
        return "DATE", ref, "previous date"
    # "the quarter", "the latest quarter": the last completed one
    prev = cur - 1
    y = ctx.dct.year
    if prev == 0:
        prev, y = n_units, y - 1
    return "DATE", f"{y}-{unit}{prev}", anchor


_SEASONS = ["SP", "SU", "FA", "WI"]


def _n_season(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"last summer", "spring 2021", "this winter"."""
    g, dct = _groups(m), ctx.dct
    s = _SEASON[(g.get("s") or g.get("s2")).lower()]
    if g.get("y") or g.get("y2"):
        yv = (g.get("y") or g.get("y2")).lower()
        if yv.isdigit():
            return "DATE", f"{yv}-{s}", "none"
        if dct is None:
            return _unresolved(ctx, f"XXXX-{s}")
        return "DATE", f"{_rel_year(dct, yv)}-{s}", "publication date"
    if dct is None:
        return _unresolved(ctx, f"XXXX-{s}")
    rel = (g.get("rel") or "").lower()
    cur = _fmt("season", dct)
    cur_y = int(cur[:4])
    si, ci = _SEASONS.index(s), _SEASONS.index(cur[5:])
    if rel.startswith("this") and "past" not in rel and "coming" not in rel:
        tense = None
    elif rel in ("last", "past", "this past"):
        tense = "past"
    elif rel in ("next", "coming", "this coming"):
        tense = "future"
    else:
        tense = _tense(ctx)
    if rel.startswith("this") and tense is None:
        y = cur_y
    elif tense == "future":
        y = cur_y if si > ci else cur_y + 1
    elif tense == "past" or rel:
        y = cur_y if si < ci else cur_y - 1
    else:
        y = cur_y
    return "DATE", f"{y}-{s}", "publication date"


def _weekday_index(wd: str) -> int:
    """Monday = 0 for a weekday name or abbreviation."""
    wd = wd.lower().rstrip(".")
    return next(i for i, w in enumerate(_WEEKDAYS) if w.startswith(wd[:3]))


def _n_set_weekday(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"every Monday", "on Mondays": a recurrence."""
    g, text = _groups(m), m.group(0).lower()
    if text.startswith("on") and not g.get("pl") and not text.endswith("s"):
        return None  # "on Monday" is a date: handled by the weekday rule
    tod = _TIME_OF_DAY.get((g.get("tod") or "").lower())
    return "SET", f"XXXX-WXX-{_weekday_index(g['wd']) + 1}" + (f"T{tod}" if tod else ""), "none"


def _n_weekday(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"on Friday", "last Tuesday", "Monday morning": the day of the publication week the tense points to."""
    g, dct = _groups(m), ctx.dct
    if g.get("pl"):
        return _n_set_weekday(m, ctx)  # "Mondays"
    idx = _weekday_index(g["wd"])
    tod = _TIME_OF_DAY.get((g.get("tod") or "").lower())
    if dct is None:
        return _unresolved(ctx, "XXXX-WXX-" + str(idx + 1))
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    diff = idx - dct.weekday()
    if rel in ("last", "past", "this past"):
        diff = diff - 7 if diff >= 0 else diff
    elif rel in ("next", "coming", "this coming"):
        diff = diff + 7 if diff <= 0 else diff
    elif rel != "this" and diff != 0:
        if _is_future(ctx):
            diff = diff + 7 if diff < 0 else diff
        else:
            diff = diff - 7 if diff > 0 else diff
    d = dct + _dt.timedelta(days=diff)
    if tod or g.get("tod", "").lower() in ("midnight", "noon"):
        t = {"midnight": "24", "noon": "12:00"}.get(g.get("tod", "").lower(), tod)
        return "TIME", f"{d.isoformat()}T{t}", "publication date"
    return "DATE", d.isoformat(), "publication date"


_DEICTIC_OFFSET = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}


def _n_deictic(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"today", "yesterday evening", "the day after tomorrow"."""
    g = _groups(m)
    w = re.sub(r"\s+", " ", g["w"].lower())
    off = _DEICTIC_OFFSET.get(w)
    if off is None:
        off = -2 if "before" in w else 2
    tod = _TIME_OF_DAY.get((g.get("tod") or "").lower()) or ("NI" if w in ("tonight", "overnight") else None)
    if ctx.dct is None:
        return _unresolved(ctx, "XXXX-XX-XX" + (f"T{tod}" if tod else ""), "TIME" if tod else "DATE")
    d = (ctx.dct + _dt.timedelta(days=off)).isoformat()
    if tod:
        return "TIME", f"{d}T{tod}", "publication date"
    return "DATE", d, "publication date"


def _n_deictic_tod(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"this morning", "last night", "that evening" (the day last mentioned)."""
    rel = m.group("rel").lower()
    tod = _TIME_OF_DAY[m.group("tod").lower()]
    if rel == "that":
        base = ctx.ref if ctx.ref and parse_value(ctx.ref) and parse_value(ctx.ref)[0] == "day" else None
        if base is None:
            return None
        return "TIME", f"{base}T{tod}", "previous date"
    off = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if ctx.dct is None:
        return _unresolved(ctx, f"XXXX-XX-XXT{tod}", "TIME")
    return "TIME", f"{(ctx.dct + _dt.timedelta(days=off)).isoformat()}T{tod}", "publication date"


#: Relative words of relative_unit that count from the date last mentioned, not from the DCT.
_ANAPHORIC_REL = frozenset(
    ["the previous", "the following", "the next", "the same", "that", "the prior", "a year earlier", "the year-earlier", "the year-ago"]
)


def _n_relative_unit(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"last week", "this year", "the following month", "a year earlier"."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    gran = _GRAN_OF_UNIT[unit]
    if rel in _ANAPHORIC_REL:
        return _anaphoric_unit(ctx, rel, unit, gran)
    dct = ctx.dct
    if dct is None:
        return _unresolved(ctx, {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(gran, "XXXX"))
    n = {"this": 0, "the current": 0, "last": -1, "next": 1, "this past": -1, "this coming": 1}[rel]
    if unit == "weekend":
        base = dct + _dt.timedelta(days=5 - dct.weekday())
        if rel in ("last", "this past"):
            base = base - _dt.timedelta(days=7)
        elif rel in ("next", "this coming"):
            base = base + _dt.timedelta(days=7)
        return "DATE", _fmt("weekend", base), "publication date"
    return "DATE", _fmt(gran, dct + _DELTA[unit] * n), "publication date"


def _anaphoric_unit(ctx: _Ctx, rel: str, unit: str, gran: str) -> _Result | None:
    """"the following month": counted from the date last mentioned (the DCT when none was)."""
    ref = ctx.ref
    if ref is None:
        if ctx.dct is None:
            return _unresolved(ctx, "XXXX")
        ref, anchor = ctx.dct.isoformat(), "publication date"
    else:
        anchor = "previous date"
    p = parse_value(ref)
    if p is None:
        return None
    if rel in ("a year earlier", "the year-earlier", "the year-ago"):
        return "DATE", _fmt(gran, p[1] - relativedelta(years=1)), anchor
    n = {"the previous": -1, "the prior": -1, "the following": 1, "the next": 1}.get(rel, 0)
    return "DATE", _fmt(gran, p[1] + _DELTA[unit] * n), anchor


def _n_past_future_unit(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"the past year": a duration of one unit."""
    return "DURATION", _duration("1", m.group("unit").lower()), "none"


def _n_weekend(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"this weekend", "last weekend", "the weekend" (the tense picks the past or coming one)."""
    dct = ctx.dct
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if dct is None:
        return _unresolved(ctx, "XXXX-WXX-WE")
    base = dct + _dt.timedelta(days=5 - dct.weekday())
    tense = "past" if rel in ("last", "this past") else "future" if rel in ("next", "this coming") else None
    if rel in ("the", "that", "this"):
        tense = tense or _tense(ctx)
        if tense == "past" and dct.weekday() < 5:
            base -= _dt.timedelta(days=7)
    elif tense == "past":
        base -= _dt.timedelta(days=7)
    elif rel == "next":
        base += _dt.timedelta(days=7) if dct.weekday() >= 5 else _dt.timedelta(0)
    return "DATE", _fmt("weekend", base), "publication date"


def _n_ago(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"two years ago" (from the DCT), "a month later" (from the date last mentioned)."""
    g = _groups(m)
    n = _number(g["n"]) or "X"
    unit = g["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    direction = re.sub(r"\s+", " ", g["dir"].lower())
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    if unit in ("hour", "minute", "second"):
        return "DURATION", _duration(n, unit), "none"
    gran = _GRAN_OF_UNIT.get(unit, "day")
    anaphoric = direction in ("earlier", "later", "before", "after")
    base, anchor = (ctx.ref, "previous date") if anaphoric and ctx.ref else (ctx.dct and ctx.dct.isoformat(), "publication date")
    if base is None:
        return _unresolved(ctx, {"year": "XXXX", "month": "XXXX-XX"}.get(gran, "XXXX-XX-XX"))
    p = parse_value(base)
    if p is None or p[0] == "years":
        return None
    # "a year ago" in a text about quarters means the same quarter a year before
    if gran == "year" and ctx.ref and p[0] != "quarter":
        pr = parse_value(ctx.ref)
        if pr and pr[0] == "quarter" and not anaphoric:
            p, anchor = pr, "previous date"
        elif ctx.focus and n == "1":
            p, anchor = parse_value(ctx.focus), "previous date"
    if gran == "year" and p[0] in ("quarter", "half", "month") and anchor == "previous date":
        gran = p[0]
    if n == "X" or not n.replace(".", "").isdigit() or "." in n:
        # "a few years ago": only the coarser unit is known ("201X")
        value = _fmt(gran, p[1])[: {"year": 3, "decade": 2}.get(gran, 4)] + ("X" if gran in ("year", "decade") else "")
        return "DATE", value, anchor
    return "DATE", _fmt(gran, p[1] + _DELTA[unit] * (sign * int(n))), anchor


def _n_year_ago_adj(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"the year-earlier period": the period in focus, a year before."""
    ref = ctx.focus or ctx.ref or (ctx.dct and ctx.dct.isoformat())
    if ref is None:
        return _unresolved(ctx, "XXXX")
    p = parse_value(ref)
    if p is None or p[0] == "years":
        return None
    gran = p[0] if p[0] in ("quarter", "half", "year", "month") else "year"
    return "DATE", _fmt(gran, p[1] - relativedelta(years=1)), "previous date" if ctx.ref else "publication date"


def _n_period(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"the latest period", "the 2021 period": the quarter the report is about."""
    y = m.group("y")
    if y and ctx.focus:
        return "DATE", f"{y}{ctx.focus[4:]}", "previous date"
    if y:
        return "DATE", y, "none"
    if ctx.focus:
        return "DATE", ctx.focus, "previous date"
    return None


def _n_the_year(m: re.Match, ctx: _Ctx) -> _Result | None:
    if _YEAR_ENDED.match(m.string, m.end()):
        return "DURATION", "P1Y", "none"  # "the year ended June 30": the twelve months before that date
    if ctx.dct is None:
        return _unresolved(ctx, "XXXX")
    return "DATE", f"{ctx.dct.year:04d}", "publication date"


def _n_duration(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"three years", "a 10-day trip", "the past two weeks"; not an age, a fraction or an ordinal."""
    g, text = _groups(m), m.group(0).lower()
    n = _number(g["n"])
    if n is None:
        n = "X"
    unit = g["unit"].lower()
    after = m.string[m.end() : m.end() + _AFTER_CHARS]
    if (g.get("adj") or "").lower() == "-old" or _AGE_AFTER.match(after):
        return None  # an age ("a 6-year-old boy", "52 years old"), not a period of time
    fraction = (unit == "quarter" and n == "1") or "-quarters" in text
    if fraction and _SHARE_OF.match(after):
        return None  # "three-quarters of its imports": a fraction
    if unit == "second" and n == "1" and not g.get("rel") and _ORDINAL_NOUN.match(after):
        return None  # "a second group": the ordinal
    if unit.startswith("centur"):
        unit = "century"
    if n not in ("1", "X") and not unit.endswith("s") and not g.get("adj") and "-" not in text and not re.search(r"\d", g["n"]):
        return None  # "two year" without plural or hyphen: probably not a duration
    return "DURATION", _duration(n, unit), "none"


def _n_duration_plural(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"for years", "over the past months": a duration of unknown length."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    if rel in ("within", "the first") and unit in ("minutes", "hours", "days"):
        return None
    if rel in ("in", "the"):
        return None
    unit = "century" if unit.startswith("centur") else unit
    return "DURATION", _duration("X", unit), "none"


def _n_vague(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"now", "recently", "in the future": PRESENT_REF / PAST_REF / FUTURE_REF, or dropped."""
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w == "current" and _NOUN_USE.match(m.string, m.end()):
        return None  # "swept away by the current", "the current of the river": the noun
    if w == "previously" and _PERFECT_OR_OPENING.search(m.string[: m.start()]):
        return "DATE", "PAST_REF", "none"  # "Previously, ...", "has previously served": an earlier time
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
        return "DATE", "PAST_REF", "none"
    return "DATE", _VAGUE_VALUE.get(w, "PRESENT_REF"), "none"


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


def _set_value(w: str) -> _Result:
    """The SET value of "every other week", "daily", "each morning", "twice a year" (``w`` lower-cased)."""
    w = re.sub(r"\s+", " ", w)
    key = w.split()[-1]
    if key in _SET_ADVERB:
        return "SET", _SET_ADVERB[key], "none"
    if key in ("morning", "evening"):
        return "SET", f"XXXX-XX-XXT{_TIME_OF_DAY[key]}", "none"
    if key in _SEASON:
        return "SET", f"XXXX-{_SEASON[key]}", "none"
    return "SET", _duration("2" if " other " in f" {w} " else "1", key), "none"


def _n_set(m: re.Match, ctx: _Ctx) -> _Result | None:
    w = m.group("w").lower()
    if w == "quarterly" and _QUARTERLY_NOUN.match(m.string, m.end()):
        return None  # "its quarterly dividend": a property of the noun, not a recurrence
    return _set_value(w)


def _n_set_rate(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"$5 a day" is a rate; "within a week" a length of time."""
    w = m.group("w")
    if _DURATION_BEFORE.search(m.string[max(0, m.start() - _NEAR_CHARS) : m.start()]):
        return "DURATION", _duration("1", w.split()[-1]), "none"
    return _set_value(w.lower())


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


def _n_time(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"10 p.m.", "at 14:30", "noon": a clock time on the publication date."""
    g = _groups(m)
    t = _NAMED_TIME[g["w"].lower().replace("-", "")] if g.get("w") else _clock(g)
    if t is None:
        return None
    if ctx.dct is None:
        return _unresolved(ctx, f"XXXX-XX-XXT{t}", "TIME")
    return "TIME", f"{ctx.dct.isoformat()}T{t}", "publication date"


def _n_named_period(m: re.Match, ctx: _Ctx) -> _Result | None:
    return "DATE", named_periods()[m.group(0)][2], "none"


def _holiday_date(rule: str, y: int) -> _dt.date:
    """The day of a holiday in year ``y``: ``MM-DD``, or ``N:WEEKDAY:MM`` (Nth weekday of a month, N<0 from its end)."""
    if ":" not in rule:
        mm, dd = rule.split("-")
        return _dt.date(y, int(mm), int(dd))
    n, wd, mm = (int(x) for x in rule.split(":"))
    if n > 0:
        d = _dt.date(y, mm, 1)
        d += _dt.timedelta(days=(wd - 1 - d.weekday()) % 7)
        return d + _dt.timedelta(weeks=n - 1)
    d = _dt.date(y, mm, 1) + relativedelta(months=1, days=-1)
    return d - _dt.timedelta(days=(d.weekday() - (wd - 1)) % 7)


def _n_holiday(m: re.Match, ctx: _Ctx) -> _Result | None:
    """"Christmas", "last Thanksgiving": the occurrence the tense points to."""
    rule = holidays()[m.group("h").lower()]
    rel = (m.group("rel") or "").lower()
    dct = ctx.dct
    if dct is None:
        return _unresolved(ctx, "XXXX-" + (rule if "-" in rule and ":" not in rule else "XX-XX"))
    tense = "past" if rel == "last" else "future" if rel == "next" else None if rel == "this" else _tense(ctx)
    cands = [_holiday_date(rule, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if tense == "past":
        d = max(c for c in cands if c <= dct)
    elif tense == "future":
        d = min(c for c in cands if c >= dct)
    elif rel == "this":
        d = cands[1]
    else:
        d = min(cands, key=lambda c: abs((c - dct).days))
    return "DATE", d.isoformat(), "publication date"


# -- the rule table ---------------------------------------------------------------------------------

_MONTH_WORDS = frozenset(MONTHS)
_WEEKDAY_WORDS = frozenset([*_WEEKDAYS, "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"])
_UNIT_WORDS = frozenset(
    w + p
    for w in ("second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "quarter", "year", "decade")
    for p in ("", "s")
) | {"century", "centuries"}
_TOD_WORDS = frozenset(["morning", "afternoon", "evening", "night", "noon", "midnight"])
#: Stands for "any digit" among trigger words (digits are one-character words of a sentence).
_DIGIT = "<digit>"
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
_DECADE_WORDS = frozenset(_DECADE_NAMES)

#: A gate: (sentence, lower-cased sentence, its words) -> whether the rule can match there at all.
_Gate = Callable[[str, str, set[str]], bool]


@functools.cache
def _name_gates() -> tuple[re.Pattern, re.Pattern]:
    """Patterns finding a named period or a holiday name (without its "the") in a sentence."""
    strip = re.compile(r"^the\s+", re.I)
    periods = {strip.sub("", p) for p in named_periods()}
    hols = {strip.sub("", h).lower() for h in holidays()}
    return re.compile("|".join(re.escape(p) for p in periods)), re.compile("|".join(re.escape(h) for h in hols))


def _absolute_gate(s: str, low: str, w: set[str]) -> bool:
    """Digits joined by - or /, d.m.y digits, or a month name next to a number."""
    return bool(_DIGIT_SEP.search(s) or (any(p in low for p in _MON3) and _MON_NUM.search(s)))


def _period_pattern() -> str:
    return "(?-i:" + "|".join(re.escape(p) for p in sorted(named_periods(), key=len, reverse=True)) + r")(?!\w)"


def _holiday_pattern() -> str:
    hols = "|".join(re.escape(h) for h in sorted(holidays(), key=len, reverse=True))
    return rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{hols})(?!\w)"


@dataclass(frozen=True)
class Rule:
    """One TIMEX rule: everything about it in one place.

    name : str
        Named in the ``rule`` column of every expression the rule finds.
    type : str
        The TIMEX3 type the rule yields (its normaliser may answer another for a reading it
        recognises: "the year ended June 30" is a DURATION, "Monday morning" a TIME).
    pattern : str or callable
        The regular expression (case-insensitive); a callable builds it from a lexicon when first used.
    normalise : callable
        ``(match, context) -> (type, value, anchor)``, or None to drop the match.
    triggers : frozenset of str, optional
        Words one of which a sentence must hold for the rule to be tried (a cheap pre-filter);
        None: always tried.
    gate : callable, optional
        A further cheap test of the sentence that every match of the rule passes.
    word_start : bool
        The match starts at a word boundary: the engine then skips positions inside words at once.
    """

    name: str
    type: str
    pattern: str | Callable[[], str]
    normalise: Callable[[re.Match, _Ctx], _Result | None]
    triggers: frozenset[str] | None = None
    gate: _Gate | None = None
    word_start: bool = True

    def compile(self) -> re.Pattern:
        pat = self.pattern() if callable(self.pattern) else self.pattern
        return re.compile(r"(?<!\w)" + pat if self.word_start else pat, re.I)


#: The rules in order of precedence: of two candidates with the same extent, the earlier rule wins
#: (the longer candidate always wins).  To add a rule, add one entry here.
RULES: tuple[Rule, ...] = (
    Rule(
        "absolute_date", "DATE", DATE_RE.pattern, _n_absolute_date, frozenset([_DIGIT]), _absolute_gate, word_start=False
    ),
    Rule(
        "month_range",
        "DATE",
        rf"(?P<m1>{_MON_ANY})\s*[-–]\s*(?P<m2>{_MON_ANY})\s*,?\s+(?P<y>{_YEAR4})(?!\d)",
        _n_month_range,
        _MONTH_WORDS,
    ),
    Rule(
        "time",
        "TIME",
        rf"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{_AMPM})|{_TIME_PRE}(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d|:\d)|(?P<h3>[01]?\d|2[0-3])[:.](?P<mi3>[0-5]\d)(?={_TZ})|(?P<h5>[01]?\d):(?P<mi5>[0-5]\d)(?=\s+(?:this|that|in\s+the)\s+(?P<tod5>morning|afternoon|evening|night)\b)|(?P<h4>[01]?\d|1[0-2])\s+o'clock|(?P<w>noon|midnight|mid-?day|mid-?morning|mid-?afternoon|dawn|dusk))(?P<tz>{_TZ})?(?![\w])",
        _n_time,
        frozenset([_DIGIT, "noon", "midnight", "midday", "midmorning", "mid", "midafternoon", "dawn", "dusk"]),
        lambda s, low, w: ":" in s or not w.isdisjoint(_TIME_WORDS),
    ),
    Rule(
        "tod_mod",
        "TIME",
        r"(?P<mod>early|late|later)\s+in\s+the\s+(?P<tod>morning|afternoon|evening)(?![\w-])",
        _n_tod_mod,
        frozenset(["morning", "afternoon", "evening"]),
    ),
    Rule(
        "named_period",
        "DATE",
        _period_pattern,
        _n_named_period,
        gate=lambda s, low, w: _name_gates()[0].search(s) is not None,
    ),
    Rule("holiday", "DATE", _holiday_pattern, _n_holiday, gate=lambda s, low, w: _name_gates()[1].search(low) is not None),
    Rule(
        "month_year",
        "DATE",
        rf"{_MOD_PRE}?(?P<mon>{_MON_ANY})\s*,?\s+(?:of\s+)?(?P<y>{_YEAR4})(?!\d)",
        _n_month_year,
        _MONTH_WORDS,
    ),
    Rule(
        "month_year_rel",
        "DATE",
        rf"{_MOD_PRE}?(?P<mon>{_MON_ANY})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year",
        _n_month_year_rel,
        _MONTH_WORDS,
    ),
    Rule(
        "month_day",
        "DATE",
        rf"(?:{_WD},?\s+)?{_MOD_PRE}?(?P<mon>{_MON_ANY})\s+(?P<d>{_DAYN})(?!\d|:\d|,?\s*{_YEAR4}\b|\s*-\s*\d)",
        _n_month_day,
        _MONTH_WORDS,
    ),
    Rule(
        "day_month",
        "DATE",
        rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<d>{_DAYN})\s+(?:of\s+)?(?P<mon>{_MON_ANY})(?!\.?,?\s*{_YEAR4}\b)",
        _n_month_day,
        _MONTH_WORDS,
    ),
    Rule(
        "quarter_code",
        "DATE",
        rf"(?P<fy>FY\s*)?(?-i:Q(?P<q>[1-4]))(?:\s*(?P<y>{_YEAR4}))?\b",
        _n_quarter_code,
        frozenset(["q1", "q2", "q3", "q4"]),
    ),
    Rule(
        "quarter",
        "DATE",
        rf"(?:the\s+)?(?:(?P<q1>{_ORD}|latest|current|past|previous|recent|same|year-earlier|year-ago|comparable|fiscal|calendar|{_YEAR4})[\s-]+)*(?:(?P<q>{_ORD})[\s-]+)?(?:fiscal[\s-]+|calendar[\s-]+)?(?P<half>quarter|half)(?:\s+(?:of|in|for)\s+(?:(?:fiscal|calendar)\s+)?(?P<y>{_YEAR4}|{_YEARREL}))?(?![\w-]|\s+(?:of\s+)?(?:a|an|the)\s+(?:point|mile|century|percent|percentage))",
        _n_quarter,
        frozenset(["quarter", "half"]),
    ),
    Rule(
        "decade",
        "DATE",
        r"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
        _n_decade,
        frozenset([_DIGIT, *_DECADE_NAMES]),
        lambda s, low, w: "0s" in low or "0's" in low or not w.isdisjoint(_DECADE_WORDS),
    ),
    Rule(
        "century",
        "DATE",
        r"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century",
        _n_century,
        frozenset(["century"]),
    ),
    Rule(
        "season",
        "DATE",
        rf"(?:(?:{_MOD_PRE})?(?:(?P<rel>this|last|next|this\s+past|past|coming|the)\s+)(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR4}|{_YEARREL}))?|(?P<s2>(?-i:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter))\s+(?:of\s+)?(?P<y2>{_YEAR4}))(?![\w-])",
        _n_season,
        frozenset(_SEASON),
    ),
    Rule(
        "ago",
        "DATE",
        lambda: rf"{_APPROX}?(?P<n>{_numw()}|(?:a\s+)?(?:few|couple\s+of))\s+(?P<unit>{_UNITS})\s+(?P<dir>ago|earlier|later|back|from\s+now|hence)(?![\w-])",
        _n_ago,
        frozenset(["ago", "earlier", "later", "back", "now", "hence"]),
    ),
    Rule(
        "year_ago_adj",
        "DATE",
        r"(?:the\s+)?(?P<w>year-earlier|year-ago|year-before|prior-year|year-over-year)(?:\s+periods?\b|(?=\s+\w))",
        _n_year_ago_adj,
        frozenset(["year"]),
    ),
    Rule(
        "relative_unit",
        "DATE",
        rf"{_MOD_PRE}?(?P<rel>this|last|next|the\s+previous|the\s+following|the\s+next|the\s+same|that|the\s+current|the\s+prior|this\s+past|this\s+coming|a\s+year\s+earlier|the\s+year-earlier|the\s+year-ago)\s+(?P<unit>week|weekend|month|year|decade|century)(?!-|\w|\s+(?:old|long)\b)",
        _n_relative_unit,
        _UNIT_WORDS,
    ),
    Rule(
        "past_future_unit",
        "DURATION",
        r"(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming)\s+(?P<unit>year|month|week|decade|quarter|century)(?![\w-])",
        _n_past_future_unit,
        _UNIT_WORDS,
    ),
    Rule(
        "weekend",
        "DATE",
        r"(?:(?P<rel>this|last|next|the|that|this\s+past|this\s+coming)\s+)weekend(?![\w-])",
        _n_weekend,
        frozenset(["weekend"]),
    ),
    Rule(
        "deictic_tod",
        "TIME",
        r"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday|that)\s+(?P<tod>morning|afternoon|evening|night)(?![\w])",
        _n_deictic_tod,
        _TOD_WORDS,
    ),
    Rule(
        "deictic",
        "DATE",
        r"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|overnight)(?:\s+(?P<tod>morning|afternoon|evening|night))?(?![\w])",
        _n_deictic,
        frozenset(["today", "yesterday", "tomorrow", "tonight", "overnight"]),
    ),
    Rule(
        "tod_weekday",
        "TIME",
        rf"(?P<tod>morning|afternoon|evening|night|midnight|noon)\s+(?:on\s+)?(?P<wd>{_WD})(?![\w])",
        _n_weekday,
        _WEEKDAY_WORDS,
    ),
    Rule(
        "weekday",
        "DATE",
        rf"{_MOD_PRE}?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past|coming|that)\s+)?(?P<wd>{_WD})(?P<pl>s)?(?:\s+(?P<tod>morning|afternoon|evening|night))?(?![\w])",
        _n_weekday,
        _WEEKDAY_WORDS,
    ),
    Rule(
        "set_weekday",
        "SET",
        r"(?:(?:every|each)\s+|on\s+(?=[A-Za-z]+s\b))(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))s?(?:\s+(?P<tod>morning|afternoon|evening|night)s?)?(?![\w])",
        _n_set_weekday,
        _WEEKDAY_WORDS,
    ),
    Rule(
        "set",
        "SET",
        r"(?P<w>(?:every|each|per)\s+(?:other\s+)?(?:day|night|week|weekend|month|quarter|year|hour|minute|morning|evening|summer|winter|spring|fall|autumn|decade)|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly|semiannually|twice\s+(?:a|per)\s+(?:day|week|month|year)|once\s+(?:a|per)\s+(?:day|week|month|year))(?![\w-])",
        _n_set,
        frozenset(
            "every each per daily nightly weekly biweekly monthly quarterly annually yearly hourly semiannually twice once".split()
        ),
    ),
    Rule(
        "set_rate",
        "SET",
        r"(?:(?<=\d\s)|(?<=%\s)|(?<=\w\w\s))(?P<w>a\s+(?:day|week|month|year))(?![\w-])",
        _n_set_rate,
        frozenset(["day", "week", "month", "year"]),
    ),
    Rule(
        "duration",
        "DURATION",
        lambda: rf"{_APPROX}?(?:the\s+)?(?:(?P<rel>past|last|next|first|coming|previous|final|latest|following|ensuing|preceding|initial|same|year-earlier|remaining|full)\s+)?(?P<n>{_numw()}|(?:a\s+)?(?:few|couple\s+of))(?:\s+|-)(?:(?:calendar|business|trading|working|straight|consecutive|full|more|additional|long|short)\s+)?(?P<unit>{_UNITS})(?P<adj>-(?:long|old))?(?![\w-])",
        _n_duration,
        _UNIT_WORDS,
    ),
    Rule(
        "duration_plural",
        "DURATION",
        r"(?:(?P<rel>for|over|in|within|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|in\s+the\s+coming|several|the\s+first|the)\s+)(?P<unit>(?:minute|hour|day|week|month|year|decade|centurie)s)(?![\w-])",
        _n_duration_plural,
        _UNIT_WORDS,
    ),
    Rule(
        "month",
        "DATE",
        rf"{_MOD_PRE}?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past|coming)\s+)?(?P<mon>(?-i:January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)|{_MAY_PRE}(?-i:May)|(?-i:May)(?=\s+(?:and|or|to|through)\s+(?-i:June|July)))(?![\w-])",
        _n_month,
        _MONTH_WORDS,
    ),
    Rule(
        "year",
        "DATE",
        rf"(?<![\w$£€#.,/-])(?:(?P<fy>fiscal|calendar|financial|model|school)(?:\s+year)?\s+)?{_MOD_PRE}?(?P<y>{_YEAR4})(?![\w%/-]|,\d|\.\d|\s+(?:percent|per\s+cent|million|billion|people|pounds|dollars|euros|yen|troops|workers|votes|shares|points|feet|meters|miles|km|tons))",
        _n_year,
        frozenset([_DIGIT]),
        lambda s, low, w: _YEAR_GATE.search(s) is not None,
    ),
    Rule("fiscal_short", "DATE", r"(?P<fy>fiscal|FY)\s*'?(?P<y>\d\d)(?![\d%])", _n_fiscal_short, frozenset(["fiscal", "fy"])),
    Rule(
        "period",
        "DATE",
        rf"the\s+(?:(?:latest|most\s+recent|current)|(?P<y>{_YEAR4}))\s+period(?![\w-])",
        _n_period,
        frozenset(["period"]),
    ),
    Rule(
        "the_year",
        "DATE",
        r"the\s+(?:(?:fiscal|full|calendar|whole|entire)\s+)?year(?![\w'’-]|\s+(?:before|after|earlier|later|ago|\d|two\s+thousand|nineteen|in\s+which|when|of\s+the))",
        _n_the_year,
        frozenset(["year"]),
    ),
    Rule(
        "vague",
        "DATE",
        r"(?P<w>right\s+now|now|currently|current|recent|at\s+this\s+time|presently|at\s+present|at\s+the\s+moment|nowadays|these\s+days|for\s+now|so\s+far|recently|lately|previously|formerly|in\s+the\s+past|the\s+past|in\s+the\s+future|the\s+future|future|soon|shortly|in\s+recent\s+(?:years|months|weeks|days|decades|times)|recent\s+(?:years|months|weeks|days|decades)|in\s+the\s+(?:near|coming|distant)\s+future|once|earlier|later|then|until\s+now|since\s+then|to\s+date|the\s+time\s+being|eventually|ultimately|all\s+the\s+time|meanwhile|moments?\s+ago|a\s+while\s+ago|long\s+ago|years\s+ago|months\s+ago|weeks\s+ago|days\s+ago)(?![\w-])",
        _n_vague,
        frozenset(
            "now currently current presently present moment nowadays days recently lately previously formerly past future soon "
            "shortly recent once earlier later then date time eventually ultimately meanwhile ago while years months weeks".split()
        ),
    ),
)
_RULE_BY_NAME = {r.name: r for r in RULES}


@functools.cache
def _pattern(i: int) -> re.Pattern:
    """The compiled pattern of rule ``RULES[i]`` (compiled on first use: a text needs few of them)."""
    return RULES[i].compile()


@functools.cache
def _rule_index() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Return trigger word → indices of the rules it triggers, and the rules without triggers."""
    index: dict[str, list[int]] = {}
    untriggered = []
    for i, rule in enumerate(RULES):
        if rule.triggers is None:
            untriggered.append(i)
            continue
        for w in rule.triggers:
            index.setdefault(w, []).append(i)
    return {w: tuple(v) for w, v in index.items()}, tuple(untriggered)


# -- driver -------------------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z]+\d?|\d")
_DIGITS = frozenset("0123456789")


def _rules_to_try(s: str) -> list[int]:
    """Indices of the rules whose trigger words and gate ``s`` passes."""
    low = s.lower()
    words = set(_WORD.findall(low))
    if not words.isdisjoint(_DIGITS):  # digits are one-character words
        words.add(_DIGIT)
    index, untriggered = _rule_index()
    todo = set(untriggered)
    for w in words:
        hit = index.get(w)
        if hit is not None:
            todo.update(hit)
    return [i for i in sorted(todo) if RULES[i].gate is None or RULES[i].gate(s, low, words)]


def _candidates(s: str) -> list[tuple[int, int, Rule, re.Match]]:
    """Every rule's matches in ``s``; overlaps resolved longest first, then by rule precedence, then leftmost."""
    out = []
    for i in _rules_to_try(s):
        for m in _pattern(i).finditer(s):
            if m.end() > m.start():
                out.append((m.start(), m.end(), i, m))
    out.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple[int, int, Rule, re.Match]] = []
    taken = bytearray(len(s) + 1)
    for a, b, i, m in out:
        if any(taken[a:b]):
            continue
        taken[a:b] = b"\x01" * (b - a)
        chosen.append((a, b, RULES[i], m))
    chosen.sort(key=lambda c: (c[0], c[1]))
    return chosen


def may_hold_timex(s: str) -> bool:
    """Whether some rule matches in ``s``: where none does, :func:`find_timexes` finds nothing,
    whatever the publication date, the state or the tags.

    Examples
    --------
    >>> may_hold_timex("The minister resigned."), may_hold_timex("She resigned on Monday.")
    (False, True)
    """
    return bool(_candidates(s))


def _interval(value: str) -> tuple[str | None, str | None]:
    if "/" in value:  # a range "2015-10/2016-01": from the start of the first to the end of the second
        first, last = (_interval(v) for v in value.split("/", 1))
        return first[0], last[1]
    p = parse_value(value.split("T")[0] if "T" in value and value[:4].isdigit() else value)
    if p is None:
        return None, None
    return p[1].isoformat(), p[2].isoformat()


def _duration_interval(value: str, rel: str, tense: str | None, dct: _dt.date | None) -> tuple[str | None, str | None]:
    m = re.fullmatch(r"P(\d+)(Y|M|W|D|DE|CE|Q)", value)
    if not m or dct is None:
        return None, None
    n = int(m.group(1))
    delta = {
        "Y": relativedelta(years=n),
        "M": relativedelta(months=n),
        "W": relativedelta(weeks=n),
        "D": relativedelta(days=n),
        "DE": relativedelta(years=10 * n),
        "CE": relativedelta(years=100 * n),
        "Q": relativedelta(months=3 * n),
    }[m.group(2)]
    rel = rel.lower()
    if re.search(r"\b(?:past|last|previous|preceding)\b", rel):
        return (dct - delta + _dt.timedelta(days=1)).isoformat(), dct.isoformat()
    if re.search(r"\b(?:next|coming|following|ensuing)\b", rel) or tense == "future":
        return dct.isoformat(), (dct + delta - _dt.timedelta(days=1)).isoformat()
    return None, None



def _as_date(dct: str | _dt.date | None) -> _dt.date | None:
    if isinstance(dct, str):
        from analysis.read.dates import parse_date

        iso = parse_date(dct)
        return _dt.date.fromisoformat(iso) if iso else None
    return dct


def find_timexes(
    s: str,
    *,
    dct: str | _dt.date | None = None,
    ref: str | None = None,
    state: dict | None = None,
    tense_of: Callable[[int, int], str | None] | None = None,
    tags: Callable[[], list[tuple[int, int, str, str]]] | None = None,
) -> list[Timex]:
    """Return the temporal expressions of one sentence ``s``, normalised.

    Parameters
    ----------
    s : str
        One sentence (or any short text).
    dct : str or date, optional
        Document creation (publication) time; without it relative values stay unresolved.
    ref : str, optional
        The last date the text mentioned before ``s`` (anchor for "a year earlier").
    state : dict, optional
        Carries ``ref`` from sentence to sentence: pass the same dict for every sentence of a text.
    tense_of : callable, optional
        Override the tense of the clause at ``(start, end)``; POS tags decide it by default.
    tags : callable, optional
        Returns the POS tags of ``s`` already computed by the pipeline, as ``(start, end, word, pos)``
        with offsets into ``s``; called only when a clause's tense is needed.  Without it ``s`` is
        tagged on demand.

    Returns
    -------
    list of Timex
        Offsets index into ``s``.

    Examples
    --------
    >>> [(t.text, t.value) for t in find_timexes("Prices rose in December.", dct="2023-02-10")]
    [('December', '2022-12')]
    >>> [(t.value, t.resolved) for t in find_timexes("Prices rose in December.")]
    [('XXXX-12', False)]
    """
    dct = _as_date(dct)
    state = state if state is not None else {}
    if ref is not None:
        state["ref"] = ref
    tense = _Tense(s, tags)
    if tense_of is not None:
        tense.at = tense_of  # type: ignore[method-assign]
    out: list[Timex] = []
    for a, b, rule, m in _candidates(s):
        ctx = _Ctx(dct=dct, ref=state.get("ref"), focus=state.get("focus"), tense=tense, span=(a, b))
        res = rule.normalise(m, ctx)
        if res is None:
            continue
        tx = _make_timex(s, a, b, rule.name, m, res, ctx)
        out.append(tx)
        _remember(state, tx, dct)
    return _anchor_clock_times(s, _merge(s, out))


def _make_timex(s: str, a: int, b: int, name: str, m: re.Match, res: _Result, ctx: _Ctx) -> Timex:
    """The expression of a normalised match: its extent trimmed, its interval and modifier filled in."""
    typ, value, anchor = res
    a, b = _trim(s, a, b, name)
    tx = Timex(a, b, s[a:b], typ, value, name, anchor, not ctx.unresolved)
    tx.mod = _with_mod(m.groupdict().get("mod"))
    if name == "named_period":
        tx.date_start, tx.date_end = named_periods()[tx.text][:2]
    elif typ in ("DATE", "TIME") and tx.resolved:
        tx.date_start, tx.date_end = _interval(value)
    elif typ == "DURATION" and ctx.dct is not None:
        pre = s[max(0, a - _NEAR_CHARS) : a] + " " + tx.text
        window = s[max(0, a - _CUE_BEFORE) : min(len(s), b + _CUE_AFTER)]
        future = "future" if _FUTURE_RE.search(window) else None
        tx.date_start, tx.date_end = _duration_interval(value, pre, future, ctx.dct)
        if tx.date_start:
            tx.anchor = "publication date"
    return tx


def _trim(s: str, a: int, b: int, name: str) -> tuple[int, int]:
    """The extent without leading/trailing spaces and commas (and "in" of "in the past": TimeML)."""
    t = s[a:b]
    lead = len(t) - len(t.lstrip(" ,"))
    if name == "vague":  # "in the past" → "the past"; "in recent years" stays whole
        lead += len(_IN_THE.match(t[lead:]).group(0))
    trail = len(t) - len(t.rstrip(" ,"))
    return a + lead, b - trail


def _remember(state: dict, tx: Timex, dct: _dt.date | None) -> None:
    """Keep a resolved date as the anchor of later anaphoric expressions, and the quarter in focus."""
    if tx.type != "DATE" or not tx.resolved or tx.anchor == "previous date":
        return
    p = parse_value(tx.value)
    if not p or p[0] == "years":
        return
    state["ref"] = tx.value
    if tx.rule in ("quarter", "quarter_code") and re.fullmatch(r"\d{4}-Q[1-4]", tx.value):
        # the latest completed quarter named: what a results report is about
        if tx.value > state.get("focus", "") and (dct is None or tx.value < _fmt("quarter", dct)):
            state["focus"] = tx.value


_CLOCK = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T(?:\d\d:\d\d|MI)$")
_NEAR = re.compile(
    r"^\s*(?:,\s*|\s+(?:on|at|in)\s+|\s+)?(?:(?:about|around|approximately|roughly|some|just)\s+)?$", re.I
)


def _anchor_clock_times(s: str, tx: list[Timex]) -> list[Timex]:
    """A clock time takes its day from the date beside it ("last night at about 9:40",
    "10:05 p.m. Monday night"), not from the publication date."""
    for i, t in enumerate(tx):
        if t.type != "TIME" or t.anchor != "publication date" or not _CLOCK.match(t.value):
            continue
        near = [tx[i - 1]] if i and _NEAR.match(s[tx[i - 1].end : t.start]) else []
        if i + 1 < len(tx) and _NEAR.match(s[t.end : tx[i + 1].start]):
            near.append(tx[i + 1])
        for d in near:
            day = re.match(r"\d{4}-\d\d-\d\d(?=$|T)", d.value)
            if day and d is not t:
                clock = t.value.split("T", 1)[1]
                if d.value.endswith(("TAF", "TEV", "TNI")) and clock[:2] < "12" and not re.search(r"[ap]\.?m\b", t.text, re.I):
                    clock = f"{int(clock[:2]) + 12:02d}{clock[2:]}"  # "last night at 9:40"
                t.value = f"{day.group(0)}T{clock}"
                t.anchor, t.date_start, t.date_end = "adjacent date", d.date_start, d.date_end
                break
    return tx


_IN_THE = re.compile(r"(?:in|into|for)\s+(?=the\s)|", re.I)
_JOIN = re.compile(r"^\s*(?:,\s*|\s+on\s+|\s+at\s+|\s+)?$")


def _merge(s: str, tx: list[Timex]) -> list[Timex]:
    """Join a time of day with the date next to it ("10 p.m. Wednesday", "Friday, Aug. 7")."""
    out: list[Timex] = []
    for t in tx:
        if out and _JOIN.match(s[out[-1].end : t.start]):
            p = out[-1]
            pair = {p.type, t.type}
            if pair == {"TIME", "DATE"}:
                time_x, date_x = (p, t) if p.type == "TIME" else (t, p)
                if parse_value(date_x.value) and parse_value(date_x.value)[0] == "day" and "T" in time_x.value:
                    value = f"{date_x.value}T{time_x.value.split('T', 1)[1]}"
                    merged = Timex(
                        p.start,
                        t.end,
                        s[p.start : t.end],
                        "TIME",
                        value,
                        f"{p.rule}+{t.rule}",
                        date_x.anchor,
                        p.resolved and t.resolved,
                    )
                    merged.date_start, merged.date_end = date_x.date_start, date_x.date_end
                    out[-1] = merged
                    continue
        out.append(t)
    return out
