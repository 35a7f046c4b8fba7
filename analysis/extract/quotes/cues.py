"""Cues of one sentence: which reporting-verb matches report speech, with their speaker and content.

Reads a sentence's masked tokens (:mod:`.phrases`) and its quotations; rejects verb matches that
report no speech (a noun use, an infinitive or passive, a comparison), finds each remaining cue's
speaker mention by the layout of the sentence and hands it to :mod:`.content` for its content.
"""

from __future__ import annotations

import re

from analysis.extract.quotes.content import (
    after_content,
    content_before,
    content_end,
    content_precedes,
    cue_then_content,
    ends_with_colon,
    finite,
)
from analysis.extract.quotes.kinds import Layout, MentionKind, QuoteRule
from analysis.extract.quotes.lexicon import Verb, cue_re, fw, speaker_nouns, speech_verbs
from analysis.extract.quotes.marks import QuoteSpan
from analysis.extract.quotes.phrases import (
    ACCORDING_NP_TOKENS,
    ACCORDING_TAIL_TOKENS,
    Cue,
    Sentence,
    SpeakerMention,
    VerbAt,
    clause_start,
    clause_subject,
    is_adverb,
    mention_from,
    np_forward,
    skip_back_adverbs,
    speaker_before,
)
from analysis.rules import Example

# -- one sentence: cues, their speakers and contents --------------------------------------------


def _after_determiner(at: VerbAt) -> bool:
    """ "the said", "a reported", "his claims": a noun or adjective, not a verb."""
    return at.prev_low in fw("determiner") and at.prev_low != "that"


def _infinitive_or_passive(at: VerbAt) -> bool:
    """ "to say", "was told", "are not told": the subject is not the speaker."""
    j = at.ci - 1
    while j > 0 and at.toks[j].is_word and (is_adverb(at.toks[j]) or at.toks[j].low in ("not", "n't", "never")):
        j -= 1  # "were not told", "was also told"
    passive = at.verb.form in ("pp", "past") and j >= 0 and at.toks[j].low in fw("aux-be")
    return at.prev_low == "to" or passive


def _comparison(at: VerbAt) -> bool:
    """ "as expected,", "than reported.": a comparison, nobody speaks."""
    toks, ci = at.toks, at.ci
    return ci > 0 and toks[ci - 1].low in ("as", "than") and (ci + 1 >= len(toks) or not toks[ci + 1].is_word)


def _noun_form(at: VerbAt) -> bool:
    """ "the claims", "his comment": a form that is also a noun needs a subject-like word before it
    (a possessor is none: "the mayor's claims", "Jane Doe's tweets")."""
    if not (at.verb.noun and at.verb.form in ("base", "s")) or at.that_next:
        return False
    prev, low = at.prev, at.prev_low
    subject_like = prev is not None and (
        low in fw("pronoun") or low in fw("aux") or low in fw("relative") or (prev.is_cap and not low.endswith(("'s", "’s")))
    )
    return not subject_like


def _base_without_plural(at: VerbAt) -> bool:
    """A base form ("say") speaks only after a plural subject: "Smiths say", "experts say", "they say"."""
    prev, low = at.prev, at.prev_low
    if at.verb.form != "base" or at.that_next:
        return False
    if prev is not None and (low in fw("pronoun") and low not in ("he", "she", "it") or low in fw("aux")):
        return False
    plural = (
        prev is not None
        and prev.is_word
        and low.endswith("s")
        and not low.endswith(("ss", "’s", "'s", "us", "is"))
        and len(low) > 3
        and not is_adverb(prev)
        and low not in speech_verbs()
    )
    collective = speaker_nouns().get(low, ("", ""))[1] == "pl"  # "police say", "people say"
    return not (plural or collective or (prev is not None and low in ("they", "we", "i", "you")))


#: Checks that reject a verb match as no report of speech, tried in this order (the first that holds
#: drops the match).
NOT_SPEECH = (_after_determiner, _infinitive_or_passive, _comparison, _noun_form, _base_without_plural)


def _colon_lead_in_subject(s: Sentence) -> list[Cue]:
    """Rule ``colon lead-in (subject)``: "Smith made the following comment:" before a quoted
    paragraph, with no speech verb: the subject speaks."""
    if not ends_with_colon(s):
        return []
    colon = s.start + s.masked.rstrip().rindex(":")
    subj = clause_subject(s, len(s.toks) - 1)
    return [] if subj is None else [Cue(colon, colon + 1, ":", subj, None, rule=COLON_LEAD_IN_SUBJECT)]


def analyse_sentence(s: Sentence, quotes_here: list[QuoteSpan]) -> list[Cue]:
    """The cues of one sentence, each with its speaker mention and its content (quote or clause)."""
    found = list(cue_re().finditer(s.masked))
    if not found:
        return _colon_lead_in_subject(s)
    cues: list[Cue] = []
    pending: list[Cue] = []  # further contents of a cue, added after it
    bounds = [_clause_boundary(s, m) for m in found]
    for idx, m in enumerate(found):
        ci = s.tok_at(m.start() + s.start)
        if ci < 0:
            continue
        if m.group("acc"):
            cues.extend(_according(s, ci, m))
            continue
        at = VerbAt(s.toks, ci, speech_verbs()[m.group("verb")])
        if any(check(at) for check in NOT_SPEECH):
            continue
        speaker = _participle_speaker(s, at, cues) if at.verb.form == "ing" else speaker_before(s, ci)[:2]
        if speaker is None:
            continue
        cue, last = _make_cue(s, m, ci, at.verb, speaker[0])
        next_cue = next((b for b in bounds[idx + 1 :] if b is not None and b > cue.end), None)
        if not _find_content(s, at, last, cue, speaker[1], cues, quotes_here, next_cue, pending):
            continue
        if (cue.speaker is None and cue.direct is None and cue.content is None) or not _speaker_kept(
            s, cue, quotes_here
        ):
            pending.clear()
            continue
        cues.append(cue)
        cues.extend(pending)
        pending.clear()
    return cues


def _speaker_kept(s: Sentence, cue: Cue, quotes: list[QuoteSpan]) -> bool:
    """Whether a cue stays when its speaker candidate cannot speak ("thousands more feared", "On
    Monday said"): a cue of quoted words stays with no speaker (the speaker is then found another
    way, :mod:`.table`), any other is no report of speech."""
    if s.speaks(cue.speaker):
        return True
    region = cue.region or cue.content
    quoted = cue.direct is not None or (
        region is not None and any(region[0] <= q.open and q.close_end <= region[1] + 1 for q in quotes)
    )
    if quoted:
        cue.speaker = None
    return quoted


def _participle_speaker(s: Sentence, at: VerbAt, cues: list[Cue]) -> tuple[SpeakerMention | None, Layout] | None:
    """The speaker of an -ing cue ("…, saying", "was saying", "a statement calling"); None: not a cue."""
    prev, ci = at.prev, at.ci
    if prev is not None and prev.text == ",":
        prior = [c.speaker for c in cues if c.speaker is not None]
        return (prior[-1] if prior else clause_subject(s, ci)), Layout.PARTICIPLE
    if prev is not None and (at.prev_low in fw("aux-be") or at.prev_low in fw("preposition")):
        return clause_subject(s, ci), Layout.CLAUSE
    mention, layout, _ = speaker_before(s, ci)
    if layout not in (Layout.CLAUSE, Layout.RELATIVE):
        return None
    subj = clause_subject(s, ci) if layout is Layout.CLAUSE else None
    if (
        subj is not None
        and mention is not None
        and mention.kind is MentionKind.NOUN_PHRASE
        and subj.end <= mention.start
        and s.masked[subj.end - s.start : subj.end - s.start + 1] != ","
    ):
        # "The council issued a statement calling …": the document speaks ("a report finding …"
        # too); an object that is no document does not ("The council met the press, saying …")
        head = s.text_of(mention).split()[-1].lower()
        return (mention if speaker_nouns().get(head, ("",))[0] == "document" else subj), Layout.PARTICIPLE
    return mention, layout


def _make_cue(s: Sentence, m: re.Match, ci: int, verb: Verb, mention: SpeakerMention | None) -> tuple[Cue, int]:
    """The cue of verb match ``m`` and the index of its last token (a particle: "pointed out")."""
    toks, word = s.toks, m.group("verb")
    cue_text, last = word, ci
    if (
        ci + 1 < len(toks)
        and toks[ci + 1].low in ("out", "up", "back")
        and verb.lemma in ("point", "back", "call", "sum")
    ):
        cue_text, last = f"{word} {toks[ci + 1].text}", ci + 1
    start = m.start() + s.start
    cue = Cue(start, start + len(cue_text), s.masked[m.start() : m.start() + len(cue_text)], mention, None, verb=verb)
    return cue, last


def _find_content(
    s: Sentence,
    at: VerbAt,
    last: int,
    cue: Cue,
    layout: Layout,
    cues: list[Cue],
    quotes: list[QuoteSpan],
    next_cue: int | None,
    pending: list[Cue],
) -> bool:
    """Give ``cue`` its content by the layout of its speaker; False when the match is no cue after all."""
    ci = at.ci
    if layout is Layout.COORDINATED:
        cue.speaker = _coordinated_speaker(s, ci, cues)
        layout, cue.rule = Layout.CLAUSE, COORDINATED
    if layout is Layout.INVERTED:
        _inverted(s, ci, cue, quotes)
        return True
    first_speaker_tok = s.tok_at(cue.speaker.start) if cue.speaker else ci
    before = first_speaker_tok - 1
    if layout is not Layout.PARTICIPLE and content_precedes(s.toks, before, ci, last, at.verb):
        if cue.speaker is None and layout is Layout.NONE:
            return False
        after_content(s, before, last, cue, quotes, s.toks[first_speaker_tok].start, next_cue, pending)
        return True
    kept = cue_then_content(s, at, last, cue, quotes, before, first_speaker_tok, next_cue, pending)
    cue.participle = kept and layout is Layout.PARTICIPLE
    return kept


def _coordinated_speaker(s: Sentence, ci: int, cues: list[Cue]) -> SpeakerMention | None:
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
    return pick[-1].speaker if pick else clause_subject(s, ci)


def _inverted(s: Sentence, ci: int, cue: Cue, quotes: list[QuoteSpan]) -> None:
    """Rule ``inverted``: "“…,” said Smith" / "…, said Smith": the speaker follows the verb."""
    np = np_forward(s.toks, ci + 1)
    if np:
        cue.speaker = mention_from(s, np)
    cue.rule = INVERTED
    content_before(s, ci, cue, quotes, s.toks[ci].start)
    if cue.content is not None and not finite(s, *cue.content):
        cue.content = cue.region = None  # "The group, called X, …": a phrase with no verb was not said


#: Words that open a new clause of the sentence before its subject ("…, though she acknowledged …").
_CLAUSE_OPENERS = frozenset({"and", "or", "but", "though", "although", "while", "whereas", "yet"})


def _clause_boundary(s: Sentence, m: re.Match) -> int | None:
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
    pj = skip_back_adverbs(toks, ci - 1)
    if pj >= 0 and toks[pj].low in ("and", "or", "but"):
        return toks[pj].start
    verb = speech_verbs()[m.group("verb")]
    if verb.form == "ing":
        return toks[ci - 1].start if toks[ci - 1].text == "," else None
    mention, layout, first = speaker_before(s, ci)
    if mention is None or layout is not Layout.CLAUSE or first <= 0 or not s.speaks(mention):
        return None
    prev = toks[first - 1]
    if prev.low in _CLAUSE_OPENERS or prev.text == ";":
        return prev.start
    return None


def _according(s: Sentence, ci: int, m: re.Match) -> list[Cue]:
    toks = s.toks
    k = s.tok_at(m.end() - 1 + s.start) + 1
    np = np_forward(toks, k, limit=ACCORDING_NP_TOKENS)
    if not np:
        return []
    mention = mention_from(s, np)
    cue = Cue(m.start() + s.start, m.end() + s.start, m.group(), mention, None, rule=ACCORDING_TO)
    after = np[1] + 1
    while after < len(toks) and toks[after].text not in ",." and after - np[1] < ACCORDING_TAIL_TOKENS:
        after += 1
    if ci == clause_start(toks, ci) or ci == 0:
        # "According to X, content."
        if after < len(toks) and toks[after].text == "," and after + 1 < len(toks):
            start = toks[after + 1].start
            end = content_end(s, after + 1, None)
            cue.content = cue.region = (start, end)
    else:
        j = ci - 1
        while j >= 0 and toks[j].text in ",—–-":
            j -= 1
        if j >= 0:
            start_tok = 0
            while start_tok < j and (toks[start_tok].text in "—–-,;" or toks[start_tok].low in fw("connective")):
                start_tok += 1
            cue.content = cue.region = (toks[start_tok].start, toks[j].end)
    return [cue] if cue.content else []


# -- the rules of this module (values of ``quotes.rule``) ------------------------------------------

ACCORDING_TO = QuoteRule(
    "according to",
    "According to X, A. / A, according to X.: the clause after the source's comma, or before the cue",
    Example(
        "According to Dana Korvel, the port will reopen.",
        {"kind": "indirect", "text": "the port will reopen.", "cue": "According to", "speaker": "Dana Korvel"},
    ),
    _according,
)
COORDINATED = QuoteRule(
    "coordinated",
    "X arrived and said A: the verb shares the subject of the earlier verb or report",
    Example(
        "Dana Korvel arrived late and said the port would reopen.",
        {"kind": "indirect", "text": "the port would reopen.", "cue": "said", "speaker": "Dana Korvel"},
    ),
    _coordinated_speaker,
    complement=True,
)
INVERTED = QuoteRule(
    "inverted",
    "“A,” said X.: the speaker follows the verb, the content precedes it",
    Example(
        "“We will reopen the port,” said Dana Korvel.",
        {"kind": "direct", "text": "We will reopen the port,", "cue": "said", "speaker": "Dana Korvel"},
    ),
    _inverted,
    closes_content=True,
)
COLON_LEAD_IN_SUBJECT = QuoteRule(
    "colon lead-in (subject)",
    "X made the following comment: with no speech verb: the subject speaks the quote that follows",
    Example(
        "Dana Korvel made the following comment:\n\n“We will reopen the port.”",
        {"kind": "direct", "text": "We will reopen the port.", "cue": ":", "speaker": "Dana Korvel"},
    ),
    _colon_lead_in_subject,
    lead_in=True,
)
