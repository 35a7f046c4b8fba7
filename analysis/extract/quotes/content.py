"""The content of a cue: the quote or reported clause it introduces or closes.

Reads a sentence's masked tokens and its paired quotations; decides where the reported clause after
a cue starts ("said that …", "told reporters …", "said on Monday …") and ends (sentence end, a
semicolon, ", and that …", the next cue's clause), whether the content precedes the cue ("…, X said")
and whether a clause interrupted by the cue goes on after it ("A, X said, B").
"""

from __future__ import annotations

import re

from analysis.extract.quotes.kinds import QuoteRule
from analysis.extract.quotes.lexicon import Verb, fw, speech_verbs
from analysis.extract.quotes.marks import MASK, QuoteSpan
from analysis.extract.quotes.phrases import (
    ADJUNCT_TOKENS,
    COMPLEMENT_TOKENS,
    HEARER_TOKENS,
    INTERRUPTION_ADJUNCT_TOKENS,
    THAT_TOKENS,
    Cue,
    Sentence,
    Tok,
    VerbAt,
    is_adverb,
    is_time,
    np_forward,
)
from analysis.rules import Example


def _content_after(s: Sentence, ci: int, verb: Verb | None) -> int | None:
    """Token index where the reported clause after the cue starts (None when there is none)."""
    toks = s.toks
    n = len(toks)
    k = ci + 1
    # "said that", "told reporters that", "said in a statement Thursday that"
    for m in range(k, min(n, k + THAT_TOKENS)):
        tm = toks[m]
        if tm.is_mask or tm.text in ":;," or tm.low == "and" or tm.low in speech_verbs() and m > k:
            break
        if tm.low == "that" and tm.text.islower():
            if m == k or all(
                toks[x].low in fw("preposition")
                or toks[x].low in fw("time")
                or toks[x].low in fw("determiner")
                or not toks[x].is_word
                or toks[x].is_cap
                or verb is not None
                and verb.frame == "object"
                or x > k
                for x in range(k, m)
            ):
                if (
                    m == k
                    or toks[k].low in fw("preposition")
                    or toks[k].low in fw("time")
                    or toks[k].is_cap
                    or (verb is not None and verb.frame == "object")
                    or m - k <= 3
                ):
                    return m + 1 if m + 1 < n else None
            break
    if verb is not None and verb.frame == "object" and verb.lemma in ("tell", "ask", "assure", "inform", "urge"):
        # skip the hearer: "told reporters", "told CNN's Jake Tapper"
        np = np_forward(toks, k, limit=HEARER_TOKENS)
        if np:
            k = next(  # "told the crews the quay would close": an article after a noun opens the clause
                (x for x in range(np[0] + 1, np[1] + 1) if toks[x].low in ("the", "a", "an") and toks[x - 1].tag.startswith("NN")),
                np[1] + 1,
            )
    while k < n and toks[k].is_word and (is_adverb(toks[k]) or toks[k].low in fw("time")):
        k += 1
    while k + 1 < n and toks[k].low in ("on", "in", "at", "last", "this", "next") and is_time(toks[k + 1]):
        k += 2  # "said on Monday it would ...": a time adjunct before the clause
    if k < n and toks[k].is_word and toks[k].low in fw("preposition") and toks[k].low != "to":
        # an adjunct such as "in a statement" or "on Twitter" before a colon/comma and the content
        for m in range(k, min(n, k + ADJUNCT_TOKENS)):
            if toks[m].text in ",:" or toks[m].is_mask:
                k = m
                break
    while k < n and toks[k].text in ",:":
        k += 1
    return k if k < n else None


def content_end(s: Sentence, k: int, stop_at: int | None) -> int:
    """End offset of the clause starting at token ``k``: sentence end, '; ', ', and that', next cue."""
    return _content_end_next(s, k, stop_at)[0]


def _content_end_next(s: Sentence, k: int, stop_at: int | None) -> tuple[int, int | None]:
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


def content_precedes(toks: list[Tok], before: int, ci: int, last: int, verb: Verb) -> bool:
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


def after_content(
    s: Sentence,
    before: int,
    last: int,
    cue: Cue,
    quotes: list[QuoteSpan],
    limit: int,
    next_cue: int | None,
    pending: list[Cue],
) -> None:
    """Rules ``quote then cue`` / ``clause then cue`` ("A, he said."), and ``clause around cue`` for the
    clause the cue interrupts ("A, he said, B").  A cue whose content is not found keeps no rule: it
    only names the speaker of its sentence's uncued quotes."""
    content_before(s, before + 1, cue, quotes, limit)
    rest = _continuation(s, last) if cue.content is not None else None
    subject = None
    if cue.rule is CLAUSE_THEN_CUE and cue.content is not None and not finite(s, *cue.content):
        # "The port, she said, will reopen", "Back in May, he said": a fronted phrase with no finite
        # verb is no reported clause of its own; it is a fragment of the clause after the cue, if any
        subject, cue.content, cue.region, cue.rule = cue.content, None, None, None
    if rest is None:
        return
    end = content_end(s, rest, next_cue)
    if end > s.toks[rest].start:
        span = (s.toks[rest].start, end)
        pending.append(
            Cue(
                cue.start,
                cue.end,
                cue.text,
                cue.speaker,
                span,
                rule=CLAUSE_AROUND_CUE,
                region=span,
                joins=cue,
                verb=cue.verb,
                subject=subject,
            )
        )


def cue_then_content(
    s: Sentence,
    at: VerbAt,
    last: int,
    cue: Cue,
    quotes: list[QuoteSpan],
    before: int,
    first_speaker_tok: int,
    next_cue: int | None,
    pending: list[Cue],
) -> bool:
    """Rules ``cue then quote``, ``cue then clause``/``cue then object`` (with ``coordinated clause``)
    and ``colon lead-in``; False when the cue has no content at all."""
    toks = s.toks
    k = _content_after(s, last, at.verb)
    if k is None:
        if cue.speaker is not None:
            content_before(s, max(before + 1, 0), cue, quotes, toks[first_speaker_tok].start)
        if cue.content is None and cue.direct is None:
            if cue.speaker is None or not ends_with_colon(s):
                return False
            cue.rule = COLON_LEAD_IN  # "He said:" closing its sentence: the quote that follows is the content
        return True
    q = _quote_at(quotes, toks[k].start)
    if q is not None and toks[k].is_mask and only_punct_after(s, q.close_end):
        cue.direct = q
        cue.rule = cue.rule or CUE_THEN_QUOTE
        return True
    start = q.open if toks[k].is_mask and q is not None else toks[k].start
    end, nxt = _content_end_next(s, k, next_cue)
    if end > start:
        cue.content = cue.region = (start, end)
    cue.rule = cue.rule or (CUE_THEN_CLAUSE if at.verb.frame == "clause" else CUE_THEN_OBJECT)
    while nxt is not None:
        # "said that A, and that B": B is a second reported clause of the same cue
        n_end, n_next = _content_end_next(s, nxt, next_cue)
        span = (toks[nxt].start, n_end)
        pending.append(
            Cue(cue.start, cue.end, cue.text, cue.speaker, span, rule=COORDINATED_CLAUSE, region=span, verb=cue.verb)
        )
        nxt = n_next
    return True


def _clause_follows(toks: list[Tok], ci: int, verb: Verb) -> bool:
    """True when a reported clause follows the cue directly ("…, experts say the cuts would …").

    The cue's subject after a comma then opens the report, and the clause before the comma is not
    its content.  Only clause-taking verbs qualify, and the words after the cue must not start with
    an adjunct (time, preposition) and must run on for at least three words.
    """
    if verb.frame != "clause" or ci + 1 >= len(toks):
        return False
    t = toks[ci + 1]
    if not t.is_word or t.is_mask or is_time(t) or is_adverb(t) or t.low in fw("preposition"):
        return False
    words = 0
    for u in toks[ci + 1 :]:
        if not u.is_word:
            break
        words += 1
    return words >= 3


def _continuation(s: Sentence, ci: int) -> int | None:
    """Token index where a clause interrupted by the cue at ``ci`` goes on ("A, he said in May, B").

    The cue (with adverbs, a time or a short prepositional adjunct) must be closed by a comma followed
    by a word that opens no new cue, participle phrase or connected clause.
    """
    toks = s.toks
    n = len(toks)
    k = ci + 1
    while k < n and toks[k].is_word and (is_adverb(toks[k]) or is_time(toks[k])):
        k += 1
    if k < n and toks[k].is_word and toks[k].low in fw("preposition"):
        for m in range(k + 1, min(n, k + INTERRUPTION_ADJUNCT_TOKENS)):
            if toks[m].text == "," or toks[m].is_mask or toks[m].low in speech_verbs():
                k = m
                break
    if k + 2 >= n or toks[k].text != ",":
        return None
    t = toks[k + 1]
    low = t.low
    if not t.is_word or low in speech_verbs() or low in fw("connective") or low in fw("subordinator"):
        return None
    if low == "according" or (t.text.islower() and low.endswith("ing")):
        return None
    return k + 1


def ends_with_colon(s: Sentence) -> bool:
    return s.masked.rstrip().endswith(":")


def _introduces(toks: list[Tok], ci: int) -> bool:
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


def _fronted(toks: list[Tok], comma: int) -> bool:
    """True when the clause before ``comma`` is a fronted adverbial ("During a visit to Tokyo,")."""
    first = toks[0]
    if first.is_mask:
        return False
    low = first.low
    if low in fw("preposition") or low in fw("subordinator") or low in fw("connective") and comma <= 1:
        return all(t.text != "," for t in toks[1:comma]) or low in fw("preposition")
    return comma <= 2 and (is_adverb(first) or low in fw("time") or low in fw("connective"))


def only_punct_after(s: Sentence, offset: int) -> bool:
    tail = s.masked[offset - s.start :]
    return not re.search(r"\w|" + MASK, tail)


def _quote_at(quotes: list[QuoteSpan], offset: int) -> QuoteSpan | None:
    for q in quotes:
        if q.open <= offset < max(q.close_end, q.inner_end):
            return q
    return None


#: Words that cannot close a reported clause: it runs on into the speaker ("what X said", "A and X said").
_OPEN_ENDS = frozenset({"and", "or", "but", "what", "how", "as", "whatever"})


#: Tags of a finite verb: a clause has one ("the port will reopen"), a fronted phrase not ("the port").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def finite(s: Sentence, a: int, b: int) -> bool:
    """Whether the words in ``[a, b)`` hold a finite verb (or a quotation, or the tags are not known)."""
    toks = [t for t in s.toks if a <= t.start < b]
    if any(t.is_mask for t in toks) or not any(t.tag for t in toks):
        return True
    return any(t.tag in FINITE_TAGS for t in toks)


def content_before(s: Sentence, upto_tok: int, cue: Cue, quotes: list[QuoteSpan], limit: int) -> None:
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
        cue.rule = cue.rule or QUOTE_THEN_CUE
        return
    start_tok = 0
    while start_tok < j and (toks[start_tok].text in "—–-,;" or toks[start_tok].low in fw("connective")):
        start_tok += 1
    if toks[start_tok].is_mask:
        q = _quote_at(quotes, toks[start_tok].start)
        start = q.open if q else toks[start_tok].start
    else:
        start = toks[start_tok].start
    end = toks[j].end
    if toks[j].low in _OPEN_ENDS:
        return  # "Here's what officials and experts said": a free relative, nothing reported before it
    if end > start and end <= limit:
        cue.content = (start, end)
        cue.region = (start, end)
        cue.rule = cue.rule or CLAUSE_THEN_CUE


# -- the rules of this module (values of ``quotes.rule``), in the order the table lists them ----------

QUOTE_THEN_CUE = QuoteRule(
    "quote then cue",
    "“A,” X said.: the quote just before the speaker and cue is the content",
    Example(
        "“We will reopen the port,” Dana Korvel said.",
        {"kind": "direct", "text": "We will reopen the port,", "cue": "said", "speaker": "Dana Korvel"},
    ),
    content_before,
    closes_content=True,
)
CLAUSE_THEN_CUE = QuoteRule(
    "clause then cue",
    "A, X said.: the clause from the sentence start to the comma before the speaker",
    Example(
        "The port will reopen on Monday, Dana Korvel said.",
        {"kind": "indirect", "text": "The port will reopen on Monday", "cue": "said", "speaker": "Dana Korvel"},
    ),
    content_before,
    closes_content=True,
)
CLAUSE_AROUND_CUE = QuoteRule(
    "clause around cue",
    "A, X said, B: B goes on the clause the cue interrupts (one quotation with A)",
    Example(
        "The port, Dana Korvel said, will reopen on Monday.",
        {"kind": "indirect", "text": "will reopen on Monday.", "cue": "said", "speaker": "Dana Korvel"},
    ),
    after_content,
)
CUE_THEN_QUOTE = QuoteRule(
    "cue then quote",
    "X said, “A.”: the quote right after the cue, closing the sentence",
    Example(
        "Dana Korvel said, “We will reopen the port.”",
        {"kind": "direct", "text": "We will reopen the port.", "cue": "said", "speaker": "Dana Korvel"},
    ),
    cue_then_content,
)
CUE_THEN_CLAUSE = QuoteRule(
    "cue then clause",
    "X said (that) A: the clause after a clause-taking verb",
    Example(
        "Dana Korvel said that the port would reopen.",
        {"kind": "indirect", "text": "the port would reopen.", "cue": "said", "speaker": "Dana Korvel"},
    ),
    cue_then_content,
    complement=True,
)
CUE_THEN_OBJECT = QuoteRule(
    "cue then object",
    "X told reporters (that) A: the clause after an object-taking verb and its hearer",
    Example(
        "Dana Korvel told reporters that the port would reopen.",
        {"kind": "indirect", "text": "the port would reopen.", "cue": "told", "speaker": "Dana Korvel"},
    ),
    cue_then_content,
    complement=True,
)
COORDINATED_CLAUSE = QuoteRule(
    "coordinated clause",
    "X said that A, and that B: B is a second clause of the same cue",
    Example(
        "Dana Korvel said that the port would reopen, and that the ferries would run again.",
        {"kind": "indirect", "text": "the ferries would run again.", "cue": "said", "speaker": "Dana Korvel"},
    ),
    cue_then_content,
    complement=True,
)
COLON_LEAD_IN = QuoteRule(
    "colon lead-in",
    "X said: closing its sentence: the quote that follows (in the next sentence or paragraph) is the content",
    Example(
        "Dana Korvel said:\n\n“We will reopen the port.”",
        {"kind": "direct", "text": "We will reopen the port.", "cue": "said", "speaker": "Dana Korvel"},
    ),
    cue_then_content,
    lead_in=True,
)
