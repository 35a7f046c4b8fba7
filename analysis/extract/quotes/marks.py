"""Quote marks: which marks pair into quotations in one paragraph, and the paragraph with them masked.

Reads the article text only.  Curly, straight and doubled marks are paired per paragraph, single
quotes nested inside double ones and apostrophes inside words are left alone, and a quotation that
never closes runs to the paragraph end (the news convention for multi-paragraph quotes), so an odd
number of marks never shifts the pairing of later paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extract.quotes.kinds import MarkRule
from analysis.rules import Example

MASK = "\x1a"  # stands for every character of a quoted stretch in the masked text


# -- quote-mark pairing ---------------------------------------------------------------------------

MARK_RE = re.compile(r"``|''|[“”\"‘’'«»„‟‹›]")
_OPEN_DOUBLE = {"“", "«", "„", "``"}
_CLOSE_DOUBLE = {"”", "»", "‟"}
_AMBIG_DOUBLE = {'"', "''"}
_SINGLE = {"‘", "’", "'", "‹", "›"}
_OPENERS_BEFORE = set(" \t\n([{—–-/:;") | {""}


@dataclass
class QuoteSpan:
    """One paired (or unclosed) quotation, offsets into the text."""

    open: int  # offset of the opening mark
    inner_start: int
    inner_end: int
    close_end: int  # end of the closing mark (== inner_end when unclosed)
    rule: str  # the mark_rule value: closed, unclosed, single


def _side(text: str, i: int, j: int) -> tuple[str, str]:
    return (text[i - 1] if i > 0 else ""), (text[j] if j < len(text) else "")


def pair_quote_marks(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Pair the quote marks of one paragraph ``text[start:end]``.

    Double marks (curly, straight, doubled ``''``, guillemets) make quotations; single marks inside
    an open double quotation are nested quotes and are left alone; top-level single quotes pair only
    when one opens at a word start and one closes at a word end.  Apostrophes inside words are not
    marks.  A quotation still open at the paragraph end runs to it (``rule="unclosed"``).

    Parameters
    ----------
    text : str
        The article text.
    start, end : int
        The paragraph's span (default: the whole text).

    Returns
    -------
    list of QuoteSpan
        In text order; ``inner_start``/``inner_end`` exclude the marks.

    Examples
    --------
    >>> t = "He said “it’s ‘fine’ now” and left. She said \\"no"
    >>> [t[q.inner_start : q.inner_end] for q in pair_quote_marks(t)]
    ['it’s ‘fine’ now', 'no']
    """
    end = len(text) if end is None else end
    out: list[QuoteSpan] = []
    open_at: int | None = None  # offset of the open double mark
    open_len = 0
    single_at: int | None = None  # offset of an open top-level single mark
    for m in MARK_RE.finditer(text, start, end):
        mark, a, b = m.group(), m.start(), m.end()
        before, after = _side(text, a, b)
        if mark in _SINGLE:
            if open_at is None:  # inside a quotation: a nested quote or an apostrophe
                single_at = _single_mark(text, mark, a, b, single_at, out)
            continue
        is_open, is_close = _double_role(mark, before, after, open_at is None)
        if open_at is None:
            if is_open or (not is_close and after and not after.isspace()):
                open_at, open_len = a, b - a
                single_at = None
            # a stray closing mark with nothing open is ignored
            continue
        if is_close or not is_open or (before and not before.isspace()):
            # (an opening mark glued to a word while a quote is open is a mistyped closer)
            out.append(QuoteSpan(open_at, open_at + open_len, a, b, CLOSED.name))
            open_at = None
        else:
            # an opening mark after a space while a quote is open: the earlier quote never closed
            out.append(_unclosed(text, open_at, open_len, a))
            open_at, open_len = a, b - a
    if open_at is not None:
        out.append(_unclosed(text, open_at, open_len, end))
    out.sort(key=lambda q: q.open)
    out = [_trim_inner(text, q) for q in out]
    return [q for q in out if q.inner_end > q.inner_start and text[q.inner_start : q.inner_end].strip()]


def _single_mark(text: str, mark: str, a: int, b: int, single_at: int | None, out: list[QuoteSpan]) -> int | None:
    """Handle a top-level single mark at ``a:b``; return the offset of the single quote left open.

    It opens at a word start and closes at a word end; between two letters it is an apostrophe
    (``it’s``, ``Japan’s``) and changes nothing.
    """
    before, after = _side(text, a, b)
    word_before, word_after = before.isalnum(), after.isalnum()
    if word_before and word_after:
        return single_at
    if single_at is None:
        opens = mark in "‘'‹" and not word_before and (word_after or after in '“"$')
        return a if opens else None
    if mark in "’'›" and not word_after and not text[a - 1].isspace():
        if b - a and a > single_at + 1:
            out.append(QuoteSpan(single_at, single_at + 1, a, b, SINGLE.name))
        return None
    return single_at


def _double_role(mark: str, before: str, after: str, nothing_open: bool) -> tuple[bool, bool]:
    """Whether a double mark opens and whether it closes; a straight mark by the characters around it."""
    is_open = mark in _OPEN_DOUBLE
    is_close = mark in _CLOSE_DOUBLE
    if mark in _AMBIG_DOUBLE:
        if before in _OPENERS_BEFORE or before in "“‘(" or before.isspace():
            is_open = not (after == "" or after.isspace())
        if (before == "" or before.isspace()) and (after == "" or after.isspace()):
            is_open = nothing_open  # a tokenised copy spaces every mark (" word . "): they alternate
        is_close = not is_open
    return is_open, is_close


def _unclosed(text: str, open_at: int, open_len: int, stop: int) -> QuoteSpan:
    """A quotation opened at ``open_at`` that never closes: it runs to ``stop`` (spaces trimmed)."""
    while stop > open_at + open_len and text[stop - 1].isspace():
        stop -= 1
    return QuoteSpan(open_at, open_at + open_len, stop, stop, UNCLOSED.name)


def _trim_inner(text: str, q: QuoteSpan) -> QuoteSpan:
    """Spaces just inside the marks (a tokenised copy's '" a win . "') are not part of the quote."""
    a, b = q.inner_start, q.inner_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return q if (a, b) == (q.inner_start, q.inner_end) else QuoteSpan(q.open, a, b, q.close_end, q.rule)


DOUBLE_MARK_RE = re.compile(r"``|''|[“”\"«»„‟]")


def mask_quotes(text: str, start: int, end: int, quotes: list[QuoteSpan]) -> str:
    """``text[start:end]`` with every quoted stretch (marks included) replaced by ``MASK``."""
    pieces, pos = [], start
    for q in quotes:
        a = max(q.open, pos)
        b = max(q.close_end, q.inner_end, a)
        pieces.append(text[pos:a])
        pieces.append(MASK * (b - a))
        pos = b
    pieces.append(text[pos:end])
    return "".join(pieces)


# -- the mark_rule values ---------------------------------------------------------------------------

CLOSED = MarkRule(
    "closed",
    "an opening mark and its closing mark",
    Example(
        "“We will reopen the port,” Dana Korvel said.", {"mark_rule": "closed", "text": "We will reopen the port,"}
    ),
    pair_quote_marks,
)
UNCLOSED = MarkRule(
    "unclosed",
    "a quotation still open at its paragraph's end runs to it (it goes on in the next paragraph)",
    Example(
        "Dana Korvel said: “The port stays shut this week.\n\n“Next week it reopens,” she added.",
        {"mark_rule": "unclosed", "text": "The port stays shut this week."},
    ),
    pair_quote_marks,
)
SINGLE = MarkRule(
    "single",
    "top-level single quotes, one opening at a word start and one closing at a word end",
    Example("The Harbour Board called the plan ‘reckless’ on Monday.", {"mark_rule": "single", "text": "reckless"}),
    pair_quote_marks,
)
#: Speech a page writes without marks (set by :mod:`analysis.extract.quotes.unmarked`).
UNMARKED = MarkRule(
    "unmarked",
    "speech without quote marks (colon-introduced speech, readouts, dash-signed paragraphs)",
    Example(
        "The Minister said:\n\nWe will reopen the port and we will keep it open.",
        {"mark_rule": "unmarked", "text": "We will reopen the port and we will keep it open."},
    ),
)
MARK_RULES = (CLOSED, UNCLOSED, SINGLE, UNMARKED)
