"""Build the timeline table: temporal expressions normalised against the publication date, with the events they date.

It decides which clause of a sentence an expression dates (``event``, located by
``event_start``/``event_end``: an event noun phrase the expression closes, or the clause around it
without a relative clause or apposition) and which actors took part (the entity mentions in that
clause).  It reads the sentences table in reading order, the pipeline's tokens (their POS tags
give a clause's tense) and the entities table; recognition and normalisation are
:mod:`analysis.extract.timex`'s, run sentence after sentence with one state so that anaphoric
expressions such as "a year earlier" anchor on the last date mentioned.
"""

from __future__ import annotations

import datetime as _dt
import re

import pandas as pd

from analysis.extract.timex import find_timexes
from analysis.frames import column
from analysis.nlp.identity import align_actors, aligned_actors
from analysis.read.dates import parse_date

TIMELINE_COLUMNS = [
    "timex_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "type",
    "value",
    "date_start",
    "date_end",
    "event",
    "actors",
    "rule",
    "anchor",
    "resolved",
    "mod",
    "event_start",
    "event_end",
]

# Clause boundaries inside a sentence: semicolons, colons, dashes, and commas that open a
# subordinate or coordinate clause or a quotation.
_BOUNDARY = re.compile(
    r"\s*(?:[;:]|\s[—–-]{1,2}\s|—|,\s*(?=[“\"‘]|(?:which|who|whom|whose|and|but|while|whereas|although|though|"
    r"because|as|saying|when|where|after|before|since|if|so|yet|according)\b))\s*",
    re.I,
)
_LEAD = re.compile(
    r"^(?:[\s,“”\"‘’'(]|(?:and|but|which|who|while|whereas|although|though|because|as|so|yet|that)\b)+", re.I
)
_PREP_BEFORE = re.compile(
    r"(?:\b(?:on|in|at|during|since|by|over|for|until|till|from|through|throughout|within|before|after|around|about|of)\s+)$",
    re.I,
)
#: Words an event phrase is cut to (then "…"): a short clause, readable in a table cell.
_MAX_WORDS = 14
#: Characters after an opening phrase's comma searched for the main clause's verb (its subject lies between).
_VERB_REACH = 80


def _clauses(s: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _BOUNDARY.finditer(s):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(s):
        spans.append((pos, len(s)))
    return spans or [(0, len(s))]


# A cheap test for a finite verb (auxiliaries, modals, reporting verbs, -ed forms, third person
# -s after a subject-like word): deciding whether a clause stands alone needs no tagger.
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|am|has|have|had|will|would|shall|should|can|could|may|might|must|"
    r"do|does|did|said|says|say|told|tells|made|took|came|went|began|left|met|held|won|lost|saw|gave|got|"
    r"fell|rose|grew|sold|bought|paid|built|brought|kept|ran|set|put|cut|hit|led|spent|sent|found|became|"
    r"know|knew|think|thought|seek|seeks|sought)\b|\b[a-z]{2,}ed\b|"
    r"\b(?:he|she|it|who|which|that|[A-Z][a-z]+)\s+(?:also\s+|now\s+|still\s+)?[a-z]{2,}[^s\W]s\b",
)


def _has_verb(s: str, a: int, b: int) -> bool:
    return _VERBISH.search(s, a, b) is not None


# Prepositions that introduce an event noun phrase the expression can close: "during a visit to
# Lisbon on May 3", "after holding a briefing on Friday".
_EVENT_PREP = re.compile(
    r"\b(?:during|after|before|following|ahead\s+of|amid|amidst|at|upon|throughout|prior\s+to)\s+", re.I
)
_REL_START = re.compile(r"\s*(?:which|who|whom|whose)\b", re.I)
# A predicate opening: an auxiliary, a modal, an adverb then a verb, or a past / third-person form.
_PRED_START = re.compile(
    r"\s*(?:(?:also|now|still|then|recently|later)\s+)?(?:(?:has|have|had|is|are|was|were|will|would|could|can|may|"
    r"might|must|should|shall|did|does|do|said|says)\b|[a-z]{2,}ed\b)"
)
# "Subject, apposition without a verb, predicate": the apposition is dropped from the event.
_APPOSITION = re.compile(r"([^,]{1,60}?),\s+([^,]{1,90}?),\s+(?=\S)")


def _tidy(phrase: str) -> str:
    phrase = _LEAD.sub("", phrase)
    phrase = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", phrase)).strip(" ,.;:“”\"'‘’")
    words = phrase.split()
    if len(words) > _MAX_WORDS:
        phrase = " ".join(words[:_MAX_WORDS]) + " …"
    return phrase


def _event_phrase(s: str, ca: int, a: int) -> int | None:
    """Start of an event noun phrase ("a visit to Lisbon") that the expression at ``a`` closes, or None.

    The phrase runs from the last event preposition of the clause before ``a`` to the expression; it
    must hold more than the expression's own preposition and neither a comma nor a finite verb.
    """
    last = None
    for m in _EVENT_PREP.finditer(s, ca, a):
        last = m
    if last is None:
        return None
    inner = _PREP_BEFORE.sub("", s[last.end() : a]).strip()
    if not re.search(r"[A-Za-z]{2}", inner) or "," in inner or ";" in inner or _has_verb(s, last.end(), a):
        return None
    return last.end()


def event_spans(s: str, a: int, b: int) -> tuple[int, int, str, list[tuple[int, int]]]:
    """Return ``(start, end, phrase, pieces)``: :func:`event_clause` plus the stretches the phrase is made of.

    ``pieces`` leave out what the phrase skips (a relative clause or apposition between subject and
    predicate), so actors are looked up only where the event is told.
    """
    spans = _clauses(s)
    i = next((k for k, (x, y) in enumerate(spans) if x <= a < y or x < b <= y), 0)
    ca, cb = spans[i]
    # 1. an event noun phrase closed by the expression: "During a visit to Lisbon on May 3, ..."
    pa = _event_phrase(s, ca, a)
    if pa is not None:
        pieces = [(pa, a)]
        # an opening phrase ("During a visit ..., the minister said"): its actor is the main clause's subject
        lead = re.match(r"[\s“\"‘(]*\w+(?:\s+of|\s+to)?\s+$", s[ca:pa])
        comma = re.compile(r"\s*,\s*").match(s, b)
        if lead and comma:
            verb = _VERBISH.search(s, comma.end(), min(len(s), comma.end() + _VERB_REACH))
            if verb and verb.start() > comma.end():
                pieces.append((comma.end(), verb.start()))
        elif not lead:
            # "A and B signed the accord after holding talks on May 3": the clause's own actors took part
            pieces.append((ca, pa))
        return pa, b, _tidy(_PREP_BEFORE.sub("", s[pa:a])), pieces
    # 2. a clause without a verb takes the next one (or the previous one)
    if not _has_verb(s, ca, cb):
        if i + 1 < len(spans) and _has_verb(s, *spans[i + 1]):
            cb = spans[i + 1][1]
        elif i > 0:
            ca = spans[i - 1][0]
    pieces = [(ca, a), (b, cb)]
    # 3. "Subject, which/who ..., predicate": the subject is the previous clause, the relative clause is skipped
    if i > 0 and ca == spans[i][0] and _REL_START.match(s, ca):
        comma = s.find(",", ca, a)
        if comma > 0 and _PRED_START.match(s, comma + 1):
            sa, sb = spans[i - 1]
            pieces = [(sa, sb), (comma + 1, a), (b, cb)]
            ca = sa
    # 4. "Subject, an apposition, predicate": the apposition is skipped
    elif (m := _APPOSITION.match(s, pieces[0][0], a)) is not None and _PRED_START.match(s, m.end() - 1):
        if not _has_verb(s, m.start(2), m.end(2)):
            pieces = [(m.start(1), m.end(1)), (m.end() - 1, a), (b, cb)]
    before = " ".join(s[x:y] for x, y in pieces[:-1])
    phrase = _PREP_BEFORE.sub("", before.rstrip() + " ") + " " + s[pieces[-1][0] : pieces[-1][1]]
    return ca, cb, _tidy(phrase), pieces


def event_clause(s: str, a: int, b: int) -> tuple[int, int, str]:
    """Return ``(start, end, phrase)``: the clause of ``s`` that the expression at ``a:b`` dates.

    The clause is the stretch between clause boundaries holding the expression, joined with the
    next (or previous) one when it has no verb.  An event noun phrase the expression closes ("during
    a visit to Lisbon on May 3") is the event itself; a relative clause or an apposition between the
    subject and its predicate is skipped.  The phrase is shortened to a few words, without the
    expression and its preposition.

    Examples
    --------
    >>> event_clause("The bank raised rates in December, which hurt buyers.", 25, 33)[2]
    'The bank raised rates'
    >>> s = "During a visit to Paris on May 3, the minister spoke."
    >>> event_clause(s, s.index("May"), s.index(","))[2]
    'a visit to Paris'
    """
    ca, cb, phrase, _ = event_spans(s, a, b)
    return ca, cb, phrase


def _dateline_event(kinds: list[str], texts: list[str], idx: int) -> str:
    """Name the event of a dateline: published, or updated when an "Updated" label precedes it."""
    here = texts[idx].lower()
    prev = texts[idx - 1].lower() if idx > 0 and kinds[idx - 1] == "dateline" else ""
    if re.search(r"\b(?:updated|modified|revised)\b", here) or re.fullmatch(
        r"\s*(?:updated|modified|last updated)\s*:?\s*", prev
    ):
        return "article updated"
    return "article published"


def _pipeline_tags(tokens: pd.DataFrame | None):
    """Return ``tags_of(sentence_id, sentence_start)``: a lazy getter of the pipeline's POS tags.

    Token rows are grouped by sentence once (a sentence's tokens in text order, sentences in any
    order); a sentence's tags are built only for the few sentences whose tense matters.
    """
    if tokens is None or not len(tokens):
        return lambda sid, off: None
    rows_of: dict[int, list[int]] = {}
    for i, sid in enumerate(tokens["sentence_id"].tolist()):
        rows_of.setdefault(sid, []).append(i)
    starts, ends, words, tags = (tokens[c].tolist() for c in ("start", "end", "text", "pos"))

    def tags_of(sid: int, off: int):
        rows = rows_of.get(sid)
        if not rows:
            return None
        return lambda: [(starts[i] - off, ends[i] - off, words[i], tags[i]) for i in rows]

    return tags_of


def extract_timeline(
    text: str,
    sentences: pd.DataFrame,
    *,
    published: str | None,
    entities: pd.DataFrame,
    tokens: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return one row per temporal expression with its value, interval, event and actors.

    Parameters
    ----------
    text : str
        The article text (offsets index into it).
    sentences : DataFrame
        ``sentence_id, kind, start, end, text`` rows in reading order (boilerplate already removed).
    published : str or None
        The ISO publication date (document creation time); relative expressions stay unresolved
        (``resolved`` False, null dates) without it.
    entities : DataFrame
        Entity mentions (``sentence_id, start, end, actor``); may be empty.
    tokens : DataFrame, optional
        POS-tagged tokens (``sentence_id, start, end, text, pos``; each sentence's in text order) the
        pipeline already computed; sentences they cover are not tagged again when a clause's tense
        is needed.
    actors : DataFrame, optional
        The article's actors table: each row's actors are then named as it names them, with their
        ids in a last column ``actor_ids`` (:func:`analysis.nlp.identity.align_actors`, done while
        the table is built).

    Returns
    -------
    DataFrame
        ``timex_id, sentence_id, start, end, text, type, value, date_start, date_end, event, actors``
        plus ``rule`` (the recognition rule, a name of ``timex.RULES``; two names joined by ``+``
        where a time of day and a date were merged), ``anchor`` (``publication date``, ``previous
        date``, ``adjacent date`` or ``none``), ``resolved``, ``mod`` (START/MID/END for "early", "mid-", "late") and
        ``event_start``/``event_end`` (the clause).  ``actors`` is a ``"; "``-joined string.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": [0], "kind": ["body"], "start": [0], "end": [39],
    ...                   "text": ["The minister resigned three days ago."[:39]]})
    >>> tl = extract_timeline(s.text[0], s, published="2023-02-01", entities=pd.DataFrame())
    >>> tl[["text", "type", "value", "event"]].values.tolist()
    [['three days ago', 'DATE', '2023-01-29', 'The minister resigned']]
    """
    by_sentence = _entities_by_sentence(entities)
    tags_of = _pipeline_tags(tokens)
    iso = parse_date(published) if published else None  # parsed once, not per sentence
    dct = _dt.date.fromisoformat(iso) if iso else None
    sids, kinds = sentences["sentence_id"].tolist(), sentences["kind"].tolist()
    starts, texts = sentences["start"].tolist(), sentences["text"].tolist()
    state: dict = {}  # the date last mentioned, carried from sentence to sentence in reading order
    rows = []
    for idx, (sid, kind, sa, st) in enumerate(zip(sids, kinds, starts, texts)):
        for tx in find_timexes(st, dct=dct, state=state, tags=tags_of(sid, sa)):
            if kind == "dateline":
                ea, eb, event, pieces = 0, len(st), _dateline_event(kinds, texts, idx), [(0, len(st))]
            else:
                ea, eb, event, pieces = event_spans(st, tx.start, tx.end)
            names = _actors_in(by_sentence.get(sid, ()), sa, pieces)
            rows.append(_row(sid, sa, tx, event, names, ea, eb))
    return _frame(rows, actors)


def _entities_by_sentence(entities: pd.DataFrame | None) -> dict[int, list[tuple]]:
    """Entity rows ``(sentence_id, start, end, actor)`` grouped once, so each expression scans only its sentence."""
    by_sentence: dict[int, list[tuple]] = {}
    if entities is None or not len(entities) or "actor" not in entities.columns:
        return by_sentence
    for row in zip(*(entities[c].tolist() for c in ("sentence_id", "start", "end", "actor"))):
        by_sentence.setdefault(row[0], []).append(row)
    return by_sentence


def _actors_in(mentions, sa: int, pieces: list[tuple[int, int]]) -> str:
    """The actors (``"; "``-joined, first mention first) whose mentions lie in the event's pieces."""
    names = [
        str(a)
        for _, a0, b0, a in mentions
        if isinstance(a, str) and a and any(a0 >= sa + x and b0 <= sa + y for x, y in pieces)
    ]
    return "; ".join(dict.fromkeys(names))


def _row(sid: int, sa: int, tx, event: str, actors: str, ea: int, eb: int) -> tuple:
    """One timeline row (without ``timex_id``), offsets moved from the sentence into the text."""
    return (
        sid,
        sa + tx.start,
        sa + tx.end,
        tx.text,
        tx.type,
        tx.value,
        tx.date_start,
        tx.date_end,
        event,
        actors,
        tx.rule,
        tx.anchor,
        tx.resolved,
        tx.mod,
        sa + ea,
        sa + eb,
    )


def _frame(rows: list[tuple], actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """The timeline table of ``rows``, numbered; typed columns even when there are none; with
    ``actors``, its actors named as that table names them and their ``actor_ids``."""
    if not rows:
        ints = ("timex_id", "sentence_id", "start", "end", "event_start", "event_end")
        empty = pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c in ints else bool if c == "resolved" else object)
                for c in TIMELINE_COLUMNS
            }
        )
        return empty if actors is None else align_actors(empty, actors)
    cols: dict = {c: list(v) for c, v in zip(TIMELINE_COLUMNS[1:], zip(*rows))}
    if actors is not None:  # one table built, not one built and then copied to rename its actors
        cols["actors"], ids = aligned_actors(cols["actors"], actors)
        cols["actor_ids"] = pd.Series(ids, dtype=object)
    cols = {c: column(v) for c, v in cols.items()}
    cols["resolved"] = pd.array(cols["resolved"], dtype=bool)
    return pd.DataFrame({"timex_id": list(range(len(rows))), **cols})
