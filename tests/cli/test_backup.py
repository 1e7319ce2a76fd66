"""``tipoff backup`` / ``tipoff restore``: a round trip while another connection keeps writing."""

from __future__ import annotations

import sqlite3
import stat
import tarfile
import threading
import time


def _writer(database, stop: threading.Event, committed: list[int]) -> None:
    """Another process's worth of writes: one committed audit row at a time."""
    connection = sqlite3.connect(database, timeout=30)
    connection.execute("PRAGMA journal_mode=WAL")
    n = 0
    while not stop.is_set():
        n += 1
        connection.execute(
            "INSERT INTO audit_event (at, action, detail) VALUES (datetime('now'), 'test.write', "
            f"'{{\"n\": {n}}}')"
        )
        connection.commit()
        committed.append(n)
    connection.close()


def _count(database) -> int:
    with sqlite3.connect(database) as connection:
        return int(
            connection.execute(
                "SELECT count(*) FROM audit_event WHERE action = 'test.write'"
            ).fetchone()[0]
        )


def test_round_trip_while_writes_go_on(tipoff, tmp_path, monkeypatch):
    from core.db import get_engine
    from core.settings import get_settings

    assert (
        tipoff(
            "users",
            "add",
            "boss@northwind.example",
            "--role",
            "admin",
            "--name",
            "Boss",
            "--password-stdin",
            stdin="a-long-password\n",
        ).code
        == 0
    )
    vapid = tipoff("vapid").out.strip().splitlines()[-1]  # an encrypted secret in the database
    database = tmp_path / "tipoff.db"
    stop, committed = threading.Event(), []
    writer = threading.Thread(target=_writer, args=(database, stop, committed))
    writer.start()
    try:
        while len(committed) < 50:
            time.sleep(0.01)
        before = len(committed)
        archive = tmp_path / "backups" / "tipoff.tar.gz"
        result = tipoff("backup", str(archive))
        after = len(committed)
        time.sleep(0.05)  # writes go on after the backup
    finally:
        stop.set()
        writer.join()
    assert result.code == 0, result.err
    assert "mode 0600" in result.out
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == ["manifest.json", "secret_key", "tipoff.db"]
    assert _count(database) > after  # the writer was not blocked by the backup

    # Restore into a fresh data directory.
    restored = tmp_path / "restored"
    get_engine().dispose()
    monkeypatch.setenv("TIPOFF_DATA_DIR", str(restored))
    get_settings.cache_clear()
    get_engine.cache_clear()
    result = tipoff("restore", str(archive))
    assert result.code == 0, result.err
    copy = restored / "tipoff.db"
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # One consistent moment during the backup (+1: a row committed, not yet counted).
    assert before <= _count(copy) <= after + 1
    assert stat.S_IMODE((restored / "secret_key").stat().st_mode) == 0o600
    assert (restored / "secret_key").read_text() == (tmp_path / "secret_key").read_text()
    # The restored key still opens the restored secrets, and the server's data is there.
    assert tipoff("vapid").out.strip().splitlines()[-1] == vapid
    assert "boss@northwind.example\tadmin" in tipoff("users", "list").out

    # A second restore would overwrite: refused without --force.
    get_engine().dispose()
    again = tipoff("restore", str(archive))
    assert again.code == 1 and "not empty" in again.err and "--force" in again.err
    assert tipoff("restore", str(archive), "--force").code == 0


def test_backup_refuses_to_overwrite_and_restore_refuses_junk(tipoff, tmp_path):
    assert tipoff("migrate").code == 0
    archive = tmp_path / "b.tar.gz"
    assert tipoff("backup", str(archive)).code == 0
    second = tipoff("backup", str(archive))
    assert second.code == 1 and "exists" in second.err
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tarball")
    bad = tipoff("restore", str(junk), "--force")
    assert bad.code == 1 and "cannot read" in bad.err


def test_postgres_backup_prints_pg_dump_and_keeps_the_key(tipoff, tmp_path, monkeypatch):
    from core.settings import get_settings

    monkeypatch.setenv("TIPOFF_DATABASE_URL", "postgresql://tipoff:hunter2@db.internal:5433/tips")
    get_settings.cache_clear()
    archive = tmp_path / "key.tar.gz"
    result = tipoff("backup", str(archive))
    assert result.code == 0, result.err
    command = result.out.strip().splitlines()[-1]
    assert command.startswith("pg_dump --format=custom")
    assert "--host=db.internal" in command and "--port=5433" in command and command.endswith("tips")
    assert "hunter2" not in result.out
    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == ["manifest.json", "secret_key"]
    refused = tipoff("restore", str(archive))
    assert refused.code == 1 and "pg_restore" in refused.err
