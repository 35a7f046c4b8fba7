"""Build a table once from its columns, numeric columns already in their final dtype.

pandas work per table is a fixed cost that, on a news article of a few hundred tokens, outweighs
the analysis itself: each ``astype``, ``sort_values`` or boolean filter copies every column (and
the text columns are Arrow strings).  The stages therefore collect plain Python lists, sort and
filter them in Python, and build each table once with :func:`frame`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def frame(columns: dict[str, Sequence], dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """Return a DataFrame of ``columns`` (in their order), converting those named in ``dtypes`` with numpy.

    Other columns take the dtype pandas infers from their values; an empty one is ``object``.

    Examples
    --------
    >>> df = frame({"term": ["ship", "sail"], "count": [2, 1]}, {"count": "int64"})
    >>> df.dtypes["count"], df["term"].tolist()
    (dtype('int64'), ['ship', 'sail'])
    """
    dtypes = dtypes or {}
    return pd.DataFrame(
        {
            c: np.asarray(v, dtype=dtypes[c]) if c in dtypes else v if len(v) else np.array([], dtype=object)
            for c, v in columns.items()
        },
        copy=False,  # the columns are fresh lists and arrays
    )
