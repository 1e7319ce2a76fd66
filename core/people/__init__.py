"""People: accounts, audit log, lifecycle (deactivate, erase, export), password resets."""
