"""Logging setup. Secrets (calendar URLs, tokens, passwords) are never passed to a
logger in the first place, and SQL parameters never reach error messages
(``hide_parameters`` in ``core.db``); the filter below is a second line of
defence that masks anything shaped like a Tipoff token, a password or token
hash, or a URL's credentials/query string.

Every line carries the request id (``-`` outside requests), so the one line a
failed request logs can be matched with the ``X-Request-ID`` the client got.
Tracebacks go out at DEBUG only.
"""

from __future__ import annotations

import logging
import re
import time
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("tipoff_request_id", default="-")

_PATTERNS = [
    (re.compile(r"tip_[A-Za-z0-9_\-]{20,}"), "tip_***"),
    (re.compile(r"inv_[A-Za-z0-9_\-]{20,}"), "inv_***"),  # one-time setup/invite links
    (re.compile(r"pwr_[A-Za-z0-9_\-]{20,}"), "pwr_***"),  # password reset links
    (re.compile(r"(smtps?)://[^\s/@]+@"), r"\1://***@"),  # SMTP credentials
    (re.compile(r"\$argon2(?:id|i|d)\$[^\s'\",)]*"), "$argon2***"),  # password hashes
    (re.compile(r"\$(?:2[abxy]|5|6|scrypt|pbkdf2[^$]*)\$[^\s'\",)]*"), "$hash***"),
    (re.compile(r"\b[0-9a-fA-F]{32,}\b"), "<hex***>"),  # token hashes (SHA-256), keys
    (re.compile(r"\bgAAAAA[A-Za-z0-9_\-=]{20,}"), "<fernet***>"),  # secrets at rest
    (re.compile(r"pwr_[A-Za-z0-9_\-]{20,}"), "pwr_***"),  # password reset links
    (re.compile(r"(smtps?)://[^\s/@]+@"), r"\1://***@"),  # SMTP credentials
    (re.compile(r"(https?|webcal)://[^\s/@]+@"), r"\1://***@"),
    (re.compile(r"((?:https?|webcal)://[^\s?#]+)\?[^\s]*"), r"\1?***"),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.request_id = request_id.get()
        return True


class _RedactingFormatter(logging.Formatter):
    """Tracebacks (DEBUG only) are redacted too: they quote values."""

    def formatException(self, ei) -> str:
        return redact(super().formatException(ei))


def setup_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        _RedactingFormatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s")
    )
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Migration chatter is noise on every start; warnings still show.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))


def describe(exc: BaseException) -> str:
    """One line about an exception: its class and the first line of its message,
    redacted, without the SQL statement or parameters SQLAlchemy appends."""
    original = getattr(exc, "orig", None)
    shown = original if isinstance(original, BaseException) else exc
    first = (str(shown).strip().splitlines() or [""])[0][:300]
    return redact(f"{type(shown).__name__}: {first}" if first else type(shown).__name__)


class Throttled:
    """Log a recurring condition (the database is down) once per ``seconds``, with a count."""

    def __init__(self, logger: logging.Logger, seconds: float = 10.0) -> None:
        self.logger = logger
        self.seconds = seconds
        self._last = 0.0
        self._suppressed = 0

    def warning(self, message: str) -> None:
        now = time.monotonic()
        if now - self._last < self.seconds:
            self._suppressed += 1
            return
        extra = f" ({self._suppressed} more like it since)" if self._suppressed else ""
        self._last, self._suppressed = now, 0
        self.logger.warning("%s%s", message, extra)
