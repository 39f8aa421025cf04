"""add book year

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 02:19:23.675215

"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("book", schema=None) as batch_op:
        batch_op.add_column(sa.Column("year", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("book", schema=None) as batch_op:
        batch_op.drop_column("year")
