"""Rows of the quote-mark pass, paragraph by paragraph: each cue's contents, then every quotation.

Reads the text and the story sentences; decides which cue owns each quotation (as direct or partial
content), which quotation no cue owns (a colon lead-in waiting for it, a dash signature, the cue of
its sentence, or none) and the kind of each row.  A transcript label opening a paragraph ("SMITH:
…") is its own cue.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

import pandas as pd

from analysis.extract.quotes.content import only_punct_after
from analysis.extract.quotes.cues import analyse_sentence
from analysis.extract.quotes.kinds import MentionKind, QuoteRule
from analysis.extract.quotes.lexicon import cue_re, fw, speech_verbs
from analysis.extract.quotes.marks import MARK_RE, UNCLOSED, QuoteSpan, mask_quotes, pair_quote_marks
from analysis.extract.quotes.phrases import Cue, Sentence, SpeakerMention
from analysis.rules import Example


@dataclass
class Row:
    sentence_id: int
    kind: str
    start: int
    end: int
    cue: Cue | None
    rule: QuoteRule
    mark_rule: str | None
    block: int
    end_sentence_id: int
    speaker: str | None = None
    speaker_rule: str | None = None
    mention: SpeakerMention | None = None
    extra: dict = field(default_factory=dict)
    inside: bool = False  # a quote inside its cue's reported clause (a partial quote of it)

    @property
    def rule_value(self) -> str:
        """The ``rule`` column's value: the rule's name, composed ("inside …", "participle …")."""
        return self.rule.value(participle=self.cue is not None and self.cue.participle, inside=self.inside)

    @property
    def cue_closes_content(self) -> bool:
        """The row's own rule has its cue after the content ("…, X said."), not composed."""
        return self.rule.closes_content and not self.inside and not (self.cue is not None and self.cue.participle)


@dataclass(order=True)
class _SentRec:
    start: int
    end: int
    sentence_id: int
    block_id: int
    kind: str


_NAME_WORD = r"[A-Z][\w.’'\-]*"
_LABEL_RE = re.compile(rf"[ \t]*[\"“]?(?P<label>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[ \t]*:[ \t]+(?=\S)")
_DASH_NAME_RE = re.compile(
    rf"[ \t\xa0]*(?:[―—–]|--)[ \t\xa0]*(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[.,]?[ \t]*$"
)
_WORD_RE = re.compile(r"\w")


_CLOSING_QUOTE_RE = re.compile(r"[”\"'’»]\W*$")
#: A sentence after a closing quote joins it as its cue when it is this short ("Smith, the
#: committee's chairman, told reporters." fits; a sentence of its own does not) ...
SHORT_CUE_SENTENCE = 80
#: ... and its verb comes within this many words of its start (a subject, not a clause, before it).
SHORT_CUE_SUBJECT_WORDS = 6


def _label_cue(text: str, b_start: int, b_end: int) -> Cue | None:
    """A transcript or interview label opening a paragraph ("SMITH: …", "Jane Doe: “…”")."""
    m = _LABEL_RE.match(text, b_start, b_end)
    if not m:
        return None
    label = m.group("label")
    words = label.split()
    if label.lower() in fw("label-stop") or any(w.lower() in speech_verbs() for w in words):
        return None
    letters = re.sub(r"[^A-Za-z]", "", label)
    if len(letters) < 2:
        return None
    if not label.isupper():
        # a mixed-case label must look like a name used elsewhere in the article: "Sanders: …"
        if len(words) > 3 or text.count(words[-1]) < 2 or words[0].lower() in fw("determiner"):
            return None
    colon = m.end("label") + text[m.end("label") : m.end()].index(":")
    mention = SpeakerMention(m.start("label"), m.end("label"), MentionKind.NAME)
    return Cue(colon, colon + 1, ":", mention, (m.end(), b_end), rule=SPEAKER_LABEL, region=(m.end(), b_end))


def _dash_cue(text: str, q: QuoteSpan, limit: int) -> Cue | None:
    """A pull quote signed with a dash after it: "“…” ― Jane Doe"."""
    m = _DASH_NAME_RE.match(text, q.close_end, limit)
    if not m:
        return None
    dash = text.index("-" if "--" in m.group() else m.group().strip()[0], q.close_end)
    cue_text = text[dash : dash + (2 if text.startswith("--", dash) else 1)]
    mention = SpeakerMention(m.start("name"), m.end("name"), MentionKind.NAME)
    return Cue(dash, dash + len(cue_text), cue_text, mention, None, rule=DASH_ATTRIBUTION)


def _analysis_spans(text: str, block: list[_SentRec]) -> list[list[int]]:
    """Sentence spans for the analysis: a short cue sentence after a closing quote joins it.

    ("“Who is next?” Clinton said." may be split after the question mark.)
    """
    spans: list[list[int]] = []
    for r in block:
        a, b = int(r.start), int(r.end)
        if spans and _CLOSING_QUOTE_RE.search(text, spans[-1][2] - 3, spans[-1][2]) and b - a <= SHORT_CUE_SENTENCE:
            seg = text[a:b]
            if (
                not MARK_RE.search(seg)
                and (m := cue_re().search(seg))
                and len(seg[: m.start()].split()) <= SHORT_CUE_SUBJECT_WORDS
            ):
                spans[-1][2] = b
                continue
        spans.append([int(r.sentence_id), a, b])
    return spans


def _blocks(sentences: pd.DataFrame) -> list[list[_SentRec]]:
    """The sentences grouped into paragraphs (blocks), in text order."""
    recs = sorted(
        _SentRec(*r)
        for r in zip(
            sentences["start"].tolist(),
            sentences["end"].tolist(),
            sentences["sentence_id"].tolist(),
            sentences["block_id"].tolist(),
            sentences["kind"].tolist(),
        )
    )
    blocks: list[list[_SentRec]] = []
    last_block = None
    for rec in recs:
        if rec.block_id != last_block:
            blocks.append([])
            last_block = rec.block_id
        blocks[-1].append(rec)
    return blocks


@dataclass
class _Para:
    """One paragraph being turned into rows: its quotes, sentences and which cue owns each quote."""

    bi: int
    start: int
    end: int
    quotes: list[QuoteSpan]
    sents: list[Sentence]
    owner: dict[int, tuple[Cue, str]] = field(default_factory=dict)  # id(quote) -> (cue, direct|partial)

    @functools.cached_property
    def starts(self) -> list[int]:
        return [so.start for so in self.sents]

    def sentence_of(self, offset: int) -> Sentence:
        return self.sents[max(0, bisect.bisect_right(self.starts, offset) - 1)]


class _RowBuilder:
    """The rows of one article, paragraph by paragraph: each cue's contents, then every quote with the
    cue that owns it (or none)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[Sentence] = []
        self.lead_in: tuple[Cue, int] | None = None  # a cue ending in a colon, waiting for its quote
        self.prev_block_quotes = False  # the previous paragraph ended inside an unclosed quote

    def paragraph(self, bi: int, block: list[_SentRec]) -> list[Row]:
        text = self.text
        if all(r.kind == "heading" for r in block):
            self.prev_block_quotes = False
            return []  # scare quotes in headings are not speech
        if self.lead_in is not None and self.lead_in[1] < bi - 1:
            self.lead_in = None  # a lead-in reaches the next paragraph, no further
        b_start, b_end = int(block[0].start), int(block[-1].end)
        quotes = pair_quote_marks(text, b_start, b_end)
        masked = mask_quotes(text, b_start, b_end, quotes)
        sents = [
            Sentence(sid, a, b, masked[a - b_start : b - b_start], bi) for sid, a, b in _analysis_spans(text, block)
        ]
        self.sentences.extend(sents)
        para = _Para(bi, b_start, b_end, quotes, sents)
        rows = self._label_rows(para)
        by_sentence = {so.sid: self._sentence_rows(para, so, rows) for so in sents}
        rows.extend(self._quote_row(para, q, by_sentence) for q in quotes)
        self.prev_block_quotes = bool(quotes) and quotes[-1].rule == UNCLOSED.name
        rows.sort(key=lambda r: (r.start, -r.end))
        return rows

    def _label_rows(self, para: _Para) -> list[Row]:
        """The paragraph rules (``speaker label``: "SMITH: …"): the whole paragraph after the label is
        the speaker's."""
        label = next((c for rule in PARAGRAPH_RULES if (c := rule.func(self.text, para.start, para.end))), None)
        if label is None:
            return []
        a, b = label.content
        covering = [q for q in para.quotes if q.open <= a and q.close_end >= b - 1]
        if covering:
            para.owner[id(covering[0])] = (label, "direct")
            return []
        while b > a and self.text[b - 1].isspace():
            b -= 1
        for q in para.quotes:
            para.owner.setdefault(id(q), (label, "partial"))
        return [Row(para.sents[0].sid, "indirect", a, b, label, label.rule, None, para.bi, para.sents[-1].sid)]

    def _sentence_rows(self, para: _Para, so: Sentence, rows: list[Row]) -> list[Cue]:
        """Add the indirect rows of one sentence's cues, mark the quotes they own; return the cues
        that name a speaker (for the sentence's uncued quotes)."""
        here = [q for q in para.quotes if q.open < so.end and q.close_end > so.start]
        cues = analyse_sentence(so, here)
        for cue in cues:
            if cue.is_lead_in:
                self.lead_in = (cue, para.bi)
                continue
            if cue.direct is not None:
                para.owner.setdefault(id(cue.direct), (cue, "direct"))
            if cue.content is not None:
                self._content_row(para, so, here, cue, rows)
        return [c for c in cues if c.speaker is not None and not c.is_lead_in]

    def _content_row(self, para: _Para, so: Sentence, here: list[QuoteSpan], cue: Cue, rows: list[Row]) -> None:
        a, b = cue.content
        covering = [q for q in here if q.open <= a and q.close_end >= b - 1]
        if covering:
            para.owner.setdefault(id(covering[0]), (cue, "direct"))
            return
        if not _WORD_RE.search(self.text, a, b):
            return  # punctuation only: no clause after all
        rows.append(Row(so.sid, "indirect", a, b, cue, cue.rule, None, para.bi, so.sid))
        for q in here:
            if a <= q.open and q.close_end <= b + 1 and id(q) not in para.owner:
                para.owner[id(q)] = (cue, "partial")

    def _quote_row(self, para: _Para, q: QuoteSpan, by_sentence: dict[int, list[Cue]]) -> Row:
        """The row of quote ``q``: owned by a cue (``direct``/``partial``), or ``no cue``."""
        so, eo = para.sentence_of(q.open), para.sentence_of(max(q.inner_end - 1, q.open))
        kind = _quote_kind(so, q)
        if id(q) not in para.owner:
            cue = self._uncued_cue(para, q, so, kind, by_sentence)
            if cue is not None:
                para.owner[id(q)] = (cue, "direct")
        if id(q) not in para.owner:
            row = Row(so.sid, kind, q.inner_start, q.inner_end, None, NO_CUE, q.rule, para.bi, eo.sid)
            if kind == "direct" and para.bi > 0:
                row.extra["continues"] = self.prev_block_quotes
            return row
        cue, how = para.owner[id(q)]
        if how == "direct" and kind == "partial" and not only_punct_after(eo, q.close_end):
            how = "partial" if q.open > so.start + 1 else how
        start = q.inner_start
        if cue.rule.label_in_quote and how == "direct":
            start = max(q.inner_start, cue.content[0])  # a label inside the quote ("“SMITH: …”") is not quoted
        row = Row(so.sid, how if how == "partial" else kind, start, q.inner_end, cue, cue.rule, q.rule, para.bi, eo.sid)
        row.inside = how != "direct"
        return row

    def _uncued_cue(
        self, para: _Para, q: QuoteSpan, so: Sentence, kind: str, by_sentence: dict[int, list[Cue]]
    ) -> Cue | None:
        """A cue for a quote no cue took: the ``colon lead-in`` waiting for it, else the first of
        :data:`UNCUED_RULES` that gives one (a ``dash attribution`` after it, the cue of its sentence)."""
        if self.lead_in is not None and kind == "direct" and self.lead_in[0].end <= q.open:
            cue, self.lead_in = self.lead_in[0], None
            return cue
        return next((c for rule in UNCUED_RULES if (c := rule.func(self.text, para, q, so, by_sentence))), None)


def _dash_attribution(
    text: str, para: _Para, q: QuoteSpan, so: Sentence, by_sentence: dict[int, list[Cue]]
) -> Cue | None:
    """Rule ``dash attribution``: a dash and a name right after the quote sign it."""
    return _dash_cue(text, q, para.end)


def _same_sentence(
    text: str, para: _Para, q: QuoteSpan, so: Sentence, by_sentence: dict[int, list[Cue]]
) -> Cue | None:
    """Rule ``same sentence as cue``: "“A,” he said, but “B.”": the cue of the quote's sentence
    (the nearest one naming a speaker)."""
    if not by_sentence.get(so.sid):
        return None
    near = min(by_sentence[so.sid], key=lambda c: abs(c.start - q.open))
    return Cue(near.start, near.end, near.text, near.speaker, None, rule=SAME_SENTENCE_AS_CUE)


def build_rows(text: str, sentences: pd.DataFrame) -> tuple[list[Row], list[Sentence]]:
    """All rows of the quote-mark pass in text order, and the analysed sentences."""
    builder = _RowBuilder(text)
    rows: list[Row] = []
    for bi, block in enumerate(_blocks(sentences)):
        rows.extend(builder.paragraph(bi, block))
    return rows, builder.sentences


def _quote_kind(s: Sentence, q: QuoteSpan) -> str:
    """``direct`` when the quote opens its sentence (or follows a colon/dash/cue comma), else ``partial``."""
    head = s.masked[: max(0, q.open - s.start)]
    if not re.search(r"\w", head):
        return "direct"
    if re.search(r"[:—–]\s*$", head) or re.search(r",\s*$", head) and only_punct_after(s, q.close_end):
        return "direct"
    return "partial"


# -- the rules of this module (values of ``quotes.rule``) ------------------------------------------

SPEAKER_LABEL = QuoteRule(
    "speaker label",
    "a transcript or interview label opens the paragraph (SMITH: …): the rest of it is the speaker's",
    Example(
        "KORVEL: We will reopen the port on Monday.",
        {"kind": "indirect", "text": "We will reopen the port on Monday.", "cue": ":", "speaker": "KORVEL"},
    ),
    _label_cue,
    label_in_quote=True,
)
DASH_ATTRIBUTION = QuoteRule(
    "dash attribution",
    "a pull quote signed with a dash and a name: “A” ― X",
    Example(
        "“We will reopen the port.” ― Dana Korvel",
        {"kind": "direct", "text": "We will reopen the port.", "cue": "―", "speaker": "Dana Korvel"},
    ),
    _dash_attribution,
)
SAME_SENTENCE_AS_CUE = QuoteRule(
    "same sentence as cue",
    "“A,” X said, but “B”: a quote no cue took takes the cue of its sentence",
    Example(
        "“We will reopen,” Dana Korvel said, but “the ferries will wait.”",
        {"kind": "partial", "text": "the ferries will wait.", "cue": "said", "speaker": "Dana Korvel"},
    ),
    _same_sentence,
)
NO_CUE = QuoteRule(
    "no cue",
    "a quote nobody is cued for (its speaker may be carried over from the quote before)",
    Example(
        "The mood at the harbour was “cautiously hopeful” on Monday.",
        {"kind": "partial", "text": "cautiously hopeful", "cue": None, "speaker": None},
    ),
    _RowBuilder._quote_row,
)
#: Rules tried once per paragraph, before its sentences.
PARAGRAPH_RULES = (SPEAKER_LABEL,)
#: Rules tried, in order, for a quote that no cue took (after a colon lead-in waiting for it).
UNCUED_RULES = (DASH_ATTRIBUTION, SAME_SENTENCE_AS_CUE)
