"""Decide the tense of the clause around a stretch of a sentence: past, present, future or unknown.

The timeline asks it where a partial date ("in December", "on Friday") could lie on either side of
the publication date: it reads the POS tags of the sentence (the pipeline's, or tagged here on
demand) and takes the verb nearest to the stretch, a verb across a clause boundary counting as
farther; modals, plan verbs ("scheduled", "planning") and future cues ("will", "next", "as early
as") within about a clause of the stretch point ahead.  It reads only the sentence and its tags.

Examples
--------
>>> s = "Talks will resume in March."
>>> Tense(s).at(s.index("March"), s.index("March") + 5)
'future'
>>> s = "Talks resumed in March."
>>> Tense(s).at(s.index("March"), s.index("March") + 5)
'past'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from analysis.nlp.tokens import tag, tokenize_spans

#: A token as the tense reads it: ``(start, end, word, POS)`` with offsets into the sentence.
TaggedToken = tuple[int, int, str, str]

#: Words that point ahead in the clause around an expression (modals, plans, "next", "upcoming").
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won['’]t|['’]ll|going\s+to|plans?\s+to|planned\s+to|planning\s+to|expects?\s+to|expected\s+to|"
    r"scheduled|intends?\s+to|aims?\s+to|is\s+to|are\s+to|set\s+to|due\s+to|upcoming|next|as\s+(?:early|soon)\s+as)\b",
    re.I,
)
#: Characters before and after an expression searched for a future cue ("will", "plans to"):
#: about a clause on either side, more before (the verb usually precedes the date).
_CUE_BEFORE, _CUE_AFTER = 60, 40
#: Extra distance (characters) of a verb across a clause boundary (";", ", which", "said"): a verb
#: in the expression's own clause wins over a nearer one in the next clause.
_BOUNDARY_COST = 40
#: Verbs of planning: the plan's date usually lies ahead even when the verb is past.
_PLAN_VERBS = frozenset(["planning", "plans", "plan", "scheduled", "slated"])
#: Words one of which a sentence must hold for a verb in it to be read as future (modals, plan verbs).
_FUTURE_CUE = re.compile(r"\b(?:will|shall|plans?|planning|scheduled|slated)\b|\bwo(?:n['’]t)?\b|['’]ll\b", re.I)
_CLAUSE_BOUNDARY = re.compile(r"[;:]|,\s*(?:which|who|and|but)\b|\b(?:said|says|told)\b")


@functools.lru_cache(maxsize=64)
def sentence_tags(s: str) -> list[TaggedToken]:
    """Return ``(start, end, word, POS)`` for the tokens of ``s`` (cached for the last sentences)."""
    spans = tokenize_spans(s)
    words = [s[a:b] for a, b in spans]
    return [(a, b, w, t) for (a, b), w, t in zip(spans, words, tag(words))]


def future_cue_near(s: str, start: int, end: int) -> bool:
    """Whether a future cue ("will", "plans to", "next") stands within about a clause of ``s[start:end]``."""
    window = s[max(0, start - _CUE_BEFORE) : min(len(s), end + _CUE_AFTER)]
    return _FUTURE_RE.search(window) is not None


class Tense:
    """Lazily POS-tag a sentence and report the tense of the verb nearest to a position.

    Parameters
    ----------
    s : str
        The sentence.
    tags : callable, optional
        Returns the sentence's tags already computed by the pipeline (offsets into ``s``); called
        only when a tense is asked for.  Without it ``s`` is tagged on demand.
    override : callable, optional
        ``(start, end) -> tense``: answers :meth:`at` instead of the tags (a caller that knows better).
    """

    def __init__(
        self,
        s: str,
        tags: Callable[[], list[TaggedToken]] | None = None,
        override: Callable[[int, int], str | None] | None = None,
    ) -> None:
        self.s = s
        self._tags = tags
        self._override = override
        self._toks: list[TaggedToken] | None = None

    def toks(self) -> list[TaggedToken]:
        """The sentence's tagged tokens (tagged on first use)."""
        if self._toks is None:
            self._toks = self._tags() if self._tags is not None else sentence_tags(self.s)
        return self._toks

    def maybe_future(self, start: int, end: int) -> bool:
        """False when :meth:`at` cannot answer ``future``: no future cue in the sentence or the window."""
        if self._override is not None:
            return True  # a caller-supplied tense: ask it
        return _FUTURE_CUE.search(self.s) is not None or future_cue_near(self.s, start, end)

    def at(self, start: int, end: int) -> str | None:
        """Return ``past``, ``future``, ``present`` or None for the clause around ``start:end``."""
        if self._override is not None:
            return self._override(start, end)
        best = self._nearest_verb(start, end)
        future_cue = future_cue_near(self.s, start, end)
        if best is not None and best[1] in ("present", "modal", "modal_future") and future_cue:
            return "future"
        if best is None:
            return "future" if future_cue else None
        # a modal without a future cue ("could come", "would have gone") leaves the tense open
        return None if best[1] in ("modal", "modal_future") else best[1]

    def _nearest_verb(self, start: int, end: int) -> tuple[int, str] | None:
        """``(distance, kind)`` of the verb nearest to ``start:end`` outside it, or None."""
        best: tuple[int, str] | None = None
        toks = self.toks()
        for i, (a, b, w, t) in enumerate(toks):
            if start <= a < end:
                continue
            kind = _verb_kind(toks, i, w.lower(), t)
            if kind is None:
                continue
            dist = start - b if b <= start else a - end
            # a verb after a clause boundary counts less
            if _CLAUSE_BOUNDARY.search(self.s[min(b, end) : max(a, start)]):
                dist += _BOUNDARY_COST
            if best is None or dist < best[0]:
                best = (dist, kind)
        return best


def _verb_kind(toks: list[TaggedToken], i: int, lw: str, t: str) -> str | None:
    """What token ``i`` (lower-cased ``lw``, tag ``t``) says of the tense, or None if it is no verb."""
    if t == "MD" and lw in ("will", "'ll", "’ll", "shall", "wo"):
        return "future"
    if t == "MD" and lw in ("would", "could", "might", "may", "can", "should", "must"):
        # "could come as early as Tuesday" looks ahead; "could have gone" looks back
        nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
        return "modal" if nxt in ("have", "'ve", "’ve", "not", "n't") else "modal_future"
    if (
        t.startswith("VB")
        and lw in _PLAN_VERBS
        and (i == 0 or toks[i - 1][2].lower() not in ("had", "been", "as", "previously", "originally"))
    ):
        return "future"  # "were planning to drive around on Monday", "scheduled to resume Monday"
    if t in ("VBD",) or (t == "VBN" and lw not in ("scheduled", "expected", "set", "due")):
        return "past"
    if t in ("VBZ", "VBP"):
        return "present"
    return None
