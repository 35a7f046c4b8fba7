"""Speakers: the actor each speaker mention stands for.

Reads the speaker mentions of the rows and the article's resolver over the ``entities`` table
(:class:`analysis.nlp.coref.Coref`); decides, in the order of
:data:`analysis.extract.quotes.rules.SPEAKER_RULES`, whether a mention names coordinated people, an
entity, a relative pronoun's antecedent, the person or people in focus, a group, a name, a document
the article introduced, a titled person or an organisation in focus.
"""

from __future__ import annotations

import bisect
import functools
import re

from analysis.extract.quotes.lexicon import fw, speaker_nouns, trie_pattern
from analysis.extract.quotes.phrases import Sentence, SpeakerMention
from analysis.extract.quotes.rows import Row
from analysis.nlp import lexicons
from analysis.nlp.coref import Coref
from analysis.nlp.names import parse_person
from analysis.resources import first_names

# -- speaker resolution -----------------------------------------------------------------------------


@functools.cache
def _doc_re() -> re.Pattern[str]:
    heads = [w for w, (cls, _) in speaker_nouns().items() if cls == "document"]
    return re.compile(rf"\b(?:[Aa]n?)\s+(?P<phrase>(?:[a-z][\w\-]*\s+){{0,2}}?(?P<head>{trie_pattern(heads)}))\b")


#: Words after which a speaker noun phrase continues with what it is not: "X of the Y", "X, a Y".
_NP_TAIL_RE = re.compile(r"\s+(?:of|from|at|with|for)\s+|\s*,\s*|\s*\(|\s+[-–—]\s+")
_DETERMINERS = frozenset("the this that these those its their his her our".split())

# Look-back windows of speaker resolution, in characters of article text (a news paragraph is
# roughly 200-400 characters).  They bound how far back an antecedent may lie: too short and a
# pronoun loses its person, too long and it picks up someone from an unrelated part of the story.
#: "he"/"she" with no person in focus yet: a person named within the last few paragraphs.
PRONOUN_WINDOW = 1500
#: "they" (and the issuers of "They issued a statement"): the two people named within about the
#: last two paragraphs; a pair further back is rarely the one meant.
THEY_WINDOW = 600
#: "the duo", "both leaders": a group noun names its pair explicitly, so it may reach further back.
GROUP_WINDOW = 3000
#: An entity mention is never longer than this, so entities starting this far before a speaker
#: phrase are the only ones that can overlap it.
LONGEST_MENTION = 200


class Resolver:
    """Resolve speaker mentions to canonical actors, walking the article in order.

    Names, surnames, titles and nominals go through the article's one resolver
    (:class:`analysis.nlp.coref.Coref`); documents the article introduces are registered here.
    """

    def __init__(self, text: str, sentences: list[Sentence], coref: Coref) -> None:
        self.text = text
        self.coref = coref
        self.entities = [r[:5] for r in coref.rows]
        self.documents: list[tuple[int, str, str]] = []  # (offset, head, canonical)
        self.last_person: str | None = None
        self._scan_documents(sentences)

    def _scan_documents(self, sentences: list[Sentence]) -> None:
        """Register documents the article introduces ("issued a joint statement") as antecedents."""
        for s in sentences:
            for m in _doc_re().finditer(self.text, s.start, s.end):
                phrase = " ".join(m.group("phrase").split())
                self.documents.append((m.start(), m.group("head").lower(), self._document(phrase, s.start, m.start())))

    def _document(self, phrase: str, sentence_start: int, offset: int) -> str:
        issuers = self.issuers(sentence_start, offset)
        if not issuers:
            return phrase
        return "–".join(dict.fromkeys(self.coref.affiliation.get(p) or p for p in issuers)) + " " + phrase

    def _entities_in(self, a: int, b: int) -> list[tuple[int, int, str, str, str]]:
        i = bisect.bisect_left(self.entities, (a - LONGEST_MENTION,))
        out = []
        for e in self.entities[i:]:
            if e[0] >= b:
                break
            if e[1] > a:
                out.append(e)
        return out

    def _head_end(self, a: int, b: int) -> int:
        """End of the head of a speaker phrase: "X of the Y" and "X, a Y" are X when X names someone."""
        m = _NP_TAIL_RE.search(self.text, a, b)
        if m is None:
            return b
        ents = self._entities_in(a, m.start())
        if any(e[3] == "person" for e in ents) or any(e[1] == m.start() for e in ents):
            return m.start()
        return b

    def resolve(self, row: Row, sentence_start: int) -> None:
        """Set ``row.speaker``/``speaker_rule`` from ``row.mention``, by the rules of
        :data:`SPEAKER_RULES` in their order: coordinated people, an entity, then by mention kind."""
        m = row.mention
        if m is None:
            return
        a = m.start
        b = self._head_end(a, m.end) if m.rule in ("name", "noun phrase") else m.end
        mention_text = self.text[a:b]
        ents = self._entities_in(a, b)
        if self._coordinated(row, ents, mention_text) or self._by_entity(row, m, ents, b):
            return
        if m.rule == "relative" and m.antecedent:
            self._relative(row, m, sentence_start)
        elif m.rule == "pronoun":
            self._pronoun(row, mention_text.lower(), a, sentence_start)
        elif m.rule == "group":
            self._group(row, mention_text, a)
        elif m.rule == "name":
            self._name(row, mention_text)
        else:
            self._noun_phrase(row, mention_text, a, sentence_start)

    def _group(self, row: Row, mention_text: str, a: int) -> None:
        """ "the duo", "both leaders": the two people last in focus, else the phrase itself."""
        grp = self.coref.group_before(a, GROUP_WINDOW)
        row.speaker = "; ".join(grp) if grp else mention_text
        row.speaker_rule = "group (people in focus)" if grp else "noun phrase"

    def _coordinated(self, row: Row, ents: list, mention_text: str) -> bool:
        """ "she and Berg said": coordinated people speak together."""
        if not ents or not re.search(r"\s(?:and|&)\s", mention_text):
            return False
        people = list(dict.fromkeys(e[2] for e in sorted(ents) if e[3] == "person"))
        if len(people) < 2:
            return False
        row.speaker = "; ".join(sorted(people, key=lambda n: self.coref.first_seen.get(n, 0)))
        row.speaker_rule = "coordinated people"
        return True

    def _by_entity(self, row: Row, m: SpeakerMention, ents: list, b: int) -> bool:
        """An entity overlapping the mention: the one closest to its end (the head), persons first."""
        if not ents or m.rule == "group":
            return False
        ents.sort(key=lambda e: (abs(b - e[1]), e[3] != "person", -(e[1] - e[0])))
        e = ents[0]
        if m.rule in ("name", "pronoun", "relative") or e[1] >= b - 1:
            row.speaker, row.speaker_rule = e[2], f"entity ({e[4] or m.rule})"
            self._focus(row.speaker, e[3] == "person")
            return True
        return False

    def _relative(self, row: Row, m: SpeakerMention, sentence_start: int) -> None:
        x, y = m.antecedent
        rule = "name" if self.text[y - 1].isalnum() and self.text[x].isupper() else "noun phrase"
        sub = Row(
            row.sentence_id, row.kind, row.start, row.end, row.cue, row.rule, None, row.block, row.end_sentence_id
        )
        sub.mention = SpeakerMention(x, y, rule)
        self.resolve(sub, sentence_start)
        row.speaker, row.speaker_rule = sub.speaker, f"relative → {sub.speaker_rule}"

    def _pronoun(self, row: Row, low: str, a: int, sentence_start: int) -> None:
        if low in ("he", "she"):
            cands = self.coref.persons_before(a, PRONOUN_WINDOW)
            name = self.last_person if self.last_person else (cands[-1] if cands else None)
            row.speaker, row.speaker_rule = name, "pronoun (person in focus)"
        elif low == "they":
            grp = self.coref.group_before(sentence_start, THEY_WINDOW)
            row.speaker = "; ".join(grp) if grp else None
            row.speaker_rule = "pronoun (people in focus)"
        else:
            row.speaker, row.speaker_rule = None, "pronoun (unresolved)"

    def _name(self, row: Row, mention_text: str) -> None:
        """A capitalised speaker phrase the entities table does not cover: parse it as a person name."""
        words = re.sub(r"\s*\(.*$", "", mention_text).strip(" ,").split()
        run: list[str] = []
        for w in reversed(words):  # the name is the trailing run of capitalised words
            if not w[:1].isupper():
                break
            run.insert(0, w)
        name_text = " ".join(run) if run else mention_text
        p = parse_person(name_text)
        name = p.name or name_text
        canon = self.coref.lookup(name) or self.coref.lookup(p.key) if p.key else None
        row.speaker = canon or name
        row.speaker_rule = "name (full name)" if canon and canon != name else "name"
        given = bool(p.given) and p.given[0] in first_names()
        self._focus(row.speaker, bool(p.title) or given or self.coref.types.get(row.speaker) == "person")

    def _apposition(self, row: Row, a: int, b: int) -> bool:
        """ "a Swedish scientist, Jane Roe" / "Jane Roe, left, head of ...": the person named right
        after the noun phrase, or right before it."""
        m = re.compile(r"\s*,\s*").match(self.text, b)
        before = re.search(r"(\S)\s*,\s*$", self.text[max(0, a - 3) : a])
        ents = []
        head = self.text[a:b].split()[-1].lower() if self.text[a:b].split() else ""
        kinds = ("person", "other", "org") if speaker_nouns().get(head, ("",))[0] == "person" else ("person",)
        if m:
            ents = [e for e in self._entities_in(m.end(), m.end() + 1) if e[0] == m.end() and e[3] in kinds]
        if not ents and before:
            end = a - 3 + before.start(1) + 1 if a >= 3 else before.start(1) + 1
            ents = [e for e in self._entities_in(end - 1, end) if e[1] == end and e[3] == "person"]
        if not ents:
            return False
        row.speaker, row.speaker_rule = ents[0][2], "noun phrase (apposition)"
        self._focus(row.speaker, True)
        return True

    def _noun_phrase(self, row: Row, mention_text: str, a: int, sentence_start: int) -> None:
        if self._apposition(row, a, a + len(mention_text)):
            return
        words = mention_text.lower().split()
        head = re.sub(r"[’']s$", "", words[-1]) if words else ""
        definite = bool(words) and words[0] in _DETERMINERS
        if definite:
            for off, h, canon in reversed(self.documents):
                if h == head and off < a:
                    row.speaker, row.speaker_rule = canon, "noun phrase (antecedent)"
                    return
            if self._definite(row, head, a):
                return
        phrase = " ".join(w for w in mention_text.split() if w.lower() not in fw("determiner"))
        canon = phrase or mention_text
        if words and words[0] in ("a", "an") and speaker_nouns().get(head, ("",))[0] == "document":
            canon = self._document(phrase, sentence_start, a)
            self.documents.append((a, head, canon))
        row.speaker, row.speaker_rule = canon, "noun phrase"

    def _definite(self, row: Row, head: str, a: int) -> bool:
        """ "the Secretary" → the person bearing that title; "the magazine" → the organisation in focus."""
        if head.title() in lexicons.title_words() or head.capitalize() in lexicons.title_words():
            name = self.coref.titled_person(head, a)
            if name:
                row.speaker, row.speaker_rule = name, "noun phrase (title of person)"
                self._focus(name, True)
                return True
        if speaker_nouns().get(head, ("",))[0] == "org":
            org = self.coref.org_before(a, head)
            if org:
                row.speaker, row.speaker_rule = org, "noun phrase (organisation in focus)"
                return True
        return False

    def sentence_person(self, row: Row, span: tuple[int, int]) -> None:
        """A quote with no cue and no speaker to carry over: the person its sentence names, nearest
        before the quote, else first after it ("X later apologised: “…”", "called “…” by X")."""
        named = [e for e in self._entities_in(*span) if e[3] == "person" and e[4] != "pronoun"]
        named = [e for e in named if not (row.start <= e[0] < row.end)]
        before = [e for e in named if e[1] <= row.start]
        pick = before[-1] if before else (named[0] if named else None)
        if pick is not None:
            row.speaker, row.speaker_rule = pick[2], "person of the sentence (no cue)"
            row.mention = SpeakerMention(pick[0], pick[1], "name")

    def issuers(self, sentence_start: int, offset: int) -> list[str] | None:
        """The actors of the clause that introduced a document ("They issued a joint statement")."""
        before = self.text[sentence_start:offset]
        m = re.match(r"\s*(\w+)", before)
        if not m:
            return None
        if m.group(1).lower() == "they":
            return self.coref.group_before(sentence_start, THEY_WINDOW)
        names = self.coref.persons_before(offset, offset - sentence_start)  # people named earlier in this sentence
        return list(dict.fromkeys(names)) or None

    def _focus(self, name: str | None, person: bool) -> None:
        if name and person:
            self.last_person = name


#: Extraction rules whose cue closes its content ("…, Smith said."): a quote opening the next sentence
#: of the paragraph continues what the cue reported.
