"""Fitting a linear score in numpy: a ranking (conditional logit) and a yes/no decision (logistic).

Decides nothing on a page: given feature matrices and labels it returns a
:class:`~.model.LinearModel`.  A ranking is fitted by maximising, over pages, the log-probability
that the softmax over a page's candidates and "none" puts on the right candidates (or on "none");
a yes/no decision by weighted logistic regression.  Both standardise the features, add an L2
penalty and run a fixed number of full-batch Adam steps from zero: no randomness, the same data
give the same weights.  Reads only its arguments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.read.layout.model import LinearModel

#: Full-batch Adam steps and step size; the L2 penalty on standardised weights.
STEPS, RATE, L2 = 1500, 0.05, 1.0


@dataclass
class Group:
    """One page's candidates for a ranking: features, which are right, whether "none" is right."""

    X: np.ndarray
    right: np.ndarray
    none_right: bool = False
    #: How much the page counts in the fit (1: a real page; less: a page made from one, see :mod:`.fit`).
    weight: float = 1.0


def _standardise(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = X.mean(axis=0) if len(X) else np.zeros(X.shape[1])
    scale = X.std(axis=0) if len(X) else np.ones(X.shape[1])
    scale = np.where(scale > 1e-9, scale, 1.0)
    return mean, scale


class _Adam:
    def __init__(self, size: int) -> None:
        self.m, self.v, self.t = np.zeros(size), np.zeros(size), 0

    def step(self, grad: np.ndarray) -> np.ndarray:
        self.t += 1
        self.m = 0.9 * self.m + 0.1 * grad
        self.v = 0.999 * self.v + 0.001 * grad * grad
        m_hat = self.m / (1 - 0.9**self.t)
        v_hat = self.v / (1 - 0.999**self.t)
        return RATE * m_hat / (np.sqrt(v_hat) + 1e-8)


def _project(theta: np.ndarray, signs: np.ndarray | None) -> np.ndarray:
    """Keep each weight on the side its feature's declared sign allows (+1: >= 0, -1: <= 0, 0: free)."""
    if signs is None:
        return theta
    d = len(signs)
    w = theta[:d]
    theta[:d] = np.where(signs > 0, np.maximum(w, 0.0), np.where(signs < 0, np.minimum(w, 0.0), w))
    return theta


def signs_of(names: Sequence[str], declared: dict[str, float]) -> np.ndarray:
    """The declared value of each feature (a sign, a prior weight; 0 where none is declared)."""
    return np.array([declared.get(n, 0) for n in names], dtype=float)


def fit_ranking(
    groups: Sequence[Group],
    names: Sequence[str],
    *,
    l2: float = L2,
    steps: int = STEPS,
    signs: np.ndarray | None = None,
    prior: np.ndarray | None = None,
    fixed: np.ndarray | None = None,
) -> LinearModel:
    """Fit the weights of a ranking with a "none" option (the model's ``bias`` is the score of "none").

    Pages whose right answer is neither a candidate nor "none" are left out.  ``signs`` (one per
    feature: +1, -1 or 0) keeps a weight on the side the feature's meaning gives it: what is known
    of a feature (a sentence is no headline) is not unlearned from a few pages.  ``prior`` (score
    points per unit of each feature, 0 for most) is where the L2 penalty pulls a weight: a page
    convention the fitting pages never show keeps the weight it is given, one they contradict
    loses it.  ``fixed`` (a boolean per feature) holds a weight at its prior: a convention of page
    copies the fitting pages do not hold at all (plain article text without page chrome).
    """
    groups = [g for g in groups if g.none_right or g.right.any()]
    d = len(names)
    X = np.vstack([g.X for g in groups if len(g.X)]) if any(len(g.X) for g in groups) else np.zeros((0, d))
    mean, scale = _standardise(X)
    Xs = (X - mean) / scale
    sizes = np.array([len(g.X) for g in groups])
    seg = np.repeat(np.arange(len(groups)), sizes)
    right = np.concatenate([g.right for g in groups]).astype(bool) if len(X) else np.zeros(0, bool)
    none_right = np.array([g.none_right for g in groups], dtype=bool)
    page_weight = np.array([g.weight for g in groups], dtype=float)
    target = np.zeros(d) if prior is None else np.asarray(prior, dtype=float) * scale
    theta = np.concatenate([target, [0.0]])  # weights, then the score of "none"
    opt = _Adam(d + 1)
    for _ in range(steps):
        grad = _ranking_gradient(theta, Xs, seg, right, none_right, page_weight)
        grad -= l2 * (theta - np.append(target, 0.0)) / max(page_weight.sum(), 1.0)  # "none" is pulled to 0 too
        theta = _project(theta + opt.step(grad), signs)
        if fixed is not None:
            theta[:d] = np.where(fixed, target, theta[:d])
    return LinearModel(tuple(names), theta[:d], mean, scale, float(theta[d]))


def _ranking_gradient(theta, Xs, seg, right, none_right, page_weight) -> np.ndarray:
    """The gradient of the weighted mean log-likelihood of the right answers, per page."""
    d, n_groups = Xs.shape[1], len(page_weight)
    s, b = Xs @ theta[:d], theta[d]
    top = np.full(n_groups, b)
    np.maximum.at(top, seg, s)
    e = np.exp(s - top[seg])
    e_none = np.exp(b - top)
    z = e_none + np.bincount(seg, weights=e, minlength=n_groups)
    z_right = none_right * e_none + np.bincount(seg, weights=e * right, minlength=n_groups)
    p, p_none = e / z[seg], e_none / z
    q, q_none = e * right / z_right[seg], none_right * e_none / z_right
    total = page_weight.sum()
    grad = np.empty(d + 1)
    grad[:d] = Xs.T @ ((q - p) * page_weight[seg]) / total
    grad[d] = ((q_none - p_none) * page_weight).sum() / total
    return grad


def fit_binary(
    X: np.ndarray,
    y: np.ndarray,
    names: Sequence[str],
    *,
    weight: np.ndarray | None = None,
    l2: float = L2,
    steps: int = STEPS,
    threshold: float = 0.5,
    signs: np.ndarray | None = None,
) -> LinearModel:
    """Fit a weighted logistic regression (``bias`` is its intercept; ``signs`` as for :func:`fit_ranking`)."""
    mean, scale = _standardise(X)
    Xs = (X - mean) / scale
    w = np.ones(len(y)) if weight is None else np.asarray(weight, dtype=float)
    w = w / w.sum()
    d = len(names)
    theta = np.zeros(d + 1)
    opt = _Adam(d + 1)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(Xs @ theta[:d] + theta[d])))
        r = w * (y - p)
        grad = np.concatenate([Xs.T @ r, [r.sum()]])
        grad[:d] -= l2 * theta[:d] / len(y)
        theta = _project(theta + opt.step(grad), signs)
    return LinearModel(tuple(names), theta[:d], mean, scale, float(theta[d]), threshold)
