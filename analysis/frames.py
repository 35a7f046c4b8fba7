"""Build a table once from its columns, numeric columns already in their final dtype.

pandas work per table is a fixed cost that, on a news article of a few hundred tokens, outweighs
the analysis itself: each ``astype``, ``sort_values`` or boolean filter copies every column (and
the text columns are Arrow strings).  The stages therefore collect plain Python lists, sort and
filter them in Python, and build each table once with :func:`frame`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from itertools import accumulate

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
    data = {
        c: np.asarray(v, dtype=dtypes[c]) if c in dtypes else column(v) if len(v) else np.array([], dtype=object)
        for c, v in columns.items()
    }
    arrays = list(data.values())
    if arrays and all(isinstance(a, _ARRAYS) and a.ndim == 1 for a in arrays):
        # every column already an array in its final dtype: pandas' checks and inference have nothing
        # to do (lengths are still checked), the same table from the arrays
        index = pd.RangeIndex(len(arrays[0]))
        from_arrays = getattr(pd.DataFrame, "_from_arrays", None)  # pandas' own constructor, not public API:
        if from_arrays is not None:  # a pandas without it takes the public path below
            return from_arrays(arrays, columns=_columns(tuple(data)).view(), index=index, verify_integrity=False)
    return pd.DataFrame(data, copy=False)  # the columns are fresh lists and arrays


_ARRAYS = (np.ndarray, ExtensionArray)


@functools.lru_cache(maxsize=256)
def _columns(names: tuple[str, ...]) -> pd.Index:
    """The column labels of a table, built once per set of names (each table takes a view of it:
    the same labels, its own name)."""
    return pd.Index(list(names))


#: The dtype pandas infers for a column of strings (``str``: Arrow-backed, NaN for missing values).
STR_DTYPE = pd.Series(["x"]).dtype
_ARROW_STRINGS = getattr(STR_DTYPE, "storage", None) == "pyarrow"


def column(values: Sequence) -> Sequence | ExtensionArray:
    """Return ``values`` ready for a DataFrame column, with the dtype pandas would infer for them.

    A list of ``str`` (``None`` for a missing value) becomes pandas' ``str`` array in one Arrow call
    (pandas would first check and copy the values one by one; without ``None``, the Arrow array is
    built from the strings' UTF-8 bytes); anything else is left to pandas' inference.

    Examples
    --------
    >>> column(["ship", "sail"]).dtype == pd.Series(["ship", "sail"]).dtype
    True
    """
    if _ARROW_STRINGS and type(values) is list and (types := _strings(values)):
        try:
            chunk = _large_strings(values) if types == _ONLY_STR else pa.array(values, type=pa.large_string())
        except (pa.ArrowException, UnicodeError):  # e.g. a lone surrogate: pandas decides
            return values
        return STR_DTYPE.construct_array_type()(pa.chunked_array([chunk]), dtype=STR_DTYPE)
    return values


_STR_OR_NONE = frozenset({str, type(None)})
_ONLY_STR = {str}


def _large_strings(values: list[str]) -> pa.LargeStringArray:
    """``pa.array(values, type=pa.large_string())`` for strings without ``None``, built from their
    UTF-8 bytes (one encoding of them all) and the offsets of each string's bytes.

    >>> _large_strings(["ship", "", "Café"]).equals(pa.array(["ship", "", "Café"], type=pa.large_string()))
    True
    """
    data = "".join(values).encode()
    ascii_only = len(data) == sum(map(len, values))  # a character is a byte only in ASCII
    lengths = list(map(len, values)) if ascii_only else [len(s.encode()) for s in values]
    offsets = np.fromiter(accumulate(lengths, initial=0), dtype=np.int64, count=len(values) + 1)
    return pa.LargeStringArray.from_buffers(len(values), pa.py_buffer(offsets), pa.py_buffer(data), null_count=0)


def _strings(values: list) -> set[type] | None:
    """The types of ``values`` when they are strings and ``None``s, at least one string (pandas infers
    ``str`` for them), else None."""
    types = set(map(type, values))  # exact types, as ``type(v) is str`` reads them
    return types if str in types and types <= _STR_OR_NONE else None


def nullable_ints(values: Sequence[int | None]) -> pd.arrays.IntegerArray:
    """Return ``values`` as pandas' nullable ``Int64`` array (``None`` missing), as
    ``pd.array(values, dtype="Int64")`` gives it, without its value-by-value checks.

    Examples
    --------
    >>> nullable_ints([3, None]).tolist()
    [3, <NA>]
    """
    mask = np.array([v is None for v in values], dtype=bool)
    return pd.arrays.IntegerArray(np.array([0 if v is None else v for v in values], dtype="int64"), mask)


def rows(table: pd.DataFrame, keep: Sequence[bool]) -> pd.DataFrame:
    """The rows of ``table`` where ``keep`` is true, index kept: ``table[keep]`` without pandas'
    boolean indexing (a shallow copy when every row is kept).

    Examples
    --------
    >>> rows(pd.DataFrame({"kind": ["title", "body"]}), [False, True])["kind"].tolist()
    ['body']
    """
    if all(keep):
        return table.copy(deep=False)  # copy-on-write: changing one leaves the other as it is
    return table.take(np.flatnonzero(np.asarray(keep, dtype=bool)))
