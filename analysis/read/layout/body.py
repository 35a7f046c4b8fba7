"""The body: which lines below the header are the story, its headings, author bios and trailing chrome.

Decides, for every unlabelled line from the body start on, whether it is an author bio (it names
an author of the byline, or a name closing the story, and says what they do) or its continuation,
an in-story heading (a short unpunctuated line before a paragraph), trailing chrome (a short line
after the last paragraph) or a body paragraph.  Reads the lines with the kinds the line pass and
the header gave, and the authors of the bylines.
"""

from __future__ import annotations

import re

from analysis.read.layout.captions import BIO_ROLE, PRONOUN_START
from analysis.read.layout.lines import Line, is_heading_shape, is_paragraph
from analysis.read.layout.rules import (
    AUTHOR_BIO,
    BIO_CONTINUATION,
    PARAGRAPH,
    SHORT_LINE_BEFORE_PARAGRAPH,
    TRAILING_CHROME,
)


def _author_openings(authors: list[str]) -> tuple[str, ...]:
    """How a bio of one of ``authors`` opens, in lower case: the full name, or the surname and a space."""
    return tuple(sorted({a.lower() for a in authors} | {a.split()[-1].lower() + " " for a in authors if a.split()}))


def _is_bio(s: str, openings: tuple[str, ...], closing: bool) -> bool:
    """``s`` opens with an author's name (``openings``, :func:`_author_openings`; or, ``closing`` the
    story, any name) and says what they do."""
    # the role search reads the whole paragraph: it comes after the tests of its opening
    return bool(
        (openings and s.lower().startswith(openings))
        or (closing and re.match(r"^[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3} (?:is|was|has|serves)\b", s))
    ) and bool(BIO_ROLE.search(s))


def label_body(lines: list[Line], start: int) -> None:
    """Label the unlabelled lines from ``start`` on: bios, headings, trailing chrome, paragraphs."""
    last_para = max(
        (i for i in range(start, len(lines)) if not lines[i].kind and is_paragraph(lines[i])), default=start
    )
    openings = _author_openings([a for ln in lines if ln.kind == "byline" for a in ln.extra.get("authors", [])])
    prev_bio = False
    for i in range(start, len(lines)):
        ln = lines[i]
        if ln.kind:
            prev_bio = False
            continue
        is_bio = _is_bio(ln.text, openings, i > last_para - 1)
        if is_bio or (prev_bio and PRONOUN_START.match(ln.text)):
            ln.label("bio", AUTHOR_BIO if is_bio else BIO_CONTINUATION)
            prev_bio = True
            continue
        prev_bio = False
        nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].kind != "boilerplate"), None)
        if is_heading_shape(ln) and nxt is not None and not nxt.kind and is_paragraph(nxt) and i < last_para:
            ln.label("heading", SHORT_LINE_BEFORE_PARAGRAPH)
        elif i > last_para and not is_paragraph(ln):
            ln.label("boilerplate", TRAILING_CHROME)
        else:
            ln.label("body", PARAGRAPH)
