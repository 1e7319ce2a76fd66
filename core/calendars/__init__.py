"""Calendars: connect ICS links and CalDAV accounts, fetch them safely, keep meetings right.

- ``ssrf``: the guard every user-given URL goes through (address policy, pinned connections).
- ``fetch``: conditional GET of ICS feeds with size, time and redirect limits,
  streamed to a temporary file with a keyed hash of the body.
- ``preselect``, ``preselect_rules``: leave out what cannot meet the window, before parsing.
- ``reading``: bytes to icalendar components, salvaging broken files.
- ``parse``: iCalendar to meeting occurrences (the one parse-and-filter path).
- ``attendees``, ``freemail``: who is in a meeting, the owner's answer, customer domains.
- ``quiet``: keeps calendar URLs out of third-party library logs.
- ``sync``: plan, download and apply a sync; report problems, back off.
- ``upsert``: occurrences into ``Meeting`` rows by identity (moved, added, removed).
- ``caldav_source``: discovery and event download with the ``caldav`` library.
- ``service``, ``meetings``: what the API and CLI call (connect, list, delete, sync now).
- ``claims``: which worker syncs which calendar (leases, SKIP LOCKED).
- ``timings``: where a sync's time goes (DEBUG log, Prometheus histogram).
"""
