"""The title as a ranking: every short line of the page is a candidate, the best-scoring one wins.

Decides which line of the whole page is the headline (or that none is): each line of two to forty
words that is no list item, nested line or "Field:" line is a candidate; its features (below) are
scored with the fitted title weights, and the best candidate wins unless the score of "no title"
is higher.  Features: the line's shape (length, case, closing punctuation, glued words, digits,
function and chrome words), its line-pass kind, its place (paragraph words before and after it, how
far the next paragraph is, the share of its words the next paragraphs and the rest of the story
use), its neighbours (a byline or date below, read through a standfirst; a byline above, a
standfirst below, short menu lines around it) and repetition on the page.  Reads the lines, the :class:`~.page.Page` measures and
the title model.
"""

from __future__ import annotations

import functools
import math
import re

import numpy as np

from analysis.read.layout.bylines import BY, byline_names
from analysis.read.layout.dates import date_line, line_dates
from analysis.read.layout.lines import CLOSERS, SENT_END, Line, link_row
from analysis.read.layout.model import LinearModel
from analysis.read.layout.page import SHAPE_NAMES, WINDOW, Page
from analysis.read.layout.rules import DATE_LINE, MEDIA_PLAYER_CONTROL, MEDIA_PLAYER_TIME
from analysis.read.layout.title import title_candidate, title_text, venue_line
from analysis.resources import read_lexicon

#: The features of a title candidate, in the order of the weights.
TITLE_FEATURES = (
    "log_words",
    "log_words_sq",
    "short",
    *SHAPE_NAMES,
    "title_bar",
    "link_row",
    "venue",
    "opens_with_name",
    "org_name",
    "quotation",
    "headline_first_line",
    "plain_first_line",
    "log_position",
    "share_after",
    "share_before",
    "lede_gap",
    "no_lede",
    "above_core",
    "in_core",
    "after_core",
    "candidates_to_core",
    "lede_echo",
    "core_echo",
    "core_echo_words",
    "common_echo",
    "repeated",
    "contained_elsewhere",
    "holds_other",
    "separators",
    "byline_below",
    "date_below",
    "byline_above",
    "caption_below",
    "standfirst_below",
    "short_around",
    "above_short",
    "echoed_title_above",
    "echoed_title_below",
    "media_near",
)
_SEPARATOR = re.compile(r"(?:^|\s)(?://|[|/•·»›>]|\\)(?=\s|$)")
#: What each feature's meaning says of its weight: +1 for a headline, -1 against (0: left to the data).
TITLE_SIGNS = {
    **dict.fromkeys(
        ("title_case", "title_bar", "share_after", "above_core", "lede_echo", "core_echo",
         "core_echo_words", "common_echo", "repeated", "contained_elsewhere", "plain_first_line", "byline_below", "date_below", "caption_below",
         "standfirst_below", "echoed_title_below"),
        1,
    ),
    **dict.fromkeys(
        ("short", "all_caps", "digit_share", "opens_with_name", "org_name", "quotation", "log_words_sq", "ends_sentence", "ends_colon", "glued", "chrome_share", "starts_lower", "link_row",
         "venue", "share_before", "lede_gap", "no_lede", "in_core", "after_core", "candidates_to_core",
         "holds_other", "separators", "byline_above", "echoed_title_above", "media_near"),
        -1,
    ),
}  # fmt: skip
#: Hand knowledge the fitting pages do not hold, as weights (score points) the fit keeps: article text
#: opens with its headline, even one ending with a period, when its first line is headline-shaped and
#: the story follows it at once ("headline_first_line"); and a page with no chrome at all (no menu,
#: share line or row of links: plain article text, not a copy of a web page) opens with its headline
#: in any case, as strongly ("plain_first_line"): the sentence-shaped features the page copies teach
#: then decide only a line that is clearly a sentence of the story (plain text without a headline).
#: And digits are no evidence either way ("digit_share" held at 0): headlines count ("7 ferry
#: routes"), date ("The 2030–31 season") and name models; price and score lines are the other
#: features' (the declared -1 fitted to 0 on all pages, and a negative weight in some leave-site-out
#: folds cost a held-out page its headline).
TITLE_FIXED = {"headline_first_line": 2.5, "plain_first_line": 2.5, "digit_share": 0.0}
#: The share of a line's words the story's core uses for it to count as echoed.
ECHOED = 0.3


def is_candidate(ln: Line) -> bool:
    """A line that may be the title.

    Named vetoes: the line must be title-shaped (three to thirty words), not labelled by the line
    pass (page chrome, a byline, a caption, a credit) unless a dateline naming an event, no list
    item, nested line or "Field:" line (:func:`~.title.title_candidate`), no person's name with
    a role after a comma ("Jane Doe, Department Spokesperson": who speaks or writes, not what), and
    no headline that is only a date ("March 4, 2024 at 9:41 pm | Reply": a reader's comment's stamp
    read as a title bar).
    """
    turn = bool(_SPEAKER_TURN.match(ln.text)) and bool(SENT_END.search(ln.text))
    label = ln.text.isupper() and ln.words <= CAPS_LABEL_WORDS
    return title_candidate(ln) and not _name_and_role(ln.text) and not turn and not label and not _only_date(ln)


def _only_date(ln: Line) -> bool:
    """Whether the headline the line carries is a date and its time (:func:`~.dates.date_line`)."""
    head = title_text(ln)[0]
    found = date_line(head)
    return found is not None and found[0] == DATE_LINE


#: A line that opens with a quotation mark and closes on it or on who said it: a pull quote.
_QUOTATION = re.compile(
    r"^[\"“”‘'](?:[^\"”’']|(?<=\w)['’](?=\w)){10,}[\"”’']\s*(?:[―—–-]\s*[A-Z][\w.'’ -]{2,40})?$"
)
#: Video-player chrome: a line beside it titles a video, not the article.
_MEDIA = {MEDIA_PLAYER_TIME, MEDIA_PLAYER_CONTROL}
#: A line in capitals of at most this many words is a label, not a headline.
CAPS_LABEL_WORDS = 5
#: A speaker's turn in a transcript ("QUESTION: ...", "MS KORVEL: ...").
_SPEAKER_TURN = re.compile(r"^[A-Z][A-Z.'’ -]{0,60}:\s")


def _name_and_role(text: str) -> bool:
    m = re.match(r"^([^,]{3,40}),\s*(?:[A-Z][\w.&'’-]*\s*){1,5}$", text)
    if m is None:
        return False
    b = byline_names(m.group(1))
    return b is not None and bool(b.names) and b.names[0] == m.group(1).strip()


def candidates(page: Page) -> list[int]:
    """The line numbers of the title candidates: :func:`is_candidate`, no field value (the line below
    a "From:" label line is what the field says) and no paragraph inside the story's core."""
    out = []
    a, b = page.core
    for i, ln in enumerate(page.lines):
        above = page.before(i, 1)
        label_above = bool(above) and page.lines[above[0]].text.endswith(":") and page.words[above[0]] <= 3
        inside = a < i <= b and bool(page.para[i])  # a sentence of the story's text
        if is_candidate(ln) and not label_above and not inside:
            out.append(i)
    return out


def title_features(page: Page, cands: list[int]) -> np.ndarray:
    """The feature matrix of the candidates (one row each, columns :data:`TITLE_FEATURES`)."""
    echo = _core_echo(page, cands)
    first, plain = _headline_first_line(page), _plain_first_line(page)
    core_start = page.core[0]
    above = [i for i in cands if i < core_start]
    contained, holding = page.containment(cands)
    rows = []
    for i in cands:
        row = _own_features(page, i)
        row += [i == first, i == plain]
        row += _place_features(page, i, sum(j > i for j in above))
        row += _echo_features(page, i, echo)
        row += [i in contained, i in holding, min(len(_SEPARATOR.findall(page.lines[i].text)), 3)]
        row += _neighbour_features(page, i, echo)
        rows.append(row)
    return np.array(rows, dtype=float).reshape(len(cands), len(TITLE_FEATURES))


def _first_line(page: Page, *, digit: bool = False) -> int | None:
    """The first unlabelled line when it may head the story: three to twenty words, a capital first
    (or, with ``digit``, a digit: "12 ..."), and the story follows it at once (a paragraph within
    three lines)."""
    first = next((i for i, ln in enumerate(page.lines) if not ln.kind), None)
    if first is None or page.following_para(first) > first + 3:
        return None
    ln = page.lines[first]
    opening = ln.text[:1].isupper() or (digit and ln.text[:1].isdigit())
    return first if 3 <= ln.words <= 20 and len(ln.text) <= 160 and opening else None


def _headline_first_line(page: Page) -> int | None:
    """:func:`_first_line` when it is shaped like a headline: Title Case, or short (at most 9 words)."""
    first = _first_line(page)
    if first is None:
        return None
    headline_case = page.shape(first)[SHAPE_NAMES.index("title_case")] >= 0.6
    return first if headline_case or page.lines[first].words <= 9 else None


def _plain_first_line(page: Page) -> int | None:
    """The page's first line when the page is plain article text and that line may head the story
    (:func:`_first_line`, in any case, perhaps opening with a number): nothing stands above it and
    no line of the page is page chrome (no menu, share or sign-in line the line pass labels, no row
    of links anywhere)."""
    first = _first_line(page, digit=True)
    if first != 0 or len(page.solid) < page.n:
        return None
    return None if any(ln.words >= 6 and link_row(ln.text) for ln in page.lines) else first  # a row has six words


def _core_echo(page: Page, cands: list[int]) -> dict[int, float]:
    """For each candidate and the lines its features read around it (three above and below, chrome
    skipped), the share of its content words that the story's core uses."""
    read = {j for i in cands for j in (i, *page.before(i, 3), *page.after(i, 3))}
    return {j: page.core_echo(j)[0] for j in sorted(read)}


def _own_features(page: Page, i: int) -> list[float]:
    ln = page.lines[i]
    text, bar = title_text(ln)
    lw = math.log(max(len(text.split()), 1))
    return [
        lw,
        (lw - math.log(8)) ** 2,
        ln.words <= 3,
        *page.shape(i),
        bar,
        link_row(text),
        venue_line(page.lines, i),
        _opens_with_name(text),
        _org_name(text),
        bool(_QUOTATION.match(text)),
    ]


@functools.cache
def _org_pattern() -> re.Pattern:
    """The name of an organisation: capitalised words around an organisation word of
    ``data/name_cues.tsv`` ("Office", "Ministry", "Institute"), perhaps "of/for" more of them."""
    words = sorted({r[0] for r in read_lexicon("name_cues.tsv") if len(r) > 1 and r[1] == "org"}, key=len, reverse=True)
    cap = r"[A-Z][\w.&'’-]*"
    org = "|".join(map(re.escape, words))
    complement = rf"\s+(?:of|for|on)\s+(?:the\s+)?{cap}(?:\s+(?:{cap}|and|&|of|the))*"
    return re.compile(rf"^(?:The\s+)?(?:{cap}\s+){{0,4}}(?:{org})(?:{complement})?$")


def _org_name(text: str) -> bool:
    """The line is the name of an organisation (a site's or its owner's), not a headline."""
    return len(text.split()) <= 10 and not any(c.isdigit() for c in text) and bool(_org_pattern().match(text))


def _opens_with_name(text: str) -> bool:
    """The line opens with a person's name (a byline or a speaker's name and role, not a headline)."""
    b = byline_names(text)
    return b is not None and bool(b.names) and text.startswith(b.names[0].split()[0])


def _place_features(page: Page, i: int, candidates_below: int) -> list[float]:
    n = page.n
    nxt = page.following_para(i)
    return [
        math.log1p(i),
        page.para_words_between(i + 1, n) / page.total,
        page.para_words_between(0, i) / page.total,
        math.log1p(nxt - i - 1) if nxt < n else 0.0,
        nxt >= n,
        *page.core_place(i),
        math.log1p(candidates_below) if i < page.core[0] else 0.0,
    ]


def _echo_features(page: Page, i: int, echo: dict[int, float]) -> list[float]:
    stems = page.stems[i]
    lede = page.lede_stems(i)
    used = page.core_echo(i)[1]
    return [
        sum(s in lede for s in stems) / len(stems) if stems else 0.0,
        echo[i],
        math.log1p(used),
        page.core_echo(i, common=True)[0],
        min(page.repeats[i], 3.0),
    ]


def _neighbour_features(page: Page, i: int, echo: dict[int, float]) -> list[float]:
    w = page.words[i]

    above, below = page.before(i, 3), page.after(i, 3)
    block = _block_below(page, i)
    return [
        any(_is_byline(page.lines[j]) for j in block),
        any(_has_date(page.lines[j]) for j in block),
        _closeness(page, page.before(i, 3), _is_byline),
        _closeness(page, page.after(i, 2), lambda ln: ln.kind == "caption"),
        _standfirst_below(page, i, int(w)),
        _short_around(page, i),
        i == 0 or page.words[i - 1] <= 3 or page.lines[i - 1].kind == "boilerplate",
        any(_title_like(page.lines[j]) and echo[j] >= ECHOED for j in above),
        any(_title_like(page.lines[j]) and echo[j] >= ECHOED for j in below),
        any(page.lines[j].rule in _MEDIA for j in page.near(i, 3, 3)),
    ]


#: A paragraph right below a headline of fewer words than this is its standfirst, read through.
STANDFIRST_WORDS = 60


def _block_below(page: Page, i: int, limit: int = 8) -> list[int]:
    """The lines below ``i`` that are not chrome, up to the next paragraph (at most ``limit``); a
    standfirst right below (a paragraph of fewer than :data:`STANDFIRST_WORDS` words) is read
    through: the date and byline of a headline often follow its standfirst."""
    out = []
    for k, j in enumerate(page.after(i, limit)):
        if page.para[j] and not (k == 0 and page.words[j] < STANDFIRST_WORDS):
            break
        out.append(j)
    return out


def _title_like(ln: Line) -> bool:
    """An unlabelled line of five to twenty words not ending a sentence with a full stop."""
    return not ln.kind and 5 <= ln.words <= 20 and not (SENT_END.search(ln.text) and ln.text.rstrip(CLOSERS)[-1:] in ".…")


def _is_byline(ln: Line) -> bool:
    return ln.kind == "byline" or bool(BY.match(ln.text))


def _has_date(ln: Line) -> bool:
    return ln.kind == "dateline" or (ln.words <= 25 and bool(line_dates(ln.text)))


def _closeness(page: Page, span: list[int], test) -> float:
    """1 / rank of the first line of ``span`` passing ``test`` (0 when none)."""
    for k, j in enumerate(span, start=1):
        if test(page.lines[j]):
            return 1.0 / k
    return 0.0


def _standfirst_below(page: Page, i: int, w: int) -> bool:
    below = page.after(i, 1)
    if not below:
        return False
    nxt = page.lines[below[0]]
    return not nxt.kind and w < nxt.words < 60 and bool(SENT_END.search(nxt.text))


def _short_around(page: Page, i: int) -> float:
    around = [j for j in page.near(i, WINDOW, WINDOW) if j != i]
    return sum(page.words[j] <= 3 for j in around) / len(around) if around else 0.0


def rank_titles(page: Page, model: LinearModel) -> tuple[int | None, dict]:
    """The winning title line (None: no title) and the provenance of the choice.

    The provenance names the winner's score, the runner-up (a line of other text) and the score of
    "no title".  A headline copied twice is one title: the first copy of the winning text wins when
    no paragraph stands between it and the winner (else the winner: the copy over the story).
    """
    cands = candidates(page)
    model.check(TITLE_FEATURES, "title")
    scores = model.scores(title_features(page, cands))
    order = np.argsort(-scores, kind="stable")
    prov: dict = {"score": None, "none_score": round(model.bias, 3), "runner_up": None}
    if not len(order):
        return None, prov
    best = int(order[0])
    other = next((int(k) for k in order[1:] if page.keys[cands[k]] != page.keys[cands[best]]), None)
    if other is not None:
        j = cands[other]
        prov["runner_up"] = {"block_id": j, "line": page.lines[j].text, "score": round(float(scores[other]), 3)}
    if scores[best] <= model.bias:
        prov["runner_up"] = {"block_id": cands[best], "line": page.lines[cands[best]].text,
                             "score": round(float(scores[best]), 3)}
        return None, prov
    prov["score"] = round(float(scores[best]), 3)
    # a headline copied twice is one title: its first copy, unless paragraphs stand between them
    top = cands[best]
    first = min(i for i in cands if page.keys[i] == page.keys[top])
    return (first if page.para_words_between(first, top) == 0 else top), prov
