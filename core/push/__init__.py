"""Web Push transport: VAPID keys, payloads, encryption and sending over one shared client.

Pure transport: which device gets what and when is ``core.notifications``.
"""
