"""forum topics of subscriptions and watches; long button payloads kept in the database

Revision ID: 0006t
Revises: 0005s
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006t"
down_revision: str | None = "0005s"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("subscriptions", "watches"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("thread_id", sa.BigInteger(), nullable=True))
    op.create_table(
        "button_payloads",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("command", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("button_payloads")
    for table in ("watches", "subscriptions"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("thread_id")
