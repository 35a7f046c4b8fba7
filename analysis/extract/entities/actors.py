"""The tables built from the mentions: actors and their co-occurrence.

Decides how mentions add up per actor (:func:`build_actors`, through
:func:`analysis.nlp.identity.actors_table`) and which actors share sentences (:func:`cooccurrence`).
Reads the entities table (and the quote speakers, for the quote counts).
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from analysis.frames import frame
from analysis.nlp.identity import actors_table

COOCCURRENCE_COLUMNS = ["actor_a", "actor_b", "sentences", "first_sentence", "last_sentence"]


def build_actors(
    entities: pd.DataFrame, quote_speakers: pd.DataFrame | None = None, extra: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return one row per actor with its mention and quote counts.

    Parameters
    ----------
    entities : DataFrame
        The mentions (:func:`extract_entities`).
    quote_speakers : DataFrame, optional
        One row per (quote, speaker) (:func:`analysis.nlp.identity.link_speakers`); each row counts
        one quote for its ``actor_id``, so a joint quote counts for each of its speakers.
    extra : DataFrame, optional
        Actors that only speak (``actor_id, actor, actor_type``): documents, groups, speakers the
        recogniser did not name elsewhere; they have no mention rows.

    Returns
    -------
    DataFrame
        ``actor_id, actor, actor_type, mentions, quotes, aliases, first_sentence, last_sentence,
        names``, most mentioned first (``aliases``: every surface form counted, pronouns included;
        ``names``: the same without pronouns).

    Examples
    --------
    >>> ents = pd.DataFrame({"sentence_id": [0, 1, 1], "text": ["Japan", "Japanese", "Tokyo"],
    ...     "actor": ["Japan", "Japan", "Tokyo"], "actor_type": ["country", "country", "place"],
    ...     "how": ["name", "demonym", "name"]})
    >>> qs = pd.DataFrame({"quote_id": [0], "actor_id": ["tokyo"], "actor": ["Tokyo"]})
    >>> build_actors(ents, qs)[["actor_id", "mentions", "quotes", "aliases"]].values.tolist()
    [['japan', 2, 0, ['Japan', 'Japanese']], ['tokyo', 1, 1, ['Tokyo']]]
    """
    return actors_table(entities, quote_speakers, extra)


def cooccurrence(entities: pd.DataFrame) -> pd.DataFrame:
    """Return actor pairs that appear in the same sentence, with the number of such sentences.

    Parameters
    ----------
    entities : DataFrame
        The mentions (``sentence_id, actor``).

    Returns
    -------
    DataFrame
        ``actor_a, actor_b, sentences, first_sentence, last_sentence`` (``actor_a < actor_b``),
        most frequent pairs first.

    Examples
    --------
    >>> ents = pd.DataFrame({"sentence_id": [0, 0, 1, 1, 1], "actor": ["A", "B", "B", "A", "C"]})
    >>> cooccurrence(ents)[["actor_a", "actor_b", "sentences"]].values.tolist()
    [['A', 'B', 2], ['A', 'C', 1], ['B', 'C', 1]]
    """
    pairs: dict[tuple[str, str], list[int]] = {}
    if entities is not None and len(entities):
        by_sentence: dict[int, set] = defaultdict(set)
        for sid, actor in zip(entities["sentence_id"].tolist(), entities["actor"].tolist()):
            by_sentence[sid].add(actor)
        for sid in sorted(by_sentence):
            acts = sorted(by_sentence[sid])
            for x in range(len(acts)):
                for y in range(x + 1, len(acts)):
                    rec = pairs.setdefault((acts[x], acts[y]), [0, int(sid), int(sid)])
                    rec[0] += 1
                    rec[2] = int(sid)
    rows = sorted(((a, b, *rec) for (a, b), rec in pairs.items()), key=lambda r: (-r[2], r[0], r[1]))
    return frame(
        {c: [r[k] for r in rows] for k, c in enumerate(COOCCURRENCE_COLUMNS)},
        {"sentences": "int64", "first_sentence": "int64", "last_sentence": "int64"},
    )
