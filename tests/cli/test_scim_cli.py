"""`tipoff scim token`: printed once, alone on the last line; `--revoke` removes it."""

from __future__ import annotations


def test_the_cli_prints_the_token_alone_on_its_last_line_and_revokes_it(tipoff):
    made = tipoff("scim", "token")
    assert made.code == 0
    token = made.out.strip().splitlines()[-1]
    assert token.startswith("scim_") and " " not in token
    assert tipoff("scim", "token", "--revoke").code == 0
    assert tipoff("scim", "token", "--revoke").code == 1
