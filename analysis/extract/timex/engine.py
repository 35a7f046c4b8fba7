"""Find the temporal expressions of one sentence by walking the rule table, and build their rows.

The engine decides which rules are worth trying on a sentence (trigger words and gates), which
candidate wins where matches overlap (the longest, then the earlier rule, then the leftmost), the
final extent of each expression, its interval of days, and what a text carries from one sentence
to the next (the date mentioned last, the quarter in focus); it joins a time of day with the date
beside it.  It reads the sentence, the publication date, the pipeline's POS tags when a clause's
tense is needed (:class:`analysis.nlp.tense.Tense`) and :data:`.rules.RULES`.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from analysis.extract.timex.normalise import NEAR_CHARS, Context, Result, with_mod
from analysis.extract.timex.patterns import DIGIT
from analysis.extract.timex.rules import RULES, Rule
from analysis.extract.timex.values import (
    ADJACENT,
    NO_ANCHOR,
    PREVIOUS,
    PUBLICATION,
    duration_interval,
    format_value,
    interval,
    parse_value,
)
from analysis.nlp.tense import TaggedToken, Tense, future_cue_near
from analysis.read.dates import parse_date


@dataclass
class Timex:
    """One temporal expression: offsets into the searched string, TIMEX3 type/value, provenance."""

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str
    anchor: str = NO_ANCHOR
    resolved: bool = True
    date_start: str | None = None
    date_end: str | None = None
    mod: str | None = None


# -- which rules a sentence is worth trying ---------------------------------------------------------

#: The table as a plain tuple: indexed for every sentence, so the lookup stays cheap.
_RULES: tuple[Rule, ...] = tuple(RULES)


@functools.cache
def _pattern(i: int) -> re.Pattern:
    """The compiled pattern of rule ``RULES[i]`` (compiled on first use: a text needs few of them)."""
    return _RULES[i].compile()


@functools.cache
def _rule_index() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Return trigger word → indices of the rules it triggers, and the rules without triggers."""
    index: dict[str, list[int]] = {}
    untriggered = []
    for i, rule in enumerate(_RULES):
        if rule.triggers is None:
            untriggered.append(i)
            continue
        for w in rule.triggers:
            index.setdefault(w, []).append(i)
    return {w: tuple(v) for w, v in index.items()}, tuple(untriggered)


_WORD = re.compile(r"[a-z]+\d?|\d")
_DIGITS = frozenset("0123456789")


def _rules_to_try(s: str) -> list[int]:
    """Indices of the rules whose trigger words and gate ``s`` passes."""
    low = s.lower()
    words = set(_WORD.findall(low))
    if not words.isdisjoint(_DIGITS):  # digits are one-character words
        words.add(DIGIT)
    # a code of letters and digits is also its letters ("FY21" reads "fy2": also "fy"); "q1" stays
    words.update([w[:-1] for w in words if len(w) > 1 and w[-1] in _DIGITS])
    index, untriggered = _rule_index()
    todo = set(untriggered)
    for w in words:
        hit = index.get(w)
        if hit is not None:
            todo.update(hit)
    return [i for i in sorted(todo) if _RULES[i].gate is None or _RULES[i].gate(s, low, words)]


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
        chosen.append((a, b, _RULES[i], m))
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


# -- one sentence -------------------------------------------------------------------------------------


def _as_date(dct: str | datetime.date | None) -> datetime.date | None:
    if isinstance(dct, str):
        iso = parse_date(dct)
        return datetime.date.fromisoformat(iso) if iso else None
    return dct


def find_timexes(
    s: str,
    *,
    dct: str | datetime.date | None = None,
    ref: str | None = None,
    state: dict | None = None,
    tense_of: Callable[[int, int], str | None] | None = None,
    tags: Callable[[], list[TaggedToken]] | None = None,
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
    tense = Tense(s, tags, tense_of)
    out: list[Timex] = []
    for a, b, rule, m in _candidates(s):
        ctx = Context(dct=dct, ref=state.get("ref"), focus=state.get("focus"), tense=tense, span=(a, b))
        res = rule.normalise(m, ctx)
        if res is None:
            continue
        tx = _make_timex(s, a, b, rule, m, res, ctx)
        out.append(tx)
        _remember(state, tx, rule, dct)
    return _anchor_clock_times(s, _merge(s, out))


def _make_timex(s: str, a: int, b: int, rule: Rule, m: re.Match, res: Result, ctx: Context) -> Timex:
    """The expression of a normalised match: its extent trimmed, its interval and modifier filled in."""
    typ, value, anchor = res
    a, b = _trim(s, a, b, rule.trim)
    tx = Timex(a, b, s[a:b], typ, value, rule.name, anchor, not ctx.unresolved)
    tx.mod = with_mod(m.groupdict().get("mod"))
    if rule.interval_of_text is not None:
        tx.date_start, tx.date_end = rule.interval_of_text(tx.text)
    elif typ in ("DATE", "TIME") and tx.resolved:
        tx.date_start, tx.date_end = interval(value)
    elif typ == "DURATION" and ctx.dct is not None:
        pre = s[max(0, a - NEAR_CHARS) : a] + " " + tx.text
        future = "future" if future_cue_near(s, a, b) else None
        tx.date_start, tx.date_end = duration_interval(value, pre, future, ctx.dct)
        if tx.date_start:
            tx.anchor = PUBLICATION
    return tx


def _trim(s: str, a: int, b: int, lead_piece: re.Pattern | None) -> tuple[int, int]:
    """The extent without leading/trailing spaces and commas (and a rule's ``trim`` piece: TimeML)."""
    t = s[a:b]
    lead = len(t) - len(t.lstrip(" ,"))
    if lead_piece is not None:  # "in the past" → "the past"; "in recent years" stays whole
        lead += len(lead_piece.match(t[lead:]).group(0))
    trail = len(t) - len(t.rstrip(" ,"))
    return a + lead, b - trail


def _remember(state: dict, tx: Timex, rule: Rule, dct: datetime.date | None) -> None:
    """Keep a resolved date as the anchor of later anaphoric expressions, and the quarter in focus."""
    if tx.type != "DATE" or not tx.resolved or tx.anchor == PREVIOUS:
        return
    p = parse_value(tx.value)
    if not p or p[0] == "years":
        return
    state["ref"] = tx.value
    if rule.sets_focus and re.fullmatch(r"\d{4}-Q[1-4]", tx.value):
        # the latest completed quarter named: what a results report is about
        if tx.value > state.get("focus", "") and (dct is None or tx.value < format_value("quarter", dct)):
            state["focus"] = tx.value


# -- expressions side by side ---------------------------------------------------------------------------

_CLOCK = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T(?:\d\d:\d\d|MI)$")
_NEAR = re.compile(
    r"^\s*(?:,\s*|\s+(?:on|at|in)\s+|\s+)?(?:(?:about|around|approximately|roughly|some|just)\s+)?$", re.I
)


def _anchor_clock_times(s: str, tx: list[Timex]) -> list[Timex]:
    """A clock time takes its day from the date beside it ("last night at about 9:40",
    "10:05 p.m. Monday night"), not from the publication date."""
    for i, t in enumerate(tx):
        if t.type != "TIME" or t.anchor != PUBLICATION or not _CLOCK.match(t.value):
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
                t.anchor, t.date_start, t.date_end = ADJACENT, d.date_start, d.date_end
                break
    return tx


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
