"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives.

It can require STARTTLS and a password, and refuse chosen recipients with a
permanent (550) or temporary (451) reply, so the outbox's retry rules are
tested against a real SMTP conversation, not a mock.
"""

from __future__ import annotations

import email
import email.policy
import re
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def text(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""  # type: ignore[union-attr]

    @property
    def html(self) -> str:
        part = self.message.get_body(preferencelist=("html",))
        return part.get_content() if part is not None else ""  # type: ignore[union-attr]

    def links(self) -> list[str]:
        return re.findall(r"https?://[^\s<>\"']+", self.text)


@dataclass
class MailServer:
    """``with MailServer() as server:`` listens on 127.0.0.1; ``server.url`` for settings."""

    username: str | None = None
    password: str | None = None
    certs: tuple[Path, Path] | None = None  # (certificate, key): offer STARTTLS
    refuse: dict[str, str] = field(default_factory=dict)  # address -> "550 ..." / "451 ..."
    received: list[Received] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    port: int = 0

    def __post_init__(self) -> None:
        self._arrived = threading.Condition()

    # aiosmtpd handler hooks
    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        reply = self.refuse.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._arrived:
            self.received.append(
                Received(envelope.mail_from, list(envelope.rcpt_tos), message)  # type: ignore[arg-type]
            )
            self._arrived.notify_all()
        return "250 Message accepted"

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == self.username
            and data.password.decode() == self.password
        )
        if ok:
            self.logins.append(data.login.decode())
        return AuthResult(success=ok, handled=False)

    def start(self) -> MailServer:
        self.port = self.port or free_port()
        kwargs: dict[str, Any] = {}
        if self.certs is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(self.certs[0]), str(self.certs[1]))
            kwargs["tls_context"] = context
        if self.username is not None:
            kwargs["authenticator"] = self._authenticate
            kwargs["auth_required"] = True
            kwargs["auth_require_tls"] = self.certs is not None
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port, **kwargs)
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> MailServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def url(self, host: str = "127.0.0.1", *, scheme: str = "smtp", query: str = "") -> str:
        credentials = f"{self.username}:{self.password}@" if self.username else ""
        tail = f"?{query}" if query else ""
        return f"{scheme}://{credentials}{host}:{self.port}{tail}"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.received) >= count, timeout=timeout)
        return list(self.received)
