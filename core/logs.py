"""Logging setup. Secrets (calendar URLs, tokens, passwords) are never passed to a
logger in the first place; the filter below is a second line of defence that
masks anything shaped like a Tipoff token or a URL's credentials/query string."""

from __future__ import annotations

import logging
import re

_PATTERNS = [
    (re.compile(r"tip_[A-Za-z0-9_\-]{20,}"), "tip_***"),
    (re.compile(r"inv_[A-Za-z0-9_\-]{20,}"), "inv_***"),  # one-time setup/invite links
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
        return True


def setup_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Migration chatter is noise on every start; warnings still show.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))
