"""Tipoff's domain: everything that is not HTTP. Nothing here imports api/, pwa/ or scheduler/."""
