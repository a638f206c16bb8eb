"""Devices remember the host on which KRA's invoice lookup (selectInvoiceDetails) was found missing.

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: rebuilding `devices` (batch mode) would cascade into every sale it owns.
    op.add_column("devices", sa.Column("invoice_lookup_missing_on", sa.String(length=400), nullable=True))


def downgrade() -> None:
    op.drop_column("devices", "invoice_lookup_missing_on")  # SQLite 3.35+ drops a column in place
