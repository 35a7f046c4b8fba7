"""Quotes with resolved speakers: direct, partial and indirect speech (one module per concern).

The extractor works paragraph by paragraph and is linear in the text length:

1. **Quote marks are paired within each paragraph** (:func:`pair_quote_marks`): curly, straight and
   doubled marks mixed, single quotes nested inside double ones ignored, apostrophes inside words
   (``it’s``, ``Japan’s``) skipped.  A paragraph whose quote never closes runs to the paragraph end
   (the news convention for multi-paragraph quotes), so an odd number of marks never shifts the
   pairing of later paragraphs.
2. **Cues are found outside quotes**: the quoted text is masked and the reporting-verb lexicon
   (``data/speech_verbs.tsv``, every inflection) and "according to" are searched in each sentence.
3. **Each cue gets a speaker mention and a content**: the noun phrase before the verb (skipping
   adverbs and auxiliaries, appositions, a coordinated verb phrase's subject), the phrase after an
   inverted verb ("said Smith"), the phrase after "according to"; the content is the quote next to
   the cue (*direct*), the clause after or before the cue (*indirect*) and the quoted words inside
   that clause (*partial*).  News conventions get their own rules: a transcript or interview label
   opening a paragraph ("SMITH: …"), a pull quote signed with a dash ("“…” ― Jane Doe"), a cue
   closing its sentence with a colon ("He said:") whose quote opens the next sentence or paragraph,
   a short cue sentence split off after a quoted question ("“Why?” Smith said.").  A quote with no
   cue of its own takes the speaker of a cue in its sentence ("“A,” he said, but “B”"), or the
   previous quote's speaker (``carried over``; the mention is kept only when the quote continues the
   same report in the same paragraph).
4. **Speakers are resolved** to canonical actors: the ``entities`` table first (an entity row
   overlapping the mention gives its ``actor``), then the module's own fallback: a surname to the
   longest earlier full name ending with it, a pronoun to the person last in focus, "the statement" to
   the document the article introduced ("a joint statement"), "the duo"/"they" to the people last in
   focus.

Every row keeps its provenance: ``rule`` names the extraction pattern, ``speaker_rule`` the
resolution, ``mark_rule`` how the quote marks were paired.

**Interrupted quotations** stay contiguous rows (``text == text[start:end]``, never spanning the cue)
and are tied together by ``quotation_id``, the ``quote_id`` of their first fragment: "“A,” X said.
“B.”" (a direct quote whose cue follows it, continued by an uncued quote opening right after the cue
in the same paragraph, with no other quotation between) and "A, X said, B" (rule ``clause around
cue``).  PolNeAR annotates such a quotation as one discontinuous content; every other row is its own
quotation (``quotation_id == quote_id``).  A reported clause ends where the clause of a later cue of
the sentence begins ("X said A, though she acknowledged B").

The modules, in the order the text flows through them: :mod:`.marks` (quote-mark pairing),
:mod:`.lexicon` (reporting verbs and function words), :mod:`.phrases` (tokens and speaker noun
phrases), :mod:`.cues` and :mod:`.content` (a sentence's cues, speakers and contents), :mod:`.rows`
(the rows of a paragraph), :mod:`.speakers` (speaker resolution), :mod:`.unmarked` (speech without
quote marks), :mod:`.table` (the quotes table), :mod:`.kinds` (the rule classes) and :mod:`.rules` (every rule, in
order).
"""

from analysis.extract.quotes.kinds import RULE_PREFIXES
from analysis.extract.quotes.marks import QuoteSpan, pair_quote_marks
from analysis.extract.quotes.rules import MARK_RULES, QUOTE_RULES, SPEAKER_RULES, base_rule, base_speaker_rule
from analysis.extract.quotes.table import EXTRA_COLUMNS, QUOTE_COLUMNS, extract_quotes, extract_quotes_linked
from analysis.nlp.focus import GROUP_WINDOW, PRONOUN_WINDOW, THEY_WINDOW

__all__ = [
    "EXTRA_COLUMNS",
    "GROUP_WINDOW",
    "MARK_RULES",
    "PRONOUN_WINDOW",
    "QUOTE_COLUMNS",
    "QUOTE_RULES",
    "RULE_PREFIXES",
    "SPEAKER_RULES",
    "THEY_WINDOW",
    "QuoteSpan",
    "base_rule",
    "base_speaker_rule",
    "extract_quotes",
    "extract_quotes_linked",
    "pair_quote_marks",
]
