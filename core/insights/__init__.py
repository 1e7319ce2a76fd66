"""The curator's loop: gaps before the meetings, requests to the people who know,
and usage counted without watching anyone (see docs/insights.md)."""
