"""Person names and organisation acronyms.

:func:`parse_person` splits a person mention into what precedes the name (honorifics, a title with
its portfolio: "H.E. Ms.", "Minister of Finance", "Energy Secretary"), the given names
(initials included), the surname (with its particles: "del Campo", "al-Rashid") and a closing
suffix ("Jr.", "III", "Ph.D.").  A family name written first in capitals ("SUZUKI Taro") is
recognised and put last in the display name.  :func:`acronym_of` ties an acronym to the words it
abbreviates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.nlp import lexicons
from analysis.nlp.case import is_allcaps
from analysis.resources import first_names

#: Lower-case name particles that belong to the surname ("van", "de", "al", "bin").
PARTICLES = frozenset("van von der den de del della di da du le la bin ben al el ibn dos das ter ten".split())
#: Function words inside an organisation name that its acronym skips ("Department of Energy").
_ACRONYM_SKIP = frozenset("of for and the on in to de des du la le & a an at".split())


@dataclass(frozen=True)
class PersonName:
    """A parsed person mention.

    ``title`` holds honorifics, titles and portfolios as written; ``given`` the given names and
    initials; ``surname`` the family name with its particles; ``suffix`` "Jr.", "III", "Ph.D.".
    """

    title: str
    given: tuple[str, ...]
    surname: str
    suffix: str = ""
    family_first: bool = False

    @property
    def name(self) -> str:
        """The display name: given names then surname ("Taro Suzuki", "John Q. Public")."""
        return " ".join((*self.given, self.surname)).strip()

    @property
    def key(self) -> str:
        """The surname's last word, as later mentions use it alone ("Campo" for "del Campo")."""
        return self.surname.split()[-1] if self.surname else ""


def _cap(w: str) -> bool:
    return bool(w) and w[0].isupper()


def _title_at(words: list[str], i: int) -> int:
    """End of the longest title or honorific starting at ``words[i]`` (``i`` when none)."""
    titles = lexicons.title_phrases()
    for n in (4, 3, 2, 1):
        k = tuple(words[i : i + n])
        if len(k) == n and (k in titles or tuple(w.title() for w in k) in titles or tuple(w.rstrip(".") for w in k) in titles):
            return i + n
    return i


def _portfolio_end(words: list[str], i: int) -> int:
    """After a title, "of Finance" / "of State": the portfolio runs to the first given name, leaving a name."""
    if i >= len(words) or words[i].lower() != "of":
        return i
    given = first_names()
    j = i + 1
    if j < len(words) and words[j].lower() == "the":
        j += 1
    start = j
    while j < len(words) - 1 and _cap(words[j]) and words[j] not in given:
        j += 1
    return j if j > start else i


def split_title(words: list[str]) -> int:
    """Return the index where the name starts after honorifics, titles and portfolios.

    A title counts only when a name follows it; a portfolio may precede a title ("Finance
    Minister") or follow it ("Minister of Finance").

    >>> split_title("Minister of Finance Anna Berg".split()), split_title("Finance Minister Anna Berg".split())
    (3, 2)
    """
    start = 0
    i = 0
    while i < len(words) - 1:
        t = _title_at(words, i)
        if t > i and t < len(words):
            t = _portfolio_end(words, t)
            if t < len(words) and t > i:
                start = i = t
                continue
        i += 1
    return start


def parse_person(text: str) -> PersonName:
    """Parse a person mention (see the module docstring).

    Examples
    --------
    >>> p = parse_person("Secretary of State John Q. Public Jr.")
    >>> p.title, p.given, p.surname, p.suffix, p.name
    ('Secretary of State', ('John', 'Q.'), 'Public', 'Jr.', 'John Q. Public')
    >>> parse_person("SUZUKI Taro").name, parse_person("Marta del Campo").key
    ('Taro Suzuki', 'Campo')
    """
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w]
    words = [re.sub(r"[’']s$", "", w) if k == len(words) - 1 else w for k, w in enumerate(words)]
    suffixes = lexicons.name_suffixes()
    suffix: list[str] = []
    while len(words) > 1 and (words[-1] in suffixes or words[-1].replace(".", "") in suffixes):
        suffix.insert(0, words.pop())
    start = split_title(words)
    title, name = " ".join(words[:start]), words[start:]
    if not name:
        return PersonName(title, (), "", " ".join(suffix))
    if len(name) >= 2 and is_allcaps(name[0]) and all(_cap(w) and not is_allcaps(w) for w in name[1:]):
        return PersonName(title, tuple(name[1:]), name[0].title(), " ".join(suffix), family_first=True)
    if all(is_allcaps(w) for w in name):  # an all-capital label ("SECRETARY JANE ROE")
        name = [w.title() for w in name]
    k = len(name) - 1
    while k > 0 and name[k - 1].lower() in PARTICLES and name[k - 1][:1].islower():
        k -= 1
    return PersonName(title, tuple(name[:k]), " ".join(name[k:]), " ".join(suffix))


def initials(words: tuple[str, ...] | list[str]) -> str:
    """The capital initials of a name's content words ("North Atlantic Treaty Organization" → "NATO")."""
    out = []
    for w in words:
        if w.lower() in _ACRONYM_SKIP or not w[:1].isupper():
            continue
        out.append(w.replace(".", "") if is_allcaps(w) and len(w) <= 4 else w[0])
    return "".join(out)


def acronym_of(acronym: str, words: tuple[str, ...] | list[str]) -> bool:
    """True when ``acronym`` abbreviates ``words``, possibly without a leading country ("U.S. ... Agency").

    >>> acronym_of("FWS", "U.S. Fish and Wildlife Service".split()), acronym_of("WPFC", ["West"])
    (True, False)
    """
    a = acronym.replace(".", "")
    words = list(words)
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(a) < 2 or len(words) < 2:
        return False
    variants = {initials(words), all_initials(words)}
    if len(words) > 2:
        variants |= {initials(words[1:]), all_initials(words[1:])}
    # A long name's acronym may leave out its last, generic word ("... and Kidney Diseases" → "...K").
    long_initials = initials(words)
    return a in variants or (len(a) >= ACRONYM_MIN_CLIPPED and a == long_initials[:-1])


#: An acronym that leaves out the last word of its name has at least this many letters.
ACRONYM_MIN_CLIPPED = 4


def all_initials(words: list[str] | tuple[str, ...]) -> str:
    """Initials with the function words kept ("Department of Energy" → "DOE")."""
    return "".join(w[0].upper() for w in words if w[:1].isalpha() and w.lower() not in ("the", "a", "an"))
