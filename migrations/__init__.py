"""Alembic migrations. Run them with ``tipoff migrate`` (``serve`` runs them too)."""
