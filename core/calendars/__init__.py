"""Calendars: connect ICS links and CalDAV accounts, fetch them safely, keep meetings right.

- ``fetch``: conditional GET of ICS feeds with size, time and redirect limits,
  streamed to a temporary file with a keyed hash of the body.
- ``preselect``, ``preselect_rules``: leave out what cannot meet the window, before parsing.
- ``reading``: bytes to icalendar components, salvaging broken files.
- ``parse``: iCalendar to meeting occurrences (the one parse-and-filter path).
- ``attendees``: who is in a meeting, the owner's answer, customer domains (free-mail and
  calendar-system domains: ``core.freemail``, on the ground floor, since the ranking reads it too).
- ``quiet``: keeps calendar URLs out of third-party library logs.
- ``sync``: plan, download and apply a sync; report problems, back off.
- ``upsert``: occurrences into ``Meeting`` rows by identity (moved, added, removed).
- ``caldav_source``: discovery and event download with the ``caldav`` library.
- ``service``, ``meetings``: what the API and CLI call (connect, list, delete; meeting reads).
- ``timings``: where a sync's time goes (DEBUG log, Prometheus histogram).
- ``claims``: the one claim-and-sync shape (``sync_one``, ``run_due``): leases, SKIP LOCKED,
  read → download → write, each a short unit of work.

Every URL goes through ``core.net.ssrf``; a change to meetings re-plans the
notification outbox (``core.notifications.outbox``, the room below).
"""
