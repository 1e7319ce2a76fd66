"""Keep calendar secrets out of third-party logs.

httpx logs every request URL at INFO, and niquests/urllib3/caldav log URLs at
DEBUG; a calendar URL's path or query *is* its secret (Google's
``/private-<token>/basic.ics``). So these libraries are held at WARNING, and
what the ``httpx`` and ``caldav`` loggers still emit is cut down to scheme and
host. Tipoff's own messages never contain a calendar URL in the first place.
"""

from __future__ import annotations

import logging
import re

NOISY = ("httpx", "httpcore", "niquests", "urllib3", "urllib3_future", "caldav")
_URL = re.compile(r"((?:https?|webcals?)://[^/\s\"'<>?#]+)[^\s\"'<>]*", re.IGNORECASE)


class HostOnly(logging.Filter):
    """Rewrites every URL in a record to ``scheme://host/…``."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "://" in message:
            record.msg = _URL.sub(r"\1/…", message)
            record.args = None
        return True


def install() -> None:
    for name in NOISY:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:  # an operator's explicit level wins
            logger.setLevel(logging.WARNING)
        if not any(isinstance(f, HostOnly) for f in logger.filters):
            logger.addFilter(HostOnly())
