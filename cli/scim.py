"""``tipoff scim token``: the identity provider's provisioning token."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.base import fail, ready_engine
from core.db import session_scope
from core.people.scim import tokens
from core.settings import get_settings


def scim_token(
    revoke: Annotated[
        bool, typer.Option("--revoke", help="Remove the token: provisioning stops.")
    ] = False,
) -> None:
    """Make a new provisioning token (replacing the old one), printed alone on the last line."""
    with session_scope(ready_engine()) as session:
        if revoke:
            removed = tokens.revoke(session)
        else:
            token = tokens.create(session)
    if revoke:
        if not removed:
            fail("there is no provisioning token")
        typer.echo("provisioning token removed: SCIM requests are refused until you make a new one")
        return
    base = get_settings().effective_public_url.rstrip("/")
    typer.echo(f"SCIM base URL: {base}/scim/v2 (authentication: bearer token)")
    typer.echo(
        "Provisioning token (store it in your identity provider now; it is not shown again):"
    )
    typer.echo(token)


scim_app = typer.Typer(help="SCIM 2.0 provisioning.", no_args_is_help=True)
scim_app.command("token")(scim_token)
