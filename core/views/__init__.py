"""What each page shows, built from core calls: the page routes render these and the
JSON twins in ``api.routes.pwa_views`` return them, so HTML and JSON never disagree."""
