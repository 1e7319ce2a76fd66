"""People: accounts, single sign-on, SCIM provisioning, audit log, lifecycle (deactivate,
erase, export), password resets."""
