"""Page chrome: the lines a copy keeps from the page around the story.

Decides which lines are page chrome by the patterns of ``data/boilerplate.tsv`` (share buttons,
media-player times, "Related Topics", newsletter prompts, cookie banners, breadcrumbs: one rule per
name there, with an invented example line), which blocks of short lines are contact blocks, which
section closing the page is end matter (a source or link list), and which chrome lines above a
media label are that image's caption.  Reads the line text, the page shape of :mod:`.lines` and
the kinds the other passes gave.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analysis.read.layout.lines import Line, folded, is_paragraph
from analysis.read.layout.rules import (
    CHROME_PAGE,
    CONTACT_BLOCK,
    CONTACT_LINE,
    END_MATTER,
    HEADER_CHROME,
    LINE_ABOVE_MEDIA_LABEL,
    MEDIA_LABEL,
    TRAILING_CHROME,
)
from analysis.resources import read_lexicon
from analysis.rules import Example, RuleTable

try:  # re's own parser (Python 3.11 names it re._parser)
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_LITERAL, _BRANCH, _SUBPATTERN = _sre_parse.LITERAL, _sre_parse.BRANCH, _sre_parse.SUBPATTERN
_REPEATS = (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT)

#: The longest line (in words) a chrome pattern applies to unless the lexicon says otherwise.
CHROME_MAX_WORDS = 15


@dataclass(frozen=True)
class ChromeRule:
    """One ``boilerplate.tsv`` rule: its name, its patterns (in file order) and an example line."""

    name: str
    doc: str
    example: Example | None
    patterns: tuple[tuple[re.Pattern, int], ...]
    kind: str = "boilerplate"


@functools.cache
def _chrome_rows() -> tuple[tuple[re.Pattern, str, int, str], ...]:
    """(pattern, rule, max words, example line) of every lexicon row, in file order."""
    rows = []
    for row in read_lexicon("boilerplate.tsv"):
        pat, rule = row[0], row[1]
        max_words = int(row[2]) if len(row) > 2 and row[2] else CHROME_MAX_WORDS
        example = row[3] if len(row) > 3 else ""
        rows.append((re.compile(rf"(?:{pat})", re.I), rule, max_words, example))
    return tuple(rows)


@functools.cache
def chrome_rules() -> RuleTable[ChromeRule]:
    """The chrome rules of ``data/boilerplate.tsv`` as a table, one rule per name (first row first)."""
    by_name: dict[str, list] = {}
    for rx, rule, max_words, example in _chrome_rows():
        by_name.setdefault(rule, []).append((rx, max_words, example))
    rules = []
    for name, rows in by_name.items():
        line = next((ex for _, _, ex in rows if ex), None)
        expect = {"line": line, "kind": "boilerplate", "rule": name}
        rules.append(
            ChromeRule(
                name,
                f"page chrome: a short line matching one of the {len(rows)} boilerplate.tsv pattern(s) of this name",
                Example(CHROME_PAGE.format(line=line), expect) if line else None,
                tuple((rx, n) for rx, n, _ in rows),
            )
        )
    return RuleTable("blocks.rule", rules)


def boilerplate_rule(line: str, *, words: int | None = None) -> str | None:
    """Return the name of the page-chrome rule ``line`` matches, or None (``words``: its number of
    words when the caller has counted them).

    A rule applies to lines up to its word limit (15 words unless the lexicon says otherwise), so a
    long sentence that happens to start like chrome stays text.  The lexicon's rows are tried in
    file order; the first that matches the whole line names it.

    >>> boilerplate_rule("0:00"), boilerplate_rule("Related Topics"), boilerplate_rule("Japan won.")
    ('media-player time', 'related links', None)
    """
    s = line.strip()
    n = len(s.split()) if words is None else words
    rows = _chrome_rows()
    if n > CHROME_MAX_WORDS:  # a long line: only the rows for lines as long as it
        longer = [limit for limit in _chrome_limits() if limit >= n]
        if not longer:
            return None
        union, row_of, needs = _chrome_union(longer[0])
    else:  # a short line: every row, those for shorter lines skipped below
        union, row_of, needs = _chrome_union(0)
    if needs is not None:  # no row can match a line holding none of their texts: not searched
        low = folded(s)
        if not any(t in low for t in needs):
            return None
    m = union.fullmatch(s)
    if m is None:
        return None
    k = row_of[m.lastindex]
    if n <= rows[k][2]:
        return rows[k][1]
    for rx, rule, max_words, _ in rows[k + 1 :]:  # the first row to match is for shorter lines: read on
        if n <= max_words and rx.fullmatch(s):
            return rule
    return None


@functools.cache
def _chrome_limits() -> tuple[int, ...]:
    """The word limits of the lexicon's rows above :data:`CHROME_MAX_WORDS`, smallest first."""
    return tuple(sorted({max_words for _, _, max_words, _ in _chrome_rows() if max_words > CHROME_MAX_WORDS}))


@functools.cache
def _chrome_union(least: int) -> tuple[re.Pattern, dict[int, int], tuple[str, ...] | None]:
    """The lexicon's rows whose word limit is ``least`` or more as one pattern, the row of each
    alternative's group (a few such patterns: every row, and one per limit above the default), and
    the texts one of which a line must hold (folded, :func:`~.lines.folded`) for any of these rows to
    match it (:func:`required_texts`; None when a row needs none).

    Each row is one alternative in its own group: a full match tries the alternatives in file order,
    so the group that matched (``lastindex``: the outermost group, closed last) is the first row that
    matches the whole line, found in one call.
    """
    parts, row_of, group, needs = [], {}, 1, set()
    for k, (rx, _, max_words, _) in enumerate(_chrome_rows()):
        if max_words < least:
            continue
        row_of[group] = k
        parts.append(f"({rx.pattern})")
        group += 1 + rx.groups
        row_needs = required_texts(rx.pattern)
        needs = None if needs is None or row_needs is None else needs | row_needs
    if needs is not None:  # a text holding another is held only where that one is: the other suffices
        needs = {t for t in needs if not any(u != t and u in t for u in needs)}
    return re.compile("|".join(parts), re.I), row_of, None if needs is None else tuple(sorted(needs))


def required_texts(pattern: str) -> frozenset[str] | None:
    r"""Texts one of which every match of ``pattern`` (read case-insensitively) holds, as they appear
    in the folded lower case of :func:`~.lines.folded`; None when the pattern requires none.

    Read from the parsed pattern: a run of literal characters that are ASCII or have no case, the
    alternatives of a group (each must require a text), a repeat taken at least once; of the
    sequence's requirements, the one whose shortest text is longest.  A line holding none of the
    texts cannot match, so the search can be skipped.

    >>> sorted(required_texts(r".*\b(?:harbour board|tide tables?)\b.*"))
    ['harbour board', 'tide table']
    >>> required_texts(r"[\W_]+") is None
    True
    """
    try:
        return _required(_sre_parse.parse(pattern, re.I))
    except (re.error, TypeError, ValueError):
        return None


def _required(items) -> frozenset[str] | None:  # noqa: ANN001 (a parsed pattern of re's parser)
    """:func:`required_texts` of a parsed sequence."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _LITERAL and _plain(c := chr(av)):
            run += c.lower()
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        sub: list = []
        if op is _BRANCH:
            sub = [_required(branch) for branch in av[1]]
        elif op is _SUBPATTERN:
            sub = [_required(av[-1])]
        elif op in _REPEATS and av[0] >= 1:
            sub = [_required(av[2])]
        if sub and None not in sub:
            options.append(frozenset().union(*sub))
    return max(options, key=lambda o: min(map(len, o)), default=None)


def _plain(c: str) -> bool:
    """A character a case-insensitive pattern matches only as itself or as an ASCII letter's other
    case (or the few that :func:`~.lines.folded` folds): ASCII, or without case."""
    return c.isascii() or c.lower() == c == c.upper()


def contact_blocks(lines: list[Line]) -> None:
    """A block of short lines holding a contact line (phone, e-mail, "Contact:") is a contact block.

    Media-contact blocks ("Jane Doe / Press Office / (202) 555-0100") name people who are not the
    article's authors; the whole block is chrome, not only the line with the number.
    """
    groups: dict[int, list[Line]] = {}
    for ln in lines:
        groups.setdefault(ln.extra.get("group", 0), []).append(ln)
    for members in groups.values():
        if len(members) > 6 or not any(ln.rule == CONTACT_LINE for ln in members):
            continue
        if all(ln.words <= 10 and not is_paragraph(ln) for ln in members):
            for ln in members:
                if ln.kind in ("", "byline"):
                    ln.label("boilerplate", CONTACT_BLOCK)


#: The heading of an end-matter section: source lists, references and link lists after the story.
_END_MATTER_HEADING = re.compile(
    r"(?:sources?|references|external links|see also|further reading|related (?:news|articles|stories|links)"
    r"|bibliography|citations|footnotes|tags|topics)\s*:?",
    re.I,
)
#: An end-matter item is at most this many words: a bulleted item (a cited headline with its
#: outlet and date) or an unbulleted line (a sister-project link); a longer line is the story.
END_MATTER_ITEM_WORDS = 60
END_MATTER_LINE_WORDS = 20


def end_matter(lines: list[Line], start: int) -> None:
    """A source list or link list closing the page ("Sources" then its items) is page chrome.

    The heading and every line after it are labelled when none of those lines is a long
    paragraph: the story does not go on below such a heading.
    """
    for i in range(len(lines) - 1, start - 1, -1):
        ln = lines[i]
        if ln.kind in ("body", "heading") and _END_MATTER_HEADING.fullmatch(ln.text.strip()):
            rest = lines[i + 1 :]
            limit = {True: END_MATTER_ITEM_WORDS, False: END_MATTER_LINE_WORDS}
            if all(r.kind == "boilerplate" or r.words <= limit[r.extra["bullet"]] for r in rest):
                for r in (ln, *rest):
                    if r.kind != "boilerplate":
                        r.label("boilerplate", END_MATTER)
            return


def captions_by_media_label(lines: list[Line]) -> None:
    """Short lines just above a media label ("(click to enlarge)", "View image") caption that image.

    Figure captions below the story (a map's title and date, often copied twice) are captions, not
    trailing chrome: their dates and names belong to the article.
    """
    for i, ln in enumerate(lines):
        if ln.rule != MEDIA_LABEL:
            continue
        for j in range(i - 1, max(-1, i - 5), -1):
            above = lines[j]
            if above.rule not in (TRAILING_CHROME, HEADER_CHROME) or is_paragraph(above):
                break
            above.label("caption", LINE_ABOVE_MEDIA_LABEL)
