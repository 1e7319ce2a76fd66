"""Briefs: ranking tips for a meeting."""
