"""The page around each line: the measures every fitted decision reads, computed once per page.

Decides nothing: after the line pass it measures, for every line, its shape (words, case, closing
punctuation, words glued by a copy, digits, function words, page-chrome words) and its place on
the page (paragraph words before and after it, the next paragraph, how often its text recurs, the
line-pass kinds around it).  The title, date, byline and story decisions build their features from
these arrays, so each measure is computed once per page, linear in the page.  Reads the lines,
their kinds, the chrome-word and stop-word lexicons.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from itertools import chain, repeat

import numpy as np

from analysis.read.layout.lines import (
    CLOSERS,
    Line,
    ascii_words,
    chrome_words,
    comparable_text,
    content_words,
    ends_sentence,
    is_paragraph,
)
from analysis.read.layout.rules import COMMENT_CONTROL, COMMENTS_LINK
from analysis.read.layout.title import title_text
from analysis.resources import nltk_stopwords

_DIGIT_RUNS = re.compile(r"\d+")
#: The letters around each place :data:`~.lines.GLUED` finds (it finds one exactly when this does).
#: Written capital first, so that a search skips to the capitals.
_GLUED_PAIR = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<=\d[A-Z])(?=[a-z]))")
#: The stem (:func:`stem5`) of each word of four ASCII lower-case letters or more: the first five.
_COMMON_STEM = re.compile(r"\b([a-z]{4,5})[a-z]*")
#: The same for every word of four letters or more of a line in ASCII, once lower-cased.
_ASCII_STEM = re.compile(r"([a-z]{4,5})[a-z]*")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: :data:`_TOKEN` on a text whose word characters are ASCII (:func:`~.lines.ascii_words`).
_ASCII_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
#: How many lines around a line its neighbourhood measures read.
WINDOW = 3
#: How many lines before and after a line the paragraph-word sums read.
REACH = 20


def stem5(word: str) -> str:
    """The first five letters, lower case: a cheap stem for "the same word" tests."""
    return word[:5].lower()


def content_stems(text: str) -> frozenset[str]:
    """The stems (:func:`stem5`) of the content words (:func:`~.lines.content_words`) of ``text``; for
    a line whose words are ASCII (:func:`~.lines.ascii_words`), read from its lower case in one search
    (lower case keeps ASCII letters in place and makes no other character one)."""
    if ascii_words(text):
        return frozenset(_ASCII_STEM.findall(text.lower()))
    return frozenset([w[:5] for w in content_words(text)])  # lower case already


class Page:
    """Per-line measures of one page, as numpy arrays indexed by line number.

    Parameters
    ----------
    lines : list of Line
        The page's lines after the line pass (kinds of chrome, datelines, bylines, captions set).
    """

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        n = self.n = len(lines)
        self.words = np.array([ln.words for ln in lines], dtype=float)
        self.para = np.array([is_paragraph(ln) and not ln.extra.get("nested") for ln in lines], dtype=bool)
        para_words = np.where(self.para & np.array([not ln.kind for ln in lines]), self.words, 0.0)
        self.cum = np.concatenate([[0.0], np.cumsum(para_words)])
        self.total = float(self.cum[-1]) or 1.0
        self.keys = [comparable_text(title_text(ln)[0]) for ln in lines]
        counts = Counter(self.keys)
        self._joined = "\n".join(self.keys)
        self.repeats = np.array([counts[k] - 1 for k in self.keys], dtype=float)
        next_para, words_of = [n] * (n + 1), para_words.tolist()
        for i in range(n - 1, -1, -1):
            next_para[i] = i if words_of[i] else next_para[i + 1]
        self.next_para = np.array(next_para, dtype=int)
        self.stems = [content_stems(ln.text) for ln in lines]
        paragraphs = np.flatnonzero(para_words).tolist()
        #: The last paragraph using each stem.
        self._last_use: dict[str, int] = {s: i for i in paragraphs for s in self.stems[i]}
        self._shapes: dict[int, tuple[float, ...]] = {}
        #: Words of prose: unlabelled lines that end a sentence (four words or more) or paragraphs.
        self.prose = np.array(
            [0.0 if ln.kind else w if p or (w >= 4 and ln.sentence_end) else 0.0
             for ln, w, p in zip(lines, self.words.tolist(), self.para.tolist())]
        )
        #: The story's core as the title reads it (paragraphs, a gap costing eight words), and as the
        #: story model reads it (prose, a gap costing four: how-to steps and short sentences count).
        barrier = [ln.rule == COMMENT_CONTROL for ln in lines]
        self.core = _core(words_of, PARAGRAPH_GAP_COST, barrier)
        self.prose_core = _core(self.prose.tolist(), PROSE_GAP_COST, barrier)
        #: The lines the line pass did not call chrome, and each line's place among them.
        self.solid = [i for i, ln in enumerate(lines) if ln.kind != "boilerplate"]
        self._solid_at = np.searchsorted(np.asarray(self.solid, dtype=int), np.arange(n)) if n else np.zeros(0, int)
        a, b = self.core
        core_lines = [i for i in paragraphs if a <= i <= b]
        self._core_lines = set(core_lines)
        self._core_df: Counter = Counter(chain.from_iterable([self.stems[i] for i in core_lines]))
        #: The stems a core paragraph writes in lower case (only the core's lines are read for them).
        self._common = {i: frozenset(_COMMON_STEM.findall(lines[i].text)) for i in core_lines}
        #: How many core paragraphs write each stem in lower case (common words, not a site's name).
        self._core_common: Counter = Counter(chain.from_iterable(self._common.values()))
        self._core_df_set, self._core_common_set = frozenset(self._core_df), frozenset(self._core_common)

    def shape(self, i: int) -> tuple[float, ...]:
        """The shape measures of line ``i`` (:data:`SHAPE_NAMES`), measured on first use."""
        if i not in self._shapes:
            self._shapes[i] = _shape(self.lines[i].text)
        return self._shapes[i]

    def core_place(self, i: int) -> tuple[float, float, float]:
        """Where line ``i`` is relative to the story's core: how close above its start (1 / the number
        of lines that are not chrome up to it; 0 when not above), inside it, after its end."""
        a, b = self.core
        if i >= a:
            return 0.0, float(a <= i <= b), float(i > b)
        between = int(self._solid_at[a]) - int(self._solid_at[i]) if a < self.n else 1
        return 1.0 / max(between, 1), 0.0, 0.0

    def core_echo(self, i: int, *, common: bool = False) -> tuple[float, int]:
        """The share and number of line ``i``'s stems that the story's core uses (its own line not
        counted); ``common``: only the core's lower-case words count."""
        df, used_stems = (self._core_common, self._core_common_set) if common else (self._core_df, self._core_df_set)
        stems = self.stems[i]
        shared = stems & used_stems
        used = len(shared)
        if i in self._core_lines:  # a stem only its own line uses does not count
            own = self._common[i] if common else stems
            used -= sum(df[s] == 1 for s in shared & own)
        return (used / len(stems) if stems else 0.0), used

    def containment(self, idx: list[int]) -> tuple[set[int], set[int]]:
        """Of the lines ``idx``: those whose text (15 characters or more) is part of a longer line,
        and those whose text holds another one's."""
        starts = np.cumsum([0] + [len(k) + 1 for k in self.keys])
        contained, holding = set(), set()
        holders: dict[str, set[int]] = {}  # a text repeated on the page is looked for once
        for i in idx:
            key = self.keys[i]
            if len(key) < 15:
                continue
            if key not in holders:
                holders[key] = set()
                at = self._joined.find(key)
                while at >= 0:
                    j = int(np.searchsorted(starts, at, side="right")) - 1
                    if len(self.keys[j]) > len(key) and not self.para[j]:  # a document title, a breadcrumb
                        holders[key].add(j)
                    at = self._joined.find(key, at + 1)
            if holders[key]:
                contained.add(i)
                holding |= holders[key]
        return contained, holding

    def after(self, i: int, k: int) -> list[int]:
        """The next ``k`` lines below ``i`` that are not page chrome (share buttons, menus are skipped)."""
        at = int(self._solid_at[i]) if i < self.n else len(self.solid)
        at += at < len(self.solid) and self.solid[at] == i
        return self.solid[at : at + k]

    def before(self, i: int, k: int) -> list[int]:
        """The ``k`` lines above ``i`` that are not page chrome, nearest first."""
        at = int(self._solid_at[i]) if i < self.n else len(self.solid)
        return self.solid[max(0, at - k) : at][::-1]

    def para_words_between(self, a: int, b: int) -> float:
        """Words of the story-shaped paragraphs in lines ``a`` (included) to ``b`` (excluded)."""
        a, b = max(0, min(a, self.n)), max(0, min(b, self.n))
        return float(self.cum[b] - self.cum[a]) if b > a else 0.0

    def following_para(self, i: int) -> int:
        """The index of the first paragraph after line ``i`` (``n`` when none)."""
        return int(self.next_para[min(i + 1, self.n)])

    def used_after(self, stem: str, i: int) -> bool:
        """Whether a paragraph after line ``i`` uses a word of this stem."""
        return self._last_use.get(stem, -1) > i

    def lede_stems(self, i: int, paragraphs: int = 3) -> set[str]:
        """The word stems of the first ``paragraphs`` paragraphs after line ``i`` (a copy of line ``i``
        itself is no lede: a notice repeated through the page does not echo itself)."""
        out: set[str] = set()
        j = self.following_para(i)
        taken = 0
        while taken < paragraphs and j < self.n:
            if self.keys[j] != self.keys[i]:
                out |= self.stems[j]
                taken += 1
            j = self.following_para(j)
        return out

    def near(self, i: int, before: int, after: int) -> range:
        """Line numbers from ``before`` lines above ``i`` to ``after`` lines below it, ``i`` excluded."""
        return range(max(0, i - before), min(self.n, i + after + 1))


#: The chrome rules of the lines that open readers' comments.
COMMENT_RULES = frozenset({COMMENTS_LINK, COMMENT_CONTROL})
#: What a line that is no paragraph (no prose) costs the story's core, in words.
PARAGRAPH_GAP_COST, PROSE_GAP_COST = 8.0, 4.0


def _core(para_words: list[float], gap_cost: float, barrier: list[bool]) -> tuple[int, int]:
    """The first and last line of the story's core: the run of lines with the most paragraph words,
    each line that is no paragraph costing ``gap_cost`` (a maximum-sum segment) and none crossing a
    ``barrier`` line ("Reply": readers' comments are never the story's core)."""
    best, best_span, run, run_start = 0.0, (0, -1), 0.0, 0
    for i, w in enumerate(para_words):
        value = w if w else -gap_cost
        if barrier[i]:
            run = 0.0
            continue
        if run <= 0:
            run, run_start = 0.0, i
        run += value
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


#: The shape measures of one line's text (columns of :attr:`Page.shape`).
SHAPE_NAMES = (
    "title_case",
    "sentence_case",
    "all_caps",
    "ends_sentence",
    "ends_question",
    "ends_colon",
    "glued",
    "digit_share",
    "stop_share",
    "chrome_share",
    "starts_lower",
)


#: The weight of a chrome word in :func:`_word_weights` (a stop word weighs 1): more than a line's words.
_CHROME_WEIGHT = 1 << 40


@functools.cache
def _word_weights() -> dict[str, int]:
    """Each stop word and chrome word (lower case) with its weight: 1 if a stop word, plus
    :data:`_CHROME_WEIGHT` if a chrome word; summed over a line's words, the two counts."""
    stop, chrome = nltk_stopwords(), chrome_words()
    return {w: (w in stop) + _CHROME_WEIGHT * (w in chrome) for w in stop | chrome}


@functools.lru_cache(maxsize=4096)
def _shape(text: str) -> tuple[float, ...]:
    """The shape measures of a line's text, in the order of :data:`SHAPE_NAMES`."""
    if ascii_words(text):  # the same tokens and digits, read without Unicode classes
        tokens, lowered, digits = _ascii_tokens(text)
    else:
        tokens = _TOKEN.findall(text)
        lowered = list(map(str.lower, tokens))
        digits = sum(map(len, _DIGIT_RUNS.findall(text)))
    capitals = [w[0].isupper() for w in tokens if len(w) > 3]  # each long word: a capital first?
    mixed = not text.isupper()
    title_case = sum(capitals) / len(capitals) if capitals and mixed else 0.0
    # the function words and the chrome words counted in one pass: a word weighs 1 and _CHROME_WEIGHT
    chrome, stop = divmod(sum(map(_word_weights().get, lowered, repeat(0))), _CHROME_WEIGHT)
    n = len(tokens) or 1
    stripped = text.rstrip(CLOSERS)
    sentence_case = mixed and text[:1].isupper() and len(capitals) >= 2 and title_case <= 0.35
    return (
        title_case,
        float(sentence_case),
        float(text.isupper() and len(tokens) > 0),
        float(ends_sentence(text) and not stripped.endswith(("?", "!"))),
        float(stripped.endswith(("?", "!"))),
        float(text.endswith(":")),
        float(_GLUED_PAIR.search(text) is not None),  # where GLUED finds a place, as one search
        digits / max(len(text), 1),
        stop / n,
        chrome / n,
        float(text[:1].islower()),
    )


#: Each byte of a line's ASCII bytes (:func:`_ascii_tokens`): an ASCII letter as it is (or in lower case),
#: any other byte a space.
_LETTERS = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_LOWER_LETTERS = _LETTERS.lower()


def _ascii_tokens(text: str) -> tuple[list[str], list[str], int]:
    """The tokens of a line whose word characters are ASCII (:data:`_ASCII_TOKEN`), the same in lower
    case, and its number of digits.

    The line is read as ASCII bytes, one per character (another character, no word character, a
    "?"): its digits are the bytes a deletion removes; without an apostrophe, its tokens are its runs
    of ASCII letters, split at every other byte made a space.

    >>> _ascii_tokens("Dana's 3 ferries—on 12 May")
    (["Dana's", 'ferries', 'on', 'May'], ["dana's", 'ferries', 'on', 'may'], 3)
    """
    data = text.encode("ascii", "replace")
    digits = len(data) - len(data.translate(None, b"0123456789"))
    if "'" in text or "’" in text:  # a word may hold one: the pattern decides
        tokens = _ASCII_TOKEN.findall(text)
        return tokens, list(map(str.lower, tokens)), digits
    return (
        data.translate(_LETTERS).decode("ascii").split(),
        data.translate(_LOWER_LETTERS).decode("ascii").split(),
        digits,
    )
