"""``tipoff users set-role | deactivate | reactivate | reset-password | erase``, audited."""

from __future__ import annotations

from sqlalchemy import text


def add(tipoff, email: str, role: str = "member") -> None:
    result = tipoff(
        "users",
        "add",
        email,
        "--role",
        role,
        "--name",
        email.split("@")[0],
        "--password-stdin",
        stdin="a-long-password\n",
    )
    assert result.code == 0, result.err


def audit_actions() -> list[tuple[str, str | None]]:
    from core.db import get_engine

    with get_engine().connect() as connection:
        rows = connection.execute(text("SELECT action, client FROM audit_event ORDER BY id"))
        return [(row[0], row[1]) for row in rows]


def test_roles_and_deactivation_from_the_command_line(tipoff):
    add(tipoff, "boss@northwind.example", "admin")
    add(tipoff, "sam@northwind.example")
    assert tipoff("users", "set-role", "sam@northwind.example", "curator").out.strip() == (
        "sam@northwind.example is now curator"
    )
    assert tipoff("users", "deactivate", "sam@northwind.example").code == 0
    assert "sam@northwind.example\tcurator\tsam\tdeactivated" in tipoff("users", "list").out
    assert tipoff("users", "reactivate", "sam@northwind.example").code == 0
    last = tipoff("users", "set-role", "boss@northwind.example", "member")
    assert last.code == 1 and "last active admin" in last.err and len(last.err.splitlines()) == 1
    bad = tipoff("users", "set-role", "sam@northwind.example", "overlord")
    assert bad.code == 2
    missing = tipoff("users", "deactivate", "nobody@northwind.example")
    assert missing.code == 1 and "no user" in missing.err
    assert audit_actions() == [
        ("user.role", "cli"),
        ("user.deactivate", "cli"),
        ("user.reactivate", "cli"),
    ]


def test_reset_password_prints_a_one_time_link(tipoff):
    add(tipoff, "sam@northwind.example")
    result = tipoff("users", "reset-password", "sam@northwind.example")
    assert result.code == 0, result.err
    link = result.out.strip().splitlines()[-1]
    assert link.startswith("http://127.0.0.1:8000/reset/pwr_")
    assert ("user.password_reset_link", "cli") in audit_actions()


def test_erase_from_the_command_line(tipoff):
    add(tipoff, "boss@northwind.example", "admin")
    add(tipoff, "sam@northwind.example")
    result = tipoff("users", "erase", "sam@northwind.example", "--yes")
    assert result.code == 0, result.err
    assert "sam@northwind.example" not in tipoff("users", "list").out
    assert ("user.erase", "cli") in audit_actions()


def test_token_creation_and_revocation_are_audited(tipoff):
    add(tipoff, "sam@northwind.example")
    tipoff("tokens", "create", "sam@northwind.example")
    tipoff("tokens", "revoke", "sam@northwind.example")
    assert [a for a, _ in audit_actions()] == ["token.create", "token.revoke"]


def test_new_commands_have_help(tipoff):
    for args in (
        ["users", "set-role", "--help"],
        ["users", "deactivate", "--help"],
        ["users", "reactivate", "--help"],
        ["users", "reset-password", "--help"],
        ["users", "erase", "--help"],
        ["backup", "--help"],
        ["restore", "--help"],
    ):
        result = tipoff(*args)
        assert result.code == 0 and "Usage" in result.out, args
