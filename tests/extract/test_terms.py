"""Terms: frequencies, n-grams, keyness, KWIC and dispersion on the shipped article and edge cases."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.extract.terms import (
    default_stopwords,
    keyness,
    kwic,
    ngrams,
    normalise,
    term_dispersion,
    term_table,
    term_tokens,
)
from tests.builders import term_tables_of, tokens_of
from tests.conftest import assert_offsets

WORDLIKE = re.compile(r"[a-z][a-z.'-]*")


def terms_of(text: str, **options) -> pd.DataFrame:
    return term_table(tokens_of(text), **options)


def counts_of(text: str, **options) -> dict[str, int]:
    df = terms_of(text, **options)
    return dict(zip(df["term"], df["count"]))


# -- the shipped article ---------------------------------------------------------------------------


def test_top_terms_of_shipped_article(nato):
    terms = nato.terms
    assert set(terms["term"].head(5)) == {"japan", "china", "nato", "taiwan", "military"}
    stop = default_stopwords()
    for term in terms["term"]:
        assert WORDLIKE.fullmatch(term), term
        assert term not in stop, term


def test_term_table_contract_and_provenance(nato):
    terms = nato.terms
    assert {"term", "count", "rel_freq", "lemma", "forms", "sentence_ids", "start", "end", "text", "how"} <= set(
        terms.columns
    )
    assert terms["count"].is_monotonic_decreasing
    assert terms["term"].is_unique
    assert_offsets(nato.text, terms)
    story_ids = set(nato.story_sentences["sentence_id"])
    for row in terms.itertuples():
        assert normalise(row.text) in row.forms
        assert set(row.sentence_ids) <= story_ids
        assert row.n_sentences == len(row.sentence_ids) <= row.count
    n_words = terms.attrs["n_words"]
    assert terms["rel_freq"].tolist() == pytest.approx((terms["count"] / n_words).tolist())


def test_counts_add_up_to_counted_tokens(nato):
    tt = term_tokens(nato.tokens)
    assert nato.terms["count"].sum() == tt["is_term"].sum()
    assert set(tt.loc[tt["is_term"], "term"]) == set(nato.terms["term"])
    # nothing counted is punctuation, a number or a clitic
    counted = tt.loc[tt["is_term"], "text"]
    assert not counted.str.fullmatch(r"[\W\d_]+").any()
    assert not counted.map(normalise).str.startswith("'").any()


def test_kwic_rows_match_term_counts(nato):
    for row in nato.terms.head(15).itertuples():
        rows = kwic(nato, None, row.term)
        assert len(rows) == row.count, row.term
        assert_offsets(nato.text, rows)
        assert (rows["match"] == rows["text"]).all()
        for r in rows.itertuples():
            assert nato.text[r.left_start : r.start].strip() == r.left
            assert nato.text[r.end : r.right_end].strip() == r.right


def test_kwic_phrases_surfaces_and_window(nato):
    strait = kwic(nato, None, "Taiwan Strait")
    assert len(strait) == nato.text.count("Taiwan Strait")
    assert set(strait["match"]) == {"Taiwan Strait"}
    said = kwic(nato.text, nato.tokens, "said")
    assert len(said) == len(re.findall(r"\bsaid\b", nato.text[nato.story_sentences["start"].min() :]))
    narrow = kwic(nato, None, "japan", window=1)
    wide = kwic(nato, None, "japan", window=8)
    assert (narrow["left"].str.len() <= wide["left"].str.len()).all()
    assert (narrow["right_end"] <= wide["right_end"]).all()


def test_ngrams_on_shipped_article(nato):
    bigrams = ngrams(nato.tokens, 2, text=nato.text)
    assert "taiwan strait" in set(bigrams["ngram"])
    assert_offsets(nato.text, bigrams)
    stop = default_stopwords()
    for row in bigrams.itertuples():
        assert row.count >= 2 and row.n == 2 and row.measure == "pmi"
        assert len(row.words) == 2 and not set(row.words) & stop
        # no punctuation inside an n-gram: only spaces between its words
        assert re.fullmatch(r"[\w’'–-]+ [\w’'–-]+", row.text), row.text
    assert bigrams["score"].is_monotonic_decreasing
    trigrams = ngrams(nato.tokens, 3, measure="likelihood_ratio")
    assert (trigrams["n"] == 3).all() and (trigrams["measure"] == "likelihood_ratio").all()
    for row in trigrams.itertuples():
        assert " ".join(row.words) == row.ngram and len(row.words) == 3


def test_ngram_text_without_article_text_rebuilds_spacing(nato):
    with_text = ngrams(nato.tokens, 2, text=nato.text)
    without = ngrams(nato.tokens, 2)
    assert with_text["text"].tolist() == without["text"].tolist()


def test_keyness_of_shipped_article(nato):
    ll = keyness(nato.terms)
    assert (ll["method"] == "log-likelihood").all()
    assert ll["keyness"].is_monotonic_decreasing
    assert (ll["count"] >= 2).all()
    assert {"nato", "taiwan"} <= set(ll["term"].head(6))
    ratio = keyness(nato.terms, method="log-ratio")
    assert ratio["keyness"].tolist() == pytest.approx(ratio["log_ratio"].tolist())
    # a topic word beats an everyday word of the same count
    row = ll.set_index("term")
    assert row.loc["taiwan", "keyness"] > row.loc["military", "keyness"]


def test_dispersion_sums_to_counts(nato):
    disp = term_dispersion(nato.tokens, nato.terms, segments=10, top=5)
    assert sorted(disp["segment"].unique()) == list(range(1, 11))
    totals = disp.groupby("term")["count"].sum()
    for term, count in zip(nato.terms["term"].head(5), nato.terms["count"].head(5)):
        assert totals[term] == count
    spans = disp.drop_duplicates("segment").sort_values("segment")
    assert (spans["start"].diff().dropna() > 0).all()
    assert spans["start"].iloc[0] == nato.tokens["start"].min()
    assert spans["end"].iloc[-1] == nato.tokens["end"].max()


# -- edge cases ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2023, 5 ships sailed on the 3rd of May for 1.5 hours.", {"ship": 1, "sail": 1, "may": 1, "hour": 1}),
        ("They met Will Smith, who will speak.", {"meet": 1, "will": 1, "smith": 1, "speak": 1}),
        ("Japan And The West Agree On Talks", {"japan": 1, "west": 1, "agree": 1, "talk": 1}),
        ("China’s leaders met Japan's leader.", {"china": 1, "leader": 2, "meet": 1, "japan": 1}),
        ("“Peace” — and ‘stability’ … !", {"peace": 1, "stability": 1}),
        ("The officials said they would also say more.", {"official": 1}),
        ("He won the vote, and she wins again.", {"win": 2, "vote": 1}),
        ("The US army helped us.", {"us": 1, "army": 1, "help": 1}),
        ("Officials may meet in May.", {"official": 1, "meet": 1, "may": 1}),
        ("Reporters met Sanders in Kansas.", {"reporter": 1, "meet": 1, "sanders": 1, "kansas": 1}),
        (
            "Long-range missiles reached the Indo–Pacific region.",
            {"long-range": 1, "missile": 1, "reach": 1, "indo-pacific": 1, "region": 1},
        ),
        ("It isn't what we'd wanted, they're saying.", {"want": 1}),
    ],
)
def test_term_edge_cases(text, expected):
    assert counts_of(text) == expected


@pytest.mark.parametrize(
    ("token", "pos", "rule"),
    [
        ("the", "DT", "stopword"),
        ("said", "VBD", "stopword"),
        ("’s", "POS", "clitic"),
        ("n't", "RB", "clitic"),
        ("—", ":", "punctuation"),
        ("“", "``", "punctuation"),
        ("1990s", "CD", "number"),
        ("five", "CD", "number"),
        ("x", "NN", "short"),
        ("regime", "NN", "term"),
    ],
)
def test_token_rules(token, pos, rule):
    toks = pd.DataFrame(
        {"token_id": [0], "sentence_id": [0], "start": [0], "end": [len(token)], "text": [token], "pos": [pos]}
    )
    assert term_tokens(toks)["rule"].iloc[0] == rule


def test_options_stopwords_lemmatize_min_count():
    text = "The ships sailed. The ship sails. The crew rested."
    assert counts_of(text) == {"ship": 2, "sail": 2, "crew": 1, "rest": 1}
    assert counts_of(text, min_count=2) == {"ship": 2, "sail": 2}
    plain = counts_of(text, lemmatize=False)
    assert plain == {"ships": 1, "ship": 1, "sailed": 1, "sails": 1, "crew": 1, "rested": 1}
    assert terms_of(text, lemmatize=False)["lemma"].isna().all()
    with_the = counts_of(text, stopwords=())
    assert with_the["the"] == 3
    custom = counts_of(text, stopwords=["ship", "crew"])
    assert "ship" not in custom and "crew" not in custom and custom["the"] == 3
    assert counts_of("An ox and a yak.", min_length=3) == {"yak": 1}


def test_empty_and_stopword_only_texts():
    assert terms_of("And so it is, to them.").empty
    assert list(terms_of("And so it is.").columns)[:2] == ["term", "count"]
    assert ngrams(tokens_of("The and of."), 2).empty
    assert keyness(terms_of("And so it is.")).empty


def test_kwic_on_small_text_and_errors():
    text = "Allies met. The ally said no. An allied force moved."
    art = term_tables_of(text)  # what kwic reads of an article: its text and term tokens
    assert kwic(art, None, "ally")["match"].tolist() == ["Allies", "ally"]
    assert kwic(art, None, "allies")["match"].tolist() == ["Allies"]
    assert kwic(art, None, "ally", match="surface")["match"].tolist() == ["ally"]
    assert kwic(art, None, "nothing").empty
    with pytest.raises(ValueError):
        kwic(text, None, "ally")
    with pytest.raises(ValueError):
        kwic(art, None, "  ")


def test_ngrams_do_not_cross_stopwords_punctuation_or_sentences():
    text = (
        "Peace and stability matter. Peace and stability matter. "
        "Air defence, systems. Air defence, systems. Trade deal. Trade deal."
    )
    grams = set(ngrams(tokens_of(text), 2)["ngram"])
    assert "stability matter" in grams and "trade deal" in grams and "air defence" in grams
    assert "peace stability" not in grams and "defence system" not in grams
    assert "matter peace" not in grams and "deal trade" not in grams


def test_ngram_options_and_errors():
    toks = tokens_of("Trade deal signed. Trade deal signed. Trade deal failed.")
    assert set(ngrams(toks, 2, min_count=3)["ngram"]) == {"trade deal"}
    assert ngrams(toks, 3)["ngram"].tolist() == ["trade deal sign"]
    assert ngrams(toks, 2, measure="raw_freq")["score"].iloc[0] > 0
    with pytest.raises(ValueError):
        ngrams(toks, 4)
    with pytest.raises(ValueError):
        ngrams(toks, 2, measure="fisher_exact")


def test_keyness_directions_and_errors():
    terms = pd.DataFrame({"term": ["the", "sanction"], "count": [1, 3], "forms": [["the"], ["sanctions"]]})
    out = keyness(terms, n_words=100, min_count=1).set_index("term")
    assert out.loc["the", "direction"] == "under" and out.loc["the", "log_likelihood"] < 0
    assert out.loc["sanction", "direction"] == "over" and out.loc["sanction", "p_value"] < 0.01
    unknown = keyness(pd.DataFrame({"term": ["zzqxw"], "count": [2], "forms": [["zzqxw"]]}), n_words=100)
    assert unknown["ref_freq"].iloc[0] > 0  # floored, never a division by zero
    with pytest.raises(ValueError):
        keyness(terms, method="chi2")
    with pytest.raises(ValueError):
        keyness(terms, min_count=1)  # no rel_freq, no n_words: the text size is unknown


def test_dispersion_small_text():
    text = "Ships sail. Ships dock. Crews rest. Crews eat."
    toks = tokens_of(text)
    disp = term_dispersion(toks, ["ship", "crew"], segments=2)
    assert disp.pivot(index="term", columns="segment", values="count").loc[["ship", "crew"]].values.tolist() == [
        [2, 0],
        [0, 2],
    ]
    assert term_dispersion(toks, ["ship"], segments=100)["segment"].max() == len(toks)
    with pytest.raises(ValueError):
        term_dispersion(toks, ["ship"], segments=0)


def test_wordnet_lemmatizer_equals_nltks(nato):
    """The lemmatiser reads only WordNet's index and exception files, with NLTK's morphy rules."""
    from nltk.stem import WordNetLemmatizer as NltkLemmatizer

    from analysis.resources import wordnet_lemmatizer

    ours, ref = wordnet_lemmatizer(), NltkLemmatizer()
    words = {w.lower() for w in nato.tokens["text"] if w.isalpha()}
    words |= {"allies", "geese", "better", "ran", "indices", "buses", "women", "happiest", "us", "was"}
    for pos in "nvar":
        words |= set(list(ours.exceptions[pos])[:200])
    for w in sorted(words):
        for pos in "nvar":
            assert ours.lemmatize(w, pos) == ref.lemmatize(w, pos), (w, pos)
