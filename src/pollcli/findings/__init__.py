"""Sentences from results: the findings of `summary`, `compare` and `seats`, prose apart from
the arithmetic."""
