"""Download an ICS feed: conditional, capped in size and time, redirects re-checked.

An unchanged feed should cost one small 304, so the caller passes the ETag and
Last-Modified it kept from the last good download. Messages never contain the
URL itself (it carries the feed's secret token), only its host.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from core.calendars import quiet, ssrf
from core.errors import BadRequest
from core.settings import Settings, get_settings

quiet.install()

USER_AGENT = "Tipoff/0.1 (calendar sync)"
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
    status: int  # 200, or 304 when the feed has not changed
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch_feed(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    settings: Settings | None = None,
) -> Fetched:
    """GET ``url`` through the SSRF guard. Raises ``ssrf.UrlRefused`` or ``FetchFailed``."""
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
                    return _read(response, host, etag, last_modified, deadline, settings)
            except httpx.TimeoutException:
                raise FetchFailed(f"{host} did not answer within {_seconds(settings)}") from None
            except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError) as exc:
                raise ssrf.UrlRefused(f"that is not a valid link: {exc}") from None
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
    try:
        joined = str(httpx.URL(current).join(location))
    except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
        raise FetchFailed(f"the link redirected to an invalid address: {exc}") from None
    target = ssrf.normalise_url(joined)
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
) -> Fetched:
    content_type = response.headers.get("content-type", "")
    if response.status_code == 304:
        _drain(response)
        return Fetched(
            304,
            b"",
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
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchFailed(f"the calendar at {host} is larger than {_megabytes(limit)}")
        if time.monotonic() > deadline:
            raise FetchFailed(f"{host} did not finish sending within {_seconds(settings)}")
        chunks.append(chunk)
    return Fetched(
        response.status_code,
        b"".join(chunks),
        response.headers.get("etag"),
        response.headers.get("last-modified"),
        content_type,
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
