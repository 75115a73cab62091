"""day totals: claims summed per day, kept by every writer of claims; the joint rows' index

Revision ID: 0005s
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005s"
down_revision: str | None = "0005d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The three scopes of bot.storage.day_totals.refresh, as they stand at this revision.
_SUMS = (
    "sum(claims.number), count(claims.id), "
    "coalesce(sum(case when claims.party_count > 1 then claims.number end), 0), "
    "count(case when claims.party_count > 1 then claims.id end)"
)
_GROUPS = "claims.reported_on, claims.source_id, claims.claimant"
_INSERT = (
    "insert into day_totals (day, party_id, kind, source_id, claimant, total, reports, "
    "joint_total, joint_reports) "
)
BACKFILL = (
    f"{_INSERT} select claims.reported_on, null, null, claims.source_id, claims.claimant, "
    f"{_SUMS} from claims group by {_GROUPS}",
    f"{_INSERT} select claims.reported_on, claim_parties.party_id, null, claims.source_id, "
    f"claims.claimant, {_SUMS} from claims join claim_parties "
    f"on claim_parties.claim_id = claims.id group by claim_parties.party_id, {_GROUPS}",
    f"{_INSERT} select claims.reported_on, null, kinds.kind, claims.source_id, claims.claimant, "
    f"{_SUMS} from claims join (select distinct claim_parties.claim_id, parties.kind "
    "from claim_parties join parties on parties.id = claim_parties.party_id) as kinds "
    f"on kinds.claim_id = claims.id group by kinds.kind, {_GROUPS}",
)


def upgrade() -> None:
    op.create_table(
        "day_totals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("joint_total", sa.BigInteger(), nullable=False),
        sa.Column("joint_reports", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("day_totals", schema=None) as batch_op:
        batch_op.create_index("ix_day_totals_scope", ["party_id", "kind", "day"], unique=False)
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(
            "ix_claims_joint_order",
            ["reported_on", "line_no", "id"],
            unique=False,
            sqlite_where=sa.text("party_count > 1"),
            postgresql_where=sa.text("party_count > 1"),
        )
    for statement in BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_joint_order")
    with op.batch_alter_table("day_totals", schema=None) as batch_op:
        batch_op.drop_index("ix_day_totals_scope")
    op.drop_table("day_totals")
