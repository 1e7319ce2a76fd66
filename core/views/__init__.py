"""Read models that pages and their JSON twins share (the curator's Insights page first)."""
