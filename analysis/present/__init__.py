"""Presentation: charts, the article rendered as HTML, reports, exports and the explorer."""
