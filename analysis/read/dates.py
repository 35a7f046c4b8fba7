"""Recognise absolute calendar dates written in common news forms.

Shared by the layout recogniser (datelines, published/updated dates) and the timeline.
Forms (a tokenised copy's space before the comma is read too): ``Jan. 31, 2023``, ``January 31 2023``, ``31 January 2023``, ``2023-02-01`` (ISO, with an
optional time), ``2/1/2023`` (US month/day/year), ``2023/02/01`` and ``31.01.2023`` (day.month.year).

Examples
--------
>>> [d.iso for d in find_dates("Posted Jan. 31, 2023 and updated 2/1/2023")]
['2023-01-31', '2023-02-01']
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

#: Month names and their abbreviations, January first.  (``nlp.lexicons.months_days()`` holds the
#: capitalised forms without month numbers, so it cannot stand in for this table.)
_MONTH_NAMES = [
    ("january", "jan"),
    ("february", "feb", "febr"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
#: Month name or abbreviation (lower case) → month number.
MONTHS: dict[str, int] = {name: i for i, names in enumerate(_MONTH_NAMES, start=1) for name in names}

#: Regex alternation of month names and abbreviations (longest first, optional period).
MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|2[01]\d\d)"

_PATTERNS = [
    (
        "iso",
        rf"(?<![\d/.-])(?P<y>{_YEAR})-(?P<m>0?[1-9]|1[0-2])-(?P<d>[12]\d|3[01]|0?[1-9])(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)",
    ),
    ("ymd_slash", rf"(?<![\d/.-])(?P<y>{_YEAR})/(?P<m>0?[1-9]|1[0-2])/(?P<d>[12]\d|3[01]|0?[1-9])\b"),
    # day-first when the first number cannot be a month (14/03/2024); otherwise US month/day below
    ("dmy_slash", rf"(?<![\d/.])(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>{_YEAR})(?![\d/])"),
    ("us_slash", rf"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>{_YEAR}|\d\d)(?![\d/])"),
    ("ymd_dot", rf"(?<![\d.])(?P<y>{_YEAR})\.(?P<m>0?[1-9]|1[0-2])\.(?P<d>[12]\d|3[01]|0?[1-9])(?!\d)"),
    ("dmy_dot", rf"(?<![\d.])(?P<d>[12]\d|3[01]|0?[1-9])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{_YEAR})\b"),
    (
        "mdy",
        rf"(?-i:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))(?P<mon>{MONTH_RE})\s+(?P<d>{_DAY})(?:\s?,\s*|\s+)(?P<y>{_YEAR})(?:\b|(?=\d{{1,2}}:\d\d))",
    ),
    ("dmy", rf"(?<!\d)(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{MONTH_RE})(?:\s?,)?\s+(?P<y>{_YEAR})(?:\b|(?=\d{{1,2}}:\d\d))"),
]
DATE_RE = re.compile("|".join(f"(?P<{name}>{pat.replace('(?P<', f'(?P<{name}_')})" for name, pat in _PATTERNS), re.I)


class DateMatch(NamedTuple):
    """One absolute date found in a string: offsets, the matched text and its ISO value."""

    start: int
    end: int
    text: str
    iso: str
    form: str


def to_iso(form: str, g: dict[str, str | None]) -> str | None:
    """Return the ISO date of a :data:`DATE_RE` match of form ``form`` (its ``groupdict()``), or None if invalid."""
    y = g.get(f"{form}_y")
    d = g.get(f"{form}_d")
    mon = g.get(f"{form}_mon")
    m = MONTHS.get(mon.rstrip(".").lower()) if mon else int(g[f"{form}_m"])
    year = int(y)
    if len(y) == 2:
        year += 2000 if year < 70 else 1900
    day = int(re.match(r"\d+", d).group())
    try:
        return _dt.date(year, m, day).isoformat()
    except ValueError:
        return None


def find_dates(s: str) -> list[DateMatch]:
    """Return every absolute date in ``s`` with offsets and ISO value, left to right."""
    out = []
    for mt in DATE_RE.finditer(s):
        form = mt.lastgroup
        iso = to_iso(form, mt.groupdict())
        if iso:
            out.append(DateMatch(mt.start(), mt.end(), mt.group(), iso, form))
    return out


def parse_date(s: str) -> str | None:
    """Return the ISO date of the first absolute date in ``s``, or None.

    >>> parse_date("2/1/2023")
    '2023-02-01'
    """
    found = find_dates(s)
    return found[0].iso if found else None
