"""The offline store: SQLite through SQLAlchemy 2, migrated by Alembic, reached through store.Store.

store.py      the async facade (one writer thread, one transaction per call)
outbox.py     the outbox rules: write-ahead eTIMS numbers, queue order, state history
devices.py, reference.py, items.py, sync_runs.py   the other repositories
models.py     the schema; migrations/ changes it; migrate.py runs them (after a backup)
database.py   the engine: WAL, foreign keys, busy timeout, private file
columns.py    exact column types (Decimal text, UTC datetimes, enums, JSON)
mapping.py, records.py   what leaves this package: domain values and frozen records
secrets.py    CMC keys in the OS keyring (never in the database)
"""
