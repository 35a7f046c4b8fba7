"""Tables built once from their columns (``analysis.frames``): the same table pandas would build."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.frames import column, frame, nullable_ints, rows


@pytest.mark.parametrize(
    "values",
    [
        ["harbour", "board", "Dana Korvel"],
        ["ferry", None, "port"],
        [None, None],
        ["quay", 3],
        [["a", "b"], ["c"]],
        ["\ud800 lone surrogate"],
        [1.5, float("nan")],
    ],
    ids=["strings", "with-none", "all-none", "mixed", "lists", "surrogate", "floats"],
)
def test_column_gives_the_dtype_and_values_pandas_infers(values):
    try:
        expected = pd.DataFrame({"x": values})
    except Exception as err:  # pandas refuses the values: so does a table of the column
        with pytest.raises(type(err)):
            pd.DataFrame({"x": column(values)})
        return
    pd.testing.assert_frame_equal(pd.DataFrame({"x": column(values)}), expected)


def test_frame_equals_the_dataframe_pandas_builds():
    cols = {"term": ["ship", "sail"], "count": [2, 1], "forms": [["ships"], ["sails", "sail"]], "note": [None, "x"]}
    built = frame(cols, {"count": "int64"})
    pd.testing.assert_frame_equal(built, pd.DataFrame(cols).astype({"count": "int64"}))
    assert frame({"term": []}).dtypes["term"] == np.dtype(object)


@pytest.mark.parametrize("keep", [[True, False, True], [True, True, True], [False, False, False]], ids=["some", "all", "none"])
def test_rows_equal_boolean_indexing_and_leave_the_table_alone(keep):
    table = pd.DataFrame({"kind": ["title", "body", "body"], "start": [0, 10, 20]}, index=[3, 4, 5])
    kept = rows(table, keep)
    pd.testing.assert_frame_equal(kept, table[keep])
    kept["start"] = -1
    assert table["start"].tolist() == [0, 10, 20]


def test_nullable_ints_equal_pandas_int64_array():
    values = [3, None, 7]
    pd.testing.assert_extension_array_equal(nullable_ints(values), pd.array(values, dtype="Int64"))


def test_frame_of_arrays_equals_pandas_and_keeps_its_own_labels():
    cols = {"berth": [3, 1], "ship": ["Northwind", "Harbour Board"]}
    expected = pd.DataFrame({"berth": np.asarray([3, 1], dtype="int64"), "ship": ["Northwind", "Harbour Board"]})
    one, other = frame(cols, {"berth": "int64"}), frame(cols, {"berth": "int64"})
    pd.testing.assert_frame_equal(one, expected)
    assert one.columns.dtype == expected.columns.dtype and isinstance(one.index, pd.RangeIndex)
    one.columns.name = "quay"  # the labels are shared, their names are not
    assert other.columns.name is None and list(other.columns) == ["berth", "ship"]
    with pytest.raises(ValueError):  # columns of different lengths are refused, as pandas does
        frame({"berth": [1, 2], "ship": ["Northwind"]}, {"berth": "int64"})
