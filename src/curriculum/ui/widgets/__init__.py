"""Pieces of pages: Markdown, one renderer per step kind, the coach panel."""
