"""Network access to addresses users give us: the SSRF guard and pinned connections.

Calendars (httpx, caldav), pushes (aiohttp) and mail all connect through the
checks in ``ssrf``, so one address policy holds for every outbound request.
"""
