"""``tipoff tokens``: API tokens for scripts and integrations."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.base import fail, ready_engine
from core.db import session_scope
from core.people import accounts, audit

tokens_app = typer.Typer(help="Create and revoke API tokens.", no_args_is_help=True)


@tokens_app.command("create")
def create_token(
    email: Annotated[str, typer.Argument(help="The user the token acts as.")],
    name: Annotated[str, typer.Option(help="A label to recognise the token by.")] = "",
) -> None:
    """Create a token. It is printed once, alone on the last line; only its hash is stored."""
    with session_scope(ready_engine()) as session:
        user = accounts.get_user_by_email(session, email)
        token = accounts.create_api_token(session, user, name=name)
        audit.record(
            session,
            actor=None,
            action="token.create",
            target=audit.user_target(user),
            client="cli",
            detail={"prefix": token[:10], "name": name},
        )
    typer.echo(f"token for {user.email} (store it now; it cannot be shown again):")
    typer.echo(token)


@tokens_app.command("revoke")
def revoke_token(
    email: Annotated[str, typer.Argument(help="The user whose tokens to revoke.")],
    prefix: Annotated[
        str | None, typer.Option(help="Revoke only the token starting with this (first 10 chars).")
    ] = None,
) -> None:
    """Revoke a user's API tokens (all of them, or the one matching --prefix)."""
    with session_scope(ready_engine()) as session:
        user = accounts.get_user_by_email(session, email)
        count = accounts.revoke_api_tokens(session, user, prefix=prefix)
        if count:
            audit.record(
                session,
                actor=None,
                action="token.revoke",
                target=audit.user_target(user),
                client="cli",
                detail={"count": count, "prefix": prefix[:10] if prefix else None},
            )
    if count == 0:
        fail("no active token matched")
    typer.echo(f"revoked {count} token(s) of {user.email}")
