"""The entities table: the passes of the stage run in order over one article.

Decides nothing itself: it runs segmentation and typing per sentence (:mod:`.mentions`), the
acronym passes (:mod:`.acronyms`) and the linking passes (:mod:`.linking`) over the sentences'
tokens, and writes one row per mention with its stable ``actor_id``.  Reads the article text, its
sentences and their tokens.
"""

from __future__ import annotations

import pandas as pd

from analysis.extract.entities.acronyms import acronym_spans, spelled_acronyms, split_acronym_prefix
from analysis.extract.entities.lexicon import lexicon
from analysis.extract.entities.linking import display_names, resolve_actors
from analysis.extract.entities.mentions import Mention, mark_quoted, sentence_mentions, tokens_by_sentence
from analysis.extract.entities.runs import capital_evidence
from analysis.frames import frame
from analysis.nlp.identity import unify_ids

ENTITY_COLUMNS = ["mention_id", "sentence_id", "start", "end", "text", "actor_id", "actor", "actor_type", "how", "rule"]


def _doc_mentions(text: str, sentences: pd.DataFrame, tokens: pd.DataFrame) -> list[Mention]:
    lex = lexicon()
    by_sent = tokens_by_sentence(tokens)
    sids = sentences["sentence_id"].tolist()
    headings = frozenset(sentences.loc[sentences["kind"] == "heading", "sentence_id"]) if "kind" in sentences else frozenset()
    evidence = capital_evidence(by_sent, sids, headings)
    mentions: list[Mention] = []
    for sid in sids:
        if by_sent.get(sid):
            mentions += sentence_mentions(text, sid, by_sent[sid], evidence, lex)
    mark_quoted(text, mentions, by_sent)
    mentions = acronym_spans(text, mentions, by_sent)
    mentions = spelled_acronyms(text, mentions, by_sent)
    mentions = split_acronym_prefix(text, mentions, by_sent)
    return resolve_actors(text, mentions, by_sent, sids, lex)


def extract_entities(text: str, sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Return one row per entity mention in ``sentences``.

    Parameters
    ----------
    text : str
        The article text (offsets index into it).
    sentences : DataFrame
        The sentences to read (``sentence_id, start, end``), in text order.
    tokens : DataFrame
        Their tokens: ``sentence_id, start, end, text, pos``.

    Returns
    -------
    DataFrame
        ``mention_id, sentence_id, start, end, text, actor_id, actor, actor_type, how, rule``
        (``actor_id``: the stable slug of ``actor``, the key of the actors table).

    Examples
    --------
    >>> from analysis.nlp.tokens import tokenize
    >>> text = "Peruvian officials met Mr. Ian Smith in Lisbon, and he said OPEC would reply."
    >>> sents = pd.DataFrame({"sentence_id": [0], "start": [0], "end": [len(text)]})
    >>> ents = extract_entities(text, sents, tokenize(text, sents))
    >>> ents[["text", "actor", "actor_type", "how"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Peruvian', 'Peru', 'country', 'demonym'], ['Ian Smith', 'Ian Smith', 'person', 'name'],
     ['Lisbon', 'Lisbon', 'place', 'name'], ['he', 'Ian Smith', 'person', 'pronoun'],
     ['OPEC', 'OPEC', 'org', 'alias']]
    """
    if len(sentences) == 0 or len(tokens) == 0:
        return pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c in ("mention_id", "sentence_id", "start", "end") else "object")
                for c in ENTITY_COLUMNS
            }
        )
    mentions = _doc_mentions(text, sentences, tokens)
    display_names(mentions)
    ids = unify_ids([m.actor for m in mentions])
    return frame(
        {
            "mention_id": range(len(mentions)),
            "sentence_id": [m.sid for m in mentions],
            "start": [m.start for m in mentions],
            "end": [m.end for m in mentions],
            "text": [text[m.start : m.end] for m in mentions],
            "actor_id": [ids[m.actor][0] for m in mentions],
            "actor": [ids[m.actor][1] for m in mentions],
            "actor_type": [m.actor_type for m in mentions],
            "how": [m.how for m in mentions],
            "rule": [m.rule for m in mentions],
        },
        dict.fromkeys(("mention_id", "sentence_id", "start", "end"), "int64"),
    )
