"""Temporal expressions normalised against the publication date (placeholder)."""

from __future__ import annotations

import pandas as pd

TIMELINE_COLUMNS = [
    "timex_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "type",
    "value",
    "date_start",
    "date_end",
    "event",
    "actors",
]


def extract_timeline(
    text: str, sentences: pd.DataFrame, *, published: str | None, entities: pd.DataFrame
) -> pd.DataFrame:
    """Return one row per temporal expression (columns only for now)."""
    return pd.DataFrame(columns=TIMELINE_COLUMNS)
