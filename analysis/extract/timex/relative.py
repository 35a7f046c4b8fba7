"""Turn a match of a relative-date rule into a TIMEX3 type and value.

Relative expressions count from an anchor: the publication date ("yesterday", "last week", "on
Friday", "two years ago", "this weekend") or the date the text mentioned last ("a year earlier",
"the following month", "that evening"), and in a results report the quarter in focus ("the
year-ago period", "the latest quarter").  Each normaliser here reads its match and the
:class:`~.normalise.Context` and answers ``(type, value, anchor)`` or None; without a publication
date the value stays unresolved (``XXXX-WXX``).
"""

from __future__ import annotations

import datetime
import re

from dateutil.relativedelta import relativedelta

from analysis.extract.timex.normalise import (
    NEAR_CHARS,
    SHARE_OF,
    Context,
    Result,
    groups,
    is_future,
    rel_year,
    tense_of,
    unresolved,
)
from analysis.extract.timex.values import (
    DELTA,
    GRAN_OF_UNIT,
    NO_ANCHOR,
    ORDINAL,
    PREVIOUS,
    PUBLICATION,
    TIME_OF_DAY,
    WEEKDAYS,
    duration_value,
    format_value,
    number_of,
    parse_value,
)

_YEAR_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends|to\s+(?-i:[A-Z]))\b", re.I)

# -- quarters and halves ----------------------------------------------------------------------------


def norm_quarter_code(m: re.Match, ctx: Context) -> Result | None:
    """"Q3 2022", "FY Q1": the quarter, its year from the text or the DCT."""
    g = groups(m)
    q = int(g["q"])
    if g.get("y"):
        return "DATE", f"{g['y']}-Q{q}", NO_ANCHOR
    return _quarter(ctx, q, None, m.group(0).lower())


_QUARTER_WORDS = re.compile(
    r"first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past|previous|recent|same|year-earlier|"
    r"year-ago|comparable|\d{4}"
)


def norm_quarter(m: re.Match, ctx: Context) -> Result | None:
    """"the second quarter", "the first half of 2022", "the latest quarter"."""
    g, text = groups(m), m.group(0).lower()
    before = m.string[max(0, m.start() - NEAR_CHARS) : m.start()].lower()
    bare = re.match(r"(?:the\s+)?(?:quarter|half)\b", text) is not None
    if (bare and re.search(r"\b(?:a|one|three|two|first|1st)[\s-]+$", before)) or SHARE_OF.match(
        m.string[m.end() : m.end() + NEAR_CHARS].lower()
    ):
        return None  # "a quarter of the vote", "one half"
    half = g["half"].lower() == "half"
    if half and not re.search(r"first|second|1st|2nd|last|final|latest|\d", text):
        return None
    q = year = None
    for w in _QUARTER_WORDS.findall(text.split("quarter")[0].split("half")[0]):
        if w.isdigit():
            year = int(w)
        elif w in ORDINAL:
            q = ORDINAL[w] if w not in ("last", "final") or "half" not in text else 2
    if g.get("y"):
        yv = g["y"].lower()
        if yv.isdigit():
            year = int(yv)
        elif ctx.dct:
            year = rel_year(ctx.dct, yv)
    return _quarter(ctx, q, year, text, half=half)


def _quarter(ctx: Context, q: int | None, year: int | None, text: str, *, half: bool = False) -> Result | None:
    """The quarter (or half) ``q`` of ``year``, either missing: taken from the text's focus or the DCT."""
    dct = ctx.dct
    unit = "H" if half else "Q"
    n_units = 2 if half else 4
    if q is not None and q > n_units:
        return None
    anchor = NO_ANCHOR
    if year is None:
        if "year-earlier" in text or "year-ago" in text or "comparable" in text or "same" in text:
            ref = ctx.ref
            p = parse_value(ref) if ref else None
            if p and p[0] in ("quarter", "half"):
                return "DATE", format_value(p[0], p[1] - relativedelta(years=1)), PREVIOUS
            if dct is None:
                return None
        if dct is None:
            return unresolved(ctx, f"XXXX-{unit}{q or 'X'}")
        cur = (dct.month - 1) // (12 // n_units) + 1
        anchor = PUBLICATION
        if q is None:
            return _unnumbered_quarter(ctx, text, unit, cur, n_units)
        if q <= cur:
            year = dct.year
        else:
            year = dct.year if is_future(ctx) else dct.year - 1
    if q is None:
        return "DATE", f"{year}-{unit}X", anchor
    return "DATE", f"{year}-{unit}{q}", anchor


def _unnumbered_quarter(ctx: Context, text: str, unit: str, cur: int, n_units: int) -> Result:
    """"the current quarter", "the quarter", "the latest quarter" (``cur``: the DCT's quarter or half)."""
    anchor = PUBLICATION
    if re.search(r"\b(?:current|this)\b", text):
        return "DATE", f"{ctx.dct.year}-{unit}{cur}", anchor
    ref = ctx.ref
    p = parse_value(ref) if ref else None
    if p and p[0] == ("half" if unit == "H" else "quarter") and not re.search(r"latest|recent|past|previous|last", text):
        return "DATE", ref, PREVIOUS
    # "the quarter", "the latest quarter": the last completed one
    prev = cur - 1
    y = ctx.dct.year
    if prev == 0:
        prev, y = n_units, y - 1
    return "DATE", f"{y}-{unit}{prev}", anchor


def norm_year_ago_adj(m: re.Match, ctx: Context) -> Result | None:
    """"the year-earlier period": the period in focus, a year before."""
    ref = ctx.focus or ctx.ref or (ctx.dct and ctx.dct.isoformat())
    if ref is None:
        return unresolved(ctx, "XXXX")
    p = parse_value(ref)
    if p is None or p[0] == "years":
        return None
    gran = p[0] if p[0] in ("quarter", "half", "year", "month") else "year"
    return "DATE", format_value(gran, p[1] - relativedelta(years=1)), PREVIOUS if ctx.ref else PUBLICATION


def norm_period(m: re.Match, ctx: Context) -> Result | None:
    """"the latest period", "the 2021 period": the quarter the report is about."""
    y = m.group("y")
    if y and ctx.focus:
        return "DATE", f"{y}{ctx.focus[4:]}", PREVIOUS
    if y:
        return "DATE", y, NO_ANCHOR
    if ctx.focus:
        return "DATE", ctx.focus, PREVIOUS
    return None


def norm_the_year(m: re.Match, ctx: Context) -> Result | None:
    """"the year": the publication year, or twelve months in "the year ended June 30"."""
    if _YEAR_ENDED.match(m.string, m.end()):
        return "DURATION", "P1Y", NO_ANCHOR  # "the year ended June 30": the twelve months before that date
    if ctx.dct is None:
        return unresolved(ctx, "XXXX")
    return "DATE", f"{ctx.dct.year:04d}", PUBLICATION


# -- weekdays and days -----------------------------------------------------------------------------


def _weekday_index(wd: str) -> int:
    """Monday = 0 for a weekday name or abbreviation."""
    wd = wd.lower().rstrip(".")
    return next(i for i, w in enumerate(WEEKDAYS) if w.startswith(wd[:3]))


def norm_set_weekday(m: re.Match, ctx: Context) -> Result | None:
    """"every Monday", "on Mondays": a recurrence."""
    g, text = groups(m), m.group(0).lower()
    if text.startswith("on") and not g.get("pl") and not text.endswith("s"):
        return None  # "on Monday" is a date: handled by the weekday rule
    tod = TIME_OF_DAY.get((g.get("tod") or "").lower())
    return "SET", f"XXXX-WXX-{_weekday_index(g['wd']) + 1}" + (f"T{tod}" if tod else ""), NO_ANCHOR


def norm_weekday(m: re.Match, ctx: Context) -> Result | None:
    """"on Friday", "last Tuesday", "Monday morning": the day of the publication week the tense points to."""
    g, dct = groups(m), ctx.dct
    if g.get("pl"):
        return norm_set_weekday(m, ctx)  # "Mondays"
    idx = _weekday_index(g["wd"])
    tod = TIME_OF_DAY.get((g.get("tod") or "").lower())
    if dct is None:
        return unresolved(ctx, "XXXX-WXX-" + str(idx + 1))
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    diff = idx - dct.weekday()
    if rel in ("last", "past", "this past"):
        diff = diff - 7 if diff >= 0 else diff
    elif rel in ("next", "coming", "this coming"):
        diff = diff + 7 if diff <= 0 else diff
    elif rel != "this" and diff != 0:
        if is_future(ctx):
            diff = diff + 7 if diff < 0 else diff
        else:
            diff = diff - 7 if diff > 0 else diff
    d = dct + datetime.timedelta(days=diff)
    if tod or g.get("tod", "").lower() in ("midnight", "noon"):
        t = {"midnight": "24", "noon": "12:00"}.get(g.get("tod", "").lower(), tod)
        return "TIME", f"{d.isoformat()}T{t}", PUBLICATION
    return "DATE", d.isoformat(), PUBLICATION


_DEICTIC_OFFSET = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}


def norm_deictic(m: re.Match, ctx: Context) -> Result | None:
    """"today", "yesterday evening", "the day after tomorrow"."""
    g = groups(m)
    w = re.sub(r"\s+", " ", g["w"].lower())
    off = _DEICTIC_OFFSET.get(w)
    if off is None:
        off = -2 if "before" in w else 2
    tod = TIME_OF_DAY.get((g.get("tod") or "").lower()) or ("NI" if w in ("tonight", "overnight") else None)
    if ctx.dct is None:
        return unresolved(ctx, "XXXX-XX-XX" + (f"T{tod}" if tod else ""), "TIME" if tod else "DATE")
    d = (ctx.dct + datetime.timedelta(days=off)).isoformat()
    if tod:
        return "TIME", f"{d}T{tod}", PUBLICATION
    return "DATE", d, PUBLICATION


def norm_deictic_tod(m: re.Match, ctx: Context) -> Result | None:
    """"this morning", "last night", "that evening" (the day last mentioned)."""
    rel = m.group("rel").lower()
    tod = TIME_OF_DAY[m.group("tod").lower()]
    if rel == "that":
        base = ctx.ref if ctx.ref and parse_value(ctx.ref) and parse_value(ctx.ref)[0] == "day" else None
        if base is None:
            return None
        return "TIME", f"{base}T{tod}", PREVIOUS
    off = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if ctx.dct is None:
        return unresolved(ctx, f"XXXX-XX-XXT{tod}", "TIME")
    return "TIME", f"{(ctx.dct + datetime.timedelta(days=off)).isoformat()}T{tod}", PUBLICATION


# -- units counted from an anchor ---------------------------------------------------------------------

#: Relative words of relative_unit that count from the date last mentioned, not from the DCT.
_ANAPHORIC_REL = frozenset(
    ["the previous", "the following", "the next", "the same", "that", "the prior", "a year earlier", "the year-earlier", "the year-ago"]
)


def norm_relative_unit(m: re.Match, ctx: Context) -> Result | None:
    """"last week", "this year", "the following month", "a year earlier"."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    gran = GRAN_OF_UNIT[unit]
    if rel in _ANAPHORIC_REL:
        return _anaphoric_unit(ctx, rel, unit, gran)
    dct = ctx.dct
    if dct is None:
        return unresolved(ctx, {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(gran, "XXXX"))
    n = {"this": 0, "the current": 0, "last": -1, "next": 1, "this past": -1, "this coming": 1}[rel]
    if unit == "weekend":
        base = dct + datetime.timedelta(days=5 - dct.weekday())
        if rel in ("last", "this past"):
            base = base - datetime.timedelta(days=7)
        elif rel in ("next", "this coming"):
            base = base + datetime.timedelta(days=7)
        return "DATE", format_value("weekend", base), PUBLICATION
    return "DATE", format_value(gran, dct + DELTA[unit] * n), PUBLICATION


def _anaphoric_unit(ctx: Context, rel: str, unit: str, gran: str) -> Result | None:
    """"the following month": counted from the date last mentioned (the DCT when none was)."""
    ref = ctx.ref
    if ref is None:
        if ctx.dct is None:
            return unresolved(ctx, "XXXX")
        ref, anchor = ctx.dct.isoformat(), PUBLICATION
    else:
        anchor = PREVIOUS
    p = parse_value(ref)
    if p is None:
        return None
    if rel in ("a year earlier", "the year-earlier", "the year-ago"):
        return "DATE", format_value(gran, p[1] - relativedelta(years=1)), anchor
    n = {"the previous": -1, "the prior": -1, "the following": 1, "the next": 1}.get(rel, 0)
    return "DATE", format_value(gran, p[1] + DELTA[unit] * n), anchor


def norm_weekend(m: re.Match, ctx: Context) -> Result | None:
    """"this weekend", "last weekend", "the weekend" (the tense picks the past or coming one)."""
    dct = ctx.dct
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if dct is None:
        return unresolved(ctx, "XXXX-WXX-WE")
    base = dct + datetime.timedelta(days=5 - dct.weekday())
    tense = "past" if rel in ("last", "this past") else "future" if rel in ("next", "this coming") else None
    if rel in ("the", "that", "this"):
        tense = tense or tense_of(ctx)
        if tense == "past" and dct.weekday() < 5:
            base -= datetime.timedelta(days=7)
    elif tense == "past":
        base -= datetime.timedelta(days=7)
    elif rel == "next":
        base += datetime.timedelta(days=7) if dct.weekday() >= 5 else datetime.timedelta(0)
    return "DATE", format_value("weekend", base), PUBLICATION


def norm_ago(m: re.Match, ctx: Context) -> Result | None:
    """"two years ago" (from the DCT), "a month later" (from the date last mentioned)."""
    g = groups(m)
    n = number_of(g["n"]) or "X"
    unit = g["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    direction = re.sub(r"\s+", " ", g["dir"].lower())
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    if unit in ("hour", "minute", "second"):
        return "DURATION", duration_value(n, unit), NO_ANCHOR
    gran = GRAN_OF_UNIT.get(unit, "day")
    anaphoric = direction in ("earlier", "later", "before", "after")
    base, anchor = (ctx.ref, PREVIOUS) if anaphoric and ctx.ref else (ctx.dct and ctx.dct.isoformat(), PUBLICATION)
    if base is None:
        return unresolved(ctx, {"year": "XXXX", "month": "XXXX-XX"}.get(gran, "XXXX-XX-XX"))
    p = parse_value(base)
    if p is None or p[0] == "years":
        return None
    # "a year ago" in a text about quarters means the same quarter a year before
    if gran == "year" and ctx.ref and p[0] != "quarter":
        pr = parse_value(ctx.ref)
        if pr and pr[0] == "quarter" and not anaphoric:
            p, anchor = pr, PREVIOUS
        elif ctx.focus and n == "1":
            p, anchor = parse_value(ctx.focus), PREVIOUS
    if gran == "year" and p[0] in ("quarter", "half", "month") and anchor == PREVIOUS:
        gran = p[0]
    if n == "X" or not n.replace(".", "").isdigit() or "." in n:
        # "a few years ago": only the coarser unit is known ("201X")
        value = format_value(gran, p[1])[: {"year": 3, "decade": 2}.get(gran, 4)] + ("X" if gran in ("year", "decade") else "")
        return "DATE", value, anchor
    return "DATE", format_value(gran, p[1] + DELTA[unit] * (sign * int(n))), anchor
