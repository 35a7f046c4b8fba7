"""Quotes with resolved speakers (placeholder until the quotes issue lands)."""

from __future__ import annotations

import pandas as pd

QUOTE_COLUMNS = [
    "quote_id",
    "sentence_id",
    "kind",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_text",
    "cue",
]


def extract_quotes(text: str, sentences: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Return the quotes table (columns only for now)."""
    return pd.DataFrame(columns=QUOTE_COLUMNS)
