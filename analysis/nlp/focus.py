"""Who is in focus at a point of an article: the people and bodies named before it.

Decides which actor a reference that names no one refers to by its position alone: the person in
focus for he/she (:meth:`Focus.person_for`: the last compatible person named earlier in the
sentence, else the subject of the nearest sentence that names one, up to :data:`FOCUS_SENTENCES`
back), the people named within a window before an offset (:meth:`Focus.persons_before`), the
two people most recently in focus for "they" or "the duo" (:meth:`Focus.group_before`) and the
organisation in focus for "the ministry" (:meth:`Focus.org_before`).  Reads mentions
(:class:`~analysis.nlp.mention.Mention`: sentence, offset, actor, type, whether inside quote marks)
and, for a person's gender, the given name and a courtesy title written before the name.

Every window of the focus model is a constant of this module, so the entity pronouns, the quote
speakers and the timeline read one model.

Examples
--------
>>> from analysis.nlp.mention import Mention
>>> text = "Dana Korvel met Olek Varn. She left."
>>> people = [Mention(0, 0, 2, 0, 11, ("Dana", "Korvel"), "Dana Korvel", "person"),
...           Mention(0, 3, 5, 16, 25, ("Olek", "Varn"), "Olek Varn", "person")]
>>> focus = Focus(text, people, sids=[0, 1])
>>> focus.person_for(1, 27, "f"), focus.group_before(27, 100)
('Dana Korvel', ['Dana Korvel', 'Olek Varn'])
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from analysis.nlp import lexicons
from analysis.nlp.mention import Mention

#: A pronoun's person is named in its own sentence or at most this many sentences before.
FOCUS_SENTENCES = 3
#: "the Secretary": the person bearing that title named within the last several paragraphs.
TITLED_PERSON_WINDOW = 3000
#: "the ministry": an organisation named within about the last three paragraphs.
ORG_WINDOW = 800
# Look-back windows of the focus questions, in characters of article text (a news paragraph is
# roughly 200-400 characters).  They bound how far back an antecedent may lie: too short and a
# pronoun loses its person, too long and it picks up someone from an unrelated part of the story.
#: "he"/"she" no mention resolves (a quote speaker): a person named within the last few paragraphs.
PRONOUN_WINDOW = 1500
#: "they" (and the issuers of "They issued a statement"): the two people named within about the
#: last two paragraphs; a pair further back is rarely the one meant.
THEY_WINDOW = 600
#: "the duo", "both leaders": a group noun names its pair explicitly, so it may reach further back.
GROUP_WINDOW = 3000

#: What makes a name a possessor: "Varn's", "Varn’s", "Varnas'".
_POSSESSIVE = re.compile(r"['’](?:s\b|(?=\s))")
#: A courtesy title right before a name: its gender.
_COURTESY_BEFORE = re.compile(r"\b(mr|mrs|ms|miss)\.?\s+$", re.I)


class Focus:
    """The people and organisations an article names, by sentence and by offset, for focus questions.

    Parameters
    ----------
    text : str
        The article text (a courtesy title before a name tells a person's gender).
    mentions : iterable of Mention
        The article's mentions; each sentence's people are kept in the order given.
    sids : sequence of int, optional
        The article's sentence ids in order, sentences without people included: needed by
        :meth:`person_for`, which counts sentences back.
    """

    def __init__(self, text: str, mentions: Iterable[Mention], sids: Sequence[int] = ()) -> None:
        self.text = text
        self.sids = list(sids)
        self._pos = {sid: k for k, sid in enumerate(self.sids)}
        self.first_seen: dict[str, int] = {}  # actor -> offset of the first mention given
        self.people: list[Mention] = []
        self.orgs: list[Mention] = []
        self._by_sent: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            self.first_seen.setdefault(m.actor, m.start)
            if m.actor_type == "person":
                self.people.append(m)
                self._by_sent[m.sid].append(m)
            elif m.actor_type == "org":
                self.orgs.append(m)
        self._given = list(self.people)  # the order given decides a gender told twice
        self.people.sort(key=lambda m: m.start)
        self.orgs.sort(key=lambda m: m.start)
        self._person_starts = [m.start for m in self.people]
        self._org_starts = [m.start for m in self.orgs]

    @functools.cached_property
    def gender(self) -> dict[str, str]:
        """Each person's gender, ``"m"``, ``"f"`` or ``""``: a courtesy title before a name ("Ms. Lee",
        "MR. LEE:") first, else the given name."""
        male, female = lexicons.gendered_names()
        gender: dict[str, str] = {}
        for m in self._given:
            first = m.actor.split()[0]
            by_name = "m" if first in male else "f" if first in female else ""
            courtesy = _COURTESY_BEFORE.search(self.text, max(0, m.start - 6), m.start)
            if courtesy and not gender.get(m.actor):
                gender[m.actor] = "m" if courtesy.group(1).lower() == "mr" else "f"
            gender.setdefault(m.actor, by_name)
        return gender

    def person_for(self, sid: int, offset: int, gender: str) -> str | None:
        """The person a pronoun of ``gender`` at ``offset`` in sentence ``sid`` refers to.

        The last compatible person named earlier in its sentence, else the first one (the subject)
        of the nearest sentence up to :data:`FOCUS_SENTENCES` back that names one, people named
        outside quote marks first.
        """
        pos, genders = self._pos[sid], self.gender
        for back in range(FOCUS_SENTENCES + 1):
            if pos - back < 0:
                break
            cands = [
                m
                for m in self._by_sent.get(self.sids[pos - back], ())
                if m.start < offset and genders.get(m.actor, "") in ("", gender)
            ]
            if cands and back == 0:
                # a possessor ("in Varn's hand") is less in focus than a person the sentence names on its own
                whole = [m for m in cands if not self._possessive(m)]
                return (whole or cands)[-1].actor
            if cands:
                told = [m for m in cands if not m.quoted]
                return (told or cands)[0].actor
        return None

    def _possessive(self, m: Mention) -> bool:
        """Whether the mention is a possessor: "Varn's", "Varnas'"."""
        return _POSSESSIVE.match(self.text, m.end) is not None

    def persons_before(self, offset: int, window: int | None = None) -> list[str]:
        """The people named before ``offset`` (within ``window`` characters), in text order."""
        hi = bisect.bisect_left(self._person_starts, offset)
        lo = 0 if window is None else bisect.bisect_left(self._person_starts, offset - window)
        return [m.actor for m in self.people[lo:hi]]

    def group_before(self, offset: int, window: int) -> list[str] | None:
        """The two people most recently in focus, in order of first mention ("the duo", "they")."""
        recent: list[str] = []
        for name in reversed(self.persons_before(offset, window)):
            if name not in recent:
                recent.append(name)
            if len(recent) == 2:
                break
        if len(recent) < 2:
            return None
        return sorted(recent, key=lambda n: self.first_seen.get(n, 0))

    def org_before(self, offset: int, head: str, window: int = ORG_WINDOW) -> str | None:
        """The organisation a nominal ("the magazine", "the ministry") refers to: the last one named
        nearby whose name holds the head word, else the first one of the nearest sentence naming one."""
        hi = bisect.bisect_left(self._org_starts, offset)
        lo = bisect.bisect_left(self._org_starts, offset - window)
        cands = self.orgs[lo:hi]
        for m in reversed(cands):
            if head.lower() in m.actor.lower().split():
                return m.actor
        if not cands:
            return None
        last_sid = cands[-1].sid
        return next(m.actor for m in cands if m.sid == last_sid)
