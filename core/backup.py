"""Backups: one archive with a consistent copy of the database and the secret key.

On SQLite the copy comes from SQLite's online backup API: it reads one
consistent snapshot while ``tipoff serve`` keeps writing (WAL readers do not
block writers), so no downtime is needed. The secret key goes into the same
archive because the database is useless without it: calendar URLs and
passwords and the VAPID key are encrypted with keys derived from it. The
archive is therefore as sensitive as the key, and is written with mode 0600.

On PostgreSQL the database is backed up with ``pg_dump`` (the right tool for
it); the archive then holds only the secret key, and ``pg_dump_command`` tells
what to run.

Restoring refuses to overwrite a data directory that holds anything unless
forced, checks the copied database (``PRAGMA integrity_check``) before it
replaces anything, and removes a stale WAL so the old write-ahead log cannot
be replayed onto the restored file. Stop the server before restoring.
"""

from __future__ import annotations

import io
import json
import os
import shlex
import shutil
import sqlite3
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from core.errors import Conflict, InvalidInput
from core.models import utcnow
from core.settings import SECRET_KEY_FILE

DATABASE_FILE = "tipoff.db"
MANIFEST = "manifest.json"
FORMAT = "tipoff-backup"
MEMBERS = {DATABASE_FILE, SECRET_KEY_FILE, MANIFEST}


@dataclass(frozen=True)
class BackupReport:
    path: Path
    database: str  # "sqlite" | "postgresql"
    size: int
    revision: str | None


def _open_private(path: Path) -> int:
    """A new file only its owner can read, never following a planted symlink."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _add(
    archive: tarfile.TarFile, name: str, data: bytes | None = None, path: Path | None = None
) -> None:
    info = tarfile.TarInfo(name)
    info.mode = 0o600
    info.mtime = int(utcnow().timestamp())
    if path is not None:
        info.size = path.stat().st_size
        with path.open("rb") as handle:
            archive.addfile(info, handle)
        return
    assert data is not None
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def _write_archive(target: Path, members: list[tuple[str, bytes | None, Path | None]]) -> int:
    """Write the archive next to ``target`` and move it into place (never half-written)."""
    if target.exists():
        raise Conflict(f"{target} exists: choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    fd = _open_private(partial)
    try:
        with (
            os.fdopen(fd, "wb") as raw,
            # level 6: a third of level 9's time for nearly the same size
            tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive,
        ):
            for name, data, path in members:
                _add(archive, name, data, path)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.chmod(target, 0o600)
    return target.stat().st_size


def backup_sqlite(target: Path, *, database: Path, secret_key: str) -> BackupReport:
    """Copy a live SQLite database (online backup API) and the key into ``target``."""
    if not database.exists():
        raise InvalidInput(f"no database at {database}")
    with tempfile.TemporaryDirectory(prefix="tipoff-backup-") as scratch:
        copy = Path(scratch) / DATABASE_FILE
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
        destination = sqlite3.connect(copy)
        try:
            # pages=-1: the whole database in one step, i.e. from one read snapshot.
            source.backup(destination, pages=-1)
            revision = _revision(destination)
        finally:
            destination.close()
            source.close()
        os.chmod(copy, 0o600)
        manifest = _manifest("sqlite", revision)
        size = _write_archive(
            target,
            [
                (MANIFEST, manifest, None),
                (SECRET_KEY_FILE, (secret_key + "\n").encode(), None),
                (DATABASE_FILE, None, copy),
            ],
        )
    return BackupReport(path=target, database="sqlite", size=size, revision=revision)


def backup_key_only(target: Path, *, secret_key: str) -> BackupReport:
    """The PostgreSQL case: the key (and a manifest); the database goes through pg_dump."""
    size = _write_archive(
        target,
        [
            (MANIFEST, _manifest("postgresql", None), None),
            (SECRET_KEY_FILE, (secret_key + "\n").encode(), None),
        ],
    )
    return BackupReport(path=target, database="postgresql", size=size, revision=None)


def pg_dump_command(database_url: str, target: Path) -> str:
    """The ``pg_dump`` line for this database, without the password (use PGPASSWORD or
    ~/.pgpass: a password on a command line is visible to every user of the machine)."""
    url = make_url(database_url)
    parts = ["pg_dump", "--format=custom", f"--file={target.with_suffix('.pgdump')}"]
    if url.host:
        parts.append(f"--host={url.host}")
    if url.port:
        parts.append(f"--port={url.port}")
    if url.username:
        parts.append(f"--username={url.username}")
    options = url.query.get("options")
    if options and "search_path=" in str(options):
        schema = str(options).split("search_path=", 1)[1].split()[0]
        parts.append(f"--schema={schema}")
    parts.append(url.database or "")
    return " ".join(shlex.quote(p) for p in parts)


def _manifest(database: str, revision: str | None) -> bytes:
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "created_at": utcnow().isoformat(),
        "database": database,
        "alembic_revision": revision,
    }
    return json.dumps(data, indent=2).encode()


# --- restore --------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreReport:
    data_dir: Path
    database: str
    revision: str | None
    secret_key: str


def _read_archive(path: Path, database_to: Path | None = None) -> dict[str, bytes]:
    """The small members in memory; the database streamed to ``database_to`` (mode 0600)
    when given, so a large database is never held in memory."""
    members: dict[str, bytes] = {}
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            for info in archive.getmembers():
                if info.name not in MEMBERS or not info.isfile():
                    raise InvalidInput(f"{path} is not a Tipoff backup (unexpected {info.name!r})")
                handle = archive.extractfile(info)
                assert handle is not None
                if info.name != DATABASE_FILE:
                    members[info.name] = handle.read()
                    continue
                members[DATABASE_FILE] = b""  # present; its bytes went to the file
                if database_to is not None:
                    database_to.unlink(missing_ok=True)
                    with os.fdopen(_open_private(database_to), "wb") as out:
                        shutil.copyfileobj(handle, out, 1024 * 1024)
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    try:
        manifest = json.loads(members.get(MANIFEST, b"{}"))
    except ValueError:
        manifest = {}
    if manifest.get("format") != FORMAT or SECRET_KEY_FILE not in members:
        raise InvalidInput(f"{path} is not a Tipoff backup")
    return members


def restore(path: Path, *, data_dir: Path, force: bool = False) -> RestoreReport:
    """Put a backup's database and key into ``data_dir`` (SQLite deployments)."""
    _read_archive(path)  # is it a backup at all? (before judging the directory)
    if data_dir.exists() and any(data_dir.iterdir()) and not force:
        raise Conflict(
            f"{data_dir} is not empty: restoring would overwrite it. "
            "Stop Tipoff, and pass --force to replace what is there."
        )
    data_dir.mkdir(parents=True, exist_ok=True)
    staged = data_dir / f".{DATABASE_FILE}.restoring"
    try:
        members = _read_archive(path, database_to=staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    manifest = json.loads(members[MANIFEST])
    secret_key = members[SECRET_KEY_FILE].decode().strip()
    revision: str | None = None
    if DATABASE_FILE in members:
        check = sqlite3.connect(staged)
        try:
            verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
            revision = _revision(check)
        finally:
            check.close()
        if verdict != "ok":
            staged.unlink(missing_ok=True)
            raise InvalidInput(f"the database in {path} is damaged: {verdict}")
        for stale in ("-wal", "-shm"):
            (data_dir / f"{DATABASE_FILE}{stale}").unlink(missing_ok=True)
        os.replace(staged, data_dir / DATABASE_FILE)
    key_file = data_dir / SECRET_KEY_FILE
    staged_key = data_dir / f".{SECRET_KEY_FILE}.restoring"
    staged_key.unlink(missing_ok=True)
    fd = _open_private(staged_key)
    with os.fdopen(fd, "w") as handle:
        handle.write(secret_key + "\n")
    os.replace(staged_key, key_file)
    return RestoreReport(
        data_dir=data_dir,
        database=str(manifest.get("database", "sqlite")),
        revision=revision,
        secret_key=secret_key,
    )
