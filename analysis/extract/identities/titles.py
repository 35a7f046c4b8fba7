"""The titles an article gives its persons ("Mayor", "Deputy Prime Minister"), read where the text is.

It decides which words before a person's name are a title (the longest run of up to four words
listed in ``titles.txt``, within :data:`TITLE_LOOKBACK` characters) and when a mention is a title
alone ("the Harbour Master").  It reads an article's text and its ``entities`` table, and the
``titles.txt`` lexicon; :func:`person_titles` runs on the workers, so the corpus linking reads the
titles without reading the texts again.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from analysis.frames import frame
from analysis.nlp import lexicons
from analysis.nlp.mention import How

#: Characters of text before a person's mention searched for a title ("Deputy Prime Minister Dana Korvel").
TITLE_LOOKBACK = 60
#: Columns of ``corpus.actor_titles``: the titles each article gives its persons.
TITLE_COLUMNS = ["actor_id", "title"]
_WORDS = re.compile(r"[A-Za-z][\w.'’-]*")


@cache
def role_titles() -> frozenset[str]:
    """The titles and roles of ``titles.txt`` (lower case, hyphens as spaces); courtesy forms such
    as "Mr." are not roles and are left out.

    Examples
    --------
    >>> "mayor" in role_titles(), "mr." in role_titles()
    (True, False)
    """
    return frozenset(_title_key(t) for t in lexicons.role_titles())


def _title_key(words: str) -> str:
    return " ".join(words.replace("-", " ").lower().split())


def title_before(text: str, start: int) -> str | None:
    """Return the title written right before ``text[start:]`` (lower case), or None.

    Examples
    --------
    >>> title_before("On Monday Deputy Prime Minister Dana Korvel said", 32), title_before("Dana Korvel said", 0)
    ('deputy prime minister', None)
    """
    words = _WORDS.findall(text[max(0, start - TITLE_LOOKBACK) : start])
    roles = role_titles()
    for n in (4, 3, 2, 1):
        tail = _title_key(" ".join(words[-n:]))
        if len(words) >= n and tail in roles:
            return tail
    return None


def title_of_form(form: str) -> str | None:
    """Return the title a mention is alone ("the Mayor" → "mayor"), or None.

    Examples
    --------
    >>> title_of_form("the Chief Executive"), title_of_form("Dana Korvel")
    ('chief executive', None)
    """
    key = _title_key(re.sub(r"^(?:the|The)\s+", "", form))
    return key if key in role_titles() else None


def person_titles(text: str, entities: pd.DataFrame) -> pd.DataFrame:
    """Return the titles an article gives each person: ``actor_id, title`` (distinct, lower case).

    A title counts when it is written right before a name (:func:`title_before`) or when a mention
    is a title alone (entities ``how == "title"``).  Run on the workers, where the text is, so the
    corpus linking (:func:`~analysis.extract.identities.engine.link_actors`) reads titles without reading the texts again.
    """
    rows: dict[tuple[str, str], None] = {}
    if len(entities) and "actor_type" in entities.columns:
        cols = ("actor_id", "actor_type", "start", "text", "how")
        for aid, atype, start, form, how in zip(*(entities[c].tolist() for c in cols)):
            if atype != "person" or how == How.PRONOUN:
                continue
            title = title_of_form(str(form)) if how == How.TITLE else title_before(text, int(start))
            if title:
                rows[(str(aid), title)] = None
    return frame({"actor_id": [a for a, _ in rows], "title": [t for _, t in rows]})
