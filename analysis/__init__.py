"""News-article workbook: tidy tables and report-ready charts from one news article.

>>> from analysis import load_article, ArticleError
"""

import gc as _gc

# The imports below (pandas, NLTK, wordfreq and the pipeline) create some hundred thousand long-lived
# objects; the garbage collector would walk them again at each full collection while they load
# (about 0.2 s of start-up).  It is paused for the imports and what they loaded is then frozen out
# of its way, as :func:`analysis.resources.loaded_once` does for models and lexicons.
_collecting = _gc.isenabled()
_gc.disable()
try:
    # wordfreq first: importing it inspects the call stack (to find its data), which costs more
    # the more modules are loaded, so it goes before pandas and NLTK (about 0.1 s less).
    import wordfreq  # noqa: F401

    from analysis.article import Article, load_article
    from analysis.errors import ArticleError
    from analysis.resources import reload_lexicons
finally:
    if _collecting:
        _gc.enable()
    _gc.freeze()

__all__ = ["Article", "ArticleError", "Corpus", "CorpusError", "CorpusWarning", "load_article", "load_corpus", "reload_lexicons"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """``Corpus``, ``CorpusError``, ``CorpusWarning`` and ``load_corpus`` come from :mod:`analysis.corpus`, imported on
    first use: it loads plotly (its ``.plot`` charts) and pyarrow, which reading one article does not need."""
    if name in ("Corpus", "CorpusError", "CorpusWarning", "load_corpus"):
        from analysis import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
