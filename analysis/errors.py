"""The one exception the public API raises for bad input."""


class ArticleError(ValueError):
    """An article could not be loaded: the message names the file and the problem."""
