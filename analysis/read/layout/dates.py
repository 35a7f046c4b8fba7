"""Dates on a page's lines: which lines are datelines, and which dates they state.

Decides whether a line is a dateline (``date line``: mostly a date; ``date label``: only a label
such as "Updated:" or a relative time; ``labelled date``: a short line where a date follows a
published/updated label; ``date in header line``: a short dated chrome line above the body) and
pairs every date on a line with the label written before it (published, updated or none).  Reads
the line text through :func:`analysis.read.dates.find_dates`, adding the day-first forms of page
chrome; the choice of the article's published and updated dates is :mod:`.metadata`'s.
"""

from __future__ import annotations

import datetime
import functools
import re

from analysis.read.dates import MONTH_RE, find_dates
from analysis.read.layout.lines import SENT_END, Line, folded
from analysis.read.layout.rules import DATE_IN_HEADER, DATE_LABEL, DATE_LINE, LABELLED_DATE

#: What every date form without a "/" holds: a year of :data:`analysis.read.dates.DATE_RE` (1500-2199),
#: which the day-first forms' years (19xx, 20xx) are too.
_YEAR_DIGITS = re.compile(r"1[5-9]\d\d|2[01]\d\d")
#: Published, updated, page dates: the label words written before a date.
_LABEL_WORDS = (
    r"(?:(?:page\s+)?last\s+)?(?:updated|modified|modification|revised|published|posted|first published|"
    r"originally published|original(?=\s*:)|release(?:\s+date)?|released|issued|date)d?"
)
_DATE_LABEL = re.compile(rf"^\s*(?P<label>{_LABEL_WORDS})(?:\s+on)?\s*:?\s*", re.I)
#: A label word anywhere before a date on the same line ("TOI Desk / Updated: Jan 25, 2024").
_INLINE_LABEL = re.compile(rf"\b(?P<label>{_LABEL_WORDS})\b", re.I)
#: Time-zone abbreviations written after a time.
TIME_ZONES = (
    "edt|est|cdt|cst|mdt|mst|pdt|pst|et|pt|ct|gmt|utc|bst|cet|cest|eet|eest|wet|west|msk|ist|pkt|ict|wib|pht|jst|"
    "kst|hkt|sgt|awst|acst|aest|aedt|nzst|nzdt|sast|eat|wat|gst|ast|hst|akst"
)
#: What may surround a date on a dateline: labels, weekdays, times, zones, separators.
DATE_FILLER = re.compile(
    r"\b(?:on|at|the|of|updated|published|posted|modified|modification|last|page|am|pm|uhr|h|"
    + TIME_ZONES
    + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"ago|hours?|hrs?|minutes?|mins?|days?|weeks?|yesterday|today)\b|\b[ap]\.m\.|(?<=\d)(?:am|pm)\b"
    r"|\b(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d\d)?|\d{1,2}[:.]\d{2}(?::\d{2})?|[\d\s,.:|/•·–—+()\[\]-]",
    re.I,
)
#: Slashed day/month/year whose first number cannot be a month (13-31): unambiguous day-first.
_DAY_FIRST = re.compile(r"(?<![\d/.])(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![\d/])")
#: Year-first dotted dates of East Asian and Central European pages: ``2024.03.06``.
_YMD_DOT = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)\.(?P<m>0?[1-9]|1[0-2])\.(?P<d>[12]\d|3[01]|0?[1-9])(?![\d])")
_RELATIVE_DATE = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:\d+|an?|one)\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$|^(?:just now|yesterday|today)$",
    re.I,
)
#: A relative time anywhere in a line ("Updated 3 hours ago"): no calendar date.
RELATIVE_TIME = re.compile(
    r"\b(?:\d+|an?|one)\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b|\bjust now\b", re.I
)


def relative_time(s: str) -> bool:
    """Whether :data:`RELATIVE_TIME` finds a relative time in ``s``: searched only in a line holding
    "ago" or "just now" (folded, :func:`~.lines.folded`), which every match holds.

    >>> relative_time("Updated 3 hours ago"), relative_time("The agency met again")
    (True, False)
    """
    low = folded(s)
    return ("ago" in low or "just now" in low) and RELATIVE_TIME.search(s) is not None
#: A page that writes 14/03/2024 writes its other slashed dates day-first too.
DAY_FIRST_PAGE = re.compile(r"(?<![\d/.])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/])")
#: A slashed date either order can read (04/03/2024).
_AMBIGUOUS_SLASH = re.compile(r"(?<![\d/.])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|1[0-2])/(?:19|20)?\d\d(?![\d/])")
#: Dates written out with the day first ("4 March 2024") and with the month first ("March 4, 2024").
_WRITTEN_DAY_FIRST = re.compile(rf"(?<![\d/.])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+{MONTH_RE}\s+(?:19|20)\d\d\b", re.I)
_WRITTEN_MONTH_FIRST = re.compile(
    rf"(?<![A-Za-z]){MONTH_RE}\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b", re.I
)


def day_first_page(text: str) -> bool:
    """Whether the page writes its slashed dates day first: it writes one whose first number cannot
    be a month (14/03/2024), or, when it writes one either order can read (04/03/2024), the dates it
    writes out put the day first ("4 March 2024") more often than the month ("March 4, 2024"): the
    site's order, read from the page itself."""
    if "/" not in text:  # a slashed date has a "/"
        return False
    if DAY_FIRST_PAGE.search(text):
        return True
    if not _AMBIGUOUS_SLASH.search(text):
        return False
    return len(_WRITTEN_DAY_FIRST.findall(text)) > len(_WRITTEN_MONTH_FIRST.findall(text))

#: A dated (label, iso) pair: the label is "published", "updated" or None.
Dated = tuple[str | None, str]


def line_dates(s: str, *, dayfirst: bool = False) -> tuple[tuple[int, int, str], ...]:
    """Return ``(start, end, iso)`` of the absolute dates in ``s``.

    Adds what :func:`~analysis.read.dates.find_dates` leaves out of page chrome: slashed dates whose first
    number is above 12 are day-first (``14/03/2024``), and on a page that writes such dates
    (``dayfirst``) every slashed date is read day-first.
    """
    return _line_dates(s, dayfirst)


# A line is read as a dateline, a byline, a stamp, a date candidate: its dates are found once (the
# cache key is the same whether ``dayfirst`` was given or left at its default).
@functools.lru_cache(maxsize=1024)
def _line_dates(s: str, dayfirst: bool) -> tuple[tuple[int, int, str], ...]:
    """:func:`line_dates`, cached by position."""
    if len(s) <= _NUMERIC_LINE_CHARS and (m := _NUMERIC_LINE.match(s)):
        iso = _numeric_line_iso(m, dayfirst)
        return ((m.start("a"), m.end("y"), iso),) if iso else ()
    if "/" not in s and not _YEAR_DIGITS.search(s):
        return ()  # every other date form has a year of four digits or a "/": most lines are read no further
    out = []
    for d in find_dates(s):
        iso = d.iso
        if dayfirst and d.form == "us_slash":
            mt = re.match(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", d.text)
            iso = _iso(mt.group(3), mt.group(2), mt.group(1)) if mt else None
        if iso:
            out.append((d.start, d.end, iso))
    for rx in (_DAY_FIRST, _YMD_DOT):
        for m in rx.finditer(s):
            if not any(a <= m.start() < b for a, b, _ in out):
                iso = _iso(m.group("y"), m.group("m"), m.group("d"))
                if iso:
                    out.append((m.start(), m.end(), iso))
    return tuple(sorted(out))


#: A line that is only a numeric date with dots or dashes, two-digit day and month, two- or
#: four-digit year ("10.15.15", "15-10-2015"): a stamp under a headline.  Alone on its line it is
#: no version number or score; inside a line such numbers are too often something else.
_NUMERIC_LINE = re.compile(r"^\s*(?P<a>\d\d)(?P<sep>[.-])(?P<b>\d\d)(?P=sep)(?P<y>\d\d|(?:19|20)\d\d)\s*$")
_NUMERIC_LINE_CHARS = 16


def _numeric_line_iso(m: re.Match, dayfirst: bool) -> str | None:
    """The date of a :data:`_NUMERIC_LINE`: day first when the first number cannot be a month, month
    first when the second cannot, else the order of the page's slashed dates (``dayfirst``), dots
    being day-first as :func:`~analysis.read.dates.find_dates` reads "12.10.2015"."""
    a, b, y = m.group("a"), m.group("b"), m.group("y")
    if int(a) > 12 or (int(b) <= 12 and (dayfirst or (m.group("sep") == "." and len(y) == 4))):
        a, b = b, a
    return _iso(y, a, b)


#: Two-digit years below this are 20xx, the others 19xx (the POSIX ``%y`` convention: "68" → 2068, "69" → 1969).
_CENTURY_PIVOT = 69


def _iso(y: str, m: str, d: str) -> str | None:
    year = int(y) + ((2000 if int(y) < _CENTURY_PIVOT else 1900) if len(y) == 2 else 0)
    try:
        return datetime.date(year, int(m), int(d)).isoformat()
    except ValueError:  # 30/02/2024
        return None


def _label_kind(label: str) -> str:
    lab = label.lower()
    return "updated" if any(k in lab for k in ("updat", "modif", "revis")) else "published"


def labelled_dates(s: str, found: tuple[tuple[int, int, str], ...]) -> list[Dated]:
    """Pair every date with the label word written just before it (after the previous date), if any."""
    out, prev = [], 0
    for a, b, iso in found:
        labels = list(_INLINE_LABEL.finditer(s, prev, a))
        out.append((_label_kind(labels[-1].group("label")) if labels else None, iso))
        prev = b
    return out


def without_dates(s: str, found: tuple[tuple[int, int, str], ...]) -> str:
    """``s`` with each found date replaced by a space."""
    for a, b, _ in reversed(found):
        s = s[:a] + " " + s[b:]
    return s


def date_line(s: str, *, dayfirst: bool = False) -> tuple[str, list[Dated], str | None] | None:
    """Classify ``s`` as a dateline.

    Returns ``(rule, dates, label)`` or None: ``dates`` pairs each date with its label
    (``published``/``updated``/None); ``label`` is the label of a label-only line ("Updated:").
    ``rule`` is ``date line`` (the line is mostly a date), ``date label`` (only a label or a relative
    time such as "3 hours ago") or ``labelled date`` (a short line with other words in which a date
    follows a published/updated label: "Published on Feb 1, 2024, at 6:32 pm (Paris)").
    """
    if len(s) > 160:
        return None
    m = _DATE_LABEL.match(s)
    label = _label_kind(m.group("label")) if m else None
    found = line_dates(s, dayfirst=dayfirst)
    if not found:
        if _RELATIVE_DATE.match(s):
            return DATE_LABEL, [], label
        if m and len(s) <= 90:
            rest = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", s[m.end() :])
            if not DATE_FILLER.sub("", rest).strip():
                return DATE_LABEL, [], label
        return None
    dates = labelled_dates(s, found)
    rest = without_dates(s, found)
    # Pages glue fields together when copied ("UTCUpdated", "GMT+1Updated"): split at case changes first.
    rest = re.sub(r"(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", rest)
    rest = _INLINE_LABEL.sub(" ", rest)
    residue = DATE_FILLER.sub("", rest)
    if len(re.sub(r"\W", "", residue)) <= 3 and len(s) <= 90:
        return DATE_LINE, dates, label
    if any(lab for lab, _ in dates) and len(s.split()) <= 20 and not SENT_END.search(s):
        return LABELLED_DATE, dates, label
    return None


def dated_header_lines(lines: list[Line], start: int, *, first: int = 0, dayfirst: bool = False) -> None:
    """Short unlabelled lines above the body (from line ``first``) that carry a date are datelines.

    "Brussels, 6 March 2024", "Source: Xinhua | 2024-03-06 15:32 | Editor: Liu": page chrome dated
    like a dateline (a caption with a date is a sentence, and has been labelled by its credit).
    """
    for ln in lines[first:start]:
        if ln.kind or ln.words > 20 or SENT_END.search(ln.text):
            continue
        found = line_dates(ln.text, dayfirst=dayfirst)
        if not found:
            continue
        rest = without_dates(ln.text, found)
        # A headline may name a date ("Talks on the March 6, 2024 attack"): chrome has separators or few words.
        if len(DATE_FILLER.sub(" ", rest).split()) <= 3 or re.search(r"[|•·/]|\s[–—-]\s", ln.text):
            ln.label("dateline", DATE_IN_HEADER)
            ln.extra["dates"], ln.extra["label"] = labelled_dates(ln.text, found), None
