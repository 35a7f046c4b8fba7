"""Recognise the layout of text copied from a news page: title, caption, byline, dates, body...

Every non-blank line becomes exactly one block (nothing is dropped); each block gets a ``kind``
and the ``rule`` that decided it.  The rules are general page conventions, not positions in one
file:

* page chrome (share buttons, media-player times, "Related Topics", newsletter prompts) matches
  the patterns in ``data/boilerplate.tsv``;
* a dateline is a short line that is mostly a date (``2/1/2023``, ``Updated: Jan. 31, 2023``);
* a byline starts with "By" or is a short run of capitalised words opening with a known first name;
* a caption ends with a photo credit in brackets or starts with "Photo:";
* the title is the best title-shaped line above the body (a line repeated verbatim wins);
* headings are short unpunctuated lines between body paragraphs; credits ("... contributed to this
  report") and author bios ("<author> is a correspondent for <outlet>") close the article.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from .dates import DATE_RE, find_dates
from .resources import first_names, read_lexicon

BLOCK_COLUMNS = ["block_id", "kind", "start", "end", "text", "rule"]
Layout = Literal["auto", "plain"]

_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_CLOSERS = "\"'”’)]"
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str = ""
    rule: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def words(self) -> int:
        return len(self.text.split())


@functools.cache
def _boilerplate_rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rf"(?:{pat})", re.I), rule) for pat, rule in read_lexicon("boilerplate.tsv"))


def boilerplate_rule(line: str) -> str | None:
    """Return the name of the page-chrome rule ``line`` matches, or None.

    >>> boilerplate_rule("0:00"), boilerplate_rule("Related Topics"), boilerplate_rule("Japan won.")
    ('media-player time', 'related links', None)
    """
    s = line.strip()
    if len(s.split()) > 15:
        return None
    for rx, rule in _boilerplate_rules():
        if rx.fullmatch(s):
            return rule
    return None


# --- dates -----------------------------------------------------------------------------------
_DATE_LABEL = re.compile(
    r"^\s*(?P<label>(?:last\s+)?(?:updated|modified|revised|published|posted|first published|originally published|released|issued|date)d?)(?:\s+on)?\s*:?\s*",
    re.I,
)
_DATE_FILLER = re.compile(
    r"\b(?:on|at|the|of|updated|published|posted|modified|am|pm|a\.m\.|p\.m\.|edt|est|cdt|cst|mdt|mst|pdt|pst|et|pt|ct|gmt|utc|bst|cet|jst|hkt|sgt|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"ago|hours?|minutes?|days?)\b|\d{1,2}:\d{2}(?::\d{2})?|[\d\s,.:|/•·–—-]",
    re.I,
)


def _date_line(s: str) -> tuple[str | None, str | None] | None:
    """Classify ``s`` as a dateline: return (label, iso) or None when it is not mostly a date."""
    if len(s) > 90:
        return None
    m = _DATE_LABEL.match(s)
    label = None
    if m:
        lab = m.group("label").lower()
        label = "updated" if any(k in lab for k in ("updat", "modif", "revis")) else "published"
    dates = find_dates(s)
    rest = DATE_RE.sub(" ", s)
    if m:
        rest = rest[: m.start()] + rest[m.end() :] if not dates else _DATE_LABEL.sub(" ", rest)
    # Pages glue fields together when copied ("UTCUpdated"): split at case changes first.
    rest = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", rest)
    residue = _DATE_FILLER.sub("", rest)
    if not dates:
        return (label, None) if m and not residue.strip() else None
    if len(re.sub(r"\W", "", residue)) > 3:
        return None
    return label, dates[0].iso


# --- bylines ---------------------------------------------------------------------------------
_BY = re.compile(r"^(?:by|written by|words by|story by|reporting by|text by|von|par|por)\s*:?\s+", re.I)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.|[A-Z]{2,}|(?:de|van|von|der|da|di|la|le|bin|al)|[A-Z][a-z]+[A-Z][a-z]+)$"
)
_SPLIT_AUTHORS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\|\s*|;\s*)\s*")
_OUTLET_HINT = re.compile(
    r"\b(?:news|press|times|post|journal|herald|tribune|reuters|associated press|ap|afp|bloomberg|cnn|bbc|npr|agency|agencies|staff|wire|media|magazine|daily|gazette|network)\b",
    re.I,
)


def _looks_like_name(s: str) -> bool:
    toks = s.split()
    if not 2 <= len(toks) <= 5 or not all(_NAME_TOKEN.match(t) for t in toks):
        return False
    first = toks[0].strip(".")
    return first in first_names() or first.title() in first_names() or bool(re.fullmatch(r"[A-Z]", first))


def _byline(s: str) -> tuple[list[str], str | None, str | None] | None:
    """Return (authors, outlet, glued_iso_date) when ``s`` is a byline, else None."""
    if len(s) > 160:
        return None
    glued = None
    dates = find_dates(s)
    body = s
    if dates:
        d = dates[0]
        glued = d.iso
        body = (s[: d.start] + " " + s[d.end :]).strip()
        lab = _DATE_LABEL.search(body)
        body = re.sub(r"(?:\s*[|•·,–—-]\s*)?(?:updated|published|posted)?\s*:?\s*$", "", body, flags=re.I).strip()
        del lab
    explicit = bool(_BY.match(body))
    body = _BY.sub("", body).strip(" |,–—-")
    if not body:
        return None
    parts = [p.strip(" .") for p in _SPLIT_AUTHORS.split(body) if p.strip(" .")]
    # "Jane Doe in Tokyo": the reporter's location is not part of the name.
    parts = [re.sub(r"\s+in\s+[A-Z][\w .'’-]*$", "", p) for p in parts]
    authors, outlet = [], None
    for p in parts:
        if _looks_like_name(p) or (
            explicit and re.fullmatch(r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,3}", p) and not _OUTLET_HINT.search(p)
        ):
            authors.append(p)
        elif _OUTLET_HINT.search(p) and len(p.split()) <= 5:
            outlet = outlet or p
        else:
            return None
    if not authors:
        return None
    return authors, outlet, glued


# --- captions, credits, bios -----------------------------------------------------------------
_PHOTO_CREDIT = re.compile(
    r"\((?P<credit>[^()]*?(?:/|\bphoto|\bimage|\bgetty|\bAP\b|\breuters|\bAFP|\bEPA|\bshutterstock|\bcourtesy|\bcredit|\bfile\b|\bpool\b)[^()]*)\)\s*$",
    re.I,
)
_CAPTION_LEAD = re.compile(
    r"^(?:photo|image|picture|caption|pictured|file photo|illustration)\s*(?:credit)?\s*:\s*", re.I
)
_CREDIT_LINE = re.compile(
    r"(?:contributed (?:to )?(?:this )?(?:report|story|article)|^\(?(?:additional )?reporting by\b|^\(?editing by\b|^\(?writing by\b"
    r"|^with (?:files|reporting) from\b|^compiled by\b|^this (?:story|article|report) (?:was|has been) (?:updated|corrected|produced|written|edited)"
    r"|^correction\s*:|^editor'?s note\s*:)",
    re.I,
)
_BIO_ROLE = re.compile(
    r"\b(?:is|was|has been|serves as)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}?(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|analyst|author|fellow|professor|freelancer|staffer)\b",
    re.I,
)
_BIO_OUTLET = re.compile(
    r"\b(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|staffer)\b[^.]*?\b(?:for|at|with)\s+(?P<outlet>(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
)
_PRONOUN_START = re.compile(r"^(?:he|she|they|his|her|their)\b", re.I)


def _is_paragraph(line: _Line) -> bool:
    """A body-paragraph shape: a sentence of some length, or a long run of words."""
    return (line.words >= 8 and bool(_SENT_END.search(line.text))) or line.words >= 25


def _is_heading_shape(line: _Line) -> bool:
    t = line.text.rstrip(_CLOSERS)
    return (
        1 <= line.words <= 14 and len(line.text) <= 120 and not re.search(r"[.!?,;:]$", t) and line.text[:1].isupper()
    )


def _title_shape(line: _Line) -> bool:
    return 3 <= line.words <= 30 and len(line.text) <= 250 and not line.text.endswith(":")


# --- recognition -----------------------------------------------------------------------------
def split_lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-blank line, stripped of surrounding whitespace."""
    spans = []
    for m in re.finditer(r"[^\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+", text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of paragraphs separated by blank lines."""
    spans = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)|\s*$)", text, re.S):
        spans.append(m.span())
    return spans


def _classify_patterns(lines: list[_Line]) -> None:
    """First pass: kinds decided by the line alone."""
    for ln in lines:
        s = ln.text
        if rule := boilerplate_rule(s):
            ln.kind, ln.rule = "boilerplate", rule
        elif (d := _date_line(s)) is not None:
            ln.kind, ln.rule = "dateline", "date line" if d[1] else "date label"
            ln.extra["label"], ln.extra["iso"] = d
        elif _CREDIT_LINE.search(s) and ln.words <= 40:
            ln.kind, ln.rule = "credit", "credit line"
        elif _PHOTO_CREDIT.search(s) or _CAPTION_LEAD.match(s):
            ln.kind, ln.rule = "caption", "photo credit" if _PHOTO_CREDIT.search(s) else "caption label"
        elif (b := _byline(s)) is not None:
            ln.kind, ln.rule = "byline", "byline 'By'" if _BY.match(s) else "byline name"
            ln.extra["authors"], ln.extra["outlet"], ln.extra["iso"] = b


def _choose_title(lines: list[_Line], body_start: int, hint: str | None) -> int | None:
    cands = [i for i in range(body_start) if not lines[i].kind and _title_shape(lines[i])]
    if hint:
        norm = _norm(hint)
        for i, ln in enumerate(lines[: max(body_start, 1) + 5]):
            if _norm(ln.text) == norm:
                return i
    if not cands:
        return None
    texts = [_norm(lines[i].text) for i in range(len(lines))]
    counts = Counter(texts)  # counted once: texts.count per candidate was quadratic

    def score(i: int) -> tuple:
        ln = lines[i]
        repeated = counts[texts[i]] > 1 and ln.words >= 4  # short navigation items repeat too
        near_meta = any(
            lines[j].kind in ("byline", "dateline", "caption") for j in range(i + 1, min(i + 5, len(lines)))
        )
        sentence = bool(_SENT_END.search(ln.text)) and not ln.text.rstrip(_CLOSERS).endswith(("?", "!"))
        return (repeated, near_meta + (ln.words >= 5) - sentence, -i)

    return max(cands, key=score)


def _headline_first_line(lines: list[_Line]) -> int | None:
    """The first line is the title when it is shaped like a headline even though it ends a sentence.

    Some sources end headlines with a period ("Council Approves Budget."), so the line reads as a
    short paragraph.  When more paragraphs follow, it is taken as the title if it is Title Case (up
    to 20 words), or short (at most 14 words, 110 characters) and either unpunctuated at the end or
    very short (≤ 9 words): a one-sentence lede is longer than that.
    """
    first = next((i for i, ln in enumerate(lines) if not ln.kind), None)
    if first is None or not any(_is_paragraph(ln) and not ln.kind for ln in lines[first + 1 :]):
        return None
    ln = lines[first]
    if not (2 <= ln.words <= 20 and len(ln.text) <= 160) or not ln.text[:1].isupper():
        return None
    long_words = [w for w in ln.text.split() if len(w) > 3 and w[:1].isalpha()]
    title_case = bool(long_words) and sum(w[:1].isupper() for w in long_words) / len(long_words) >= 0.6
    if title_case:  # Title Case is headline evidence on its own
        return first
    short = ln.words <= 14 and len(ln.text) <= 110
    unpunctuated = not _SENT_END.search(ln.text)
    return first if short and (unpunctuated or ln.words <= 9) else None


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _body_start(lines: list[_Line]) -> int:
    """Index of the first body paragraph: paragraph-shaped, with no byline/dateline just after."""
    for i, ln in enumerate(lines):
        if ln.kind or not _is_paragraph(ln):
            continue
        if any(lines[j].kind in ("byline", "dateline") for j in range(i + 1, min(i + 4, len(lines)))):
            continue
        return i
    return len(lines)


def recognise(text: str, *, layout: Layout = "auto", title_hint: str | None = None) -> tuple[pd.DataFrame, dict]:
    """Return the blocks table and metadata of ``text``.

    Parameters
    ----------
    text : str
        Article text as copied from a page (or extracted from HTML).
    layout : {"auto", "plain"}
        ``plain`` treats every blank-line separated paragraph as body (bare corpus text).
    title_hint : str, optional
        A title known from elsewhere (an HTML page's metadata); the line equal to it is the title.

    Returns
    -------
    (DataFrame, dict)
        ``block_id, kind, start, end, text, rule`` and the metadata dict.
    """
    meta: dict = {
        "title": None,
        "authors": [],
        "published": None,
        "updated": None,
        "outlet": None,
        "caption": None,
        "photo_credit": None,
        "contributors": [],
        "headings": [],
    }
    if layout == "plain":
        lines = [_Line(a, b, text[a:b], "body", "plain layout") for a, b in split_paragraphs(text)]
        return _frame(lines), meta

    lines = [_Line(a, b, text[a:b]) for a, b in split_lines(text)]
    _classify_patterns(lines)
    start = _body_start(lines)
    t = _choose_title(lines, start, title_hint)
    rule = "title"
    if t is None and (t := _headline_first_line(lines)) is not None:
        rule = "headline-shaped first line"
    if t is not None:
        lines[t].kind, lines[t].rule = "title", rule
        start = max(start, _body_start(lines))
        meta["title"] = lines[t].text
        for ln in lines:
            if ln is not lines[t] and not ln.kind and _norm(ln.text) == _norm(lines[t].text):
                ln.kind, ln.rule = "title", "repeated title"
    # Header zone: unlabelled lines above the body.
    for idx, ln in enumerate(lines[:start]):
        if ln.kind:
            continue
        if _looks_like_name(ln.text):
            ln.kind, ln.rule = "byline", "byline name"
            ln.extra["authors"], ln.extra["outlet"], ln.extra["iso"] = [ln.text], None, None
        elif t is not None and idx > t and _SENT_END.search(ln.text) and ln.words >= 6:
            ln.kind, ln.rule = "subtitle", "sentence below title"
        else:
            ln.kind, ln.rule = "boilerplate", "header chrome"
    _label_body(lines, start)
    _fill_metadata(lines, meta)
    return _frame(lines), meta


def _label_body(lines: list[_Line], start: int) -> None:
    last_para = max(
        (i for i in range(start, len(lines)) if not lines[i].kind and _is_paragraph(lines[i])), default=start
    )
    authors = [a for ln in lines if ln.kind == "byline" for a in ln.extra.get("authors", [])]
    prev_bio = False
    for i in range(start, len(lines)):
        ln = lines[i]
        if ln.kind:
            prev_bio = False
            continue
        s = ln.text
        is_bio = bool(_BIO_ROLE.search(s)) and (
            any(s.startswith(a) for a in authors)
            or (i > last_para - 1 and re.match(r"^[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3} (?:is|was|has|serves)\b", s))
        )
        if is_bio or (prev_bio and _PRONOUN_START.match(s)):
            ln.kind, ln.rule = "bio", "author bio" if is_bio else "bio continuation"
            prev_bio = True
            continue
        prev_bio = False
        nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].kind != "boilerplate"), None)
        if _is_heading_shape(ln) and nxt is not None and not nxt.kind and _is_paragraph(nxt) and i < last_para:
            ln.kind, ln.rule = "heading", "short line before paragraph"
        elif i > last_para and not _is_paragraph(ln):
            ln.kind, ln.rule = "boilerplate", "trailing chrome"
        else:
            ln.kind, ln.rule = "body", "paragraph"


def _fill_metadata(lines: list[_Line], meta: dict) -> None:
    pending_updated = False
    dated: list[tuple[str | None, str]] = []
    for ln in lines:
        if ln.kind == "dateline":
            label, iso = ln.extra.get("label"), ln.extra.get("iso")
            if iso is None:
                pending_updated = label == "updated"
                continue
            if label is None and pending_updated:
                label = "updated"
            pending_updated = False
            dated.append((label, iso))
        elif ln.kind == "byline":
            for a in ln.extra.get("authors", []):
                if a not in meta["authors"]:
                    meta["authors"].append(a)
            meta["outlet"] = meta["outlet"] or ln.extra.get("outlet")
            if ln.extra.get("iso"):
                dated.append((None, ln.extra["iso"]))
        elif ln.kind == "caption" and meta["caption"] is None:
            m = _PHOTO_CREDIT.search(ln.text)
            cap = ln.text[: m.start()].strip() if m else _CAPTION_LEAD.sub("", ln.text).strip()
            meta["caption"] = cap or None
            meta["photo_credit"] = m.group("credit").strip() if m else None
        elif ln.kind == "credit":
            m = re.match(r"^(?P<who>.+?)\s+contributed\b", ln.text)
            if m:
                meta["contributors"].extend(p for p in _SPLIT_AUTHORS.split(m.group("who")) if p)
        elif ln.kind == "bio" and meta["outlet"] is None and (m := _BIO_OUTLET.search(ln.text)):
            meta["outlet"] = re.sub(r"\s+(?:covering|who|where|and|since|in|on)\b.*$", "", m.group("outlet")).strip()
        elif ln.kind == "heading":
            meta["headings"].append(ln.text)
    published = [iso for lab, iso in dated if lab == "published"]
    updated = [iso for lab, iso in dated if lab == "updated"]
    unlabelled = [iso for lab, iso in dated if lab is None]
    # A page that states only an "Updated" date was first published no later than that.
    meta["published"] = (published or sorted(unlabelled) or sorted(updated) or [None])[0]
    later = sorted(x for x in unlabelled if meta["published"] and x > meta["published"])
    meta["updated"] = (updated or later or [None])[-1]


def _frame(lines: list[_Line]) -> pd.DataFrame:
    df = pd.DataFrame(
        [(i, ln.kind, ln.start, ln.end, ln.text, ln.rule) for i, ln in enumerate(lines)], columns=BLOCK_COLUMNS
    )
    return df.astype({"block_id": "int64", "start": "int64", "end": "int64"})
