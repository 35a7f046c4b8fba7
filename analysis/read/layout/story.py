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
from itertools import accumulate

import numpy as np

from analysis.read.layout.dates import line_dates, relative_time
from analysis.read.layout.lines import Line, folded
from analysis.read.layout.model import LinearModel
from analysis.read.layout.page import COMMENT_RULES, SHAPE_NAMES, Page
from analysis.read.layout.published import Frame
from analysis.read.layout.rules import COMMENT_CONTROL, PROSE_IN_STORY, RELATED_LINKS, STORY_CHROME

_COMMENT = re.compile(r"\b(?:reply|replies|says?:|said:|wrote:|ago|likes?|upvote|report|flag|permalink|login|log in)\b", re.I)
_SENTENCE_MARK = re.compile(r"[.!?](?:\s|$)")
#: :data:`_COMMENT` as it reads the folded lower case of :func:`.lines.folded` (same length, same word
#: characters, and a letter of the pattern is found there exactly where ``re.I`` finds it in the text).
_COMMENT_FOLDED = re.compile(_COMMENT.pattern)
#: Text a match of :data:`_COMMENT` holds one of (in the folded lower case of :func:`.lines.folded`): each
#: alternative's own text ("reply" and "replies" both hold "repl").
_COMMENT_NEEDS = (
    "repl", "say:", "says:", "said:", "wrote:", "ago", "like", "upvote", "report", "flag", "permalink", "login", "log in",
)  # fmt: skip
_TEASER = re.compile(r"(?:\.\.\.|…)\s*$|^\d+\.?\s|^(?:watch|video|photos?|gallery|listen|read)\b", re.I)
#: Chrome lines after which the lines are readers' comments or other articles.
_MARKERS = {RELATED_LINKS, *COMMENT_RULES}

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
    "after_comments",
    "after_related",
    "marker_recent",
    "comment_words",
    "stamp_above",
    "control_near",
    "teaser",
    "title_echo",
    "short_run",
)


#: What each feature's meaning says of its weight: +1 for the story, -1 for chrome among it.
STORY_SIGNS = {
    **dict.fromkeys(("paragraph_shape", "stop_share", "sentences", "in_core", "para_words_around", "paragraphs_around"), 1),
    **dict.fromkeys(("chrome_share", "glued", "after_end", "after_comments", "after_related", "marker_recent", "comment_words", "stamp_above", "control_near", "teaser", "short_run"), -1),
}  # fmt: skip


def story_lines(lines: list[Line], start: int) -> list[int]:
    """The lines the story model judges: paragraphs and headings from the body start on."""
    return [i for i in range(start, len(lines)) if lines[i].kind in ("body", "heading")]


def story_features(page: Page, idx: list[int], frame: Frame) -> np.ndarray:
    """The feature matrix of the judged lines (columns :data:`STORY_FEATURES`)."""
    lines = page.lines
    title_stems = page.stems[frame.title] if frame.title is not None else frozenset()
    first = frame.story_start
    comments, related = _after_comments(lines, first), _after_related(page, first)
    stamped = _stamped(lines, idx, frame.start)
    recent = _marker_recent(page, first)
    span = max(frame.end - first, 1)
    core_a, core_b = page.prose_core
    # window sums over page.near(i, 3, 3) from running totals (word counts: whole numbers, summed exactly)
    # the page's arrays as Python values (the same numbers), read line by line below
    para, prose, repeats, words = page.para.tolist(), page.prose.tolist(), page.repeats.tolist(), page.words.tolist()
    prose_sum = list(accumulate(prose, initial=0.0))
    prose_count = list(accumulate([w != 0 for w in prose], initial=0))
    controls = list(accumulate([ln.rule == COMMENT_CONTROL for ln in lines], initial=0))
    rows = []
    for i in idx:
        ln = lines[i]
        a, b = max(0, i - 3), min(page.n, i + 4)
        prose_i = prose[i]
        stems = page.stems[i]
        rows.append(
            [
                math.log1p(ln.words),
                para[i],
                ln.kind == "heading",
                *page.shape(i),
                math.log1p(len(_SENTENCE_MARK.findall(ln.text))),
                min(repeats[i], 3.0),
                (i - first) / span,
                math.log1p(i - first),
                math.log1p(max(frame.end - i, 0)),
                core_a <= i <= core_b,
                i > frame.end,
                math.log1p(prose_sum[b] - prose_sum[a] - prose_i),
                (prose_count[b] - prose_count[a] - (prose_i != 0)) / max(b - a - 1, 1),
                i > 0 and para[i - 1],
                i + 1 < page.n and para[i + 1],
                comments[i],
                related[i],
                recent[i],
                _comment_words(ln.text) / max(ln.words, 1),
                i in stamped,
                controls[b] > controls[a],
                _teaser(ln.text),
                len(stems & title_stems) / len(stems) if stems else 0.0,
                _short_run(words, para, i),
            ]
        )
    return np.array(rows, dtype=float).reshape(len(idx), len(STORY_FEATURES))


def _teaser(s: str) -> bool:
    """Whether :data:`_TEASER` finds a match in ``s``: its first alternative (an ellipsis closing the
    line) told from the stripped end, the others are anchored at the start."""
    return s.rstrip().endswith(("...", "…")) or bool(_TEASER.match(s))


def _comment_words(s: str) -> int:
    """How many comment-control words (:data:`_COMMENT`) ``s`` holds; most lines hold none of their letters."""
    low = folded(s)
    return len(_COMMENT_FOLDED.findall(low)) if any(w in low for w in _COMMENT_NEEDS) else 0


def _stamped(lines: list[Line], idx: list[int], start: int) -> set[int]:
    """Of the lines ``idx``, those with a date or time stamp (:func:`_stamp`) on their line or one
    of the two above it, below the body start ``start``."""
    stamp: dict[int, bool] = {}
    out = set()
    for i in idx:
        for j in range(max(0, i - 2, start + 1), i + 1):
            if j not in stamp:
                stamp[j] = _stamp(lines[j])
            if stamp[j]:
                out.add(i)
                break
    return out


def _stamp(ln: Line) -> bool:
    """A short line giving a date or a time ("Jane Doe · March 10, 2017 at 2:18 PM", "3 hours ago"):
    above a paragraph after the story start, what stands over a reader's comment."""
    if ln.words > STAMP_WORDS:
        return False
    return bool(ln.kind in ("dateline", "byline") and ln.extra.get("dates")) or bool(
        _CLOCK.search(ln.text) or relative_time(ln.text) or line_dates(ln.text))


#: A date or time stamp line is at most this many words.
STAMP_WORDS = 14
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\s*(?:[ap]\.?m\b|[AP]M\b)", re.I)


def _after_comments(lines: list[Line], start: int) -> list[bool]:
    """For each line, whether a comments line ("3 Comments", "Reply") at or after the body start precedes it."""
    out, seen = [], False
    for i, ln in enumerate(lines):
        out.append(seen)
        seen = seen or (i >= start and ln.rule in COMMENT_RULES)
    return out


#: The story goes on after a list of other articles when this many long paragraphs follow each other.
STORY_RUN = 2
#: A long paragraph: at least this many words.
LONG_PARAGRAPH = 15


def _after_related(page: Page, start: int) -> list[bool]:
    """For each line, whether a "Related"/"Most popular" line at or after the body start precedes it
    and the story has not gone on since: a list of other articles set inside the story ends where
    :data:`STORY_RUN` long paragraphs follow each other (page chrome between them skipped)."""
    long = [p and w >= LONG_PARAGRAPH for p, w in zip(page.para.tolist(), page.words.tolist())]
    out, seen = [], False
    for i, ln in enumerate(page.lines):
        if seen and long[i] and all(long[j] for j in page.after(i, STORY_RUN - 1)):
            seen = False
        out.append(seen)
        seen = seen or (i >= start and ln.rule == RELATED_LINKS)
    return out


def _marker_recent(page: Page, start: int) -> list[bool]:
    """For each line, whether a "Related"/comments line precedes it with no long paragraph between."""
    out, seen = [], False
    for i, (ln, para) in enumerate(zip(page.lines, page.para.tolist())):
        out.append(seen)
        if i >= start and ln.rule in _MARKERS:
            seen = True
        elif para and ln.words >= 25:
            seen = False
    return out


def _short_run(words: list[float], para: list[bool], i: int) -> float:
    """How many lines of at most six words surround line ``i`` without a paragraph between (log);
    ``words`` and ``para``: the page's :attr:`~.page.Page.words` and :attr:`~.page.Page.para`."""
    n, j, k = 0, i - 1, i + 1
    while j >= 0 and words[j] <= 6 and not para[j]:
        n, j = n + 1, j - 1
    while k < len(words) and words[k] <= 6 and not para[k]:
        n, k = n + 1, k + 1
    return math.log1p(n)


def mark_story_chrome(page: Page, frame: Frame, model: LinearModel) -> None:
    """Label as chrome the paragraphs and headings the story model puts below its threshold.

    Two named vetoes: the lede (the paragraph the body starts at) is the story by definition, and
    prose between story (:func:`prose_in_story`) needs strong evidence to be called chrome.
    """
    first = frame.story_start
    idx = story_lines(page.lines, first)
    model.check(STORY_FEATURES, "story")
    if not idx:
        return
    p = model.probabilities(story_features(page, idx, frame))
    keep = (p >= model.threshold) | (np.asarray(idx) == frame.start)
    rescued = prose_in_story(page, idx, p, keep, model.threshold * PROSE_DOUBT)
    for i, k, r in zip(idx, keep, rescued):
        if r:
            page.lines[i].label("body", PROSE_IN_STORY)
        elif not k:
            page.lines[i].label("boilerplate", STORY_CHROME)
    _dated_chrome_below(page.lines, first)


#: How much surer than its threshold the story model must be to call prose between story chrome.
PROSE_DOUBT = 1 / 3
#: Prose: a paragraph of at least this many words that ends a sentence.
PROSE_WORDS = 20


def prose_in_story(page: Page, idx: list[int], p: np.ndarray, keep: np.ndarray, strong: float) -> np.ndarray:
    """Which of the lines ``idx`` the model put below its threshold stay story: prose (a paragraph of
    :data:`PROSE_WORDS` words or more closing a sentence) whose judged neighbours above and below are
    both story, unless the model's probability is below ``strong`` (a paragraph after a list of other
    articles set inside the story, say).  Losing the story's own paragraphs costs more than keeping
    one of chrome."""
    out = np.zeros(len(idx), dtype=bool)
    for k in range(1, len(idx) - 1):
        i = idx[k]
        if keep[k] or not (keep[k - 1] and keep[k + 1]) or p[k] < strong:
            continue
        ln = page.lines[i]
        out[k] = ln.words >= PROSE_WORDS and bool(page.para[i]) and ln.sentence_end
    return out


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
