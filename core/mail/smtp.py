"""SMTP sending with the standard library's ``smtplib``, one connection per batch.

``TIPOFF_SMTP_URL`` says how to reach the server:

- ``smtp://user:pass@host:587``: plain connection upgraded with STARTTLS. When
  credentials are given STARTTLS is required, so a password never crosses the
  network in clear; without credentials (``smtp://host:25``, a local relay)
  STARTTLS is used when the server offers it. ``?starttls=off`` forces plain
  (a relay on loopback that offers a certificate nobody can verify).
- ``smtps://user:pass@host:465``: TLS from the first byte.

The password is a secret: it lives in a ``SecretStr`` setting, and nothing in
this module puts the URL or the password into an exception or a log line
(``SmtpConfig.__repr__`` leaves it out). Mail is sent from a worker thread,
never from a request, so a blocking client is the simple, well-kept choice.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from core.errors import InvalidInput


class PermanentMailError(Exception):
    """The server refused this message for good (5xx): retrying will not help."""


class TemporaryMailError(Exception):
    """Could not deliver now (connection, 4xx, timeout): try again later."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    implicit_tls: bool
    starttls: str  # "required" | "opportunistic" | "off"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0

    def __repr__(self) -> str:  # never the password
        return f"SmtpConfig(host={self.host!r}, port={self.port}, tls={self.implicit_tls})"


def parse_smtp_url(url: str, *, timeout: float = 30.0) -> SmtpConfig:
    """Read ``TIPOFF_SMTP_URL``. Errors name the problem, never the URL (it holds a password)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("smtp", "smtps"):
        raise InvalidInput("TIPOFF_SMTP_URL must start with smtp:// or smtps://")
    if not parts.hostname:
        raise InvalidInput("TIPOFF_SMTP_URL has no host")
    try:
        port = parts.port
    except ValueError as exc:
        raise InvalidInput("TIPOFF_SMTP_URL has an invalid port") from exc
    implicit = parts.scheme == "smtps"
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    query = parse_qs(parts.query)
    if implicit or query.get("starttls", [""])[0].lower() in ("off", "no", "false", "0"):
        starttls = "off"
    else:
        starttls = "required" if username else "opportunistic"
    return SmtpConfig(
        host=parts.hostname,
        port=port or (465 if implicit else (587 if username else 25)),
        implicit_tls=implicit,
        starttls=starttls,
        username=username,
        password=password,
        timeout=timeout,
    )


def build_message(
    *, sender: str, to: str, subject: str, text: str, html: str | None, domain: str
) -> EmailMessage:
    """A multipart/alternative message: plain text first, HTML as the richer part."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message


class SmtpConnection:
    """One open, authenticated connection; ``send`` classifies failures per message."""

    def __init__(self, config: SmtpConfig, *, ssl_context: ssl.SSLContext | None = None) -> None:
        self.config = config
        context = ssl_context or ssl.create_default_context()
        try:
            if config.implicit_tls:
                self.client: smtplib.SMTP = smtplib.SMTP_SSL(
                    config.host, config.port, timeout=config.timeout, context=context
                )
            else:
                self.client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
            self.client.ehlo()
            if config.starttls != "off":
                if self.client.has_extn("starttls"):
                    self.client.starttls(context=context)
                    self.client.ehlo()
                elif config.starttls == "required":
                    raise TemporaryMailError(
                        "the SMTP server offers no STARTTLS; refusing to send the password "
                        "in clear (use smtps://, or a relay without credentials)"
                    )
            if config.username:
                self.client.login(config.username, config.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            self.close()
            raise TemporaryMailError(f"SMTP sign-in refused ({exc.smtp_code})") from None
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise TemporaryMailError(f"cannot reach the SMTP server: {_describe(exc)}") from None

    def send(self, message: EmailMessage) -> None:
        try:
            refused = self.client.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            raise _classify(exc.recipients.values()) from None
        except smtplib.SMTPResponseException as exc:
            if 500 <= exc.smtp_code < 600:
                raise PermanentMailError(f"refused: {exc.smtp_code}") from None
            raise TemporaryMailError(f"deferred: {exc.smtp_code}") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryMailError(f"sending failed: {_describe(exc)}") from None
        if refused:
            raise _classify(refused.values())

    def close(self) -> None:
        try:
            self.client.quit()
        except Exception:  # already gone: nothing to tidy
            with contextlib.suppress(Exception):
                self.client.close()

    def __enter__(self) -> SmtpConnection:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _classify(replies: Iterable[tuple[int, bytes]]) -> Exception:
    codes = [code for code, _ in replies]
    if codes and all(500 <= c < 600 for c in codes):
        return PermanentMailError(f"recipient refused: {codes[0]}")
    return TemporaryMailError(f"recipient deferred: {codes[0] if codes else '?'}")


def _describe(exc: BaseException) -> str:
    """A short reason that cannot carry the URL or password (they are never in these)."""
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:200]
