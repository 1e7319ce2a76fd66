"""People: accounts, sessions and API tokens, invites, single sign-on, SCIM provisioning,
the audit log, lifecycle (deactivate, erase, export) and password resets."""
