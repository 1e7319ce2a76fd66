"""The VAPID key pair: created once, private key encrypted at rest, JWT cached per origin."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from py_vapid.jwt import decode as jwt_decode
from sqlmodel import select

from core.crypto import decrypt
from core.models import VapidKey
from core.push import vapid
from core.push.webpush import VapidSigner, origin_of


def test_keys_are_created_once_and_encrypted_at_rest(session):
    first = vapid.get_keys(session)
    second = vapid.get_keys(session)
    assert first.public_key == second.public_key
    rows = session.exec(select(VapidKey)).all()
    assert len(rows) == 1
    stored = rows[0].private_key_encrypted
    der = vapid.b64url_decode(decrypt(stored, vapid.CRYPTO_PURPOSE))
    assert der not in stored.encode() and vapid.b64url(der) not in stored
    assert stored.startswith("gAAAA")  # a Fernet token


def test_the_jwt_is_signed_once_per_origin_until_near_expiry(session):
    keys = vapid.get_keys(session)
    signer = VapidSigner(keys.vapid, "mailto:ops@example.com")
    now = time.time()
    a = signer.authorization("https://fcm.googleapis.com", now)
    assert signer.authorization("https://fcm.googleapis.com", now + 3600) == a
    assert signer.authorization("https://updates.push.services.mozilla.com", now) != a
    later = signer.authorization("https://fcm.googleapis.com", now + 11.5 * 3600)
    assert later != a  # re-signed an hour before the 12-hour expiry
    token = a.split("t=", 1)[1].split(",", 1)[0]
    key = a.split("k=", 1)[1]
    assert key == keys.public_key
    claims = jwt_decode(token, key)
    assert claims["aud"] == "https://fcm.googleapis.com"
    assert claims["sub"] == "mailto:ops@example.com"
    assert now + 11 * 3600 < claims["exp"] <= now + 12 * 3600 + 1


def test_origin_of_an_endpoint():
    assert origin_of("https://fcm.googleapis.com/fcm/send/abc") == "https://fcm.googleapis.com"
    assert origin_of("https://push.example:8443/x") == "https://push.example:8443"
    assert origin_of("https://push.example:443/x") == "https://push.example"


def test_subject_defaults(monkeypatch):
    from core.settings import get_settings

    settings = get_settings()
    monkeypatch.setattr(settings, "public_url", "https://tips.northwind.example:8443")
    assert vapid.vapid_subject() == "https://tips.northwind.example"
    monkeypatch.setattr(settings, "public_url", "http://127.0.0.1:8000")
    assert vapid.vapid_subject() == "mailto:tipoff@127.0.0.1"
    monkeypatch.setattr(settings, "vapid_subject", "mailto:it@northwind.example")
    assert vapid.vapid_subject() == "mailto:it@northwind.example"


def test_tipoff_vapid_creates_the_key_once(tmp_path):
    env = {
        **os.environ,
        "TIPOFF_DATA_DIR": str(tmp_path),
        "TIPOFF_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
    }
    env.pop("TIPOFF_SECRET_KEY")  # generated into the data dir, as on a fresh install
    command = [sys.executable, "-c", "from cli.main import entry; entry()", "vapid"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    key = first.stdout.strip().splitlines()[-1]
    assert second.stdout.strip().splitlines()[-1] == key
    assert len(vapid.b64url_decode(key)) == 65
    assert "PRIVATE" not in first.stdout + first.stderr
