"""People: accounts, single sign-on, SCIM provisioning, audit and lifecycle."""
