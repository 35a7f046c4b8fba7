"""Term frequencies (placeholder until the terms issue lands)."""

from __future__ import annotations

import pandas as pd

TERM_COLUMNS = ["term", "count"]


def term_table(tokens: pd.DataFrame, **options) -> pd.DataFrame:
    """Return term counts (columns only for now)."""
    return pd.DataFrame(columns=TERM_COLUMNS)
