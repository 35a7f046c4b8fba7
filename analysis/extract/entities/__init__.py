"""Entity mentions, actors and their co-occurrence.

Mentions are found from the text's own evidence, in one left-to-right pass per sentence
(:mod:`.runs`, :mod:`.mentions`):

1. *lexicon* matches (longest first): countries with their aliases and demonyms, places,
   organisations with their acronyms, named events (``analysis/data/*.tsv`` plus NLTK's
   ``gazetteers`` corpus; :mod:`.lexicon`);
2. *titles* ("Prime Minister", "Mr.") which split a capitalised run into the modifier before them
   and the name after them ("German | Chancellor | Olaf Scholz");
3. *name runs*: capitalised tokens (proper nouns for the tagger, or any capitalised word after the
   first of a sentence), joined by particles ("van", "de") and by "of" after a word such as "Bank";
4. *nominals* ("the alliance") that the lexicon ties to an organisation the article names;
5. third-person *pronouns* (he, him, his, she, her) resolved to the person in focus.

Each run is typed by the first rule of ``RUN_TYPING_RULES`` that applies (:mod:`.run_types`): its
cue words, the context, WordNet's named instances, first names, and by what the same article says
elsewhere.  An ordinary word that opens a sentence, or stands in an all-capital headline, is no
name without other evidence; a dateline's dash ("VARNWICK (Tidewire) - Police said") starts the
sentence again.  Mentions of one thing share one canonical ``actor`` (:mod:`.acronyms`,
:mod:`.linking` and the shared resolver :mod:`analysis.nlp.coref`): full name ↔ surname, acronym ↔
expansion, alias ↔ name, demonym ↔ country.  Each row's ``how`` says which kind of mention it is and
``rule`` which piece of evidence typed or linked it (:func:`entity_rules` lists every value).

The modules, in the order the stage runs them: :mod:`.lexicon` (what is known before reading),
:mod:`.runs` (where the names are), :mod:`.run_types` (what a run names), :mod:`.mentions` (the typed
mentions of a sentence), :mod:`.acronyms`, :mod:`.linking` (which actor), :mod:`.pipeline` (the
table), :mod:`.actors` (the tables built from it).
"""

from analysis.extract.entities.actors import COOCCURRENCE_COLUMNS, build_actors, cooccurrence
from analysis.extract.entities.lexicon import lexicon, read_wordnet_names, wordnet_names
from analysis.extract.entities.linking import LINK_RULES, entity_rules
from analysis.extract.entities.pipeline import ENTITY_COLUMNS, extract_entities
from analysis.extract.entities.run_types import RUN_TYPING_RULES
from analysis.nlp.identity import ACTOR_COLUMNS

__all__ = [
    "ACTOR_COLUMNS",
    "COOCCURRENCE_COLUMNS",
    "ENTITY_COLUMNS",
    "LINK_RULES",
    "RUN_TYPING_RULES",
    "build_actors",
    "cooccurrence",
    "entity_rules",
    "extract_entities",
    "lexicon",
    "read_wordnet_names",
    "wordnet_names",
]
