"""Stable actor identities: ``actor_id`` slugs and the actors, aliases and quote-speaker tables."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

import pandas as pd

from analysis.frames import column, frame
from analysis.nlp import lexicons
from analysis.nlp.mention import How
from analysis.nlp.names import parse_person
from analysis.resources import first_names, nltk_stopwords, wordnet_lemmatizer


@functools.lru_cache(maxsize=1 << 16)
def slug(name: str) -> str:
    """A stable, readable identifier for a display name (lower case, ASCII, hyphens).

    >>> slug("Sigrid Øvergård"), slug("U.S. Department of Energy"), slug("Peru–Chile statement")
    ('sigrid-overgard', 'us-department-of-energy', 'peru-chile-statement')
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


def _mode(values: Counter) -> str:
    """The most frequent value, the first in sort order on a tie (as ``Series.mode().iloc[0]``)."""
    return min(values.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _entity_rows(entities: pd.DataFrame) -> dict[str, dict]:
    """Actor rows from the mentions, in one pass (per-group pandas calls cost more than extraction)."""
    cols = [entities[c].tolist() for c in ("actor", "actor_type", "sentence_id", "text")]
    hows = entities["how"].tolist() if "how" in entities.columns else [None] * len(entities)
    acc: dict[str, dict] = {}
    for aid, actor, atype, sid, text, how in zip(_ids(entities).tolist(), *cols, hows):
        a = acc.get(aid)
        if a is None:
            a = acc[aid] = {"actors": {}, "all_types": Counter(), "named_types": Counter(), "n": 0}
            a.update(first=sid, last=sid, aliases={}, names={})
        a["actors"][actor] = None
        a["all_types"][atype] += 1
        a["n"] += 1
        a["first"], a["last"] = min(a["first"], sid), max(a["last"], sid)
        a["aliases"][text] = None
        if how != How.PRONOUN:
            a["named_types"][atype] += 1
            a["names"][text] = None
    return {
        aid: {
            "actor_id": aid,
            "actor": max(a["actors"], key=len),
            "actor_type": _mode(a["named_types"] or a["all_types"]),
            "mentions": a["n"],
            "aliases": list(a["aliases"]),
            "first_sentence": int(a["first"]),
            "last_sentence": int(a["last"]),
            "names": list(a["names"]),
        }
        for aid, a in acc.items()
    }


def actors_table(
    entities: pd.DataFrame | None, quote_speakers: pd.DataFrame | None = None, extra: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per actor (see :func:`analysis.extract.entities.build_actors`)."""
    rows: dict[str, dict] = _entity_rows(entities) if entities is not None and len(entities) else {}
    if extra is not None:
        # read as column lists: iterating rows (itertuples) costs more than the rest of the table
        extra_cols = ("actor_id", "actor", "actor_type", "first_sentence", "last_sentence")
        for aid, actor, atype, first, last in zip(*(extra[c].tolist() for c in extra_cols)):
            if aid not in rows:
                rows[aid] = {
                    "actor_id": aid,
                    "actor": actor,
                    "actor_type": atype,
                    "mentions": 0,
                    "aliases": [],
                    "first_sentence": int(first),
                    "last_sentence": int(last),
                    "names": [],
                }
    counts: Counter = Counter()
    if quote_speakers is not None and len(quote_speakers) and "actor_id" in quote_speakers.columns:
        counts = Counter(quote_speakers["actor_id"].tolist())
    elif quote_speakers is not None and len(quote_speakers) and "speaker" in quote_speakers.columns:
        # a quotes table: each name of a "; "-joined speaker counts once
        counts = Counter(slug(n) for s in quote_speakers["speaker"] if isinstance(s, str) for n in set(s.split("; ")))
    # most mentions first, then first seen (a stable sort keeps insertion order on a tie)
    order = sorted(rows.values(), key=lambda r: (-r["mentions"], r["first_sentence"]))
    cols = {c: [r[c] for r in order] for c in ACTOR_COLUMNS if c != "quotes"}
    cols["quotes"] = [counts.get(a, 0) for a in cols["actor_id"]]
    ints = ("mentions", "quotes", "first_sentence", "last_sentence")
    return frame({c: cols[c] for c in ACTOR_COLUMNS}, dict.fromkeys(ints, "int64"))


def aliases_table(entities: pd.DataFrame | None) -> pd.DataFrame:
    """One row per (actor, surface form): ``actor_id, actor, form, mentions, how`` (how it mentions).

    The forms of an actor add up to its ``mentions``; pronouns are forms too.
    """
    if entities is None or len(entities) == 0:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "mentions" else object) for c in ALIAS_COLUMNS})
    acc: dict[tuple[str, str], list] = {}  # (actor_id, form) -> [actor, count, how counts], first seen first
    for aid, actor, text, how in zip(
        _ids(entities).tolist(), *(entities[c].tolist() for c in ("actor", "text", "how"))
    ):
        a = acc.setdefault((aid, text), [actor, 0, Counter()])
        a[1] += 1
        a[2][how] += 1
    order = {aid: k for k, aid in enumerate(dict.fromkeys(aid for aid, _ in acc))}
    keys = sorted(acc, key=lambda k: (order[k[0]], -acc[k][1]))
    return frame(
        {
            "actor_id": [k[0] for k in keys],
            "actor": [acc[k][0] for k in keys],
            "form": [k[1] for k in keys],
            "mentions": [acc[k][1] for k in keys],
            "how": [_mode(acc[k][2]) for k in keys],
        },
        {"mentions": "int64"},
    )


#: ``speaker_rule`` of a speaker whose members speak for an actor ("Chilean officials" → Chile).
MEMBERS_OF_ACTOR = "group (members of an actor)"
#: Appended to a ``speaker_rule`` whose speaker names no actor.
NO_ACTOR = " (no actor)"
#: How a quote row's speaker string was found (column ``speaks_as`` of the rows given to
#: :func:`link_speakers`): a name, a document the article introduced, a noun phrase, or otherwise.
SPEAKS_AS = AS_NAME, AS_DOCUMENT, AS_PHRASE, AS_OTHER = ("name", "document", "phrase", "other")


def _speaker_kind(name: str, speaks_as: str) -> str | None:
    """The actor type a speaker that no mention names stands for, or None when it names no actor.

    A document the article introduced ("the statement") is a ``document``; a plural role noun with a
    proper modifier ("Chilean officials") a ``group``; a capitalised name a ``person`` (a given
    name or title first) or an ``org``; a bare noun phrase ("officials", "the man") no actor.
    ``speaks_as`` is one of :data:`SPEAKS_AS`.
    """
    words = name.split()
    if not words:
        return None
    head = words[-1].lower()
    nouns = lexicons.speaker_nouns()
    if speaks_as == AS_DOCUMENT or nouns.get(head, ("",))[0] == "document" and speaks_as == AS_PHRASE:
        return "document"
    modified = any(w[:1].isupper() for w in words[:-1])
    if head in nouns and nouns[head][1] == "pl" and nouns[head][0] in ("person", "group", "org"):
        return "group" if modified else None
    if head in nouns and nouns[head][0] == "org" and modified:
        return "org"  # "the Chilean health ministry"
    if not all(w[:1].isupper() or w.lower() in ("of", "for", "and", "the", "&") for w in words):
        return None
    if len(words) == 1 and (head in nouns or head in lexicons.chrome_words() or _ordinary_word(head)):
        return None  # a role label ("HOST:"), a page word or an ordinary word ("That", "Attacks") names no one
    if speaks_as != AS_NAME and len(words) == 1:
        return None if head in nouns or head in lexicons.chrome_words() else "org"
    p = parse_person(name)
    return "person" if p.title or (p.given and p.given[0] in first_names()) else "org"


def _ordinary_word(low: str) -> bool:
    """A stop word or a word WordNet lists as a common noun or verb (as a lemma or inflected)."""
    lem = wordnet_lemmatizer()
    return low in nltk_stopwords() or any(lem.lemmatize(low, pos) in lem.lemmas[pos] for pos in ("n", "v"))


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


def link_speakers(quotes: pd.DataFrame | dict, coref) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Tie every quote speaker to an actor: ``(quotes, quote_speakers, speaking-only actors)``.

    Each name of a ``"; "``-joined speaker is looked up through the article's resolver (the
    actor's name, an alias, a surname); a speaker no mention names becomes an actor of its own when
    it is a document, a group or a name (see :func:`_speaker_kind`, which reads the rows'
    ``speaks_as``, dropped from the table); a bare noun phrase names no actor: ``speaker_ids`` stays
    empty and ``speaker_rule`` says ``no actor``.
    """
    q = quotes
    ids_col, names_col, rules = [], [], []
    qs_rows: list[tuple] = []
    extra: dict[str, dict] = {}
    known = {a: (slug(a), a, t) for a, t in coref.types.items()}
    speaks_as = q["speaks_as"] if "speaks_as" in q else [AS_OTHER] * len(q["quote_id"])
    for qid, sid, speaker, rule, how in zip(q["quote_id"], q["sentence_id"], q["speaker"], q["speaker_rule"], speaks_as):
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
                rule = MEMBERS_OF_ACTOR
            if actor in known:
                aid, display, typ = known[actor]
            else:
                typ = _speaker_kind(name, how)
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
        rules.append(rule + NO_ACTOR if not ids else rule)
    # the quotes table rebuilt once from its columns, speaker_ids right after speaker
    new = {"speaker": names_col, "speaker_ids": ids_col, "speaker_rule": rules}
    names = [c for c in (quotes.columns if isinstance(quotes, pd.DataFrame) else quotes) if c not in ("speaker_ids", "speaks_as")]
    names.insert(names.index("speaker") + 1, "speaker_ids")
    q = pd.DataFrame({c: column(new[c] if c in new else quotes[c]) for c in names}, copy=False)
    qs = frame(dict(zip(QUOTE_SPEAKER_COLUMNS, map(list, zip(*qs_rows)))) if qs_rows else dict.fromkeys(QUOTE_SPEAKER_COLUMNS, []),
               {"quote_id": "int64"})  # fmt: skip
    extra_cols = ["actor_id", "actor", "actor_type", "first_sentence", "last_sentence"]
    extra_df = frame({c: [r[c] for r in extra.values()] for c in extra_cols})
    return q, qs, extra_df


def align_actors(timeline: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Name the timeline's clause actors as the actors table does, and add their ``actor_ids`` (a list).

    The timeline also reads the title, captions and datelines with the same recogniser and resolver;
    a name that is an actor of the story takes the actors table's display name and id, a name found
    only there (a caption's people) keeps its own name and slug.
    """
    tl = timeline.copy()
    names, ids = aligned_actors(tl["actors"].tolist(), actors)
    tl["actors"] = names
    tl["actor_ids"] = pd.Series(ids, index=tl.index, dtype=object)
    return tl


def aligned_actors(cells: list, actors: pd.DataFrame) -> tuple[list[str], list[list[str]]]:
    """The names (``"; "``-joined) and ids of each cell's actors, as :func:`align_actors` gives them.

    >>> acts = pd.DataFrame({"actor_id": ["dana-korvel"], "actor": ["Dana Korvel"]})
    >>> aligned_actors(["Korvel; Dana Korvel; Harbour Board", ""], acts)
    (['Korvel; Dana Korvel; Harbour Board', ''], [['korvel', 'dana-korvel', 'harbour-board'], []])
    """
    by_id = dict(zip(actors["actor_id"].tolist(), actors["actor"].tolist()))
    ids, names = [], []
    for cell in cells:
        row: dict[str, str] = {}
        for name in cell.split("; ") if isinstance(cell, str) and cell else []:
            aid = slug(name)
            row.setdefault(aid, by_id.get(aid, name))
        ids.append(list(row))
        names.append("; ".join(row.values()))
    return names, ids
