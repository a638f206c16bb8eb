"""Alembic environment: migrate the connection storage/migrate.py hands over (or a URL, for the CLI)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from etims_desktop.storage.models import Base

config = context.config


def run_migrations(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        run_migrations(connection)


main()
