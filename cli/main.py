"""Entry point: ``tipoff serve | worker | migrate | users | tokens | tips | ...``."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Coroutine
from typing import Annotated, Any, TypeVar

import typer

from cli.backup import backup_command, restore_command
from cli.base import app, fail, ready_engine
from cli.breakglass import break_glass  # noqa: F401  (registers `users break-glass`)
from cli.calendars import calendars_app, sync_command
from cli.eval import eval_command, ranking_app
from cli.scim import scim_app
from cli.tips import tips_app
from cli.tokens import tokens_app
from cli.users import users_app
from cli.vapid import vapid_command
from core.errors import TipoffError
from core.logs import setup_logging
from core.settings import get_settings

T = TypeVar("T")

try:  # Typer 0.2x vendors click; older releases depend on it
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover
    from click import exceptions as click_errors  # type: ignore[no-redef]

app.add_typer(users_app, name="users")
app.add_typer(tokens_app, name="tokens")
app.add_typer(tips_app, name="tips")
app.add_typer(scim_app, name="scim")
app.add_typer(calendars_app, name="calendars")
app.command("sync")(sync_command)
app.command("eval")(eval_command)
app.add_typer(ranking_app, name="ranking")
app.command("vapid")(vapid_command)
app.command("backup")(backup_command)
app.command("restore")(restore_command)


@app.command()
def migrate() -> None:
    """Apply pending database migrations."""
    ready_engine()
    typer.echo("database is up to date")


def first_run_hint(base_url: str | None = None) -> str | None:
    """What to tell the operator on a fresh install, or None once an admin exists.

    While no admin exists, each start prints a fresh one-time setup link (only
    the newest works): opening it on a phone creates the first admin.
    """
    from core.db import session_scope
    from core.people import accounts, invites

    settings = get_settings()
    if base_url is None or settings.public_url is not None:
        base_url = settings.effective_public_url
    with session_scope() as session:
        if accounts.admin_exists(session):
            return None
        token = invites.create_setup_link(session)
    return (
        f"No admin yet. Open {invites.link(base_url, invites.setup_path(token))} "
        f"to create the first one (one-time link, valid {settings.setup_link_hours} h)."
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    scheduler: Annotated[
        bool, typer.Option(help="Run the background job loop in this process.")
    ] = True,
) -> None:
    """Apply migrations, then serve the API and the PWA (with the scheduler in-process)."""
    import uvicorn

    from app.main import create_app

    settings = get_settings()
    setup_logging(settings.log_level)
    settings.ensure_secret_key()
    ready_engine()
    # Load the sentence encoder and the language identifier now, not inside the first
    # requests: every tip write and brief needs them, and under a burst they would all queue
    # behind their loading.
    from core.ranking import embedding, language

    embedding.encode(["warm up"])  # reads the tokenizer and weights (seconds under load)
    language.detect("warm up")
    hint = first_run_hint(f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}")
    if hint:
        print(hint, flush=True)
    uvicorn.run(
        create_app(run_scheduler=scheduler and settings.run_scheduler),
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        # Uvicorn's own loggers (access log included) go through our redacting handler.
        log_config=None,
        # X-Forwarded-For/-Proto only from the proxies named in TIPOFF_TRUSTED_PROXIES:
        # believed from anyone, a client could pick the address rate limits count.
        **proxy_options(settings.trusted_proxies),
    )


def proxy_options(trusted: str) -> dict[str, Any]:
    """uvicorn's proxy settings for ``TIPOFF_TRUSTED_PROXIES`` (empty: trust none)."""
    hosts = [host.strip() for host in trusted.split(",") if host.strip()]
    if not hosts:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": hosts}


@app.command()
def worker(
    once: Annotated[bool, typer.Option("--once", help="Run what is due now, then exit.")] = False,
) -> None:
    """Run the background jobs (calendar sync, pushes) in their own process."""
    from scheduler.loop import run_forever, run_once

    settings = get_settings()
    setup_logging(settings.log_level)
    ready_engine()
    if once:
        done = run_event_loop(run_once())
        typer.echo(" ".join(f"{name}={count}" for name, count in done.items()) or "no jobs")
        return

    async def forever() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await run_forever(stop)

    run_event_loop(forever())


def run_event_loop(main: Coroutine[Any, Any, T]) -> T:
    """uvloop when installed (it comes with uvicorn[standard], which ``serve`` uses too)."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - a slimmer install
        return asyncio.run(main)
    return uvloop.run(main)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; usage errors and domain errors become one line on stderr."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="tipoff", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        if exc.ctx is not None:
            print(exc.ctx.get_help())
        return 0
    except click_errors.UsageError as exc:
        hint = f" (see: {exc.ctx.command_path} --help)" if exc.ctx else ""
        print(f"tipoff: error: {exc.format_message()}{hint}", file=sys.stderr)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("tipoff: aborted", file=sys.stderr)
        return 1
    except click_errors.ClickException as exc:
        print(f"tipoff: error: {exc.format_message()}", file=sys.stderr)
        return exc.exit_code
    except TipoffError as exc:
        print(f"tipoff: error: {exc.detail}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug, not a user error: still one line, details in the log
        logging.getLogger("tipoff.cli").debug("unexpected error", exc_info=True)
        print(f"tipoff: error: unexpected {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return result if isinstance(result, int) else 0


def entry() -> None:
    sys.exit(main())


__all__ = ["app", "entry", "fail", "main"]
