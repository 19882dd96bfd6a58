"""Renderers: results → text. They format; they never compute figures."""
