"""Transcript turns: a paragraph opened by a speaker label, and the paragraphs that go on with it.

Reads the text of each paragraph and its paired quote marks; decides which paragraphs open with a
speaker label ("SMITH: …", "PRIME MINISTER LEE: …", "QUESTION: …", the label also inside an opening
quote mark), whether the article is a transcript (at least ``TRANSCRIPT_LABELS`` labelled
paragraphs) and, in a transcript, which following paragraphs continue a turn: the next paragraph of
a quotation left open (the news convention for a long quote), or a paragraph of speech in the first
or second person in a transcript written without marks.  Each turn is one ``direct`` row of the
labelled speaker (rule ``transcript turn``); its paragraphs are its ``fragments``, and the words
inside it make no rows of their own.
"""

from __future__ import annotations

import re

from analysis.extract.entities.lexicon import common_word, lexicon, lexicon_key
from analysis.extract.quotes.kinds import MentionKind, QuoteRule
from analysis.extract.quotes.lexicon import fw, speech_verbs
from analysis.extract.quotes.marks import DOUBLE_MARK_RE, UNMARKED, QuoteSpan
from analysis.extract.quotes.phrases import Cue, SpeakerMention
from analysis.nlp import lexicons
from analysis.rules import Example

_NAME_WORD = r"[A-Z][\w.’'\-]*"
_LABEL_RE = re.compile(rf"[ \t]*[\"“]?(?P<label>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[ \t]*:[ \t]+(?=\S)")
#: First- or second-person words: a paragraph of speech, not the writer's narration.
SPEECH_VOICE_RE = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me|you|You|your|Your)\b")
#: A parenthetical stage note inside a transcript ("(CROSSTALK)", "(Laughter.)").
_STAGE_NOTE_RE = re.compile(r"[\s\"“]*\([^()]{1,40}\)[.\s\"”]*$")
#: An article is a transcript when at least this many paragraphs open with a speaker label.
TRANSCRIPT_LABELS = 2


def label_cue(text: str, b_start: int, b_end: int) -> Cue | None:
    """The speaker label opening a paragraph ("SMITH: …", "Jane Doe: “…”", "QUESTION: …") as a cue
    whose speaker mention is the label and whose content is the rest of the paragraph."""
    m = _LABEL_RE.match(text, b_start, b_end)
    if not m:
        return None
    label = m.group("label")
    words = label.split()
    questioner = label.lower() in fw("questioner")
    if not questioner and (label.lower() in fw("label-stop") or any(w.lower() in speech_verbs() for w in words)):
        return None
    if len(re.sub(r"[^A-Za-z]", "", label)) < 2 and not questioner:
        return None
    if not label.isupper():
        # a mixed-case label must look like a name used elsewhere in the article: "Sanders: …"
        if len(words) > 3 or text.count(words[-1]) < 2 or words[0].lower() in fw("determiner"):
            return None
        if not questioner and _names_no_speaker(label):
            return None
    colon = m.end("label") + text[m.end("label") : m.end()].index(":")
    mention = SpeakerMention(m.start("label"), m.end("label"), MentionKind.LABEL)
    return Cue(colon, colon + 1, ":", mention, (m.end(), b_end), rule=TRANSCRIPT_TURN, region=(m.end(), b_end))


def _names_no_speaker(label: str) -> bool:
    """A mixed-case label that is an ordinary word ("Review: …", "Tips: …", "Poll: …": a page's field
    or section) or a place ("Ohio: …" heading a list) names no speaker; a role noun ("Host: …",
    "Moderator: …") does."""
    low = label.lower()
    if low in lexicons.person_nouns():
        return False
    if " " not in label and common_word(low):
        return True
    entry = lexicon().exact.get(lexicon_key(label))
    return entry is not None and entry.actor_type in ("place", "country")


def is_transcript(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """True when at least ``TRANSCRIPT_LABELS`` of the paragraphs ``(start, end)`` open with a label."""
    found = 0
    for a, b in paragraphs:
        found += label_cue(text, a, b) is not None
        if found >= TRANSCRIPT_LABELS:
            return True
    return False


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or (a == b - 1 and not text[a].isalnum())):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def turn_span(text: str, label: Cue, quotes: list[QuoteSpan], end: int) -> tuple[int, int, str]:
    """The words of a turn's first paragraph: from after the label to the paragraph's end (its
    closing mark left out when the paragraph is one quotation), and the turn's ``mark_rule``."""
    a = label.content[0]
    covering = next((q for q in quotes if q.open < a and q.close_end >= end - 1), None)
    if covering is not None:
        return a, covering.inner_end, covering.rule
    first = next((q for q in quotes if q.open < a), None)
    a, b = _trim(text, a, end)
    return a, b, first.rule if first is not None else UNMARKED.name


def continues_turn(
    text: str, start: int, end: int, quotes: list[QuoteSpan], open_quote: bool
) -> tuple[int, int] | None:
    """The words of a paragraph that goes on the turn before it, or None when it does not.

    ``open_quote``: the turn's last paragraph ended inside a quotation.  Such a turn goes on with a
    paragraph that opens with a quote mark; a turn written without marks goes on with a paragraph in
    the first or second person; a stage note ("(CROSSTALK)") goes on any turn.
    """
    if _STAGE_NOTE_RE.match(text, start, end):
        return _trim(text, start, end)
    first = start + len(text[start:end]) - len(text[start:end].lstrip())
    if open_quote and quotes and quotes[0].open == first:
        q = quotes[0]
        return (q.inner_start, q.inner_end) if len(quotes) == 1 else _trim(text, q.inner_start, end)
    if not open_quote and not DOUBLE_MARK_RE.search(text, start, end) and SPEECH_VOICE_RE.search(text, start, end):
        return _trim(text, start, end)
    return None


_CLOSING_END_RE = re.compile(r"[”\"]\W*$")


def still_open(text: str, start: int, end: int) -> bool:
    """The paragraph opens with a quote mark and does not close it at its end: the quotation goes
    on in the next paragraph (the label of a quoted transcript sits inside that mark)."""
    body = text[start:end].strip()
    return body[:1] in '"“' and not _CLOSING_END_RE.search(body[1:])


TRANSCRIPT_TURN = QuoteRule(
    "transcript turn",
    "a paragraph opened by a speaker label (SMITH: …) and the paragraphs that go on with it: one turn",
    Example(
        "Dana Korvel took questions.\n\nKORVEL: We will reopen the port on Monday.\n\nQUESTION: When?",
        {"kind": "direct", "text": "We will reopen the port on Monday.", "cue": ":", "speaker": "Dana Korvel"},
    ),
    label_cue,
    label_in_quote=True,
)
