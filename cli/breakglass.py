"""``tipoff users break-glass``: an admin who may sign in with a password when SSO is required."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cli.base import ready_engine
from cli.users import users_app
from core.db import session_scope
from core.people import accounts
from core.people.breakglass import set_break_glass


@users_app.command("break-glass")
def break_glass(
    email: Annotated[str, typer.Argument(help="An admin's sign-in address.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Set their password from standard input.")
    ] = False,
    off: Annotated[bool, typer.Option("--off", help="Take the break-glass right away.")] = False,
) -> None:
    """Let an admin sign in with a password even when TIPOFF_PASSWORD_LOGIN=false."""
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    with session_scope(ready_engine()) as session:
        user = accounts.get_user_by_email(session, email)
        set_break_glass(session, user, enabled=not off, password=password)
    state = "no longer" if off else "now"
    typer.echo(f"{user.email} can {state} sign in with a password when SSO is required")
