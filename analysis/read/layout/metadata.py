"""Metadata read from the labelled lines: caption, photo credit, contributors, outlet, headings.

Decides nothing about the title, the dates or the authors (the rankings of :mod:`.headline`,
:mod:`.published` and :mod:`.authors` do): it fills the metadata dictionary's other fields from
the lines as labelled, the first caption and its credit, the names of a "... contributed to this
report" line, the outlet an author bio names, and the in-story headings.  Reads the labelled lines.
"""

from __future__ import annotations

import re

from analysis.read.layout.bylines import SPLIT_AUTHORS
from analysis.read.layout.captions import BIO_OUTLET, caption_parts
from analysis.read.layout.lines import Line


def empty_metadata() -> dict:
    """The metadata of a page that states nothing."""
    return {
        "title": None,
        "authors": [],
        "published": None,
        "updated": None,
        "outlet": None,
        "byline_org": None,
        "caption": None,
        "photo_credit": None,
        "contributors": [],
        "headings": [],
        "provenance": {},
    }


def line_metadata(lines: list[Line], meta: dict) -> None:
    """Fill caption and photo credit, contributors, outlet (from a bio) and headings from the lines."""
    for ln in lines:
        if ln.kind == "caption" and meta["caption"] is None:
            meta["caption"], meta["photo_credit"] = caption_parts(ln.text)
        elif ln.kind == "credit":
            m = re.match(r"^(?P<who>.+?)\s+contributed\b", ln.text)
            if m:
                meta["contributors"].extend(p for p in SPLIT_AUTHORS.split(m.group("who")) if p)
        elif ln.kind == "bio" and meta["outlet"] is None and (m := BIO_OUTLET.search(ln.text)):
            meta["outlet"] = re.sub(r"\s+(?:covering|who|where|and|since|in|on)\b.*$", "", m.group("outlet")).strip()
        elif ln.kind == "heading":
            meta["headings"].append(ln.text)
