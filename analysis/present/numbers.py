"""Numbers as a person reads them: one formatter for every report, card and notebook display.

- counts: thousands separators (``12,345``);
- shares (a column of :data:`SHARE_COLUMNS`, 0–1): percentages (``17.7%``);
- statistics (any other float): three significant digits (``13.3``, ``0.177``, ``1,235``), very
  small values in scientific notation (``2.4e-07``);
- identifiers (``*_id`` columns, ``segment``, ``rank``): as they are.

The tables themselves keep full precision: the CSV and Parquet exports write the raw values.
:func:`format_frame` turns a table into the strings a report shows; :class:`ReadableFrame` is a
DataFrame that displays itself in a notebook through a pandas ``Styler`` with the same formatting
(``corpus.actor_share()``), while its values, ``to_csv`` and every operation on it stay full precision.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

#: Columns holding shares or proportions (0–1), shown as percentages.
SHARE_COLUMNS = frozenset({"share", "similarity", "rel_freq"})
#: Integer columns that name or order things rather than count them: shown without separators.
PLAIN_COLUMNS = frozenset({"segment", "rank", "n", "sentence", "year"})
#: Significant digits of a statistic.
SIGNIFICANT = 3
#: Most rows a :class:`ReadableFrame` styles in a notebook (head and tail beyond it).
DISPLAY_ROWS = 60


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, list | tuple | dict | np.ndarray) and bool(pd.isna(value)))


def format_count(value: Any) -> str:
    """Return a count with thousands separators.

    Examples
    --------
    >>> format_count(1234567), format_count(3.0), format_count(None)
    ('1,234,567', '3', '')
    """
    if _missing(value):
        return ""
    return f"{int(round(float(value))):,}"


def format_share(value: Any) -> str:
    """Return a share (0–1) as a percentage: one decimal, none from 99.95 %, ``<0.1%`` when tiny.

    Examples
    --------
    >>> format_share(0.1774193548387097), format_share(1.0), format_share(0.0004), format_share(0)
    ('17.7%', '100%', '<0.1%', '0%')
    """
    if _missing(value):
        return ""
    pct = float(value) * 100
    if pct == 0:
        return "0%"
    if 0 < abs(pct) < 0.05:
        return "<0.1%"
    return f"{pct:.0f}%" if abs(pct) >= 99.95 else f"{pct:.1f}%"


def format_stat(value: Any, digits: int = SIGNIFICANT) -> str:
    """Return a statistic with ``digits`` significant digits (thousands separated, no trailing zeros;
    whole numbers as counts).

    Examples
    --------
    >>> [format_stat(v) for v in (13.264483565824511, 0.17741935, 1234.5678, -2.5e-7, 2.0, float("inf"))]
    ['13.3', '0.177', '1,235', '-2.5e-07', '2', 'inf']
    """
    if _missing(value):
        return ""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    v = float(value)
    if not math.isfinite(v):
        return str(v)
    if v == 0 or float(v).is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    magnitude = math.floor(math.log10(abs(v)))
    if magnitude < -3:
        return f"{v:.{digits - 2}e}" if digits > 2 else f"{v:.0e}"
    decimals = max(0, digits - 1 - magnitude)
    text = f"{v:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def formatter(column: str, dtype: Any) -> Callable[[Any], str] | None:
    """Return the formatter of a column (None: shown as it is), from its name and dtype.

    Examples
    --------
    >>> formatter("share", "float64")(0.5), formatter("mentions", "int64")(1200), formatter("quote_id", "int64")
    ('50.0%', '1,200', None)
    """
    name = str(column)
    if name.endswith("_id") or name in PLAIN_COLUMNS:
        return None
    if name in SHARE_COLUMNS and pd.api.types.is_numeric_dtype(dtype):
        return format_share
    if pd.api.types.is_bool_dtype(dtype):
        return None
    if pd.api.types.is_integer_dtype(dtype):
        return format_count
    if pd.api.types.is_float_dtype(dtype):
        return format_stat
    return None


def format_value(value: Any) -> str:
    """Return one value as a report shows it when its column says nothing (floats as statistics).

    Examples
    --------
    >>> format_value(1234), format_value(2.0966), format_value("Korvel")
    ('1,234', '2.1', 'Korvel')
    """
    if isinstance(value, bool | np.bool_):
        return str(value)
    if isinstance(value, int | np.integer):
        return format_count(value)
    if isinstance(value, float | np.floating):
        return format_stat(value)
    return "" if _missing(value) else str(value)


def format_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with every numeric column replaced by its formatted strings (for HTML tables).

    Examples
    --------
    >>> format_frame(pd.DataFrame({"actor": ["A"], "mentions": [1500], "share": [0.25]})).values.tolist()
    [['A', '1,500', '25.0%']]
    """
    out = {}
    for col in df.columns:
        fmt = formatter(col, df[col].dtype)
        out[col] = df[col].map(fmt) if fmt is not None else df[col]
    return pd.DataFrame(out, index=df.index)


def styled(df: pd.DataFrame):
    """Return a pandas ``Styler`` of ``df`` showing its numbers as :func:`format_frame` does."""
    fmts = {c: f for c in df.columns if (f := formatter(c, df[c].dtype)) is not None}
    return df.style.format(fmts, na_rep="").hide(axis="index")


class ReadableFrame(pd.DataFrame):
    """A DataFrame that a notebook shows with readable numbers (percent shares, rounded statistics).

    Only the display changes: values, ``to_csv``, ``to_parquet`` and every operation keep full
    precision (an operation returns a plain DataFrame).

    Examples
    --------
    >>> df = ReadableFrame(pd.DataFrame({"actor": ["A", "B"], "share": [0.1774193548387097, 0.8225806451612903]}))
    >>> "17.7%" in df._repr_html_(), df["share"].iloc[0]
    (True, np.float64(0.1774193548387097))
    """

    @property
    def _constructor(self):
        return pd.DataFrame

    def _repr_html_(self) -> str:
        shown = self if len(self) <= DISPLAY_ROWS else pd.concat([self.head(DISPLAY_ROWS // 2), self.tail(DISPLAY_ROWS // 2)])
        note = f"<p>{len(self):,} rows × {len(self.columns)} columns (showing the first and last {DISPLAY_ROWS // 2})</p>"
        return styled(pd.DataFrame(shown)).to_html() + (note if len(self) > DISPLAY_ROWS else "")
