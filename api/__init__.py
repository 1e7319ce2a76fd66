"""The HTTP face of Tipoff: JSON under /api, the PWA pages, health and metrics."""
