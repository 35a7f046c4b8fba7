"""Quotes with resolved speakers: direct, partial and indirect speech.

The extractor works paragraph by paragraph and is linear in the text length:

1. **Quote marks are paired within each paragraph** (:func:`pair_quote_marks`): curly, straight and
   doubled marks mixed, single quotes nested inside double ones ignored, apostrophes inside words
   (``it’s``, ``Japan’s``) skipped.  A paragraph whose quote never closes runs to the paragraph end
   (the news convention for multi-paragraph quotes), so an odd number of marks never shifts the
   pairing of later paragraphs.
2. **Cues are found outside quotes**: the quoted text is masked and the reporting-verb lexicon
   (``data/speech_verbs.tsv``, every inflection) and "according to" are searched in each sentence.
3. **Each cue gets a speaker mention and a content**: the noun phrase before the verb (skipping
   adverbs and auxiliaries, appositions, a coordinated verb phrase's subject), the phrase after an
   inverted verb ("said Smith"), the phrase after "according to"; the content is the quote next to
   the cue (*direct*), the clause after or before the cue (*indirect*) and the quoted words inside
   that clause (*partial*).  News conventions get their own rules: a transcript or interview label
   opening a paragraph ("SMITH: …"), a pull quote signed with a dash ("“…” ― Jane Doe"), a cue
   closing its sentence with a colon ("He said:") whose quote opens the next sentence or paragraph,
   a short cue sentence split off after a quoted question ("“Why?” Smith said.").  A quote with no
   cue of its own takes the speaker of a cue in its sentence ("“A,” he said, but “B”"), or the
   previous quote's speaker (``carried over``; the mention is kept only when the quote continues the
   same report in the same paragraph).
4. **Speakers are resolved** to canonical actors: the ``entities`` table first (an entity row
   overlapping the mention gives its ``actor``), then the module's own fallback: a surname to the
   longest earlier full name ending with it, a pronoun to the person last in focus, "the statement" to
   the document the article introduced ("a joint statement"), "the duo"/"they" to the people last in
   focus.

Every row keeps its provenance: ``rule`` names the extraction pattern, ``speaker_rule`` the
resolution, ``mark_rule`` how the quote marks were paired.

**Interrupted quotations** stay contiguous rows (``text == text[start:end]``, never spanning the cue)
and are tied together by ``quotation_id``, the ``quote_id`` of their first fragment: "“A,” X said.
“B.”" (a direct quote whose cue follows it, continued by an uncued quote opening right after the cue
in the same paragraph, with no other quotation between) and "A, X said, B" (rule ``clause around
cue``).  PolNeAR annotates such a quotation as one discontinuous content; every other row is its own
quotation (``quotation_id == quote_id``).  A reported clause ends where the clause of a later cue of
the sentence begins ("X said A, though she acknowledged B").
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.nlp import lexicons
from analysis.nlp.coref import Coref
from analysis.nlp.identity import link_speakers
from analysis.nlp.names import parse_person
from analysis.resources import first_names, read_lexicon

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
EXTRA_COLUMNS = ["cue_start", "cue_end", "rule", "speaker_rule", "mark_rule", "end_sentence_id", "quotation_id"]

#: Every value of the ``rule`` column, in the order the extractor tries them, with the function that
#: decides it.  A quote inside a cue's clause is ``"inside " + rule``; an -ing cue ("…, saying")
#: prefixes ``"participle "`` to its content rule.  A new rule is a function plus one entry here.
QUOTE_RULES: dict[str, str] = {
    # per paragraph, before its sentences (_RowBuilder._label_rows)
    "speaker label": "a transcript or interview label opens the paragraph: SMITH: … (_label_cue)",
    # per cue of a sentence (_analyse_sentence), once the _NOT_SPEECH checks pass
    "according to": "According to X, A. / A, according to X. (_according)",
    "coordinated": "X arrived and said A: the verb shares an earlier subject (_coordinated_speaker)",
    "inverted": "“A,” said X. (_inverted)",
    "quote then cue": "“A,” X said. (_content_before)",
    "clause then cue": "A, X said. (_content_before)",
    "after content": "the cue closes a content it could not find; it names the sentence's speaker only",
    "clause around cue": "A, X said, B: B goes on the clause the cue interrupts (_after_content)",
    "cue then quote": "X said, “A.” (_cue_then_content)",
    "cue then clause": "X said (that) A, with a clause-taking verb (_cue_then_content)",
    "cue then object": "X told reporters A, with an object-taking verb (_cue_then_content)",
    "coordinated clause": "X said that A, and that B: B (_cue_then_content)",
    "colon lead-in": "X said: closing its sentence, the quote that follows is the content (_cue_then_content)",
    "colon lead-in (subject)": "X made the following comment: with no speech verb (_colon_lead_in_subject)",
    # per quote no cue took (_RowBuilder._uncued_cue), in this order
    "dash attribution": "a pull quote signed with a dash: “A” ― X (_dash_cue)",
    "same sentence as cue": "“A,” X said, but “B”: B takes the cue of its sentence",
    "no cue": "a quote nobody is cued for (its speaker may be carried over)",
    # unmarked speech, after the quote-mark pass (_with_unmarked_speech)
    "colon-introduced speech": "X said: followed by paragraphs of speech without marks (_colon_speech)",
    "readout form": "X expressed her hope that A (_readout_speech)",
    "dash-signed paragraph": "a paragraph followed by a paragraph that only signs it: ― X (_dash_signed)",
}
#: Every value of the ``speaker_rule`` column: how the speaker was resolved, in the order tried
#: (:class:`_Resolver`, then the carry-over and fallbacks of :func:`extract_quotes_linked`).  The
#: speaker of a relative pronoun is ``"relative → " + rule`` of its antecedent; a speaker that
#: names no actor gets ``" (no actor)"`` appended (:func:`analysis.nlp.identity.link_speakers`).
SPEAKER_RULES: dict[str, str] = {
    "coordinated people": "she and Jane Doe said: the people of the mention speak together",
    "entity (…)": "an entity row overlapping the mention; … is the entity's how (name, surname, pronoun …)",
    "relative → …": "who said: the antecedent of the relative pronoun, resolved by these rules",
    "pronoun (person in focus)": "he/she: the person last in focus (PRONOUN_WINDOW)",
    "pronoun (people in focus)": "they: the two people last named (THEY_WINDOW)",
    "pronoun (unresolved)": "any other pronoun (we, I, it)",
    "group (people in focus)": "the duo: the two people last named (GROUP_WINDOW)",
    "group (members of an actor)": "a group noun of an actor (set by link_speakers)",
    "name (full name)": "a surname or title no entity covers: the full name used earlier",
    "name": "a capitalised phrase no entity covers, parsed as a person name",
    "noun phrase (apposition)": "a Swedish scientist, Jane Roe: the person named beside the phrase",
    "noun phrase (antecedent)": "the statement: the document the article introduced",
    "noun phrase (title of person)": "the Secretary: the person bearing that title",
    "noun phrase (organisation in focus)": "the ministry: the organisation named nearby",
    "noun phrase": "the phrase itself (officials, a joint statement)",
    "carried over (same quotation)": "“A,” X said. “B.”: B continues A, mention kept",
    "carried over": "an uncued quote takes the previous quote's speaker",
    "person of the sentence (no cue)": "an uncued quote with nobody to carry over: the person its sentence names",
    "paragraph label": "a quote in a paragraph opened by a speaker label",
    "introducer": "the speaker of an unmarked-speech row (X said:, readout, signature)",
}


def base_speaker_rule(rule: str) -> str:
    """The :data:`SPEAKER_RULES` entry a ``speaker_rule`` value comes from.

    >>> base_speaker_rule("entity (surname) (no actor)")
    'entity (…)'
    """
    rule = rule.removesuffix(" (no actor)")
    if rule.startswith("relative → "):
        return "relative → …"
    return "entity (…)" if rule.startswith("entity (") else rule


#: Prefixes composed with a rule of :data:`QUOTE_RULES` (see there).
RULE_PREFIXES = ("inside ", "participle ")


def base_rule(rule: str) -> str:
    """The :data:`QUOTE_RULES` entry a ``rule`` value comes from ("inside participle cue then clause"
    -> "cue then clause").

    >>> base_rule("inside participle cue then clause")
    'cue then clause'
    """
    for prefix in RULE_PREFIXES:
        rule = rule.removeprefix(prefix)
    return rule


_MASK = "\x1a"  # stands for every character of a quoted stretch in the masked text

# -- lexicons -----------------------------------------------------------------------------------


_Verb = lexicons.Verb
_verbs = lexicons.speech_verbs


@functools.cache
def _function_words() -> dict[str, dict[str, str]]:
    """Return ``{class: {word: detail}}`` from ``quote_function_words.tsv``."""
    out: dict[str, dict[str, str]] = {}
    for row in read_lexicon("quote_function_words.tsv"):
        out.setdefault(row[1], {})[row[0]] = row[2] if len(row) > 2 else ""
    return out


_speaker_nouns = lexicons.speaker_nouns


def _trie_pattern(words: list[str]) -> str:
    """Return a regex alternation of ``words`` factored as a trie (fast to match)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return walk(trie)


@functools.cache
def _cue_re() -> re.Pattern[str]:
    alt = _trie_pattern(list(_verbs()))
    return re.compile(rf"(?<![\w’'\-])(?:(?P<acc>[Aa]ccording\s+to)|(?P<verb>{alt}))(?![\w’'\-])")


# -- quote-mark pairing ---------------------------------------------------------------------------

_MARK_RE = re.compile(r"``|''|[“”\"‘’'«»„‟‹›]")
_OPEN_DOUBLE = {"“", "«", "„", "``"}
_CLOSE_DOUBLE = {"”", "»", "‟"}
_AMBIG_DOUBLE = {'"', "''"}
_SINGLE = {"‘", "’", "'", "‹", "›"}
_OPENERS_BEFORE = set(" \t\n([{—–-/:;") | {""}


@dataclass
class QuoteSpan:
    """One paired (or unclosed) quotation, offsets into the text."""

    open: int  # offset of the opening mark
    inner_start: int
    inner_end: int
    close_end: int  # end of the closing mark (== inner_end when unclosed)
    rule: str  # closed, unclosed, single


def _side(text: str, i: int, j: int) -> tuple[str, str]:
    return (text[i - 1] if i > 0 else ""), (text[j] if j < len(text) else "")


def pair_quote_marks(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Pair the quote marks of one paragraph ``text[start:end]``.

    Double marks (curly, straight, doubled ``''``, guillemets) make quotations; single marks inside
    an open double quotation are nested quotes and are left alone; top-level single quotes pair only
    when one opens at a word start and one closes at a word end.  Apostrophes inside words are not
    marks.  A quotation still open at the paragraph end runs to it (``rule="unclosed"``).

    Parameters
    ----------
    text : str
        The article text.
    start, end : int
        The paragraph's span (default: the whole text).

    Returns
    -------
    list of QuoteSpan
        In text order; ``inner_start``/``inner_end`` exclude the marks.

    Examples
    --------
    >>> t = "He said “it’s ‘fine’ now” and left. She said \\"no"
    >>> [t[q.inner_start : q.inner_end] for q in pair_quote_marks(t)]
    ['it’s ‘fine’ now', 'no']
    """
    end = len(text) if end is None else end
    out: list[QuoteSpan] = []
    open_at: int | None = None  # offset of the open double mark
    open_len = 0
    single_at: int | None = None  # offset of an open top-level single mark
    for m in _MARK_RE.finditer(text, start, end):
        mark, a, b = m.group(), m.start(), m.end()
        before, after = _side(text, a, b)
        if mark in _SINGLE:
            if open_at is None:  # inside a quotation: a nested quote or an apostrophe
                single_at = _single_mark(text, mark, a, b, single_at, out)
            continue
        is_open, is_close = _double_role(mark, before, after, open_at is None)
        if open_at is None:
            if is_open or (not is_close and after and not after.isspace()):
                open_at, open_len = a, b - a
                single_at = None
            # a stray closing mark with nothing open is ignored
            continue
        if is_close or not is_open or (before and not before.isspace()):
            # (an opening mark glued to a word while a quote is open is a mistyped closer)
            out.append(QuoteSpan(open_at, open_at + open_len, a, b, "closed"))
            open_at = None
        else:
            # an opening mark after a space while a quote is open: the earlier quote never closed
            out.append(_unclosed(text, open_at, open_len, a))
            open_at, open_len = a, b - a
    if open_at is not None:
        out.append(_unclosed(text, open_at, open_len, end))
    out.sort(key=lambda q: q.open)
    out = [_trim_inner(text, q) for q in out]
    return [q for q in out if q.inner_end > q.inner_start and text[q.inner_start : q.inner_end].strip()]


def _single_mark(text: str, mark: str, a: int, b: int, single_at: int | None, out: list[QuoteSpan]) -> int | None:
    """Handle a top-level single mark at ``a:b``; return the offset of the single quote left open.

    It opens at a word start and closes at a word end; between two letters it is an apostrophe
    (``it’s``, ``Japan’s``) and changes nothing.
    """
    before, after = _side(text, a, b)
    word_before, word_after = before.isalnum(), after.isalnum()
    if word_before and word_after:
        return single_at
    if single_at is None:
        opens = mark in "‘'‹" and not word_before and (word_after or after in '“"$')
        return a if opens else None
    if mark in "’'›" and not word_after and not text[a - 1].isspace():
        if b - a and a > single_at + 1:
            out.append(QuoteSpan(single_at, single_at + 1, a, b, "single"))
        return None
    return single_at


def _double_role(mark: str, before: str, after: str, nothing_open: bool) -> tuple[bool, bool]:
    """Whether a double mark opens and whether it closes; a straight mark by the characters around it."""
    is_open = mark in _OPEN_DOUBLE
    is_close = mark in _CLOSE_DOUBLE
    if mark in _AMBIG_DOUBLE:
        if before in _OPENERS_BEFORE or before in "“‘(" or before.isspace():
            is_open = not (after == "" or after.isspace())
        if (before == "" or before.isspace()) and (after == "" or after.isspace()):
            is_open = nothing_open  # a tokenised copy spaces every mark (" word . "): they alternate
        is_close = not is_open
    return is_open, is_close


def _unclosed(text: str, open_at: int, open_len: int, stop: int) -> QuoteSpan:
    """A quotation opened at ``open_at`` that never closes: it runs to ``stop`` (spaces trimmed)."""
    while stop > open_at + open_len and text[stop - 1].isspace():
        stop -= 1
    return QuoteSpan(open_at, open_at + open_len, stop, stop, "unclosed")


def _trim_inner(text: str, q: QuoteSpan) -> QuoteSpan:
    """Spaces just inside the marks (a tokenised copy's '" a win . "') are not part of the quote."""
    a, b = q.inner_start, q.inner_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return q if (a, b) == (q.inner_start, q.inner_end) else QuoteSpan(q.open, a, b, q.close_end, q.rule)


# -- tokens of a masked sentence --------------------------------------------------------------------

#: A masked quotation, a number with thousands separators ("2,000": its comma ends no clause), a
#: word (with inner apostrophes, hyphens, periods), or one other character.
_TOKEN_RE = re.compile(rf"{_MASK}+|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?\b|\w+(?:[’'\-–.&]\w+)*|[^\w\s]")


@dataclass
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_mask(self) -> bool:
        return self.text[0] == _MASK

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


@dataclass
class _Mention:
    start: int
    end: int
    rule: str  # name, pronoun, relative, noun phrase, group
    antecedent: tuple[int, int] | None = None  # for relative pronouns: the phrase they stand for


@dataclass
class _Cue:
    start: int
    end: int
    text: str
    speaker: _Mention | None
    content: tuple[int, int] | None  # indirect clause (offsets into the text), when any
    direct: QuoteSpan | None = None
    rule: str = ""
    region: tuple[int, int] | None = None  # stretch whose quotes are this cue's partial quotes
    joins: _Cue | None = None  # the cue whose content this one continues ("A, he said, B")


@dataclass
class _Row:
    sentence_id: int
    kind: str
    start: int
    end: int
    cue: _Cue | None
    rule: str
    mark_rule: str | None
    block: int
    end_sentence_id: int
    speaker: str | None = None
    speaker_rule: str | None = None
    mention: _Mention | None = None
    extra: dict = field(default_factory=dict)


def _fw(cls: str) -> dict[str, str]:
    return _function_words().get(cls, {})


def _is_adverb(t: _Tok) -> bool:
    low = t.low
    return low in _fw("adverb") or (low.endswith("ly") and len(low) > 4 and t.text.islower())


def _skip_back_adverbs(toks: list[_Tok], j: int) -> int:
    aux = _fw("aux") | _fw("aux-be")
    while j >= 0 and toks[j].is_word and (_is_adverb(toks[j]) or toks[j].low in aux):
        j -= 1
    return j


_NP_STOP_CLASSES = ("preposition", "subordinator", "relative", "aux", "aux-be")

# Windows of the phrase finders, in tokens of one sentence.  They keep the scans linear and stop a
# phrase from running through a whole clause when no stop word ends it.
#: A speaker noun phrase ("the former deputy secretary of state Jane Doe") is at most this long.
NP_TOKENS = 10
#: The hearer of "told"/"assured" ("told CNN's Jane Doe") before the reported clause.
HEARER_TOKENS = 6
#: The source after "according to" ("according to a senior official of the ministry").
ACCORDING_NP_TOKENS = 12
#: Tokens between that source and the comma that closes it ("according to X on Monday,").
ACCORDING_TAIL_TOKENS = 8
#: A dash apposition between subject and verb ("Smith -- co-editor of a book on debates -- said").
DASH_APPOSITION_TOKENS = 30
#: A comma apposition between subject and verb ("Smith, a senior official, said").
COMMA_APPOSITION_TOKENS = 14
#: Words between a cue and its "that" ("said in a statement on Thursday that").
THAT_TOKENS = 12
#: An adjunct after a cue, before the colon or comma that opens its content ("said on Twitter:").
ADJUNCT_TOKENS = 10
#: A short adjunct inside an interrupting cue ("A, he said in May, B").
INTERRUPTION_ADJUNCT_TOKENS = 8
#: Tokens after a cue searched for an explicit complement ("that", a colon or a quote).
COMPLEMENT_TOKENS = 6


def _is_time(t: _Tok) -> bool:
    return t.is_word and (t.low in _fw("time") or (t.text.isdigit() and len(t.text) == 4))


def _skip_back_time(toks: list[_Tok], j: int) -> int:
    """Skip a time adjunct between subject and verb ("Smith on Tuesday said", "who in 2010 said")."""
    k = j
    while k >= 0 and (_is_time(toks[k]) or (toks[k].text.isdigit() and k < j)):
        k -= 1
    if k == j or k < 0 or toks[k].low not in _fw("time-lead"):
        return j
    while k >= 0 and toks[k].low in _fw("time-lead"):
        k -= 1
    return _skip_back_adverbs(toks, k)


def _np_back(toks: list[_Tok], j: int, limit: int = NP_TOKENS) -> tuple[int, int] | None:
    """Return token indices ``(first, last)`` of the noun phrase ending at token ``j``."""
    if j < 0 or not (toks[j].is_word or toks[j].text == ")"):
        return None
    stop_words = set().union(*(_fw(c) for c in _NP_STOP_CLASSES)) - {"of", "for"}
    verbs = _verbs()
    first = j
    i = j
    depth = 0
    while i >= 0 and j - i < limit:
        t = toks[i]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            if t.is_mask:
                break
            if not t.is_word and t.text not in ".&’'-":
                break
            if t.is_word:
                low = t.low
                if i != j and t.text.islower() and toks[i + 1].low in ("a", "an", "the") and low not in ("of", "for"):
                    break  # "issued a statement": a verb or preposition before a determiner
                if i != j and (
                    low in stop_words or (low in verbs and not t.is_cap) or low == "and" and not _and_joins(toks, i)
                ):
                    break
                if i != j and low in _fw("pronoun") and low not in ("it",) and toks[i + 1].low != "and":
                    break
        first = i
        i -= 1
    # trim leading connectives, prepositions, punctuation
    while first <= j and (
        not toks[first].is_word or toks[first].low in _fw("connective") or toks[first].low in stop_words
    ):
        if toks[first].text == "(":
            break
        first += 1
    if first > j:
        return None
    return first, j


def _and_joins(toks: list[_Tok], i: int) -> bool:
    """True when the ``and`` at ``i`` joins two names/pronouns ("he and Smith")."""
    prev = toks[i - 1] if i > 0 else None
    return prev is not None and prev.is_word and (prev.is_cap or prev.low in _fw("pronoun"))


def _np_forward(toks: list[_Tok], i: int, limit: int = NP_TOKENS) -> tuple[int, int] | None:
    """Return token indices of the noun phrase starting at ``i`` (names, determiners, nouns)."""
    if i >= len(toks) or not toks[i].is_word:
        return None
    verbs = _verbs()
    stop_words = set().union(*(_fw(c) for c in _NP_STOP_CLASSES)) - {"of", "for"}
    last = None
    k = i
    seen_cap = False
    while k < len(toks) and k - i < limit:
        t = toks[k]
        if t.is_mask or (not t.is_word and t.text not in ".’'-&"):
            break
        if t.is_word:
            low = t.low
            if k > i and (
                low in stop_words or low in verbs or _is_adverb(t) or low in _fw("connective") and low != "and"
            ):
                break
            if low == "and" and not (k > i and toks[k - 1].is_cap and k + 1 < len(toks) and toks[k + 1].is_cap):
                break
            if k > i and seen_cap and not t.is_cap and low not in ("of", "for") and not low.endswith("’s"):
                # a lower-case word after a name ends the phrase
                if low not in _speaker_nouns():
                    break
            if k > i and low.endswith("ed") and not t.is_cap:
                break
            if low in _fw("pronoun"):
                if k == i:
                    return (i, i)
                break
            seen_cap = seen_cap or (t.is_cap and low not in _fw("determiner"))
        last = k
        k += 1
    if last is None:
        return None
    while last > i and not toks[last].is_word:
        last -= 1
    return i, last


def _clause_start(toks: list[_Tok], upto: int) -> int:
    """Index of the first token of the main clause (after a fronted adverbial and connectives)."""
    i = 0
    if (
        toks
        and toks[0].is_word
        and (
            toks[0].low in _fw("preposition")
            or toks[0].low in _fw("subordinator")
            or toks[0].low == "according"
            or (
                len(toks[0].low) > 5
                and toks[0].low.endswith(("ed", "ing"))
                and len(toks) > 1
                and toks[1].text.islower()
            )
        )
    ):
        for k in range(1, upto):
            if toks[k].text == ",":
                i = k + 1
                break
    while i < upto and toks[i].is_word and toks[i].low in _fw("connective"):
        i += 1
    while i < upto and toks[i].text in ",;":
        i += 1
    return i


# -- the extractor -------------------------------------------------------------------------------


class _Sentence:
    """One sentence with its masked tokens."""

    def __init__(self, sid: int, start: int, end: int, masked: str, block: int) -> None:
        self.sid, self.start, self.end, self.block = sid, start, end, block
        self.masked = masked

    @functools.cached_property
    def toks(self) -> list[_Tok]:
        # built only for sentences that hold a cue
        start = self.start
        return [_Tok(m.start() + start, m.end() + start, m.group()) for m in _TOKEN_RE.finditer(self.masked)]

    @functools.cached_property
    def starts(self) -> list[int]:
        return [t.start for t in self.toks]

    def tok_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def _speaker_before(s: _Sentence, ci: int) -> tuple[_Mention | None, str, int]:
    """Find the speaker before cue token ``ci``.

    Returns the mention, the layout (``clause``: speaker then cue at the clause start; ``after``:
    the cue follows its content; ``coordinated``: the subject of a coordinated verb phrase) and the
    index of the first token of the speaker phrase.
    """
    toks = s.toks
    j = _skip_back_time(toks, _skip_back_adverbs(toks, ci - 1))
    if j < 0:
        return None, "none", ci
    t = toks[j]
    if t.is_mask:
        return None, "inverted", j
    if t.text in _DASHES and j > 0:
        found = _dash_apposition(s, j)
        return (found[0], "apposition", found[1]) if found else (None, "none", ci)
    if t.text == ",":
        found = _comma_apposition(s, j)
        return (found[0], "apposition", found[1]) if found else (None, "inverted", j)
    if t.low in ("and", "or", "but"):
        return None, "coordinated", j
    if t.low in ("who", "which", "that") and t.text.islower():
        ante = _np_back(toks, j - 1 - (1 if j > 0 and toks[j - 1].text == "," else 0))
        m = _Mention(t.start, t.end, "relative")
        if ante:
            m.antecedent = (toks[ante[0]].start, toks[ante[1]].end)
        return m, "relative", j
    if t.low in _fw("pronoun"):
        return _Mention(t.start, t.end, "pronoun"), "clause", j
    if t.is_word and t.low in _fw("preposition"):
        return None, "none", ci
    np = _np_back(toks, j)
    if not np:
        return None, "none", ci
    return _mention_from(s, np), "clause", np[0]


_DASHES = "—–-―"


def _dash_apposition(s: _Sentence, j: int) -> tuple[_Mention, int] | None:
    """"Smith -- co-editor of a book on debates -- said": the phrase before the opening dash."""
    toks = s.toks
    k = j - 1
    while k >= 0 and toks[k].text in _DASHES:
        k -= 1
    while k >= 0 and toks[k].text not in _DASHES and not toks[k].is_mask and j - k < DASH_APPOSITION_TOKENS:
        k -= 1
    while k >= 1 and toks[k - 1].text in _DASHES:
        k -= 1
    if k > 0 and toks[k].text in _DASHES:
        np = _np_back(toks, k - 1)
        if np:
            return _mention_from(s, np), np[0]
    return None


def _comma_apposition(s: _Sentence, j: int) -> tuple[_Mention, int] | None:
    """"Smith, a senior official, said" / "The state's chairman, Jane Doe, said": the phrase before
    the opening comma (with the name, when a name is the apposition)."""
    toks = s.toks
    k = j - 1
    while k >= 0 and toks[k].text != "," and not toks[k].is_mask and j - k < COMMA_APPOSITION_TOKENS:
        k -= 1
    if not (k > 0 and toks[k].text == "," and k + 1 < j):
        return None
    opener = toks[k + 1]
    if opener.low in _fw("determiner") or opener.low in _fw("relative") or not opener.is_cap:
        np = _np_back(toks, k - 1)
        if np:
            return _mention_from(s, np), np[0]
    if opener.is_cap:
        # "Senator Jane Doe, Democrat of Ohio, said": a capitalised apposition after the noun phrase
        # that opens the clause
        np = _np_back(toks, k - 1)
        if np and np[0] <= _clause_start(toks, k):
            inner = _np_back(toks, j - 1)
            if inner and inner[0] == k + 1 and not toks[np[1]].is_cap and toks[inner[1]].is_cap:
                np = (np[0], inner[1])  # the name closes the mention: "the chairman, Jane Doe"
            return _mention_from(s, np), np[0]
    return None


def _mention_from(s: _Sentence, np: tuple[int, int]) -> _Mention:
    toks = s.toks
    a, b = toks[np[0]], toks[np[1]]
    low = b.low
    if np[0] == np[1] and low in _fw("pronoun"):
        rule = "pronoun"
    elif b.is_cap and low not in _speaker_nouns():
        rule = "name"
    elif low in _speaker_nouns() and _speaker_nouns()[low][0] == "group":
        rule = "group"
    else:
        rule = "noun phrase"
    return _Mention(a.start, b.end, rule)


def _subject(s: _Sentence, upto: int) -> _Mention | None:
    i = _clause_start(s.toks, upto)
    np = _np_forward(s.toks, i)
    if not np or np[1] >= upto:
        return None
    return _mention_from(s, np)


def _content_after(s: _Sentence, ci: int, verb: _Verb | None) -> int | None:
    """Token index where the reported clause after the cue starts (None when there is none)."""
    toks = s.toks
    n = len(toks)
    k = ci + 1
    # "said that", "told reporters that", "said in a statement Thursday that"
    for m in range(k, min(n, k + THAT_TOKENS)):
        tm = toks[m]
        if tm.is_mask or tm.text in ":;," or tm.low == "and" or tm.low in _verbs() and m > k:
            break
        if tm.low == "that" and tm.text.islower():
            if m == k or all(
                toks[x].low in _fw("preposition")
                or toks[x].low in _fw("time")
                or toks[x].low in _fw("determiner")
                or not toks[x].is_word
                or toks[x].is_cap
                or verb is not None
                and verb.frame == "object"
                or x > k
                for x in range(k, m)
            ):
                if (
                    m == k
                    or toks[k].low in _fw("preposition")
                    or toks[k].low in _fw("time")
                    or toks[k].is_cap
                    or (verb is not None and verb.frame == "object")
                    or m - k <= 3
                ):
                    return m + 1 if m + 1 < n else None
            break
    if verb is not None and verb.frame == "object" and verb.lemma in ("tell", "ask", "assure", "inform", "urge"):
        # skip the hearer: "told reporters", "told CNN's Jake Tapper"
        np = _np_forward(toks, k, limit=HEARER_TOKENS)
        if np:
            k = np[1] + 1
    while k < n and toks[k].is_word and (_is_adverb(toks[k]) or toks[k].low in _fw("time")):
        k += 1
    while k + 1 < n and toks[k].low in ("on", "in", "at", "last", "this", "next") and _is_time(toks[k + 1]):
        k += 2  # "said on Monday it would ...": a time adjunct before the clause
    if k < n and toks[k].is_word and toks[k].low in _fw("preposition") and toks[k].low != "to":
        # an adjunct such as "in a statement" or "on Twitter" before a colon/comma and the content
        for m in range(k, min(n, k + ADJUNCT_TOKENS)):
            if toks[m].text in ",:" or toks[m].is_mask:
                k = m
                break
    while k < n and toks[k].text in ",:":
        k += 1
    return k if k < n else None


def _content_end(s: _Sentence, k: int, stop_at: int | None) -> int:
    """End offset of the clause starting at token ``k``: sentence end, '; ', ', and that', next cue."""
    return _content_end_next(s, k, stop_at)[0]


def _content_end_next(s: _Sentence, k: int, stop_at: int | None) -> tuple[int, int | None]:
    """End offset of the clause at token ``k`` and the token of a coordinated ", and that" clause."""
    toks = s.toks
    end_tok = len(toks) - 1
    nxt = None
    for m in range(k + 1, len(toks)):
        t = toks[m]
        if stop_at is not None and t.start >= stop_at:
            end_tok = m - 1
            break
        if t.text == ";":
            end_tok = m - 1
            break
        if t.low == "and" and m + 2 < len(toks) and toks[m + 1].low == "that" and toks[m - 1].text == ",":
            end_tok = m - 2
            nxt = m + 2
            break
        if t.text == "," and m + 2 < len(toks) and toks[m + 1].low == "according" and toks[m + 2].low == "to":
            end_tok = m - 1
            break
    while end_tok > k and toks[end_tok].text in ",;:-–—":
        end_tok -= 1
    return toks[end_tok].end, nxt


# -- one sentence: cues, their speakers and contents --------------------------------------------


@dataclass
class _VerbAt:
    """A speech verb at token ``ci`` of a sentence, with the word before it (adverbs skipped)."""

    toks: list[_Tok]
    ci: int
    verb: _Verb

    @functools.cached_property
    def prev(self) -> _Tok | None:
        j = _skip_back_adverbs(self.toks, self.ci - 1)
        return self.toks[j] if j >= 0 else None

    @property
    def prev_low(self) -> str:
        return self.prev.low if self.prev is not None else ""

    @property
    def that_next(self) -> bool:
        """"shows that", "say that": a complementizer makes a noun-like form a verb."""
        toks, ci = self.toks, self.ci
        return ci + 1 < len(toks) and toks[ci + 1].text == "that" and self.prev is not None and self.prev.is_word


def _after_determiner(at: _VerbAt) -> bool:
    """"the said", "a reported", "his claims": a noun or adjective, not a verb."""
    return at.prev_low in _fw("determiner") and at.prev_low != "that"


def _infinitive_or_passive(at: _VerbAt) -> bool:
    """"to say", "was told": the subject is not the speaker."""
    passive = at.verb.form in ("pp", "past") and at.prev is not None and at.toks[at.ci - 1].low in _fw("aux-be")
    return at.prev_low == "to" or passive


def _comparison(at: _VerbAt) -> bool:
    """"as expected,", "than reported.": a comparison, nobody speaks."""
    toks, ci = at.toks, at.ci
    return ci > 0 and toks[ci - 1].low in ("as", "than") and (ci + 1 >= len(toks) or not toks[ci + 1].is_word)


def _noun_form(at: _VerbAt) -> bool:
    """"the claims", "his comment": a form that is also a noun needs a subject-like word before it."""
    if not (at.verb.noun and at.verb.form in ("base", "s")) or at.that_next:
        return False
    prev, low = at.prev, at.prev_low
    subject_like = prev is not None and (
        low in _fw("pronoun") or low in _fw("aux") or low in _fw("relative") or prev.is_cap
    )
    return not subject_like


def _base_without_plural(at: _VerbAt) -> bool:
    """A base form ("say") speaks only after a plural subject: "Smiths say", "experts say", "they say"."""
    prev, low = at.prev, at.prev_low
    if at.verb.form != "base" or at.that_next:
        return False
    if prev is not None and (low in _fw("pronoun") and low not in ("he", "she", "it") or low in _fw("aux")):
        return False
    plural = (
        prev is not None
        and prev.is_word
        and low.endswith("s")
        and not low.endswith(("ss", "’s", "'s", "us", "is"))
        and len(low) > 3
        and not _is_adverb(prev)
        and low not in _verbs()
    )
    return not (plural or (prev is not None and low in ("they", "we", "i", "you", "people")))


#: Checks that reject a verb match as no report of speech, tried in this order (the first that holds
#: drops the match).
_NOT_SPEECH = (_after_determiner, _infinitive_or_passive, _comparison, _noun_form, _base_without_plural)


def _colon_lead_in_subject(s: _Sentence) -> list[_Cue]:
    """Rule ``colon lead-in (subject)``: "Smith made the following comment:" before a quoted
    paragraph, with no speech verb: the subject speaks."""
    if not _ends_with_colon(s):
        return []
    colon = s.start + s.masked.rstrip().rindex(":")
    subj = _subject(s, len(s.toks) - 1)
    return [] if subj is None else [_Cue(colon, colon + 1, ":", subj, None, rule="colon lead-in (subject)")]


def _analyse_sentence(s: _Sentence, quotes_here: list[QuoteSpan]) -> list[_Cue]:
    """The cues of one sentence, each with its speaker mention and its content (quote or clause)."""
    found = list(_cue_re().finditer(s.masked))
    if not found:
        return _colon_lead_in_subject(s)
    cues: list[_Cue] = []
    pending: list[_Cue] = []  # further contents of a cue, added after it
    bounds = [_clause_boundary(s, m) for m in found]
    for idx, m in enumerate(found):
        ci = s.tok_at(m.start() + s.start)
        if ci < 0:
            continue
        if m.group("acc"):
            cues.extend(_according(s, ci, m))
            continue
        at = _VerbAt(s.toks, ci, _verbs()[m.group("verb")])
        if any(check(at) for check in _NOT_SPEECH):
            continue
        speaker = _participle_speaker(s, at, cues) if at.verb.form == "ing" else _speaker_before(s, ci)[:2]
        if speaker is None:
            continue
        cue, last = _make_cue(s, m, ci, at.verb, speaker[0])
        next_cue = next((b for b in bounds[idx + 1 :] if b is not None and b > cue.end), None)
        if not _find_content(s, at, last, cue, speaker[1], cues, quotes_here, next_cue, pending):
            continue
        if cue.speaker is None and cue.direct is None and cue.content is None:
            continue
        cues.append(cue)
        cues.extend(pending)
        pending.clear()
    return cues


def _participle_speaker(s: _Sentence, at: _VerbAt, cues: list[_Cue]) -> tuple[_Mention | None, str] | None:
    """The speaker of an -ing cue ("…, saying", "was saying", "a statement calling"); None: not a cue."""
    prev, ci = at.prev, at.ci
    if prev is not None and prev.text == ",":
        prior = [c.speaker for c in cues if c.speaker is not None]
        return (prior[-1] if prior else _subject(s, ci)), "participle"
    if prev is not None and (at.prev_low in _fw("aux-be") or at.prev_low in _fw("preposition")):
        return _subject(s, ci), "clause"
    mention, layout, _ = _speaker_before(s, ci)
    if layout not in ("clause", "relative"):
        return None
    subj = _subject(s, ci) if layout == "clause" else None
    if (
        subj is not None
        and mention is not None
        and mention.rule == "noun phrase"
        and subj.end <= mention.start
        and subj.rule in ("name", "pronoun", "noun phrase", "group")
        and s.masked[subj.end - s.start : subj.end - s.start + 1] != ","
    ):
        # "The council issued a statement calling …": the clause subject speaks, not its object
        return subj, "participle"
    return mention, layout


def _make_cue(s: _Sentence, m: re.Match, ci: int, verb: _Verb, mention: _Mention | None) -> tuple[_Cue, int]:
    """The cue of verb match ``m`` and the index of its last token (a particle: "pointed out")."""
    toks, word = s.toks, m.group("verb")
    cue_text, last = word, ci
    if ci + 1 < len(toks) and toks[ci + 1].low in ("out", "up", "back") and verb.lemma in ("point", "back", "call", "sum"):
        cue_text, last = f"{word} {toks[ci + 1].text}", ci + 1
    start = m.start() + s.start
    return _Cue(start, start + len(cue_text), s.masked[m.start() : m.start() + len(cue_text)], mention, None), last


def _find_content(
    s: _Sentence,
    at: _VerbAt,
    last: int,
    cue: _Cue,
    layout: str,
    cues: list[_Cue],
    quotes: list[QuoteSpan],
    next_cue: int | None,
    pending: list[_Cue],
) -> bool:
    """Give ``cue`` its content by the layout of its speaker; False when the match is no cue after all."""
    ci = at.ci
    if layout == "coordinated":
        cue.speaker = _coordinated_speaker(s, ci, cues)
        layout, cue.rule = "clause", "coordinated"
    if layout == "inverted":
        _inverted(s, ci, cue, quotes)
        return True
    if layout not in ("clause", "relative", "participle", "apposition", "none"):
        return True
    first_speaker_tok = s.tok_at(cue.speaker.start) if cue.speaker else ci
    before = first_speaker_tok - 1
    if layout != "participle" and _content_precedes(s.toks, before, ci, last, at.verb):
        if cue.speaker is None and layout == "none":
            return False
        _after_content(s, before, last, cue, quotes, s.toks[first_speaker_tok].start, next_cue, pending)
        return True
    kept = _cue_then_content(s, at, last, cue, quotes, before, first_speaker_tok, next_cue, pending)
    if kept and layout == "participle":
        cue.rule = "participle " + cue.rule
    return kept


def _coordinated_speaker(s: _Sentence, ci: int, cues: list[_Cue]) -> _Mention | None:
    """Rule ``coordinated``: "X said A and added B": the verb shares the subject of the earlier report.

    "X said the figures showed A but admitted B": a speaker right after an earlier cue ("said the
    figures") is inside that cue's report, so the subject of the report itself is taken.
    """
    prior = [c for c in cues if c.speaker is not None]
    outer = [
        c
        for c in prior
        if not any(
            o is not c
            and o.end <= c.speaker.start
            and re.fullmatch(r"\s*(?:that\s+)?", s.masked[o.end - s.start : c.speaker.start - s.start])
            for o in cues
        )
    ]
    pick = outer or prior
    return pick[-1].speaker if pick else _subject(s, ci)


def _inverted(s: _Sentence, ci: int, cue: _Cue, quotes: list[QuoteSpan]) -> None:
    """Rule ``inverted``: "“…,” said Smith" / "…, said Smith": the speaker follows the verb."""
    np = _np_forward(s.toks, ci + 1)
    if np:
        cue.speaker = _mention_from(s, np)
    cue.rule = "inverted"
    _content_before(s, ci, cue, quotes, s.toks[ci].start)


def _content_precedes(toks: list[_Tok], before: int, ci: int, last: int, verb: _Verb) -> bool:
    """True when the cue's content comes before its speaker: a quote, or a clause closed by a comma
    that is no fronted adverbial and is not followed by an explicit complement or clause."""
    if before < 0:
        return False
    if toks[before].is_mask:
        return True
    return (
        toks[before].text == ","
        and not _fronted(toks, before)
        and not _introduces(toks, ci)
        and not _clause_follows(toks, last, verb)
    )


def _after_content(
    s: _Sentence,
    before: int,
    last: int,
    cue: _Cue,
    quotes: list[QuoteSpan],
    limit: int,
    next_cue: int | None,
    pending: list[_Cue],
) -> None:
    """Rules ``quote then cue`` / ``clause then cue`` / ``after content`` ("A, he said."), and
    ``clause around cue`` for the clause the cue interrupts ("A, he said, B")."""
    _content_before(s, before + 1, cue, quotes, limit)
    cue.rule = cue.rule or "after content"
    rest = _continuation(s, last) if cue.content is not None else None
    if rest is None:
        return
    end = _content_end(s, rest, next_cue)
    if end > s.toks[rest].start:
        span = (s.toks[rest].start, end)
        pending.append(
            _Cue(cue.start, cue.end, cue.text, cue.speaker, span, rule="clause around cue", region=span, joins=cue)
        )


def _cue_then_content(
    s: _Sentence,
    at: _VerbAt,
    last: int,
    cue: _Cue,
    quotes: list[QuoteSpan],
    before: int,
    first_speaker_tok: int,
    next_cue: int | None,
    pending: list[_Cue],
) -> bool:
    """Rules ``cue then quote``, ``cue then clause``/``cue then object`` (with ``coordinated clause``)
    and ``colon lead-in``; False when the cue has no content at all."""
    toks = s.toks
    k = _content_after(s, last, at.verb)
    if k is None:
        if cue.speaker is not None:
            _content_before(s, max(before + 1, 0), cue, quotes, toks[first_speaker_tok].start)
        if cue.content is None and cue.direct is None:
            if cue.speaker is None or not _ends_with_colon(s):
                return False
            cue.rule = "colon lead-in"  # "He said:" closing its sentence: the quote that follows is the content
        return True
    q = _quote_at(quotes, toks[k].start)
    if q is not None and toks[k].is_mask and _only_punct_after(s, q.close_end):
        cue.direct = q
        cue.rule = cue.rule or "cue then quote"
        return True
    start = q.open if toks[k].is_mask and q is not None else toks[k].start
    end, nxt = _content_end_next(s, k, next_cue)
    if end > start:
        cue.content = cue.region = (start, end)
    cue.rule = cue.rule or ("cue then clause" if at.verb.frame == "clause" else "cue then object")
    while nxt is not None:
        # "said that A, and that B": B is a second reported clause of the same cue
        n_end, n_next = _content_end_next(s, nxt, next_cue)
        span = (toks[nxt].start, n_end)
        pending.append(_Cue(cue.start, cue.end, cue.text, cue.speaker, span, rule="coordinated clause", region=span))
        nxt = n_next
    return True


#: Words that open a new clause of the sentence before its subject ("…, though she acknowledged …").
_CLAUSE_OPENERS = frozenset({"and", "or", "but", "though", "although", "while", "whereas", "yet"})


def _clause_boundary(s: _Sentence, m: re.Match) -> int | None:
    """Offset where the clause of cue ``m`` begins when it starts a new clause of the sentence.

    An earlier cue's reported clause ends there: "X said A, though she acknowledged B" (the
    conjunction before the second cue's subject), "X said A, and said B" (a coordinated verb), "X
    said A, saying B" (a participle after a comma).  ``None`` when the cue starts no new clause.
    """
    if m.group("acc"):
        return None
    toks = s.toks
    ci = s.tok_at(m.start() + s.start)
    if ci <= 0:
        return None
    pj = _skip_back_adverbs(toks, ci - 1)
    if pj >= 0 and toks[pj].low in ("and", "or", "but"):
        return toks[pj].start
    verb = _verbs()[m.group("verb")]
    if verb.form == "ing":
        return toks[ci - 1].start if toks[ci - 1].text == "," else None
    mention, layout, first = _speaker_before(s, ci)
    if mention is None or layout != "clause" or first <= 0:
        return None
    prev = toks[first - 1]
    if prev.low in _CLAUSE_OPENERS or prev.text == ";":
        return prev.start
    return None


def _clause_follows(toks: list[_Tok], ci: int, verb: _Verb) -> bool:
    """True when a reported clause follows the cue directly ("…, experts say the cuts would …").

    The cue's subject after a comma then opens the report, and the clause before the comma is not
    its content.  Only clause-taking verbs qualify, and the words after the cue must not start with
    an adjunct (time, preposition) and must run on for at least three words.
    """
    if verb.frame != "clause" or ci + 1 >= len(toks):
        return False
    t = toks[ci + 1]
    if not t.is_word or t.is_mask or _is_time(t) or _is_adverb(t) or t.low in _fw("preposition"):
        return False
    words = 0
    for u in toks[ci + 1 :]:
        if not u.is_word:
            break
        words += 1
    return words >= 3


def _continuation(s: _Sentence, ci: int) -> int | None:
    """Token index where a clause interrupted by the cue at ``ci`` goes on ("A, he said in May, B").

    The cue (with adverbs, a time or a short prepositional adjunct) must be closed by a comma followed
    by a word that opens no new cue, participle phrase or connected clause.
    """
    toks = s.toks
    n = len(toks)
    k = ci + 1
    while k < n and toks[k].is_word and (_is_adverb(toks[k]) or _is_time(toks[k])):
        k += 1
    if k < n and toks[k].is_word and toks[k].low in _fw("preposition"):
        for m in range(k + 1, min(n, k + INTERRUPTION_ADJUNCT_TOKENS)):
            if toks[m].text == "," or toks[m].is_mask or toks[m].low in _verbs():
                k = m
                break
    if k + 2 >= n or toks[k].text != ",":
        return None
    t = toks[k + 1]
    low = t.low
    if not t.is_word or low in _verbs() or low in _fw("connective") or low in _fw("subordinator"):
        return None
    if low == "according" or (t.text.islower() and low.endswith("ing")):
        return None
    return k + 1


def _ends_with_colon(s: _Sentence) -> bool:
    return s.masked.rstrip().endswith(":")


def _introduces(toks: list[_Tok], ci: int) -> bool:
    """True when the cue at ``ci`` is followed by an explicit complement: "that", a colon or a quote.

    "Asked about the bomb, Clinton said, “I think…”": the clause before the comma is then not the
    content, whatever it looks like.
    """
    for m in range(ci + 1, min(len(toks), ci + COMPLEMENT_TOKENS)):
        t = toks[m]
        if t.is_mask or t.text == ":" or (t.low == "that" and t.text.islower()):
            return True
        if t.text == ",":
            return m + 1 < len(toks) and toks[m + 1].is_mask
        if not t.is_word:
            return False
    return False


def _fronted(toks: list[_Tok], comma: int) -> bool:
    """True when the clause before ``comma`` is a fronted adverbial ("During a visit to Tokyo,")."""
    first = toks[0]
    if first.is_mask:
        return False
    low = first.low
    if low in _fw("preposition") or low in _fw("subordinator") or low in _fw("connective") and comma <= 1:
        return all(t.text != "," for t in toks[1:comma]) or low in _fw("preposition")
    return comma <= 2 and (_is_adverb(first) or low in _fw("time") or low in _fw("connective"))


def _only_punct_after(s: _Sentence, offset: int) -> bool:
    tail = s.masked[offset - s.start :]
    return not re.search(r"\w|" + _MASK, tail)


def _quote_at(quotes: list[QuoteSpan], offset: int) -> QuoteSpan | None:
    for q in quotes:
        if q.open <= offset < max(q.close_end, q.inner_end):
            return q
    return None


def _content_before(s: _Sentence, upto_tok: int, cue: _Cue, quotes: list[QuoteSpan], limit: int) -> None:
    """Content that precedes the cue: the quote just before it, or the clause from the sentence start."""
    toks = s.toks
    j = upto_tok - 1
    while j >= 0 and toks[j].text in ",—–-":
        j -= 1
    if j < 0:
        return
    if toks[j].is_mask:
        q = _quote_at(quotes, toks[j].end - 1)
        # a quotation that began in an earlier sentence is still found by its end
        if q is None:
            return
        cue.direct = q
        cue.rule = cue.rule or "quote then cue"
        return
    start_tok = 0
    while start_tok < j and (toks[start_tok].text in "—–-,;" or toks[start_tok].low in _fw("connective")):
        start_tok += 1
    if toks[start_tok].is_mask:
        q = _quote_at(quotes, toks[start_tok].start)
        start = q.open if q else toks[start_tok].start
    else:
        start = toks[start_tok].start
    end = toks[j].end
    if end > start and end <= limit:
        cue.content = (start, end)
        cue.region = (start, end)
        cue.rule = cue.rule or "clause then cue"


def _according(s: _Sentence, ci: int, m: re.Match) -> list[_Cue]:
    toks = s.toks
    k = s.tok_at(m.end() - 1 + s.start) + 1
    np = _np_forward(toks, k, limit=ACCORDING_NP_TOKENS)
    if not np:
        return []
    mention = _mention_from(s, np)
    cue = _Cue(m.start() + s.start, m.end() + s.start, m.group(), mention, None, rule="according to")
    after = np[1] + 1
    while after < len(toks) and toks[after].text not in ",." and after - np[1] < ACCORDING_TAIL_TOKENS:
        after += 1
    if ci == _clause_start(toks, ci) or ci == 0:
        # "According to X, content."
        if after < len(toks) and toks[after].text == "," and after + 1 < len(toks):
            start = toks[after + 1].start
            end = _content_end(s, after + 1, None)
            cue.content = cue.region = (start, end)
    else:
        j = ci - 1
        while j >= 0 and toks[j].text in ",—–-":
            j -= 1
        if j >= 0:
            start_tok = 0
            while start_tok < j and (toks[start_tok].text in "—–-,;" or toks[start_tok].low in _fw("connective")):
                start_tok += 1
            cue.content = cue.region = (toks[start_tok].start, toks[j].end)
    return [cue] if cue.content else []


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
_DOUBLE_MARK_RE = re.compile(r"``|''|[“”\"«»„‟]")
_CLOSING_QUOTE_RE = re.compile(r"[”\"'’»]\W*$")
#: A sentence after a closing quote joins it as its cue when it is this short ("Smith, the
#: committee's chairman, told reporters." fits; a sentence of its own does not) ...
SHORT_CUE_SENTENCE = 80
#: ... and its verb comes within this many words of its start (a subject, not a clause, before it).
SHORT_CUE_SUBJECT_WORDS = 6


def _label_cue(text: str, b_start: int, b_end: int) -> _Cue | None:
    """A transcript or interview label opening a paragraph ("SMITH: …", "Jane Doe: “…”")."""
    m = _LABEL_RE.match(text, b_start, b_end)
    if not m:
        return None
    label = m.group("label")
    words = label.split()
    if label.lower() in _fw("label-stop") or any(w.lower() in _verbs() for w in words):
        return None
    letters = re.sub(r"[^A-Za-z]", "", label)
    if len(letters) < 2:
        return None
    if not label.isupper():
        # a mixed-case label must look like a name used elsewhere in the article: "Sanders: …"
        if len(words) > 3 or text.count(words[-1]) < 2 or words[0].lower() in _fw("determiner"):
            return None
    colon = m.end("label") + text[m.end("label") : m.end()].index(":")
    mention = _Mention(m.start("label"), m.end("label"), "name")
    return _Cue(colon, colon + 1, ":", mention, (m.end(), b_end), rule="speaker label", region=(m.end(), b_end))


def _dash_cue(text: str, q: QuoteSpan, limit: int) -> _Cue | None:
    """A pull quote signed with a dash after it: "“…” ― Jane Doe"."""
    m = _DASH_NAME_RE.match(text, q.close_end, limit)
    if not m:
        return None
    dash = text.index("-" if "--" in m.group() else m.group().strip()[0], q.close_end)
    cue_text = text[dash : dash + (2 if text.startswith("--", dash) else 1)]
    mention = _Mention(m.start("name"), m.end("name"), "name")
    return _Cue(dash, dash + len(cue_text), cue_text, mention, None, rule="dash attribution")


def _analysis_spans(text: str, block: list[_SentRec]) -> list[list[int]]:
    """Sentence spans for the analysis: a short cue sentence after a closing quote joins it.

    ("“Who is next?” Clinton said." may be split after the question mark.)
    """
    spans: list[list[int]] = []
    for r in block:
        a, b = int(r.start), int(r.end)
        if spans and _CLOSING_QUOTE_RE.search(text, spans[-1][2] - 3, spans[-1][2]) and b - a <= SHORT_CUE_SENTENCE:
            seg = text[a:b]
            if not _MARK_RE.search(seg) and (m := _cue_re().search(seg)) and len(seg[: m.start()].split()) <= SHORT_CUE_SUBJECT_WORDS:
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


def _masked(text: str, start: int, end: int, quotes: list[QuoteSpan]) -> str:
    """``text[start:end]`` with every quoted stretch (marks included) replaced by ``_MASK``."""
    pieces, pos = [], start
    for q in quotes:
        a = max(q.open, pos)
        b = max(q.close_end, q.inner_end, a)
        pieces.append(text[pos:a])
        pieces.append(_MASK * (b - a))
        pos = b
    pieces.append(text[pos:end])
    return "".join(pieces)


@dataclass
class _Para:
    """One paragraph being turned into rows: its quotes, sentences and which cue owns each quote."""

    bi: int
    start: int
    end: int
    quotes: list[QuoteSpan]
    sents: list[_Sentence]
    owner: dict[int, tuple[_Cue, str]] = field(default_factory=dict)  # id(quote) -> (cue, direct|partial)

    @functools.cached_property
    def starts(self) -> list[int]:
        return [so.start for so in self.sents]

    def sentence_of(self, offset: int) -> _Sentence:
        return self.sents[max(0, bisect.bisect_right(self.starts, offset) - 1)]


class _RowBuilder:
    """The rows of one article, paragraph by paragraph: each cue's contents, then every quote with the
    cue that owns it (or none)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[_Sentence] = []
        self.lead_in: tuple[_Cue, int] | None = None  # a cue ending in a colon, waiting for its quote
        self.prev_block_quotes = False  # the previous paragraph ended inside an unclosed quote

    def paragraph(self, bi: int, block: list[_SentRec]) -> list[_Row]:
        text = self.text
        if all(r.kind == "heading" for r in block):
            self.prev_block_quotes = False
            return []  # scare quotes in headings are not speech
        if self.lead_in is not None and self.lead_in[1] < bi - 1:
            self.lead_in = None  # a lead-in reaches the next paragraph, no further
        b_start, b_end = int(block[0].start), int(block[-1].end)
        quotes = pair_quote_marks(text, b_start, b_end)
        masked = _masked(text, b_start, b_end, quotes)
        sents = [_Sentence(sid, a, b, masked[a - b_start : b - b_start], bi) for sid, a, b in _analysis_spans(text, block)]
        self.sentences.extend(sents)
        para = _Para(bi, b_start, b_end, quotes, sents)
        rows = self._label_rows(para)
        by_sentence = {so.sid: self._sentence_rows(para, so, rows) for so in sents}
        rows.extend(self._quote_row(para, q, by_sentence) for q in quotes)
        self.prev_block_quotes = bool(quotes) and quotes[-1].rule == "unclosed"
        rows.sort(key=lambda r: (r.start, -r.end))
        return rows

    def _label_rows(self, para: _Para) -> list[_Row]:
        """Rule ``speaker label``: "SMITH: …": the whole paragraph after the label is the speaker's."""
        label = _label_cue(self.text, para.start, para.end)
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
        return [_Row(para.sents[0].sid, "indirect", a, b, label, label.rule, None, para.bi, para.sents[-1].sid)]

    def _sentence_rows(self, para: _Para, so: _Sentence, rows: list[_Row]) -> list[_Cue]:
        """Add the indirect rows of one sentence's cues, mark the quotes they own; return the cues
        that name a speaker (for the sentence's uncued quotes)."""
        here = [q for q in para.quotes if q.open < so.end and q.close_end > so.start]
        cues = _analyse_sentence(so, here)
        for cue in cues:
            if cue.rule.startswith("colon lead-in"):
                self.lead_in = (cue, para.bi)
                continue
            if cue.direct is not None:
                para.owner.setdefault(id(cue.direct), (cue, "direct"))
            if cue.content is not None:
                self._content_row(para, so, here, cue, rows)
        return [c for c in cues if c.speaker is not None and not c.rule.startswith("colon lead-in")]

    def _content_row(self, para: _Para, so: _Sentence, here: list[QuoteSpan], cue: _Cue, rows: list[_Row]) -> None:
        a, b = cue.content
        covering = [q for q in here if q.open <= a and q.close_end >= b - 1]
        if covering:
            para.owner.setdefault(id(covering[0]), (cue, "direct"))
            return
        if not _WORD_RE.search(self.text, a, b):
            return  # punctuation only: no clause after all
        rows.append(_Row(so.sid, "indirect", a, b, cue, cue.rule, None, para.bi, so.sid))
        for q in here:
            if a <= q.open and q.close_end <= b + 1 and id(q) not in para.owner:
                para.owner[id(q)] = (cue, "partial")

    def _quote_row(self, para: _Para, q: QuoteSpan, by_sentence: dict[int, list[_Cue]]) -> _Row:
        """The row of quote ``q``: owned by a cue (``direct``/``partial``), or ``no cue``."""
        so, eo = para.sentence_of(q.open), para.sentence_of(max(q.inner_end - 1, q.open))
        kind = _quote_kind(so, q)
        if id(q) not in para.owner:
            cue = self._uncued_cue(para, q, so, kind, by_sentence)
            if cue is not None:
                para.owner[id(q)] = (cue, "direct")
        if id(q) not in para.owner:
            row = _Row(so.sid, kind, q.inner_start, q.inner_end, None, "no cue", q.rule, para.bi, eo.sid)
            if kind == "direct" and para.bi > 0:
                row.extra["continues"] = self.prev_block_quotes
            return row
        cue, how = para.owner[id(q)]
        if how == "direct" and kind == "partial" and not _only_punct_after(eo, q.close_end):
            how = "partial" if q.open > so.start + 1 else how
        start = q.inner_start
        if cue.rule == "speaker label" and how == "direct":
            start = max(q.inner_start, cue.content[0])  # a label inside the quote ("“SMITH: …”") is not quoted
        rule = cue.rule if how == "direct" else "inside " + cue.rule
        return _Row(so.sid, how if how == "partial" else kind, start, q.inner_end, cue, rule, q.rule, para.bi, eo.sid)

    def _uncued_cue(
        self, para: _Para, q: QuoteSpan, so: _Sentence, kind: str, by_sentence: dict[int, list[_Cue]]
    ) -> _Cue | None:
        """A cue for a quote no cue took, by these rules in this order: the ``colon lead-in`` waiting
        for it, a ``dash attribution`` after it, the cue of its sentence (``same sentence as cue``)."""
        if self.lead_in is not None and kind == "direct" and self.lead_in[0].end <= q.open:
            cue, self.lead_in = self.lead_in[0], None
            return cue
        dash = _dash_cue(self.text, q, para.end)
        if dash is not None:
            return dash
        if by_sentence.get(so.sid):
            # an uncued quote in a sentence whose cue names a speaker: "“A,” he said, but “B.”"
            near = min(by_sentence[so.sid], key=lambda c: abs(c.start - q.open))
            return _Cue(near.start, near.end, near.text, near.speaker, None, rule="same sentence as cue")
        return None


def _build_rows(text: str, sentences: pd.DataFrame) -> tuple[list[_Row], list[_Sentence]]:
    """All rows of the quote-mark pass in text order, and the analysed sentences."""
    builder = _RowBuilder(text)
    rows: list[_Row] = []
    for bi, block in enumerate(_blocks(sentences)):
        rows.extend(builder.paragraph(bi, block))
    return rows, builder.sentences


def _quote_kind(s: _Sentence, q: QuoteSpan) -> str:
    """``direct`` when the quote opens its sentence (or follows a colon/dash/cue comma), else ``partial``."""
    head = s.masked[: max(0, q.open - s.start)]
    if not re.search(r"\w", head):
        return "direct"
    if re.search(r"[:—–]\s*$", head) or re.search(r",\s*$", head) and _only_punct_after(s, q.close_end):
        return "direct"
    return "partial"


# -- speaker resolution -----------------------------------------------------------------------------

_CAPRUN_RE = re.compile(r"(?:[A-Z][\w’'\-.]*(?:\s+|$)|(?:of|for|de|van|von|al|bin)\s+(?=[A-Z])){1,7}")


@functools.cache
def _doc_re() -> re.Pattern[str]:
    heads = [w for w, (cls, _) in _speaker_nouns().items() if cls == "document"]
    return re.compile(rf"\b(?:[Aa]n?)\s+(?P<phrase>(?:[a-z][\w\-]*\s+){{0,2}}?(?P<head>{_trie_pattern(heads)}))\b")


#: Words after which a speaker noun phrase continues with what it is not: "X of the Y", "X, a Y".
_NP_TAIL_RE = re.compile(r"\s+(?:of|from|at|with|for)\s+|\s*,\s*|\s*\(|\s+[-–—]\s+")
_DETERMINERS = frozenset("the this that these those its their his her our".split())

# Look-back windows of speaker resolution, in characters of article text (a news paragraph is
# roughly 200-400 characters).  They bound how far back an antecedent may lie: too short and a
# pronoun loses its person, too long and it picks up someone from an unrelated part of the story.
#: "he"/"she" with no person in focus yet: a person named within the last few paragraphs.
PRONOUN_WINDOW = 1500
#: "they" (and the issuers of "They issued a statement"): the two people named within about the
#: last two paragraphs; a pair further back is rarely the one meant.
THEY_WINDOW = 600
#: "the duo", "both leaders": a group noun names its pair explicitly, so it may reach further back.
GROUP_WINDOW = 3000
#: An entity mention is never longer than this, so entities starting this far before a speaker
#: phrase are the only ones that can overlap it.
LONGEST_MENTION = 200


class _Resolver:
    """Resolve speaker mentions to canonical actors, walking the article in order.

    Names, surnames, titles and nominals go through the article's one resolver
    (:class:`analysis.nlp.coref.Coref`); documents the article introduces are registered here.
    """

    def __init__(self, text: str, sentences: list[_Sentence], coref: Coref) -> None:
        self.text = text
        self.coref = coref
        self.entities = [r[:5] for r in coref.rows]
        self.documents: list[tuple[int, str, str]] = []  # (offset, head, canonical)
        self.last_person: str | None = None
        self._scan_documents(sentences)

    def _scan_documents(self, sentences: list[_Sentence]) -> None:
        """Register documents the article introduces ("issued a joint statement") as antecedents."""
        for s in sentences:
            for m in _doc_re().finditer(self.text, s.start, s.end):
                phrase = " ".join(m.group("phrase").split())
                self.documents.append((m.start(), m.group("head").lower(), self._document(phrase, s.start, m.start())))

    def _document(self, phrase: str, sentence_start: int, offset: int) -> str:
        issuers = self.issuers(sentence_start, offset)
        if not issuers:
            return phrase
        return "–".join(dict.fromkeys(self.coref.affiliation.get(p) or p for p in issuers)) + " " + phrase

    def _entities_in(self, a: int, b: int) -> list[tuple[int, int, str, str, str]]:
        i = bisect.bisect_left(self.entities, (a - LONGEST_MENTION,))
        out = []
        for e in self.entities[i:]:
            if e[0] >= b:
                break
            if e[1] > a:
                out.append(e)
        return out

    def _head_end(self, a: int, b: int) -> int:
        """End of the head of a speaker phrase: "X of the Y" and "X, a Y" are X when X names someone."""
        m = _NP_TAIL_RE.search(self.text, a, b)
        if m is None:
            return b
        ents = self._entities_in(a, m.start())
        if any(e[3] == "person" for e in ents) or any(e[1] == m.start() for e in ents):
            return m.start()
        return b

    def resolve(self, row: _Row, sentence_start: int) -> None:
        """Set ``row.speaker``/``speaker_rule`` from ``row.mention``, by the rules of
        :data:`SPEAKER_RULES` in their order: coordinated people, an entity, then by mention kind."""
        m = row.mention
        if m is None:
            return
        a = m.start
        b = self._head_end(a, m.end) if m.rule in ("name", "noun phrase") else m.end
        mention_text = self.text[a:b]
        ents = self._entities_in(a, b)
        if self._coordinated(row, ents, mention_text) or self._by_entity(row, m, ents, b):
            return
        if m.rule == "relative" and m.antecedent:
            self._relative(row, m, sentence_start)
        elif m.rule == "pronoun":
            self._pronoun(row, mention_text.lower(), a, sentence_start)
        elif m.rule == "group":
            self._group(row, mention_text, a)
        elif m.rule == "name":
            self._name(row, mention_text)
        else:
            self._noun_phrase(row, mention_text, a, sentence_start)

    def _group(self, row: _Row, mention_text: str, a: int) -> None:
        """"the duo", "both leaders": the two people last in focus, else the phrase itself."""
        grp = self.coref.group_before(a, GROUP_WINDOW)
        row.speaker = "; ".join(grp) if grp else mention_text
        row.speaker_rule = "group (people in focus)" if grp else "noun phrase"

    def _coordinated(self, row: _Row, ents: list, mention_text: str) -> bool:
        """"she and Berg said": coordinated people speak together."""
        if not ents or not re.search(r"\s(?:and|&)\s", mention_text):
            return False
        people = list(dict.fromkeys(e[2] for e in sorted(ents) if e[3] == "person"))
        if len(people) < 2:
            return False
        row.speaker = "; ".join(sorted(people, key=lambda n: self.coref.first_seen.get(n, 0)))
        row.speaker_rule = "coordinated people"
        return True

    def _by_entity(self, row: _Row, m: _Mention, ents: list, b: int) -> bool:
        """An entity overlapping the mention: the one closest to its end (the head), persons first."""
        if not ents or m.rule == "group":
            return False
        ents.sort(key=lambda e: (abs(b - e[1]), e[3] != "person", -(e[1] - e[0])))
        e = ents[0]
        if m.rule in ("name", "pronoun", "relative") or e[1] >= b - 1:
            row.speaker, row.speaker_rule = e[2], f"entity ({e[4] or m.rule})"
            self._focus(row.speaker, e[3] == "person")
            return True
        return False

    def _relative(self, row: _Row, m: _Mention, sentence_start: int) -> None:
        x, y = m.antecedent
        rule = "name" if self.text[y - 1].isalnum() and self.text[x].isupper() else "noun phrase"
        sub = _Row(row.sentence_id, row.kind, row.start, row.end, row.cue, row.rule, None, row.block, row.end_sentence_id)
        sub.mention = _Mention(x, y, rule)
        self.resolve(sub, sentence_start)
        row.speaker, row.speaker_rule = sub.speaker, f"relative → {sub.speaker_rule}"

    def _pronoun(self, row: _Row, low: str, a: int, sentence_start: int) -> None:
        if low in ("he", "she"):
            cands = self.coref.persons_before(a, PRONOUN_WINDOW)
            name = self.last_person if self.last_person else (cands[-1] if cands else None)
            row.speaker, row.speaker_rule = name, "pronoun (person in focus)"
        elif low == "they":
            grp = self.coref.group_before(sentence_start, THEY_WINDOW)
            row.speaker = "; ".join(grp) if grp else None
            row.speaker_rule = "pronoun (people in focus)"
        else:
            row.speaker, row.speaker_rule = None, "pronoun (unresolved)"

    def _name(self, row: _Row, mention_text: str) -> None:
        """A capitalised speaker phrase the entities table does not cover: parse it as a person name."""
        words = re.sub(r"\s*\(.*$", "", mention_text).strip(" ,").split()
        run: list[str] = []
        for w in reversed(words):  # the name is the trailing run of capitalised words
            if not w[:1].isupper():
                break
            run.insert(0, w)
        name_text = " ".join(run) if run else mention_text
        p = parse_person(name_text)
        name = p.name or name_text
        canon = self.coref.lookup(name) or self.coref.lookup(p.key) if p.key else None
        row.speaker = canon or name
        row.speaker_rule = "name (full name)" if canon and canon != name else "name"
        given = bool(p.given) and p.given[0] in first_names()
        self._focus(row.speaker, bool(p.title) or given or self.coref.types.get(row.speaker) == "person")

    def _apposition(self, row: _Row, a: int, b: int) -> bool:
        """"a Swedish scientist, Jane Roe" / "Jane Roe, left, head of ...": the person named right
        after the noun phrase, or right before it."""
        m = re.compile(r"\s*,\s*").match(self.text, b)
        before = re.search(r"(\S)\s*,\s*$", self.text[max(0, a - 3) : a])
        ents = []
        head = self.text[a:b].split()[-1].lower() if self.text[a:b].split() else ""
        kinds = ("person", "other", "org") if _speaker_nouns().get(head, ("",))[0] == "person" else ("person",)
        if m:
            ents = [e for e in self._entities_in(m.end(), m.end() + 1) if e[0] == m.end() and e[3] in kinds]
        if not ents and before:
            end = a - 3 + before.start(1) + 1 if a >= 3 else before.start(1) + 1
            ents = [e for e in self._entities_in(end - 1, end) if e[1] == end and e[3] == "person"]
        if not ents:
            return False
        row.speaker, row.speaker_rule = ents[0][2], "noun phrase (apposition)"
        self._focus(row.speaker, True)
        return True

    def _noun_phrase(self, row: _Row, mention_text: str, a: int, sentence_start: int) -> None:
        if self._apposition(row, a, a + len(mention_text)):
            return
        words = mention_text.lower().split()
        head = re.sub(r"[’']s$", "", words[-1]) if words else ""
        definite = bool(words) and words[0] in _DETERMINERS
        if definite:
            for off, h, canon in reversed(self.documents):
                if h == head and off < a:
                    row.speaker, row.speaker_rule = canon, "noun phrase (antecedent)"
                    return
            if self._definite(row, head, a):
                return
        phrase = " ".join(w for w in mention_text.split() if w.lower() not in _fw("determiner"))
        canon = phrase or mention_text
        if words and words[0] in ("a", "an") and _speaker_nouns().get(head, ("",))[0] == "document":
            canon = self._document(phrase, sentence_start, a)
            self.documents.append((a, head, canon))
        row.speaker, row.speaker_rule = canon, "noun phrase"

    def _definite(self, row: _Row, head: str, a: int) -> bool:
        """"the Secretary" → the person bearing that title; "the magazine" → the organisation in focus."""
        if head.title() in lexicons.title_words() or head.capitalize() in lexicons.title_words():
            name = self.coref.titled_person(head, a)
            if name:
                row.speaker, row.speaker_rule = name, "noun phrase (title of person)"
                self._focus(name, True)
                return True
        if _speaker_nouns().get(head, ("",))[0] == "org":
            org = self.coref.org_before(a, head)
            if org:
                row.speaker, row.speaker_rule = org, "noun phrase (organisation in focus)"
                return True
        return False

    def sentence_person(self, row: _Row, span: tuple[int, int]) -> None:
        """A quote with no cue and no speaker to carry over: the person its sentence names, nearest
        before the quote, else first after it ("X later apologised: “…”", "called “…” by X")."""
        named = [e for e in self._entities_in(*span) if e[3] == "person" and e[4] != "pronoun"]
        named = [e for e in named if not (row.start <= e[0] < row.end)]
        before = [e for e in named if e[1] <= row.start]
        pick = before[-1] if before else (named[0] if named else None)
        if pick is not None:
            row.speaker, row.speaker_rule = pick[2], "person of the sentence (no cue)"
            row.mention = _Mention(pick[0], pick[1], "name")

    def issuers(self, sentence_start: int, offset: int) -> list[str] | None:
        """The actors of the clause that introduced a document ("They issued a joint statement")."""
        before = self.text[sentence_start:offset]
        m = re.match(r"\s*(\w+)", before)
        if not m:
            return None
        if m.group(1).lower() == "they":
            return self.coref.group_before(sentence_start, THEY_WINDOW)
        names = self.coref.persons_before(offset, offset - sentence_start)  # people named earlier in this sentence
        return list(dict.fromkeys(names)) or None

    def _focus(self, name: str | None, person: bool) -> None:
        if name and person:
            self.last_person = name


#: Extraction rules whose cue closes its content ("…, Smith said."): a quote opening the next sentence
#: of the paragraph continues what the cue reported.
_CUE_AFTER_RULES = frozenset({"clause then cue", "quote then cue", "inverted", "after content"})

#: Characters allowed between a cue and the quote that goes on its interrupted quotation: the rest
#: of the cue's sentence ("“A,” X said in a statement on Monday. “B.”"), not a further report.
CONTINUATION_GAP = 100


def _continues_quotation(text: str, row: _Row, prev: _Row) -> bool:
    """True when the direct quote ``row`` goes on the quotation ``prev`` that its cue interrupted.

    "“A,” X said. “B.”" and "“A,” X said, “B.”": ``prev`` is a direct quote whose cue follows it, and
    ``row`` opens right after that cue, in the same or the next sentence of the paragraph, with no
    cue of its own (or only the same cue).
    """
    pc = prev.cue
    if pc is None or prev.kind != "direct" or row.block != prev.block or pc.start < prev.end:
        return False
    gap = text[pc.end : max(pc.end, row.start - 2)]
    if row.start <= pc.end or len(gap) > CONTINUATION_GAP or _DOUBLE_MARK_RE.search(gap):
        return False  # another quotation, or more than the rest of the cue's sentence, lies between
    if row.cue is None:
        return row.speaker_rule == "carried over (same quotation)"
    return row.rule == "same sentence as cue" and row.cue.start == pc.start


def extract_quotes(text: str, sentences: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
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
    return extract_quotes_linked(text, sentences, entities)[0]


def extract_quotes_linked(
    text: str, sentences: pd.DataFrame, entities: pd.DataFrame
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

    Returns
    -------
    quotes : DataFrame
        ``quote_id, sentence_id, kind, start, end, text, speaker, speaker_ids, speaker_start,
        speaker_end, speaker_text, cue`` plus ``cue_start, cue_end, rule, speaker_rule, mark_rule,
        end_sentence_id, quotation_id`` (the ``quote_id`` of the first fragment of the quotation the
        row belongs to: fragments of one interrupted quotation share it).  ``speaker`` joins the
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
    rows, sent_objs = _build_rows(text, sentences)
    sent_start = {s.sid: s.start for s in sent_objs}
    sent_span = {s.sid: (s.start, s.end) for s in sent_objs}
    resolver = _Resolver(text, sent_objs, coref)
    prev: _Row | None = None  # the last row with a speaker (the one an uncued quote carries over)
    out = []
    joined: dict[int, int] = {}  # id(cue) -> quotation_id of its first content row
    for row in rows:
        if row.cue is not None and row.cue.speaker is not None:
            row.mention = row.cue.speaker
            resolver.resolve(row, sent_start[row.sentence_id])
        elif row.cue is None and prev is not None:
            _carry_over(row, prev)
        if row.speaker is None and row.cue is None:
            resolver.sentence_person(row, sent_span[row.sentence_id])
        qid = _quotation_id(text, row, prev, joined, len(out))
        if row.kind != "indirect" or row.speaker:
            prev = row if row.speaker else prev
        out.append(_record(text, row, qid))
    out = _with_unmarked_speech(text, sentences, entities, out)
    return link_speakers(_quotes_columns(out), coref)


def _carry_over(row: _Row, prev: _Row) -> None:
    """Speaker rules ``carried over`` / ``carried over (same quotation)``: an uncued quote takes the
    speaker of the previous quote in the same or next paragraph (an indirect row: the same paragraph)."""
    if not (prev.speaker and (row.block - prev.block <= 1) and (row.kind == "direct" or row.block == prev.block)):
        return
    row.speaker, row.speaker_rule = prev.speaker, "carried over"
    if (
        row.block == prev.block
        and prev.mention is not None
        and row.kind == "direct"
        and (prev.kind == "direct" or (prev.rule in _CUE_AFTER_RULES and row.sentence_id <= prev.end_sentence_id + 1))
    ):
        # “A,” X said. “B.”: one quotation interrupted by its cue; X names the speaker of B too
        # (and "A, X said. “B.”": the quote goes on the report the cue closed)
        row.mention, row.speaker_rule = prev.mention, "carried over (same quotation)"


def _quotation_id(text: str, row: _Row, prev: _Row | None, joined: dict[int, int], qid: int) -> int:
    """The ``quotation_id`` of ``row`` (its own id ``qid`` unless it goes on an earlier quotation)."""
    if row.cue is not None and row.cue.joins is not None:
        qid = joined.get(id(row.cue.joins), qid)
    elif prev is not None and row.kind == "direct" and _continues_quotation(text, row, prev):
        qid = prev.extra.get("quotation_id", qid)
    row.extra["quotation_id"] = qid
    if row.cue is not None and row.kind != "partial":
        joined.setdefault(id(row.cue), qid)
    return qid


def _record(text: str, row: _Row, qid: int) -> dict:
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
        "rule": row.rule,
        "speaker_rule": row.speaker_rule,
        "mark_rule": row.mark_rule,
        "end_sentence_id": row.end_sentence_id,
    }


#: Offsets that may be missing (no speaker mention, no cue): nullable integers.
_NULLABLE_OFFSETS = ("speaker_start", "speaker_end", "cue_start", "cue_end")


def _quotes_columns(out: list[dict]) -> dict[str, Any]:
    """The quotes table's columns (``speaker_ids`` is filled by ``link_speakers``, which builds the
    table once from them)."""
    cols: dict[str, Any] = {"quote_id": list(range(len(out)))}
    for col in QUOTE_COLUMNS[1:] + EXTRA_COLUMNS:
        if col != "speaker_ids":
            values = [r[col] for r in out]
            cols[col] = pd.array(values, dtype="Int64") if col in _NULLABLE_OFFSETS else values
    return cols


# -- unmarked speech: page styles that report speech without quotation marks ----------------------
#: First- or second-person words: a paragraph of speech, not the writer's narration.
_SPEECH_VOICE_RE = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me|you|You|your|Your)\b")
#: Readout forms: "expressed his intention to ...", "conveyed her hope that ...".
_READOUT_RE = re.compile(
    r"\b(?P<cue>expressed|conveyed|voiced|reiterated|reaffirmed|emphasi[sz]ed|underlined|shared|confirmed)\s+"
    r"(?:(?:his|her|their|its|the)\s+)?(?:strong\s+|firm\s+|sincere\s+|deep\s+|grave\s+|serious\s+)?"
    r"(?:(?P<noun>intention|hope|wish|desire|willingness|determination|readiness|expectation|view|belief|resolve|"
    r"commitment)\s+(?:to|that)|(?P<concern>concerns?|recognition|understanding)\s+that)\s+"
)


_NOUN_AFTER_TO = re.compile(
    r"(?:the|a|an|its|their|his|her|our|this|that|these|those|all|both|each|further|greater|continued)\b|[A-Z]|\w+ing\b"
)


# Sizes of the unmarked-speech patterns, in words unless said otherwise: an introduction or label
# longer than these is narration that happens to contain a colon, not "X said:".
#: An introduction ending in a colon ("The Minister said in a statement on Monday:").
INTRO_MAX_WORDS = 30
#: Words between its verb and the colon ("said in a statement:").
INTRO_TAIL_WORDS = 4
#: Words of its subject before the verb ("The Minister for Foreign Affairs, Jane Doe, said:").
INTRO_SUBJECT_WORDS = 15
#: A speaker taken as the bare noun phrase before the cue, when no entity names one.
SUBJECT_PHRASE_WORDS = 8
#: Characters of reported content a readout form must carry ("expressed the hope that ...").
READOUT_MIN_CHARS = 8
#: A paragraph label ("Senator Jane Doe (D-NY), Ranking Member:") longer than this is a sentence.
LABEL_MAX_WORDS = 12
#: Characters before a person mention searched for a signature's description ("Valmora's mayor, ").
APPOSITION_WINDOW = 40


def _paragraphs(text: str, sentences: pd.DataFrame, *, skip: str | None = None) -> list[dict]:
    """Story paragraphs in order: span, kind and first/last sentence id (from the sentences table),
    leaving out the sentences of kind ``skip``."""
    paras: dict[int, dict] = {}
    columns = (sentences[c].tolist() for c in ("sentence_id", "block_id", "kind", "start", "end"))
    for sid, bid, kind, a, b in zip(*columns):
        if kind == skip:
            continue
        p = paras.setdefault(int(bid), {"start": int(a), "end": int(b), "kind": kind, "first": int(sid), "sents": []})
        p["start"], p["end"] = min(p["start"], int(a)), max(p["end"], int(b))
        p["sents"].append((int(sid), int(a), int(b)))
        p["first"], p["last"] = min(p["first"], int(sid)), max(p.get("last", int(sid)), int(sid))
    return [paras[k] for k in sorted(paras)]


def _sentence_at(p: dict, offset: int) -> int:
    return next((sid for sid, a, b in p["sents"] if a <= offset < b), p["first"])


def _introducer(text: str, a: int, colon: int, entities: pd.DataFrame) -> tuple[re.Match, tuple[int, int, str]] | None:
    """The speech verb and speaker of an introduction ending in a colon ("The Minister said:")."""
    intro = text[a:colon]
    if _DOUBLE_MARK_RE.search(intro) or len(intro.split()) > INTRO_MAX_WORDS:
        return None
    cues = [m for m in _cue_re().finditer(text, a, colon) if m.group("verb")]
    # "X said:", "X said in a statement:": the verb closes the introduction, a short subject opens it
    if (
        not cues
        or len(text[cues[-1].end() : colon].split()) > INTRO_TAIL_WORDS
        or len(text[a : cues[-1].start()].split()) > INTRO_SUBJECT_WORDS
    ):
        return None
    speaker = _speaker_near(text, a, colon, cues[-1].start(), cues[-1].end(), entities)
    return (cues[-1], speaker) if speaker else None


def _speaker_near(
    text: str, a: int, b: int, cs: int, ce: int, entities: pd.DataFrame, *, names_only: bool = False
) -> tuple[int, int, str] | None:
    """The speaker of a cue at ``cs:ce`` within ``a:b``: the named actor closest before the cue (a
    person first), else one after it, else (unless ``names_only``) the noun phrase before the cue."""
    people = []
    if len(entities) and {"start", "end", "actor"} <= set(entities.columns):
        inside = entities[(entities["start"] >= a) & (entities["end"] <= b)]
        types = inside["actor_type"] if "actor_type" in inside.columns else inside["actor"]
        people = list(zip(inside["start"], inside["end"], inside["actor"], types))
    before = [p for p in people if p[1] <= cs]
    persons = [p for p in before if p[3] == "person"] or before or [p for p in people if p[0] >= ce]
    if persons:
        ps, pe, actor, _ = persons[-1]
        return int(ps), int(pe), str(actor)
    if names_only:
        return None
    subj = text[a:cs].strip(" ,")
    subj = subj.rsplit(",", 1)[-1].strip() if subj else text[ce:b].strip(" ,:")
    if not subj or len(subj.split()) > SUBJECT_PHRASE_WORDS:
        return None
    start = text.index(subj, a)
    return start, start + len(subj), subj


def _colon_speech(text: str, paras: list[dict], entities: pd.DataFrame) -> list[dict]:
    """Speech paragraphs introduced by "X said:" and written without quotation marks (kind direct).

    The speech runs from the colon to the end of its paragraph (when text follows the colon) and on
    through the next paragraphs while they carry no quotation marks, no introduction of their own
    and speak in the first or second person; a heading, chrome or narration ends it.
    """
    rows = []
    for i, p in enumerate(paras):
        body = text[p["start"] : p["end"]].rstrip()
        colon = body.rfind(":")
        if p["kind"] != "body" or colon < 0 or _DOUBLE_MARK_RE.search(body):
            continue
        found = _introducer(text, p["start"], p["start"] + colon, entities)
        if found is None:
            continue
        cue, (ss, se, speaker) = found
        spans = []
        rest = p["start"] + colon + 1
        while rest < p["end"] and text[rest].isspace():
            rest += 1
        if rest < p["end"]:
            spans.append((rest, p["end"], p["first"], p["last"]))
        for q in paras[i + 1 :]:
            seg = text[q["start"] : q["end"]]
            if q["kind"] != "body" or _DOUBLE_MARK_RE.search(seg) or seg.rstrip().endswith(":"):
                break
            if spans and not _SPEECH_VOICE_RE.search(seg):
                break
            if not spans and not _SPEECH_VOICE_RE.search(seg) and _cue_re().search(seg):
                break
            spans.append((q["start"], q["end"], q["first"], q["last"]))
        for a, b, first, last in spans:
            rows.append(_speech_row(text, (a, b, first, last), "direct", cue, (ss, se, speaker), "colon-introduced speech"))
    return rows


def _readout_speech(text: str, paras: list[dict], entities: pd.DataFrame) -> list[dict]:
    """Readout forms "X expressed his intention to ...": the reported content (kind indirect)."""
    rows = []
    for p in paras:
        if p["kind"] != "body":
            continue
        for m in _READOUT_RE.finditer(text, p["start"], p["end"]):
            if m.group(0).rstrip().endswith(" to") and _NOUN_AFTER_TO.match(text, m.end()):
                continue  # "reaffirmed the commitment to the alliance": a noun object, no reported content
            stop = text.rfind(". ", p["start"], m.start())  # the sentence opens after the last stop
            sent_start = stop + 2 if stop >= 0 else p["start"]
            speaker = _speaker_near(text, sent_start, m.start("cue"), m.start("cue"), m.end("cue"), entities)
            stop = re.search(r"[.;](?=\s|$)", text[m.end() : p["end"]])
            end = m.end() + stop.end() if stop else p["end"]
            if speaker is None or end - m.end() < READOUT_MIN_CHARS:
                continue
            sid = _sentence_at(p, m.end())
            row = _speech_row(text, (m.end(), end, sid, _sentence_at(p, end - 1)), "indirect", m, speaker, "readout form")
            row.update(cue=m.group("cue"), cue_start=m.start("cue"), cue_end=m.end("cue"))
            rows.append(row)
    return rows


_PARA_LABEL_RE = re.compile(r"(?P<label>[A-Z][^:“”\"«»\n]{2,120}?)\s*(?:\([^()]{1,15}\))?\s*:\s")


def _label_speakers(text: str, out: list[dict], paras: list[dict], entities: pd.DataFrame) -> None:
    """A quote without a speaker in a paragraph opened by a speaker label ("Senator Jane Doe (D-NY): ...")
    is the labelled person's."""
    starts = [p["start"] for p in paras]
    persons = None  # the person mentions, filtered when a label is first found
    for row in out:
        if row["kind"] == "indirect" or (row["cue"] is not None and row["speaker"]):
            continue  # the quote's own cue names its speaker; a label beats a carried-over one
        k = bisect.bisect_right(starts, row["start"]) - 1
        p = paras[k] if k >= 0 and row["start"] < paras[k]["end"] else None
        m = _PARA_LABEL_RE.match(text, p["start"], row["start"]) if p else None
        if m is None or len(m.group("label").split()) > LABEL_MAX_WORDS or _cue_re().search(m.group("label")):
            continue
        colon = m.end("label")
        if persons is None:
            persons = entities
            if len(entities) and "actor_type" in entities.columns:
                persons = entities[entities["actor_type"] == "person"]  # a label names a person, a heading does not
        speaker = _speaker_near(text, p["start"], colon, colon, colon, persons, names_only=True)
        speaker = speaker or _label_name(text, m.start("label"), colon)
        if speaker is not None:
            ss, se, name = speaker
            row.update(speaker=name, speaker_start=ss, speaker_end=se, speaker_text=text[ss:se])
            row["speaker_rule"] = "paragraph label"


_SIGNATURE_RE = re.compile(r"\s*(?:[―—–]|--)\s*(?P<who>[A-Z][^\n.!?“”\"]{1,60}?)\s*$")


def _dash_signed(text: str, paras: list[dict], entities: pd.DataFrame) -> list[dict]:
    """A pull quote set without marks: a paragraph followed by a paragraph that only signs it ("—Mayor of X").

    A signature that names no person ("—Mayor of X") takes the person the article names with that
    description ("Mayor of X Jane Doe").
    """
    rows = []
    for p, q in zip(paras, paras[1:]):
        m = _SIGNATURE_RE.fullmatch(text, q["start"], q["end"])
        body = text[p["start"] : p["end"]]
        if m is None or p["kind"] != "body" or _DOUBLE_MARK_RE.search(body) or not _SENT_END_RE.search(body):
            continue
        ss, se = m.span("who")
        name = _speaker_near(text, ss, se, se, se, entities)
        who = _named_elsewhere(text, text[ss:se], entities) or (name[2] if name else text[ss:se])
        dash = re.match(r"\s*(?P<verb>[―—–]|--)", text[q["start"] : q["end"]])
        cue = re.compile(r"(?P<verb>[―—–]|--)").match(text, q["start"] + dash.start("verb"))
        rows.append(_speech_row(text, (p["start"], p["end"], p["first"], p["last"]), "direct", cue, (ss, se, who), "dash-signed paragraph"))
    return rows


_SENT_END_RE = re.compile(r"[.!?…]\W*$")


def _named_elsewhere(text: str, description: str, entities: pd.DataFrame) -> str | None:
    """The person the text names with ``description`` in apposition ("Valmora's mayor, Jane Doe" for
    "Mayor of Valmora"): a person mention whose ``APPOSITION_WINDOW`` preceding characters hold every word of it."""
    if not len(entities) or "actor_type" not in entities.columns:
        return None
    words = [w for w in re.findall(r"\w+", description.lower()) if w not in ("of", "the", "for", "and")]
    persons = entities[entities["actor_type"] == "person"]
    for start, actor in zip(persons["start"], persons["actor"]):
        window = text[max(0, start - APPOSITION_WINDOW) : start].lower()
        if actor.lower() not in description.lower() and all(re.search(rf"\b{re.escape(w)}", window) for w in words):
            return str(actor)
    return None


def _label_name(text: str, a: int, b: int) -> tuple[int, int, str] | None:
    """The person's name closing a label ("... Ranking Member Jane Doe"): from a known first name on."""
    toks = list(re.finditer(r"[A-Z][\w.’'-]*", text[a:b]))
    tail = re.search(r"(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*\s*$", text[a:b])
    for i, t in enumerate(toks):
        if tail and t.start() >= tail.start() and t.group() in first_names() and 2 <= len(toks) - i <= 4:
            start, end = a + t.start(), a + toks[-1].end()
            return start, end, text[start:end]
    return None


def _speech_row(text: str, span: tuple, kind: str, cue: re.Match, speaker: tuple, rule: str) -> dict:
    a, b, first, last = span
    ss, se, name = speaker
    verb = cue.group("verb") if "verb" in cue.re.groupindex else cue.group(0)
    vs, ve = (cue.start("verb"), cue.end("verb")) if "verb" in cue.re.groupindex else cue.span()
    return {
        "quotation_id": None,
        "sentence_id": first,
        "kind": kind,
        "start": a,
        "end": b,
        "text": text[a:b],
        "speaker": name,
        "speaker_start": ss,
        "speaker_end": se,
        "speaker_text": text[ss:se],
        "cue": verb,
        "cue_start": vs,
        "cue_end": ve,
        "rule": rule,
        "speaker_rule": "introducer",
        "mark_rule": "unmarked",
        "end_sentence_id": last,
    }


def _with_unmarked_speech(text: str, sentences: pd.DataFrame, entities: pd.DataFrame, out: list[dict]) -> list[dict]:
    """Add the unmarked speech rows; rows of the quote-mark pass inside them are misreadings and go.

    Quotation ids are re-pointed to the merged order (a quotation's id is its first row's position);
    the paragraphs of one colon-introduced speech share one quotation.
    """
    paras = _paragraphs(text, sentences, skip="heading")
    _label_speakers(text, out, paras, entities)
    extra = _colon_speech(text, paras, entities) + _readout_speech(text, paras, entities)
    extra += _dash_signed(text, paras, entities)
    extra = [r for r in extra if not any(o["start"] <= r["start"] < o["end"] for o in out if o["kind"] != "indirect")]
    if not extra:
        return out
    kept = [o for o in out if not any(r["start"] <= o["start"] and o["end"] <= r["end"] for r in extra)]
    for o in kept:
        o["_old"] = o["quotation_id"]
    old_pos = {id(o): i for i, o in enumerate(out)}
    merged = sorted(kept + extra, key=lambda r: (r["start"], -r["end"]))
    new_pos = {old_pos[id(o)]: i for i, o in enumerate(merged) if id(o) in old_pos}
    for i, r in enumerate(merged):
        if "_old" in r:
            r["quotation_id"] = new_pos.get(r.pop("_old"), i)
        elif i and merged[i - 1]["rule"] == r["rule"] == "colon-introduced speech" and merged[i - 1]["cue_start"] == r["cue_start"]:
            r["quotation_id"] = merged[i - 1]["quotation_id"]
        else:
            r["quotation_id"] = i
    return merged
