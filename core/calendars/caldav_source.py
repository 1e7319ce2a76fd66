"""CalDAV accounts through the ``caldav`` library: find event calendars, download events.

The library talks HTTP through niquests; its session is replaced by one whose
DNS resolver is the SSRF guard (``ssrf.guarded_resolver``), so discovery,
redirects and every later request connect only to checked addresses. A
calendar's sync token (RFC 6578) or CTag plays the role of an ICS feed's ETag:
when it has not changed, nothing is downloaded. Otherwise the server is asked
for the window only (a ``calendar-query`` REPORT with a ``time-range``, widened
by the pre-selection margin); a server that refuses that gets a REPORT without
the range, and one that refuses REPORT altogether is listed (PROPFIND) and read
object by object. Either way the parser judges every occurrence itself.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.calendars import quiet
from core.calendars.fetch import FetchFailed
from core.calendars.preselect import MARGIN
from core.errors import BadRequest, InvalidInput, TipoffError
from core.net import ssrf
from core.settings import get_settings

if TYPE_CHECKING:
    from core.calendars.parse import Window

quiet.install()

log = logging.getLogger("tipoff.calendars")


@dataclass(frozen=True)
class FoundCalendar:
    url: str = field(repr=False)
    name: str


@dataclass(frozen=True)
class CalDavDownload:
    unchanged: bool
    documents: list[bytes]
    tag: str | None


def discover(url: str, username: str, password: str) -> list[FoundCalendar]:
    """The account's calendars that hold events (not task lists), checked live."""
    settings = get_settings()
    normal = ssrf.check_url(url, allow_private=settings.allow_private_networks)
    host = ssrf.host_of(normal)
    with _client(normal, username, password) as (client, resolver), _translated(host, resolver):
        found = []
        for calendar in client.principal().calendars():
            components = [str(c).upper() for c in calendar.get_supported_components()]
            if components and "VEVENT" not in components:
                continue
            name = calendar.get_display_name() or "Calendar"
            found.append(FoundCalendar(url=str(calendar.url), name=str(name)[:200]))
    if not found:
        raise InvalidInput(f"the CalDAV account at {host} has no calendars with events")
    return found


def download(
    url: str, username: str, password: str, window: Window, known_tag: str | None
) -> CalDavDownload:
    """The calendar's event objects overlapping ``window``, or "unchanged" by its tag."""
    settings = get_settings()
    normal = ssrf.normalise_url(url)
    host = ssrf.host_of(normal)
    with _client(normal, username, password) as (client, resolver), _translated(host, resolver):
        calendar = client.calendar(url=normal)
        tag = _change_tag(calendar)
        if known_tag and tag == known_tag:
            return CalDavDownload(True, [], tag)
        documents = [_bytes(obj.data) for obj in _events_in(calendar, window, host)]
    if sum(len(d) for d in documents) > settings.fetch_max_bytes:
        raise FetchFailed(f"the calendar at {host} is larger than the download limit")
    return CalDavDownload(False, documents, tag)


def _events_in(calendar: Any, window: Window, host: str) -> list[Any]:
    """The event objects that may overlap the window, asking the server to filter if it can."""
    from caldav.lib import error as caldav_error

    refused = (caldav_error.ReportError, caldav_error.ResponseError)
    try:
        return list(
            calendar.search(
                start=window.start - MARGIN, end=window.end + MARGIN, event=True,
                expand=False, post_filter=False,
            )
        )  # fmt: skip
    except refused as exc:
        log.info("%s refused a time-range query (%s); asking for every event", host, _name(exc))
    try:
        return list(calendar.search(event=True, expand=False, post_filter=False))
    except refused as exc:
        log.info("%s refused a calendar query (%s); reading event by event", host, _name(exc))
    return [
        calendar.event_by_url(url)
        for url, kind, _name_prop in calendar.children()
        if not str(url).endswith("/")  # the collection itself, or a sub-collection
    ]


def _name(exc: BaseException) -> str:
    return type(exc).__name__


def _bytes(data: Any) -> bytes:
    return data if isinstance(data, bytes) else str(data).encode("utf-8")


def _change_tag(calendar: Any) -> str | None:
    """The sync token, else the CTag: either changes whenever any event changes."""
    from caldav.elements import dav
    from caldav.elements.base import ValuedBaseElement

    class GetCtag(ValuedBaseElement):
        tag = "{http://calendarserver.org/ns/}getctag"

    try:
        values = calendar.get_properties([dav.SyncToken(), GetCtag()])
    except Exception:  # servers without either simply get a full download every time
        return None
    token = values.get(dav.SyncToken.tag) or values.get(GetCtag.tag)
    return str(token)[:300] if token else None


@contextmanager
def _client(url: str, username: str, password: str) -> Iterator[tuple[Any, Any]]:
    """A ``caldav.DAVClient`` whose HTTP session resolves through the SSRF guard."""
    import niquests
    from caldav.davclient import DAVClient

    settings = get_settings()
    resolver = ssrf.guarded_resolver(allow_private=settings.allow_private_networks)
    client = DAVClient(
        url=url,
        username=username,
        password=password,
        timeout=max(int(settings.fetch_timeout_seconds), 1),
        enable_rfc6764=False,
    )
    client.session.close()
    session = niquests.Session(resolver=resolver)
    session.trust_env = False  # no proxies or .netrc from the environment
    client.session = session
    try:
        yield client, resolver
    finally:
        session.close()


@contextmanager
def _translated(host: str, resolver: Any) -> Iterator[None]:
    """Library and network errors as messages a person understands (never the URL)."""
    from caldav.lib import error as caldav_error

    try:
        yield
    except TipoffError:
        raise
    except caldav_error.AuthorizationError:
        raise BadRequest(f"{host} rejected the username or password") from None
    except caldav_error.NotFoundError:
        raise BadRequest(f"{host} has no CalDAV calendar at that address") from None
    except Exception as exc:
        if resolver.refusal is not None:
            raise resolver.refusal from None
        if isinstance(exc, caldav_error.DAVError):
            raise BadRequest(
                f"{host} did not answer like a CalDAV server ({type(exc).__name__})"
            ) from None
        log.info("caldav error talking to %s: %s", host, type(exc).__name__)
        raise BadRequest(f"could not talk to {host}: {type(exc).__name__}") from None
