"""The notification outbox: which push goes to which device when."""
