"""Web Push: VAPID keys, payloads, encryption and delivery over one shared HTTP client."""
