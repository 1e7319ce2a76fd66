"""``tipoff users``: create, list and manage people (roles, deactivation, password links).

Every change here is audited with ``client="cli"`` and no actor: whoever can
run this command on the server is the operator.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from sqlmodel import Session

from cli.base import fail, ready_engine
from core.db import session_scope
from core.models import Role, User
from core.people import accounts, audit, lifecycle, passwords
from core.settings import get_settings

users_app = typer.Typer(help="Create, list and manage users.", no_args_is_help=True)
CLI = "cli"


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
    """List users: id, email, role, name, and "deactivated" when they are."""
    with session_scope(ready_engine()) as session:
        for user in accounts.list_users(session):
            state = "" if user.active else "\tdeactivated"
            typer.echo(f"{user.id}\t{user.email}\t{user.role}\t{user.name}{state}")


def _person(session: Session, email: str) -> User:
    user = accounts.get_user_by_email(session, email)
    if user.erased_at is not None:
        fail(f"no user with email {email}")
    return user


@users_app.command("set-role")
def set_role(
    email: Annotated[str, typer.Argument(help="The person's sign-in address.")],
    role: Annotated[Role, typer.Argument(help="member, curator or admin.")],
) -> None:
    """Change someone's role (the last active admin cannot be demoted)."""
    with session_scope(ready_engine()) as session:
        user = _person(session, email)
        lifecycle.set_role(session, user, role, actor=None, client=CLI)
        typer.echo(f"{user.email} is now {user.role}")


@users_app.command("deactivate")
def deactivate(email: Annotated[str, typer.Argument(help="The person's sign-in address.")]) -> None:
    """Take away access at once: sessions, tokens, calendars, devices. Their tips stay."""
    with session_scope(ready_engine()) as session:
        user = _person(session, email)
        lifecycle.deactivate(session, user, actor=None, client=CLI)
    typer.echo(f"deactivated {user.email}")


@users_app.command("reactivate")
def reactivate(email: Annotated[str, typer.Argument(help="The person's sign-in address.")]) -> None:
    """Let a deactivated person sign in again."""
    with session_scope(ready_engine()) as session:
        user = _person(session, email)
        lifecycle.reactivate(session, user, actor=None, client=CLI)
    typer.echo(f"reactivated {user.email}")


@users_app.command("reset-password")
def reset_password(
    email: Annotated[str, typer.Argument(help="The person's sign-in address.")],
) -> None:
    """Print a one-time link to choose a new password (alone on the last line)."""
    settings = get_settings()
    with session_scope(ready_engine()) as session:
        user = _person(session, email)
        link = passwords.create_reset_link(session, user, base_url=settings.effective_public_url)
        audit.record(
            session,
            actor=None,
            action="user.password_reset_link",
            target=audit.user_target(user),
            client=CLI,
        )
    minutes = settings.password_reset_minutes
    typer.echo(f"one-time link for {user.email} (valid {minutes} minutes, works once):")
    typer.echo(link)


@users_app.command("erase")
def erase(
    email: Annotated[str, typer.Argument(help="The person's sign-in address.")],
    delete_tips: Annotated[
        bool, typer.Option("--delete-tips", help="Delete their tips too (else they stay).")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Erase a person and their data; tips stay as "a former colleague"'s unless --delete-tips."""
    if not yes:
        typer.confirm(f"Erase {email} for good?", abort=True)
    with session_scope(ready_engine()) as session:
        user = _person(session, email)
        removed = lifecycle.erase(session, user, actor=None, delete_tips=delete_tips, client=CLI)
    typer.echo(f"erased {email} ({removed['tips_deleted']} tips deleted)")
