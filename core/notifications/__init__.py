"""The notification outbox: which push goes to which device when.

- ``devices``: push subscriptions (checked through ``core.net.ssrf``), test pushes.
- ``outbox``, ``replan``, ``prepare``: plan, re-time and withdraw rows; freeze payloads.
- ``claim``, ``deliver``, ``results``: lease-based claims, the sending pipeline, outcomes.

Transport (VAPID, encryption, HTTP) lives in ``core.push``, the room below.
"""
