"""The fitted weights of the layout's decisions, and how a decision scores its candidates.

Decides nothing itself: it loads ``data/layout_weights.json`` (written by
:mod:`analysis.read.layout.fit`, with the data, date and command that produced it) into one
:class:`LinearModel` per decision (title, date, byline, story) and scores feature matrices with
them.  A ranking decision (which line is the title) compares its candidates' scores with the
model's ``bias``, the score of "none of them"; a yes/no decision (is this block story) reads the
logistic probability.  Reads the weights file.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.resources import data_file

#: The weights file, in ``analysis/data``.
WEIGHTS_FILE = "layout_weights.json"


@dataclass(frozen=True)
class LinearModel:
    """A linear score over named features, standardised by the training data's mean and scale.

    ``bias`` is the score of the "none" candidate for a ranking, the intercept for a yes/no
    decision; ``threshold`` is the probability above which a yes/no decision says yes.
    """

    features: tuple[str, ...]
    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    bias: float = 0.0
    threshold: float = 0.5

    def scores(self, X: np.ndarray) -> np.ndarray:
        """The linear score of each row of ``X`` (columns in the order of :attr:`features`)."""
        if len(X) == 0:
            return np.zeros(0)
        return ((X - self.mean) / self.scale) @ self.weights

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        """The logistic probability of "yes" for each row of ``X``."""
        return 1.0 / (1.0 + np.exp(-(self.scores(X) + self.bias)))

    def check(self, names: Sequence[str], what: str) -> None:
        """Raise when the code's feature names are not the ones the weights were fitted on."""
        if tuple(names) != self.features:
            raise ValueError(
                f"{WEIGHTS_FILE}: the {what} weights were fitted on other features; "
                "refit them with `python -m analysis.read.layout.fit`"
            )

    def to_json(self) -> dict:
        """The model as the weights file stores it."""
        return {
            "features": list(self.features),
            "weights": [round(float(x), 6) for x in self.weights],
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "bias": round(float(self.bias), 6),
            "threshold": round(float(self.threshold), 6),
        }

    @classmethod
    def from_json(cls, d: dict) -> LinearModel:
        """Rebuild a model stored by :meth:`to_json`."""
        return cls(
            tuple(d["features"]),
            np.asarray(d["weights"], dtype=float),
            np.asarray(d["mean"], dtype=float),
            np.asarray(d["scale"], dtype=float),
            float(d.get("bias", 0.0)),
            float(d.get("threshold", 0.5)),
        )


@dataclass(frozen=True)
class Models:
    """The fitted models of a page reading, by decision; a missing one leaves the decision to hand rules."""

    title: LinearModel | None = None
    date: LinearModel | None = None
    byline: LinearModel | None = None
    story: LinearModel | None = None

    @classmethod
    def from_json(cls, d: dict) -> Models:
        """Read the ``models`` section of the weights file."""
        return cls(**{k: LinearModel.from_json(v) for k, v in d.items() if k in cls.__dataclass_fields__})

    def to_json(self) -> dict:
        """The ``models`` section of the weights file."""
        return {k: getattr(self, k).to_json() for k in self.__dataclass_fields__ if getattr(self, k) is not None}


@functools.cache
def shipped_models() -> Models:
    """The models of ``data/layout_weights.json`` (none when the file is absent)."""
    path = data_file(WEIGHTS_FILE)
    if not path.exists():
        return Models()
    return Models.from_json(json.loads(path.read_text(encoding="utf-8"))["models"])


def weights_provenance() -> dict:
    """The data, date and command the shipped weights were fitted with."""
    path = data_file(WEIGHTS_FILE)
    return json.loads(path.read_text(encoding="utf-8")).get("provenance", {}) if path.exists() else {}


def best_two(scores: np.ndarray) -> tuple[int | None, int | None]:
    """The positions of the highest and second-highest score (ties: the earlier)."""
    if len(scores) == 0:
        return None, None
    order = np.argsort(-scores, kind="stable")
    return int(order[0]), int(order[1]) if len(order) > 1 else None
