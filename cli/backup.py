"""``tipoff backup PATH`` and ``tipoff restore PATH``: see core/backup.py for how."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url

from cli.base import fail
from core import backup as backups
from core.errors import TipoffError
from core.settings import get_settings


def backup_command(
    path: Annotated[Path, typer.Argument(help="The archive to write (.tar.gz, mode 0600).")],
) -> None:
    """Copy the database (while Tipoff runs) and the secret key into one archive."""
    settings = get_settings()
    key = settings.ensure_secret_key()
    if settings.is_sqlite:
        database = Path(make_url(settings.effective_database_url).database or "")
        report = backups.backup_sqlite(path, database=database, secret_key=key)
        typer.echo(
            f"backed up the database (revision {report.revision}) and the secret key to "
            f"{report.path} ({report.size} bytes, mode 0600). Keep it as safe as the key."
        )
        return
    report = backups.backup_key_only(path, secret_key=key)
    typer.echo(f"PostgreSQL: wrote the secret key to {report.path} (mode 0600).")
    typer.echo("Back up the database itself with pg_dump (password from PGPASSWORD or ~/.pgpass):")
    typer.echo(backups.pg_dump_command(settings.effective_database_url, path))


def restore_command(
    path: Annotated[Path, typer.Argument(help="An archive made by `tipoff backup`.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace what is in the data directory.")
    ] = False,
) -> None:
    """Restore a backup into TIPOFF_DATA_DIR (stop Tipoff first)."""
    settings = get_settings()
    if not settings.is_sqlite:
        fail("TIPOFF_DATABASE_URL points at PostgreSQL: restore the database with pg_restore")
    database = Path(make_url(settings.effective_database_url).database or "")
    data_dir = settings.data_dir
    if database.parent.resolve() != data_dir.resolve():
        fail(f"the SQLite database {database} is not in TIPOFF_DATA_DIR {data_dir}")
    try:
        report = backups.restore(path, data_dir=data_dir, force=force)
    except TipoffError as exc:
        fail(exc.detail)
    typer.echo(f"restored {path} into {report.data_dir} (revision {report.revision})")
    if settings.secret_key and settings.secret_key != report.secret_key:
        typer.echo(
            "warning: TIPOFF_SECRET_KEY differs from the restored key; unset it (or set it to "
            f"the one in {data_dir / 'secret_key'}) or stored secrets cannot be decrypted",
            err=True,
        )
