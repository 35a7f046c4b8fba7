"""Turn a match of a calendar-date rule into a TIMEX3 type and value, and hold what normalisers share.

A normaliser reads one regular-expression match and a :class:`Context` (the publication date, the
date the text mentioned last, the quarter in focus, the clause's tense) and answers
``(type, value, anchor)``, or None to drop the match.  This module holds the context, the choice
of year for a month or day written without one (the publication date and the tense decide), the
modifier of "early"/"mid"/"late", and the normalisers of dates named by the calendar: absolute and
partial dates, months, years, decades, centuries, seasons, named periods and holidays.  Relative
expressions live in :mod:`.relative`, durations, recurrences and clock times in :mod:`.durations`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from analysis.extract.timex.values import (
    DECADE_NAMES,
    NO_ANCHOR,
    ORDINAL,
    PUBLICATION,
    SEASON,
    TIME_OF_DAY,
    format_value,
    holiday_date,
    holidays,
    named_periods,
)
from analysis.nlp.tense import Tense
from analysis.read.dates import MONTHS, to_iso

#: What a normaliser answers: TIMEX3 type, value, and what the value is anchored on.
Result = tuple[str, str, str]
#: Characters next to a match read for its neighbour words ("a quarter of", "within a week"): one or two words.
NEAR_CHARS = 12
#: How far (days) the tense may pull a partial date away from the nearest reading.
TENSE_REACH = 240
#: "of" after a quantity that makes it a share ("a quarter of the vote"), not a period of time.
SHARE_OF = re.compile(r"\s+of\s+(?!\d|this|last|next|fiscal|the\s+(?:year|fiscal|current))", re.I)


@dataclass
class Context:
    """What a normaliser knows beside its match: the DCT, the text so far, the clause's tense."""

    dct: datetime.date | None
    ref: str | None = None  # last resolved date value the text mentioned
    focus: str | None = None  # the first quarter the text named: what a financial report is about
    tense: Tense | None = None
    span: tuple[int, int] = (0, 0)
    unresolved: bool = field(default=False)


def tense_of(ctx: Context) -> str | None:
    """The tense of the clause around the match (None without a tense reader)."""
    return ctx.tense.at(*ctx.span) if ctx.tense else None


def is_future(ctx: Context) -> bool:
    """Whether the clause is in the future tense; a sentence with no future cue is not tagged for it."""
    if ctx.tense is None or not ctx.tense.maybe_future(*ctx.span):
        return False
    return tense_of(ctx) == "future"


def groups(m: re.Match) -> dict[str, str]:
    """The named groups of ``m`` that took part in the match."""
    return {k: v for k, v in m.groupdict().items() if v is not None}


def unresolved(ctx: Context, value: str, typ: str = "DATE") -> Result:
    """A relative value that needs the publication date, which is missing: keep it unresolved."""
    ctx.unresolved = True
    return typ, value, NO_ANCHOR


def rel_year(dct: datetime.date, yv: str) -> int:
    """The year of "this/last/next/the previous/the following year" seen from ``dct``."""
    return dct.year + (-1 if "last" in yv or "previous" in yv else 1 if "next" in yv or "following" in yv else 0)


def with_mod(mod: str | None) -> str | None:
    """The TIMEX3 ``mod`` (START, MID, END) of a modifier word ("early", "the end of"), or None."""
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


def _month_num(mon: str) -> int:
    return MONTHS[mon.rstrip(".").lower()]


def pick_year(ctx: Context, month: int, day: int | None, rel: str | None = None) -> int | None:
    """Choose the year of a month (and day) without one, from the DCT and the clause's tense."""
    if ctx.dct is None:
        return None
    dct = ctx.dct
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cands.append((y, datetime.date(y, month, day or 1)))
        except ValueError:
            continue
    if not cands:
        return None

    def key(d: datetime.date) -> tuple[int, int]:
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
    return _nearest_or_tense(ctx, cands, past, future, day)


def _nearest_or_tense(
    ctx: Context,
    cands: list[tuple[int, datetime.date]],
    past: list[tuple[int, datetime.date]],
    future: list[tuple[int, datetime.date]],
    day: int | None,
) -> int:
    """The year of the candidate nearest to the DCT, unless the tense points to one within reach.

    News mostly reports the recent past and the near future: the nearest candidate wins unless the
    clause's tense points the other way and that candidate is not too far off.
    """
    dct = ctx.dct
    nearest = min(cands, key=lambda c: (abs((c[1] - dct).days), c[0] > dct.year))

    def last_day(d: datetime.date) -> datetime.date:  # a month is past from its last day on
        return d if day is not None else d + relativedelta(months=1, days=-1)

    if all(
        (dct - last_day(d)).days > TENSE_REACH if d < dct else (d - dct).days > TENSE_REACH
        for y, d in cands
        if y != nearest[0]
    ):
        return nearest[0]  # no other reading within reach: the tense cannot change the answer
    tense = tense_of(ctx)
    if tense == "past" and past and (dct - last_day(max(past)[1])).days <= TENSE_REACH:
        return max(past)[0]
    if tense == "future" and future and (min(future)[1] - dct).days <= TENSE_REACH:
        return min(future)[0]
    return min(cands, key=lambda c: (abs((c[1] - dct).days), c[0] > dct.year))[0]


# -- normalisers of calendar dates: match + context -> (type, value, anchor) or None to drop it --------


def norm_absolute_date(m: re.Match, ctx: Context) -> Result | None:
    """"2/1/2023", "Jan. 31, 2023": the forms of :mod:`analysis.read.dates`."""
    iso = to_iso(m.lastgroup, m.groupdict())
    return ("DATE", iso, NO_ANCHOR) if iso else None


def norm_month_day(m: re.Match, ctx: Context) -> Result | None:
    """"Jan. 31", "31 January": the year comes from the publication date and the tense."""
    g = groups(m)
    mon, day = _month_num(g["mon"]), int(re.match(r"\d+", g["d"]).group())
    y = pick_year(ctx, mon, day)
    if y is None:
        return unresolved(ctx, f"XXXX-{mon:02d}-{day:02d}")
    try:
        return "DATE", datetime.date(y, mon, day).isoformat(), PUBLICATION
    except ValueError:
        return None


def norm_month_year(m: re.Match, ctx: Context) -> Result | None:
    """"March 2021"."""
    g = groups(m)
    return "DATE", f"{int(g['y']):04d}-{_month_num(g['mon']):02d}", NO_ANCHOR


def norm_month_range(m: re.Match, ctx: Context) -> Result | None:
    """"Nov-Feb 2021": the year closes the range, a wrap starts the year before."""
    g = groups(m)
    m1, m2, y = _month_num(g["m1"]), _month_num(g["m2"]), int(g["y"])
    return "DATE", f"{y - (m1 > m2):04d}-{m1:02d}/{y:04d}-{m2:02d}", NO_ANCHOR


def norm_tod_mod(m: re.Match, ctx: Context) -> Result | None:
    """"early in the evening": the part of the day, on the publication date."""
    code = TIME_OF_DAY[m.group("tod").lower()]
    if ctx.dct is None:
        return unresolved(ctx, f"XXXX-XX-XXT{code}", "TIME")
    return "TIME", f"{ctx.dct.isoformat()}T{code}", PUBLICATION


def norm_month_year_rel(m: re.Match, ctx: Context) -> Result | None:
    """"March of last year"."""
    g = groups(m)
    if ctx.dct is None:
        return unresolved(ctx, f"XXXX-{_month_num(g['mon']):02d}")
    y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
    return "DATE", f"{y:04d}-{_month_num(g['mon']):02d}", PUBLICATION


def norm_month(m: re.Match, ctx: Context) -> Result | None:
    """"in December", "last March": the year the tense (or "last"/"next") points to."""
    g = groups(m)
    mon = _month_num(g["mon"])
    rel = re.sub(r"\s+", " ", g.get("rel", ""))
    y = pick_year(ctx, mon, None, rel or None)
    if y is None:
        return unresolved(ctx, f"XXXX-{mon:02d}")
    return "DATE", f"{y:04d}-{mon:02d}", PUBLICATION


def norm_year(m: re.Match, ctx: Context) -> Result | None:
    """"1998", "fiscal 2021"."""
    return "DATE", f"{int(m.group('y')):04d}", NO_ANCHOR


def norm_fiscal_short(m: re.Match, ctx: Context) -> Result | None:
    """"fiscal '21": the two digits of a year in this or the last century."""
    y = int(m.group("y"))
    return "DATE", str(y + (2000 if y < 50 else 1900)), NO_ANCHOR


def norm_decade(m: re.Match, ctx: Context) -> Result | None:
    """"the 1980s", "the '90s", "the sixties" (the century nearest before the publication date)."""
    g = groups(m)
    if g.get("c"):
        return "DATE", f"{g['c']}{g['d']}", NO_ANCHOR
    d = g.get("d2")
    if d is None:
        d = str(DECADE_NAMES.index(g["w"].lower()) + 2)
    # the century whose decade is nearest before the publication date (1999 stands in for a missing one)
    base = ctx.dct.year if ctx.dct else 1999
    c = base // 100
    if int(f"{c}{d}0") > base:
        c -= 1
    return "DATE", f"{c}{d}", PUBLICATION if ctx.dct else NO_ANCHOR


def norm_century(m: re.Match, ctx: Context) -> Result | None:
    """"the 19th century" → ``18``."""
    n = m.group("n").lower()
    k = int(re.match(r"\d+", n).group()) if n[0].isdigit() else ORDINAL.get(n)
    return ("DATE", f"{k - 1:02d}", NO_ANCHOR) if k else None


_SEASONS = ["SP", "SU", "FA", "WI"]


def norm_season(m: re.Match, ctx: Context) -> Result | None:
    """"last summer", "spring 2021", "this winter"."""
    g, dct = groups(m), ctx.dct
    s = SEASON[(g.get("s") or g.get("s2")).lower()]
    if g.get("y") or g.get("y2"):
        yv = (g.get("y") or g.get("y2")).lower()
        if yv.isdigit():
            return "DATE", f"{yv}-{s}", NO_ANCHOR
        if dct is None:
            return unresolved(ctx, f"XXXX-{s}")
        return "DATE", f"{rel_year(dct, yv)}-{s}", PUBLICATION
    if dct is None:
        return unresolved(ctx, f"XXXX-{s}")
    rel = (g.get("rel") or "").lower()
    cur = format_value("season", dct)
    cur_y = int(cur[:4])
    si, ci = _SEASONS.index(s), _SEASONS.index(cur[5:])
    if rel.startswith("this") and "past" not in rel and "coming" not in rel:
        tense = None
    elif rel in ("last", "past", "this past"):
        tense = "past"
    elif rel in ("next", "coming", "this coming"):
        tense = "future"
    else:
        tense = tense_of(ctx)
    if rel.startswith("this") and tense is None:
        y = cur_y
    elif tense == "future":
        y = cur_y if si > ci else cur_y + 1
    elif tense == "past" or rel:
        y = cur_y if si < ci else cur_y - 1
    else:
        y = cur_y
    return "DATE", f"{y}-{s}", PUBLICATION


def norm_named_period(m: re.Match, ctx: Context) -> Result | None:
    """"the Great Depression": its value from ``periods.tsv``."""
    return "DATE", named_periods()[m.group(0)][2], NO_ANCHOR


def named_period_interval(text: str) -> tuple[str, str]:
    """The first and last day of a named period, from ``periods.tsv``."""
    start, end, _ = named_periods()[text]
    return start, end


def norm_holiday(m: re.Match, ctx: Context) -> Result | None:
    """"Christmas", "last Thanksgiving": the occurrence the tense points to."""
    rule = holidays()[m.group("h").lower()]
    rel = (m.group("rel") or "").lower()
    dct = ctx.dct
    if dct is None:
        return unresolved(ctx, "XXXX-" + (rule if "-" in rule and ":" not in rule else "XX-XX"))
    tense = "past" if rel == "last" else "future" if rel == "next" else None if rel == "this" else tense_of(ctx)
    cands = [holiday_date(rule, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if tense == "past":
        d = max(c for c in cands if c <= dct)
    elif tense == "future":
        d = min(c for c in cands if c >= dct)
    elif rel == "this":
        d = cands[1]
    else:
        d = min(cands, key=lambda c: abs((c - dct).days))
    return "DATE", d.isoformat(), PUBLICATION
