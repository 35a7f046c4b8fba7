"""Rewriting the corpus tables with the corpus actors: ids, display names, lists and joined names.

It decides which columns of which tables name an actor (:data:`ACTOR_TABLES`) and how each is
rewritten (an id to the corpus id, the article's kept beside it; a name to the corpus display name;
lists and "; "-joined names item by item).  It reads the ``actor_links`` and ``identities`` tables
of :func:`~analysis.extract.identities.engine.link_actors` and the corpus tables it rewrites.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Tables whose actor columns :func:`apply_links` rewrites.
ACTOR_TABLES = ("entities", "actors", "quote_speakers", "aliases", "quotes", "cooccurrence", "timeline")


@dataclass(frozen=True)
class IdentityMap:
    """What :func:`apply_links` needs: article actor -> corpus id, corpus id -> display name, and
    (article, article display name) -> corpus display name."""

    ids: dict[tuple[str, str], str]
    names: dict[str, str]
    by_name: dict[tuple[str, str], str]

    @classmethod
    def build(cls, links: pd.DataFrame, identities: pd.DataFrame, actors: pd.DataFrame) -> IdentityMap:
        """Build the maps from ``corpus.actor_links``, ``corpus.identities`` and the article-level actors."""
        ids = dict(zip(zip(links["article_id"], links["article_actor_id"]), links["actor_id"]))
        names = dict(zip(identities["actor_id"], identities["actor"]))
        by_name = {
            (a, name): names[ids[(a, aid)]]
            for a, aid, name in zip(actors["article_id"], actors["actor_id"], actors["actor"])
            if (a, aid) in ids
        }
        return cls(ids, names, by_name)

    def actor_id(self, article_id: str, actor_id: str) -> str:
        return self.ids.get((article_id, actor_id), actor_id)

    def name(self, article_id: str, name: str) -> str:
        return self.by_name.get((article_id, name), name)


def _id_list(m: IdentityMap, article_id: str, values) -> np.ndarray:
    if values is None or (not isinstance(values, list | tuple | np.ndarray) and pd.isna(values)):
        return values
    return np.array(list(dict.fromkeys(m.actor_id(article_id, str(v)) for v in values)), dtype=object)


def _joined_names(m: IdentityMap, article_id: str, value) -> str | None:
    if not isinstance(value, str) or not value:
        return value
    return "; ".join(dict.fromkeys(m.name(article_id, part.strip()) for part in value.split(";") if part.strip()))


def apply_links(name: str, df: pd.DataFrame, m: IdentityMap) -> pd.DataFrame:
    """Return corpus table ``name`` with corpus actor ids and display names.

    ``actor_id`` becomes the corpus id and the article's id moves to ``article_actor_id`` (next to
    it); ``actor`` becomes the corpus display name (``actors`` keeps the article's as
    ``article_actor``); ``speaker_ids``/``actor_ids`` lists and ``speaker``/``actors``/``actor_a``/
    ``actor_b`` names follow.  Tables without actors come back unchanged.
    """
    if name not in ACTOR_TABLES or not len(df) or "article_id" not in df.columns:
        return df
    arts = df["article_id"].astype(str).tolist()
    out = df.copy()
    if "actor_id" in df.columns:
        old = df["actor_id"].astype(str).tolist()
        new = [m.actor_id(a, i) for a, i in zip(arts, old)]
        at = out.columns.get_loc("actor_id")
        out["actor_id"] = pd.array(new, dtype="str")
        out.insert(at + 1, "article_actor_id", pd.array(old, dtype="str"))
        if "actor" in df.columns:
            if name == "actors":
                out.insert(out.columns.get_loc("actor") + 1, "article_actor", df["actor"])
            out["actor"] = [m.names.get(i, n) for i, n in zip(new, df["actor"].tolist())]
    for col in ("speaker_ids", "actor_ids"):
        if col in df.columns:
            out[col] = [_id_list(m, a, v) for a, v in zip(arts, df[col].tolist())]
    for col in ("speaker", "actors", "actor_a", "actor_b"):
        if col in df.columns:
            out[col] = [_joined_names(m, a, v) for a, v in zip(arts, df[col].tolist())]
    return out
