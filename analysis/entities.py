"""Entity mentions and actors (placeholder until the entities issue lands)."""

from __future__ import annotations

import pandas as pd

ENTITY_COLUMNS = ["mention_id", "sentence_id", "start", "end", "text", "actor", "actor_type", "how"]
ACTOR_COLUMNS = ["actor", "actor_type", "mentions", "quotes"]


def extract_entities(text: str, sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Return one row per entity mention (columns only for now)."""
    return pd.DataFrame(columns=ENTITY_COLUMNS)


def build_actors(entities: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Return one row per actor (columns only for now)."""
    return pd.DataFrame(columns=ACTOR_COLUMNS)
