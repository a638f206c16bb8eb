"""Bring databases made before 0001 was edited in place to the schema every other database has.

0001 first shipped with ix_outbox_age (device_id, state, created_at); it was later edited, without a
new revision, to create ix_outbox_state (device_id, state) instead. A database made before that edit
still has the old index and lacks the new one, and Alembic, seeing "0001"/"0002", never noticed.
Every statement is conditional, so this runs the same on old and new databases.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_outbox_age")
    op.execute("CREATE INDEX IF NOT EXISTS ix_outbox_state ON outbox (device_id, state)")


def downgrade() -> None:
    # Nothing to undo: at 0002 both index shapes existed in the field, and the current one is the right one.
    pass
