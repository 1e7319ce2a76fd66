"""Briefs: ranking tips for a meeting (see docs/ranking.md).

- ``brief``: ``brief_for_meeting`` — the one entry point pushes, pages and the API call.
- ``meeting``: what a meeting is about (customer, facets, setting, off-work).
- ``retrieval``: candidates through three indexes (customer, kind, rare words).
- ``scoring``: one score per candidate, with reasons in words.
- ``index``: the tip side, written whenever a tip is (``tip_changed``).
- ``lexicon``, ``text``, ``orgs``, ``embedding``: the building blocks.

Feedback ("this helped in this meeting") is written by ``core.tips.feedback``;
ranking reads it from the tables and imports no room above it.
"""
