"""TIMEX3 values: the calendar arithmetic every normaliser shares, and the lexicons it reads.

It decides how a value is written for a granularity (``2023-02``, ``2023-W05``, ``199``), what
interval of days a value covers (:func:`parse_value`), how a number of units is written as a
duration (``P3Y``, ``PT30M``), when a holiday falls in a year, and what the ``anchor`` column may
say.  It reads the lexicons ``number_words.tsv``, ``periods.tsv`` and ``holidays.tsv`` in
``analysis/data`` and nothing of the text.

Examples
--------
>>> parse_value("2023-Q1")[1:]
(datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))
>>> format_value("week", datetime.date(2023, 2, 1)), duration_value("3", "years")
('2023-W05', 'P3Y')
"""

from __future__ import annotations

import datetime
import functools
import re

from dateutil.relativedelta import relativedelta

from analysis.resources import read_lexicon

# -- what a value is anchored on (the ``anchor`` column) ------------------------------------------

#: The value is counted from the publication date.
PUBLICATION = "publication date"
#: The value is counted from the date the text mentioned last.
PREVIOUS = "previous date"
#: A clock time took its day from the date written beside it.
ADJACENT = "adjacent date"
#: The value stands on its own (an absolute date, a duration, a recurrence).
NO_ANCHOR = "none"

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


# -- calendar units ---------------------------------------------------------------------------

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
#: Unit word (singular) → the granularity of a date counted in it.
GRAN_OF_UNIT = {
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
#: Unit word (singular) → one unit of time.
DELTA = {
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
#: Season word → TIMEX3 season code.
SEASON = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
#: Weekday names, Monday first.
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
#: Ordinal word → its number ("last" and "final" of quarters: the fourth).
ORDINAL = {
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
#: Part of the day → TIMEX3 code.
TIME_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
#: Decade words, the twenties first.
DECADE_NAMES = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]


def format_value(gran: str, d: datetime.date) -> str:
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


def parse_value(value: str | None) -> tuple[str, datetime.date, datetime.date] | None:
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
            return _bounds(gran, int(m.group(1)), m)
        except ValueError:
            return None
    return None


def _bounds(gran: str, a: int, m: re.Match) -> tuple[str, datetime.date, datetime.date]:
    """The first and last day of a value of granularity ``gran`` whose first number is ``a``."""
    if gran == "day":
        d = datetime.date(a, int(m.group(2)), int(m.group(3)))
        return gran, d, d
    if gran == "month":
        d = datetime.date(a, int(m.group(2)), 1)
        return gran, d, d + relativedelta(months=1, days=-1)
    if gran == "quarter":
        d = datetime.date(a, 3 * int(m.group(2)) - 2, 1)
        return gran, d, d + relativedelta(months=3, days=-1)
    if gran == "half":
        d = datetime.date(a, 6 * int(m.group(2)) - 5, 1)
        return gran, d, d + relativedelta(months=6, days=-1)
    if gran in ("week", "weekend"):
        d = datetime.date.fromisocalendar(a, int(m.group(2)), 6 if gran == "weekend" else 1)
        return gran, d, d + datetime.timedelta(days=1 if gran == "weekend" else 6)
    if gran == "season":
        d = datetime.date(a, _SEASON_START[m.group(2)], 1)
        return gran, d, d + relativedelta(months=3, days=-1)
    if gran == "year":
        return gran, datetime.date(a, 1, 1), datetime.date(a, 12, 31)
    if gran == "decade":
        return gran, datetime.date(a * 10, 1, 1), datetime.date(a * 10 + 9, 12, 31)
    if gran == "century":
        return gran, datetime.date(max(a * 100, 1), 1, 1), datetime.date(a * 100 + 99, 12, 31)
    return gran, datetime.date(a, 1, 1), datetime.date(int(m.group(2)), 12, 31)


def number_of(s: str) -> str | None:
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


def duration_value(n: str, unit: str) -> str:
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


def holiday_date(rule: str, y: int) -> datetime.date:
    """The day of a holiday in year ``y``: ``MM-DD``, or ``N:WEEKDAY:MM`` (Nth weekday of a month, N<0 from its end)."""
    if ":" not in rule:
        mm, dd = rule.split("-")
        return datetime.date(y, int(mm), int(dd))
    n, wd, mm = (int(x) for x in rule.split(":"))
    if n > 0:
        d = datetime.date(y, mm, 1)
        d += datetime.timedelta(days=(wd - 1 - d.weekday()) % 7)
        return d + datetime.timedelta(weeks=n - 1)
    d = datetime.date(y, mm, 1) + relativedelta(months=1, days=-1)
    return d - datetime.timedelta(days=(d.weekday() - (wd - 1)) % 7)


# -- intervals ------------------------------------------------------------------------------------


def interval(value: str) -> tuple[str | None, str | None]:
    """The first and last day (ISO) of a DATE or TIME value; a range runs from its first's start to its last's end."""
    if "/" in value:  # a range "2015-10/2016-01": from the start of the first to the end of the second
        first, last = (interval(v) for v in value.split("/", 1))
        return first[0], last[1]
    p = parse_value(value.split("T")[0] if "T" in value and value[:4].isdigit() else value)
    if p is None:
        return None, None
    return p[1].isoformat(), p[2].isoformat()


def duration_interval(
    value: str, rel: str, tense: str | None, dct: datetime.date | None
) -> tuple[str | None, str | None]:
    """The days a duration covers when its words ("the past", "next") or the tense tie it to the DCT."""
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
        return (dct - delta + datetime.timedelta(days=1)).isoformat(), dct.isoformat()
    if re.search(r"\b(?:next|coming|following|ensuing)\b", rel) or tense == "future":
        return dct.isoformat(), (dct + delta - datetime.timedelta(days=1)).isoformat()
    return None, None
