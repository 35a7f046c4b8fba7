"""Captions, photo credits, report credits and author bios: the lines around the story's text.

Decides whether a line is a caption (it ends with a photo credit in brackets, after
"Photograph:"/"Credit", "©" or "Name/Agency", or it starts with "Photo:"), a credit line ("...
contributed to this report", "Editing by ..."), or an author bio ("<author> is a correspondent for
<outlet>"), and splits a caption into its text and its credit.  Reads only the line text.
"""

from __future__ import annotations

import re

from analysis.read.layout.lines import folded

_PHOTO_CREDIT = re.compile(
    r"[(\[](?P<credit>[^()\[\]]*?(?:/|\bphoto|\bimage|\bgetty|\bAP\b|\breuters|\bAFP|\bEPA|\bshutterstock|\bcourtesy|\bcredit|\bfile\b|\bpool\b)[^()\[\]]*)[)\]]\s*$",
    re.I,
)
#: Credits written after the caption without brackets: "... Photograph: Name/AFP", "...Tuesday.Credit...Name
#: for The Times", "... © 2024 Name", "... on July 19, 2023. Name/Reuters", or a credit alone ("AGENCY/Name").
_CREDIT_TAIL = [
    re.compile(
        r"(?:^|(?<=[.!?”\"’)\]])\s*|\s)(?:photograph|photo|picture|image|illustration|credit|foto)s?\s*(?::|\.{2,}|…)\s*"
        r"(?P<credit>\S.{1,80}?)\s*$",
        re.I,
    ),
    re.compile(r"(?:^|\s)©\s*(?:\d{4}\s*)?(?P<credit>[^.©]{2,60}?)\s*$"),
    re.compile(
        r"(?:^|(?<=[.!?”\"’])\s+|(?<=^\[\d/\d\]))(?P<credit>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][\w&.'’-]*"
        r"(?:\s[A-Z][\w&.'’-]*){0,3}(?:\s?/\s?[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})*(?:,\s*file)?)"
        r"(?:\s+(?:via\s+[A-Z][\w ]{1,30}|(?i:purchase|buy|licen[sc]\w*)\b.*))?\s*$"
    ),
]
#: "Photo:", "Image credit:", "Photographs by": a caption's or credit's opening label.
CAPTION_LEAD = re.compile(
    r"^(?:(?:photo|image|picture|caption|pictured|file photo|illustration)\s*(?:credit)?\s*:\s*"
    r"|(?:photo(?:graph)?|image|picture|illustration|video)s?\s+by\s+)",
    re.I,
)
#: A line crediting the report's other contributors, an editor or a correction.
CREDIT_LINE_RE = re.compile(
    r"(?:contributed (?:to )?(?:this )?(?:report|story|article)|^\(?(?:additional )?reporting by\b|^\(?editing by\b|^\(?writing by\b"
    r"|^with (?:files|reporting) from\b|^compiled by\b|^this (?:story|article|report) (?:was|has been) (?:updated|corrected|produced|written|edited)"
    r"|^correction\s*:|^editor'?s note\s*:)",
    re.I,
)
#: "... is a reporter for ...", "Jane Doe covers ...": what an author bio says.
BIO_ROLE = re.compile(
    r"\b(?:is|was|has been|serves as)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}?(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|analyst|author|fellow|professor|freelancer|staffer|associate|director|researcher)\b"
    r"|^(?:[A-Z][\w’'.-]+\s){0,3}[A-Z][\w’'.-]+\s(?:covers|reports on|writes about|reports for|writes for)\b",
    re.I,
)
#: The outlet an author bio names ("... a reporter for The River Gazette").
BIO_OUTLET = re.compile(
    r"\b(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|staffer)\b[^.]*?\b(?:for|at|with)\s+(?P<outlet>(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
)
#: A bio's second paragraph goes on about the same person.
PRONOUN_START = re.compile(r"^(?:he|she|they|his|her|their)\b", re.I)
#: A trailing "Photo:" / "Credit" / "©" label left on a caption once its credit is cut off.
_CREDIT_LABEL_TAIL = re.compile(
    r"(?:photograph|photo|picture|image|illustration|credit|foto)s?\s*(?::|\.{2,}|…)?\s*$|©\s*(?:\d{4})?\s*$", re.I
)


#: A bracketed credit names someone: a word of four letters or more, or a news agency.
_NAMED_CREDIT = re.compile(r"[^\W\d_]{4,}|\b(?:AP|AFP|EPA|UPI|DPA|ANP|PA)\b")


#: Text each of :data:`_CREDIT_TAIL` cannot match without (one of them, in the folded lower case):
#: most lines hold none, and these tests are cheaper than a search at every position.
_TAIL_NEEDS = (("photo", "picture", "image", "illustration", "credit", "foto"), ("©",), ("/",))


def caption_credit(s: str) -> re.Match | None:
    """Return the match of the photo credit closing ``s`` (group ``credit``), or None.

    A bracket of codes ("[M1 / MP]", a game's or a source's abbreviations) names no one: no credit.
    """
    if len(s) > 140 and len(s.split()) > 70:  # 71 words take 141 characters or more
        return None
    if (")" in s or "]" in s) and (m := _PHOTO_CREDIT.search(s)) and _NAMED_CREDIT.search(m.group("credit")):
        return m
    low = folded(s)
    for rx, needs in zip(_CREDIT_TAIL, _TAIL_NEEDS):
        if any(w in low for w in needs) and (m := rx.search(s)):
            return m
    return None


def credit_line(s: str) -> bool:
    """Whether ``s`` is a credit line (:data:`CREDIT_LINE_RE`): its alternatives but one are anchored
    at the start, and the other needs the word "contributed"."""
    return bool(CREDIT_LINE_RE.match(s) or ("contributed" in folded(s) and CREDIT_LINE_RE.search(s)))


def caption_parts(text: str) -> tuple[str | None, str | None]:
    """Split a caption line into (caption, photo credit)."""
    m = caption_credit(text)
    cap = (
        text[: m.start() if m.re is _PHOTO_CREDIT else m.start("credit")].strip()
        if m
        else CAPTION_LEAD.sub("", text).strip()
    )
    if m and m.re is not _PHOTO_CREDIT:
        cap = _CREDIT_LABEL_TAIL.sub("", cap).strip()
    return cap or None, m.group("credit").strip() if m else CAPTION_LEAD.sub("", text).strip() or None
