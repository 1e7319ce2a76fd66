"""Page routers of the PWA, one module per page (or per pair of closely related pages)."""
