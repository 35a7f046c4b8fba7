"""News-article workbook: tidy tables and report-ready charts from one news article.

>>> from analysis import load_article, ArticleError
"""

from .article import Article, load_article
from .errors import ArticleError

__all__ = ["Article", "ArticleError", "load_article"]
__version__ = "0.1.0"
