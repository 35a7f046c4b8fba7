"""The line pass: the kinds a line's own text decides, before any line is read in context.

Decides, for every line, whether its text alone makes it page chrome, a dateline, a credit line, a
byline or a caption, trying the tests of :data:`LINE_TESTS` in their declared order (the first
that answers labels the line); then a credit standing alone on its line ("Getty Images",
"UNICEF/Jane Doe") makes the line below it a caption.  Reads the line text (a list-item mark
stripped) through :mod:`.chrome`, :mod:`.dates`, :mod:`.bylines` and :mod:`.captions`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.read.layout.bylines import BY, MAX_BYLINE_WORDS, byline, byline_names
from analysis.read.layout.captions import CAPTION_LEAD, caption_credit, credit_line
from analysis.read.layout.chrome import boilerplate_rule
from analysis.read.layout.dates import DATE_FILLER, date_line, labelled_dates, line_dates, without_dates
from analysis.read.layout.lines import BULLET, SENT_SPLIT, Line, is_paragraph
from analysis.read.layout.rules import (
    BYLINE_BY,
    BYLINE_NAME,
    CAPTION_LABEL,
    CREDIT_LINE,
    LABELLED_DATE,
    LINE_AFTER_PHOTO_CREDIT,
    PHOTO_CREDIT,
    PHOTO_CREDIT_LINE,
)

#: What a line test answers: (kind, rule, notes for the line's ``extra``), or None.
Verdict = tuple[str, str, dict] | None


class _Reading:
    """One line's text as the tests read it; its dateline reading is computed once, when first asked."""

    def __init__(self, s: str, dayfirst: bool) -> None:
        self.s, self.dayfirst = s, dayfirst
        self._date: tuple | None = None
        self._date_done = False

    def date(self) -> tuple | None:
        if not self._date_done:
            self._date, self._date_done = date_line(self.s, dayfirst=self.dayfirst), True
        return self._date


def _chrome(r: _Reading, ln: Line) -> Verdict:
    # no list-item mark removed (the same text): the line's own word count
    rule = boilerplate_rule(r.s, words=ln.words if len(r.s) == len(ln.text) else None)
    return ("boilerplate", rule, {}) if rule else None


def _dateline(r: _Reading, ln: Line, *, labelled: bool = False) -> Verdict:
    d = r.date()
    if d is None or (d[0] == LABELLED_DATE) != labelled:
        return None
    return "dateline", d[0], {"dates": d[1], "label": d[2]}


def _credit(r: _Reading, ln: Line) -> Verdict:
    # the length first: the search reads the whole line
    return ("credit", CREDIT_LINE, {}) if ln.words <= 40 and credit_line(r.s) else None


def _byline(r: _Reading, ln: Line) -> Verdict:
    b = byline(r.s, dayfirst=r.dayfirst)
    if b is not None:
        rule = BYLINE_BY if BY.match(r.s) else BYLINE_NAME
        return "byline", rule, {"authors": b[0], "outlet": b[1], "dates": b[2]}
    # "By Jane Doe Mar 4 at 11:20 AM Follow @janedoe", "March 4, 2024 at 9:41 AM ET by Jane Doe"
    loose = byline_names(r.s) if ln.words <= MAX_BYLINE_WORDS else None
    if loose is None or not loose.names or not loose.explicit or not _opens_byline(r.s):
        return None
    dates = labelled_dates(r.s, line_dates(r.s, dayfirst=r.dayfirst))
    return "byline", BYLINE_BY, {"authors": list(loose.names), "outlet": loose.org, "dates": dates}


def _opens_byline(s: str) -> bool:
    """"By" opens the line, or only a date, a time and their filler come before it."""
    m = re.search(r"\bby\b", s, re.I)
    if m is None:
        return False
    before = without_dates(s[: m.start()], line_dates(s[: m.start()]))
    return not DATE_FILLER.sub("", before).strip(" ,|·-–—")


def _labelled_dateline(r: _Reading, ln: Line) -> Verdict:
    return _dateline(r, ln, labelled=True)


def _caption(r: _Reading, ln: Line) -> Verdict:
    m = caption_credit(r.s)
    if not m and not CAPTION_LEAD.match(r.s):
        return None
    credit_only = bool(m) and not r.s[: m.start("credit")].strip(" .[(")
    return "caption", PHOTO_CREDIT if m else CAPTION_LABEL, {"credit_only": credit_only}


#: The line tests in the order they are tried: chrome first (a share bar is never a byline), a line
#: that is mostly a date before a credit or byline, a byline before a dateline whose date follows a
#: label among other words ("Posted on March 2 by Jane Doe"), a caption last.
LINE_TESTS: tuple[Callable[[_Reading, Line], Verdict], ...] = (
    _chrome,
    _dateline,
    _credit,
    _byline,
    _labelled_dateline,
    _caption,
)


def classify_patterns(lines: list[Line], *, dayfirst: bool = False) -> None:
    """Label the lines whose text alone decides their kind (then captions announced by a credit line)."""
    for ln in lines:
        reading = _Reading(BULLET.sub("", ln.text), dayfirst)  # list items of extracted HTML ("- Published")
        for test in LINE_TESTS:
            if (verdict := test(reading, ln)) is not None:
                kind, rule, extra = verdict
                ln.label(kind, rule)
                ln.extra.update(extra)
                break
    _captions_below_credits(lines)


def _captions_below_credits(lines: list[Line]) -> None:
    """A credit standing alone on its line ("Getty Images", "UNICEF/Jane Doe") introduces the caption below it."""
    for i, ln in enumerate(lines[:-2]):
        nxt, after = lines[i + 1], lines[i + 2]
        credit_alone = ln.extra.get("credit_only") or (ln.kind == "boilerplate" and ln.rule == PHOTO_CREDIT_LINE)
        if (
            credit_alone
            and not nxt.kind
            and 4 <= nxt.words <= 40
            and len(SENT_SPLIT.findall(nxt.text)) <= 1
            and not after.kind
            and is_paragraph(after)
        ):
            nxt.label("caption", LINE_AFTER_PHOTO_CREDIT)
