"""Lines of a page copy and the shapes every other layout module reads.

Decides nothing about a line's kind: it splits the text into non-blank lines (each becomes one
block), records the page shape around each (indentation, paragraph group, bullet, nesting) and
answers the shape questions the other modules ask (is this a paragraph, a heading, a title-shaped
line, a row of links; are two lines the same text).  Reads only the text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from analysis.resources import read_lexicon

#: A line ending a sentence (closing quotes and brackets allowed after the mark).
SENT_END = re.compile(r"[.!?…][\"'”’)\]]*$")
#: Closing quotes and brackets that may follow a line's last punctuation mark.
CLOSERS = "\"'”’)]"
_SENT_MARKS = (".", "!", "?", "…")


def ends_sentence(text: str) -> bool:
    """Whether :data:`SENT_END` finds a match in ``text`` (a sentence mark, then only closing quotes
    and brackets, then the end or a final newline), told from the text's end instead of searched.

    >>> ends_sentence("The board met."), ends_sentence('He said "no."'), ends_sentence("Harbour Board")
    (True, True, False)
    """
    if text.rstrip(CLOSERS).endswith(_SENT_MARKS):
        return True
    return text.endswith("\n") and text[:-1].rstrip(CLOSERS).endswith(_SENT_MARKS)


#: A sentence boundary inside a line (for "one sentence or more").
SENT_SPLIT = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z“\"])")
#: A list-item mark opening a line ("- Published", "• Share"), with what follows it.
BULLET = re.compile(r"^(?:[-–*]\s+|[•·▪●◦‣►▶]\s*)(?=\S)")
_BULLET_MARK = re.compile(r"^(?:[•·▪●◦‣►▶]|[-–*]\s)")
#: A lower-case letter glued to a capital ("NewsPhotos", "PMTags"): inline elements a copy glued.
GLUED = re.compile(r"(?<=[a-z\d])(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z])")


#: What ``str.lower`` leaves but a case-insensitive pattern matches to an ASCII letter ("İ", "ı", "ſ", "K").
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLD_CHARS = "\u0130\u0131\u017f\u212a"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def ascii_words(s: str) -> bool:
    """Whether every word character of ``s`` (``\\w``: letters, digits, the underscore) is ASCII:
    then a pattern's word, letter and digit classes find in ``s`` what their ASCII forms find (its
    other characters, quotes and dashes, are no word characters in either).

    >>> ascii_words("The Harbour Board’s “plan” — 2031"), ascii_words("Café Korvel")
    (True, False)
    """
    return s.isascii() or _word_characters_ascii(s)


@functools.lru_cache(maxsize=4096)  # a line's text is read by its key, its stems and its shape
def _word_characters_ascii(s: str) -> bool:
    """:func:`ascii_words` of a text that is not all ASCII: none of its other characters is alphanumeric."""
    return not any(map(str.isalnum, set(_NON_ASCII.findall(s))))


def folded(s: str) -> str:
    """``s`` in lower case as a case-insensitive pattern reads it: a word a pattern with ``re.I``
    can find in ``s`` is a substring of ``folded(s)``."""
    if s.isascii() or not any(c in s for c in _FOLD_CHARS):
        return s.lower()
    return s.translate(_FOLD).lower()


@functools.cache
def chrome_words() -> frozenset[str]:
    """Lower-cased words of page furniture (``data/chrome_words.txt``)."""
    return frozenset(r[0].lower() for r in read_lexicon("chrome_words.txt") if r)


@dataclass
class Line:
    """One non-blank line of the page: offsets, text, the kind and rule it gets, and notes."""

    start: int
    end: int
    text: str
    kind: str = ""
    rule: str = ""
    extra: dict = field(default_factory=dict)
    #: The number of white-space separated words (the text never changes: counted once).
    words: int = field(init=False, repr=False)
    #: Whether the line has a body paragraph's shape (:func:`is_paragraph`, decided once).
    paragraph: bool = field(init=False, repr=False)
    #: Whether the line ends a sentence (:func:`ends_sentence`).
    sentence_end: bool = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.words = len(self.text.split())
        self.sentence_end = ends_sentence(self.text)
        self.paragraph = (self.words >= 8 and self.sentence_end) or self.words >= 25

    def label(self, kind: str, rule: str) -> None:
        """Set the line's kind and the rule that decided it."""
        self.kind, self.rule = kind, rule


def split_lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-blank line, stripped of surrounding whitespace."""
    spans = []
    for m in re.finditer(r"[^\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+", text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of paragraphs separated by blank lines."""
    spans = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)|\s*$)", text, re.S):
        spans.append(m.span())
    return spans


def page_shape(text: str, lines: list[Line]) -> None:
    """Record each line's indentation, paragraph group and bullet before any line is judged.

    ``group`` numbers runs of lines without a blank line between them (a chrome block is judged
    as a block); ``nested`` marks lines indented deeper than the page's paragraphs, weighted by
    words (list items and sidebars of pages laid out with tables), so a page whose every line is
    indented nests nothing.
    """
    group, prev_end = 0, 0
    for ln in lines:
        gap = text[prev_end : ln.start]
        # the last line break before the line: between the lines (a linear scan), else further up
        cut = max(text.rfind("\n", prev_end, ln.start), text.rfind("\r", prev_end, ln.start))
        line_start = (cut if cut >= 0 else max(text.rfind("\n", 0, ln.start), text.rfind("\r", 0, ln.start))) + 1
        group += len(re.findall(r"\r\n|\r|\n", gap)) >= 2
        ln.extra.update(indent=ln.start - line_start, group=group, bullet=bool(_BULLET_MARK.match(ln.text)))
        prev_end = ln.end
    weight: Counter = Counter()
    for ln in lines:
        if is_paragraph(ln):
            weight[ln.extra["indent"]] += ln.words
    base = weight.most_common(1)[0][0] if weight else 0
    deeper = sum(ln.extra["indent"] >= base + 2 for ln in lines)
    # One stray indented line (a copy starting with spaces) is no nesting: lists have several lines.
    for ln in lines:
        ln.extra["nested"] = deeper >= 2 and ln.extra["indent"] >= base + 2


def is_paragraph(line: Line) -> bool:
    """A body-paragraph shape: a sentence of some length, or a long run of words (:attr:`Line.paragraph`)."""
    return line.paragraph


def is_heading_shape(line: Line) -> bool:
    """A short capitalised line without closing punctuation: an in-story heading's shape."""
    t = line.text.rstrip(CLOSERS)
    return (
        1 <= line.words <= 14 and len(line.text) <= 120 and not re.search(r"[.!?,;:]$", t) and line.text[:1].isupper()
    )


def title_shape(line: Line) -> bool:
    """Three to thirty words, not too long, not a label ending with a colon."""
    return 3 <= line.words <= 30 and len(line.text) <= 250 and not line.text.endswith(":")


_NON_WORD = re.compile(r"\W+")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


#: Each byte of ASCII text: a word character in lower case, any other as a space (bytes above ASCII,
#: the "?" of a character :func:`ascii_words` lets ``encode`` replace, are no word characters either).
_ASCII_COMPARABLE = bytes(
    (ord(chr(c).lower()) if c < 128 and _NON_WORD.match(chr(c)) is None else 32) for c in range(256)
)


@functools.lru_cache(maxsize=4096)  # a line is compared as a title, a repeat of it, a page key
def comparable_text(s: str) -> str:
    """Lower case, runs of non-word characters as one space: for "is this the same line" tests
    (a title repeated as a heading, a title hint, an HTML page's <h1>).  A text whose word characters
    are ASCII (:func:`ascii_words`) is read as bytes: its other characters made spaces, its letters
    lower case, its words joined by one space, as the substitution gives them."""
    if ascii_words(s):
        return b" ".join(s.encode("ascii", "replace").translate(_ASCII_COMPARABLE).split()).decode("ascii")
    return _NON_WORD.sub(" ", s).strip().lower()


def content_words(s: str) -> list[str]:
    """The lower-cased words of four letters or more."""
    return [w.lower() for w in _CONTENT_WORD.findall(s)]


def link_row(s: str) -> bool:
    """A row of links repeating the site's name ("Agency On Facebook Agency On Twitter ...")."""
    words = s.lower().split()
    return len(words) >= 6 and len(set(words)) / len(words) < 0.7
