"""``tipoff calendars inspect`` (see what a feed yields) and ``tipoff sync`` (sync now)."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer

from cli.base import fail, ready_engine
from core.calendars.parse import Occurrence, Owner, Window, parse_feed
from core.calendars.sync import window_at
from core.settings import get_settings

calendars_app = typer.Typer(help="Look into calendar feeds.", no_args_is_help=True)


@calendars_app.command("inspect")
def inspect(
    source: Annotated[str, typer.Argument(metavar="FILE_OR_URL", help="An .ics file or link.")],
    owner: Annotated[
        list[str] | None,
        typer.Option("--owner", help="Whose calendar it is (for declined); repeatable."),
    ] = None,
    timezone: Annotated[
        str, typer.Option("--timezone", help="IANA zone for floating times and --from/--to.")
    ] = "UTC",
    start: Annotated[
        str | None, typer.Option("--from", help="ISO date or time; default: yesterday.")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="ISO date or time; default: 14 days ahead.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show the meetings a feed yields, through exactly the parse-and-filter code of a sync."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        fail(f"unknown time zone {timezone!r} (use an IANA name such as Europe/Berlin)")
    default = window_at(datetime.now(UTC))
    window = Window(
        _moment(start, zone, "--from") if start else default.start,
        _moment(end, zone, "--to") if end else default.end,
    )
    if window.end <= window.start:
        fail("--to must be after --from")
    settings = get_settings()
    parsed = parse_feed(
        _read(source),
        Owner.of(owner or [], timezone),
        window,
        max_occurrences=settings.sync_max_occurrences,
    )
    if not parsed.complete and not parsed.occurrences:
        fail("no events could be read: " + "; ".join(parsed.problems)[:500])
    for problem in parsed.problems:
        print(f"tipoff: warning: {problem}", file=sys.stderr)
    if as_json:
        typer.echo(json.dumps({"meetings": [_as_dict(o) for o in parsed.occurrences]}, indent=2))
        return
    for occurrence in parsed.occurrences:
        typer.echo(_as_line(occurrence, zone))
    typer.echo(f"{len(parsed.occurrences)} meeting(s)")


def sync_command(
    user: Annotated[
        str | None, typer.Option("--user", help="Only this user's calendars (email).")
    ] = None,
) -> None:
    """Sync calendars now (all of them, or one user's), skipping any a worker is syncing."""
    from sqlmodel import col, select

    from core.calendars.claims import sync_one
    from core.db import session_scope, units_of
    from core.errors import Conflict, NotFound
    from core.models import Calendar
    from core.people import accounts

    engine = ready_engine()
    with session_scope(engine) as session:
        query = select(Calendar.id).order_by(col(Calendar.id))
        if user:
            query = query.where(Calendar.user_id == accounts.get_user_by_email(session, user).id)
        ids = [i for i in session.exec(query) if i is not None]
    if not ids:
        typer.echo("no calendars to sync")
        return
    failed = 0
    units = units_of(engine)
    for calendar_id in ids:
        try:
            result = sync_one(calendar_id, units=units)
        except Conflict:
            typer.echo(f"calendar {calendar_id}: being synced by a worker right now; skipped")
            continue
        except NotFound:  # deleted meanwhile
            continue
        counts = f"+{result.added} ~{result.updated} -{result.removed}"
        typer.echo(f"calendar {calendar_id}: {counts}")
        if result.error:
            failed += 1
            print(f"tipoff: error: calendar {calendar_id}: {result.error}", file=sys.stderr)
    if failed:
        raise typer.Exit(1)


def _read(source: str) -> bytes:
    if "://" in source:
        from core.calendars.fetch import fetch_feed

        return fetch_feed(source).body  # SSRF-guarded like any user link
    path = Path(source)
    if not path.is_file():
        fail(f"no such file: {source}")
    return path.read_bytes()


def _moment(text: str, zone: ZoneInfo, option: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        fail(f"{option}: {text!r} is not an ISO date or time (e.g. 2025-03-01 or 2025-03-01T09:00)")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _as_dict(occurrence: Occurrence) -> dict[str, Any]:
    return {
        "start": _iso(occurrence.start),
        "end": _iso(occurrence.end),
        "summary": occurrence.title,
        "location": occurrence.location,
        "description": occurrence.description,
        "attendees": occurrence.attendees,
    }


def _as_line(occurrence: Occurrence, zone: ZoneInfo) -> str:
    start, end = occurrence.start.astimezone(zone), occurrence.end.astimezone(zone)
    people = len(occurrence.attendees)
    where = f" @ {occurrence.location}" if occurrence.location else ""
    return (
        f"{start:%Y-%m-%d %H:%M}-{end:%H:%M} {zone.key}  {occurrence.title or '(no title)'}"
        f"{where}  [{people} attendee{'s' if people != 1 else ''}]"
    )
