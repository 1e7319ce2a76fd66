"""The ``tipoff`` command: users, tokens, tip import, and one-line errors."""

from __future__ import annotations

import json

import pytest


def test_every_command_has_help(tipoff):
    commands = [
        ["--help"],
        ["users", "--help"],
        ["users", "add", "--help"],
        ["tokens", "create", "--help"],
        ["tokens", "revoke", "--help"],
        ["tips", "import", "--help"],
        ["serve", "--help"],
        ["worker", "--help"],
        ["migrate", "--help"],
    ]
    for args in commands:
        result = tipoff(*args)
        assert result.code == 0 and "Usage" in result.out, args


def test_users_add_list_and_token_lifecycle(tipoff, tmp_path):
    added = tipoff(
        "users", "add", "Sam@Northwind.example", "--role", "admin", "--name", "Sam",
        "--timezone", "America/Chicago", "--password-stdin", stdin="a-long-password\n",
    )  # fmt: skip
    assert added.code == 0, added.err
    listed = tipoff("users", "list")
    assert "sam@northwind.example\tadmin\tSam" in listed.out

    created = tipoff("tokens", "create", "sam@northwind.example")
    assert created.code == 0
    token = created.out.strip().splitlines()[-1]
    assert token.startswith("tip_") and len(token) > 40

    from core.db import session_scope
    from core.people import accounts

    with session_scope() as session:
        assert accounts.user_for_api_token(session, token) is not None

    revoked = tipoff("tokens", "revoke", "sam@northwind.example")
    assert revoked.code == 0 and "revoked 1" in revoked.out
    with session_scope() as session:
        assert accounts.user_for_api_token(session, token) is None


@pytest.mark.parametrize(
    "args",
    [
        ["users", "add", "x@y.example", "--role", "boss", "--name", "X"],
        ["users", "add", "not-an-email", "--role", "member", "--name", "X"],
        [
            "users",
            "add",
            "x@y.example",
            "--role",
            "member",
            "--name",
            "X",
            "--timezone",
            "Nowhere/Else",
        ],
        ["users", "add"],
        ["tokens", "create", "nobody@y.example"],
        ["tokens", "revoke", "nobody@y.example"],
        ["tips", "import", "/nonexistent.json", "--author", "x@y.example"],
        ["no-such-command"],
    ],
)
def test_bad_arguments_give_one_line_and_a_non_zero_exit(tipoff, args):
    result = tipoff(*args)
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tipoff: error:"), result.err
    assert "Traceback" not in result.err


def test_duplicate_user_is_refused(tipoff):
    args = ["users", "add", "a@b.example", "--role", "member", "--name", "A"]
    assert tipoff(*args).code == 0
    again = tipoff(*args)
    assert again.code == 1 and "already exists" in again.err


def test_tips_import_is_all_or_nothing(tipoff, tmp_path):
    tipoff("users", "add", "cur@b.example", "--role", "curator", "--name", "Cur")
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps(
            {"tips": [{"body": "One", "tags": ["A B"]}, {"body": "Two", "accounts": ["acme.com"]}]}
        )
    )
    result = tipoff("tips", "import", str(good), "--author", "cur@b.example")
    assert result.code == 0 and "imported 2" in result.out

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"body": "Three"}, {"body": "Four", "accounts": ["not a domain"]}]))
    failed = tipoff("tips", "import", str(bad), "--author", "cur@b.example")
    assert failed.code == 1 and "not a company domain" in failed.err

    from sqlmodel import func, select

    from core.db import session_scope
    from core.models import Tip

    with session_scope() as session:
        assert session.exec(select(func.count()).select_from(Tip)).one() == 2
