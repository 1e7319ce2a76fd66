"""What every command shares: the Typer app, one-line errors, and a ready database."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from sqlalchemy.engine import Engine

app = typer.Typer(
    name="tipoff",
    help="Tipoff: peer-written tips pushed to your phone just before each customer meeting.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr and a non-zero exit: the CLI's only way to report an error."""
    print(f"tipoff: error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def ready_engine() -> Engine:
    """The configured database with every migration applied."""
    from core.db import get_engine
    from core.migrate import upgrade

    engine = get_engine()
    upgrade(engine)
    return engine
