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
from analysis.extract.quotes.lexicon import cue_re
from analysis.extract.quotes.marks import MARK_RE, UNCLOSED, QuoteSpan, mask_quotes, pair_quote_marks
from analysis.extract.quotes.objects import TagIndex, reports_speech
from analysis.extract.quotes.phrases import Cue, Sentence, SpeakerMention
from analysis.extract.quotes.turns import TRANSCRIPT_TURN, continues_turn, is_transcript, still_open, turn_span
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
    clause: tuple[int, int] | None = None  # a partial row's whole reported clause
    fragments: list[tuple[int, int]] = field(default_factory=list)  # a partial row's quoted stretches

    def hold(self, q: QuoteSpan, end_sentence_id: int) -> None:
        """Take quote ``q`` of this row's reported clause as quoted words of the same attribution.

        The row becomes ``partial``: its span is the first quote's words, its clause is kept in
        ``clause`` and every quote of the clause is one of its ``fragments``.
        """
        if self.clause is None:
            self.clause = (self.start, self.end)
            self.kind, self.start, self.end, self.mark_rule = "partial", q.inner_start, q.inner_end, q.rule
        self.fragments.append((q.inner_start, q.inner_end))
        self.end_sentence_id = max(self.end_sentence_id, end_sentence_id)

    def add_fragment(self, q: QuoteSpan, end_sentence_id: int) -> None:
        """Another quoted stretch of the same attribution outside the row's clause ("“A,” X said, but
        “B.”"): one more of its ``fragments``; the row's span stays the first."""
        if not self.fragments:
            self.fragments = [(self.start, self.end)]
        self.fragments = sorted([*self.fragments, (q.inner_start, q.inner_end)])
        if self.clause is None:  # the row's words are its first fragment
            self.start, self.end = self.fragments[0]
        self.end_sentence_id = max(self.end_sentence_id, end_sentence_id)

    @property
    def anchor(self) -> int:
        """Where the attribution starts in the text: its clause, else its span."""
        return self.clause[0] if self.clause else self.start

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
_DASH_NAME_RE = re.compile(
    rf"[ \t\xa0]*(?:[―—–]|--)[ \t\xa0]*(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[.,]?[ \t]*$"
)
_WORD_RE = re.compile(r"\w")
#: One quoted word ("“Harbour”", "“13th.”", "“resilient,”"): with no cue, a name or a term, nobody's words.
_ONE_WORD_RE = re.compile(r"[\w’'\-]+[,.?!]?")
_THAT_BEFORE_RE = re.compile(r"\bthat\s+$")


_CLOSING_QUOTE_RE = re.compile(r"[”\"'’»]\W*$")
#: A sentence after a closing quote joins it as its cue when it is this short ("Smith, the
#: committee's chairman, told reporters." fits; a sentence of its own does not) ...
SHORT_CUE_SENTENCE = 80
#: ... and its verb comes within this many words of its start (a subject, not a clause, before it).
SHORT_CUE_SUBJECT_WORDS = 6


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
    clause_of: dict[int, Row] = field(default_factory=dict)  # id(quote) -> the row of the clause holding it
    row_of_cue: dict[int, Row] = field(default_factory=dict)  # id(cue) -> the row of its content

    @functools.cached_property
    def starts(self) -> list[int]:
        return [so.start for so in self.sents]

    def sentence_of(self, offset: int) -> Sentence:
        return self.sents[max(0, bisect.bisect_right(self.starts, offset) - 1)]


class _RowBuilder:
    """The rows of one article, paragraph by paragraph: each cue's contents, then every quote with the
    cue that owns it (or none)."""

    def __init__(self, text: str, tags: TagIndex, transcript: bool = False) -> None:
        self.text = text
        self.tags = tags
        self.transcript = transcript  # the article is a transcript: a turn goes on over paragraphs
        self.turn: Row | None = None  # the transcript turn the last paragraph belonged to
        self.turn_open = False  # that paragraph left its quotation open
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
            Sentence(sid, a, b, masked[a - b_start : b - b_start], bi, self.tags)
            for sid, a, b in _analysis_spans(text, block)
        ]
        self.sentences.extend(sents)
        para = _Para(bi, b_start, b_end, quotes, sents)
        turn = self._turn_rows(para)
        if turn is not None:
            self.prev_block_quotes = False
            return turn
        rows: list[Row] = []
        by_sentence = {so.sid: self._sentence_rows(para, so, rows) for so in sents}
        # the quotes a cue owns first, so that an uncued quote of the same sentence finds its row
        ordered = [q for q in quotes if id(q) in para.owner] + [q for q in quotes if id(q) not in para.owner]
        rows.extend(row for q in ordered if (row := self._quote_row(para, q, by_sentence)) is not None)
        self.prev_block_quotes = bool(quotes) and quotes[-1].rule == UNCLOSED.name
        rows.sort(key=lambda r: (r.anchor, -r.end))
        return rows

    def _turn_rows(self, para: _Para) -> list[Row] | None:
        """A transcript turn: a paragraph opened by a speaker label is one ``direct`` row of the
        labelled speaker; in a transcript, the paragraphs that go on with it join that row.  None
        when the paragraph belongs to no turn (its sentences are then read for cues)."""
        text = self.text
        label = next((c for rule in PARAGRAPH_RULES if (c := rule.func(text, para.start, para.end))), None)
        if label is not None:
            a, b, mark = turn_span(text, label, para.quotes, para.end)
            self.turn = Row(para.sents[0].sid, "direct", a, b, label, label.rule, mark, para.bi, para.sents[-1].sid)
            self.turn_open = still_open(text, para.start, para.end)
            return [self.turn]
        span = None
        if self.transcript and self.turn is not None and self.turn.block + len(self.turn.fragments or [0]) == para.bi:
            span = continues_turn(text, para.start, para.end, para.quotes, self.turn_open)
        if span is None:
            self.turn = None
            return None
        turn = self.turn
        turn.fragments = (turn.fragments or [(turn.start, turn.end)]) + [span]
        turn.end, turn.end_sentence_id = span[1], para.sents[-1].sid
        self.turn_open = still_open(text, para.start, para.end)
        return []

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
        holds_quotes = any(a <= q.open and q.close_end <= b + 1 for q in here)
        said_that = _THAT_BEFORE_RE.search(self.text, max(0, a - 8), a) is not None  # "said that …": a clause
        if (
            cue.rule.complement
            and not (holds_quotes or said_that)
            and not reports_speech(self.tags.span(a, b), cue.verb)
        ):
            return  # "welcomed the plan", "agreed to pay": the verb's object is no speech
        row = Row(so.sid, "indirect", a, b, cue, cue.rule, None, para.bi, so.sid)
        if cue.subject is not None:  # "The port, X said, will reopen": the subject is the clause's first fragment
            row.fragments = [cue.subject, (a, b)]
        rows.append(row)
        para.row_of_cue.setdefault(id(cue), row)
        for q in here:
            if a <= q.open and q.close_end <= b + 1 and id(q) not in para.owner:
                para.owner[id(q)], para.clause_of[id(q)] = (cue, "partial"), row

    def _quote_row(self, para: _Para, q: QuoteSpan, by_sentence: dict[int, list[Cue]]) -> Row | None:
        """The row of quote ``q``: owned by a cue (``direct``/``partial``), or ``no cue``; None when
        the quote is quoted words of a reported clause (its row holds it: one row per attribution)."""
        so, eo = para.sentence_of(q.open), para.sentence_of(max(q.inner_end - 1, q.open))
        kind = _quote_kind(so, q)
        if id(q) not in para.owner:
            cue = self._uncued_cue(para, q, so, kind, by_sentence)
            if cue is not None:
                para.owner[id(q)] = (cue, "direct")
        if id(q) not in para.owner:
            if kind == "partial" and _ONE_WORD_RE.fullmatch(self.text, q.inner_start, q.inner_end):
                return None  # one quoted word ("the module “Harbour”", "the “resilient” port"): a term, nobody's words
            row = Row(so.sid, kind, q.inner_start, q.inner_end, None, NO_CUE, q.rule, para.bi, eo.sid)
            if kind == "direct" and para.bi > 0:
                row.extra["continues"] = self.prev_block_quotes
            return row
        cue, how = para.owner[id(q)]
        if how == "partial" and id(q) in para.clause_of:
            para.clause_of[id(q)].hold(q, eo.sid)
            return None
        host = para.row_of_cue.get(id(cue.joins)) if cue.rule is SAME_SENTENCE_AS_CUE else None
        if host is not None and host.kind != "indirect" and host.block == para.bi:
            host.add_fragment(q, eo.sid)  # "“A,” X said, but “B.”": one attribution, two fragments
            return None
        if how == "direct" and kind == "partial" and not only_punct_after(eo, q.close_end):
            how = "partial" if q.open > so.start + 1 else how
        start = q.inner_start
        if cue.rule.label_in_quote and how == "direct":
            start = max(q.inner_start, cue.content[0])  # a label inside the quote ("“SMITH: …”") is not quoted
        row = Row(so.sid, how if how == "partial" else kind, start, q.inner_end, cue, cue.rule, q.rule, para.bi, eo.sid)
        row.inside = how != "direct"
        para.row_of_cue.setdefault(id(cue), row)
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


def _same_sentence(text: str, para: _Para, q: QuoteSpan, so: Sentence, by_sentence: dict[int, list[Cue]]) -> Cue | None:
    """Rule ``same sentence as cue``: "“A,” he said, but “B.”": the cue of the quote's sentence
    (the nearest one naming a speaker)."""
    if not by_sentence.get(so.sid):
        return None
    near = min(by_sentence[so.sid], key=lambda c: abs(c.start - q.open))
    return Cue(near.start, near.end, near.text, near.speaker, None, rule=SAME_SENTENCE_AS_CUE, joins=near)


def build_rows(text: str, sentences: pd.DataFrame, tags: TagIndex) -> tuple[list[Row], list[Sentence]]:
    """All rows of the quote-mark pass in text order, and the analysed sentences."""
    blocks = _blocks(sentences)
    paragraphs = [(int(b[0].start), int(b[-1].end)) for b in blocks if not all(r.kind == "heading" for r in b)]
    builder = _RowBuilder(text, tags, is_transcript(text, paragraphs))
    rows: list[Row] = []
    for bi, block in enumerate(blocks):
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
    "a quote no cue took takes the cue of its sentence; when that cue's row holds quoted words, the quote "
    "is one more of its fragments (“A,” X said, but “B”: one row)",
    Example(
        "“Good news” came when Dana Korvel said that the port would reopen.",
        {"kind": "direct", "text": "Good news", "cue": "said", "speaker": "Dana Korvel"},
    ),
    _same_sentence,
)
NO_CUE = QuoteRule(
    "no cue",
    "a quote nobody is cued for (its speaker may be carried over from the quote before)",
    Example(
        "The mood at the harbour was “cautiously hopeful about the spring” on Monday.",
        {"kind": "partial", "text": "cautiously hopeful about the spring", "cue": None, "speaker": None},
    ),
    _RowBuilder._quote_row,
)
#: Rules tried once per paragraph, before its sentences.
PARAGRAPH_RULES = (TRANSCRIPT_TURN,)
#: Rules tried, in order, for a quote that no cue took (after a colon lead-in waiting for it).
UNCUED_RULES = (DASH_ATTRIBUTION, SAME_SENTENCE_AS_CUE)
