"""Outbox counts per device and state, kept by triggers, so the board never counts a million rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRIGGERS = {
    "outbox_count_insert": """
        CREATE TRIGGER outbox_count_insert AFTER INSERT ON outbox
        BEGIN
            INSERT INTO outbox_state_counts (device_id, state, n) VALUES (NEW.device_id, NEW.state, 1)
            ON CONFLICT (device_id, state) DO UPDATE SET n = n + 1;
        END
    """,
    "outbox_count_update": """
        CREATE TRIGGER outbox_count_update AFTER UPDATE OF state, device_id ON outbox
        WHEN OLD.state IS NOT NEW.state OR OLD.device_id IS NOT NEW.device_id
        BEGIN
            UPDATE outbox_state_counts SET n = n - 1 WHERE device_id = OLD.device_id AND state = OLD.state;
            INSERT INTO outbox_state_counts (device_id, state, n) VALUES (NEW.device_id, NEW.state, 1)
            ON CONFLICT (device_id, state) DO UPDATE SET n = n + 1;
        END
    """,
    "outbox_count_delete": """
        CREATE TRIGGER outbox_count_delete AFTER DELETE ON outbox
        BEGIN
            UPDATE outbox_state_counts SET n = n - 1 WHERE device_id = OLD.device_id AND state = OLD.state;
        END
    """,
}


def upgrade() -> None:
    op.create_table(
        "outbox_state_counts",
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_outbox_state_counts_device_id_devices"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("device_id", "state", name=op.f("pk_outbox_state_counts")),
    )
    op.execute(
        "INSERT INTO outbox_state_counts (device_id, state, n) "
        "SELECT device_id, state, count(*) FROM outbox GROUP BY device_id, state"
    )
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("outbox_state_counts")
