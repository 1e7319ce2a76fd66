"""``tipoff calendars inspect``: the sync's own parse-and-filter, printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from tests.calendars.conftest import calendar, soon, vevent

FEEDS = Path(__file__).parent / "feeds"
WINDOW = ["--from", "2025-03-01", "--to", "2025-04-15"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_inspect_json_prints_exactly_what_a_sync_keeps(capsys):
    code, out, err = run(
        capsys, "calendars", "inspect", str(FEEDS / "declined.ics"),
        "--owner", "me@northwind.example", "--owner", "jo@northwind-sales.example",
        "--timezone", "Europe/Berlin", *WINDOW, "--json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    meetings = json.loads(out)["meetings"]
    assert [(m["start"], m["end"], m["summary"]) for m in meetings] == [
        ("2025-03-06T14:00:00Z", "2025-03-06T15:00:00Z", "Customer call"),
        ("2025-03-07T14:00:00Z", "2025-03-07T15:00:00Z", "Maybe"),
        ("2025-03-07T16:00:00Z", "2025-03-07T16:30:00Z", "Double-listed"),
        ("2025-03-18T10:00:00Z", "2025-03-18T11:00:00Z", "Board prep"),
    ]
    assert set(meetings[0]) == {"start", "end", "summary", "location", "description", "attendees"}
    assert meetings[0]["attendees"][0] == {
        "email": "me@northwind.example", "name": "", "kind": "person", "partstat": "ACCEPTED",
    }  # fmt: skip


def test_inspect_without_owner_keeps_declined_meetings(capsys):
    code, out, _ = run(
        capsys, "calendars", "inspect", str(FEEDS / "declined.ics"), *WINDOW, "--json"
    )
    assert code == 0
    assert [m["summary"] for m in json.loads(out)["meetings"]].count("Board prep") == 4


def test_inspect_local_dates_use_the_timezone(capsys):
    args = ["calendars", "inspect", str(FEEDS / "cancelled.ics"), "--json", "--timezone"]
    _, utc_out, _ = run(capsys, *args, "UTC", "--from", "2025-03-03T08:40", "--to", "2025-03-04")
    _, tokyo_out, _ = run(capsys, *args, "Asia/Tokyo", "--from", "2025-03-03T17:40",
                          "--to", "2025-03-04T09:00")  # fmt: skip
    assert json.loads(utc_out) == json.loads(tokyo_out)  # the same instants
    assert [m["start"] for m in json.loads(utc_out)["meetings"]] == ["2025-03-03T08:30:00Z"]


def test_inspect_table(capsys):
    zoom = str(FEEDS / "zoom.ics")
    code, out, _ = run(capsys, "calendars", "inspect", zoom, "--timezone", "Europe/Berlin", *WINDOW)
    assert code == 0
    assert out.splitlines() == [
        "2025-03-18 16:30-17:15 Europe/Berlin  Acme renewal - Zoom"
        " @ https://us02web.zoom.us/j/81234567890?pwd=abc  [0 attendees]",
        "1 meeting(s)",
    ]


def test_a_partly_bad_file_prints_the_good_part_with_a_warning(capsys):
    code, out, err = run(
        capsys, "calendars", "inspect", str(FEEDS / "truncated.ics"), *WINDOW, "--json"
    )
    assert code == 0
    assert len(json.loads(out)["meetings"]) == 4
    assert err.startswith("tipoff: warning: the file ends in the middle of an event")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"<html><body>Sign in</body></html>", "not an iCalendar"),
        (b"", "empty file"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2025", "no events could be read"),
    ],
)
def test_a_bad_file_is_one_line_and_exit_1(capsys, tmp_path, content, words):
    path = tmp_path / "bad.ics"
    path.write_bytes(content)
    code, out, err = run(capsys, "calendars", "inspect", str(path), *WINDOW)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["/no/such/file.ics"], "no such file"),
        ([str(FEEDS / "zoom.ics"), "--timezone", "Mars/Olympus"], "unknown time zone"),
        ([str(FEEDS / "zoom.ics"), "--from", "yesterday-ish"], "not an ISO date"),
        (
            [str(FEEDS / "zoom.ics"), "--from", "2025-04-01", "--to", "2025-03-01"],
            "--to must be after",
        ),
        (["http://127.0.0.1:9/feed.ics"], "points to a loopback address"),
    ],
)
def test_bad_arguments_are_one_line(capsys, args, words):
    code, out, err = run(capsys, "calendars", "inspect", *args)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err


def test_inspect_a_url(capsys, allow_private, feed_server):
    url = feed_server.serve("/c.ics", calendar(vevent("u", soon(1), summary="From the web")))
    code, out, _ = run(capsys, "calendars", "inspect", url, "--json")
    assert code == 0
    assert [m["summary"] for m in json.loads(out)["meetings"]] == ["From the web"]


def test_inspect_uses_the_sync_parser():
    """The CLI has no parsing of its own: it calls the function sync calls."""
    import cli.calendars
    import core.calendars.sync

    assert cli.calendars.parse_feed is core.calendars.sync.parse_feed
