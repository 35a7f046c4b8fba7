"""The story's extent: which body blocks are the story and which are page chrome among it.

Decides, for every line the body pass labelled a paragraph or a heading, whether it is the story or
page chrome (reader comments, share and follow buttons, summaries of other stories, player and
sign-up notices), from features of the line and its neighbours: its length and sentence shape,
function and chrome words, capitals and glued words, how often it recurs, its place relative to
the title, the body start, the story's core and the last paragraph, the paragraph words around it,
whether a "Related"/comments chrome line precedes it, comment and teaser shapes, and the words it
shares with the title.  The fitted story weights give a probability; below the model's threshold
the line becomes ``boilerplate`` with the rule ``chrome among the story`` (labelled, never
deleted), so entities, quotes, timeline and terms never read it; so do the datelines and bylines
below the story's end and a "Related"/comments line (other articles', readers' dates and names).  Reads the labelled lines, the
:class:`~.page.Page` measures and the story model.
"""

from __future__ import annotations

import math
import re

import numpy as np

from analysis.read.layout.lines import Line
from analysis.read.layout.model import LinearModel
from analysis.read.layout.page import SHAPE_NAMES, Page
from analysis.read.layout.published import Frame
from analysis.read.layout.rules import COMMENTS_LINK, RELATED_LINKS, STORY_CHROME

_COMMENT = re.compile(r"\b(?:reply|replies|says?:|said:|wrote:|ago|likes?|upvote|report|flag|permalink|login|log in)\b", re.I)
_TEASER = re.compile(r"(?:\.\.\.|…)\s*$|^\d+\.?\s|^(?:watch|video|photos?|gallery|listen|read)\b", re.I)
_MARKERS = {RELATED_LINKS, COMMENTS_LINK}

#: The features of a story candidate block, in the order of the weights.
STORY_FEATURES = (
    "log_words",
    "paragraph_shape",
    "heading",
    *SHAPE_NAMES,
    "sentences",
    "repeats",
    "position",
    "from_start",
    "to_end",
    "in_core",
    "after_end",
    "para_words_around",
    "paragraphs_around",
    "prev_paragraph",
    "next_paragraph",
    "after_marker",
    "marker_recent",
    "comment_words",
    "teaser",
    "title_echo",
    "short_run",
)


#: What each feature's meaning says of its weight: +1 for the story, -1 for chrome among it.
STORY_SIGNS = {
    **dict.fromkeys(("paragraph_shape", "stop_share", "sentences", "in_core", "para_words_around", "paragraphs_around"), 1),
    **dict.fromkeys(("chrome_share", "glued", "after_end", "after_marker", "marker_recent", "comment_words", "teaser", "short_run"), -1),
}  # fmt: skip


def story_lines(lines: list[Line], start: int) -> list[int]:
    """The lines the story model judges: paragraphs and headings from the body start on."""
    return [i for i in range(start, len(lines)) if lines[i].kind in ("body", "heading")]


def story_features(page: Page, idx: list[int], frame: Frame) -> np.ndarray:
    """The feature matrix of the judged lines (columns :data:`STORY_FEATURES`)."""
    lines = page.lines
    title_stems = page.stems[frame.title] if frame.title is not None else frozenset()
    first = frame.story_start
    markers = _marker_seen(lines, first)
    recent = _marker_recent(page, first)
    span = max(frame.end - first, 1)
    core_a, core_b = page.prose_core
    rows = []
    for i in idx:
        ln = lines[i]
        around = [j for j in page.near(i, 3, 3) if j != i]
        stems = page.stems[i]
        rows.append(
            [
                math.log1p(ln.words),
                bool(page.para[i]),
                ln.kind == "heading",
                *page.shape(i),
                math.log1p(len(re.findall(r"[.!?](?:\s|$)", ln.text))),
                min(page.repeats[i], 3.0),
                (i - first) / span,
                math.log1p(i - first),
                math.log1p(max(frame.end - i, 0)),
                core_a <= i <= core_b,
                i > frame.end,
                math.log1p(sum(page.prose[j] for j in around)),
                sum(bool(page.prose[j]) for j in around) / max(len(around), 1),
                i > 0 and bool(page.para[i - 1]),
                i + 1 < page.n and bool(page.para[i + 1]),
                markers[i],
                recent[i],
                len(_COMMENT.findall(ln.text)) / max(ln.words, 1),
                bool(_TEASER.search(ln.text)),
                sum(s in title_stems for s in stems) / len(stems) if stems else 0.0,
                _short_run(page, i),
            ]
        )
    return np.array(rows, dtype=float).reshape(len(idx), len(STORY_FEATURES))


def _marker_seen(lines: list[Line], start: int) -> list[bool]:
    """For each line, whether a "Related" or comments chrome line at or after the body start precedes it."""
    out, seen = [], False
    for i, ln in enumerate(lines):
        out.append(seen)
        seen = seen or (i >= start and ln.rule in _MARKERS)
    return out


def _marker_recent(page: Page, start: int) -> list[bool]:
    """For each line, whether a "Related"/comments line precedes it with no long paragraph between."""
    out, seen = [], False
    for i, ln in enumerate(page.lines):
        out.append(seen)
        if i >= start and ln.rule in _MARKERS:
            seen = True
        elif page.para[i] and ln.words >= 25:
            seen = False
    return out


def _short_run(page: Page, i: int) -> float:
    """How many lines of at most six words surround line ``i`` without a paragraph between (log)."""
    n, j, k = 0, i - 1, i + 1
    while j >= 0 and page.words[j] <= 6 and not page.para[j]:
        n, j = n + 1, j - 1
    while k < page.n and page.words[k] <= 6 and not page.para[k]:
        n, k = n + 1, k + 1
    return math.log1p(n)


def mark_story_chrome(page: Page, frame: Frame, model: LinearModel) -> None:
    """Label as chrome the paragraphs and headings the story model puts below its threshold.

    The lede (the paragraph the body starts at) is the story by definition (a named veto): the
    model judges what follows it.
    """
    idx = story_lines(page.lines, frame.story_start)
    model.check(STORY_FEATURES, "story")
    if not idx:
        return
    p = model.probabilities(story_features(page, idx, frame))
    for i, prob in zip(idx, p):
        if prob < model.threshold and i != frame.start:
            page.lines[i].label("boilerplate", STORY_CHROME)
    _dated_chrome_below(page.lines, frame.story_start)


def _dated_chrome_below(lines: list[Line], start: int) -> None:
    """Datelines and bylines below the story's last paragraph and below a "Related"/comments line
    belong to other articles or to comments: chrome too (their dates are not the story's)."""
    last = max((i for i in range(start, len(lines)) if lines[i].kind in ("body", "heading")), default=start)
    marker = next((i for i in range(start, len(lines)) if lines[i].rule in _MARKERS), None)
    if marker is None:
        return
    for ln in lines[max(last, marker) + 1 :]:
        if ln.kind in ("dateline", "byline"):
            ln.label("boilerplate", STORY_CHROME)
