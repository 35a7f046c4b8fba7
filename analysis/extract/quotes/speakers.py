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
from dataclasses import dataclass

from analysis.extract.entities.lexicon import common_word
from analysis.extract.quotes.kinds import MentionKind, SpeakerRule
from analysis.extract.quotes.lexicon import fw, member_nouns, speaker_nouns
from analysis.extract.quotes.phrases import Sentence, SpeakerMention
from analysis.extract.quotes.rows import Row
from analysis.nlp import lexicons
from analysis.nlp.case import stop_words
from analysis.nlp.coref import Coref
from analysis.nlp.focus import GROUP_WINDOW, THEY_WINDOW
from analysis.nlp.identity import AS_DOCUMENT, AS_NAME, AS_OTHER, AS_PHRASE, MEMBERS_OF_ACTOR, link_speakers
from analysis.nlp.names import parse_person
from analysis.resources import first_names
from analysis.rules import Example

# -- speaker resolution -----------------------------------------------------------------------------

#: Words after which a speaker noun phrase continues with what it is not: "X of the Y", "X, a Y".
_NP_TAIL_RE = re.compile(r"\s+(?:of|from|at|with|for)\s+|\s*,\s*|\s*\(|\s+[-–—]\s+")
_DETERMINERS = frozenset("the this that these those its their his her our".split())
#: An entity mention is never longer than this, so entities starting this far before a speaker
#: phrase are the only ones that can overlap it.
LONGEST_MENTION = 200
#: Entity types a member speaks for, the likelier first ("a Treasury source": an organisation).
_BODY_TYPES = ("org", "country", "place")
#: Words between a member noun and its body ("an official at the Harbour Board").
_MEMBER_LINK_WORDS = frozenset({"at", "from", "in", "with", "of"})
#: Mention kinds read as names (a transcript label without its title words is one).
_NAME_KINDS = (MentionKind.NAME, MentionKind.LABEL)
#: The speaker of a transcript's questioner turns ("QUESTION:", "Q:"): nobody the article names.
QUESTIONER_NAME = "(questioner)"


def _label_words(label: str) -> str:
    """A transcript label as a name: without title and courtesy words, capitals written normally
    ("PRIME MINISTER LEE" -> "Lee", "SECRETARY JANE DOE" -> "Jane Doe")."""
    words = label.split()
    titles, courtesy = lexicons.title_words(), lexicons.honorifics()
    kept = [w for w in words if w.title() not in titles and w.title() not in courtesy] or words
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in kept)


#: Mention kinds the noun-phrase rules read (a relative pronoun without an antecedent is read as one).
_NOUN_PHRASE_KINDS = (MentionKind.NOUN_PHRASE, MentionKind.RELATIVE)


@dataclass
class _Ask:
    """One speaker mention being resolved: the row, the mention, its head span and text, the entity
    mentions overlapping it and the start of its sentence."""

    row: Row
    mention: SpeakerMention
    start: int
    end: int
    text: str
    ents: list
    sentence_start: int

    @functools.cached_property
    def words(self) -> list[str]:
        return self.text.lower().split()

    @property
    def head(self) -> str:
        """The last word, without a possessive ("the ministry's" -> "ministry")."""
        return re.sub(r"[’']s$", "", self.words[-1]) if self.words else ""

    @property
    def definite(self) -> bool:
        return bool(self.words) and self.words[0] in _DETERMINERS


class Resolver:
    """Resolve speaker mentions to canonical actors, walking the article in order.

    Every question of who is meant (a name, a surname, a title, a nominal, the person or people in
    focus, the document "the statement" stands for) goes to the article's one resolver
    (:class:`analysis.nlp.coref.Coref`, its focus model and windows); this class only reads the
    speaker mention's kind and writes the rule that decided.
    """

    def __init__(self, text: str, sentences: list[Sentence], coref: Coref) -> None:
        self.text = text
        self.coref = coref
        self.entities = [r[:5] for r in coref.rows]
        coref.introduce_documents([(s.start, s.end) for s in sentences])

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
        """Set ``row.speaker``/``speaker_rule`` from ``row.mention``: the first of
        :data:`MENTION_RULES` that decides it (coordinated people, an entity, then by mention kind)."""
        m = row.mention
        if m is None:
            return
        a = m.start
        b = self._head_end(a, m.end) if m.kind in (MentionKind.NAME, MentionKind.NOUN_PHRASE) else m.end
        ask = _Ask(row, m, a, b, self.text[a:b], self._entities_in(a, b), sentence_start)
        for rule in MENTION_RULES:
            if rule.func(self, ask):
                return

    def _coordinated(self, ask: _Ask) -> bool:
        """ "she and Berg said": coordinated people speak together."""
        if not ask.ents or not re.search(r"\s(?:and|&)\s", ask.text):
            return False
        people = list(dict.fromkeys(e[2] for e in sorted(ask.ents) if e[3] == "person"))
        if len(people) < 2:
            return False
        ask.row.speaker = "; ".join(sorted(people, key=lambda n: self.coref.first_seen.get(n, 0)))
        ask.row.speaker_rule = COORDINATED_PEOPLE.value()
        return True

    def _questioner(self, ask: _Ask) -> bool:
        """ "QUESTION:", "Q:": a transcript's questioner, who is no actor."""
        if ask.mention.kind is not MentionKind.LABEL or ask.text.lower() not in fw("questioner"):
            return False
        ask.row.speaker, ask.row.speaker_rule = QUESTIONER_NAME, QUESTIONER.value()
        return True

    def _member(self, ask: _Ask) -> bool:
        """ "a Northwind Foods spokesperson", "an official at the Harbour Board", "the ministry's
        spokesman": a member speaks for the body the phrase names (its actor; the words stay)."""
        if ask.mention.kind not in (MentionKind.NOUN_PHRASE, MentionKind.GROUP):
            return False
        words = ask.words
        link = next((i for i, w in enumerate(words) if w in _MEMBER_LINK_WORDS and i > 0), None)
        head = re.sub(r"[’']s$", "", words[link - 1] if link is not None else words[-1]) if words else ""
        if head not in member_nouns():
            return False
        bodies = [e for e in ask.ents if e[3] in _BODY_TYPES and e[4] != "pronoun"]
        if not bodies:
            return False
        body = min(bodies, key=lambda e: (_BODY_TYPES.index(e[3]), -e[0]))
        if body[3] != "org" and speaker_nouns().get(head, ("", ""))[1] == "pl":
            return False  # "Chilean officials": a country's people, the group rule of the actor link
        ask.row.speaker, ask.row.speaker_rule = body[2], MEMBER.value()
        return True

    def _by_entity(self, ask: _Ask) -> bool:
        """An entity overlapping the mention: the one closest to its end (the head), persons first
        (a transcript label: persons only, "PENCE" is no acronym)."""
        m, b, ents = ask.mention, ask.end, ask.ents
        if m.kind is MentionKind.LABEL:
            ents = [e for e in ents if e[3] == "person"]
        if not ents or m.kind is MentionKind.GROUP:
            return False
        e = min(ents, key=lambda e: (abs(b - e[1]), e[3] != "person", -(e[1] - e[0])))
        if m.kind in (MentionKind.NAME, MentionKind.PRONOUN, MentionKind.RELATIVE, MentionKind.LABEL) or e[1] >= b - 1:
            ask.row.speaker, ask.row.speaker_rule = e[2], ENTITY.value(e[4] or m.kind)
            return True
        return False

    def _relative(self, ask: _Ask) -> bool:
        """ "X, who said": the antecedent, resolved by the same rules."""
        m, row = ask.mention, ask.row
        if m.kind is not MentionKind.RELATIVE or not m.antecedent:
            return False
        x, y = m.antecedent
        kind = MentionKind.NAME if self.text[y - 1].isalnum() and self.text[x].isupper() else MentionKind.NOUN_PHRASE
        sub = Row(
            row.sentence_id, row.kind, row.start, row.end, row.cue, row.rule, None, row.block, row.end_sentence_id
        )
        sub.mention = SpeakerMention(x, y, kind)
        self.resolve(sub, ask.sentence_start)
        row.speaker, row.speaker_rule = sub.speaker, RELATIVE.value(str(sub.speaker_rule))
        return True

    def _pronoun_person(self, ask: _Ask) -> bool:
        """ "he"/"she" no entity mention resolves: the person in focus (the last one named within
        :data:`analysis.nlp.focus.PRONOUN_WINDOW`)."""
        if ask.mention.kind is not MentionKind.PRONOUN or ask.text.lower() not in ("he", "she"):
            return False
        ask.row.speaker, ask.row.speaker_rule = self.coref.person_in_focus(ask.start, ask.text), PRONOUN_PERSON.value()
        return True

    def _pronoun_people(self, ask: _Ask) -> bool:
        """ "they": the two people last named within ``THEY_WINDOW``."""
        if ask.mention.kind is not MentionKind.PRONOUN or ask.text.lower() != "they":
            return False
        grp = self.coref.group_before(ask.sentence_start, THEY_WINDOW)
        ask.row.speaker = "; ".join(grp) if grp else None
        ask.row.speaker_rule = PRONOUN_PEOPLE.value()
        return True

    def _pronoun_unresolved(self, ask: _Ask) -> bool:
        """Any other pronoun ("we", "I", "it") names no one."""
        if ask.mention.kind is not MentionKind.PRONOUN:
            return False
        ask.row.speaker, ask.row.speaker_rule = None, PRONOUN_UNRESOLVED.value()
        return True

    def _group(self, ask: _Ask) -> bool:
        """ "the duo", "both leaders": the two people last in focus (else the phrase itself, below)."""
        if ask.mention.kind is not MentionKind.GROUP:
            return False
        grp = self.coref.group_before(ask.start, GROUP_WINDOW)
        if grp:
            ask.row.speaker, ask.row.speaker_rule = "; ".join(grp), GROUP_PEOPLE.value()
        return bool(grp)

    def _parse_name(self, mention_text: str, *, person_only: bool = False) -> tuple[str, str | None, bool]:
        """A capitalised speaker phrase parsed as a person name: ``(name, the actor it stands for,
        whether it is a person)``; the name is the trailing run of capitalised words.  With
        ``person_only`` (a transcript label) only a person the article names is looked up."""
        words = re.sub(r"\s*\(.*$", "", mention_text).strip(" ,").split()
        run: list[str] = []
        for w in reversed(words):
            if not w[:1].isupper():
                break
            run.insert(0, w)
        name_text = " ".join(run) if run else mention_text
        p = parse_person(name_text)
        name = p.name or name_text
        canon = self.coref.lookup(name) or self.coref.lookup(p.key) if p.key else None
        if person_only and canon is not None and self.coref.types.get(canon) != "person":
            canon = self.coref.keys.get(p.key)
        given = bool(p.given) and p.given[0] in first_names()
        return name, canon, bool(p.title) or given or self.coref.types.get(canon or name) == "person"

    def _name_of(self, ask: _Ask) -> tuple[str, str | None, bool]:
        if ask.mention.kind is MentionKind.LABEL:
            return self._parse_name(_label_words(ask.text), person_only=True)
        return self._parse_name(ask.text)

    def _sentence_word(self, ask: _Ask) -> bool:
        """ "Please note that …", "Consider …": the sentence's first word, no entity and no name the
        article uses, a function word or an ordinary word naming no speakers ("Regulators said" does)."""
        word, low = ask.text.strip(), ask.text.strip().lower()
        if ask.mention.kind is not MentionKind.NAME or ask.ents or " " in word or self.coref.lookup(word):
            return False
        ordinary = low in stop_words() or (common_word(low) and not low.endswith("s") and low not in speaker_nouns())
        if not ordinary or self.text[ask.sentence_start : ask.start].strip(" \t\n\"“‘'(") != "":
            return False
        ask.row.speaker, ask.row.speaker_rule = None, SENTENCE_WORD.value()
        return True

    def _full_name(self, ask: _Ask) -> bool:
        """A surname or titled name no entity covers ("PRIME MINISTER LEE:" too): the full name the
        article used for it."""
        if ask.mention.kind not in _NAME_KINDS:
            return False
        name, canon, person = self._name_of(ask)
        if not canon or canon == name:
            return False
        ask.row.speaker, ask.row.speaker_rule = canon, NAME_FULL.value()
        return True

    def _name(self, ask: _Ask) -> bool:
        """A capitalised phrase no entity covers: the name it parses to."""
        if ask.mention.kind not in _NAME_KINDS:
            return False
        name, canon, person = self._name_of(ask)
        ask.row.speaker, ask.row.speaker_rule = canon or name, NAME.value()
        return True

    def _apposition(self, ask: _Ask) -> bool:
        """ "a Swedish scientist, Jane Roe" / "Jane Roe, left, head of ...": the person named right
        after the noun phrase, or right before it."""
        if ask.mention.kind not in _NOUN_PHRASE_KINDS:
            return False
        a, b = ask.start, ask.start + len(ask.text)
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
        ask.row.speaker, ask.row.speaker_rule = ents[0][2], NP_APPOSITION.value()
        return True

    def _antecedent(self, ask: _Ask) -> bool:
        """ "the statement": the document with that head the article introduced before."""
        if ask.mention.kind not in _NOUN_PHRASE_KINDS or not ask.definite:
            return False
        name = self.coref.document_before(ask.head, ask.start)
        if name is not None:
            ask.row.speaker, ask.row.speaker_rule = name, NP_ANTECEDENT.value()
        return name is not None

    def _title(self, ask: _Ask) -> bool:
        """ "the Secretary": the person in focus bearing that title."""
        head = ask.head
        if ask.mention.kind not in _NOUN_PHRASE_KINDS or not ask.definite:
            return False
        if head.title() not in lexicons.title_words() and head.capitalize() not in lexicons.title_words():
            return False
        name = self.coref.titled_person(head, ask.start)
        if name:
            ask.row.speaker, ask.row.speaker_rule = name, NP_TITLE.value()
        return bool(name)

    def _organisation(self, ask: _Ask) -> bool:
        """ "the ministry", "the magazine": the organisation named nearby."""
        if ask.mention.kind not in _NOUN_PHRASE_KINDS or not ask.definite:
            return False
        if speaker_nouns().get(ask.head, ("",))[0] != "org" or ask.ents:
            return False  # "the Korvel campaign" is named by its own words, not by the last body named
        org = self.coref.org_before(ask.start, ask.head)
        if org:
            ask.row.speaker, ask.row.speaker_rule = org, NP_ORG.value()
        return bool(org)

    def _noun_phrase(self, ask: _Ask) -> bool:
        """The phrase itself, without its determiners; "a statement" registers a document."""
        mention_text, a, row = ask.text, ask.start, ask.row
        if ask.mention.kind is MentionKind.GROUP:
            row.speaker, row.speaker_rule = mention_text, NOUN_PHRASE.value()
            return True
        words = mention_text.lower().split()
        phrase = " ".join(w for w in mention_text.split() if w.lower() not in fw("determiner"))
        canon = phrase or mention_text
        if words and words[0] in ("a", "an") and speaker_nouns().get(ask.head, ("",))[0] == "document":
            canon = self.coref.document_name(phrase, ask.sentence_start, a)
            self.coref.add_document(a, ask.head, canon)
        row.speaker, row.speaker_rule = canon, NOUN_PHRASE.value()
        return True

    def sentence_person(self, row: Row, span: tuple[int, int]) -> None:
        """A quote with no cue and no speaker to carry over: the person its sentence names, nearest
        before the quote, else first after it ("X later apologised: “…”", "called “…” by X")."""
        named = [e for e in self._entities_in(*span) if e[3] == "person" and e[4] != "pronoun"]
        named = [e for e in named if not (row.start <= e[0] < row.end)]
        before = [e for e in named if e[1] <= row.start]
        pick = before[-1] if before else (named[0] if named else None)
        if pick is not None:
            row.speaker, row.speaker_rule = pick[2], PERSON_OF_SENTENCE.value()
            row.mention = SpeakerMention(pick[0], pick[1], MentionKind.NAME)


# -- the rules of this module (values of ``quotes.speaker_rule``), in the order the resolver tries them

QUESTIONER = SpeakerRule(
    "transcript questioner",
    "QUESTION: / Q: a transcript's questioner speaks as (questioner), no actor, in no speaker share",
    Example(
        "QUESTION: Will the port reopen?\n\nKORVEL: It will reopen on Monday.",
        {"speaker_rule": "transcript questioner (no actor)", "speaker": "(questioner)", "speaker_text": "QUESTION"},
    ),
    Resolver._questioner,
)
COORDINATED_PEOPLE = SpeakerRule(
    "coordinated people",
    "she and Jane Doe said: the people of the mention speak together",
    Example(
        "Mayor Dana Korvel met Governor Omar Haddad. Korvel and Haddad said the port would reopen.",
        {
            "speaker_rule": "coordinated people",
            "speaker": "Dana Korvel; Omar Haddad",
            "speaker_text": "Korvel and Haddad",
        },
    ),
    Resolver._coordinated,
)
MEMBER = SpeakerRule(
    "member of a body",
    "a/an/the <body> spokesperson/official/source, <body>'s spokesperson, an official at <body>: the "
    "body speaks (speaker_ids its actor, speaker its name, speaker_text the words)",
    Example(
        "A Harbour Board spokesperson said the port would reopen.",
        {
            "speaker_rule": "member of a body",
            "speaker": "Harbour Board",
            "speaker_text": "A Harbour Board spokesperson",
        },
    ),
    Resolver._member,
)
ENTITY = SpeakerRule(
    "entity (…)",
    "an entity mention overlapping the speaker mention (its head): … is the mention's how (name, surname, pronoun …)",
    Example(
        "Dana Korvel said the port would reopen.",
        {"speaker_rule": "entity (name)", "speaker": "Dana Korvel", "speaker_text": "Dana Korvel"},
    ),
    Resolver._by_entity,
    template="entity ({})",
    speaks_as=AS_NAME,
)
RELATIVE = SpeakerRule(
    "relative → …",
    "X, who said: the antecedent of the relative pronoun, resolved by these rules",
    Example(
        "It was Dana Korvel who said the port would reopen.",
        {"speaker_rule": "relative → entity (name)", "speaker": "Dana Korvel", "speaker_text": "who"},
    ),
    Resolver._relative,
    template="relative → {}",
    speaks_as=AS_NAME,
)
PRONOUN_PERSON = SpeakerRule(
    "pronoun (person in focus)",
    "he/she that no entity resolves: the person in focus (the last one named within PRONOUN_WINDOW)",
    Example(
        "Dana Korvel runs the Harbour Board. The port was shut. The ferries waited. Trade stopped. "
        "He said the port would reopen.",
        {"speaker_rule": "pronoun (person in focus)", "speaker": "Dana Korvel", "speaker_text": "He"},
    ),
    Resolver._pronoun_person,
)
PRONOUN_PEOPLE = SpeakerRule(
    "pronoun (people in focus)",
    "they: the two people named last, within THEY_WINDOW",
    Example(
        "Dana Korvel met Omar Haddad on Monday. They said the port would reopen.",
        {"speaker_rule": "pronoun (people in focus)", "speaker": "Dana Korvel; Omar Haddad", "speaker_text": "They"},
    ),
    Resolver._pronoun_people,
)
PRONOUN_UNRESOLVED = SpeakerRule(
    "pronoun (unresolved)",
    "any other pronoun (we, I, it): no speaker",
    Example(
        "We said the port would reopen.",
        {"speaker_rule": "pronoun (unresolved)", "speaker": None, "speaker_text": "We"},
    ),
    Resolver._pronoun_unresolved,
)
SENTENCE_WORD = SpeakerRule(
    "sentence word (no speaker)",
    "the sentence's first word, an ordinary word no entity covers (Please, Consider, First): no speaker",
    Example(
        "Please note that the port will reopen on Monday.",
        {"speaker_rule": "sentence word (no speaker)", "speaker": None, "speaker_text": "Please"},
    ),
    Resolver._sentence_word,
)
GROUP_PEOPLE = SpeakerRule(
    "group (people in focus)",
    "the duo, both leaders: the two people named last, within GROUP_WINDOW",
    Example(
        "Dana Korvel met Omar Haddad in Valmora. Later the duo stressed that the port would reopen.",
        {"speaker_rule": "group (people in focus)", "speaker": "Dana Korvel; Omar Haddad", "speaker_text": "the duo"},
    ),
    Resolver._group,
)
GROUP_MEMBERS = SpeakerRule(
    MEMBERS_OF_ACTOR,
    "a plural group noun with an actor's name or demonym (Norwegian officials): that actor speaks",
    Example(
        "Norwegian scientists said the port would reopen.",
        {"speaker_rule": "group (members of an actor)", "speaker": "Norway", "speaker_text": "Norwegian scientists"},
    ),
    link_speakers,
    stage="identity",
)
NAME_FULL = SpeakerRule(
    "name (full name)",
    "a surname or titled name no entity covers (a transcript label): the full name the article used for it",
    Example(
        "Dana Korvel spoke to reporters on Monday.\n\nKORVEL: We will reopen the port.",
        {"speaker_rule": "name (full name)", "speaker": "Dana Korvel", "speaker_text": "KORVEL"},
    ),
    Resolver._full_name,
    speaks_as=AS_NAME,
)
NAME = SpeakerRule(
    "name",
    "a capitalised phrase no entity covers, parsed as a person name",
    Example(
        "HOST: Welcome back to the harbour show.",
        {"speaker_rule": "name (no actor)", "speaker": "Host", "speaker_text": "HOST"},
    ),
    Resolver._name,
    speaks_as=AS_NAME,
)
NP_APPOSITION = SpeakerRule(
    "noun phrase (apposition)",
    "a harbour engineer, Dana Korvel: the person named right beside the noun phrase",
    Example(
        "“We will reopen the port,” said harbour engineer, Dana Korvel.",
        {"speaker_rule": "noun phrase (apposition)", "speaker": "Dana Korvel", "speaker_text": "harbour engineer"},
    ),
    Resolver._apposition,
    speaks_as=AS_PHRASE,
)
NP_ANTECEDENT = SpeakerRule(
    "noun phrase (antecedent)",
    "the statement: the document the article introduced (a joint statement)",
    Example(
        "Dana Korvel and Omar Haddad issued a joint statement on Monday. The statement says that the port will reopen.",
        {"speaker_rule": "noun phrase (antecedent)", "speaker_text": "The statement"},
    ),
    Resolver._antecedent,
    speaks_as=AS_DOCUMENT,
)
NP_TITLE = SpeakerRule(
    "noun phrase (title of person)",
    "the Secretary: the person in focus bearing that title",
    Example(
        "Mayor Dana Korvel toured the port on Monday. The mayor said it would reopen.",
        {"speaker_rule": "noun phrase (title of person)", "speaker": "Dana Korvel", "speaker_text": "The mayor"},
    ),
    Resolver._title,
    speaks_as=AS_PHRASE,
)
NP_ORG = SpeakerRule(
    "noun phrase (organisation in focus)",
    "the ministry: the organisation named nearby, one whose name holds the head word first",
    Example(
        "The Harbour Gazette covered the strike. The magazine said the port would reopen.",
        {"speaker_rule": "noun phrase (organisation in focus)", "speaker": "Harbour Gazette"},
    ),
    Resolver._organisation,
    speaks_as=AS_PHRASE,
)
NOUN_PHRASE = SpeakerRule(
    "noun phrase",
    "the phrase itself without its determiners (officials, a joint statement)",
    Example(
        "Officials said the port would reopen.",
        {"speaker_rule": "noun phrase (no actor)", "speaker": "Officials", "speaker_text": "Officials"},
    ),
    Resolver._noun_phrase,
    speaks_as=AS_PHRASE,
)
PERSON_OF_SENTENCE = SpeakerRule(
    "person of the sentence (no cue)",
    "a quote with no cue and nobody to carry over: the person its sentence names, nearest before it",
    Example(
        "Dana Korvel then apologised to the crowd, “I was wrong about the port.”",
        {"speaker_rule": "person of the sentence (no cue)", "speaker": "Dana Korvel", "speaker_text": "Dana Korvel"},
    ),
    Resolver.sentence_person,
    stage="row",
)
#: The rules the resolver walks, in order, for a speaker mention (the first that decides wins).
MENTION_RULES = (
    QUESTIONER,
    COORDINATED_PEOPLE,
    MEMBER,
    ENTITY,
    RELATIVE,
    PRONOUN_PERSON,
    PRONOUN_PEOPLE,
    PRONOUN_UNRESOLVED,
    GROUP_PEOPLE,
    SENTENCE_WORD,
    NAME_FULL,
    NAME,
    NP_APPOSITION,
    NP_ANTECEDENT,
    NP_TITLE,
    NP_ORG,
    NOUN_PHRASE,
)


def speaks_as(value: str | None) -> str:
    """How a ``speaker_rule`` value found its speaker: the ``speaks_as`` of its rule; a relative
    pronoun's is its antecedent's when that is a document, else a name's."""
    if not value:
        return AS_OTHER
    if RELATIVE.composes(value):
        inner = value.removeprefix(RELATIVE.template.partition("{}")[0])
        return AS_DOCUMENT if speaks_as(inner) == AS_DOCUMENT else RELATIVE.speaks_as
    rule = next((r for r in MENTION_RULES if r.name == value or r.composes(value)), None)
    return rule.speaks_as if rule is not None else AS_OTHER
