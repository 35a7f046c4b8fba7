"""News-article workbook: tidy tables and report-ready charts from one news article.

>>> from analysis import load_article, ArticleError
"""

from .article import Article, load_article
from .errors import ArticleError
from .resources import reload_lexicons

__all__ = ["Article", "ArticleError", "load_article", "reload_lexicons"]
__version__ = "0.1.0"
