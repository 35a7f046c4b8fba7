"""Recognise the layout of text copied from a news page: title, caption, byline, dates, body...

Every non-blank line becomes exactly one block (nothing is dropped); each block gets a ``kind``
and the ``rule`` that decided it (a name of :func:`block_rules`).  The rules are general page
conventions, not positions in one file, applied in passes, one module each:

* :mod:`.lines` splits the lines and records the page shape (indentation, groups, bullets);
* :mod:`.patterns` labels what a line alone decides: page chrome (:mod:`.chrome`, the patterns
  of ``data/boilerplate.tsv``), datelines (:mod:`.dates`), credit lines and captions
  (:mod:`.captions`), bylines (:mod:`.bylines`);
* :mod:`.header` finds the first body paragraph, labels the title chosen by :mod:`.title` and the
  other header lines (names over roles, standfirst, chrome);
* :mod:`.body` labels bios, headings, paragraphs and trailing chrome; :mod:`.chrome` then labels
  end matter and captions above media labels;
* :mod:`.metadata` reads title, authors, dates, caption and credits from the labelled lines, with
  their provenance.

The publication date is read from the header (the lines above the body): a date labelled published
or posted, else the earliest unlabelled one, else an "Updated" one.  Only when the header has none:
the date opening the first paragraph ("Berne, 01.02.2024 - "), then a single "Published" date in the
footer.  Dates in related-article lists, comments, captions and the body are never used: no date is
better than a wrong one.
"""

from __future__ import annotations

import functools
from typing import Literal

import pandas as pd

from analysis.frames import frame
from analysis.read.layout.body import label_body
from analysis.read.layout.chrome import (
    boilerplate_rule,
    captions_by_media_label,
    chrome_rules,
    contact_blocks,
    end_matter,
)
from analysis.read.layout.dates import DAY_FIRST_PAGE, dated_header_lines
from analysis.read.layout.header import body_start, label_header, mark_title, no_source
from analysis.read.layout.lines import Line, comparable_text, page_shape, split_lines, split_paragraphs
from analysis.read.layout.metadata import empty_metadata, fill_metadata
from analysis.read.layout.patterns import classify_patterns
from analysis.read.layout.rules import BLOCK_RULES, PLAIN_LAYOUT, BlockRule
from analysis.rules import RuleTable

__all__ = [
    "BLOCK_COLUMNS",
    "Layout",
    "block_rules",
    "boilerplate_rule",
    "comparable_text",
    "recognise",
    "split_lines",
    "split_paragraphs",
]

BLOCK_COLUMNS = ["block_id", "kind", "start", "end", "text", "rule"]
Layout = Literal["auto", "plain"]


@functools.cache
def block_rules() -> RuleTable:
    """Every rule ``blocks.rule`` may name: the layout's own rules, then the page-chrome lexicon's."""
    rules: list[BlockRule] = [*BLOCK_RULES, *chrome_rules()]
    return RuleTable("blocks.rule", rules)


def recognise(text: str, *, layout: Layout = "auto", title_hint: str | None = None) -> tuple[pd.DataFrame, dict]:
    """Return the blocks table and metadata of ``text``.

    Parameters
    ----------
    text : str
        Article text as copied from a page (or extracted from HTML).
    layout : {"auto", "plain"}
        ``plain`` treats every blank-line separated paragraph as body (bare corpus text).
    title_hint : str, optional
        A title known from elsewhere (an HTML page's metadata); the line equal to it is the title.

    Returns
    -------
    (DataFrame, dict)
        ``block_id, kind, start, end, text, rule`` and the metadata dict.

    Examples
    --------
    >>> blocks, meta = recognise("Harbour Board Opens New Ferry Terminal\\nBy Dana Korvel\\n\\n"
    ...                          "The board opened the new terminal at Varnak on Monday, officials said.\\n")
    >>> blocks["kind"].tolist(), meta["authors"]
    (['title', 'byline', 'body'], ['Dana Korvel'])
    """
    meta = empty_metadata()
    if layout == "plain":
        lines = [Line(a, b, text[a:b], "body", PLAIN_LAYOUT) for a, b in split_paragraphs(text)]
        meta["provenance"] = {
            k: no_source("plain layout: every paragraph is body") for k in ("title", "published", "authors")
        }
        return _frame(lines), meta

    lines = [Line(a, b, text[a:b]) for a, b in split_lines(text)]
    page_shape(text, lines)
    # A page that writes 14/03/2024 writes its other slashed dates day-first too.
    dayfirst = bool(DAY_FIRST_PAGE.search(text))
    classify_patterns(lines, dayfirst=dayfirst)
    contact_blocks(lines)
    start = body_start(lines)
    dated_header_lines(lines, start, dayfirst=dayfirst)
    start = body_start(lines)
    t, start = mark_title(lines, start, title_hint, meta)
    label_header(lines, start, t)
    label_body(lines, start)
    end_matter(lines, start)
    captions_by_media_label(lines)
    fill_metadata(lines, meta, start)
    return _frame(lines), meta


def _frame(lines: list[Line]) -> pd.DataFrame:
    rows = [(i, ln.kind, ln.start, ln.end, ln.text, ln.rule) for i, ln in enumerate(lines)]
    return frame(
        {c: [r[k] for r in rows] for k, c in enumerate(BLOCK_COLUMNS)},
        dict.fromkeys(("block_id", "start", "end"), "int64"),
    )
