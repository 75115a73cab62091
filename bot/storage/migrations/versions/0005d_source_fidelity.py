"""what the data says beyond its sources: claims, unknown dates, inferences, disagreements

Events may have no date (the source gives none) and say whether the source reports them as
fact or as someone's claim; aliases, roles and events can be marked as our inference; aliases
keep where a spelling not in the sources comes from; a source says whether its table is a
sample. New tables: group_events (events naming no one) and disagreements with their sides.

Revision ID: 0005d
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005d"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _provenance() -> list[sa.Column[object]]:
    return [
        sa.Column("inferred", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("note", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("coverage", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("coverage_note", sa.Text(), nullable=True))

    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.Text(), nullable=True))
        for column in _provenance():
            batch_op.add_column(column)

    with op.batch_alter_table("roles", schema=None) as batch_op:
        for column in _provenance():
            batch_op.add_column(column)

    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.alter_column("date_text", existing_type=sa.String(length=10), nullable=True)
        batch_op.alter_column("date_start", existing_type=sa.Date(), nullable=True)
        batch_op.alter_column("date_end", existing_type=sa.Date(), nullable=True)
        batch_op.add_column(
            sa.Column("reported_as", sa.String(length=10), nullable=False, server_default="fact")
        )
        for column in _provenance():
            batch_op.add_column(column)
    # What was a claim before this revision said so only through claimed_by.
    op.execute("UPDATE events SET reported_as = 'claim' WHERE claimed_by IS NOT NULL")

    op.create_table(
        "group_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("date_text", sa.String(length=10), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("sort_date", sa.Date(), nullable=False),
        sa.Column("precision", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("reported_as", sa.String(length=10), nullable=False, server_default="fact"),
        sa.Column("claimed_by", sa.Text(), nullable=True),
        sa.Column("people_count", sa.Integer(), nullable=True),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        *_provenance(),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["party_id"], ["parties.id"]),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_table(
        "disagreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["party_id"], ["parties.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("disagreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disagreements_person_id"), ["person_id"], unique=False)
    op.create_table(
        "disagreement_sides",
        sa.Column("disagreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("says", sa.Text(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["disagreement_id"], ["disagreements.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"]),
        sa.PrimaryKeyConstraint("disagreement_id", "position"),
    )


def downgrade() -> None:
    op.drop_table("disagreement_sides")
    with op.batch_alter_table("disagreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disagreements_person_id"))
    op.drop_table("disagreements")
    op.drop_table("group_events")
    # Events without a date cannot go back to a schema that requires one.
    op.execute("DELETE FROM events WHERE date_text IS NULL")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("note")
        batch_op.drop_column("inferred")
        batch_op.drop_column("reported_as")
        batch_op.alter_column("date_end", existing_type=sa.Date(), nullable=False)
        batch_op.alter_column("date_start", existing_type=sa.Date(), nullable=False)
        batch_op.alter_column("date_text", existing_type=sa.String(length=10), nullable=False)
    with op.batch_alter_table("roles", schema=None) as batch_op:
        batch_op.drop_column("note")
        batch_op.drop_column("inferred")
    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.drop_column("note")
        batch_op.drop_column("inferred")
        batch_op.drop_column("origin")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("coverage_note")
        batch_op.drop_column("coverage")
