"""The quotes table: rows, their speakers, carried-over speakers and quotation ids, in text order.

Reads the text, the story sentences and the entities table; runs the quote-mark pass
(:mod:`.rows`), resolves each row's speaker (:mod:`.speakers`), gives an uncued quote the previous
speaker, ties the fragments of an interrupted quotation by ``quotation_id``, adds the unmarked speech
(:mod:`.unmarked`) and links every speaker to an actor (:func:`analysis.nlp.identity.link_speakers`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.extract.quotes.kinds import SpeakerRule, clause_columns
from analysis.extract.quotes.marks import DOUBLE_MARK_RE, UNCLOSED
from analysis.extract.quotes.objects import TagIndex
from analysis.extract.quotes.rows import SAME_SENTENCE_AS_CUE, Row, build_rows
from analysis.extract.quotes.speakers import Resolver, speaks_as
from analysis.extract.quotes.unmarked import with_unmarked_speech
from analysis.frames import nullable_ints
from analysis.nlp.coref import Coref
from analysis.nlp.identity import AS_OTHER, link_speakers
from analysis.nlp.tokens import tokenize
from analysis.rules import Example

QUOTE_COLUMNS = [
    "quote_id",
    "sentence_id",
    "kind",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_ids",
    "speaker_start",
    "speaker_end",
    "speaker_text",
    "cue",
]
#: Provenance columns added after the contract columns.
EXTRA_COLUMNS = [
    "cue_start",
    "cue_end",
    "rule",
    "speaker_rule",
    "mark_rule",
    "end_sentence_id",
    "quotation_id",
    "clause_start",
    "clause_end",
    "fragments",
]

#: Characters allowed between a cue and the quote that goes on its interrupted quotation: the rest
#: of the cue's sentence ("“A,” X said in a statement on Monday. “B.”"), not a further report.
CONTINUATION_GAP = 100


def _continues_quotation(text: str, row: Row, prev: Row) -> bool:
    """True when the direct quote ``row`` goes on the quotation ``prev`` that its cue interrupted.

    "“A,” X said. “B.”" and "“A,” X said, “B.”": ``prev`` is a direct quote whose cue follows it, and
    ``row`` opens right after that cue, in the same or the next sentence of the paragraph, with no
    cue of its own (or only the same cue).
    """
    pc = prev.cue
    if pc is None or prev.kind != "direct" or row.block != prev.block or pc.start < prev.end:
        return False
    gap = text[pc.end : max(pc.end, row.start - 2)]
    if row.start <= pc.end or len(gap) > CONTINUATION_GAP or DOUBLE_MARK_RE.search(gap):
        return False  # another quotation, or more than the rest of the cue's sentence, lies between
    if row.cue is None:
        return row.speaker_rule == CARRIED_OVER_SAME.value()
    return row.rule is SAME_SENTENCE_AS_CUE and not row.inside and row.cue.start == pc.start


def extract_quotes(
    text: str, sentences: pd.DataFrame, entities: pd.DataFrame, tokens: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return one row per direct, partial or indirect quote with its resolved speaker.

    The quotes table of :func:`extract_quotes_linked` (see there); the examples show the columns.

    Examples
    --------
    >>> from analysis import Article
    >>> art = Article.from_text("“We will win,” Jane Smith said. Smith added that the vote was close.", layout="plain")
    >>> q = extract_quotes(art.text, art.story_sentences, art.entities)  # the entities name "Smith"
    >>> q[["kind", "text", "speaker", "cue"]].values.tolist()
    [['direct', 'We will win,', 'Jane Smith', 'said'], ['indirect', 'the vote was close.', 'Jane Smith', 'added']]
    """
    return extract_quotes_linked(text, sentences, entities, tokens)[0]


def extract_quotes_linked(
    text: str,
    sentences: pd.DataFrame,
    entities: pd.DataFrame,
    tokens: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return one row per direct, partial or indirect quote with its resolved speaker.

    Parameters
    ----------
    text : str
        The article text (offsets index into it).
    sentences : DataFrame
        The story sentences (``sentence_id, block_id, kind, start, end``); ``heading`` sentences are
        skipped.
    entities : DataFrame
        Entity mentions (``start, end, actor, actor_type, how``); a row overlapping a speaker mention
        gives the canonical speaker.  May be empty.
    tokens : DataFrame, optional
        The shared tokens of ``sentences`` with their tags (``start, text, pos``), as the article
        computes them once; tokenised here when not given.

    Returns
    -------
    quotes : DataFrame
        ``quote_id, sentence_id, kind, start, end, text, speaker, speaker_ids, speaker_start,
        speaker_end, speaker_text, cue`` plus ``cue_start, cue_end, rule, speaker_rule, mark_rule,
        end_sentence_id, quotation_id, fragments`` (an interrupted quotation is one row, its parts
        in ``fragments``; ``quotation_id`` is the ``quote_id`` of the row a row goes on, as a quote
        goes on the reported clause its cue closed, else its own).  ``speaker`` joins the
        display names of the speakers with "; "; ``speaker_ids`` lists their ``actor_id``.
    quote_speakers : DataFrame
        One row per (quote, speaker): ``quote_id, actor_id, actor, actor_type, speaker_rule``.
    speaking_actors : DataFrame
        Actors that only speak (documents, groups, names no mention covers):
        ``actor_id, actor, actor_type, first_sentence, last_sentence``.
    """
    coref = Coref(text, entities)
    if sentences is None or len(sentences) == 0:
        return link_speakers(pd.DataFrame(columns=QUOTE_COLUMNS + EXTRA_COLUMNS), coref)
    if tokens is None:
        tokens = tokenize(text, sentences)
    rows, sent_objs = build_rows(text, sentences, TagIndex(tokens))
    out = _records(text, rows, sent_objs, Resolver(text, sent_objs, coref))
    out = with_unmarked_speech(text, sentences, entities, out)
    return link_speakers(_quotes_columns(out), coref)


def _records(text: str, rows: list[Row], sent_objs: list, resolver: Resolver) -> list[dict]:
    """Resolve each row's speaker in text order, carry speakers over, tie quotations together and
    join a quotation's continuing paragraphs to its row; return the output records."""
    sent_start = {s.sid: s.start for s in sent_objs}
    sent_span = {s.sid: (s.start, s.end) for s in sent_objs}
    first_of_block: dict[int, int] = {}
    for s in sent_objs:
        first_of_block.setdefault(s.block, s.sid)
    prev: Row | None = None  # the last row with a speaker (the one an uncued quote carries over)
    out: list[dict] = []
    joined: dict[int, int] = {}  # id(cue) -> quotation_id of its first content row
    running: tuple[Row, dict] | None = None  # a quotation left open at its paragraph's end
    for row in rows:
        if running is not None and _continues_paragraphs(row, running[0], first_of_block):
            _join_paragraph(text, running, row)
            running = running if row.mark_rule == UNCLOSED.name else None
            continue
        if row.cue is not None and row.cue.speaker is not None:
            row.mention = row.cue.speaker
            resolver.resolve(row, sent_start[row.sentence_id])
        elif row.cue is None and prev is not None:
            _carry_over(row, prev)
        if row.speaker is None and (row.cue is None or row.cue.speaker is None):
            # no cue, or a cue whose speaker candidate could not speak: the person its sentence names
            resolver.sentence_person(row, sent_span[row.sentence_id])
        if _term_in_quote_marks(text, row):
            continue
        qid = _quotation_id(text, row, prev, joined, len(out))
        if row.kind != "indirect" or row.speaker:
            prev = row if row.speaker else prev
        out.append(_record(text, row, qid))
        if row.kind != "indirect":
            running = (row, out[-1]) if row.kind == "direct" and row.mark_rule == UNCLOSED.name else None
    return _one_row_per_quotation(out)


#: A quote of at most this many words that no cue takes and no one could have said is a term.
TERM_WORDS = 3


def _term_in_quote_marks(text: str, row: Row) -> bool:
    """A few quoted words with no cue and no speaker — not carried over, no person in their sentence
    ("the so-called “long tail”", "“full screen”") — are a term or a scare quote, nobody's words:
    no row (one row per attribution)."""
    return (
        row.cue is None
        and row.speaker is None
        and row.kind != "indirect"
        and row.mark_rule != UNCLOSED.name
        and len(text[row.start : row.end].split()) <= TERM_WORDS
    )


#: The speaker columns a quotation's row takes from a later fragment when its first names nobody.
_SPEAKER_FIELDS = ("speaker", "speaker_start", "speaker_end", "speaker_text", "speaker_rule", "speaks_as")


def _one_row_per_quotation(out: list[dict]) -> list[dict]:
    """One row per attribution: a later row of an interrupted quotation ("“A,” X said. “B.”", "A, X
    said, B": the same ``quotation_id`` and kind) is one more of its first row's ``fragments``; the
    row's span stays the first fragment's.  ``quotation_id`` is then the position of that row."""
    first: dict[int, dict] = {}
    kept: list[dict] = []
    for r in out:
        head = first.get(r["quotation_id"])
        if head is not None and head["kind"] == r["kind"]:
            head["fragments"] = head["fragments"] + r["fragments"]
            head["end_sentence_id"] = max(head["end_sentence_id"], r["end_sentence_id"])
            if head["speaker"] is None and r["speaker"] is not None:
                head.update({k: r[k] for k in _SPEAKER_FIELDS})
            continue
        first.setdefault(r["quotation_id"], r)
        kept.append(r)
    position = {id(r): i for i, r in enumerate(kept)}
    for r in kept:
        r["quotation_id"] = position[id(first[r["quotation_id"]])]
    return kept


def _continues_paragraphs(row: Row, open_row: Row, first_of_block: dict[int, int]) -> bool:
    """True when ``row`` is the next paragraph of a quotation ``open_row`` left open (the news
    convention: no closing mark at a paragraph's end, an opening mark at the next one's start), with
    no cue of its own."""
    return (
        row.cue is None
        and row.kind == "direct"
        and bool(row.extra.get("continues"))
        and row.sentence_id == first_of_block.get(row.block)
        and open_row.block + len(open_row.fragments or [None]) == row.block
    )


def _join_paragraph(text: str, running: tuple[Row, dict], row: Row) -> None:
    """One quotation, one row: the paragraph ``row`` goes on the open quotation's row (its span
    grows to it, the paragraph becomes one of its ``fragments``)."""
    open_row, rec = running
    if not open_row.fragments:
        open_row.fragments = [(open_row.start, open_row.end)]
    open_row.fragments.append((row.start, row.end))
    open_row.end, open_row.end_sentence_id = row.end, row.end_sentence_id
    rec.update(
        end=row.end,
        text=text[open_row.start : row.end],
        end_sentence_id=row.end_sentence_id,
        fragments=[list(f) for f in open_row.fragments],
    )


def _carry_over(row: Row, prev: Row) -> None:
    """Speaker rules ``carried over`` / ``carried over (same quotation)``: an uncued quote takes the
    speaker of the previous quote in the same or next paragraph (an indirect row: the same paragraph)."""
    if not (prev.speaker and (row.block - prev.block <= 1) and (row.kind == "direct" or row.block == prev.block)):
        return
    row.speaker, row.speaker_rule = prev.speaker, CARRIED_OVER.value()
    if (
        row.block == prev.block
        and prev.mention is not None
        and row.kind == "direct"
        and (prev.kind == "direct" or (prev.cue_closes_content and row.sentence_id <= prev.end_sentence_id + 1))
    ):
        # “A,” X said. “B.”: one quotation interrupted by its cue; X names the speaker of B too
        # (and "A, X said. “B.”": the quote goes on the report the cue closed)
        row.mention, row.speaker_rule = prev.mention, CARRIED_OVER_SAME.value()


def _quotation_id(text: str, row: Row, prev: Row | None, joined: dict[int, int], qid: int) -> int:
    """The ``quotation_id`` of ``row`` (its own id ``qid`` unless it goes on an earlier quotation)."""
    if row.cue is not None and row.cue.joins is not None:
        qid = joined.get(id(row.cue.joins), qid)
    elif prev is not None and row.kind == "direct" and _continues_quotation(text, row, prev):
        qid = prev.extra.get("quotation_id", qid)
    row.extra["quotation_id"] = qid
    if row.cue is not None and not row.inside:
        joined.setdefault(id(row.cue), qid)
    return qid


def _record(text: str, row: Row, qid: int) -> dict:
    """The output columns of one row (``quote_id`` and ``speaker_ids`` are added later)."""
    cue, m = row.cue, row.mention
    return {
        "quotation_id": qid,
        "sentence_id": row.sentence_id,
        "kind": row.kind,
        "start": row.start,
        "end": row.end,
        "text": text[row.start : row.end],
        "speaker": row.speaker,
        "speaker_start": m.start if m else None,
        "speaker_end": m.end if m else None,
        "speaker_text": text[m.start : m.end] if m else None,
        "cue": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "rule": row.rule_value,
        "speaker_rule": row.speaker_rule,
        "mark_rule": row.mark_rule,
        "end_sentence_id": row.end_sentence_id,
        **clause_columns(row.kind, row.start, row.end, row.clause, row.fragments),
        "speaks_as": speaks_as(row.speaker_rule),
    }


#: Offsets that may be missing (no speaker mention, no cue): nullable integers.
_NULLABLE_OFFSETS = ("speaker_start", "speaker_end", "cue_start", "cue_end", "clause_start", "clause_end")


def _quotes_columns(out: list[dict]) -> dict[str, Any]:
    """The quotes table's columns (``speaker_ids`` is filled by ``link_speakers``, which builds the
    table once from them)."""
    cols: dict[str, Any] = {"quote_id": list(range(len(out)))}
    for col in QUOTE_COLUMNS[1:] + EXTRA_COLUMNS:
        if col != "speaker_ids":
            values = [r[col] for r in out]
            cols[col] = nullable_ints(values) if col in _NULLABLE_OFFSETS else values
    cols["speaks_as"] = [r.get("speaks_as", AS_OTHER) for r in out]  # read by link_speakers, not kept
    return cols


# -- the rules of this module (values of ``quotes.speaker_rule``) ----------------------------------

CARRIED_OVER_SAME = SpeakerRule(
    "carried over (same quotation)",
    "“A,” X said. “B.”: B goes on the quotation its cue interrupted; the mention X is kept",
    Example(
        "The port will reopen, Dana Korvel said. “We are ready.”",
        {"speaker_rule": "carried over (same quotation)", "speaker": "Dana Korvel", "speaker_text": "Dana Korvel"},
    ),
    _carry_over,
    stage="row",
)
CARRIED_OVER = SpeakerRule(
    "carried over",
    "a quote no cue took takes the previous quote's speaker (same or next paragraph); no mention",
    Example(
        "“We will reopen the port,” Dana Korvel said.\n\n“The ferries are ready.”",
        {"speaker_rule": "carried over", "speaker": "Dana Korvel", "speaker_text": None},
    ),
    _carry_over,
    stage="row",
)
