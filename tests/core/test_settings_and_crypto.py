"""Settings defaults, the generated secret key, and encryption at rest."""

from __future__ import annotations

import pytest


def test_secret_key_is_generated_once_with_mode_0600(tmp_path):
    from core.settings import Settings

    settings = Settings(data_dir=tmp_path, secret_key="")
    key = settings.ensure_secret_key()
    path = tmp_path / "secret_key"
    assert path.stat().st_mode & 0o777 == 0o600 and len(key) > 40
    assert Settings(data_dir=tmp_path, secret_key="").ensure_secret_key() == key


def _key_after(barrier, folder, keys):
    from core.settings import Settings

    barrier.wait()
    keys.put(Settings(data_dir=folder, secret_key="").ensure_secret_key())


def test_processes_starting_together_on_a_new_folder_share_one_key(tmp_path):
    """Workers of a first start (or ``tipoff eval --jobs``) race to create the key: one wins,
    none fails on the file the winner made, and none reads it half written."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    barrier, keys = context.Barrier(8), context.Queue()
    workers = [
        context.Process(target=_key_after, args=(barrier, tmp_path / "data", keys))
        for _ in range(8)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert [worker.exitcode for worker in workers] == [0] * 8
    found = {keys.get(timeout=5) for _ in workers}
    assert len(found) == 1 and len(found.pop()) > 40
    assert [p.name for p in (tmp_path / "data").iterdir()] == ["secret_key"]


def test_default_database_is_sqlite_in_the_data_dir(tmp_path):
    from core.settings import Settings

    settings = Settings(data_dir=tmp_path, database_url="")
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'tipoff.db'}"
    assert Settings(database_url="postgres://u@h/db").effective_database_url.startswith(
        "postgresql+psycopg://"
    )


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path):
    from sqlalchemy import text

    from core.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_encryption_round_trips_and_hides_the_plaintext():
    from core.crypto import decrypt, encrypt

    secret = "https://calendar.example/private/abc123/basic.ics"
    sealed = encrypt(secret)
    assert secret not in sealed and "abc123" not in sealed
    assert decrypt(sealed) == secret
    assert encrypt(secret) != sealed  # fresh IV each time


def test_a_changed_key_cannot_decrypt(monkeypatch):
    from core.crypto import DecryptionFailed, decrypt, encrypt
    from core.settings import get_settings

    sealed = encrypt("secret")
    monkeypatch.setattr(get_settings(), "secret_key", "another-key")
    with pytest.raises(DecryptionFailed):
        decrypt(sealed)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("ACME.com", "acme.com"),
        (" www.Globex.COM ", "globex.com"),
        ("https://initech.com/about", "initech.com"),
        ("stark-health.org", "stark-health.org"),
        ("münchen.de", "münchen.de"),
    ],
)
def test_domains_are_normalised(raw, expected):
    from core.tips.text import normalise_domain

    assert normalise_domain(raw) == expected


@pytest.mark.parametrize("raw", ["not a domain", "acme", "-acme.com", "acme..com", "acme.c0m", ""])
def test_bad_domains_are_refused(raw):
    from core.errors import InvalidInput
    from core.tips.text import normalise_domain

    with pytest.raises(InvalidInput):
        normalise_domain(raw)


def test_tags_are_slugified():
    from core.tips.text import normalise_tags

    assert normalise_tags(["Pricing Talks", "pricing-talks", "Préis Verhandlung", " "]) == [
        "pricing-talks",
        "préis-verhandlung",
    ]
