"""Unmarked speech: page styles that report speech without quotation marks.

Reads the text, the story paragraphs and the entities table; decides which paragraphs are speech
introduced by "X said:" (and the first- or second-person paragraphs that continue it), which
sentences are readout forms ("X expressed her hope that …"), which paragraphs are signed by a dash
line below them, and which quotes take the person of a speaker label opening their paragraph.
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from analysis.extract.quotes.kinds import QuoteRule, SpeakerRule, clause_columns
from analysis.extract.quotes.lexicon import cue_re
from analysis.extract.quotes.marks import DOUBLE_MARK_RE, UNMARKED
from analysis.extract.quotes.turns import SPEECH_VOICE_RE
from analysis.nlp import lexicons
from analysis.resources import first_names
from analysis.rules import Example

# -- unmarked speech: page styles that report speech without quotation marks ----------------------
#: First- or second-person words: a paragraph of speech, not the writer's narration.
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
    if DOUBLE_MARK_RE.search(intro) or len(intro.split()) > INTRO_MAX_WORDS:
        return None
    cues = [m for m in cue_re().finditer(text, a, colon) if m.group("verb")]
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
        if p["kind"] != "body" or colon < 0 or DOUBLE_MARK_RE.search(body):
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
            if q["kind"] != "body" or DOUBLE_MARK_RE.search(seg) or seg.rstrip().endswith(":"):
                break
            if spans and not SPEECH_VOICE_RE.search(seg):
                break
            if not spans and not SPEECH_VOICE_RE.search(seg) and cue_re().search(seg):
                break
            spans.append((q["start"], q["end"], q["first"], q["last"]))
        for a, b, first, last in spans:
            rows.append(_speech_row(text, (a, b, first, last), "direct", cue, (ss, se, speaker), COLON_SPEECH))
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
            row = _speech_row(text, (m.end(), end, sid, _sentence_at(p, end - 1)), "indirect", m, speaker, READOUT_FORM)
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
        if m is None or len(m.group("label").split()) > LABEL_MAX_WORDS or cue_re().search(m.group("label")):
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
            row["speaker_rule"] = PARAGRAPH_LABEL.value()


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
        if m is None or p["kind"] != "body" or DOUBLE_MARK_RE.search(body) or not _SENT_END_RE.search(body):
            continue
        ss, se = m.span("who")
        name = _speaker_near(text, ss, se, se, se, entities)
        who = _named_elsewhere(text, text[ss:se], entities) or (name[2] if name else text[ss:se])
        dash = re.match(r"\s*(?P<verb>[―—–]|--)", text[q["start"] : q["end"]])
        cue = re.compile(r"(?P<verb>[―—–]|--)").match(text, q["start"] + dash.start("verb"))
        rows.append(
            _speech_row(
                text,
                (p["start"], p["end"], p["first"], p["last"]),
                "direct",
                cue,
                (ss, se, who),
                DASH_SIGNED,
            )
        )
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


def _speech_row(text: str, span: tuple, kind: str, cue: re.Match, speaker: tuple, rule: QuoteRule) -> dict:
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
        "rule": rule.value(),
        "speaker_rule": INTRODUCER.value(),
        "mark_rule": UNMARKED.name,
        "end_sentence_id": last,
        "one_quotation": rule.one_quotation,
        **clause_columns(kind, a, b),
    }


def with_unmarked_speech(text: str, sentences: pd.DataFrame, entities: pd.DataFrame, out: list[dict]) -> list[dict]:
    """Add the unmarked speech rows; rows of the quote-mark pass inside them are misreadings and go.

    A page that is one person's delivered speech (:func:`_delivered_speech`, which reads the lines
    of the page before its body) is that person's from its first paragraph to its last, and no
    other pass reads it.  Quotation ids are re-pointed to the merged order (a quotation's id is its
    first row's position); the paragraphs of one colon-introduced speech share one quotation.
    """
    paras = _paragraphs(text, sentences, skip="heading")
    speech = _delivered_speech(text, paras, entities)
    if speech:
        return _merge(speech, [o for o in out if not any(r["start"] <= o["start"] < r["end"] for r in speech)], out)
    _label_speakers(text, out, paras, entities)
    extra = [row for rule in UNMARKED_RULES for row in rule.func(text, paras, entities)]
    extra = [r for r in extra if not any(o["start"] <= r["start"] < o["end"] for o in out if o["kind"] != "indirect")]
    if not extra:
        return out
    return _merge(
        extra, [o for o in out if not any(r["start"] <= o["start"] and o["end"] <= r["end"] for r in extra)], out
    )


#: A line saying the text is a speech as given: "(As delivered)", "Check against delivery".
_DELIVERY_RE = re.compile(r"\(?\s*(?P<cue>as delivered|check against delivery|as prepared for delivery)\s*\)?", re.I)
#: A line naming who gives the speech: "Remarks by …", "Statement by …", "by <title> <name>".
_SPEECH_HEAD_RE = re.compile(
    r"(?P<cue>(?:(?:opening|closing|keynote|welcoming)\s+)?(?:remarks|statement|speech|address|message|lecture)\s+by"
    r"|by)\s+(?P<who>\S[^\n]{2,160})",
    re.I,
)
#: Words after which a speech head names someone else ("… with Prime Minister X", "… at the summit").
_HEAD_TAIL_RE = re.compile(r"\s+(?:with|and|at|on|in|to|before|during|for)\s+|[,;(\u2013\u2014|]")
#: A first paragraph this short, on one line, may be the speech's head ("Remarks by …").
SPEECH_HEAD_CHARS = 160
#: Share of the body's paragraphs that must speak in the first or second person (outside quote
#: marks) for a byline over them to make the page one person's speech.
SPEECH_VOICE_SHARE = 0.5


def _speech_head(text: str, limit: int) -> tuple[int, int, str, str] | None:
    """The speaker a page's lines before its body name as giving it: ``(start, end, name, cue)``.

    A head "Remarks by …", "Statement by …" names them outright; a byline "by <title> <name>" only
    with a title (a reporter's byline has none) and only with "(As delivered)" or a body in the
    first person (checked by the caller).
    """
    delivered = _DELIVERY_RE.search(text, 0, limit)
    for m in _SPEECH_HEAD_RE.finditer(text, 0, limit):
        if m.start() and text[m.start() - 1] not in "\n ":
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].strip():
            continue  # "by" inside a sentence of the header, not opening its line
        who_end = m.start("who") + (_HEAD_TAIL_RE.search(m.group("who")) or re.search(r"$", m.group("who"))).start()
        name = _name_at_end(text, m.start("who"), who_end)
        if name is None:
            continue
        titled = name[0] > m.start("who")  # words before the name: a title ("Secretary General")
        outright = m.group("cue").lower() != "by"
        if outright or titled:
            cue = delivered.group("cue") if delivered else m.group("cue")
            return name[0], name[1], text[name[0] : name[1]], cue
    return None


def _name_at_end(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The trailing run of capitalised words of ``text[a:b]`` that are no title ("NATO Secretary
    General Jane Doe" -> "Jane Doe"), as offsets; None when there is none."""
    titles = lexicons.title_words()
    words = list(re.finditer(r"[A-Z][\w.’'\-]*", text[a:b]))
    run: list[re.Match] = []
    for w in reversed(words):
        if w.group() in titles or w.group().title() in titles or (run and w.end() + 1 < run[0].start()):
            break
        run.insert(0, w)
    if not run or not text[a + run[-1].end() : b].strip(" .") == "":
        return None
    return a + run[0].start(), a + run[-1].end()


def _delivered_speech(text: str, paras: list[dict], entities: pd.DataFrame) -> list[dict]:
    """Rule ``delivered speech``: a page that is one person's speech or statement makes each body
    paragraph a ``direct`` quote of that person (the name in its head or byline)."""
    body = [p for p in paras if p["kind"] == "body"]
    if not body:
        return []
    head = _speech_head(text, body[0]["start"])
    first = text[body[0]["start"] : body[0]["end"]]
    if head is None and len(body) > 1 and len(first) <= SPEECH_HEAD_CHARS and "\n" not in first.strip():
        head, body = _speech_head(text, body[1]["start"]), body[1:]  # the head line read as a paragraph
    if head is None:
        return []
    ss, se, name, cue = head
    voiced = sum(
        bool(SPEECH_VOICE_RE.search(re.sub(r"“[^”]*”|\"[^\"]*\"", "", text[p["start"] : p["end"]]))) for p in body
    )
    if voiced < SPEECH_VOICE_SHARE * len(body):
        return []
    cue_at = text.lower().find(cue.lower(), 0, body[0]["start"])
    cue_match = re.compile(re.escape(text[cue_at : cue_at + len(cue)])).match(text, cue_at)
    rows = []
    for p in body:
        a, b = p["start"], p["end"]
        while b > a and text[b - 1].isspace():
            b -= 1
        rows.append(
            _speech_row(text, (a, b, p["first"], p["last"]), "direct", cue_match, (ss, se, name), DELIVERED_SPEECH)
        )
    return rows


def _merge(extra: list[dict], kept: list[dict], out: list[dict]) -> list[dict]:
    """The quote-mark rows ``kept`` (of all rows ``out``) and the unmarked rows ``extra`` in text
    order, quotation ids re-pointed (a quotation's id is its first row's position)."""
    for o in kept:
        o["_old"] = o["quotation_id"]
    old_pos = {id(o): i for i, o in enumerate(out)}
    merged = sorted(kept + extra, key=lambda r: (r["start"], -r["end"]))
    new_pos = {old_pos[id(o)]: i for i, o in enumerate(merged) if id(o) in old_pos}
    for i, r in enumerate(merged):
        if "_old" in r:
            r["quotation_id"] = new_pos.get(r.pop("_old"), i)
        elif (
            i
            and r.get("one_quotation")
            and merged[i - 1]["rule"] == r["rule"]
            and merged[i - 1]["cue_start"] == r["cue_start"]
        ):
            r["quotation_id"] = merged[i - 1]["quotation_id"]
        else:
            r["quotation_id"] = i
    return merged


# -- the rules of this module (values of ``quotes.rule`` and ``quotes.speaker_rule``) ----------------

COLON_SPEECH = QuoteRule(
    "colon-introduced speech",
    "X said: followed by paragraphs of speech without marks, until narration, a heading or the next one",
    Example(
        "The Minister said:\n\nWe will reopen the port and we will keep it open.",
        {
            "kind": "direct",
            "text": "We will reopen the port and we will keep it open.",
            "cue": "said",
            "speaker": "The Minister",
        },
    ),
    _colon_speech,
    one_quotation=True,
)
READOUT_FORM = QuoteRule(
    "readout form",
    "X expressed her hope that A: the reported content of a readout's noun of intent or view",
    Example(
        "The talks ended. Dana Korvel expressed her hope that the port would reopen soon.",
        {"kind": "indirect", "text": "the port would reopen soon.", "cue": "expressed", "speaker": "Dana Korvel"},
    ),
    _readout_speech,
)
DASH_SIGNED = QuoteRule(
    "dash-signed paragraph",
    "a paragraph followed by a paragraph that only signs it (― X): a pull quote without marks",
    Example(
        "We will reopen the port and we will keep it open.\n\n— Dana Korvel",
        {
            "kind": "direct",
            "text": "We will reopen the port and we will keep it open.",
            "cue": "—",
            "speaker": "Dana Korvel",
        },
    ),
    _dash_signed,
)
DELIVERED_SPEECH = QuoteRule(
    "delivered speech",
    "a page that is one person's speech or statement (Remarks by X, by <title> X over first-person "
    "paragraphs, (As delivered)): each body paragraph is a direct quote of X",
    Example(
        "Remarks by Mayor Dana Korvel\n\nThank you all for coming. We will reopen the port on Monday.",
        {
            "kind": "direct",
            "text": "Thank you all for coming. We will reopen the port on Monday.",
            "speaker": "Dana Korvel",
        },
    ),
    _delivered_speech,
)
#: The unmarked-speech passes, run in this order after the quote-mark pass.
UNMARKED_RULES = (COLON_SPEECH, READOUT_FORM, DASH_SIGNED)

PARAGRAPH_LABEL = SpeakerRule(
    "paragraph label",
    "a quote without a speaker in a paragraph opened by a speaker label (Name (R-TX): “…”)",
    Example(
        "Senator Dana Korvel (D-VA): “We will reopen the port.”",
        {"speaker_rule": "paragraph label", "speaker": "Dana Korvel"},
    ),
    _label_speakers,
    stage="speech",
)
INTRODUCER = SpeakerRule(
    "introducer",
    "the speaker of an unmarked-speech row (X said:, a readout's subject, a signature)",
    Example(
        "The talks ended. Dana Korvel expressed her hope that the port would reopen soon.",
        {"speaker_rule": "introducer", "speaker": "Dana Korvel", "speaker_text": "Dana Korvel"},
    ),
    _speech_row,
    stage="speech",
)
