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
import pyarrow as pa
from pandas.api.extensions import ExtensionArray


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
        {c: np.asarray(v, dtype=dtypes[c]) if c in dtypes else column(v) for c, v in columns.items()},
        copy=False,  # the columns are fresh lists and arrays
    )


#: The dtype pandas infers for a column of strings (``str``: Arrow-backed, NaN for missing values).
_STR_DTYPE = pd.Series(["x"]).dtype
_ARROW_STRINGS = getattr(_STR_DTYPE, "storage", None) == "pyarrow"


def column(values: Sequence) -> Sequence | ExtensionArray | np.ndarray:
    """Return ``values`` ready for a DataFrame column, with the dtype pandas would infer for them.

    A list of ``str`` becomes pandas' ``str`` array in one Arrow call (pandas would first check and
    copy the values one by one); an empty column is ``object``; anything else is left to pandas'
    inference.

    Examples
    --------
    >>> column(["ship", "sail"]).dtype == pd.Series(["ship", "sail"]).dtype
    True
    """
    if not len(values):
        return np.array([], dtype=object)
    if _ARROW_STRINGS and type(values) is list and all(type(v) is str for v in values):
        try:
            chunk = pa.array(values, type=pa.large_string())
        except (pa.ArrowException, UnicodeError):  # e.g. a lone surrogate: pandas decides
            return values
        return _STR_DTYPE.construct_array_type()(pa.chunked_array([chunk]), dtype=_STR_DTYPE)
    return values
