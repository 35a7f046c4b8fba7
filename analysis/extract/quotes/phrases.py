"""Tokens of a masked sentence and the noun phrases a cue's speaker is read from.

Reads one sentence with its quotations masked (:func:`analysis.extract.quotes.marks.mask_quotes`)
and the function-word lexicon; decides where a noun phrase starts and ends (before a verb, after an
inverted verb or "according to"), what kind of mention it is (name, pronoun, relative, group, noun
phrase) and which phrase before a cue is its speaker (skipping adverbs, time adjuncts and
appositions).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from analysis.extract.quotes.kinds import Layout, MentionKind, QuoteRule
from analysis.extract.quotes.lexicon import Verb, fw, member_nouns, speaker_nouns, speech_verbs
from analysis.extract.quotes.marks import MASK, QuoteSpan
from analysis.extract.quotes.objects import TagIndex, can_speak
from analysis.nlp.tokens import is_clitic, plain_punctuation

# -- tokens of a masked sentence --------------------------------------------------------------------

#: A masked quotation, a number with thousands separators ("2,000": its comma ends no clause), a
#: word (with inner apostrophes, hyphens, periods), or one other character.


@dataclass
class Tok:
    start: int
    end: int
    text: str
    tag: str = ""  # the shared tagger's tag of the token starting here ("" when not known)

    @functools.cached_property
    def low(self) -> str:
        return self.text.lower()  # read for every token a phrase walks back over: computed once

    @property
    def is_mask(self) -> bool:
        return self.text[0] == MASK

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


@dataclass
class SpeakerMention:
    start: int
    end: int
    kind: MentionKind
    antecedent: tuple[int, int] | None = None  # for relative pronouns: the phrase they stand for


@dataclass
class Cue:
    start: int
    end: int
    text: str
    speaker: SpeakerMention | None
    content: tuple[int, int] | None  # indirect clause (offsets into the text), when any
    direct: QuoteSpan | None = None
    rule: QuoteRule | None = None  # the rule that found the content (the first one set wins)
    participle: bool = False  # an -ing cue ("…, saying A"): its rule value says so
    verb: Verb | None = None  # the reporting verb of a verb cue
    region: tuple[int, int] | None = None  # stretch whose quotes are this cue's partial quotes
    joins: Cue | None = None  # the cue whose content this one continues ("A, he said, B")
    subject: tuple[int, int] | None = None  # a fronted subject the cue interrupts ("The port, he said, B"): a fragment

    @property
    def is_lead_in(self) -> bool:
        """A cue closing its sentence with a colon, waiting for the quote that follows ("X said:");
        a participle ("…, saying:") is an ordinary cue."""
        return self.rule is not None and self.rule.lead_in and not self.participle


def is_adverb(t: Tok) -> bool:
    low = t.low
    return low in fw("adverb") or (low.endswith("ly") and len(low) > 4 and t.text.islower())


def skip_back_adverbs(toks: list[Tok], j: int) -> int:
    aux = fw("aux") | fw("aux-be")
    while j >= 0 and toks[j].is_word and (is_adverb(toks[j]) or toks[j].low in aux):
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


def is_time(t: Tok) -> bool:
    return t.is_word and (t.low in fw("time") or (t.text.isdigit() and len(t.text) == 4))


def _skip_back_time(toks: list[Tok], j: int) -> int:
    """Skip a time adjunct between subject and verb ("Smith on Tuesday said", "who in 2010 said")."""
    k = j
    while k >= 0 and (is_time(toks[k]) or (toks[k].text.isdigit() and k < j)):
        k -= 1
    if k == j or k < 0 or toks[k].low not in fw("time-lead"):
        return j
    while k >= 0 and toks[k].low in fw("time-lead"):
        k -= 1
    return skip_back_adverbs(toks, k)


#: Prepositions between a member noun and its body ("an official at the ministry").
_MEMBER_LINKS = frozenset({"at", "from", "in", "with"})


def _np_back(toks: list[Tok], j: int, limit: int = NP_TOKENS) -> tuple[int, int] | None:
    """Return token indices ``(first, last)`` of the noun phrase ending at token ``j``."""
    if j < 0 or not (toks[j].is_word or toks[j].text == ")"):
        return None
    stop_words = set().union(*(fw(c) for c in _NP_STOP_CLASSES)) - {"of", "for"}
    verbs = speech_verbs()
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
                if i != j and low in _MEMBER_LINKS and i > 0 and toks[i - 1].low in member_nouns():
                    first, i = i, i - 1  # "an official at the Harbour Board": the member and the body
                    continue
                if i != j and t.text.islower() and toks[i + 1].low in ("a", "an", "the") and low not in ("of", "for"):
                    break  # "issued a statement": a verb or preposition before a determiner
                if i != j and (
                    low in stop_words or (low in verbs and not t.is_cap) or low == "and" and not _and_joins(toks, i)
                ):
                    break
                if i != j and low in fw("pronoun") and low not in ("it",) and toks[i + 1].low != "and":
                    break
        first = i
        i -= 1
    # trim leading connectives, prepositions, punctuation
    while first <= j and (
        not toks[first].is_word or toks[first].low in fw("connective") or toks[first].low in stop_words
    ):
        if toks[first].text == "(":
            break
        first += 1
    if first > j:
        return None
    return first, j


def _and_joins(toks: list[Tok], i: int) -> bool:
    """True when the ``and`` at ``i`` joins two names/pronouns ("he and Smith")."""
    prev = toks[i - 1] if i > 0 else None
    return prev is not None and prev.is_word and (prev.is_cap or prev.low in fw("pronoun"))


def np_forward(toks: list[Tok], i: int, limit: int = NP_TOKENS) -> tuple[int, int] | None:
    """Return token indices of the noun phrase starting at ``i`` (names, determiners, nouns)."""
    if i >= len(toks) or not toks[i].is_word:
        return None
    verbs = speech_verbs()
    stop_words = set().union(*(fw(c) for c in _NP_STOP_CLASSES)) - {"of", "for"}
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
                low in stop_words or low in verbs or is_adverb(t) or low in fw("connective") and low != "and"
            ):
                break
            if low == "and" and not (k > i and toks[k - 1].is_cap and k + 1 < len(toks) and toks[k + 1].is_cap):
                break
            if k > i and seen_cap and not t.is_cap and low not in ("of", "for") and not low.endswith("’s"):
                # a lower-case word after a name ends the phrase
                if low not in speaker_nouns():
                    break
            if k > i and (low.endswith("ed") or t.tag.startswith("VB")) and not t.is_cap:
                break  # a verb ends the subject ("The council met the press")
            if low in fw("pronoun"):
                if k == i:
                    return (i, i)
                break
            seen_cap = seen_cap or (t.is_cap and low not in fw("determiner"))
        last = k
        k += 1
    if last is None:
        return None
    while last > i and not toks[last].is_word:
        last -= 1
    return i, last


def clause_start(toks: list[Tok], upto: int) -> int:
    """Index of the first token of the main clause (after a fronted adverbial and connectives)."""
    i = 0
    if (
        toks
        and toks[0].is_word
        and (
            toks[0].low in fw("preposition")
            or toks[0].low in fw("subordinator")
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
    while i < upto and toks[i].is_word and toks[i].low in fw("connective"):
        i += 1
    while i < upto and toks[i].text in ",;":
        i += 1
    return i


def _sentence_tokens(masked: str, start: int, shared: list[tuple[int, int, str, str]]) -> list[Tok]:
    """The words a cue analysis reads, made from the article's shared tokens: a quotation (masked)
    is one token, a clitic goes back on its word ("it’s", "don’t"), "AT&T" is one word and "--" two
    dashes."""
    out: list[Tok] = []
    glue = False  # the last token was "&" inside a word: the next one joins it
    for a, b, word, tag in shared:
        prev = out[-1] if out else None
        adjacent = prev is not None and prev.end == a
        if masked[a - start] == MASK:
            if prev is not None and prev.is_mask and MASK * (a - prev.end) == masked[prev.end - start : a - start]:
                prev.end, prev.text = b, masked[prev.start - start : b - start]  # the same quotation
            else:
                out.append(Tok(a, b, masked[a - start : b - start], tag))
            continue
        if adjacent and prev.is_word and (glue or is_clitic(plain_punctuation(word).lower()) or word == "&"):
            prev.end, prev.text, glue = b, prev.text + word, word == "&"
            continue
        glue = False
        if word == "--":
            out += [Tok(a, a + 1, "-", tag), Tok(a + 1, b, "-", tag)]
        else:
            out.append(Tok(a, b, word, tag))
    return out


class Sentence:
    """One sentence with its masked tokens."""

    def __init__(self, sid: int, start: int, end: int, masked: str, block: int, tags: TagIndex) -> None:
        self.sid, self.start, self.end, self.block = sid, start, end, block
        self.masked = masked
        self.tags = tags  # the article's shared tokens and tags
        self.before: dict[int, tuple[SpeakerMention | None, Layout, int]] = {}  # speaker_before, by cue token

    def text_of(self, m: SpeakerMention) -> str:
        """The words of a mention of this sentence (quotations masked)."""
        return self.masked[m.start - self.start : m.end - self.start]

    def speaks(self, m: SpeakerMention | None) -> bool:
        """True when mention ``m`` (a relative pronoun: its antecedent) can speak
        (:func:`analysis.extract.quotes.objects.can_speak`)."""
        if m is None:
            return True
        if m.kind is MentionKind.RELATIVE:
            return m.antecedent is None or can_speak(self.tags.span(*m.antecedent))
        return can_speak(self.tags.span(m.start, m.end))

    @functools.cached_property
    def toks(self) -> list[Tok]:
        # built only for sentences that hold a cue
        return _sentence_tokens(self.masked, self.start, self.tags.tokens_in(self.start, self.end))

    @functools.cached_property
    def starts(self) -> list[int]:
        return [t.start for t in self.toks]

    def tok_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def speaker_before(s: Sentence, ci: int) -> tuple[SpeakerMention | None, Layout, int]:
    """Find the speaker before cue token ``ci``.

    Returns the mention, the :class:`Layout` (``CLAUSE``: the speaker opens the cue's clause;
    ``INVERTED``: a quote or comma right before the verb, the speaker follows it; ``COORDINATED``: the
    subject of a coordinated verb phrase; ``APPOSITION``, ``RELATIVE``, ``NONE``) and the index of the
    first token of the speaker phrase.  Found once per cue token (the clause boundary and the cue
    both ask).
    """
    if ci not in s.before:
        s.before[ci] = _speaker_before(s, ci)
    return s.before[ci]


def _speaker_before(s: Sentence, ci: int) -> tuple[SpeakerMention | None, Layout, int]:
    toks = s.toks
    j = _skip_back_time(toks, skip_back_adverbs(toks, ci - 1))
    if j < 0:
        return None, Layout.NONE, ci
    t = toks[j]
    if t.is_mask:
        return None, Layout.INVERTED, j
    if t.text in _DASHES and j > 0:
        found = _dash_apposition(s, j)
        return (found[0], Layout.APPOSITION, found[1]) if found else (None, Layout.NONE, ci)
    if t.text == ",":
        found = _comma_apposition(s, j)
        return (found[0], Layout.APPOSITION, found[1]) if found else (None, Layout.INVERTED, j)
    if t.low in ("and", "or", "but"):
        return None, Layout.COORDINATED, j
    if t.low in ("who", "which", "that") and t.text.islower():
        ante = _np_back(toks, j - 1 - (1 if j > 0 and toks[j - 1].text == "," else 0))
        m = SpeakerMention(t.start, t.end, MentionKind.RELATIVE)
        if ante:
            m.antecedent = (toks[ante[0]].start, toks[ante[1]].end)
        return m, Layout.RELATIVE, j
    if t.low in fw("pronoun"):
        return SpeakerMention(t.start, t.end, MentionKind.PRONOUN), Layout.CLAUSE, j
    if t.is_word and t.low in fw("preposition"):
        return None, Layout.NONE, ci
    np = _np_back(toks, j)
    if not np:
        return None, Layout.NONE, ci
    return mention_from(s, np), Layout.CLAUSE, np[0]


_DASHES = "—–-―"


def _dash_apposition(s: Sentence, j: int) -> tuple[SpeakerMention, int] | None:
    """ "Smith -- co-editor of a book on debates -- said": the phrase before the opening dash."""
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
            return mention_from(s, np), np[0]
    return None


def _comma_apposition(s: Sentence, j: int) -> tuple[SpeakerMention, int] | None:
    """ "Smith, a senior official, said" / "The state's chairman, Jane Doe, said": the phrase before
    the opening comma (with the name, when a name is the apposition)."""
    toks = s.toks
    k = j - 1
    while k >= 0 and toks[k].text != "," and not toks[k].is_mask and j - k < COMMA_APPOSITION_TOKENS:
        k -= 1
    if not (k > 0 and toks[k].text == "," and k + 1 < j):
        return None
    opener = toks[k + 1]
    if opener.low in fw("determiner") or opener.low in fw("relative") or not opener.is_cap:
        np = _np_back(toks, k - 1)
        if np:
            return mention_from(s, np), np[0]
    if opener.is_cap:
        # "Senator Jane Doe, Democrat of Ohio, said": a capitalised apposition after the noun phrase
        # that opens the clause
        np = _np_back(toks, k - 1)
        if np and np[0] <= clause_start(toks, k):
            inner = _np_back(toks, j - 1)
            if inner and inner[0] == k + 1 and not toks[np[1]].is_cap and toks[inner[1]].is_cap:
                np = (np[0], inner[1])  # the name closes the mention: "the chairman, Jane Doe"
            return mention_from(s, np), np[0]
    return None


def _pair_of(toks: list[Tok], np: tuple[int, int]) -> bool:
    """ "the two leaders", "both ministers": a pair of people, named by a group word before a plural
    person noun."""
    nouns = speaker_nouns()
    head = toks[np[1]].low
    words = [t.low for t in toks[np[0] : np[1]]]
    return nouns.get(head, ("", ""))[1] == "pl" and any(nouns.get(w, ("",))[0] == "group" for w in words)


def mention_from(s: Sentence, np: tuple[int, int]) -> SpeakerMention:
    toks = s.toks
    a, b = toks[np[0]], toks[np[1]]
    low = b.low
    if np[0] == np[1] and low in fw("pronoun"):
        kind = MentionKind.PRONOUN
    elif b.is_cap and low not in speaker_nouns():
        kind = MentionKind.NAME
    elif low in speaker_nouns() and speaker_nouns()[low][0] == "group" or _pair_of(toks, np):
        kind = MentionKind.GROUP
    else:
        kind = MentionKind.NOUN_PHRASE
    return SpeakerMention(a.start, b.end, kind)


def clause_subject(s: Sentence, upto: int) -> SpeakerMention | None:
    i = clause_start(s.toks, upto)
    np = np_forward(s.toks, i)
    if not np or np[1] >= upto:
        return None
    return mention_from(s, np)


@dataclass
class VerbAt:
    """A speech verb at token ``ci`` of a sentence, with the word before it (adverbs skipped)."""

    toks: list[Tok]
    ci: int
    verb: Verb

    @functools.cached_property
    def prev(self) -> Tok | None:
        j = skip_back_adverbs(self.toks, self.ci - 1)
        return self.toks[j] if j >= 0 else None

    @property
    def prev_low(self) -> str:
        return self.prev.low if self.prev is not None else ""

    @property
    def that_next(self) -> bool:
        """ "shows that", "say that": a complementizer makes a noun-like form a verb."""
        toks, ci = self.toks, self.ci
        return ci + 1 < len(toks) and toks[ci + 1].text == "that" and self.prev is not None and self.prev.is_word
