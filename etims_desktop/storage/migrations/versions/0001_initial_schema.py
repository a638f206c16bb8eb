"""Initial schema: devices, sales and their outbox, sync history, KRA reference data, item master.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = (
    "sale_lines", "outbox_events", "outbox", "sync_run_devices", "sales", "notices", "item_registrations",
    "item_classes", "fetch_marks", "codes", "code_classes", "sync_runs", "items", "devices",
)


def upgrade() -> None:
    op.create_table('devices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('pin', sa.String(length=11), nullable=False),
    sa.Column('branch_id', sa.String(length=2), nullable=False),
    sa.Column('serial', sa.String(length=100), nullable=False),
    sa.Column('environment', sa.String(length=20), nullable=False),
    sa.Column('base_url', sa.String(length=300), nullable=True),
    sa.Column('endpoint_style', sa.String(length=20), nullable=False),
    sa.Column('scu_id', sa.String(length=40), nullable=True),
    sa.Column('mrc_no', sa.String(length=40), nullable=True),
    sa.Column('practice', sa.Boolean(), nullable=False),
    sa.Column('last_invc_no', sa.Integer(), nullable=False),
    sa.Column('last_queue_seq', sa.Integer(), nullable=False),
    sa.Column('status_kind', sa.String(length=20), nullable=False),
    sa.Column('status_checked_at', sa.DateTime(), nullable=True),
    sa.Column('status_rtt_ms', sa.Double(), nullable=True),
    sa.Column('status_code', sa.String(length=20), nullable=True),
    sa.Column('status_plain', sa.Text(), nullable=True),
    sa.Column('status_next_step', sa.Text(), nullable=True),
    sa.Column('last_sync_at', sa.DateTime(), nullable=True),
    sa.Column('last_error_code', sa.String(length=20), nullable=True),
    sa.Column('last_error_plain', sa.Text(), nullable=True),
    sa.Column('last_error_next_step', sa.Text(), nullable=True),
    sa.Column('paused_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
    sa.UniqueConstraint('pin', 'branch_id', 'serial', 'environment', name=op.f('uq_devices_pin_branch_id_serial_environment'))
    )
    op.create_table('items',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('serial', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('item_class_code', sa.String(length=10), nullable=False),
    sa.Column('tax_type', sa.String(length=20), nullable=False),
    sa.Column('price', sa.String(length=40), nullable=False),
    sa.Column('item_type', sa.String(length=1), nullable=False),
    sa.Column('origin_country', sa.String(length=2), nullable=False),
    sa.Column('pkg_unit_code', sa.String(length=5), nullable=False),
    sa.Column('qty_unit_code', sa.String(length=5), nullable=False),
    sa.Column('barcode', sa.String(length=20), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_items')),
    sa.UniqueConstraint('serial', name=op.f('uq_items_serial'))
    )
    op.create_table('sync_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=200), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_runs'))
    )
    op.create_table('code_classes',
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('cls', sa.String(length=5), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('in_use', sa.Boolean(), nullable=False),
    sa.Column('user_defined_name_1', sa.String(length=100), nullable=True),
    sa.Column('user_defined_name_2', sa.String(length=100), nullable=True),
    sa.Column('user_defined_name_3', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_code_classes_device_id_devices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('device_id', 'cls', name=op.f('pk_code_classes'))
    )
    op.create_table('codes',
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('cls', sa.String(length=5), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('in_use', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=True),
    sa.Column('user_defined_1', sa.String(length=100), nullable=True),
    sa.Column('user_defined_2', sa.String(length=100), nullable=True),
    sa.Column('user_defined_3', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_codes_device_id_devices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('device_id', 'cls', 'code', name=op.f('pk_codes'))
    )
    op.create_table('fetch_marks',
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('last_req_dt', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_fetch_marks_device_id_devices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('device_id', 'kind', name=op.f('pk_fetch_marks'))
    )
    op.create_table('item_classes',
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('tax_type', sa.String(length=1), nullable=True),
    sa.Column('major_target', sa.Boolean(), nullable=True),
    sa.Column('in_use', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_item_classes_device_id_devices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('device_id', 'code', name=op.f('pk_item_classes'))
    )
    op.create_table('item_registrations',
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_item_registrations_device_id_devices'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_code'], ['items.code'], name=op.f('fk_item_registrations_item_code_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_code', 'device_id', name=op.f('pk_item_registrations'))
    )
    op.create_table('notices',
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('notice_no', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('content', sa.Text(), nullable=True),
    sa.Column('detail_url', sa.Text(), nullable=True),
    sa.Column('registered_by', sa.String(length=100), nullable=True),
    sa.Column('registered_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_notices_device_id_devices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('device_id', 'notice_no', name=op.f('pk_notices'))
    )
    op.create_table('sales',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('trader_invoice_no', sa.String(length=50), nullable=False),
    sa.Column('receipt_type', sa.String(length=20), nullable=False),
    sa.Column('sold_at', sa.DateTime(), nullable=False),
    sa.Column('prices_include_vat', sa.Boolean(), nullable=False),
    sa.Column('buyer_pin', sa.String(length=11), nullable=True),
    sa.Column('buyer_name', sa.String(length=60), nullable=True),
    sa.Column('payment_type', sa.String(length=5), nullable=False),
    sa.Column('original_sale_id', sa.Integer(), nullable=True),
    sa.Column('refund_reason_code', sa.String(length=5), nullable=True),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('extra', sa.Text(), nullable=False),
    sa.Column('total', sa.String(length=40), nullable=False),
    sa.Column('total_tax', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_sales_device_id_devices'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['original_sale_id'], ['sales.id'], name=op.f('fk_sales_original_sale_id_sales'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales')),
    sa.UniqueConstraint('device_id', 'trader_invoice_no', name=op.f('uq_sales_device_id_trader_invoice_no'))
    )
    op.create_index(op.f('ix_sales_original_sale_id'), 'sales', ['original_sale_id'], unique=False)

    op.create_table('sync_run_devices',
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('signed', sa.Integer(), nullable=False),
    sa.Column('waiting', sa.Integer(), nullable=False),
    sa.Column('needs_fix', sa.Integer(), nullable=False),
    sa.Column('refreshed', sa.Text(), nullable=False),
    sa.Column('errors', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('report', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_sync_run_devices_device_id_devices'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['sync_runs.id'], name=op.f('fk_sync_run_devices_run_id_sync_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('run_id', 'device_id', name=op.f('pk_sync_run_devices'))
    )
    op.create_index('ix_sync_run_devices_device', 'sync_run_devices', ['device_id', 'run_id'], unique=False)

    op.create_table('outbox',
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('queue_seq', sa.Integer(), nullable=False),
    sa.Column('wait_reason', sa.String(length=20), nullable=True),
    sa.Column('invc_no', sa.Integer(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('last_error_code', sa.String(length=20), nullable=True),
    sa.Column('last_error_message', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('state_changed_at', sa.DateTime(), nullable=False),
    sa.Column('receipt_no', sa.Integer(), nullable=True),
    sa.Column('total_receipt_no', sa.Integer(), nullable=True),
    sa.Column('internal_data', sa.String(length=64), nullable=True),
    sa.Column('signature', sa.String(length=64), nullable=True),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('receipt_scu_id', sa.String(length=40), nullable=True),
    sa.Column('receipt_mrc_no', sa.String(length=40), nullable=True),
    sa.Column('receipt_complete', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_outbox_device_id_devices'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_outbox_sale_id_sales'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('sale_id', name=op.f('pk_outbox'))
    )
    op.create_index('ix_outbox_changed', 'outbox', ['device_id', 'state', 'state_changed_at'], unique=False)
    op.create_index('ix_outbox_device', 'outbox', ['device_id'], unique=False)
    op.create_index('ix_outbox_queue', 'outbox', ['device_id', 'state', 'queue_seq'], unique=False)
    op.create_index('ix_outbox_state', 'outbox', ['device_id', 'state'], unique=False)
    op.create_index('uq_outbox_device_invc_no', 'outbox', ['device_id', 'invc_no'], unique=True, sqlite_where=sa.text('invc_no IS NOT NULL'))

    op.create_table('outbox_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('from_state', sa.String(length=20), nullable=True),
    sa.Column('to_state', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_outbox_events_sale_id_sales'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_events'))
    )
    op.create_index(op.f('ix_outbox_events_sale_id'), 'outbox_events', ['sale_id'], unique=False)

    op.create_table('sale_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('item_class_code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('qty', sa.String(length=40), nullable=False),
    sa.Column('unit_price', sa.String(length=40), nullable=False),
    sa.Column('tax_type', sa.String(length=20), nullable=False),
    sa.Column('pkg_unit_code', sa.String(length=5), nullable=False),
    sa.Column('qty_unit_code', sa.String(length=5), nullable=False),
    sa.Column('discount_rate', sa.String(length=40), nullable=False),
    sa.Column('barcode', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_sale_lines_sale_id_sales'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sale_lines')),
    sa.UniqueConstraint('sale_id', 'line_no', name=op.f('uq_sale_lines_sale_id_line_no'))
    )



def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
