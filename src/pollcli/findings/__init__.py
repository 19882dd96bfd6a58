"""Sentences from results: the findings of `summary` and `compare`, prose apart from the arithmetic."""
