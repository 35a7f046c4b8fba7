"""The shared linguistic layer: lexicons, names, identities and coreference.

Entities, quotes and the timeline all read people, organisations and references through this
sub-package, so a name is parsed, linked and identified one way everywhere:

* :mod:`.lexicons` — every word list the pipeline uses, one data file per concept, loaded once per
  process (titles, honorifics, name suffixes, months and weekdays, speech verbs, speaker nouns,
  page-chrome words);
* :mod:`.names` — person-name parsing (honorifics, titles and portfolios, initials, suffixes,
  family-name-first capitals, particles), acronyms and their expansions;
* :mod:`.case` — letter case as evidence: capitalised and all-capital words, headline case;
* :mod:`.mention` — the typed :class:`~analysis.nlp.mention.Mention` the entities stage hands to the
  resolver, the kinds of mention (``entities.how``) and the evidence a rule gives;
* :mod:`.focus` — who is in focus at a point of the article (one model, one set of windows);
* :mod:`.coref` — the one coreference resolver: surname ↔ full name, acronym ↔ expansion, pronoun
  and nominal → the actor in focus, groups and documents;
* :mod:`.identity` — stable actor identities (``actor_id`` slugs), the actors, aliases and
  quote-speaker tables;
* :mod:`.tense` — the tense of the clause around a stretch of a sentence (past, present, future),
  read from POS tags and future cues, for the timeline's partial dates.
"""

from analysis.nlp.identity import slug
from analysis.nlp.names import PersonName, parse_person

__all__ = ["PersonName", "parse_person", "slug"]
