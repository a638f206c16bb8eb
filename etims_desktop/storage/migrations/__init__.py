"""Alembic migrations, run programmatically by storage/migrate.py (no alembic.ini needed)."""
