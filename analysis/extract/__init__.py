"""Extractors: each reads the shared layer and returns one table (entities, quotes, timeline, terms)."""
