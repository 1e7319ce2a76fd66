"""``tipoff vapid``: the Web Push (VAPID) public key, created on first use."""

from __future__ import annotations

import typer

from cli.base import ready_engine
from core.db import session_scope
from core.push import vapid as vapid_keys


def vapid_command() -> None:
    """Show the VAPID public key browsers subscribe with (creates the key pair if absent).

    The private key stays in the database, encrypted with the secret key; it is never printed.
    """
    with session_scope(ready_engine()) as session:
        key = vapid_keys.public_key(session)
    typer.echo(f"VAPID subject: {vapid_keys.vapid_subject()}")
    typer.echo(key)
