"""``tipoff users``: create and list people."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cli.base import ready_engine
from core.db import session_scope
from core.models import Role
from core.people import accounts

users_app = typer.Typer(help="Create and list users.", no_args_is_help=True)


@users_app.command("add")
def add_user(
    email: Annotated[str, typer.Argument(help="Sign-in address, also 'me' in calendars.")],
    role: Annotated[Role, typer.Option(help="member, curator or admin.")],
    name: Annotated[str, typer.Option(help="Display name.")],
    timezone: Annotated[str, typer.Option(help="IANA time zone, e.g. Europe/Berlin.")] = "UTC",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Add a user. Without --password-stdin the user cannot sign in to the PWA (API tokens only)."""
    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    with session_scope(ready_engine()) as session:
        user = accounts.create_user(
            session, email=email, name=name, role=role, timezone=timezone, password=password
        )
        typer.echo(f"created {user.role} {user.email} (id {user.id})")


@users_app.command("list")
def list_users() -> None:
    """List users: id, email, role, name."""
    with session_scope(ready_engine()) as session:
        for user in accounts.list_users(session):
            typer.echo(f"{user.id}\t{user.email}\t{user.role}\t{user.name}")
