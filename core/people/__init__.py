"""People: accounts, sessions and API tokens, invites, the audit log, lifecycle
(deactivate, erase, export) and password resets."""
