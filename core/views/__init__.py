"""What each page shows, built from core calls: the page routes render these and the
JSON twins (``api.routes.pwa_views``, the insights routes) return them, so HTML and JSON
never disagree."""
