"""People: accounts, sign-in sessions, API tokens, invites and setup links."""
