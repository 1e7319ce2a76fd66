"""Calendars: connect ICS links and CalDAV accounts, fetch them safely, keep meetings right.

- ``ssrf``: the guard every user-given URL goes through (address policy, pinned connections).
- ``fetch``: conditional GET of ICS feeds with size, time and redirect limits.
- ``parse``: iCalendar to meeting occurrences (the one parse-and-filter path).
- ``sync``: upsert occurrences into ``Meeting`` rows, report problems, back off.
- ``caldav_source``: discovery and event download with the ``caldav`` library.
- ``service``: what the API and CLI call (connect, list, delete, sync now).
- ``claims``: which worker syncs which calendar (leases, SKIP LOCKED).
"""
