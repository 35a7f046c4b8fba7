"""Every value of the quotes table's ``rule`` and ``speaker_rule`` columns, in the order tried.

Reads nothing: it declares the rule names, what each decides and which function decides it, and how
composed values ("inside …", "participle …", "relative → …", "… (no actor)") map back to their rule.
"""

from __future__ import annotations

#: Every value of the ``rule`` column, in the order the extractor tries them, with the function that
#: decides it.  A quote inside a cue's clause is ``"inside " + rule``; an -ing cue ("…, saying")
#: prefixes ``"participle "`` to its content rule.  A new rule is a function plus one entry here.
QUOTE_RULES: dict[str, str] = {
    # per paragraph, before its sentences (_RowBuilder._label_rows)
    "speaker label": "a transcript or interview label opens the paragraph: SMITH: … (_label_cue)",
    # per cue of a sentence (analyse_sentence), once the NOT_SPEECH checks pass
    "according to": "According to X, A. / A, according to X. (_according)",
    "coordinated": "X arrived and said A: the verb shares an earlier subject (_coordinated_speaker)",
    "inverted": "“A,” said X. (_inverted)",
    "quote then cue": "“A,” X said. (content_before)",
    "clause then cue": "A, X said. (content_before)",
    "after content": "the cue closes a content it could not find; it names the sentence's speaker only",
    "clause around cue": "A, X said, B: B goes on the clause the cue interrupts (after_content)",
    "cue then quote": "X said, “A.” (cue_then_content)",
    "cue then clause": "X said (that) A, with a clause-taking verb (cue_then_content)",
    "cue then object": "X told reporters A, with an object-taking verb (cue_then_content)",
    "coordinated clause": "X said that A, and that B: B (cue_then_content)",
    "colon lead-in": "X said: closing its sentence, the quote that follows is the content (cue_then_content)",
    "colon lead-in (subject)": "X made the following comment: with no speech verb (_colon_lead_in_subject)",
    # per quote no cue took (_RowBuilder._uncued_cue), in this order
    "dash attribution": "a pull quote signed with a dash: “A” ― X (_dash_cue)",
    "same sentence as cue": "“A,” X said, but “B”: B takes the cue of its sentence",
    "no cue": "a quote nobody is cued for (its speaker may be carried over)",
    # unmarked speech, after the quote-mark pass (with_unmarked_speech)
    "colon-introduced speech": "X said: followed by paragraphs of speech without marks (_colon_speech)",
    "readout form": "X expressed her hope that A (_readout_speech)",
    "dash-signed paragraph": "a paragraph followed by a paragraph that only signs it: ― X (_dash_signed)",
}
#: Every value of the ``speaker_rule`` column: how the speaker was resolved, in the order tried
#: (:class:`Resolver`, then the carry-over and fallbacks of :func:`extract_quotes_linked`).  The
#: speaker of a relative pronoun is ``"relative → " + rule`` of its antecedent; a speaker that
#: names no actor gets ``" (no actor)"`` appended (:func:`analysis.nlp.identity.link_speakers`).
SPEAKER_RULES: dict[str, str] = {
    "coordinated people": "she and Jane Doe said: the people of the mention speak together",
    "entity (…)": "an entity row overlapping the mention; … is the entity's how (name, surname, pronoun …)",
    "relative → …": "who said: the antecedent of the relative pronoun, resolved by these rules",
    "pronoun (person in focus)": "he/she: the person last in focus (PRONOUN_WINDOW)",
    "pronoun (people in focus)": "they: the two people last named (THEY_WINDOW)",
    "pronoun (unresolved)": "any other pronoun (we, I, it)",
    "group (people in focus)": "the duo: the two people last named (GROUP_WINDOW)",
    "group (members of an actor)": "a group noun of an actor (set by link_speakers)",
    "name (full name)": "a surname or title no entity covers: the full name used earlier",
    "name": "a capitalised phrase no entity covers, parsed as a person name",
    "noun phrase (apposition)": "a Swedish scientist, Jane Roe: the person named beside the phrase",
    "noun phrase (antecedent)": "the statement: the document the article introduced",
    "noun phrase (title of person)": "the Secretary: the person bearing that title",
    "noun phrase (organisation in focus)": "the ministry: the organisation named nearby",
    "noun phrase": "the phrase itself (officials, a joint statement)",
    "carried over (same quotation)": "“A,” X said. “B.”: B continues A, mention kept",
    "carried over": "an uncued quote takes the previous quote's speaker",
    "person of the sentence (no cue)": "an uncued quote with nobody to carry over: the person its sentence names",
    "paragraph label": "a quote in a paragraph opened by a speaker label",
    "introducer": "the speaker of an unmarked-speech row (X said:, readout, signature)",
}


def base_speaker_rule(rule: str) -> str:
    """The :data:`SPEAKER_RULES` entry a ``speaker_rule`` value comes from.

    >>> base_speaker_rule("entity (surname) (no actor)")
    'entity (…)'
    """
    rule = rule.removesuffix(" (no actor)")
    if rule.startswith("relative → "):
        return "relative → …"
    return "entity (…)" if rule.startswith("entity (") else rule


#: Prefixes composed with a rule of :data:`QUOTE_RULES` (see there).
RULE_PREFIXES = ("inside ", "participle ")


def base_rule(rule: str) -> str:
    """The :data:`QUOTE_RULES` entry a ``rule`` value comes from ("inside participle cue then clause"
    -> "cue then clause").

    >>> base_rule("inside participle cue then clause")
    'cue then clause'
    """
    for prefix in RULE_PREFIXES:
        rule = rule.removeprefix(prefix)
    return rule
