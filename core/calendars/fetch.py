"""Download an ICS feed: conditional, capped in size and time, redirects re-checked.

An unchanged feed should cost one small 304, so the caller passes the ETag and
Last-Modified it kept from the last good download. Many servers send neither,
so the body is also hashed (keyed) while it streams: the same hash as last time
means nothing changed. The body streams into a temporary file (held in memory
up to ``SPOOL_BYTES``), with the size cap counted as it arrives, so a 10 MB feed
never sits in memory whole; the scanner reads it from there. Messages never
contain the URL itself (it carries the feed's secret token), only its host.
"""

from __future__ import annotations

import hashlib
import hmac
import tempfile
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import IO

import httpx

from core.calendars import quiet
from core.errors import BadRequest
from core.net import ssrf
from core.settings import Settings, get_settings

quiet.install()

USER_AGENT = "Tipoff/0.1 (calendar sync)"
SPOOL_BYTES = 512 * 1024  # a body larger than this goes to a temporary file on disk
ACCEPT = "text/calendar, text/plain;q=0.8, */*;q=0.5"
_HINTS = {
    401: "the link needs a password or has expired; copy a fresh secret/private link",
    403: "the server refused access; the link may have been revoked",
    404: "nothing is published at that link; it may have been reset",
    410: "the link is no longer published",
}


class FetchFailed(BadRequest):
    """The feed could not be downloaded; ``detail`` says why in words a person understands."""


@dataclass(frozen=True)
class Fetched:
    """A download. The body is in ``file`` (positioned anywhere; close it, or use ``with``)."""

    status: int  # 200, or 304 when the feed has not changed
    file: IO[bytes] | None = field(repr=False)
    etag: str | None
    last_modified: str | None
    content_type: str
    size: int = 0
    digest: str | None = None  # keyed hash of the body, when a key was given

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def body(self) -> bytes:
        """The whole body in memory (small feeds, the CLI, tests)."""
        if self.file is None:
            return b""
        self.file.seek(0)
        return self.file.read()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()

    def __enter__(self) -> Fetched:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def fetch_feed(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    settings: Settings | None = None,
    digest_key: bytes | None = None,
) -> Fetched:
    """GET ``url`` through the SSRF guard. Raises ``ssrf.UrlRefused`` or ``FetchFailed``.

    With ``digest_key``, ``Fetched.digest`` is the HMAC-SHA256 of the body.
    """
    settings = settings or get_settings()
    deadline = time.monotonic() + settings.fetch_timeout_seconds
    current = ssrf.normalise_url(url)
    headers = {"Accept": ACCEPT, "User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    transport = ssrf.shared_transport(settings.allow_private_networks)
    # A client per fetch (no cookies carried from one user's feed to another's);
    # the transport, and with it kept-alive connections per host, is shared.
    with httpx.Client(transport=transport, follow_redirects=False, trust_env=False) as client:
        for _hop in range(settings.fetch_max_redirects + 1):
            host = ssrf.host_of(current)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchFailed(f"{host} did not answer within {_seconds(settings)}")
            try:
                with client.stream(
                    "GET", current, headers=headers, timeout=httpx.Timeout(remaining)
                ) as response:
                    location = response.headers.get("location")
                    if response.is_redirect and location:
                        _drain(response)
                        current = _next_hop(current, location)
                        continue
                    return _read(
                        response, host, etag, last_modified, deadline, settings, digest_key
                    )
            except httpx.TimeoutException:
                raise FetchFailed(f"{host} did not answer within {_seconds(settings)}") from None
            except httpx.HTTPError as exc:
                if "SSL" in str(exc) or "CERTIFICATE" in str(exc).upper():
                    raise FetchFailed(
                        f"no secure (https) connection to {host} could be made: {_reason(exc)}"
                        " (webcal:// links are fetched over https)"
                    ) from None
                raise FetchFailed(f"could not download from {host}: {_reason(exc)}") from None
    raise FetchFailed(
        f"the link redirected more than {settings.fetch_max_redirects} times; giving up"
    )


def _next_hop(current: str, location: str) -> str:
    """Where a redirect points, normalised; a hop from https down to http is refused."""
    target = ssrf.normalise_url(str(httpx.URL(current).join(location)))
    if current.startswith("https:") and target.startswith("http:"):
        raise ssrf.UrlRefused("the link redirects from https to plain http; refused")
    return target


def _read(
    response: httpx.Response,
    host: str,
    etag: str | None,
    last_modified: str | None,
    deadline: float,
    settings: Settings,
    digest_key: bytes | None,
) -> Fetched:
    content_type = response.headers.get("content-type", "")
    if response.status_code == 304:
        _drain(response)
        return Fetched(
            304,
            None,
            response.headers.get("etag", etag),
            response.headers.get("last-modified", last_modified),
            content_type,
        )
    if response.status_code >= 400 or response.status_code < 200:
        hint = _HINTS.get(response.status_code, "")
        phrase = response.reason_phrase or "error"
        raise FetchFailed(
            f"{host} answered {response.status_code} {phrase}" + (f": {hint}" if hint else "")
        )
    limit = settings.fetch_max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchFailed(f"the calendar at {host} is larger than {_megabytes(limit)}")
    mac = hmac.new(digest_key, digestmod=hashlib.sha256) if digest_key is not None else None
    # Handed to the caller open (Fetched.close); closed here on any failure.
    file = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, prefix="tipoff-feed-")  # noqa: SIM115
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchFailed(f"the calendar at {host} is larger than {_megabytes(limit)}")
            if time.monotonic() > deadline:
                raise FetchFailed(f"{host} did not finish sending within {_seconds(settings)}")
            file.write(chunk)
            if mac is not None:
                mac.update(chunk)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return Fetched(
        response.status_code,
        file,
        response.headers.get("etag"),
        response.headers.get("last-modified"),
        content_type,
        size=size,
        digest=None if mac is None else mac.hexdigest(),
    )


def _drain(response: httpx.Response) -> None:
    """Read a small bodiless answer (304, redirect) so its connection can be reused."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) <= 64 * 1024:
        response.read()


def _reason(exc: httpx.HTTPError) -> str:
    text = str(exc).strip() or type(exc).__name__
    # httpx messages may quote the request URL; keep only the first clause.
    return text.split(" for url ")[0][:200]


def _seconds(settings: Settings) -> str:
    return f"{settings.fetch_timeout_seconds:g} s"


def _megabytes(limit: int) -> str:
    return f"{limit / 1_048_576:g} MB"
