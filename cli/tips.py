"""``tipoff tips``: bulk import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.base import ready_engine
from core.db import session_scope
from core.people import accounts
from core.tips.importer import import_tips, load_tip_file

tips_app = typer.Typer(help="Manage the tip library.", no_args_is_help=True)


@tips_app.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="JSON: a list of {title?, body, tags?, accounts?}.")],
    author: Annotated[str, typer.Option(help="Email of the user the tips are posted as.")],
) -> None:
    """Import tips from a JSON file, all or nothing."""
    tips = load_tip_file(file)
    with session_scope(ready_engine()) as session:
        user = accounts.get_user_by_email(session, author)
        count = import_tips(session, user, tips)
    typer.echo(f"imported {count} tip(s) as {user.email}")
