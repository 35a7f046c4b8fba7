"""News-article workbook: tidy tables and report-ready charts from one news article.

>>> from analysis import load_article, ArticleError
"""

from analysis.article import Article, load_article
from analysis.corpus import Corpus, load_corpus
from analysis.errors import ArticleError
from analysis.resources import reload_lexicons

__all__ = ["Article", "ArticleError", "Corpus", "load_article", "load_corpus", "reload_lexicons"]
__version__ = "0.1.0"
