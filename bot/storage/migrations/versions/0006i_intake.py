"""intake: a claim's outlets (claim_sources), its destination, qualifier, words and evidence;
proposals waiting for an admin's review (intake_proposals)

The claims already stored are rows of claims tables, whose format has no destination column:
their source reports defections to the Cambodian People's Party (data/parties.yaml says so of
the CPP), so they get the CPP as the party joined, when the database knows it.

Revision ID: 0006i
Revises: 0005s
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006i"
down_revision: str | None = "0005s"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("to_party_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="defection")
        )
        batch_op.add_column(sa.Column("qualifier", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("number_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("evidence", sa.Text(), nullable=True))
        batch_op.create_foreign_key(
            "fk_claims_to_party_id_parties", "parties", ["to_party_id"], ["id"]
        )
        batch_op.create_index("ix_claims_to_party_id", ["to_party_id"], unique=False)
    op.execute(
        "UPDATE claims SET to_party_id = (SELECT parties.id FROM parties WHERE parties.key = 'cpp')"
    )
    op.create_table(
        "claim_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("change_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("claim_id", "position", name="uq_claim_sources_position"),
    )
    with op.batch_alter_table("claim_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_sources_claim_id"), ["claim_id"], unique=False)
    op.create_table(
        "intake_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("actor_id", sa.BigInteger(), nullable=True),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("proposal", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("change_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("intake_proposals", schema=None) as batch_op:
        batch_op.create_index("ix_intake_proposals_status", ["status", "created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("intake_proposals", schema=None) as batch_op:
        batch_op.drop_index("ix_intake_proposals_status")
    op.drop_table("intake_proposals")
    with op.batch_alter_table("claim_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_sources_claim_id"))
    op.drop_table("claim_sources")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_to_party_id")
        batch_op.drop_constraint("fk_claims_to_party_id_parties", type_="foreignkey")
        batch_op.drop_column("evidence")
        batch_op.drop_column("number_text")
        batch_op.drop_column("qualifier")
        batch_op.drop_column("kind")
        batch_op.drop_column("to_party_id")
