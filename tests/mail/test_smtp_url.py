"""Reading TIPOFF_SMTP_URL: the three documented forms, and errors that hide the password."""

from __future__ import annotations

import pytest

from core.errors import InvalidInput
from core.mail.smtp import parse_smtp_url
from core.settings import Settings


def test_submission_with_starttls():
    config = parse_smtp_url("smtp://user%40corp:p%3Ass@mail.example.com:587")
    assert (config.host, config.port, config.implicit_tls) == ("mail.example.com", 587, False)
    assert config.starttls == "required"
    assert (config.username, config.password) == ("user@corp", "p:ss")
    assert "p:ss" not in repr(config)


def test_implicit_tls():
    config = parse_smtp_url("smtps://u:p@mail.example.com")
    assert (config.port, config.implicit_tls, config.starttls) == (465, True, "off")


def test_local_relay():
    config = parse_smtp_url("smtp://localhost:25")
    assert (config.port, config.starttls, config.username) == (25, "opportunistic", None)
    assert parse_smtp_url("smtp://localhost?starttls=off").starttls == "off"


@pytest.mark.parametrize("url", ["http://u:secretpw@host", "smtp://", "smtp://u:secretpw@h:x"])
def test_bad_urls_say_why_without_the_password(url):
    with pytest.raises(InvalidInput) as error:
        parse_smtp_url(url)
    assert "secretpw" not in error.value.detail


def test_the_setting_is_a_secret(monkeypatch):
    monkeypatch.setenv("TIPOFF_SMTP_URL", "smtp://u:secretpw@mail.example.com:587")
    settings = Settings()
    assert "secretpw" not in repr(settings) and "secretpw" not in str(settings.model_dump())
    assert settings.smtp_url.get_secret_value().endswith(":587")
