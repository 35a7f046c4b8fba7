"""Stable actor identities: ``actor_id`` slugs and the actors, aliases and quote-speaker tables."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pandas as pd

from ..resources import first_names
from . import lexicons
from .names import parse_person


def slug(name: str) -> str:
    """A stable, readable identifier for a display name (lower case, ASCII, hyphens).

    >>> slug("Sigrid Øvergård"), slug("U.S. Department of Energy"), slug("NATO–Japan statement")
    ('sigrid-overgard', 'us-department-of-energy', 'nato-japan-statement')
    """
    text = unicodedata.normalize("NFKD", name.replace("ø", "o").replace("Ø", "O").replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<=\w)\.(?=\w)", "", text.lower()).replace("&", " and ")
    out = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return out or "actor-" + "-".join(f"{ord(c):x}" for c in name.strip()[:8])


ACTOR_COLUMNS = [
    "actor_id",
    "actor",
    "actor_type",
    "mentions",
    "quotes",
    "aliases",
    "first_sentence",
    "last_sentence",
    "names",
]
QUOTE_SPEAKER_COLUMNS = ["quote_id", "actor_id", "actor", "actor_type", "speaker_rule"]
ALIAS_COLUMNS = ["actor_id", "actor", "form", "mentions", "how"]


def unify_ids(actors: list[str]) -> dict[str, tuple[str, str]]:
    """Map each actor name to ``(actor_id, display name)``; names sharing a slug share the fullest name.

    >>> unify_ids(["US", "U.S.", "Japan"])["US"]
    ('us', 'U.S.')
    """
    by_id: dict[str, list[str]] = {}
    for a in dict.fromkeys(actors):
        by_id.setdefault(slug(a), []).append(a)
    out = {}
    for sid, names in by_id.items():
        best = max(names, key=lambda n: (len(n), n))
        for n in names:
            out[n] = (sid, best)
    return out


def _ids(entities: pd.DataFrame) -> pd.Series:
    if "actor_id" in entities.columns:
        return entities["actor_id"]
    return entities["actor"].map(slug)


def actors_table(
    entities: pd.DataFrame | None, quote_speakers: pd.DataFrame | None = None, extra: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per actor (see :func:`analysis.entities.build_actors`)."""
    rows: dict[str, dict] = {}
    if entities is not None and len(entities):
        ents = entities.assign(actor_id=_ids(entities))
        for aid, g in ents.groupby("actor_id", sort=False):
            named = g[g["how"] != "pronoun"] if "how" in g.columns else g
            types = (named if len(named) else g)["actor_type"]
            rows[aid] = {
                "actor_id": aid,
                "actor": max(dict.fromkeys(g["actor"]), key=len),
                "actor_type": types.mode().iloc[0],
                "mentions": len(g),
                "aliases": list(dict.fromkeys(g["text"])),
                "first_sentence": int(g["sentence_id"].min()),
                "last_sentence": int(g["sentence_id"].max()),
                "names": list(dict.fromkeys(named["text"])),
            }
    if extra is not None:
        for r in extra.itertuples(index=False):
            if r.actor_id not in rows:
                rows[r.actor_id] = {
                    "actor_id": r.actor_id,
                    "actor": r.actor,
                    "actor_type": r.actor_type,
                    "mentions": 0,
                    "aliases": [],
                    "first_sentence": int(r.first_sentence),
                    "last_sentence": int(r.last_sentence),
                    "names": [],
                }
    counts: Counter = Counter()
    if quote_speakers is not None and len(quote_speakers) and "actor_id" in quote_speakers.columns:
        counts = Counter(quote_speakers["actor_id"])
    elif quote_speakers is not None and len(quote_speakers) and "speaker" in quote_speakers.columns:
        # a quotes table: each name of a "; "-joined speaker counts once
        counts = Counter(slug(n) for s in quote_speakers["speaker"] if isinstance(s, str) for n in set(s.split("; ")))
    df = pd.DataFrame(list(rows.values()), columns=[c for c in ACTOR_COLUMNS if c != "quotes"])
    df["quotes"] = [counts.get(a, 0) for a in df["actor_id"]]
    df = df.sort_values(["mentions", "first_sentence"], ascending=[False, True], kind="stable")
    ints = ("mentions", "quotes", "first_sentence", "last_sentence")
    return df[ACTOR_COLUMNS].reset_index(drop=True).astype({c: "int64" for c in ints})


def aliases_table(entities: pd.DataFrame | None) -> pd.DataFrame:
    """One row per (actor, surface form): ``actor_id, actor, form, mentions, how`` (how it mentions).

    The forms of an actor add up to its ``mentions``; pronouns are forms too.
    """
    if entities is None or len(entities) == 0:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "mentions" else object) for c in ALIAS_COLUMNS})
    ents = entities.assign(actor_id=_ids(entities))
    g = ents.groupby(["actor_id", "text"], sort=False)
    df = g.agg(actor=("actor", "first"), mentions=("text", "size"), how=("how", lambda s: s.mode().iloc[0]))
    df = df.reset_index().rename(columns={"text": "form"})
    order = {a: k for k, a in enumerate(dict.fromkeys(ents["actor_id"]))}
    df = df.assign(_o=df["actor_id"].map(order)).sort_values(["_o", "mentions"], ascending=[True, False], kind="stable")
    return df[ALIAS_COLUMNS].reset_index(drop=True).astype({"mentions": "int64"})


def _speaker_kind(name: str, rule: str) -> str | None:
    """The actor type a speaker that no mention names stands for, or None when it names no actor.

    A document the article introduced ("the statement") is a ``document``; a plural role noun with a
    proper modifier ("Chilean officials") a ``group``; a capitalised name a ``person`` (a given
    name or title first) or an ``org``; a bare noun phrase ("officials", "the man") no actor.
    """
    words = name.split()
    if not words:
        return None
    head = words[-1].lower()
    nouns = lexicons.speaker_nouns()
    if "antecedent" in rule or nouns.get(head, ("",))[0] == "document" and rule.startswith("noun phrase"):
        return "document"
    modified = any(w[:1].isupper() for w in words[:-1])
    if head in nouns and nouns[head][1] == "pl" and nouns[head][0] in ("person", "group", "org"):
        return "group" if modified else None
    if head in nouns and nouns[head][0] == "org" and modified:
        return "org"  # "the Chilean health ministry"
    if not all(w[:1].isupper() or w.lower() in ("of", "for", "and", "the", "&") for w in words):
        return None
    if len(words) == 1 and (head in nouns or head in lexicons.chrome_words()):
        return None  # a role label ("HOST:") or a page word names no one
    if not rule.startswith(("name", "entity", "speaker label", "dash", "relative")) and len(words) == 1:
        return None if head in nouns or head in lexicons.chrome_words() else "org"
    p = parse_person(name)
    return "person" if p.title or (p.given and p.given[0] in first_names()) else "org"


def _group_of(name: str, coref) -> str | None:
    """"Chilean officials", "FDA scientists": the actor whose members speak (by their modifier)."""
    words = [w for w in name.split() if w.lower() not in ("the", "a", "an", "some", "two", "several")]
    if len(words) < 2:
        return None
    head = words[-1].lower()
    cls, number = lexicons.speaker_nouns().get(head, ("", ""))
    if number != "pl" or cls not in ("person", "group"):
        return None
    mods = [w for w in words[:-1] if w[:1].isupper()]
    if not mods:
        return None
    return coref.lookup(" ".join(mods)) or next((a for w in mods if (a := coref.lookup(w))), None)


def link_speakers(quotes: pd.DataFrame, coref) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Tie every quote speaker to an actor: ``(quotes, quote_speakers, speaking-only actors)``.

    Each name of a ``"; "``-joined speaker is looked up through the article's resolver (the
    actor's name, an alias, a surname); a speaker no mention names becomes an actor of its own when
    it is a document, a group or a name (see :func:`_speaker_kind`); a bare noun phrase names no
    actor: ``speaker_ids`` stays empty and ``speaker_rule`` says ``no actor``.
    """
    q = quotes.copy()
    ids_col, names_col, rules = [], [], []
    qs_rows: list[tuple] = []
    extra: dict[str, dict] = {}
    known = {a: (slug(a), a, t) for a, t in coref.types.items()}
    for qid, sid, speaker, rule in zip(q["quote_id"], q["sentence_id"], q["speaker"], q["speaker_rule"]):
        rule = rule if isinstance(rule, str) else ""
        if not isinstance(speaker, str) or not speaker:
            ids_col.append([])
            names_col.append(speaker)
            rules.append(rule or None)
            continue
        ids, names, unnamed = [], [], []
        for name in dict.fromkeys(speaker.split("; ")):
            actor = coref.lookup(name) or _group_of(name, coref)
            if actor and actor != coref.lookup(name):
                rule = "group (members of an actor)"
            if actor in known:
                aid, display, typ = known[actor]
            else:
                typ = _speaker_kind(name, rule)
                if typ is None:
                    unnamed.append(name)
                    continue
                aid, display = slug(name), name
                rec = extra.setdefault(aid, {"actor_id": aid, "actor": display, "actor_type": typ,
                                             "first_sentence": sid, "last_sentence": sid})
                rec["last_sentence"] = max(rec["last_sentence"], sid)
            if aid not in ids:
                ids.append(aid)
                names.append(display)
                qs_rows.append((qid, aid, display, typ, rule))
        ids_col.append(ids)
        names_col.append("; ".join(names) if names else "; ".join(unnamed))
        rules.append(rule + " (no actor)" if not ids else rule)
    q["speaker"] = names_col
    q["speaker_ids"] = ids_col
    q["speaker_rule"] = rules
    cols = list(q.columns)
    cols.insert(cols.index("speaker") + 1, cols.pop(cols.index("speaker_ids")))
    qs = pd.DataFrame(qs_rows, columns=QUOTE_SPEAKER_COLUMNS).astype({"quote_id": "int64"})
    extra_df = pd.DataFrame(list(extra.values()), columns=["actor_id", "actor", "actor_type", "first_sentence", "last_sentence"])
    return q[cols], qs, extra_df


def align_actors(timeline: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Name the timeline's clause actors as the actors table does, and add their ``actor_ids`` (a list).

    The timeline also reads the title, captions and datelines with the same recogniser and resolver;
    a name that is an actor of the story takes the actors table's display name and id, a name found
    only there (a caption's people) keeps its own name and slug.
    """
    by_id = dict(zip(actors["actor_id"], actors["actor"]))
    tl = timeline.copy()
    ids, names = [], []
    for cell in tl["actors"]:
        row: dict[str, str] = {}
        for name in cell.split("; ") if isinstance(cell, str) and cell else []:
            aid = slug(name)
            row.setdefault(aid, by_id.get(aid, name))
        ids.append(list(row))
        names.append("; ".join(row.values()))
    tl["actors"] = names
    tl["actor_ids"] = pd.Series(ids, index=tl.index, dtype=object)
    return tl
