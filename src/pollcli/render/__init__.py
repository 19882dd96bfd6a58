"""Renderers: result models → text. They format; they never compute figures."""
