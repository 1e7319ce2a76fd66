"""Run ``tipoff`` in-process against a throwaway SQLite database of its own,
so CLI tests never leave rows behind in the shared test database."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def tipoff(tmp_path, monkeypatch, capsys):
    from core.db import get_engine
    from core.settings import get_settings

    monkeypatch.setenv("TIPOFF_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TIPOFF_DATABASE_URL", raising=False)
    monkeypatch.delenv("TIPOFF_SECRET_KEY", raising=False)
    get_settings.cache_clear()
    get_engine.cache_clear()

    def run(*args: str, stdin: str = "") -> Result:
        from cli.main import main

        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    yield run
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()
